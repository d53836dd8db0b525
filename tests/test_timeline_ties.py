"""Why reports are one timeline entry: each merge is kept with its rule and score, and a report that says nothing of
when joins the one dated report of the corpus it can be, never one of two, never another undated one. The records
are built for the test: reports of a visit in the shapes news carries (a dated wire story, a page without date)."""

from __future__ import annotations

from parley.models import Article, Event, EventDate, Evidence, Record, replace
from parley.resolve.conflicts import find_conflicts
from parley.resolve.timeline import RULES, build_timeline, date_precision

PAIR = ("Aldo Ferrante", "Ines Calvo")


def _record(aid: str, text: str, published: str | None, *, people=PAIR, place: str | None = "Valletta",
            date: str | None = None, etype: str = "visit") -> Record:
    event = Event(id="ev1", type=etype, participants=tuple(people), location=place,
                  date=EventDate(date, None) if date else None, evidence=(Evidence(0, len(text)),),
                  actors=("ITA", "MLT"))
    return Record(article=Article(id=aid, source=f"{aid}.txt", text=text, published=published),
                  events=(event,), sentences=((0, len(text)),))


DATED = ("a-dated", "VALLETTA (Wire) - Italian President Aldo Ferrante arrived in Malta on Thursday for talks with "
         "Prime Minister Ines Calvo.", "2024-03-14")
UNDATED = ("b-undated", "Prime Minister Ines Calvo welcomed President Aldo Ferrante to Valletta with a guard of "
           "honour.", None)


def _mentions(timeline, aid):
    entry = timeline.entry_for(aid, "ev1")
    return {m.article_id for m in entry.mentions}, entry


def test_a_page_without_date_joins_the_one_dated_report_it_can_be():
    dated = _record(DATED[0], DATED[1], DATED[2], place="Malta", date="2024-03-14")
    undated = _record(*UNDATED)
    tl = build_timeline([dated, undated])
    members, entry = _mentions(tl, "b-undated")
    assert members == {"a-dated", "b-undated"}
    assert entry.date == "2024-03-14"
    (tie,) = entry.ties
    assert tie.rule == "the one dated report it can be" and tie.score == RULES[tie.rule]
    assert {tie.a[0], tie.b[0]} == {"a-dated", "b-undated"}


def test_a_page_without_date_that_fits_two_visits_joins_neither():
    visit_2019 = _record("a-2019", "Ferrante visited Valletta in May 2019 to meet Calvo.", "2019-05-10",
                         date="2019-05-09")
    visit_2024 = _record(DATED[0], DATED[1], DATED[2], place="Malta", date="2024-03-14")
    undated = _record(*UNDATED)
    tl = build_timeline([visit_2019, visit_2024, undated])
    members, entry = _mentions(tl, "b-undated")
    assert members == {"b-undated"} and entry.ties == ()


def test_two_pages_without_date_stay_apart():
    one = _record(*UNDATED)
    other = _record("c-undated", "Ferrante and Calvo laid a wreath in Valletta.", None)
    tl = build_timeline([one, other])
    assert _mentions(tl, "b-undated")[0] == {"b-undated"}


def test_a_page_without_date_naming_one_person_or_no_place_joins_nothing():
    dated = _record(DATED[0], DATED[1], DATED[2], place="Malta", date="2024-03-14")
    alone = _record("d-one", "President Aldo Ferrante was welcomed in Valletta.", None, people=("Aldo Ferrante",))
    nowhere = _record("e-nowhere", "Calvo welcomed Ferrante with a guard of honour.", None, place=None)
    tl = build_timeline([dated, alone, nowhere])
    assert _mentions(tl, "a-dated")[0] == {"a-dated"}


def test_a_page_without_date_at_another_place_joins_nothing():
    dated = _record(DATED[0], DATED[1], DATED[2], place="Malta", date="2024-03-14")
    elsewhere = _record("f-rome", "Calvo was received by Ferrante at the Quirinal in Rome.", None, place="Rome")
    tl = build_timeline([dated, elsewhere])
    assert _mentions(tl, "f-rome")[0] == {"f-rome"}


def test_every_merge_is_kept_with_its_rule_and_score():
    wire = _record("g-wire", "Ferrante and Calvo met in Valletta on 14 March 2024.", "2024-03-14", date="2024-03-14")
    paper = _record("h-paper", "The talks between Calvo and Ferrante in Valletta on March 14 covered migration.",
                    "2024-03-15", date="XXXX-03-14")
    weekly = _record("i-weekly", "Calvo hosted Ferrante in Valletta on Thursday.", "2024-03-20", date="XXXX-WXX-4")
    tl = build_timeline([wire, paper, weekly])
    members, entry = _mentions(tl, "g-wire")
    assert members == {"g-wire", "h-paper", "i-weekly"}
    assert len(entry.ties) == len(entry.mentions) - 1
    assert all(t.rule in RULES and t.score == RULES[t.rule] for t in entry.ties)
    joined = {frozenset((t.a[0], t.b[0])) for t in entry.ties}
    assert frozenset(("g-wire", "h-paper")) in joined
    as_dict = entry.to_dict()["ties"]
    assert {"reports", "rule", "score"} <= set(as_dict[0])
    assert {r["article_id"] for t in as_dict for r in t["reports"]} == members


def test_a_bare_weekday_has_no_month_or_day_precision():
    assert date_precision("XXXX-WXX-2") == "none"  # "on Tuesday", the year unknown
    assert date_precision("2023-W17") == "week"
    assert date_precision("2023-W17-2") == "day"
    assert date_precision("XXXX-04-22") == "month-day"


def test_an_entry_keeps_a_calendar_day_over_a_bare_weekday():
    weekday = _record("j-weekday", "Calvo hosted Ferrante in Valletta on Thursday.", None, date="XXXX-WXX-4")
    dated = _record("k-dated", "Ferrante met Calvo in Valletta on 14 March 2024.", "2024-03-15", date="2024-03-14")
    entry = build_timeline([weekday, dated]).entry_for("j-weekday", "ev1")
    assert {m.article_id for m in entry.mentions} == {"j-weekday", "k-dated"}
    assert entry.date == "2024-03-14" and entry.precision == "day"


def test_conflicts_of_a_joined_page_cite_both_sides():
    dated = _record("l-dated", "Ferrante arrived in Malta on 14 March 2024 on a state visit, hosted by Calvo.",
                    "2024-03-14", place="Malta", date="2024-03-14")
    undated = _record("m-undated", "Ferrante is in Valletta on an official visit at the invitation of Calvo.", None)
    records = [dated, undated]
    tl = build_timeline(records)
    kinds = [c for c in find_conflicts(records, tl) if c.kind == "visit kind"]
    assert len(kinds) == 1
    assert {s.article_id for s in kinds[0].sides} == {"l-dated", "m-undated"}
    assert {s.stance for s in kinds[0].sides} == {"state visit", "official visit"}


def test_a_page_without_date_joins_a_group_of_two_reports_of_one_visit():
    wire = _record("n-wire", "Ferrante and Calvo met in Valletta on 14 March 2024.", "2024-03-14", date="2024-03-14")
    paper = _record("o-paper", "Calvo received Ferrante in Valletta on March 14.", "2024-03-15", date="XXXX-03-14")
    undated = _record(*UNDATED)
    tl = build_timeline([wire, paper, undated])
    members, entry = _mentions(tl, "b-undated")
    assert members == {"n-wire", "o-paper", "b-undated"}
    assert [t.rule for t in entry.ties].count("the one dated report it can be") == 1


def _signing(aid: str, words: str, place: str, value: str | None, published: str) -> Record:
    from parley.models import Article, Event, EventDate, Evidence, Record

    text = f"President Ines Calvo and President Aldo Ferrante {words} in {place}."
    event = Event(id="ev1", type="agreement", participants=("Ines Calvo", "Aldo Ferrante"), location=place,
                  date=EventDate(value, None), evidence=(Evidence(0, len(text)),))
    return Record(article=Article(id=aid, source=f"{aid}.txt", text=text, published=published), events=(event,))


def test_one_signing_told_in_other_words_is_one_event():
    """'signed 12 documents' and 'signed a joint statement': the same two people, in one city, reported the same
    day, are one signing; in another city, or reported a month apart, they are not."""
    from parley.resolve.timeline import build_timeline

    a = _signing("s1", "signed 12 documents", "Riga", None, "2024-05-18")
    b = _signing("s2", "signed a joint statement", "Riga", "2024-05-17", "2024-05-18")
    far = _signing("s3", "signed a joint statement", "Riga", "2024-06-20", "2024-06-21")
    elsewhere = _signing("s4", "signed a joint statement", "Vilnius", "2024-05-17", "2024-05-18")
    for other, same in ((b, True), (far, False), (elsewhere, False)):
        tl = build_timeline([a, other])
        assert (tl.index[("s1", "ev1")] == tl.index[(other.article.id, "ev1")]) is same, other.article.id
    tl = build_timeline([a, b])
    assert [t.rule for e in tl for t in e.ties] == ["signed by the same people at that place, reported together"]


def _told_twice(aid: str, text: str, published: str | None, *, status: str = "planned",
                second_place: str = "Valletta") -> Record:
    """A dated page that tells one planned visit twice (the lede and again further down): two events."""
    half = len(text) // 2
    events = tuple(Event(id=f"ev{k + 1}", type="visit", participants=PAIR, location=place,
                         date=EventDate("2024-FA", "in autumn"), evidence=(Evidence(start, end),),
                         actors=("ITA", "MLT"), status=status)
                   for k, (place, start, end) in enumerate((("Valletta", 0, half), (second_place, half, len(text)))))
    return Record(article=Article(id=aid, source=f"{aid}.txt", text=text, published=published), events=events,
                  sentences=((0, half), (half, len(text))))


TOLD_TWICE = ("a-twice", "Ferrante will visit Valletta in autumn, his office said. It was also stated that "
              "Ferrante and Calvo agreed to meet in Valletta in autumn.", "2024-07-13")


def _undated_planned() -> Record:
    rec = _record("b-undated", "Ferrante and Calvo are to meet in Valletta, officials said.", None)
    return Record(article=rec.article, events=(replace(rec.events[0], status="planned"),), sentences=rec.sentences)


def test_a_page_without_date_joins_a_visit_its_counterpart_tells_twice():
    tl = build_timeline([_told_twice(*TOLD_TWICE), _undated_planned()])
    members, entry = _mentions(tl, "b-undated")
    assert members == {"a-twice", "b-undated"}
    assert {m.event_id for m in entry.mentions if m.article_id == "a-twice"} == {"ev1"}  # the first telling
    assert tl.entry_for("a-twice", "ev2").timeline_id != entry.timeline_id


def test_two_different_events_of_one_page_are_no_telling_twice():
    # the same people in autumn at two places of the page: two events, and the undated page fits both: neither
    twice = _told_twice(*TOLD_TWICE, second_place="Malta")
    tl = build_timeline([twice, _undated_planned()])
    assert _mentions(tl, "b-undated")[0] == {"b-undated"}


# a phone call has no place: the pages that say nothing of when each join the one dated report of the call
CALL_DATED = ("a-call", "MANILA (Wire) - Italian President Aldo Ferrante spoke by phone with Prime Minister Ines Calvo "
              "on Tuesday, his office said.", "2024-11-19")
CALL_PAGE_ONE = ("b-call", "Calvo described her call with Ferrante as very friendly.", None)
CALL_PAGE_TWO = ("c-call", "Ferrante and Calvo discussed trade and migration in their phone call.", None)


def _call(aid: str, text: str, published: str | None, date: str | None = None) -> Record:
    return _record(aid, text, published, place=None, date=date, etype="call")


def test_pages_without_date_join_the_one_dated_report_of_a_call():
    tl = build_timeline([_call(*CALL_DATED, date="2024-11-19"), _call(*CALL_PAGE_ONE), _call(*CALL_PAGE_TWO)])
    members, entry = _mentions(tl, "b-call")
    assert members == {"a-call", "b-call", "c-call"}
    assert [t.rule for t in entry.ties] == ["the one dated report it can be"] * 2


def test_a_page_without_date_of_a_call_joins_neither_of_two_dated_calls():
    earlier = _call("a-earlier", "Ferrante and Calvo spoke by phone in March.", "2024-03-02", date="2024-03-01")
    tl = build_timeline([earlier, _call(*CALL_DATED, date="2024-11-19"), _call(*CALL_PAGE_ONE)])
    assert _mentions(tl, "b-call")[0] == {"b-call"}


def test_two_pages_without_date_of_a_call_stay_apart_with_no_dated_report():
    tl = build_timeline([_call(*CALL_PAGE_ONE), _call(*CALL_PAGE_TWO)])
    assert _mentions(tl, "b-call")[0] == {"b-call"}


def test_a_visit_page_without_date_needs_a_place_though_a_call_does_not():
    dated = _record(DATED[0], DATED[1], DATED[2], place="Malta", date="2024-03-14")
    unplaced = _record(*UNDATED, place=None)
    assert _mentions(build_timeline([dated, unplaced]), "b-undated")[0] == {"b-undated"}

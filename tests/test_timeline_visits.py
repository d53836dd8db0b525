"""A visit holds the meetings its own article tells of it, and a signing that does not say when joins the one dated
signing of the same states. The records are built for the test, with sentences written for it: an invented visit
of an Italian president to Malta."""

from __future__ import annotations

from parley.models import Article, Event, EventDate, Evidence, Record
from parley.resolve import incremental
from parley.resolve.conflicts import find_conflicts
from parley.resolve.timeline import RULES, build_timeline

PAIR = ("Aldo Ferrante", "Ines Calvo")


def _event(eid: str, text: str, sentence: str, etype: str, *, people=PAIR, place: str | None = "Valletta",
           date: str | None = None, status: str = "occurred", actors=("ITA", "MLT")) -> Event:
    start = text.index(sentence)
    return Event(id=eid, type=etype, participants=tuple(people), location=place,
                 date=EventDate(date, None) if date else None, status=status,
                 evidence=(Evidence(start, start + len(sentence)),), actors=actors)


def _record(aid: str, text: str, published: str | None, *events: Event) -> Record:
    return Record(article=Article(id=aid, source=f"{aid}.txt", text=text, published=published), events=events,
                  sentences=((0, len(text)),))


ARRIVAL = "President Aldo Ferrante arrived in Valletta on Thursday on a state visit to Malta."
TALKS = "He will hold talks with Prime Minister Ines Calvo at the Auberge de Castille."
WIRE = ARRIVAL + " " + TALKS
REPORT = "Ferrante and Calvo met in Valletta on Thursday and spoke about migration in the Mediterranean."


def _visit_article(talks_date: str | None = None, visit_status: str = "occurred") -> Record:
    return _record("a-wire", WIRE, "2024-03-14",
                   _event("ev1", WIRE, ARRIVAL, "visit", date="2024-03-14", status=visit_status),
                   _event("ev2", WIRE, TALKS, "talks", place=None, date=talks_date, status="planned"))


def _entry_articles(timeline, aid: str, eid: str) -> set[tuple[str, str]]:
    entry = timeline.entry_for(aid, eid)
    return {(m.article_id, m.event_id) for m in entry.mentions}


def test_a_visit_and_its_own_talks_are_one_entry_with_the_other_report():
    report = _record("b-daily", REPORT, "2024-03-15", _event("ev1", REPORT, REPORT, "meeting", date="2024-03-14"))
    timeline = build_timeline([_visit_article(), report])
    assert _entry_articles(timeline, "a-wire", "ev2") == {("a-wire", "ev1"), ("a-wire", "ev2"), ("b-daily", "ev1")}
    assert timeline.entry_for("a-wire", "ev2").type == "visit"


def test_the_visit_holds_its_own_talks_with_the_rule_and_score_shown():
    timeline = build_timeline([_visit_article()])
    assert _entry_articles(timeline, "a-wire", "ev2") == {("a-wire", "ev1"), ("a-wire", "ev2")}
    (tie,) = timeline.entry_for("a-wire", "ev2").ties
    assert tie.rule == "a meeting of the visit its article tells" and tie.score == RULES[tie.rule]


def test_talks_on_another_day_than_the_visit_stay_apart():
    # the talks are dated a month later: not a day of this visit
    timeline = build_timeline([_visit_article(talks_date="2024-04-20")])
    assert _entry_articles(timeline, "a-wire", "ev2") == {("a-wire", "ev2")}


def test_a_called_off_visit_holds_nothing():
    timeline = build_timeline([_visit_article(visit_status="cancelled")])
    assert _entry_articles(timeline, "a-wire", "ev2") == {("a-wire", "ev2")}


def test_an_undated_visit_does_not_hold_a_dated_meeting_of_another_time():
    text = ("Ferrante is on a visit to Valletta, where Calvo received him. "
            "The two last met in Rome in October 2022.")
    record = _record("c-page", text, None,
                     _event("ev1", text, "Ferrante is on a visit to Valletta, where Calvo received him.", "visit"),
                     _event("ev2", text, "The two last met in Rome in October 2022.", "meeting", place=None,
                            date="2022-10"))
    timeline = build_timeline([record])
    assert _entry_articles(timeline, "c-page", "ev2") == {("c-page", "ev2")}


def test_a_visit_of_one_person_holds_no_meeting():
    text = "Ferrante will visit Malta. He met Calvo and the mayor of Valletta."
    record = _record("d-page", text, "2024-03-10",
                     _event("ev1", text, "Ferrante will visit Malta.", "visit", people=("Aldo Ferrante",),
                            place="Malta", status="planned"),
                     _event("ev2", text, "He met Calvo and the mayor of Valletta.", "meeting"))
    timeline = build_timeline([record])
    assert _entry_articles(timeline, "d-page", "ev2") == {("d-page", "ev2")}


DATED_SIGNING = "Malta and Italy will sign at least 12 agreements in Valletta on March 14, Ferrante and Calvo said."
UNDATED_SIGNING = "Italy and Malta are expected to sign about eight agreements during the visit."


def _signings(*extra: Record, status: str = "planned") -> list[Record]:
    dated = _record("e-dated", DATED_SIGNING, None,
                    _event("ev1", DATED_SIGNING, DATED_SIGNING, "agreement", date="XXXX-03-14", status="planned"))
    undated = _record("f-undated", UNDATED_SIGNING, None,
                      _event("ev1", UNDATED_SIGNING, UNDATED_SIGNING, "agreement", people=("Italy", "Malta"),
                             place=None, status=status))
    return [dated, undated, *extra]


def test_a_signing_that_does_not_say_when_joins_the_one_dated_signing_of_those_states():
    records = _signings()
    timeline = build_timeline(records)
    assert _entry_articles(timeline, "f-undated", "ev1") == {("e-dated", "ev1"), ("f-undated", "ev1")}
    (tie,) = timeline.entry_for("f-undated", "ev1").ties
    assert tie.rule == "the one dated signing of those states it can be"
    counts = [c for c in find_conflicts(records, timeline) if c.kind.startswith("count")]
    assert counts and {s.article_id for s in counts[0].sides} == {"e-dated", "f-undated"}


def test_a_signing_done_is_not_joined_to_a_signing_planned():
    timeline = build_timeline(_signings(status="occurred"))
    assert _entry_articles(timeline, "f-undated", "ev1") == {("f-undated", "ev1")}


def test_a_signing_that_fits_two_dated_signings_joins_neither():
    text = "Malta and Italy will sign a migration accord in Rome on June 2."
    other = _record("g-rome", text, None, _event("ev1", text, text, "agreement", place="Rome", date="XXXX-06-02",
                                                 status="planned"))
    timeline = build_timeline(_signings(other))
    assert _entry_articles(timeline, "f-undated", "ev1") == {("f-undated", "ev1")}


def test_incremental_links_and_keys_cover_both_joins():
    """resolve.incremental must find these pairs through the stored keys and link them, or an ingest would
    decide otherwise than a full recompute."""
    wire = _visit_article()
    dated, undated = _signings()
    for x, y in (((wire, wire.events[0]), (wire, wire.events[1])),
                 ((dated, dated.events[0]), (undated, undated.events[0]))):
        assert incremental.linked(x, y) and incremental.linked(y, x)
        kx, ky = incremental.event_keys(*x), incremental.event_keys(*y)
        assert set(kx.own) & set(ky.probe) and set(ky.own) & set(kx.probe)

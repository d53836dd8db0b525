"""Days that meet though the dates differ: a visit of several days holds the talks of one of its days, and two pages
without a date that give the same weekday for the same people at the same place are one event. The reports are
written for the test in the shapes news pages carry (an undated page, "arrived on a four-day visit on Thursday")."""

from __future__ import annotations

import pytest

from parley.models import Article, Event, EventDate, Evidence, Record, Timex
from parley.resolve import timeline as tl
from parley.resolve._days import same_weekday, visit_days, weekday_of, within_visit
from parley.resolve.conflicts import find_conflicts

PAIR = ("Aldo Ferrante", "Ines Calvo")


def _record(aid: str, text: str, published: str | None, *, date: str | None, etype: str = "visit",
            place: str | None = "Valletta", people=PAIR) -> Record:
    """One report: its event's evidence is the whole text, its DURATION timexes those of "N-day" in the text."""
    timexes = []
    for n, word in enumerate(("two", "three", "four", "five"), start=2):
        at = text.find(f"{word}-day")
        if at >= 0:
            timexes.append(Timex(f"{word}-day", f"P{n}D", "DURATION", at, at + len(word) + 4))
    event = Event(id="ev1", type=etype, participants=tuple(people), location=place,
                  date=EventDate(date, None) if date else None, evidence=(Evidence(0, len(text)),), actors=("ITA", "MLT"))
    return Record(article=Article(id=aid, source=f"{aid}.txt", text=text, published=published), events=(event,),
                  timexes=tuple(timexes), sentences=((0, len(text)),))


VISIT = ("President Aldo Ferrante arrived in Valletta on a four-day visit on Thursday, his first since taking "
         "office.")
TALKS = "Prime Minister Ines Calvo received President Aldo Ferrante on Saturday in Valletta."


def _members(timeline, aid):
    return {m.article_id for m in timeline.entry_for(aid, "ev1").mentions}


def test_a_four_day_visit_holds_the_talks_of_its_third_day():
    visit = _record("a-visit", VISIT, None, date="XXXX-WXX-4")
    talks = _record("b-talks", TALKS, None, date="XXXX-WXX-6", etype="talks")
    timeline = tl.build_timeline([visit, talks])
    assert _members(timeline, "a-visit") == {"a-visit", "b-talks"}
    (tie,) = timeline.entry_for("a-visit", "ev1").ties
    assert tie.rule == "a day of a visit of several days, same people and place" and tie.score == tl.RULES[tie.rule]
    # Thursday and Saturday are no disagreement: Saturday is a day of the visit
    assert [c for c in find_conflicts([visit, talks], timeline) if c.kind == "date"] == []


def test_talks_after_the_visit_has_ended_are_another_event():
    visit = _record("a-visit", VISIT.replace("four-day", "two-day"), None, date="XXXX-WXX-4")
    talks = _record("b-talks", TALKS, None, date="XXXX-WXX-6", etype="talks")
    assert _members(tl.build_timeline([visit, talks]), "a-visit") == {"a-visit"}


@pytest.mark.parametrize("day, inside", [("2024-03-03", True), ("2024-03-05", True), ("2024-03-06", False),
                                         ("2024-03-02", False), ("XXXX-03-04", True), ("2023-03-04", False)])
def test_calendar_days_of_a_three_day_visit(day, inside):
    visit = _record("a-visit", "Ferrante began a three-day state visit to Malta on 3 March 2024.", "2024-03-03",
                    date="2024-03-03", place="Malta")
    talks = _record("b-talks", "Calvo and Ferrante held talks in Valletta.", "2024-03-06", date=day, etype="talks")
    assert within_visit(visit, visit.events[0], talks, talks.events[0]) is inside
    assert within_visit(talks, talks.events[0], visit, visit.events[0]) is inside  # either order


def test_a_duration_that_is_no_visit_gives_no_span():
    forum = _record("a-forum", "Ferrante opened a four-day forum in Valletta on Thursday.", None, date="XXXX-WXX-4")
    assert visit_days(forum, forum.events[0]) is None
    talks = _record("a-talks", VISIT, None, date="XXXX-WXX-4", etype="talks")  # only a visit lasts days
    assert visit_days(talks, talks.events[0]) is None
    visit = _record("a-visit", "The two-day State visit will deepen ties.", None, date="XXXX-WXX-4")
    assert visit_days(visit, visit.events[0]) == 2


def test_two_undated_pages_of_one_weekday_are_one_meeting():
    one = _record("a-one", TALKS, None, date="XXXX-WXX-6", etype="talks")
    other = _record("b-other", "Ferrante met Calvo in Valletta on Saturday, the two leaders' office said.", None,
                    date="XXXX-WXX-6", etype="meeting")
    timeline = tl.build_timeline([one, other])
    assert _members(timeline, "a-one") == {"a-one", "b-other"}
    (tie,) = timeline.entry_for("a-one", "ev1").ties
    assert tie.rule == "same weekday, people and place, pages undated"


@pytest.mark.parametrize("change", [{"date": "XXXX-WXX-5"}, {"place": "Rome"}, {"place": None},
                                    {"people": ("Aldo Ferrante",)}])
def test_another_weekday_place_or_people_keep_undated_pages_apart(change):
    one = _record("a-one", TALKS, None, date="XXXX-WXX-6", etype="talks")
    other = _record("b-other", "Ferrante met Calvo on Saturday.", None, **{"date": "XXXX-WXX-6", "etype": "meeting",
                                                                          **change})
    assert _members(tl.build_timeline([one, other]), "a-one") == {"a-one"}


def test_the_weekday_rule_is_for_undated_pages_only():
    assert same_weekday("XXXX-WXX-6", "XXXX-WXX-6") and not same_weekday("XXXX-WXX-6", "XXXX-WXX-5")
    assert not same_weekday("2024-03-02", "XXXX-WXX-6")  # a calendar day is compared by the calendar
    one = _record("a-one", TALKS, "2024-03-04", date="XXXX-WXX-6", etype="talks")
    other = _record("b-other", TALKS, None, date="XXXX-WXX-6", etype="talks")
    assert tl.tie(one, one.events[0], other, other.events[0]) != "same weekday, people and place, pages undated"


def test_weekday_of():
    assert weekday_of("XXXX-WXX-6") == 6
    assert weekday_of("2019-10-05") == 6  # a Saturday
    assert weekday_of("XXXX-10-05") is None  # no year, no weekday
    assert weekday_of(None) is None


def test_candidates_hold_the_pairs_these_rules_accept():
    records = [_record("a-visit", VISIT, None, date="XXXX-WXX-4"),
               _record("b-talks", TALKS, None, date="XXXX-WXX-6", etype="talks"),
               _record("c-talks", TALKS, None, date="XXXX-WXX-6", etype="meeting"),
               _record("d-visit", "Ferrante began a three-day state visit to Malta on 3 March 2024.", "2024-03-03",
                       date="2024-03-03"),
               _record("e-talks", "Calvo and Ferrante held talks in Valletta.", "2024-03-09", date="2024-03-05",
                       etype="talks")]
    items = [(r, e) for r in records for e in r.events]
    accepted = {(i, j) for i in range(len(items)) for j in range(i + 1, len(items))
                if tl.same_event(*items[i], *items[j])}
    assert {(0, 1), (1, 2), (3, 4)} <= accepted
    assert accepted <= set(tl.candidate_pairs(items))
    assert tl.build_timeline(records).to_dict() == tl.build_timeline(records, blocking=False).to_dict()

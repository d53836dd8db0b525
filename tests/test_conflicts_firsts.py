"""When the last time was, as reports of one visit date its first time: "the first since 2018" against "for the
first time in 12 years" is a disagreement an analyst must see; "in more than five years" against "since 2018" is
none. Sentences written for the test, in the shapes wire stories carry."""

from __future__ import annotations

import math

import pytest

from parley.models import Article, Event, EventDate, Evidence, Record
from parley.resolve._firsts import last_times_agree, last_times_in
from parley.resolve.conflicts import find_conflicts
from parley.resolve.timeline import build_timeline


@pytest.mark.parametrize("text, low, high", [
    ("Ferrante's trip is the first since 2018, when his predecessor came.", 2018, 2018),
    ("the first Italian leader to visit the island in more than five years", -math.inf, 2019),
    ("restoring the talks for the first time in 12 years", 2011, 2013),
    ("the first such visit in nearly six years", 2018, 2019),
    ("The last visit by an Italian president to Malta was made by Carla Ruggeri in 2016.", 2016, 2016),
])
def test_readings_of_the_last_time(text, low, high):
    (t,) = last_times_in(text, 0, len(text), 2024)
    assert (t.low, t.high) == (low, high) and t.text in text


@pytest.mark.parametrize("text", ["the first round since the ceasefire", "for the first time in history",
                                  "the first of 12 years of talks"])
def test_no_reading(text):
    assert last_times_in(text, 0, len(text), 2024) == []


def test_a_reading_in_years_needs_the_year_of_the_event():
    text = "for the first time in 12 years"
    assert last_times_in(text, 0, len(text), None) == []


def test_an_articles_readings_narrow_each_other():
    both = "the first leader to visit in more than five years. The trip is the first since 2018."
    twelve = "for the first time in 12 years"
    six = "for the first time in six years"
    a, b, c = (last_times_in(t, 0, len(t), 2024) for t in (both, twelve, six))
    assert not last_times_agree(a, b)  # 2018 against 2011-2013
    assert last_times_agree(a, c)  # 2018 against 2017-2019


def _report(aid: str, text: str, published: str | None, date: str | None) -> Record:
    event = Event(id="ev1", type="visit", participants=("Aldo Ferrante", "Ines Calvo"), location="Valletta",
                  date=EventDate(date, None) if date else None, evidence=(Evidence(0, len(text)),), actors=("ITA", "MLT"))
    return Record(article=Article(id=aid, source=f"{aid}.txt", text=text, published=published), events=(event,),
                  sentences=((0, len(text)),))


SINCE = ("Italian President Aldo Ferrante arrived in Valletta on Monday for talks with Prime Minister Ines Calvo, "
         "the first since 2018.")
YEARS = ("Ferrante and Calvo met in Valletta on March 4, 2024, holding a summit for the first time in 12 years.")


def test_two_reports_of_one_visit_date_the_last_time_apart():
    recs = [_report("a", SINCE, "2024-03-04", "2024-03-04"), _report("b", YEARS, None, "2024-03-04")]
    timeline = build_timeline(recs)
    (found,) = [c for c in find_conflicts(recs, timeline) if c.kind == "first since"]
    assert {(s.article_id, s.stance) for s in found.sides} == {("a", "first since 2018"),
                                                                ("b", "first time in 12 years")}
    for s in found.sides:
        assert recs[0 if s.article_id == "a" else 1].article.text[s.start:s.end] == s.text


def test_readings_that_meet_are_no_disagreement():
    recs = [_report("a", SINCE, "2024-03-04", "2024-03-04"),
            _report("b", YEARS.replace("12 years", "six years"), None, "2024-03-04")]
    assert [c for c in find_conflicts(recs, build_timeline(recs)) if c.kind == "first since"] == []

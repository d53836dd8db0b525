"""Places compared by containment (venue in city in state) for the timeline and for conflicts, on place names of
the shapes news gives: a venue named after its city, a capital and its country, an unknown building and its city,
two cities of two states."""

from __future__ import annotations

import pytest

from parley.knowledge.places import place_relation
from parley.models import Article, Event, EventDate, Evidence, Record
from parley.resolve.conflicts import find_conflicts
from parley.resolve.timeline import build_timeline, places_fit


@pytest.mark.parametrize("a, b, relation", [
    ("Bogor Palace", "Bogor", "within"),  # a venue named after its city
    ("Tashkent", "Uzbekistan", "within"),  # a city in its state
    ("Seoul", "South Korea", "within"),
    ("Bogor Palace", "Indonesia", "within"),  # the venue's city in the state
    ("Valletta", "Valletta", "same"),
    ("Vilnius", "Brussels", "apart"),  # two cities of two states
    ("Japan", "South Korea", "apart"),
    ("Maximos Mansion", "Athens", None),  # a building parley does not know: cannot tell
    ("Queenstown", "New Zealand", None),  # the tables' Queenstown is another namesake: not claimed apart
    (None, "Athens", None),
])
def test_place_relation(a, b, relation):
    assert place_relation(a, b) == relation
    assert place_relation(b, a) == relation


def test_places_fit_for_one_event():
    assert places_fit("Bogor Palace", "Bogor")
    assert places_fit("Tashkent", "Uzbekistan")
    assert places_fit(None, "Athens")
    assert not places_fit("Vilnius", "Brussels")


def _report(aid: str, place: str, published: str) -> Record:
    text = f"Prime Minister Ines Calvo and President Aldo Ferrante met at {place} on 7 December 2023."
    event = Event(id="ev1", type="meeting", participants=("Ines Calvo", "Aldo Ferrante"), location=place,
                  date=EventDate("2023-12-07", "7 December 2023"), evidence=(Evidence(0, len(text)),))
    return Record(article=Article(id=aid, source=f"{aid}.txt", text=text, published=published), events=(event,),
                  sentences=((0, len(text)),))


def test_a_venue_and_its_city_are_no_disagreement():
    records = [_report("a1", "Maximos Mansion", "2023-12-07"), _report("a2", "Athens", "2023-12-08")]
    tl = build_timeline(records)
    assert len({m.article_id for m in tl.entry_for("a1", "ev1").mentions}) == 2
    assert not [c for c in find_conflicts(records, tl) if c.kind == "place"]


def test_two_cities_for_one_meeting_are_a_disagreement():
    records = [_report("b1", "Vilnius", "2023-12-07"), _report("b2", "Brussels", "2023-12-08")]
    tl = build_timeline(records)
    assert len({m.article_id for m in tl.entry_for("b1", "ev1").mentions}) == 2  # same day and people
    (conflict,) = [c for c in find_conflicts(records, tl) if c.kind == "place"]
    assert {s.stance for s in conflict.sides} == {"Vilnius", "Brussels"}
    assert all(s.text for s in conflict.sides)

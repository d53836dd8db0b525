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
    ("Queenstown", "New Zealand", "within"),  # the most populous Queenstown is South Africa's; GeoNames has NZ's
    ("Queenstown", "South Africa", "within"),
    ("Queenstown", "Australia", None),  # no Queenstown of 5,000 there: a smaller one may be, not claimed apart
    ("Hyderabad", "Pakistan", "within"),  # India's and Sindh's
    (None, "Athens", None),
])
def test_place_relation(a, b, relation):
    assert place_relation(a, b) == relation
    assert place_relation(b, a) == relation


def test_places_fit_for_one_event():
    assert places_fit("Bogor Palace", "Bogor")
    assert places_fit("Tashkent", "Uzbekistan")
    assert places_fit(None, "Athens")
    assert places_fit("Queenstown", "New Zealand")  # a city of a name borne in several states, in one of them
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


@pytest.mark.parametrize("a, b, relation", [
    ("Thessaloniki", "Athens", "apart"),  # a city written without its diacritics ("Thessaloníki") is that city
    ("Thessaloniki", "Greece", "within"),
    ("Thessaloniki", "Thessaloníki", "same"),
])
def test_a_city_written_without_diacritics(a, b, relation):
    assert place_relation(a, b) == relation


def test_two_cities_of_one_state_are_not_one_place():
    """The city named for a state's region ("Thessaloniki", also a Greek region in the actor tables) is a city:
    it does not hold Athens."""
    assert not places_fit("Thessaloniki", "Athens")
    assert places_fit("Thessaloniki", "Greece")


def _undated(aid: str, place: str, value: str | None, published: str | None) -> Record:
    text = f"Foreign ministers Ines Calvo and Aldo Ferrante met in {place}."
    event = Event(id="ev1", type="meeting", participants=("Ines Calvo", "Aldo Ferrante"), location=place,
                  date=EventDate(value, None), evidence=(Evidence(0, len(text)),))
    return Record(article=Article(id=aid, source=f"{aid}.txt", text=text, published=published), events=(event,))


def test_a_page_that_says_nothing_of_when_joins_the_one_report_that_gives_a_day_without_a_year():
    """'Jan. 13' in an undated page says when, in part: the page that says nothing of when joins it, when it is
    the one report of those people there."""
    tl = build_timeline([_undated("c1", "Riga", None, None), _undated("c2", "Riga", "XXXX-01-13", None)])
    assert tl.index[("c1", "ev1")] == tl.index[("c2", "ev1")]
    assert [t.rule for e in tl for t in e.ties] == ["the one dated report it can be"]


def test_a_page_that_says_nothing_of_when_joins_no_report_in_another_city_of_the_state():
    tl = build_timeline([_undated("d1", "Thessaloniki", None, None), _undated("d2", "Athens", "2023-12-07", None)])
    assert tl.index[("d1", "ev1")] != tl.index[("d2", "ev1")]


def test_city_states_hold_every_namesake_of_the_tables():
    from parley.knowledge.places import city_states

    assert {"NZL", "ZAF"} <= city_states("Queenstown")
    assert city_states("Tashkent") == {"UZB"}
    assert city_states("Maximos Mansion") == frozenset()

"""General event rules on sentences written for these tests: a called-off event is not the one that happened, the
outcome of a planned event wins over "planned", and a place inside what talks are about is not where they were."""

from __future__ import annotations

import pytest

from parley.extract import build_record
from parley.models import Article


@pytest.fixture(scope="module")
def nlp():
    from parley.nlp import load

    return load()


def events_of(nlp, text, published="2024-05-10"):
    rec = build_record(Article(id="t", source="test", text=text, published=published), nlp(text))
    return rec.events


def test_cancelled_visit_stays_apart_from_the_meeting_that_happened(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric met Argentine President Javier Milei in Santiago on "
                         "Thursday. A visit by Boric to Buenos Aires that had been announced for March was "
                         "cancelled, officials said.")
    met = [e for e in evs if e.location == "Santiago"]
    assert len(met) == 1 and met[0].status == "occurred"
    assert all(e.status != "cancelled" for e in met)
    assert any(e.status == "cancelled" for e in evs)


def test_postponed_beats_planned_in_the_same_clause(nlp):
    evs = events_of(nlp, "A planned trip by Thai Prime Minister Srettha Thavisin to Hanoi next week was postponed "
                         "because of floods, his office said.")
    assert [e.status for e in evs] == ["postponed"]


@pytest.mark.parametrize("text, place", [
    ("Nigerian President Bola Tinubu held talks with Ghanaian President John Mahama on the war in Sudan on "
     "Monday.", None),
    ("Nigerian President Bola Tinubu held talks with Ghanaian President John Mahama in Accra on the crisis in "
     "Niger on Monday.", "Accra"),
    ("Jordanian Foreign Minister Ayman Safadi met Egyptian Foreign Minister Badr Abdelatty in Amman on Monday to "
     "discuss the situation in Lebanon.", "Amman"),
    ("Peruvian President Dina Boluarte met Chilean President Gabriel Boric on the sidelines of the APEC summit in "
     "Lima on Monday.", "Lima"),
])
def test_place_inside_the_topic_is_not_the_venue(nlp, text, place):
    evs = events_of(nlp, text)
    assert evs, text
    assert evs[0].location == place


def test_earlier_meeting_dated_back_from_the_later_one(nlp):
    evs = events_of(nlp, "Kenyan Foreign Minister Musalia Mudavadi held talks with his Tanzanian counterpart "
                         "Mahmoud Thabit Kombo in Nairobi on Thursday, two weeks after their first meeting in Arusha.",
                    published="2024-05-10")
    nairobi = [e for e in evs if e.location == "Nairobi"]
    arusha = [e for e in evs if e.location == "Arusha"]
    assert nairobi and nairobi[0].date.value == "2024-05-09"
    assert arusha and arusha[0].date is not None and arusha[0].date.value == "2024-04-25"
    assert set(arusha[0].participants) == set(nairobi[0].participants)

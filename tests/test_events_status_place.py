"""Statuses of what did not (yet) take place (offered, proposed, demanded, rejected, conditional: CAMEO OFFER,
SUGGEST, DEMAND and REFUSE classes in nlp/data/event_modality.txt), an undated weekday (no calendar value), and
places: a fronted "At the X airport" on the trigger verb, "to China's Xi'an", a place of another clause. Sentences
written for these tests."""

from __future__ import annotations

from functools import partial

import pytest

import _helpers


events_of = partial(_helpers.events_of, published="2024-05-10")


@pytest.mark.parametrize("text, status", [
    ("Chilean President Gabriel Boric offered to host talks with Argentine President Javier Milei in Santiago.",
     "offered"),
    ("Chilean President Gabriel Boric proposed to meet Argentine President Javier Milei in Santiago.", "proposed"),
    ("Chilean President Gabriel Boric refused to meet Argentine President Javier Milei in Santiago.", "rejected"),
    ("Chilean President Gabriel Boric said he would meet Argentine President Javier Milei in Santiago if the "
     "border dispute was settled.", "conditional"),
])
def test_what_was_only_offered_or_refused_is_not_planned_nor_past(nlp, text, status):
    evs = [e for e in events_of(nlp, text) if "Javier Milei" in e.participants]
    assert evs, text
    assert evs[0].status == status


def test_an_offer_that_was_rejected_is_rejected(nlp):
    evs = events_of(nlp, "Argentine President Javier Milei rejected an offer to host a summit with Chilean "
                         "President Gabriel Boric.")
    summits = [e for e in evs if e.type in ("summit", "meeting")]
    assert summits and summits[0].status == "rejected"


def test_an_ordinary_plan_stays_planned(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric plans to meet Argentine President Javier Milei in "
                         "Santiago next month.")
    assert evs and evs[0].status == "planned"


def test_a_weekday_in_an_undated_page_gives_no_date_value(nlp):
    evs = _helpers.events_of(nlp, "Chilean President Gabriel Boric met Argentine President Javier Milei in "
                                  "Santiago on Saturday.", published=None)
    assert evs and evs[0].date is not None
    assert evs[0].date.value is None and "Saturday" in evs[0].date.text


def test_a_weekday_in_a_dated_page_is_its_day(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric met Argentine President Javier Milei in Santiago on "
                         "Wednesday.")
    assert evs and evs[0].date.value == "2024-05-08"


def test_a_fronted_place_of_the_trigger_verb_is_its_place(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric arrived in Argentina on Thursday. At the Buenos Aires "
                         "airport, Boric was met by Argentine President Javier Milei.")
    met = [e for e in evs if e.type == "meeting" or set(e.participants) == {"Gabriel Boric", "Javier Milei"}]
    assert met and met[0].location == "Buenos Aires"


def test_a_city_after_its_state_is_the_place(nlp):
    evs = events_of(nlp, "Agreements were signed during the state visit of Chilean President Gabriel Boric to "
                         "Argentina's Rosario.")
    visits = [e for e in evs if e.type == "visit"]
    assert visits and visits[0].location == "Rosario"


def test_a_place_of_another_clause_is_not_the_meeting_place(nlp):
    evs = events_of(nlp, "The Argentine government announced the meeting with Chilean President Gabriel Boric "
                         "after Javier Milei chose not to attend the forum in Buenos Aires.")
    assert all(e.location != "Buenos Aires" for e in evs if "Gabriel Boric" in e.participants)


def test_an_organisation_naming_its_summit_is_no_place(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric will meet Argentine President Javier Milei before "
                         "Boric hosts a G20 summit from May 19.")
    assert all(e.location not in ("G20", "G-20") for e in evs)


def test_surnames_after_between_are_the_article_people(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric and Argentine President Javier Milei met in Santiago on "
                         "Wednesday. During the one-hour meeting between Boric and Milei in Santiago, it was stated "
                         "that trade would grow.")
    assert evs and set(evs[0].participants) == {"Gabriel Boric", "Javier Milei"}


def test_a_date_restated_in_brackets_wins_over_today(nlp):
    evs = events_of(nlp, "Two decisions were taken at the meeting between Chilean President Gabriel Boric and "
                         "Argentine President Javier Milei held today (Wednesday 8 May) in Santiago.")
    assert evs and evs[0].date is not None and evs[0].date.value == "2024-05-08"


def test_a_title_case_headline_is_no_caption_of_its_own(nlp):
    evs = events_of(nlp, "PM Boric Leaves Santiago for Argentina for Talks With President Milei\n"
                         "Chilean President Gabriel Boric left Santiago on Sunday for a two-day trip to Argentina. "
                         "He is scheduled to meet Argentine President Javier Milei in Buenos Aires.")
    assert evs
    assert not [e for e in evs if list(e.participants) == ["Javier Milei"]]
    assert all(len(set(e.participants)) == len(e.participants) for e in evs)


@pytest.mark.parametrize("text", [
    "Chilean President Gabriel Boric arrived in Buenos Aires on Thursday and met Argentine President Javier Milei. "
    "Boric said his visit to Argentina was a success.",
    "Foreign ministers of Chile and Argentina meet in Argentina\nThe foreign ministers convened on Thursday the first "
    "meeting in five years in Buenos Aires. Chilean Foreign Minister Alberto van Klaveren and his Argentine "
    "counterpart Diana Mondino met in Buenos Aires.",
])
def test_a_mention_naming_the_state_of_the_event_city_is_the_same_event(nlp, text):
    evs = events_of(nlp, text)
    assert len(evs) == 1
    assert evs[0].location == "Buenos Aires"

"""Event triggers from CAMEO (telephone, joint statements, exchanging views), participants of "after a meeting" and
of a subject made of states, places after a frame noun, and status from modality ("is poised to visit", "is
scheduled to meet", a headline's "to visit"), on sentences written for these tests."""

from __future__ import annotations

from functools import partial

import pytest

import _helpers


events_of = partial(_helpers.events_of, published="2024-05-10")


def test_spoke_with_someone_over_the_phone_is_a_call_of_both(nlp):
    evs = events_of(nlp, "Foreign Minister Mauro Vieira spoke with Argentine Foreign Minister Diana Mondino over "
                         "the phone on Wednesday.")
    calls = [e for e in evs if e.type == "call"]
    assert len(calls) == 1
    assert set(calls[0].participants) == {"Mauro Vieira", "Diana Mondino"}
    assert calls[0].date is not None and calls[0].date.value == "2024-05-08"


def test_telling_reporters_by_phone_is_no_call(nlp):
    evs = events_of(nlp, "Vieira told reporters by phone that the harvest had been poor.")
    assert not [e for e in evs if e.type == "call"]


def test_signed_joint_statement_is_an_agreement(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric and Argentine President Javier Milei signed a joint "
                         "statement on water rights on Thursday.")
    assert [e.type for e in evs] == ["agreement"]
    assert set(evs[0].participants) == {"Gabriel Boric", "Javier Milei"}


@pytest.mark.parametrize("text", [
    "Chilean President Gabriel Boric and Argentine President Javier Milei held a joint news conference after a "
    "summit meeting in Santiago on Thursday.",
    "Chilean Foreign Minister Alberto van Klaveren and his Peruvian counterpart, Elmer Schialer, gave a joint press "
    "conference after meeting at the ministry on Monday.",
])
def test_those_who_speak_after_a_meeting_took_part_in_it(nlp, text):
    evs = events_of(nlp, text)
    assert len(evs) == 1
    assert len(evs[0].participants) == 2
    assert evs[0].status == "occurred"


@pytest.mark.parametrize("text", [
    "Indonesian President Joko Widodo is poised to visit Canberra, officials said on Monday.",
    "Indonesian President Joko Widodo will seek to visit Canberra before the end of the year.",
    "Indonesian President Joko Widodo is set to visit Canberra next month.",
])
def test_a_visit_governed_by_intent_is_planned(nlp, text):
    evs = events_of(nlp, text)
    assert [e.type for e in evs] == ["visit"]
    assert evs[0].status == "planned"
    assert evs[0].location == "Canberra"


def test_scheduled_today_is_still_planned(nlp):
    evs = events_of(nlp, "Thai Prime Minister Srettha Thavisin is scheduled to meet Vietnamese President To Lam "
                         "in the afternoon today in Hanoi.")
    assert [e.status for e in evs] == ["planned"]


def test_an_appointment_later_on_the_day_of_publication_is_planned(nlp):
    evs = events_of(nlp, "Thai Prime Minister Srettha Thavisin arrived in Hanoi on Friday. He will first meet "
                         "Vietnamese President To Lam at 11.30 a.m. at the Presidential Palace.")
    later = [e for e in evs if e.type == "meeting"]
    assert later and all(e.status == "planned" for e in later)
    arrived = [e for e in evs if e.type == "visit"]
    assert arrived and arrived[0].status == "occurred"


def test_a_headline_infinitive_is_planned(nlp):
    evs = events_of(nlp, "Boric to sign water pact with Milei\nChilean President Gabriel Boric travels to Buenos "
                         "Aires next week.", published=None)
    heads = [e for e in evs if e.type == "agreement"]
    assert heads and heads[0].status == "planned"


def test_a_future_tense_without_publication_date_stays_planned(nlp):
    evs = events_of(nlp, "Chile and Argentina will sign six agreements at the bilateral council meeting in "
                         "Santiago on December 7.", published=None)
    assert evs and all(e.status == "planned" for e in evs)


def test_exchanging_views_is_talks(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric and Argentine President Javier Milei exchanged views on "
                         "ways to deepen trade.")
    assert [e.type for e in evs] == ["talks"]
    assert set(evs[0].participants) == {"Gabriel Boric", "Javier Milei"}


@pytest.mark.parametrize("text, codes", [
    ("Norway, Chile and Kenya met on Friday in Oslo.", {"NOR", "CHL", "KEN"}),
    ("Chile and Peru signed an agreement to reopen the border crossings.", {"CHL", "PER"}),
])
def test_a_subject_of_states_names_the_parties(nlp, text, codes):
    evs = events_of(nlp, text)
    assert len(evs) == 1
    assert set(evs[0].actors) == codes
    assert len(evs[0].participants) == len(codes)


def test_officials_of_one_state_are_not_states_as_parties(nlp):
    evs = events_of(nlp, "Greek officials met on Friday in Oslo.")
    assert all(not e.participants for e in evs)


@pytest.mark.parametrize("text, place", [
    ("Chilean Foreign Minister Alberto van Klaveren met with his Peruvian counterpart, Elmer Schialer, in the "
     "Peruvian capital Lima today.", "Lima"),
    ("An agreement was signed between Chile and Peru in Arica with Brazilian mediation on 10 March.", "Arica"),
])
def test_place_after_a_frame_noun_or_of_the_signing(nlp, text, place):
    evs = events_of(nlp, text)
    assert [e.location for e in evs] == [place]


def test_the_top_diplomats_of_the_two_nations_are_the_pair(nlp):
    evs = events_of(nlp, "Chilean Foreign Minister Alberto van Klaveren greeted his Peruvian counterpart, Elmer "
                         "Schialer, at the airport. The top diplomats of the two nations held a meeting in Lima on "
                         "Thursday to discuss trade, according to the ministry.")
    met = [e for e in evs if e.location == "Lima"]
    assert len(met) == 1
    assert set(met[0].participants) == {"Alberto van Klaveren", "Elmer Schialer"}


def test_the_ministers_of_the_two_countries_are_not_the_leaders(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on Monday. "
                         "On Tuesday, the foreign ministers of the two countries signed four documents on fisheries.")
    signed = [e for e in evs if e.type == "agreement"]
    assert signed and all("Gabriel Boric" not in e.participants for e in signed)


def test_at_the_invitation_of_does_not_make_an_arrival_planned(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric has arrived in Lima for a state visit, at the invitation "
                         "of his Peruvian counterpart Dina Boluarte.")
    assert [e.type for e in evs] == ["visit"]
    assert evs[0].status in ("occurred", "occurring")


def test_expected_to_hold_talks_is_planned(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric and Peruvian President Dina Boluarte are expected to hold "
                         "talks in Lima.")
    assert [(e.type, e.status) for e in evs] == [("talks", "planned")]

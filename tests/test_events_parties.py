"""Which events become records, and who their parties are: background occasions that name no one, plans kept apart
from what took place, travellers of "departed ... for a trip", names run together with their state, "the two
countries". Texts are written for these tests."""

from __future__ import annotations

from _helpers import events_of
from parley.extract.events.clause import HOST_VERBS, LIGHT_VERBS


def test_an_occasion_that_names_no_one_is_no_record(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on Monday, "
                         "ahead of the APEC summit.")
    assert [e.type for e in evs] == ["meeting"]
    assert set(evs[0].participants) == {"Gabriel Boric", "Dina Boluarte"}


def test_a_background_call_that_names_no_one_is_dropped(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on Monday. "
                         "During phone conversations in March, officials had agreed to meet.")
    assert all(e.participants or len(e.actors) >= 2 for e in evs)
    assert not any(e.type == "call" for e in evs)


def test_an_event_told_of_in_its_own_clause_stays_without_parties(nlp):
    evs = events_of(nlp, "The summit in Hiroshima was cancelled.")
    assert [(e.type, e.location, e.status) for e in evs] == [("summit", "Hiroshima", "cancelled")]


def test_talks_still_expected_are_not_the_arrival_that_took_place(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric has arrived in Lima for a state visit. Boric and Peruvian "
                         "President Dina Boluarte are expected to hold talks.")
    statuses = sorted((e.type, e.status) for e in evs)
    assert statuses == [("talks", "planned"), ("visit", "occurred")]
    talks = next(e for e in evs if e.type == "talks")
    assert set(talks.participants) == {"Gabriel Boric", "Dina Boluarte"}


def test_a_plan_told_in_the_past_stays_with_the_meeting(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on Monday. "
                         "The two presidents were expected to hold talks on fisheries.")
    assert len(evs) == 1 and evs[0].status == "occurred"


def test_the_subject_of_departed_for_a_trip_is_the_visitor(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric departed Santiago on Sunday for a three-day trip to Peru.")
    assert len(evs) == 1
    assert evs[0].type == "visit" and evs[0].participants == ("Gabriel Boric",)
    assert evs[0].roles.get("Gabriel Boric") == "visitor"


def test_two_titled_people_run_together_are_both_parties(nlp):
    evs = events_of(nlp, "President of Chile Gabriel Boric and President of Peru Dina Boluarte signed a fisheries "
                         "agreement in Lima on Monday.")
    signed = [e for e in evs if e.type == "agreement"]
    assert len(signed) == 1
    assert set(signed[0].participants) == {"Gabriel Boric", "Dina Boluarte"}  # not "Chile Gabriel Boric"


def test_the_two_countries_are_the_states_of_the_main_event(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on Monday. "
                         "On Tuesday, the foreign ministers of the two countries signed four documents on fisheries.")
    signed = [e for e in evs if e.type == "agreement"]
    assert signed and all({"CHL", "PER"} <= set(e.actors) for e in signed)
    assert all("Gabriel Boric" not in e.participants for e in signed)


def test_a_second_predicate_names_no_party(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric spoke with Peruvian President Dina Boluarte by phone on "
                         "Monday and confirmed close cooperation among the two countries and Brazil.")
    call = next(e for e in evs if e.type == "call")
    assert set(call.actors) == {"CHL", "PER"}


def test_clause_word_lists_are_data():
    assert {"hold", "pay", "sign"} <= LIGHT_VERBS and "criticise" not in LIGHT_VERBS
    assert {"host", "receive"} <= HOST_VERBS


def test_he_is_the_article_subject_not_the_last_person_named(nlp):
    evs = events_of(nlp, "Kenyan President William Ruto arrived in Pretoria on Tuesday for a state visit. At the "
                         "airport, Ruto was greeted by Foreign Minister Naledi Pandor and a guard of honour. He will "
                         "hold talks with President Cyril Ramaphosa on Wednesday.")
    talks = next(e for e in evs if e.type == "talks")
    assert set(talks.participants) == {"William Ruto", "Cyril Ramaphosa"}
    assert talks.status == "planned"


def test_a_clause_after_since_names_no_participant(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric held talks with Peruvian President Dina Boluarte in Lima "
                         "on Monday, in their first meeting since Argentine President Javier Milei was elected.")
    assert evs and all("Javier Milei" not in e.participants for e in evs)


def test_a_venue_no_gazetteer_knows_is_placed_in_the_town_its_paragraph_names(nlp):
    evs = events_of(nlp, "Kenyan President William Ruto received South African President Cyril Ramaphosa at the "
                         "Kenyatta International Convention Centre on Wednesday. Traffic in Nairobi was diverted for "
                         "hours.")
    assert [e.location for e in evs] == ["Nairobi"]


def test_a_date_under_since_is_where_a_period_starts_not_the_visit(nlp):
    evs = events_of(nlp, "Brazilian President Luiz Inacio Lula da Silva arrived in Rome on a state visit, his first "
                         "since his inauguration as president on January 1, 2023.", published="2024-07-10")
    visit = next(e for e in evs if e.type == "visit")
    assert visit.date is None or visit.date.value != "2023-01-01"


def test_the_same_date_without_since_dates_the_visit(nlp):
    evs = events_of(nlp, "Brazilian President Luiz Inacio Lula da Silva arrived in Rome on a state visit on "
                         "January 1, 2023.", published="2024-07-10")
    visit = next(e for e in evs if e.type == "visit")
    assert visit.date is not None and visit.date.value == "2023-01-01"

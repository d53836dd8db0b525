"""People on real-news shapes: names that are no person (a newspaper cited, a palace, a capital in an old spelling),
two titled people in one phrase, counterparts and honorifics between a title and a name. Texts written for these
tests."""

from __future__ import annotations

import pytest

from parley.extract.people import extract_entities

SOURCES = """Athens and Ankara prepare a declaration

The declaration will mention the good neighbourly relations, according to Vecernji Vjesnik. Officials said the text was nearly final.

The Chilean leader received a guard of honour at Casa Rosada before the talks. He was also received at Dolmabahce Sarayi in Istanbul last year.

Foreign ministers of Ukraine and Poland met in Warsaw on Friday, Kiev said, after weeks of disputes over grain."""

FUSED = """Santiago – President of Chile Gabriel Boric and President of Argentina Alberto Fernández signed a joint declaration on Monday in Santiago.

The President of Argentina thanked his host for the invitation."""

COUNTERPARTS = """Ministers meet in Lima

At the same time, Defence Minister Walter Astudillo will meet Chilean counterpart Maya Fernández at the ministry.

Prime Minister Anwar Ibrahim held talks with his Saudi counterpart Prince Mohammed on Tuesday.

Prime Minister Narendra Modi met his Nepal counterpart Pushpa Kamal Dahal in New Delhi.

The delegation included Trade Minister Piyush Goyal and Finance Minister Dr Mansukh Mandaviya."""

VOUCHED = """Minister visits Accra

Foreign Minister Shirley Ayorkor Botchwey opened the forum in Accra on Monday. The agreement will be signed in June, according to Shirley Ayorkor Botchwey."""


def persons(doc) -> dict[str, tuple[str, ...]]:
    return {e.name: e.roles for e in extract_entities(doc) if e.type == "PERSON"}


@pytest.fixture(scope="module")
def sources(nlp):
    return persons(nlp(SOURCES))


@pytest.mark.parametrize("name", ["Vecernji Vjesnik", "Casa Rosada", "Dolmabahce Sarayi", "Kiev"])
def test_a_source_a_palace_or_a_capital_is_no_person(sources, name):
    assert not any(name in p for p in sources), sources


def test_two_titled_people_in_one_phrase_stay_two_each_with_their_state(nlp):
    got = persons(nlp(FUSED))
    assert "Gabriel Boric" in got and "Alberto Fernández" in got, got
    assert any("President of Chile" in r for r in got["Gabriel Boric"])
    assert any("President of Argentina" in r for r in got["Alberto Fernández"])
    assert not any(" and " in r for roles in got.values() for r in roles), got


def test_the_role_phrase_with_a_state_goes_to_that_states_holder(nlp):
    ents = [e for e in extract_entities(nlp(FUSED)) if e.type == "PERSON"]
    holder = [e.name for e in ents if any(m.text == "The President of Argentina" for m in e.mentions)]
    assert holder in ([], ["Alberto Fernández"]), holder


@pytest.fixture(scope="module")
def counterparts(nlp):
    return persons(nlp(COUNTERPARTS))


def test_counterpart_without_a_possessive_takes_the_title_and_the_state(counterparts):
    roles = counterparts.get("Maya Fernández", ())
    assert any(r.lower() == "chilean defence minister" for r in roles), counterparts


def test_counterpart_named_with_an_honorific_title(counterparts):
    roles = [r for name, rs in counterparts.items() if "Mohammed" in name for r in rs]
    assert any(r.lower() == "saudi prime minister" for r in roles), counterparts


def test_counterpart_of_a_country_name_gives_title_of_that_country(counterparts):
    roles = counterparts.get("Pushpa Kamal Dahal", ())
    assert any(r.lower() == "prime minister of nepal" for r in roles), counterparts


def test_honorific_between_title_and_name(counterparts):
    assert any(r == "Finance Minister" for r in counterparts.get("Mansukh Mandaviya", ())), counterparts


def test_a_titled_person_cited_as_a_source_stays_a_person(nlp):
    assert "Shirley Ayorkor Botchwey" in persons(nlp(VOUCHED))


def test_a_title_to_be_held_keeps_elect(nlp):
    got = persons(nlp("Seoul – Prime Minister Han Duck-soo spoke with US President-elect Joe Biden by phone on "
                      "Thursday.\n\n\"I think President-elect Biden was pleased,\" Han told reporters."))
    roles = got.get("Joe Biden", ())
    assert any(r.lower() == "us president-elect" for r in roles), got
    assert not any(r.lower() in ("us president", "president") for r in roles), got


def test_a_plural_title_before_two_names_is_each_ones(nlp):
    got = persons(nlp("The forum has met in Wellington since 2019, when former prime ministers Malcolm Turnbull and "
                      "Dame Helen Clark opened it."))
    assert "former prime minister" in [r.lower() for r in got.get("Malcolm Turnbull", ())], got
    assert "former prime minister" in [r.lower() for r in got.get("Helen Clark", ())], got

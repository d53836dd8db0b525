"""Question understanding without a store: kinds, the dates asked, titles that are no names, accents."""

from __future__ import annotations

import pytest

from parley.search import questions as qmod
from parley.search.index import Index


@pytest.mark.parametrize("question,kind", [
    ("When was the president expected to arrive, according to the ministry?", "meeting"),
    ("Where will the summit be held, according to diplomats?", "meeting"),
    ("What was agreed, according to the joint statement?", "quote"),
    ("Who said that the talks were useful?", "quote"),
])
def test_according_to_makes_a_quote_question_only_when_it_does_not_ask_when_or_where(question, kind):
    assert qmod.classify(question) == kind


def test_the_source_of_according_to_is_read():
    m = qmod._SOURCE.search("When will the talks open, according to the foreign ministry?")
    assert m and m.group(1) == "the foreign ministry"


@pytest.mark.parametrize("question,wants", [
    ("How long did the state visit last?", "duration"),
    ("When did the president arrive, and for how long?", "date"),
    ("Where did they meet?", "place"),
    ("How many agreements were signed?", None),
])
def test_what_the_question_wants(question, wants):
    assert next((name for name, rx in qmod._WANTS if rx.search(question)), None) == wants


def test_months_come_from_the_one_month_table():
    dates = qmod._dates("What happened on Sept. 14, 2022 and in Feb. 2021?")
    assert [(d.year, d.month, d.day) for d in dates] == [("2022", 9, 14), ("2021", 2, None)]
    assert qmod.MONTHS["september"] == 9 and "sept" not in qmod.MONTHS
    assert qmod.MONTH_WORDS["sept"] == 9


def test_a_month_asked_with_a_year_meets_a_sentence_that_leaves_the_year_out():
    asked = qmod.DateWanted(year="2019", month=10, text="October 2019")
    assert asked.in_text("The two leaders met on Saturday (October 5) in the capital.")
    assert asked.in_text("They met on Oct. 5, 2019.")
    assert not asked.in_text("They met on October 5, 2018.")
    assert not asked.in_text("They met on November 5.")


def test_a_year_less_stored_date_does_not_meet_a_dated_question():
    assert not qmod.DateWanted(year="2019", month=10).matches("XXXX-10-05")
    assert qmod.DateWanted(year="2019", month=10).matches("2019-10-05")


@pytest.mark.parametrize("alias,only", [
    ("The President", True), ("Prime Minister", True), ("President Cyril Ramaphosa", False), ("Hasina", False),
])
def test_a_title_alone_is_no_name(alias, only):
    assert qmod._only_titles(alias) is only


def test_accents_are_folded():
    assert qmod.fold("Erdoğan, Türkiye, Çavuşoğlu, López, Kılıçdaroğlu") == "Erdogan, Turkiye, Cavusoglu, Lopez, Kilicdaroglu"


def test_a_state_is_asked_by_its_name_not_its_demonym():
    assert qmod._state_asked("Kenya") == "Kenya"
    assert qmod._state_asked("Kenyan") is None
    assert qmod._state_asked("Nairobi") is None


def _one_article_index(entities) -> Index:
    """An index of one article with ``entities`` and no sentences, and one person in its corpus tables."""
    corpus = {"people": [{"name": "Gabriel Boric", "aliases": ["The President", "President Boric"],
                          "mention_count": 4}], "timeline": []}
    facts = [{"entities": entities, "events": [], "quotes": []}]
    return Index(segments=[], articles=[{"id": "a1"}], facts=facts, corpus=corpus)


def test_a_month_of_a_date_asked_is_never_a_place():
    idx = _one_article_index([{"name": "March", "type": "GPE"}, {"name": "Valparaíso", "type": "GPE"}])
    q = qmod.parse("What was agreed at the March 2024 Valparaiso summit?", idx)
    assert q.places == ["Valparaíso"]
    assert [(d.year, d.month) for d in q.dates] == [("2024", 3)]


def test_a_title_alias_does_not_name_the_person():
    idx = _one_article_index([{"name": "Gabriel Boric", "type": "PERSON"}])
    assert qmod.parse("What did the President of Peru say?", idx).people == []
    assert qmod.parse("What did Boric say?", idx).people == ["Gabriel Boric"]


def test_each_index_keeps_its_own_names():
    # an index loaded after an ingest (often at the address a dropped one had) never sees an older index's names
    for n in range(6):
        idx = _one_article_index([{"name": f"Amara Okonkwo{'x' * n}", "type": "PERSON"}])
        names = qmod.names_of(idx)
        assert names.person(f"okonkwo{'x' * n}") == f"Amara Okonkwo{'x' * n}"
        assert qmod.names_of(idx) is names
        if n:
            assert names.person(f"okonkwo{'x' * (n - 1)}") is None
        del idx, names

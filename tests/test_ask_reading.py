"""How ask reads a question and its passages (issue 15): irregular verbs ("held" for "hold"), function words,
"as of" a date, "how many times" as a count, the thing a "what gift"/"what did X ask" question is about, and
an undated page dated by the timeline entry its report joins.

The articles below are written for these tests (two outlets' reports of one invented visit)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from parley.search import ask
from parley.search import questions as qmod
from parley.search.index import tokenize
from parley.search.lemmas import lemma_stems

from test_ask_seeds import _assert_resolves, _cited


@pytest.mark.parametrize("form, lemma", [("met", "meet"), ("held", "hold"), ("told", "tell"), ("took", "take")])
def test_an_irregular_verb_form_stems_as_its_lemma(form, lemma):
    assert lemma_stems(tokenize([form])[0]) == lemma_stems(tokenize([lemma])[0])


@pytest.mark.parametrize("word", ["saw", "ground", "found", "meeting", "talks"])
def test_a_form_that_is_a_word_of_its_own_keeps_its_stem(word):
    assert lemma_stems(tokenize([word])[0]) == tokenize([word])[0]


def test_function_words_are_no_terms_but_content_verbs_are():
    skip = qmod.function_stems()
    assert tokenize(["during"])[0][0] in skip and tokenize(["between"])[0][0] in skip
    for word in ("call", "give", "won", "first"):
        assert tokenize([word])[0][0] not in skip, word


def test_as_of_a_date_admits_what_lies_on_or_before_it():
    (d,) = [d for d in qmod._dates("How many times had they met, as of their September 2022 talks?")]
    assert d.relation == "by"
    assert d.matches("2022-09-06") and d.matches("2015") and d.matches("2022-09-30")
    assert not d.matches("2022-10-01") and not d.matches("XXXX-09-06")


def test_period_end_is_the_last_day_of_the_month_or_year():
    assert qmod.period_end(date(2024, 2, 1), True, False) == date(2024, 2, 29)
    assert qmod.period_end(date(2023, 12, 1), True, False) == date(2023, 12, 31)
    assert qmod.period_end(date(2023, 1, 1), False, False) == date(2023, 12, 31)


@pytest.mark.parametrize("question", ["How many times had Lopes and Berg met since 2015?",
                                      "How often have the two leaders met?"])
def test_how_many_times_asks_for_a_count(question):
    assert qmod.classify(question) == "figure"


# -- over a store ----------------------------------------------------------------------------------------

DATED = {
    "title": "Lopes and Berg hold talks in Lisbon",
    "published": "2021-03-09",
    "outlet": "Tagus Daily",
    "text": "Lopes and Berg hold talks in Lisbon\n\n"
            "Portuguese President Ana Lopes and Norwegian Prime Minister Jonas Berg held talks in Lisbon on "
            "Tuesday at the start of a three-day visit.\n\n"
            "This is the fifth time that the two leaders are meeting since 2015.\n\n"
            "Berg and Lopes later toured the Belem palace together with their delegations.\n\n"
            "After lunch Lopes gave Berg a tour of the palace gardens.\n\n"
            "Berg received a silver compass as an official present from Lopes.\n",
}
UNDATED = {
    "title": "Norway and Portugal begin talks",
    "outlet": "Fjord Wire",
    "text": "Norway and Portugal begin talks\n\n"
            "Norwegian Prime Minister Jonas Berg and Portuguese President Ana Lopes began talks in Lisbon on "
            "Tuesday, the first day of his visit.\n\n"
            "The talks cover fisheries, renewable energy and maritime security.\n\n"
            "Later, Portuguese Foreign Minister Carla Dias paid a courtesy call on Jonas Berg at his hotel.\n",
}


@pytest.fixture(scope="module")
def visit_store(tmp_path_factory):
    from parley import pipeline
    from parley.store import Store

    folder = tmp_path_factory.mktemp("visit")
    path = folder / "visit.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in (DATED, UNDATED)) + "\n", encoding="utf-8")
    db = folder / "visit.duckdb"
    with Store(db) as store:
        report = pipeline.ingest([path], store)
        assert report.added == 2, (report.errors, report.duplicates)
    with Store(db, read_only=True) as store:
        yield store


def test_an_undated_page_takes_the_year_of_the_timeline_entry_it_joins(visit_store):
    # the page names no year; its talks "on Tuesday" are the dated report's talks of 2021-03-09
    answer = ask(visit_store, "Who paid a courtesy call on Jonas Berg at his hotel in 2021?")
    assert answer.answered, answer.note
    assert "Carla Dias paid a courtesy call on Jonas Berg" in _cited(answer)
    _assert_resolves(visit_store, answer)


def test_how_many_times_is_answered_by_the_sentence_that_counts(visit_store):
    answer = ask(visit_store, "How many times had Lopes and Berg met since 2015, as of their March 2021 talks?")
    assert answer.answered, answer.note
    assert "fifth time that the two leaders are meeting since 2015" in _cited(answer)


def test_the_thing_asked_for_leads_the_passages(visit_store):
    # "a tour of the palace" holds more of the question's words; only the other sentence names a present
    answer = ask(visit_store, "What present did Lopes give Berg at the palace?")
    assert answer.answered, answer.note
    first = answer.parts[0].citations[0].text
    assert "official present" in first, [p.text for p in answer.parts]
    _assert_resolves(visit_store, answer)

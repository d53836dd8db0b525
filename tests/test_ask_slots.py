"""ask() on what a question wants beyond its names (issue 15), over a store of articles written for these tests:
how long a visit lasted (a TIMEX3 DURATION in the cited sentence), when a meeting was expected according to a
named agency (the agency names the cited sentence, and it is no person to match), a place whose record is
missing, a name spelt with accents, a sentence that calls the people "the two leaders", a title that is no
name, and how sure an answer is (``basis``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.search import ask

TRIP = """Chilean president begins state visit to Vietnam

HANOI, March 3 (Reuters) - Chilean President Gabriel Boric arrived in Hanoi on Sunday for a three-day state visit,
the first by a Chilean head of state in nine years.

Boric and Vietnamese President Vo Van Thuong held talks at the Presidential Palace on Monday and signed agreements
on trade and mining.

The two leaders agreed to double bilateral trade by 2030 and to open a direct shipping route.
"""

PLAN = """Austria's chancellor to travel to Jakarta, agency says

VIENNA, April 20 - Austrian Chancellor Karl Nehammer is expected to visit Indonesia next month and meet President
Joko Widodo, officials said.

The Austria Presse Agentur said on Saturday the two will meet around May 14 or 15, citing diplomats.

Nehammer said he expects talks on nickel supplies and vocational training.
"""

ACCENTS = """Turkish and Slovak leaders meet in Bratislava

BRATISLAVA, June 5 - Turkish President Recep Tayyip Erdoğan met Slovak Prime Minister Robert Fico in Bratislava on
Wednesday.

Erdoğan and Fico agreed to set up a joint commission on defence industry cooperation.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from parley import pipeline
    from parley.store import Store

    folder = tmp_path_factory.mktemp("slots")
    path = Path(folder) / "slots.duckdb"
    with Store(path) as st:
        for name, text, published in (("trip", TRIP, "2024-03-03"), ("plan", PLAN, "2024-04-20"),
                                      ("accents", ACCENTS, "2024-06-05")):
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
            pipeline.ingest([folder / f"{name}.txt"], st, published=published)
    with Store(path, read_only=True) as st:
        yield st


def cited(answer) -> list[str]:
    return [c.text for p in answer.parts for c in p.citations]


def test_how_long_cites_the_sentence_holding_the_length(store):
    a = ask(store, "How long was Boric's state visit to Vietnam?")
    assert a.answered, a.note
    assert any("three-day state visit" in t for t in cited(a)), cited(a)


def test_how_long_is_refused_when_no_sentence_gives_a_length(store):
    a = ask(store, "How long was Nehammer's visit to Indonesia?")
    assert not a.answered, cited(a)


def test_according_to_names_the_source_not_a_quote_question(store):
    a = ask(store, "When was Nehammer expected to meet Widodo, according to the Austria Presse Agentur?")
    assert a.kind != "quote", a.kind
    assert a.answered, a.note
    assert all("Austria Presse Agentur" in t for t in cited(a)), cited(a)
    assert any("around May 14 or 15" in t for t in cited(a)), cited(a)


def test_according_to_a_source_that_does_not_say_it_is_refused(store):
    a = ask(store, "When was Nehammer expected to meet Widodo, according to Bernama?")
    assert not a.answered, cited(a)


def test_a_sentence_calling_them_the_two_leaders_answers_about_them(store):
    a = ask(store, "What did Boric and Vo Van Thuong agree about bilateral trade?")
    assert a.answered, a.note
    assert any("double bilateral trade by 2030" in t for t in cited(a)), cited(a)


def test_a_name_asked_without_accents_finds_the_accented_sentence(store):
    a = ask(store, "What did Erdogan and Fico agree about defence industry cooperation?")
    assert a.answered, a.note
    assert any("joint commission on defence industry" in t for t in cited(a)), cited(a)


def test_an_answer_says_how_sure_it_is(store):
    structured = ask(store, "Where did Boric and Vo Van Thuong hold talks?")
    assert structured.answered and structured.basis == "structured", (structured.basis, cited(structured))
    passage = ask(store, "When was Nehammer expected to meet Widodo, according to the Austria Presse Agentur?")
    assert passage.basis == "passage"
    refused = ask(store, "When did Boric visit Canberra?")
    assert not refused.answered and refused.basis == "none"
    assert structured.to_dict()["basis"] == "structured"

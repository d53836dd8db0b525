"""Agenda topics named by the article's own noun phrases (extract/events/agenda_phrases.py): objects of agenda
verbs and nouns, purpose clauses, items of coordinated lists, "the X of Y" kept whole, generic heads dropped.
Articles written for these tests."""

from __future__ import annotations

from parley.extract import build_record
from parley.models import Article


def topics_of(nlp, text, where, published="2024-06-12"):
    rec = build_record(Article(id="t", source="test", text=text, published=published), nlp(text))
    ev = next(e for e in rec.events if e.location == where)
    return [t.lower() for t in ev.topics], ev, text


def test_purpose_infinitive_gives_its_objects_without_quotation_marks(nlp):
    text = ("Swedish Prime Minister Ulf Kristersson arrived in Oslo on Sunday for talks with Norwegian Prime "
            "Minister Jonas Gahr Store, as the two look to deepen Arctic research and revive "
            "“vaccine diplomacy” in the Nordic region.")
    topics, _, _ = topics_of(nlp, text, "Oslo")
    assert "vaccine diplomacy" in topics, topics
    assert "arctic research" in topics, topics


def test_items_of_an_agenda_list_are_topics_even_as_single_nouns(nlp):
    text = ("Indonesian President Prabowo Subianto met Malaysian Prime Minister Anwar Ibrahim in Putrajaya on "
            "Monday.\n\nThe leaders signed pacts on fisheries, connectivity, halal certification and education.")
    topics, _, _ = topics_of(nlp, text, "Putrajaya")
    assert "connectivity" in topics and "fisheries" in topics, topics
    assert any("halal certification" in t for t in topics), topics


def test_the_x_of_y_is_kept_whole_and_generic_heads_are_dropped(nlp):
    text = ("Egyptian Foreign Minister Badr Abdelatty met Turkish Foreign Minister Hakan Fidan in Ankara on "
            "Tuesday.\n\nThe two ministers discussed the resumption of direct flights, the reopening of the "
            "trade offices of the two countries and a range of issues.")
    topics, _, _ = topics_of(nlp, text, "Ankara")
    assert "resumption of direct flights" in topics, topics
    assert any(t.startswith("reopening of") and "trade offices" in t for t in topics), topics
    assert not any(t in ("issues", "range", "countries", "range of issues") for t in topics), topics


def test_a_generic_head_with_a_modifier_of_its_own_is_a_topic(nlp):
    text = ("Vietnamese Foreign Minister Bui Thanh Son met Philippine Foreign Secretary Enrique Manalo in Hanoi on "
            "Friday.\n\nThey agreed to manage pending issues and discussed various areas of maritime cooperation.")
    topics, ev, text = topics_of(nlp, text, "Hanoi")
    assert "pending issues" in topics, topics
    assert "maritime cooperation" in topics, topics
    assert not any(t.startswith("various") or t == "areas" for t in topics), topics
    assert all(text[e.start:e.end] for e in ev.topic_evidence)


def test_passive_subject_of_sign_is_a_topic(nlp):
    text = ("Mongolian President Ukhnaagiin Khurelsukh began a state visit to Seoul on Tuesday.\n\n"
            "Several bilateral documents on rare earth processing are expected to be signed after the talks.")
    topics, _, _ = topics_of(nlp, text, "Seoul")
    assert any("bilateral documents" in t or "rare earth processing" in t for t in topics), topics


def test_an_event_named_only_to_date_the_agenda_does_not_take_it(nlp):
    text = ("Kenyan President William Ruto will meet Ugandan President Yoweri Museveni in Kampala next week.\n\n"
            "Their aim will be to settle the dispute over fishing rights on Lake Victoria ahead of the East "
            "African Community summit in Arusha, officials said.")
    rec = build_record(Article(id="t", source="test", text=text, published="2024-06-12"), nlp(text))
    kampala = next(e for e in rec.events if e.location == "Kampala")
    assert any("fishing rights" in t.lower() for t in kampala.topics), [(e.location, e.topics) for e in rec.events]
    assert not any("fishing rights" in t.lower() for e in rec.events if e.location == "Arusha" for t in e.topics)


def test_an_agenda_still_to_come_goes_to_the_event_still_to_come(nlp):
    text = ("Iranian Foreign Minister Abbas Araghchi spoke by phone with his Omani counterpart Badr Albusaidi on "
            "Monday.\n\nAraghchi will travel to Muscat next week to meet Albusaidi.\n\n"
            "The two ministers are expected to discuss maritime security in the Strait of Hormuz and the "
            "desalination project.")
    rec = build_record(Article(id="t", source="test", text=text, published="2024-06-12"), nlp(text))
    visit = next(e for e in rec.events if e.location == "Muscat")
    call = next(e for e in rec.events if e.type == "call")
    assert any("desalination project" in t.lower() for t in visit.topics), [(e.type, e.topics) for e in rec.events]
    assert not any("desalination project" in t.lower() for t in call.topics)

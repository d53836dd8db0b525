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


def test_a_purpose_verb_on_a_vague_object_is_an_activity(nlp):
    text = ("Chilean Foreign Minister Alberto van Klaveren met Argentine Foreign Minister Diana Mondino in Santiago on "
            "Monday to discuss strengthening their relations.\n\nThe two ministers also want to improve on their "
            "ties, officials said.")
    topics, _, _ = topics_of(nlp, text, "Santiago")
    assert "strengthening relations" in topics, topics
    assert not any(t in ("relations", "their relations") for t in topics), topics


def test_what_the_subject_calls_the_agenda_is_the_agenda(nlp):
    text = ("Ghanaian President John Mahama held talks with Ivorian President Alassane Ouattara in Abidjan on "
            "Thursday.\n\nOther items on the agenda of the talks were the cocoa pricing mechanism and a joint "
            "border patrol.")
    topics, _, _ = topics_of(nlp, text, "Abidjan")
    assert any("cocoa pricing mechanism" in t for t in topics), topics
    assert any("border patrol" in t for t in topics), topics


def test_a_bare_word_inside_a_list_is_an_item_but_other_issues_is_not(nlp):
    text = ("Peruvian President Dina Boluarte met Ecuadorian President Daniel Noboa in Lima on Friday.\n\n"
            "The two presidents discussed fisheries, mining, development, tourism and other issues.")
    topics, _, _ = topics_of(nlp, text, "Lima")
    assert "development" in topics, topics
    assert not any(t in ("issues", "other issues") for t in topics), topics


def test_a_plain_noun_keeps_what_it_is_about(nlp):
    text = ("Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha on Tuesday.\n\n"
            "They discussed the fight against desertification and the threat to wildlife corridors.")
    topics, _, _ = topics_of(nlp, text, "Arusha")
    assert "fight against desertification" in topics, topics
    assert "threat to wildlife corridors" in topics, topics
    assert not any(t in ("fight", "threat") for t in topics), topics


def test_a_headline_run_into_the_first_paragraph_lends_it_no_agenda(nlp):
    text = ("Mongolia and Kyrgyzstan signed the Treaty of Friendship\n\nPresident of Mongolia Ukhnaagiin Khurelsukh "
            "and President of Kyrgyzstan Sadyr Japarov held talks in Bishkek in a narrow format with the "
            "participation of advisers, the press office reports.")
    rec = build_record(Article(id="t", source="test", text=text, published="2024-06-12"), nlp(text))
    topics = [t.lower() for e in rec.events for t in e.topics]
    assert not any(t in ("narrow format", "press office", "reports", "participation of advisers") for t in topics), \
        topics


def test_what_a_leader_said_after_the_meeting_is_on_its_agenda(nlp):
    text = ("Irish Taoiseach Micheal Martin said after meeting Portuguese Prime Minister Luis Montenegro in Dublin "
            "on Monday that Ireland will provide coast guard training to Portugal.")
    topics, _, _ = topics_of(nlp, text, "Dublin")
    assert any("coast guard training" in t for t in topics), topics


def test_they_also_continues_the_list_of_what_was_agreed(nlp):
    text = ("Danish Foreign Minister Lars Lokke Rasmussen met Icelandic Foreign Minister Thorgerdur Katrin "
            "Gunnarsdottir in Copenhagen on Wednesday.\n\nThey agreed that fishing quotas would be reviewed. They "
            "also confirmed that the two nations will cooperate for the 50th anniversary of their union treaty.")
    topics, _, _ = topics_of(nlp, text, "Copenhagen")
    assert "anniversaries" in topics, topics


def test_what_the_talks_provisions_include_is_agenda_without_a_cue_word(nlp):
    text = ("Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha on Tuesday.\n\n"
            "The agreement's provisions include the resumption of ferry services across the lake.")
    topics, _, _ = topics_of(nlp, text, "Arusha")
    assert any("resumption of ferry services" in t for t in topics), topics


def test_a_prepositional_idiom_and_the_event_as_the_speaker_saw_it_are_no_topics(nlp):
    text = ("Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha on Tuesday, and "
            "Ruto said after the meeting that it was a productive telephone conversation.\n\nThe two presidents "
            "discussed, in addition to the lake ferries, the cross-border power line.")
    topics, _, _ = topics_of(nlp, text, "Arusha")
    assert not any("conversation" in t or t.startswith("addition") for t in topics), topics
    assert any("power line" in t for t in topics), topics

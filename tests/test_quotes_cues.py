"""Cues beyond "said": participles that go on from a cue, speech acts, naming, what a document shows; and where
reported content stops.

Texts are written for these tests in the shapes of wire and political coverage.
"""

from __future__ import annotations

import pytest

from parley.evaluate_attributions import predicted_from
from parley.extract._quotecues import cues
from parley.extract.people import extract_entities
from parley.extract.quotes import extract_quotes
from parley.models import Quote, SpeakerMention


def quotes(nlp, text):
    doc = nlp(text)
    return doc.text, extract_quotes(doc, extract_entities(doc))


def find(qs, words):
    hits = [q for q in qs if words in q.text]
    assert hits, f"no quote holds {words!r}: {[q.text for q in qs]}"
    return hits[0]


def test_cue_data_reads_senses():
    c = cues()
    assert "say" in c.verbs and "urge" in c.verbs  # shared reporting verbs and the quote-only file together
    assert "show" in c.document_only and "call" in c.naming
    assert ("for",) in c.phrases["call"] and "call" in c.obj


def test_participle_after_a_quote_has_the_quotes_speaker(nlp):
    text, qs = quotes(nlp, "Maria Lindqvist spoke to reporters in Oslo.\n\n\u201cWe are not there yet,\u201d Lindqvist "
                           "said, adding that the vote on the budget would be held in May.")
    q = find(qs, "the vote on the budget would be held in May")
    assert q.kind == "indirect" and q.speaker == "Maria Lindqvist"


def test_reported_content_stops_where_the_speaker_goes_on(nlp):
    _, qs = quotes(nlp, "Maria Lindqvist said the harbour would reopen in March, adding that the ferry service "
                        "would follow a month later.")
    first = find(qs, "the harbour would reopen in March")
    assert "ferry" not in first.text
    second = find(qs, "the ferry service would follow")
    assert second.speaker == first.speaker == "Maria Lindqvist"


def test_a_participle_after_a_scare_quote_is_not_its_cue(nlp):
    _, qs = quotes(nlp, 'Kenji Haddad used the visit to present a plan for a "green corridor", promising new loans.')
    assert not any("green corridor" == q.text for q in qs)


def test_an_open_question_is_not_a_statement(nlp):
    _, qs = quotes(nlp, "Maria Lindqvist did not say whether the talks had touched on the border dispute.")
    assert not any("border dispute" in q.text for q in qs)


def test_a_verb_whose_object_is_elsewhere_reports_nothing(nlp):
    _, qs = quotes(nlp, "The new climate is expected to show in the declaration that the two leaders will announce "
                        "during their joint statement.")
    assert not any(q.text.startswith("announce") for q in qs)


@pytest.mark.parametrize("sentence, content", [
    ("Maria Lindqvist urged the council to approve the budget before the summer recess.", "the council to approve"),
    ("Maria Lindqvist called for an independent inquiry into the contract.", "an independent inquiry"),
    ("Maria Lindqvist criticized the plan to close the rural clinics.", "the plan to close the rural clinics"),
])
def test_speech_acts_report_their_content(nlp, sentence, content):
    _, qs = quotes(nlp, sentence)
    q = find(qs, content)
    assert q.kind == "indirect" and q.speaker == "Maria Lindqvist"


def test_calling_something_a_name_is_a_cue_calling_someone_is_not(nlp):
    _, qs = quotes(nlp, "Maria Lindqvist called the plan a disaster for small farmers.")
    assert find(qs, "the plan a disaster").speaker == "Maria Lindqvist"
    _, qs = quotes(nlp, "Maria Lindqvist called Kenji Haddad on Tuesday evening to discuss the harbour.")
    assert qs == ()


def test_what_a_document_shows_is_reported_what_a_person_shows_is_not(nlp):
    text, qs = quotes(nlp, "A new survey shows that most residents of the valley back the bridge.")
    q = find(qs, "most residents of the valley back the bridge")
    assert q.source_kind == "document" and text[q.source_span.start:q.source_span.end] == "A new survey"
    _, qs = quotes(nlp, "Maria Lindqvist showed reporters the new bridge over the river on Monday.")
    assert qs == ()


def test_according_to_a_count(nlp):
    text, qs = quotes(nlp, "Turnout rose to 61 percent in the northern districts, according to a count by the "
                           "electoral commission.")
    q = find(qs, "Turnout rose to 61 percent")
    assert q.source_kind == "document" and "according" not in q.text


def test_reported_lead_running_into_a_quote_is_one_attribution(nlp):
    _, qs = quotes(nlp, 'Political analyst Kenji Haddad said that the talks matter for the whole region: "Both '
                        'sides need a deal before the winter."')
    lead, marked = find(qs, "the talks matter for the whole region"), find(qs, "Both sides need a deal")
    assert lead.kind == "indirect" and marked.kind == "direct"  # the record keeps which words are verbatim
    assert lead.speaker == marked.speaker == "Kenji Haddad"
    [p] = [p for p in predicted_from(qs) if (lead.start, lead.end) in p.spans]
    assert p.spans == ((lead.start, lead.end), (marked.start, marked.end)) and p.is_direct


def test_content_of_a_relative_clause_ends_with_it(nlp):
    _, qs = quotes(nlp, "Maria Lindqvist, who has criticized the harbour plan for months, will meet the council "
                        "on Friday.")
    q = find(qs, "the harbour plan")
    assert "meet the council" not in q.text


def test_reported_speech_of_one_source_is_not_merged():
    """'X says A but argues that B': two attributions; direct parts of one source stay one."""
    src = SpeakerMention(0, 5)
    parts = [Quote(text="a", kind="indirect", start=10, end=20, source_span=src),
             Quote(text="b", kind="indirect", start=30, end=40, source_span=src),
             Quote(text="c", kind="direct", start=50, end=60, source_span=src),
             Quote(text="d", kind="direct", start=70, end=80, source_span=src)]
    assert [p.spans for p in predicted_from(parts)] == [((10, 20),), ((30, 40),), ((50, 60), (70, 80))]

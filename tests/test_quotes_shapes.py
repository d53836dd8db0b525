"""Shapes of attribution from PolNeAR's misses, on texts written for these tests: a headline of a name, a colon and
a claim; reported content that stops where the speaker goes on to another act or another subject takes over."""

from __future__ import annotations

import pytest

from parley.extract.people import extract_entities
from parley.extract.quotes import extract_quotes


def _quotes(nlp, text):
    doc = nlp(text)
    return extract_quotes(doc, extract_entities(doc), kinds=None)


def test_a_headline_name_colon_claim_is_the_named_persons(nlp):
    text = ("Marta Lindqvist: Rail Strike ‘Will Cost Us the Harvest’\n"
            "Farm leader Marta Lindqvist warned on Sunday that the strike would leave grain rotting in depots.")
    quotes = _quotes(nlp, text)
    head = [q for q in quotes if q.start == text.index("Rail Strike")]
    assert len(head) == 1
    q = head[0]
    assert q.text == "Rail Strike ‘Will Cost Us the Harvest’" and q.kind == "indirect"
    assert text[q.source_span.start:q.source_span.end] == "Marta Lindqvist"
    assert q.speaker == "Marta Lindqvist" and q.cue_kind == "speech"


def test_a_label_before_a_colon_is_no_speaker(nlp):
    text = ("The Latest: Storm closes ports along the northern coast\n"
            "Q: How long will the ports stay closed this week?\n"
            "Harbour officials said the ports would reopen on Friday.")
    quotes = _quotes(nlp, text)
    assert not any(q.start in (text.index("Storm"), text.index("How long")) for q in quotes)


@pytest.mark.parametrize("text, start, content", [
    ("Governor Ellen Brandt said she saw no reason to delay the vote, telling reporters that the count "
     "would start at noon.", "she saw", "she saw no reason to delay the vote"),  # the speaker's next cue
    ("Mayor Tom Okafor says the budget was balanced and fair, but for the unions it is a broken promise "
     "that will cost jobs.", "the budget", "the budget was balanced and fair"),  # ", but" and another subject
])
def test_content_stops_before_the_speakers_next_act(nlp, text, start, content):
    first = [q for q in _quotes(nlp, text) if q.start == text.index(start)]
    assert len(first) == 1 and first[0].text == content

"""Wire and archive text that writes double quotes as two ASCII marks (``...'' or ''...''), and a title's period
after a closing mark ('," Mr. Hale said'), on texts written for these tests."""

from __future__ import annotations

import pytest

from parley.extract._quotemarks import ascii_marks, find_marked
from parley.extract.people import extract_entities
from parley.extract.quotes import extract_quotes


def _quotes(nlp, text):
    doc = nlp(text)
    return extract_quotes(doc, extract_entities(doc), kinds=None)


def test_ascii_pairs_read_as_one_mark_and_keep_offsets():
    text = "''The dam will hold,'' she said. He called it ``a relief'' for the valley."
    norm = ascii_marks(text)
    assert len(norm) == len(text)
    spans = [norm[m.start:m.end] for m in find_marked(norm)]
    assert spans == ["The dam will hold,", "a relief"]
    assert ascii_marks("It is the farmers' land, not the city's.") == "It is the farmers' land, not the city's."


@pytest.mark.parametrize("text", [
    "Flooding closed two roads.\n\n''The dam will hold through the spring, whatever the rain does,'' said Olga Brenner,"
    " the district engineer. ''We checked every gate.''",
    "Flooding closed two roads.\n\n``The dam will hold through the spring, whatever the rain does,'' said Olga Brenner,"
    " the district engineer. ``We checked every gate.''",
])
def test_a_quote_in_ascii_marks_is_direct_with_its_speaker(nlp, text):
    quotes = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    assert [q.text for q in quotes] == ["The dam will hold through the spring, whatever the rain does",
                                         "We checked every gate."]
    assert all(q.speaker == "Olga Brenner" for q in quotes)
    assert all(q.text == text[q.start:q.end] for q in quotes)  # the record's text is the article's, marks as written


@pytest.mark.parametrize("mark", ["''", "”"])
def test_a_title_after_the_closing_mark_does_not_end_the_clause(nlp, mark):
    opening = "''" if mark == "''" else "“"
    text = (f"Peter Hale chairs the port board.\n\n{opening}Nobody wants the cranes to stand idle for a whole season,{mark}"
            " Mr. Hale said on Tuesday.")
    quotes = [q for q in _quotes(nlp, text) if q.kind == "direct"]
    assert len(quotes) == 1
    q = quotes[0]
    assert q.speaker == "Peter Hale" and q.cue == "said"
    assert text[q.source_span.start:q.source_span.end] in ("Mr. Hale", "Hale")


ACCOUNT = ("The two foreign ministers met in Tallinn on Monday and agreed to extend the ferry accord, the Estonian "
           "Foreign Ministry said.\n\nThe talks also covered energy links across the Baltic Sea, according to the "
           "ministry.\n\nThe ministry said that it would publish the text of the accord next week.")


def test_an_organisations_account_of_the_facts_is_no_quote_in_the_spoken_view(nlp):
    doc = nlp(ACCOUNT)
    ents = extract_entities(doc)
    every = extract_quotes(doc, ents, kinds=None)
    accounts = [q for q in every if q.cue_kind == "account"]
    assert {q.text[:20] for q in accounts} == {"The two foreign mini", "The talks also cover"}
    spoken = extract_quotes(doc, ents)
    assert not any(q.cue_kind == "account" for q in spoken)
    # the same source with its content after the cue is still its reported speech
    assert any(q.text.startswith("it would publish") for q in spoken)

"""Where one speaker's turn in marks ends and the next begins, on texts written for these tests: any verb in the
'"...," the judge exclaimed' slot is the passage's cue; a cue after a passage that closes its sentence and reports
something of its own ('"A." She noted ...', '"A." He added, "B."') opens a new attribution; a phrase in marks inside
a learned attribution is part of it; and the learned cue works for every kind of attribution, not the spoken view."""

from __future__ import annotations

from parley.evaluate_attributions import predicted_from
from parley.extract.people import extract_entities
from parley.extract.quotes import extract_quotes


def _quotes(nlp, text, **kw):
    doc = nlp(text)
    return extract_quotes(doc, extract_entities(doc), **kw)


def _source(text, q):
    return text[q.source_span.start:q.source_span.end] if q.source_span else None


def test_a_manner_verb_after_the_closing_comma_is_the_cue(nlp):
    text = ("The hearing ran late into the evening.\n\n"
            "“Everything the two of you have argued today,” the judge exclaimed, “comes down to one contract.”")
    quotes = [q for q in _quotes(nlp, text, kinds=None) if q.kind == "direct"]
    assert [q.text for q in quotes] == ["Everything the two of you have argued today", "comes down to one contract."]
    assert all(_source(text, q) == "the judge" for q in quotes)
    merged = [p for p in predicted_from(quotes) if p.is_direct]
    assert len(merged) == 1 and len(merged[0].spans) == 2  # one attribution of two parts, as PolNeAR has it


def test_a_verb_with_an_object_after_the_comma_is_no_cue(nlp):
    text = "“We will not sign this,” the union leaders told the minister in a short letter on Friday."
    q = [q for q in _quotes(nlp, text, kinds=None) if q.kind == "direct"]
    assert q and q[0].cue == "told"  # a listed cue stays one; the slot rule adds only verbs with no object


def test_a_cue_with_content_of_its_own_opens_a_new_attribution(nlp):
    text = ("Campaign spokeswoman Dana Whitfield rejected the criticism.\n\n"
            "“I completely disagree with the claim that we are behind,” she said. “We feel good about every county "
            "we are visiting this month.” She noted a planned rally on Saturday in the largest city of the state.")
    quotes = _quotes(nlp, text, kinds=None)
    second = [q for q in quotes if q.text.startswith("We feel good")]
    assert len(second) == 1
    assert _source(text, second[0]) == "she"  # the previous passage's speaker, not "She noted ..."
    rally = [q for q in quotes if "planned rally" in q.text]
    assert rally and _source(text, rally[0]) == "She"


def test_a_cue_that_introduces_the_next_passage_is_not_the_previous_ones(nlp):
    text = ("Defence lawyer Mark Brennan spoke first. Brennan said, “The zeal of this prosecution is unlike any case "
            "we have found.” He added, “In this case things happened that are not ordinary.”")
    quotes = [q for q in _quotes(nlp, text, kinds=None) if q.kind == "direct"]
    first = [q for q in quotes if q.text.startswith("The zeal")]
    second = [q for q in quotes if q.text.startswith("In this case")]
    assert first and second
    assert _source(text, first[0]) != _source(text, second[0])
    assert _source(text, second[0]) == "He"
    assert len([p for p in predicted_from(quotes) if p.is_direct]) == 2


def test_the_learned_cue_serves_every_kind_not_the_spoken_view(nlp):
    text = ("Senator Maria Delgado backs the new farm bill. The governor has also endorsed Tom Reyes for the open "
            "House seat. The finance minister said that the budget would be cut by a tenth next year.")
    doc = nlp(text)
    ents = extract_entities(doc)
    every = extract_quotes(doc, ents, kinds=None)  # the learned cue is on: PolNeAR's sense of attribution
    assert every == extract_quotes(doc, ents, learned=True, kinds=None)
    assert any(q.cue_kind == "stance" for q in every)
    spoken = extract_quotes(doc, ents)  # what parley extract shows: the rules alone
    assert spoken == extract_quotes(doc, ents, learned=False)
    assert spoken and {q.cue_kind for q in spoken} <= {"speech", "document"}


def test_marked_words_with_a_source_as_written_are_a_quote(nlp):
    text = ("The two ministers met in the capital on Monday. They agreed to widen cooperation “in every field that "
            "can bring stability to the border region,” the joint statement said.")
    quotes = _quotes(nlp, text, kinds=None)
    marked = [q for q in quotes if "every field" in q.text]
    assert marked and _source(text, marked[0]) == "the joint statement"
    assert marked[0].source_kind == "document"

"""Quotes on pages that break paragraphs with one line break, and the edges of reported content, on texts written
for these tests: a quote that opens a line stands alone even after another quote's closing mark; the cue of a quote
is never on the next line; a name after a dash signs the quote before it; a mixed quote keeps the closing mark of the
words it quotes; a clause whose subject the parser took for the verb's object stays in the content."""

from __future__ import annotations

from parley.extract.people import extract_entities
from parley.extract.quotes import extract_quotes


def _quotes(nlp, text):
    doc = nlp(text)
    return extract_quotes(doc, extract_entities(doc), kinds=None)


def _at(quotes, text, words):
    return [q for q in quotes if q.start <= text.index(words) < q.end]


def test_a_quote_opening_a_line_after_a_closing_mark_is_direct(nlp):
    text = ("Mayor Lena Ortiz defended the budget on Monday and called the cuts “painful but needed.”\n"
            "“Parents have waited for these repairs to their schools for years,” she said.\n"
            "The council votes next week.")
    found = _at(_quotes(nlp, text), text, "Parents have waited")
    assert len(found) == 1
    assert found[0].kind == "direct" and found[0].speaker == "Lena Ortiz"


def test_the_cue_of_a_quote_is_not_on_the_next_line(nlp):
    text = ("“The bridge will open in May and the traffic will ease,” Mayor Lena Ortiz said. "
            "“We cannot wait any longer for relief on these roads.”\n"
            "Councillor Ana Ruiz added, “The costs have doubled since the first plan was drawn up.”")
    quotes = _quotes(nlp, text)
    second = _at(quotes, text, "We cannot wait")
    assert len(second) == 1 and second[0].speaker == "Lena Ortiz"
    third = _at(quotes, text, "The costs have doubled")
    assert len(third) == 1 and "Ana Ruiz" in third[0].speaker


def test_a_mixed_quote_keeps_the_closing_mark_of_its_quoted_words(nlp):
    text = "Prime Minister Hanna Berg said recognising the new state was “a matter of time, not of principle.”"
    found = _at(_quotes(nlp, text), text, "recognising")
    assert len(found) == 1
    assert found[0].kind == "mixed" and found[0].text.endswith("principle.”")
    assert found[0].text.startswith("recognising")




def test_a_clause_subject_parsed_as_the_object_stays_in_the_content(nlp):
    text = "He says Norway along with other donors were crucial in keeping the peace talks alive last year."
    found = _at(_quotes(nlp, text), text, "were crucial")
    assert len(found) == 1 and found[0].text.startswith("Norway along with other donors were crucial")


def test_a_name_after_a_dash_signs_each_quote(nlp):
    text = ("Readers told us what they made of the debate.\n"
            "“He never answered a single question about the schools or the roads.” ― Maria Jensen\n"
            "“I came away more worried about the economy than I was before it began.” ― Tomas Brandvold\xa0\n"
            "The next debate is on Sunday.")
    quotes = _quotes(nlp, text)
    first, second = _at(quotes, text, "never answered"), _at(quotes, text, "more worried")
    assert len(first) == 1 and len(second) == 1
    assert text[first[0].source_span.start:first[0].source_span.end] == "Maria Jensen"
    assert text[second[0].source_span.start:second[0].source_span.end] == "Tomas Brandvold"

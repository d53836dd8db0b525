"""Quotes on articles written for these tests: every direct and indirect pattern, speakers resolved to people."""

from __future__ import annotations

import pytest

from parley.extract.people import extract_entities
from parley.extract.quotes import extract_quotes

ARTICLE = """Finland and Estonia discuss Baltic security

Finnish Prime Minister Petteri Orpo hosted Estonian Prime Minister Kristen Michal in Helsinki on Friday, and the defence analyst Jukka Rantanen of the Baltic Institute followed the talks.

Petteri Orpo said: "Our countries share one sea and one threat, and we will face it together."

"The ferry link must be protected around the clock," he said. "Nobody should doubt our resolve."

"We have agreed to hold joint exercises in the spring," Kristen Michal told reporters, adding that the details would follow.

Jukka Rantanen noted that the two navies had trained together for years. The analyst stressed the importance of undersea cables for both economies.

According to Rantanen, the cable incidents of last winter changed public opinion in both countries.

As Michal noted later, Estonia will double its coastal patrols next year.

Orpo drew attention to the shadow fleet operating in the Gulf of Finland. The Finnish leader also hinted at new sanctions against shipping companies.

"Finland was never neutral in its heart," Rantanen said. "Its choice was made long ago."

"Both capitals now speak with one voice," the analyst concluded."""

NESTED = """Kenya hosts Somali president

Analyst Wanjiru Kamau said the visit mattered: "The talks went well. 'We will open the border crossing at Mandera before the rains'- Hassan Sheikh Mohamud remarked after the meeting. That promise is what traders waited for."

Wanjiru Kamau also said that the region needs calm: "Trade follows security, and security follows trust. Without trust there is nothing to build on.

"A second reason is the drought, which has emptied markets along the border for two years now," she said."""

CONTINUED = """Minister speaks on budget

Finance Minister Maria Lopes said the budget would balance: "We cut spending where it hurt least. We protected schools and hospitals. And we kept our promise to pensioners.

Next year we will go further and reduce the deficit below two percent, as we promised the voters. "

The opposition disagreed."""

BROKEN = """Odd marks

Ambassador Lena Holm said: "We welcome the decision. He said "yes" and then "no and "maybe.

"Unclosed at the start of a paragraph and no cue here at all, running on for a while.

Another paragraph with a stray closing mark" and some more words after it, said Holm."""


def quotes_of(nlp, text):
    doc = nlp(text)
    ents = extract_entities(doc)
    return doc, ents, extract_quotes(doc, ents)


def find(quotes, snippet, kind=None):
    hits = [q for q in quotes if snippet in q.text and (kind is None or q.kind == kind)]
    assert hits, f"no quote holds {snippet!r}: {[q.text[:40] for q in quotes]}"
    return min(hits, key=lambda q: q.end - q.start)


@pytest.fixture(scope="module")
def article(nlp):
    return quotes_of(nlp, ARTICLE)


def test_offsets_and_kinds(article):
    doc, ents, quotes = article
    assert quotes
    for q in quotes:
        assert doc.text[q.start:q.end] == q.text
        assert not q.text.startswith(('"', "“")) and not q.text.endswith(('"', "”"))
        assert q.kind in ("direct", "indirect", "mixed")
        if q.speaker_id:
            ent = next(e for e in ents if e.id == q.speaker_id)
            assert ent.name == q.speaker
            sm = q.speaker_mention
            assert any(m.start == sm.start and m.end == sm.end for m in ent.mentions)


def test_cue_before_the_quote(article):
    _, _, quotes = article
    q = find(quotes, "Our countries share one sea", "direct")
    assert q.speaker == "Petteri Orpo" and q.cue == "said"


def test_cue_after_the_quote_with_pronoun(article):
    _, _, quotes = article
    q = find(quotes, "The ferry link must be protected", "direct")
    assert q.speaker == "Petteri Orpo" and q.cue == "said"
    assert q.speaker_role and "Prime Minister" in q.speaker_role


def test_second_quote_in_paragraph_without_cue_keeps_the_speaker(article):
    _, _, quotes = article
    q = find(quotes, "Nobody should doubt our resolve")
    assert q.speaker == "Petteri Orpo"


def test_named_speaker_after_quote(article):
    _, _, quotes = article
    q = find(quotes, "joint exercises in the spring", "direct")
    assert q.speaker == "Kristen Michal" and q.cue == "told"


def test_indirect_that_clause_and_object(article):
    _, _, quotes = article
    q = find(quotes, "the two navies had trained together", "indirect")
    assert q.speaker == "Jukka Rantanen" and q.cue == "noted"
    assert not q.text.startswith("that")
    q = find(quotes, "stressed the importance of undersea cables", "indirect")
    assert q.speaker == "Jukka Rantanen"


def test_according_to_and_as_noted(article):
    _, _, quotes = article
    q = find(quotes, "the cable incidents of last winter", "indirect")
    assert q.speaker == "Jukka Rantanen" and q.cue.lower() == "according to"
    assert not q.text.startswith("According")
    q = find(quotes, "Estonia will double its coastal patrols", "indirect")
    assert q.speaker == "Kristen Michal"


def test_drew_attention_and_hinted_with_role_phrase(article):
    _, _, quotes = article
    q = find(quotes, "drew attention to the shadow fleet", "indirect")
    assert q.speaker == "Petteri Orpo"
    q = find(quotes, "hinted at new sanctions", "indirect")
    assert q.speaker == "Petteri Orpo"  # "The Finnish leader" is the Finnish prime minister


def test_role_phrase_speaker(article):
    _, _, quotes = article
    q = find(quotes, "Both capitals now speak with one voice", "direct")
    assert q.speaker == "Jukka Rantanen" and q.cue == "concluded"


def test_nested_single_quote_has_its_own_speaker(nlp):
    doc, ents, quotes = quotes_of(nlp, NESTED)
    inner = find(quotes, "We will open the border crossing at Mandera")
    assert inner.speaker == "Hassan Sheikh Mohamud" and inner.cue == "remarked"
    outer = find(quotes, "The talks went well")
    assert outer.speaker == "Wanjiru Kamau"
    assert "We will open" not in outer.text  # the enclosing speaker does not get the nested words
    assert find(quotes, "That promise is what traders waited for").speaker == "Wanjiru Kamau"


def test_quote_open_at_paragraph_end_and_next_paragraph_continuing(nlp):
    doc, ents, quotes = quotes_of(nlp, NESTED)
    q = find(quotes, "Without trust there is nothing to build on")
    assert q.speaker == "Wanjiru Kamau" and q.end <= doc.text.index("\n\n\"A second")
    q = find(quotes, "A second reason is the drought")
    assert q.speaker == "Wanjiru Kamau"  # "she" resolves to the analyst


def test_quote_closed_in_the_following_paragraph(nlp):
    doc, ents, quotes = quotes_of(nlp, CONTINUED)
    first = find(quotes, "We cut spending where it hurt least", "direct")
    assert first.speaker == "Maria Lopes"
    second = find(quotes, "reduce the deficit below two percent")
    assert second.speaker == "Maria Lopes"
    assert "opposition" not in second.text


def test_unbalanced_marks_never_raise_and_keep_good_quotes(nlp):
    doc, ents, quotes = quotes_of(nlp, BROKEN)
    for q in quotes:
        assert doc.text[q.start:q.end] == q.text
    assert any("We welcome the decision" in q.text for q in quotes)


@pytest.mark.parametrize("text", ["", '"', '""', "“”", "He said: “", "'", "\n\n\"\n\n", "“a” ” “ \" ' ’ ‘"])
def test_degenerate_texts(nlp, text):
    doc, ents, quotes = quotes_of(nlp, text)
    for q in quotes:
        assert doc.text[q.start:q.end] == q.text

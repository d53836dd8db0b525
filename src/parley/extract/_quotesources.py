"""The source of a reported statement as the parse gives it, person or not: "the ministry said", "sources said",
"a new poll shows", "Smith, who said ...", "according to health experts".

A source is (start, end, kind): the character span of the subject phrase as written and what it is: person,
organisation, document, group, anonymous, or other (a head noun that names no speaker: "the results show"). The
kind comes from the parse (named-entity type, pronoun, plural) and from the head nouns in nlp/data/quote_sources.txt,
role_titles.txt and kinship.txt.
"""

from __future__ import annotations

import re
from functools import lru_cache

from parley.nlp import lexicon

__all__ = ["source_of", "phrase_source", "subject_token", "participle_head", "is_medium"]

Source = tuple[int, int, str]

_NOT_SOURCES = {"it", "there", "this", "that", "what", "which", "one", "these", "something", "nothing"}
_RELATIVE = {"who", "that", "which"}
_PERSON_PRONOUNS = {"he", "she", "i", "we", "you", "him", "her", "me", "us"}
_GROUP_PRONOUNS = {"they", "them", "many", "some", "others", "both", "all", "most"}
_ORG_ENTS = {"ORG", "NORP", "GPE", "FAC"}


@lru_cache(maxsize=1)
def _head_kinds() -> dict[str, str]:
    out = {}
    for name in ("role_titles", "kinship"):
        for line in lexicon(name):
            out[line.split()[-1].lower()] = "person"
    for line in lexicon("quote_sources"):
        kind, _, noun = line.partition(" ")
        out[noun.strip().lower()] = kind
    return out


@lru_cache(maxsize=1)
def _media_nouns() -> frozenset[str]:
    return frozenset(lexicon("quote_media"))


def is_medium(phrase: str) -> bool:
    """Whether a source phrase names a news medium ("the state news agency", "Saudi Press Agency", "the
    broadcaster"): nlp/data/quote_media.txt."""
    return any(w in _media_nouns() for w in re.findall(r"[a-z]+", phrase.lower()))


def subject_token(verb):
    """The verb's nominal subject token, or its coordinated head's ("X met Y and said ..."), or for a participle
    the subject of the clause it hangs on ("X said, adding that ...")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        for child in verb.head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
    head = participle_head(verb)
    return subject_token(head) if head is not None else None


def participle_head(verb):
    """The verb a subjectless participle clause hangs on after a comma: "X said, adding that ...", "X spoke,
    citing ...", "..., X said, referring to ..."; None for any other verb."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head.i == verb.i:
        return None
    if verb.head.i > verb.i or any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children):
        return None
    if verb.i == 0 or verb.doc[verb.i - 1].text not in (",", "—", "–"):
        return None
    return verb.head if verb.head.pos_ in ("VERB", "AUX") else None


def source_of(verb) -> Source | None:
    """The subject phrase of a reporting verb as a source; None for expletive or clausal subjects ("it is said")."""
    tok = subject_token(verb)
    if tok is None:
        return None
    low = tok.lower_
    if low in _RELATIVE and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return _span_kind(verb.head, verb.head.left_edge.idx, verb.head.idx + len(verb.head.text))
    if low in _NOT_SOURCES or low in _RELATIVE or tok.pos_ in ("VERB", "AUX", "SCONJ", "PUNCT", "DET"):
        return None
    return phrase_source(tok)


def phrase_source(tok) -> Source | None:
    """The noun phrase headed by tok as a source (the object of "according to", a subject)."""
    if tok.lower_ in _NOT_SOURCES:
        return None
    a = tok.left_edge.idx
    end_tok = tok.right_edge
    return _span_kind(tok, a, end_tok.idx + len(end_tok.text))


def _span_kind(head, a: int, b: int) -> Source:
    low = head.lower_
    if low in _PERSON_PRONOUNS:
        return a, b, "person"
    if low in _GROUP_PRONOUNS:
        return a, b, "group"
    if head.ent_type_ == "PERSON":
        return a, b, "person"
    if head.ent_type_ in _ORG_ENTS:
        return a, b, "organisation"
    kind = _head_kinds().get(head.lemma_.lower())
    if kind is not None:
        return a, b, "group" if kind == "person" and head.tag_ in ("NNS", "NNPS") else kind
    if head.pos_ == "NUM":  # "four in 10 say", "nine of them said"
        return a, b, "group"
    if head.pos_ == "PROPN":  # a name the tagger did not call a person: "Kyodo said", "SPA said"
        return a, b, "organisation"
    return a, b, "other"  # "the frequency of meetings indicates", "the results show": no speaker

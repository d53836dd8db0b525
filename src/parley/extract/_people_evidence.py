"""Evidence that a name the model labelled PERSON is no person: a place written in another spelling ("Teheran"),
a newspaper cited as a source ("according to Proto Thema"), a building where something happens ("a reception at
Rashtrapati Bhavan"); and a place glued before a name ("Ambassador to Australia and Vanuatu Siswo Pramono").

A name is kept as a person whenever a general resource or the article speaks for it: a given name the lexicon knows,
a person or surname of the Phoenix actor dictionary, a title before any of its mentions, a reporting verb after one.
"""

from __future__ import annotations

import re

from parley.knowledge.people import person_states, surname_states
from parley.knowledge.states import name_key, names

__all__ = ["not_a_person", "strip_leading_place"]

# the object of a citation or a venue: "according to X", "reported by X", "at X", "inside X"
_SOURCE_BEFORE = re.compile(r"\b(?:[Aa]ccording\s+to|reported\s+by|quoted\s+by)\s+\Z")
_VENUE_BEFORE = re.compile(r"\b(?:at|inside)\s+\Z")


def _vouched(ex, span: str, words: list[str], speech: bool = True) -> bool:
    """A general resource or the article itself says the name is a person's (a reporting verb after it counts only
    with ``speech``: "Teheran said" is a capital's metonymy)."""
    if words[0].lower() in ex.L.first_names or person_states(span) or len(words) > 1 and surname_states(span):
        return True
    for m in re.finditer(rf"(?<![\w-]){re.escape(span)}(?![\w-])", ex.text):
        if ex.title_before(m.start()) or speech and ex.followed_by_reporting(m.end()):
            return True
    return False


def not_a_person(ex, s: int, e: int, span: str, words: list[str]) -> bool:
    """Whether the article or the knowledge tables show that the name at s..e is no person (ex: the people
    extractor, for its text, parse and lexicons)."""
    if len(words) == 1:  # a single word the state tables know as a place: "Teheran said" (another spelling)
        return bool(names().get(name_key(span))) and not _vouched(ex, span, words, speech=False)
    before = ex.text[max(0, s - 20):s]
    if _after_the(ex.text, span):
        cue = True  # "visited the Rashtrapati Bhavan": no person takes an article
    elif _SOURCE_BEFORE.search(before):
        cue = True
    elif _VENUE_BEFORE.search(before):
        tok = ex.token(s)
        cue = tok is not None and _object_of(tok, ("at", "inside"))
    else:
        cue = False
    return cue and not _vouched(ex, span, words)


def _after_the(text: str, span: str) -> bool:
    """Whether the article writes "the <span>" somewhere (plain string search: this runs for every name)."""
    for article in ("the ", "The "):
        at = text.find(article + span)
        while at >= 0:
            end = at + len(article) + len(span)
            if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not (text[end].isalnum() or text[end] == "-")):
                return True
            at = text.find(article + span, at + 1)
    return False


def _object_of(tok, preps: tuple[str, ...]) -> bool:
    head = tok
    while head.dep_ == "compound" and head.head is not head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in preps


def strip_leading_place(ex, s: int, e: int) -> int:
    """"... to Australia and Vanuatu Siswo Pramono": a state or city before a name of two more words is not part
    of it; the new start."""
    m = re.match(r"([^\W\d_]+)[ \t]+(?=\S+[ \t]+\S)", ex.text[s:e])
    if m and ex.is_place(m.group(1)) and m.group(1).lower() not in ex.L.first_names:
        return s + m.end()
    return s

"""The Doc as the event step reads it, and small text helpers over the cleaned article text."""

from __future__ import annotations

import re


class CachedDoc:
    """The Doc with ``text`` and ``sents`` computed once (spaCy rebuilds both on every access)."""

    def __init__(self, doc):
        self._doc = doc
        self.spacy = doc  # the spaCy Doc itself, for steps outside this package
        self.text = doc.text
        self._sents = list(doc.sents)

    @property
    def sents(self):
        return iter(self._sents)

    def __getitem__(self, i):
        return self._doc[i]

    def __len__(self):
        return len(self._doc)

    def __getattr__(self, name):
        return getattr(self._doc, name)


def is_verbal(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def paragraph(text: str, pos: int) -> tuple[int, int]:
    """The line around ``pos`` (paragraphs and headlines are separated by newlines in cleaned text)."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, (len(text) if b < 0 else b)


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def clean_name(text: str) -> str:
    text = re.sub(r"(?:'s|’s|'|’)$", "", text.strip())
    return re.sub(r"^(the|The)\s+", "", text).strip()

"""The answer records (Answer, AnswerPart) and one question being answered (_Ctx): the store, the index, the
parsed question, the articles the filters allow, and citations that resolve to the stored text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from parley.models import Citation
from parley.search import questions as qmod
from parley.search.index import Index

NOT_IN_CORPUS = "The corpus does not say."
MAX_PARTS = 8


@dataclass(frozen=True)
class AnswerPart:
    text: str
    citations: list[Citation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "citations": [c.__dict__.copy() for c in self.citations]}


@dataclass(frozen=True)
class Answer:
    question: str
    kind: str
    parts: list[AnswerPart] = field(default_factory=list)
    answered: bool = False
    note: str | None = None
    retrieval: str = "bm25"  # "hybrid" when sentence embeddings took part
    # how sure and why: "structured" (records of events, quotes, figures or disagreements match every person,
    # place and date asked), "passage" (no record matches: sentences that hold the question's words, a weaker
    # answer to read with care), "none" (refused)
    basis: str = "none"

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "kind": self.kind, "answered": self.answered, "note": self.note,
                "basis": self.basis, "retrieval": self.retrieval, "parts": [p.to_dict() for p in self.parts]}


class _Ctx:
    """One question being answered: the store, the index, the parsed question, the allowed articles."""

    def __init__(self, store, idx: Index, q: qmod.Question, allowed: set[int] | None):
        self.store, self.idx, self.q, self.allowed = store, idx, q, allowed
        self._texts: dict[int, str] = {}
        self._folded: dict[int, str] = {}

    def ok(self, article: int | None) -> bool:
        return article is not None and (self.allowed is None or article in self.allowed)

    def text(self, article: int) -> str:
        """The stored text of article number ``article``: the index's copy, else the store's."""
        got = self._texts.get(article)
        if got is None:
            got = self.idx.text_of(article)
            if got is None:
                got = article_text(self.store, self.idx.articles[article]["id"])
            self._texts[article] = got
        return got

    def folded(self, article: int) -> str:
        """The article's text lower-cased and without accents, for finding a name in it (kept per question)."""
        got = self._folded.get(article)
        if got is None:
            got = self._folded[article] = qmod.fold(self.text(article)).lower()
        return got

    def citation(self, article: int, start: int, end: int) -> Citation | None:
        meta = self.idx.articles[article]
        text = self.text(article)
        if not (0 <= start < end <= len(text)):
            return None
        return Citation(article_id=meta["id"], start=start, end=end, text=text[start:end],
                        title=meta.get("title"), outlet=meta.get("outlet"), published=meta.get("published"))

    def sentence_at(self, article: int, start: int, end: int | None = None) -> tuple[int, int]:
        """The indexed sentence holding ``start`` (extended to cover ``end``), else the span itself."""
        end = start + 1 if end is None else end
        spans = self.idx.units_of(article)
        hold = [s for s in spans if s[0] <= start < s[1]]
        if not hold:
            return (start, end)
        s, e = hold[0]
        return (s, max(e, end))

    def sentence_citation(self, article: int, start: int, end: int | None = None) -> Citation | None:
        s, e = self.sentence_at(article, start, end)
        return self.citation(article, s, e)


def article_text(store, article_id: str) -> str:
    from parley.search import article_text as text_of

    return text_of(store, article_id)

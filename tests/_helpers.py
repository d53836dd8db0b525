"""Helpers the tests share: one test article through the real extraction, its events, many at once, and a
plain-text page of paragraphs. Test texts stay in the tests that use them."""

from __future__ import annotations

from collections.abc import Iterable

from parley.extract import build_record
from parley.models import Article, Event, Record


def record_of(nlp, text: str, published: str | None = None, *, article_id: str = "t",
              source: str = "test") -> Record:
    """The record extraction gives one article of ``text``."""
    return build_record(Article(id=article_id, source=source, text=text, published=published), nlp(text))


def events_of(nlp, text: str, published: str | None = "2024-07-10") -> tuple[Event, ...]:
    """The events extraction finds in one article of ``text`` published on ``published``."""
    return record_of(nlp, text, published).events


def records_of(pairs: Iterable[tuple[str, str | None]], prefix: str = "r", outlet: str = "outlet") -> list[Record]:
    """One record per (text, published): ids ``<prefix>0``, ``<prefix>1``, ..., sources ``<outlet>0``, ...,
    analysed with the real spaCy model."""
    from parley.nlp import load

    nlp = load()
    return [record_of(nlp, text, published, article_id=f"{prefix}{i}", source=f"{outlet}{i}")
            for i, (text, published) in enumerate(pairs)]


def page(*lines: str) -> str:
    """A plain-text page: one paragraph per line."""
    return "\n\n".join(lines) + "\n"

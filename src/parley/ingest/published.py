"""Choosing the publication date among the dates a page carries, and saying where it came from
(``published_from``): a wire dateline's date first, then a date line under the headline or a dated byline,
then one labelled only "Updated", and last a bare date above the headline (the day the page was viewed)."""

from __future__ import annotations

import re
from typing import NamedTuple

from parley.ingest._data import entries
from parley.ingest.page import PageMeta

DATELINE, UNDER_HEADLINE, UPDATED, ABOVE_HEADLINE = 0, 1, 2, 3  # ranks: the lowest wins


class DateCandidate(NamedTuple):
    """A date the page states; candidates compare by rank, then by line (the earlier wins)."""

    rank: int
    line: int
    value: str  # ISO date
    source: str  # published_from: dateline | date line | byline


def date_rank(text: str, meta: PageMeta) -> int:
    """How much a date line says about publication: 1 a date line under the headline or labelled
    'published'; 2 one labelled only 'updated'; 3 a bare date above the headline (the day the page was
    viewed, as many sites print it)."""
    words = set(re.findall(r"[^\W\d_]+", text.lower()))
    if words and words <= set(entries("update_words")) | {"at", "on", "last"}:
        return UPDATED
    if meta.title is None and not words & {"published", "posted", "created", "date"}:
        return ABOVE_HEADLINE
    return UNDER_HEADLINE


def choose_published(dates: list[DateCandidate]) -> DateCandidate | None:
    """The publication date: the best-ranked candidate, the earliest line among equals."""
    return min(dates) if dates else None

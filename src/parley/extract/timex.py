"""Temporal expressions normalised to TIMEX3 values against the publication date. (stub: to be built)"""

from __future__ import annotations

from parley.models import Timex


def extract_timexes(doc, published: str | None) -> tuple[Timex, ...]:
    return ()

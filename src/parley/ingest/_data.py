"""Rule lists shipped as data files in ``ingest/data/`` (one entry per line, '#' starts a comment line)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

__all__ = ["entries", "patterns", "stopwords"]


@lru_cache(maxsize=None)
def entries(name: str) -> tuple[str, ...]:
    """Non-blank, non-comment lines of ``data/<name>.txt``, stripped."""
    text = resources.files("parley.ingest").joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    return tuple(s for s in (line.strip() for line in text.splitlines()) if s and not s.startswith("#"))


@lru_cache(maxsize=None)
def patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """Each entry of ``data/<name>.txt`` compiled as a case-insensitive regular expression."""
    return tuple(re.compile(p, re.IGNORECASE) for p in entries(name))


@lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    """Language code -> its most common function words (``data/stopwords.txt``)."""
    out: dict[str, frozenset[str]] = {}
    for line in entries("stopwords"):
        code, _, words = line.partition(":")
        out[code.strip()] = frozenset(words.split())
    return out

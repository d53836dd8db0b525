"""Word lists of nlp/data shared by several event modules, each loaded once."""

from __future__ import annotations

import re
from functools import lru_cache

from parley.nlp import lexicon
from parley.nlp.lexicon_regex import compile_lexicon


def compiled(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile``, kept for good and made with the garbage collector paused (parley.nlp.lexicon_regex): the
    patterns holding demonym_pattern() are some 20,000 characters, and re's own cache of 512 evicts them."""
    return compile_lexicon(pattern, flags)


@lru_cache(maxsize=1)
def venues() -> dict[str, str]:
    out = {}
    for line in lexicon("venues"):
        venue, _, city = line.partition("\t")
        out[venue.strip().lower()] = city.strip()
    return out


def venue_city(place: str | None) -> str | None:
    """The city a venue stands for ("Kremlin" -> "Moscow"), else the place itself."""
    if not place:
        return place
    key = re.sub(r"^the\s+", "", place.strip(), flags=re.I).lower()
    return venues().get(key, place)


def title_kind(title: str) -> str:
    t = title.lower()
    return "pm" if ("prime" in t or "premier" in t or "chancellor" in t) else "head"


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    return frozenset(w.split()[0].lower() for w in lexicon("reporting_verbs") if w.split())


@lru_cache(maxsize=1)
def place_frames() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon("place_frames"))


@lru_cache(maxsize=1)
def modality_words() -> dict[str, str]:
    """lemma of a word governing an event verb ("expected" in "is expected to visit") -> status
    (nlp/data/event_modality.txt)."""
    out = {}
    for line in lexicon("event_modality"):
        status, _, lemma = line.partition("\t")
        out[lemma.strip().lower()] = status.strip()
    return out

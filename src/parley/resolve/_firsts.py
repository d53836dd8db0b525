"""When the last time was, as reports of one event date a first time: "the first since 2018" in one report, "for
the first time in 12 years" in another. The patterns are the "first" rows of nlp/data/account_words.txt.

Each reading is an interval of years for the last time before the event: a year as given; "in N years" N years
before the event's year (the timeline entry's date, else the article's publication year), give or take one, as a
calendar year is counted loosely; "in more than N years" that year or any before. Two articles disagree when what
all the readings of one allow cannot meet what all the readings of the other allow.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from parley.models import Event, Record
from parley.nlp import lexicon
from parley.nlp.numbers import parse_number

__all__ = ["LastTime", "last_times_in", "last_times_agree", "first_time_sides"]

_BEFORE = ("more than", "over")  # "in more than five years": the last time was that long ago or longer
_NEAR = ("nearly", "almost")


@dataclass(frozen=True)
class LastTime:
    low: float  # the earliest year the last time can be (-inf: any year before)
    high: float
    text: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, ...]:
    rows = [line.split("\t", 1) for line in lexicon("account_words")]
    return tuple(re.compile(rx.strip(), re.I) for kind, rx in rows if kind.strip() == "first")


def last_times_in(text: str, start: int, end: int, event_year: int | None) -> list[LastTime]:
    """The readings of the last time before a first time in text[start:end] (see the module docstring)."""
    out: dict[int, LastTime] = {}
    for rx in _patterns():
        for m in rx.finditer(text, start, end):
            span = m.group(0)
            if m.groupdict().get("year"):
                year = int(m.group("year"))
                out.setdefault(m.start(), LastTime(year, year, span, m.start(), m.end()))
                continue
            n = parse_number(m.group("n")) if m.groupdict().get("n") else None
            if n is None or event_year is None or not 1 <= n <= 99:
                continue
            last = event_year - int(n)
            qual = re.sub(r"\s+", " ", (m.group("qual") or "").lower())
            if qual in _BEFORE:
                low, high = -math.inf, last
            elif qual in _NEAR:
                low, high = last, last + 1
            else:
                low, high = last - 1, last + 1
            out.setdefault(m.start(), LastTime(low, high, span, m.start(), m.end()))
    return [out[k] for k in sorted(out)]


def _narrowest(readings: Sequence[LastTime]) -> tuple[float, float] | None:
    """What all of one article's readings allow ("in more than five years" and "the first since 2018": 2018), or
    None when they cannot all hold."""
    low, high = max(t.low for t in readings), min(t.high for t in readings)
    return (low, high) if low <= high else None


def last_times_agree(a: Sequence[LastTime], b: Sequence[LastTime]) -> bool:
    """What one article's readings allow meets what the other's allow (an article at odds with itself agrees)."""
    x, y = _narrowest(a), _narrowest(b)
    return x is None or y is None or (x[0] <= y[1] and y[0] <= x[1])


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


def first_time_sides(members: Sequence[tuple[Record, Event]], entry,
                     sentences) -> list[tuple[Record, list[LastTime]]] | None:
    """Per article of the entry (members: its reports; sentences(record, event) the sentences to read), the
    readings of the last time, when two articles' readings cannot meet; else None."""
    found: dict[str, tuple[Record, list[LastTime]]] = {}
    year = _year(getattr(entry, "date", None))
    for rec, ev in sorted(members, key=lambda m: (m[0].article.id, m[1].id)):
        ref = year or _year(rec.article.published)
        for s, e in sentences(rec, ev):
            for t in last_times_in(rec.article.text, s, e, ref):
                if t not in found.setdefault(rec.article.id, (rec, []))[1]:
                    found[rec.article.id][1].append(t)
    ids = sorted(a for a in found if found[a][1])
    if any(not last_times_agree(found[x][1], found[y][1]) for i, x in enumerate(ids) for y in ids[i + 1:]):
        return [found[a] for a in ids]
    return None

"""Shared pieces of the timex layer: lexicon tables, the match context, date arithmetic helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Callable

from parley.extract._numbers import as_number, parse_number
from parley.nlp import lexicon, table


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_UNIT_CODE = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE", "quarter": "Q"}
_UNIT_TIME = {"hour": "H", "minute": "M", "second": "S"}
_POD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


# ----------------------------------------------------------------------------------------------------------- data
@lru_cache(maxsize=1)
def _lex() -> dict[str, object]:
    months = {alias: int(num) for alias, num in table("months").items()}
    weekdays = {alias: int(num) for alias, num in table("weekdays").items()}
    seasons = table("seasons")
    return {
        "months": months,
        "months_lower": {k.lower().rstrip("."): v for k, v in months.items()},
        "weekdays": weekdays,
        "weekdays_lower": {k.lower(): v for k, v in weekdays.items()},
        "seasons": {k.lower(): v for k, v in seasons.items()},
        "future": frozenset(w.lower() for w in lexicon("future_cues")),
        "not_year_before": frozenset(w.lower() for w in lexicon("not_year_before")),
        "year_prep": frozenset(w.lower() for w in lexicon("year_prepositions")),
        "count_qualifiers": frozenset(w.lower() for w in lexicon("count_qualifiers")),
        "references": {k.lower(): v for k, v in table("reference_words").items()},
    }


def _alt(words, escape=True) -> str:
    words = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) if escape else w for w in words) + ")"


@dataclass(frozen=True)
class _Pattern:
    name: str
    regex: re.Pattern
    normalise: Callable  # (match, ctx) -> (value, type) | None


@dataclass
class _Ctx:
    published: date | None
    pub_time: str | None
    text: str
    tense: Callable[[int, int], str | None]  # (start, end) -> 'past' | 'future' | None
    perfect: Callable[[int, int], bool] = lambda s, e: False  # (start, end) -> told in the present perfect


# ------------------------------------------------------------------------------------------------ date helpers
def _date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _parse_published(published: str | None) -> tuple[date | None, str | None]:
    if not published:
        return None, None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?", published)
    if not m:
        return None, None
    d = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    t = f"{m.group(4)}:{m.group(5)}" if m.group(4) else None
    return d, t


def _month_num(text: str) -> int | None:
    return _lex()["months_lower"].get(text.lower().rstrip("."))


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _hhmm(m: re.Match, hh="hh", mi="mi", ampm="ampm") -> str | None:
    if m.groupdict().get(hh) is None:
        return None
    h = int(m.group(hh))
    mins = m.group(mi) if m.groupdict().get(mi) else "00"
    ap = (m.groupdict().get(ampm) or "").lower().replace(".", "")
    if ap == "pm" and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    return f"{h:02d}:{mins}"


def _count(text: str) -> int | float | None:
    t = re.sub(r"\s+", " ", text.lower())
    if t in ("several", "a few", "few", "many", "some"):
        return None
    if t.startswith(("a couple", "couple")):
        return 2  # "a couple of years": TimeML reads two
    value = parse_number(t)
    return as_number(value) if value is not None else None

"""Weekdays in TIMEX3 values: a bare weekday ("XXXX-WXX-2": "on Tuesday" in a page without a date) against the
calendar day it may be. The one rule for extraction (events.compat: can two mentions be one event) and for the
cross-article timeline (resolve.timeline, resolve._days)."""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache

__all__ = ["bare_weekday", "weekday_fits", "weekday_value"]


def bare_weekday(parts: list[str]) -> int | None:
    """The ISO weekday (Monday 1) of a value's parts that name a weekday without its week ("XXXX", "WXX", "6")."""
    if len(parts) >= 3 and parts[1].startswith("W") and parts[2][:1].isdigit():
        return int(parts[2][0])
    return None


def weekday_fits(week: list[str], other: list[str]) -> bool:
    """A weekday value ("XXXX-WXX-2", Tuesday) against a calendar date: the date's weekday must be it."""
    if len(week) < 3 or not week[2][:1].isdigit() or len(other) < 3 or not all(
            x[:2].isdigit() for x in other[:3]) or other[1].startswith("W"):
        return True
    try:
        day = _dt.date(int(other[0]), int(other[1]), int(other[2][:2]))
    except ValueError:
        return True
    return day.isoweekday() == int(week[2][:1])


def weekday_value(text: str | None) -> str | None:
    """"on Saturday" -> "XXXX-WXX-6": the bare weekday a date's words name (nlp/data/weekdays.txt), else None."""
    if not text:
        return None
    names = _weekday_names()
    for word in text.replace(",", " ").split():
        day = names.get(word) or names.get(word.capitalize())
        if day:
            return f"XXXX-WXX-{day}"
    return None


@lru_cache(maxsize=1)
def _weekday_names() -> dict[str, str]:
    """"Saturday" -> "6", read once: resolution asks for every pair of reports it compares."""
    from parley.nlp import table

    return table("weekdays")


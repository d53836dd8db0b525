"""Named holidays: "Thanksgiving Day", "Christmas Day", "Good Friday", "last Boxing Day".

Names and dates come from the ``holidays`` package (maintained, offline): the calendars of the United States and the
United Kingdom in English, as English-language news names them. Left out: "(observed)" days, and names that other
countries share for other dates ("Independence Day", "Labor Day", "May Day", "Memorial Day"): without its country
such a name has no one date. The year is the one that puts the day nearest to publication, moved by the clause's
tense as a month-day is (_calendar), or by "last" / "next" / "this". Without a publication date a holiday on a fixed
day still has its month and day ("XXXX-12-25"); a movable one has no value and is left out.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from parley.extract.timex._base import _Ctx
from parley.extract.timex._calendar import _ARRANGED_AHEAD

_COUNTRIES = (("US", "en_US"), ("GB", "en_GB"))
_SHARED_NAMES = frozenset({"Independence Day", "Labor Day", "May Day", "Memorial Day"})
_SAMPLE_YEARS = (2001, 2002)  # a movable holiday changes day between them; a fixed one does not


@lru_cache(maxsize=64)
def _calendar(year: int) -> dict[str, date]:
    """Holiday name -> its day in ``year`` (the first country listing a name wins)."""
    import holidays

    out: dict[str, date] = {}
    for country, language in _COUNTRIES:
        for day, name in sorted(holidays.country_holidays(country, years=year, language=language).items()):
            for one in name.split("; "):
                if "(" not in one and one not in _SHARED_NAMES:
                    out.setdefault(one, day)
    return out


@lru_cache(maxsize=1)
def holiday_names() -> tuple[str, ...]:
    names = set(_calendar(_SAMPLE_YEARS[0]))
    for y in _SAMPLE_YEARS[1:]:
        names &= set(_calendar(y))  # every year's, not a one-off ("Golden Jubilee of Elizabeth II")
    return tuple(sorted(names, key=len, reverse=True))


def holiday_regex() -> str:
    return r"\b(?:(?P<rel>last|next|this)\s+)?(?P<name>" + "|".join(map(re.escape, holiday_names())) + r")\b"


def _fixed_day(name: str) -> tuple[int, int] | None:
    days = {(d.month, d.day) for y in _SAMPLE_YEARS if (d := _calendar(y).get(name))}
    return days.pop() if len(days) == 1 else None


def _n_holiday(m: re.Match, ctx: _Ctx):
    name, rel, pub = m.group("name"), (m.group("rel") or "").lower(), ctx.published
    if pub is None:
        fixed = _fixed_day(name)
        return (f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}", "DATE") if fixed else None
    days = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := _calendar(y).get(name))]
    if not days:
        return None
    if rel == "last":
        past = [d for d in days if d < pub]
        best = past[-1] if past else None
    elif rel == "next":
        ahead = [d for d in days if d > pub]
        best = ahead[0] if ahead else None
    elif rel == "this":
        best = next((d for d in days if d.year == pub.year), None)
    else:
        best = min(days, key=lambda d: abs((d - pub).days))
        tense = ctx.tense(m.start("name"), m.end("name"))
        earlier = [d for d in days if d < best]
        later = [d for d in days if d > best]
        if tense == "past" and (best - pub).days > _ARRANGED_AHEAD and earlier:
            best = earlier[-1]
        elif tense == "future" and best < pub and later:
            best = later[0]
    return (best.isoformat(), "DATE") if best else None

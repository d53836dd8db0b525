"""The comparisons the merge rules of resolve.timeline are made of: people (persons, people_compatible,
people_equal, matched through knowledge.identity.same_person), places (places_fit, by containment) and dates
(date_precision, shared_known, a publication year, a bare weekday and the day falling on it, calendar days)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from parley.extract.events import venue_city
from parley.extract.topics import is_country
from parley.knowledge.identity import same_person
from parley.knowledge.places import known_place, place_relation
from parley.models import Record
from parley.nlp.weekdays import bare_weekday, weekday_fits

_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


# ---------------------------------------------------------------- people

def persons(names) -> list[str]:
    return list(_persons(tuple(names)))


@lru_cache(maxsize=65536)
def _persons(names: tuple[str, ...]) -> tuple[str, ...]:  # is_country reads the state tables: once per name list
    return tuple(n for n in names if not is_country(n))


def people_compatible(a, b) -> bool:
    return _compatible(tuple(a), tuple(b))


@lru_cache(maxsize=262144)
def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    pa, pb = _persons(a), _persons(b)
    if not pa or not pb:
        return True
    small, big = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
    return all(any(same_person(x, y) for y in big) for x in small)


def people_equal(a, b) -> bool:
    """As many people on each side, each one of the other side's: either way round, so that the answer does
    not depend on which report comes first (two names of one side fitting one of the other is not the same)."""
    pa, pb = persons(a), persons(b)
    return len(pa) == len(pb) and people_compatible(pa, pb) and people_compatible(pb, pa)


# ---------------------------------------------------------------- places

@lru_cache(maxsize=65536)
def places_fit(a: str | None, b: str | None) -> bool:
    """Two places that can be the place of one event, by containment (knowledge.places.place_relation, each
    place read as the city of a venue extraction knows: venue_city): the same place, or one inside the other ("Bogor
    Palace" in Bogor, Tashkent in Uzbekistan, Seoul in South Korea); a place the tables do not know against a
    state that is not its own is no fit (the one mechanism extraction's places_compatible also follows). A venue the
    tables cannot place ("Maximos Mansion" / "Athens") does not fit either: it could as well be in any other city
    the same people met in. A missing place fits any."""
    if not a or not b:
        return True
    return place_relation(venue_city(a), venue_city(b)) in ("same", "within") or _unplaced_in_state(a, b)


def _unplaced_in_state(a: str, b: str) -> bool:
    """A place of no known state against a state ("Mount Hagen" / "Papua New Guinea"): extraction's places_compatible
    lets it be there, and so does the merge."""
    x, y = venue_city(a), venue_city(b)
    for place, state in ((x, y), (y, x)):
        if is_country(state) and not is_country(place) and not known_place(place):
            return True
    return False


# ---------------------------------------------------------------- dates

def _parts(value: str | None) -> list[str]:
    if not value or not re.match(r"^(\d{4}|XXXX)", value):
        return []
    return value.split("-")


def date_precision(value: str | None) -> str:
    p = _parts(value)
    if not p:
        return "none"
    year = "X" not in p[0]
    if len(p) >= 2 and p[1].startswith("W"):  # "2023-W17", "XXXX-WXX-2" (a bare Tuesday): no month, no day of it
        if not year:
            return "none"
        return "year" if "X" in p[1] else ("day" if len(p) >= 3 else "week")
    if len(p) >= 3:
        return "day" if year else "month-day"
    if len(p) == 2:
        if p[1] in _SEASON_MONTH:
            return "season" if year else "none"
        return "month" if year else "none"
    return "year" if year else "none"


def shared_known(a: str | None, b: str | None) -> int:
    pa, pb = _parts(a), _parts(b)
    return sum(1 for x, y in zip(pa, pb) if "X" not in x and "X" not in y and x == y)


def pub_year(rec: Record) -> int | None:
    p = rec.article.published
    return int(p[:4]) if p and p[:4].isdigit() else None


def _year_fits(value: str | None, rec: Record, other_pub: int | None) -> bool:
    """A year-less date reported by an article published in year Y happened in Y or Y-1; so must the other."""
    p = _parts(value)
    if not p or "X" not in p[0]:
        return True
    mine = pub_year(rec)
    return mine is None or other_pub is None or abs(mine - other_pub) <= 1


def weekday_of_day(a: str | None, b: str | None) -> bool:
    """One date is a bare weekday ("XXXX-WXX-2") and the other a day of the calendar that falls on it (the weekday
    rule of extraction's dates_compatible: nlp.weekdays)."""
    pa, pb = _parts(a), _parts(b)
    week = [p for p in (pa, pb) if bare_weekday(p) is not None]
    day = [p for p in (pa, pb) if len(p) >= 3 and all(x[:2].isdigit() for x in p[:3])]
    return len(week) == 1 and len(day) == 1 and weekday_fits(week[0], day[0])


_REPORT_DAYS = 3  # the news reports of one event appear within days of each other
_EVENT_DAYS = 7  # and an event they date falls within a week of their articles


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None

"""Whether two accounts of an event can be the same event: dates, places, participants (also resolve/)."""

from __future__ import annotations

import re

from parley.extract.events.lexicons import venue_city
from parley.extract.topics import country_of, is_country
from parley.nlp.weekdays import weekday_fits as _weekday_fits  # moved to nlp: one weekday rule with the timeline


def _date_parts(value: str | None) -> list[str] | None:
    if not value or not re.match(r"^(\d{4}|XXXX)", value):
        return None
    return value.split("-")


def _day_part(part: str) -> str:
    """The day of a day with its time or part of day: "07TMO", "07T14:30" -> "07"."""
    return part[:2] if len(part) > 2 and part[:2].isdigit() and not part.isdigit() else part


def dates_compatible(a: str | None, b: str | None) -> bool:
    pa, pb = _date_parts(a), _date_parts(b)
    if pa is None or pb is None:
        return True
    weeks = [p for p in (pa, pb) if len(p) > 1 and p[1].startswith("W")]
    if len(weeks) == 1:  # a weekday and a day of the month are told apart by the calendar, not digit by digit
        week, other = (pa, pb) if weeks[0] is pa else (pb, pa)
        return (week[0] == other[0] or "X" in week[0] or "X" in other[0]) and _weekday_fits(week, other)
    for x, y in zip(pa, pb):
        x, y = _day_part(x), _day_part(y)
        if "X" in x or "X" in y:
            continue
        if x != y:
            if not (x.isdigit() and y.isdigit()):
                continue  # season against month: keep it simple
            return False
    return True


def places_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    a, b = venue_city(a), venue_city(b)
    if a.lower() == b.lower():
        return True
    ca, cb = is_country(a), is_country(b)
    if ca and cb:
        return country_of(a) == country_of(b)
    if ca or cb:
        country, place = (a, b) if ca else (b, a)
        pc = country_of(place)
        return pc is None or pc == country_of(country)
    return False


def participants_compatible(a, b, country_of_person=None) -> bool:
    """One side's people include the other's. A state named for want of its leader ("Russia") fits the other
    side when it names that state too, or a person of that state, or a person whose state is not known."""
    sa, sb = {x for x in a if not is_country(x)}, {x for x in b if not is_country(x)}
    lookup = country_of_person or (lambda name: None)

    def stood_for(people, side) -> bool:
        """"Putin, Azerbaijan" against "Aliyev": a state named for want of its leader may stand for him, when no
        person of its own side is of that state and there is a state for each of them."""
        own = {lookup(x) for x in side if not is_country(x)}
        free = {country_of(x) for x in side if is_country(x)} - own
        return 0 < len(people) <= len(free) and all(lookup(p) is None or lookup(p) in free for p in people)

    if sa and sb and not (sa <= sb or sb <= sa or stood_for(sa - sb, b) or stood_for(sb - sa, a)):
        return False
    for one, other, people in ((a, b, sb), (b, a, sa)):
        for state in (x for x in one if is_country(x)):
            st = country_of(state)
            if any(is_country(o) and country_of(o) == st for o in other):
                continue
            countries = {lookup(p) for p in people}
            if st in countries or None in countries:
                continue
            if not other:
                continue
            return False
    return True


def precision(value: str | None) -> int:
    parts = _date_parts(value)
    if not parts:
        return 0
    return sum(2 if ("X" not in p) else 1 for p in parts)

"""How the days two reports give for one event relate, beyond one date against another (timeline, conflicts).

    visit_days      (visit_length: with the duration that says it) how many days a visit lasts, as its own evidence
                    says: a duration of days (a TIMEX3 DURATION "P4D") just before a visit noun of
                    event_triggers.txt ("a four-day visit", "the two-day State visit", "a three-day official trip";
                    extract.claims.visit_duration, which makes the length a claim of the visit too).
    within_visit    a day one report gives falls inside a visit of several days the other reports, counted from the
                    visit's own day: "arrived on a four-day visit on Thursday" holds Saturday's talks. Calendar
                    days are compared as days, a bare weekday ("on Saturday", the page undated) by the week.
    same_weekday    two bare weekdays, the same day of the week.

A date value here is a TIMEX3 value as extraction gives it ("2019-10-05", "XXXX-10-05", "XXXX-WXX-6").
"""

from __future__ import annotations

import re
from datetime import date

from parley.extract.claims import visit_duration
from parley.models import Event, Record, Timex
from parley.nlp.weekdays import bare_weekday, weekday_value

__all__ = ["date_value", "visit_days", "visit_length", "within_visit", "same_weekday", "weekday_of"]


def date_value(ev: Event) -> str | None:
    """The date value resolution compares: the event's, or for an undated page's bare weekday (extraction gives
    "on Saturday" no value, as the gold does) the weekday its words name ("XXXX-WXX-6"), which still ties the
    report to that day's date in another article."""
    if ev.date is None:
        return None
    return ev.date.value or weekday_value(ev.date.text)


def visit_length(record: Record, event: Event) -> tuple[int, Timex] | None:
    """Days of a visit event (2 to 14) and the duration that says so ("four-day" before a visit noun, in the
    event's evidence: extract.claims.visit_duration, which also makes the length a claim), or None."""
    found = visit_duration(record.article.text, record.timexes, event)
    return found[:2] if found else None


def visit_days(record: Record, event: Event) -> int | None:
    """Days of a visit event, as visit_length reads them, or None."""
    found = visit_length(record, event)
    return found[0] if found else None


def _parts(value: str | None) -> list[str]:
    if not value or not re.match(r"^(\d{4}|XXXX)", value):
        return []
    return value.split("-")


def _month_day(p: list[str]) -> tuple[int, int] | None:
    if len(p) >= 3 and p[1].isdigit() and p[2][:2].isdigit():
        return int(p[1]), int(p[2][:2])
    return None


def weekday_of(value: str | None) -> int | None:
    """The ISO weekday (Monday 1) a date value names: a bare weekday, or a calendar day with its year."""
    p = _parts(value)
    bare = bare_weekday(p)
    if bare is not None:
        return bare
    md = _month_day(p)
    if md and p[0].isdigit():
        try:
            return date(int(p[0]), *md).isoweekday()
        except ValueError:
            return None
    return None


def _years_apart(pa: list[str], pb: list[str]) -> bool:
    return bool(pa and pb) and pa[0].isdigit() and pb[0].isdigit() and pa[0] != pb[0]


def _day_offset(start: str | None, other: str | None) -> int | None:
    """Days from ``start`` to ``other``: as calendar days when both give month and day (a year-less pair in one
    year), else by the week when both name a weekday (0 to 6), else None."""
    ps, po = _parts(start), _parts(other)
    if not ps or not po or _years_apart(ps, po):
        return None
    ms, mo = _month_day(ps), _month_day(po)
    if ms and mo:
        year = int(ps[0]) if ps[0].isdigit() else int(po[0]) if po[0].isdigit() else 2000
        try:
            return (date(year, *mo) - date(year, *ms)).days
        except ValueError:
            return None
    ws, wo = weekday_of(start), weekday_of(other)
    if ws is None or wo is None:
        return None
    return (wo - ws) % 7


def within_visit(ra: Record, a: Event, rb: Record, b: Event) -> bool:
    """One report is a visit of N days and the day the other gives is one of them (its own day counted first)."""
    for rv, visit, other in ((ra, a, b), (rb, b, a)):
        days = visit_days(rv, visit)
        if days is None or not visit.date or not other.date:
            continue
        offset = _day_offset(date_value(visit), date_value(other))
        if offset is not None and 0 <= offset < days:
            return True
    return False


def same_weekday(a: str | None, b: str | None) -> bool:
    """Two bare weekdays ("XXXX-WXX-6" twice: "on Saturday" in two undated pages), the same day, years not apart."""
    pa, pb = _parts(a), _parts(b)
    wa, wb = bare_weekday(pa), bare_weekday(pb)
    return wa is not None and wa == wb and not _years_apart(pa, pb)

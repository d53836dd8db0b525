"""TIMEX3 values as places on a time axis, and as words a reader expects ("21 July 2017")."""

from __future__ import annotations

import calendar
import re
from datetime import date

__all__ = ["timex_range", "date_label", "sort_key"]

_TIMEX = re.compile(r"^(\d{4}|XXXX)(?:-(\d{2}|SP|SU|FA|WI|Q[1-4]|H[12]|W\d{2})(?:-(\d{2}))?)?")
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 12), "Q1": (1, 3), "Q2": (4, 6),
            "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12)}


def timex_range(value: str | None, anchor_year: int | None = None) -> tuple[date, date] | None:
    """First and last day a TIMEX3 value can mean; ``XXXX`` years take ``anchor_year`` when given."""
    if not value:
        return None
    m = _TIMEX.match(value)
    if not m:
        return None
    year_text, part, day_text = m[1], m[2], m[3]
    if year_text == "XXXX":
        if anchor_year is None:
            return None
        year = anchor_year
    else:
        year = int(year_text)
    try:
        if part is None:
            return date(year, 1, 1), date(year, 12, 31)
        if part in _SEASONS:
            first, last = _SEASONS[part]
            return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
        if part.startswith("W"):
            week = date.fromisocalendar(year, int(part[1:]), 1)
            return week, date.fromordinal(week.toordinal() + 6)
        month = int(part)
        if day_text is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date(year, month, int(day_text))
        return day, day
    except ValueError:
        return None


def date_label(value: str | None, anchor_year: int | None = None) -> str:
    """'21 July 2017', 'July 2017', '2022', 'autumn 2023'; the raw value when it is something else."""
    if not value:
        return "undated"
    m = _TIMEX.match(value)
    if not m or timex_range(value, anchor_year or 1) is None:
        return value
    year_text, part, day_text = m[1], m[2], m[3]
    year = year_text if year_text != "XXXX" else (f"{anchor_year}?" if anchor_year else "")
    if part is None:
        return year_text
    if part in _SEASONS:
        names = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
        return f"{names.get(part, part)} {year}".strip()
    if part.startswith("W"):
        return f"week {part[1:]} of {year}".strip()
    month = calendar.month_name[int(part)]
    if day_text is None:
        return f"{month} {year}".strip()
    return f"{int(day_text)} {month} {year}".strip()


def sort_key(value: str | None, anchor_year: int | None = None) -> tuple[int, int, str]:
    """Dated events first, oldest first; among equal starts the narrower one first; undated last."""
    r = timex_range(value, anchor_year)
    if r is None:
        return (1, 0, value or "")
    return (0, r[0].toordinal() * 10000 + (r[1] - r[0]).days, value or "")

"""Dates in a question: the day, month or year asked ("on April 22", "in March 2023", "in 2017"), and a phrase of
reference that places what is asked before or after a date ("before Iwaya's January 2025 trip"); TIMEX3 values
compared with them."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from parley.nlp import table


def _month_table() -> tuple[dict[str, int], dict[str, int]]:
    """(full names, every name and abbreviation) lower-cased, from the one month table ``nlp/data/months.txt``
    that extract.timex reads too: {"april": 4, ...}, {"april": 4, "apr": 4, "sept": 9, "sep": 9, ...}."""
    full: dict[str, int] = {}
    every: dict[str, int] = {}
    for name, number in table("months").items():
        every.setdefault(name.lower().rstrip("."), int(number))
        if not name.endswith("."):
            full.setdefault(name.lower(), int(number))
    return full, every


MONTHS, MONTH_WORDS = _month_table()
_MONTH_RE = "|".join(sorted(MONTH_WORDS, key=len, reverse=True))
_DAY_MONTH = re.compile(rf"\b(?:(\d{{1,2}})\s+({_MONTH_RE})\.?|({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?)\b"
                        rf"(?:,?\s+(\d{{4}}))?", re.I)
_MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{4}})\b", re.I)
_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")
DATE_IN_TEXT = re.compile(rf"\b(?:{_MONTH_RE})\b|\b(?:19|20)\d{{2}}\b|\b(?:today|yesterday|tomorrow|ago)\b", re.I)


@dataclass(frozen=True)
class DateWanted:
    year: str | None = None
    month: int | None = None
    day: int | None = None
    text: str = ""
    # "before Iwaya's January 2025 trip", "after the talks in October 2019": the date is a point of reference,
    # and what is asked lies before it (or on or after it), not on it
    relation: str = "on"

    def matches(self, value: str | None) -> bool:
        """Does a TIMEX3 value (2017-07-21, XXXX-04-22, 2022, 2023-FA) fit this date?"""
        if not value:
            return False
        if self.relation != "on":
            return self._related(value)
        parts = value.split("-")
        if self.year and parts[0] not in (self.year,):
            return False
        if self.month is not None:
            if len(parts) < 2 or not parts[1].isdigit() or int(parts[1]) != self.month:
                return False
        if self.day is not None:
            if len(parts) < 3 or not parts[2][:2].isdigit() or int(parts[2][:2]) != self.day:
                return False
        return True

    def _related(self, value: str) -> bool:
        """Does the value lie before (or on or after) this date? A value without a year never does."""
        start = value_start(value)
        if start is None or not self.year:
            return False
        ref = date(int(self.year), self.month or 1, self.day or 1)
        if self.relation == "by":  # on or before: before the end of the period named
            return start <= period_end(ref, self.month is not None, self.day is not None)
        return start < ref if self.relation == "before" else start >= ref

    def in_text(self, text: str) -> bool:
        """Is this date written in ``text`` ("April 22", "22 April", "2017")? A month (and day) asked with a year
        is written in a sentence that names that month (and day) and no year at all ("on Saturday (October 5)"
        for October 2019): news leaves the year of recent dates out. A date of reference ("before ...") is
        never the date asked: only the values of a sentence's dates can be before it (``matches``)."""
        if self.relation != "on":
            return False
        if self.month is not None:
            names = "|".join(sorted((n for n, i in MONTH_WORDS.items() if i == self.month), key=len, reverse=True))
            month = rf"(?:{names})\.?"
            if self.day is not None:
                day = rf"0?{self.day}(?:st|nd|rd|th)?"
                rx = rf"\b(?:{month}\s+{day}|{day}\s+{month})\b"
            else:
                rx = rf"\b{month}\b"
            if not re.search(rx, text, re.I):
                return False
            if self.year and not _YEAR.search(text):
                return True
        return not self.year or re.search(rf"\b{self.year}\b", text) is not None


def period_end(first: date, has_month: bool, has_day: bool) -> date:
    """The last day of the day, month or year that starts on ``first``."""
    if has_day:
        return first
    if has_month:
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    else:
        following = date(first.year + 1, 1, 1)
    return date.fromordinal(following.toordinal() - 1)


_VALUE = re.compile(r"^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|W(\d{2})|Q([1-4])|H([12])))?")


def value_start(value: str) -> date | None:
    """The first day a TIMEX3 value covers (2019-10-05, 2019-10, 2019, 2019-W39, 2019-Q3, 2019-H2); None when
    it has no year (XXXX-04-22) or is no date (PRESENT_REF, P2D)."""
    m = _VALUE.match(value or "")
    rest = value[m.end():] if m else ""
    if not m or (rest and not rest.startswith(("T", "-WE"))):  # a season ("2023-FA") starts no known day
        return None
    year = int(m.group(1))
    try:
        if m.group(4):
            return date.fromisocalendar(year, int(m.group(4)), 1)
        if m.group(5):
            return date(year, 3 * int(m.group(5)) - 2, 1)
        if m.group(6):
            return date(year, 1 if m.group(6) == "1" else 7, 1)
        return date(year, int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


# "before Iwaya's January 2025 trip", "shortly before their October 2019 talks in New Delhi": a phrase that names
# the event of reference, from the word of relation to the end of its clause
# (the words of relation are TimeML SIGNALs of TimeBank; "as of September 2022": up to and including it)
_RELATION = re.compile(r"\b(before|after|prior to|ahead of|following|as of)\s+([^,;?!.]+)", re.I)


_RELATIONS = {"before": "before", "prior to": "before", "ahead of": "before", "after": "after",
              "following": "after", "as of": "by"}


def reference_spans(question: str, dates: list[DateWanted]) -> list[tuple[int, int, str]]:
    """(start, end, relation) of each phrase of reference that holds a date asked ("before Iwaya's January 2025
    trip"); a phrase without a date ("before meeting in Brussels") names no point in time and is no reference."""
    out = []
    for m in _RELATION.finditer(question):
        phrase = m.group(2)
        if any(d.text and d.text in phrase for d in dates):
            out.append((m.start(2), m.end(2), _RELATIONS[m.group(1).lower()]))
    return out


def _dates(question: str) -> list[DateWanted]:
    found: list[tuple[int, DateWanted]] = []
    for m in _DAY_MONTH.finditer(question):
        day = m.group(1) or m.group(4)
        month = m.group(2) or m.group(3)
        found.append((m.start(), DateWanted(year=m.group(5), month=_month(month), day=int(day), text=m.group(0))))
    taken = " ".join(d.text for _, d in found)
    for m in _MONTH_YEAR.finditer(question):
        if m.group(0) not in taken:
            found.append((m.start(), DateWanted(year=m.group(2), month=_month(m.group(1)), text=m.group(0))))
    taken = " ".join(d.text for _, d in found)
    for m in _YEAR.finditer(question):
        if m.group(0) not in taken:
            found.append((m.start(), DateWanted(year=m.group(0), text=m.group(0))))
    spans = reference_spans(question, [d for _, d in found])
    out = []
    for at, d in found:
        relation = next((rel for s, e, rel in spans if s <= at < e), "on")
        out.append(replace(d, relation=relation) if relation != "on" else d)
    return out


def _month(name: str) -> int:
    return MONTH_WORDS[name.lower().rstrip(".")]

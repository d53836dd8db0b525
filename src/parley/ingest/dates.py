"""Publication dates: datelines in page text and date strings in feeds / JSONL, to YYYY-MM-DD[THH:MM].

Nothing here reads the clock: a date that does not state its year, month and day is not a date."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_tz

from parley.ingest._data import entries

__all__ = ["find_date", "parse_dateline", "normalise_published", "MONTH_NAMES", "WEEKDAYS", "TIME_ZONES"]


def _locale_words() -> tuple[dict[str, int], set[str], set[str]]:
    """Month names and abbreviations -> month number, weekday names, and time-zone abbreviations, all from
    dateparser's English locale data (no hand-kept tables)."""
    from dateparser.languages import default_loader
    from dateparser.timezones import timezone_info_list

    info = default_loader.get_locale("en").info
    months = {}
    for number, key in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                  "september", "october", "november", "december"), start=1):
        for name in info[key]:
            if len(name) >= 3:
                months[name.lower()] = number
    weekdays = {w.lower() for key in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                      "sunday") for w in info[key] if len(w) >= 3}
    zones = {name.lower() for group in timezone_info_list for name, _ in group["timezones"]}
    return months, weekdays, zones


_MONTHS, WEEKDAYS, TIME_ZONES = _locale_words()
MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))  # a regular-expression alternation
_MONTH = r"(?P<month>" + MONTH_NAMES + r")\.?"
_TIME = r"(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})(?::\d{2})?\s*(?P<ampm>[ap]\.?m\.?)?"
_DATES = [
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,\s*|\s+)(?P<year>\d{4})\b", re.I),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+|/)(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})([/.])(?P<mon>\d{1,2})\2(?P<day>\d{1,2})\b"),
    re.compile(r"\b(?P<day>\d{1,2})([./-])(?P<mon>\d{1,2})\2(?P<year>\d{4})\b"),
]
_TIME_AFTER = re.compile(r"^[\s,|\-–—T]*(?:at\s+)?" + _TIME + r"\b", re.I)
_TIME_BEFORE = re.compile(_TIME + r"(?:\s*[a-z]{2,5}\b)?[\s,|\-–—/]*$", re.I)


def find_date(text: str) -> tuple[str, int, int] | None:
    """First full date (day, month, year; time if it follows or precedes) in ``text``:
    (normalised value, start, end of the matched span)."""
    best = None
    for rx in _DATES:
        m = rx.search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is None:
        return None
    g = best.groupdict()
    month = _MONTHS[g["month"].lower().rstrip(".")] if g.get("month") else int(g["mon"])
    day, year = int(g["day"]), int(g["year"])
    if g.get("mon") and month > 12 and day <= 12 and "/" in best.group(0):  # 12/25/2021, US order
        month, day = day, month
    try:
        datetime(year, month, day)
    except ValueError:
        return None
    start, end = best.start(), best.end()
    value = f"{year:04d}-{month:02d}-{day:02d}"
    after = _TIME_AFTER.match(text[end:])
    before = _TIME_BEFORE.search(text[:start])
    tm = after or before
    if tm:
        hour, minute = int(tm.group("hour")), int(tm.group("minute"))
        ampm = (tm.group("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            value += f"T{hour:02d}:{minute:02d}"
            if after:
                end += after.end()
            else:
                start = before.start()
    return value, start, end


_PLACES_DASH = re.compile(
    r"^[A-Z][\w.'’-]*(?:(?:\s+(?:of|the|and|de))?\s+[A-Z][\w.'’-]*)*(?:,\s*[A-Z][\w.'’-]*"
    r"(?:(?:\s+(?:of|the|and|de))?\s+[A-Z][\w.'’-]*)*){0,3}\s+[-–—]\s+(?P<rest>\S.*)$"
)
_PLACE_FIRST = re.compile(r"^(?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,3},\s+(?P<rest>\S.*)$")


def parse_dateline(line: str) -> str | None:
    """The date of a line that is a dateline and nothing else ("25 July 2017, 16:53 870",
    "Published: March 3, 2021 09:15 | Updated: March 4, 2021", "TEHRAN, November 11, 2024"), else None. View counters and words such
    as 'Updated' (data/dateline_words.txt) may surround the dates; the first date is the one returned.
    A line of short fields separated by '|' ("Source: Xinhua | 2024-11-07 21:15:32 | Editor: huaxia")
    is a dateline when one field is."""
    if len(line) > 80:
        return None
    value = _only_dates(line)
    if value is not None:
        return value
    placed = _PLACE_FIRST.match(line)  # "TEHRAN, November 11, 2024", "Kuala Lumpur, 27 June 2025"
    if placed and (value := _only_dates(placed.group("rest"))) is not None:
        return value
    placed = _PLACES_DASH.match(line)  # "New York, New York, United States of America - April 22, 2016"
    if placed and (value := _only_dates(placed.group("rest"))) is not None:
        return value
    fields = [f.strip() for f in re.split(r"\s[|•·]\s", line)]
    if len(fields) < 2 or any(len(f.split()) > 6 for f in fields):
        return None
    values = [(value, f) for f in fields if (value := _only_dates(f)) is not None]
    updates = set(entries("update_words"))
    for value, f in values:  # "Ankara | Updated: 25-03-2021 | Created: 24-03-2021": the created date
        if not set(re.findall(r"[^\W\d_]+", f.lower())) & updates:
            return value
    return values[0][0] if values else None


def _only_dates(line: str) -> str | None:
    """The date of a line made only of dates, times, dateline words (data/dateline_words.txt), weekday and
    time-zone names, section labels (data/chrome_words.txt), digits and punctuation. Of several dates the
    first that no 'updated' word precedes: "Updated: 24-03-2021 | Created: 23-03-2021" is from the 23rd."""
    found = find_date(line)
    if found is None:
        return None
    dates = [found]
    rest = line[:found[1]] + " " * (found[2] - found[1]) + line[found[2]:]
    for _ in range(3):  # "Published: 12 March 2024 | Updated: 13 March 2024"
        more = find_date(rest)
        if more is None:
            break
        dates.append(more)
        rest = rest[:more[1]] + " " * (more[2] - more[1]) + rest[more[2]:]
    allowed = set(entries("dateline_words")) | WEEKDAYS | TIME_ZONES | set(entries("chrome_words"))
    words = re.findall(r"[^\W\d_]+", rest.lower())
    if not all(w in allowed for w in words):
        return None
    dates.sort(key=lambda d: d[1])
    updates = set(entries("update_words"))
    previous = 0
    for value, start, end in dates:
        label = set(re.findall(r"[^\W\d_]+", line[previous:start].lower()))
        if not label & updates:
            return value
        previous = end
    return dates[0][0]


def normalise_published(value: object) -> str | None:
    """A publication date given as a string (ISO 8601, RFC 822, "25 July 2017, 16:53", ...) ->
    YYYY-MM-DD, or YYYY-MM-DDTHH:MM when a time is given; None when no full date can be read."""
    if value is None:
        return None
    s = str(value).strip()
    if not s:
        return None
    iso = s[:-1] + "+00:00" if s.endswith("Z") else s
    try:
        dt = datetime.fromisoformat(iso)
    except ValueError:
        dt = None
    if dt is not None:
        has_time = bool(re.search(r"\d[T ]\d{1,2}:\d{2}", s))
        return dt.strftime("%Y-%m-%dT%H:%M" if has_time else "%Y-%m-%d")
    rfc = parsedate_tz(s)
    if rfc is not None and rfc[0] > 0 and re.search(r"\d{4}", s):
        y, mo, d, h, mi = rfc[:5]
        has_time = ":" in s
        return f"{y:04d}-{mo:02d}-{d:02d}" + (f"T{h:02d}:{mi:02d}" if has_time else "")
    found = find_date(s)
    if found is not None:
        return found[0]
    if not re.search(r"\b\d{4}\b", s):  # relative or partial dates ("2 days ago") are not dates
        return None
    return _dateparser(s)


def _dateparser(s: str) -> str | None:
    import dateparser

    settings = {
        "RELATIVE_BASE": datetime(2000, 1, 1),
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    dt = dateparser.parse(s, settings=settings)
    if dt is None:
        return None
    has_time = bool(re.search(r"\d{1,2}:\d{2}", s))
    return dt.strftime("%Y-%m-%dT%H:%M" if has_time else "%Y-%m-%d")

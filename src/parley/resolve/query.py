"""Filtering timeline entries the way analysts ask: by actor, place and date range.

Shared by the CLI, the API and the report so that `--actor Putin --since 2020` means the same everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime

from parley.errors import NotFoundError, QueryError
from parley.knowledge import state_code

__all__ = ["check_date", "check_published", "filter_timeline", "find_entry", "entry_date", "mentions_actor"]

_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # ASCII digits only: not "２０２４"
_PUBLISHED = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2}))?")


def check_date(value: str | None, name: str = "date") -> str | None:
    """A filter date: YYYY, YYYY-MM or YYYY-MM-DD, and a real calendar date. Empty means no filter.

    Every --since/--until of the CLI and every date parameter of the API goes through here."""
    if value is None or value == "":
        return None
    m = _DATE.fullmatch(value)
    if m and _real(int(m[1]), int(m[2] or 1), int(m[3] or 1)):
        return value
    raise QueryError(f"{name} {value[:40]!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")


def check_published(value: str | None, name: str = "--published") -> str | None:
    """A publication date as the store keeps it: YYYY-MM-DD or YYYY-MM-DDTHH:MM, a real date and time."""
    if value is None or value == "":
        return None
    m = _PUBLISHED.fullmatch(value)
    if m and _real(int(m[1]), int(m[2]), int(m[3]), int(m[4] or 0), int(m[5] or 0)):
        return value
    raise QueryError(f"{name} {value[:40]!r} is not a date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM")


def _real(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> bool:
    try:
        datetime(year, month, day, hour, minute)
    except ValueError:
        return False
    return True


def entry_date(entry: dict) -> str | None:
    date = entry.get("date")
    if isinstance(date, dict):
        date = date.get("value")
    return date or None


def mentions_actor(names: Iterable[str], actor: str, states: Iterable[str] = ()) -> bool:
    """An actor matches a participant by full name, or by any word of it ("Putin", "aliyev"), or one of the
    event's states by code or name ("JPN", "Japan", "Japanese": see parley.knowledge)."""
    states = set(states)
    if states and (actor.strip().upper() in states or state_code(actor.strip()) in states):
        return True
    actor = actor.strip().lower()
    for name in names:
        low = name.lower()
        if actor == low or actor in low.split() or (len(actor) > 3 and actor in low):
            return True
    return False


def filter_timeline(entries: Sequence[dict], *, actors: Iterable[str] = (), where: str | None = None,
                    since: str | None = None, until: str | None = None) -> list[dict]:
    since, until = check_date(since, "--since"), check_date(until, "--until")
    out = []
    for e in entries:
        participants = e.get("participants") or []
        if any(not mentions_actor(participants, a, e.get("actors") or ()) for a in actors):
            continue
        if where and where.lower() not in (e.get("location") or "").lower():
            continue
        value = entry_date(e)
        if since or until:
            if not value or not value[:4].isdigit():
                continue  # an undated event cannot be placed inside a range
            if since and value[: len(since)] < since:
                continue
            if until and value[: len(until)] > until:
                continue
        out.append(e)
    return out


def find_entry(entries: Sequence[dict], timeline_id: str) -> dict:
    hits = [e for e in entries if str(e.get("timeline_id", "")).startswith(timeline_id)]
    exact = [e for e in hits if e.get("timeline_id") == timeline_id]
    if exact:
        return exact[0]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise NotFoundError(f"no timeline entry with id {timeline_id[:80]!r}; 'parley timeline' lists them")
    raise NotFoundError(f"id prefix {timeline_id[:80]!r} matches {len(hits)} timeline entries; give more characters")

"""RSS and Atom feeds to Articles (one per entry) with feedparser."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Iterator

from parley.errors import CorruptInputError, EmptyInputError, InputError
from parley.ingest.clean import strip_chrome
from parley.ingest.dates import normalise_published
from parley.ingest.html import html_to_text

__all__ = ["read_feed"]


def read_feed(data: bytes, path: Path) -> Iterator[dict | InputError]:
    """Yield one article dict per entry (or an InputError for an entry without text).
    A feed that cannot be parsed and has no entries raises CorruptInputError."""
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not any(_entry_html(e).strip() for e in parsed.entries):
        reason = " ".join(str(parsed.get("bozo_exception", "unreadable XML")).split())
        raise CorruptInputError(path, f"malformed feed XML, no readable entries ({reason})")
    if not parsed.entries:
        raise EmptyInputError(path, "feed has no entries")
    outlet = _one_line(parsed.feed.get("title"))
    for n, entry in enumerate(parsed.entries, start=1):
        source = f"{path}#entry-{n}"
        text, removed = strip_chrome(html_to_text(_entry_html(entry)))
        title = _one_line(html_to_text(entry.get("title") or ""))
        if not text:
            yield EmptyInputError(source, "feed entry has no text")
            continue
        if title and not text.startswith(title):
            text = f"{title}\n\n{text}"
        yield {
            "source": source,
            "text": text,
            "removed": removed,
            "title": title,
            "author": _one_line(entry.get("author")),
            "published": _entry_date(entry),
            "outlet": outlet,
            "url": entry.get("link") or None,
        }


def _entry_html(entry) -> str:
    html = ""
    if entry.get("content"):
        html = entry.content[0].get("value") or ""
    return html or entry.get("summary") or ""


def _one_line(value: object) -> str | None:
    s = " ".join(str(value).split()) if value else ""
    return s or None


def _entry_date(entry) -> str | None:
    raw = entry.get("published") or entry.get("updated")
    st = entry.get("published_parsed") or entry.get("updated_parsed")
    if st is None:
        return normalise_published(raw)
    has_time = raw is None or ":" in str(raw)
    return time.strftime("%Y-%m-%dT%H:%M" if has_time else "%Y-%m-%d", st)

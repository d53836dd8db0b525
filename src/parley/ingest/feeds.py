"""RSS and Atom feeds to Articles (one per entry) with feedparser."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Iterator

from parley.errors import CorruptInputError, EmptyInputError, InputError
from parley.ingest.clean import strip_chrome
from parley.ingest.dates import normalise_published
from parley.ingest.html import html_to_text
from parley.ingest.text import normalise_whitespace

__all__ = ["read_feed"]

_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.I)
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_ENTITY_REF = re.compile(r"&[A-Za-z_][\w.-]*;?")
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
_REPLACEMENT_REF = b"&#xFFFD;"


def read_feed(data: bytes, path: Path) -> Iterator[dict | InputError]:
    """Yield one article dict per entry (or an InputError for an entry without text).
    A feed that cannot be parsed and has no entries raises CorruptInputError."""
    import feedparser

    if _declares_entities(data):
        raise CorruptInputError(path, "feed declares XML entities (<!ENTITY in its DOCTYPE); refused")
    try:
        parsed = feedparser.parse(_safe_char_refs(data))
    except Exception as exc:  # feedparser and its sgmllib fallback raise assorted errors on odd input
        raise CorruptInputError(path, f"unreadable feed ({type(exc).__name__}: {_one_line(exc)})") from None
    if parsed.bozo and not any(_entry_html(e).strip() for e in parsed.entries):
        reason = " ".join(str(parsed.get("bozo_exception", "unreadable XML")).split())
        raise CorruptInputError(path, f"malformed feed XML, no readable entries ({reason})")
    if not parsed.entries:
        raise EmptyInputError(path, "feed has no entries")
    outlet = _one_line(parsed.feed.get("title"))
    for n, entry in enumerate(parsed.entries, start=1):
        source = f"{path}#entry-{n}"
        text, removed = strip_chrome(_entry_text(entry))
        title = _one_line(_as_text(entry.get("title") or "", entry.get("title_detail")))
        if not text:
            yield EmptyInputError(source, "feed entry has no text")
            continue
        if _only_entity_refs(text):
            yield CorruptInputError(source, "feed entry holds only unexpanded XML entity references")
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


def _declares_entities(data: bytes) -> bool:
    """True when the prolog (before the root element) declares entities: billion-laughs and
    external-entity feeds, which are never expanded here and would be stored as junk."""
    root = _ROOT.search(data)
    return bool(_ENTITY_DECL.search(data, 0, root.start() if root else len(data)))


def _safe_char_refs(data: bytes) -> bytes:
    """Character references to code points that are not valid XML characters (a lone surrogate,
    NUL, past U+10FFFF) become U+FFFD; feedparser would raise on them or pass them on."""
    return _CHAR_REF.sub(_checked_ref, data) if b"&#" in data else data


def _checked_ref(match: re.Match[bytes]) -> bytes:
    hex_digits, dec_digits = match.groups()
    digits = (hex_digits or dec_digits).lstrip(b"0") or b"0"
    if len(digits) > 8:
        return _REPLACEMENT_REF
    cp = int(digits, 16 if hex_digits else 10)
    valid = cp in (0x9, 0xA, 0xD) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD or 0x10000 <= cp <= 0x10FFFF
    return match.group() if valid else _REPLACEMENT_REF


def _only_entity_refs(text: str) -> bool:
    """Text made of nothing but entity references (``&lol9;``) a parser left unexpanded."""
    return bool(_ENTITY_REF.search(text)) and not any(c.isalnum() for c in _ENTITY_REF.sub("", text))


def _as_text(value: str, detail) -> str:
    """A feed field as plain text: HTML content types are converted, plain text is kept literally."""
    kind = (detail or {}).get("type") or "text/html"
    return html_to_text(value) if "html" in kind or "xml" in kind else normalise_whitespace(value)


def _entry_text(entry) -> str:
    if entry.get("content"):
        content = entry.content[0]
        if content.get("value"):
            return _as_text(content["value"], content)
    return _as_text(entry.get("summary") or "", entry.get("summary_detail"))


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

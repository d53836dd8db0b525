"""Links taken from stored data: only absolute http(s) URLs are ever emitted as an href.

An article's ``url`` comes from whatever was ingested (a JSONL field, a feed's ``<link>``, a WARC record), so it
may be ``javascript:``, ``data:``, ``vbscript:`` or one of those disguised the way browsers forgive: mixed case,
leading spaces or control characters, tabs and newlines inside the scheme. ``safe_url`` reads the value the way a
browser's URL parser would and answers the URL to link to, or None when it must be shown as text or dropped.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = ["safe_url", "ALLOWED_SCHEMES"]

ALLOWED_SCHEMES = frozenset({"http", "https"})
MAX_URL = 4096

# what the WHATWG URL parser ignores: C0 controls and space at either end, ASCII tab and newlines anywhere
_EDGES = "".join(chr(c) for c in range(0x21))
_TAB_NEWLINE = re.compile(r"[\t\n\r]")
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def safe_url(value: object) -> str | None:
    """The absolute http/https URL a browser would read from ``value``, or None for anything else."""
    if not isinstance(value, str) or not value:
        return None
    url = _TAB_NEWLINE.sub("", value.strip(_EDGES))
    if not url or len(url) > MAX_URL or _CONTROL.search(url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # an unbalanced [ in the host, a bad port
        return None
    if parts.scheme.lower() not in ALLOWED_SCHEMES or not host:
        return None
    return url

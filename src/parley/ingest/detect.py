"""What a file is (by name, then by its first bytes) and what language a text or line is in."""

from __future__ import annotations

import gzip
import re
import zlib
from pathlib import Path

from parley.ingest._data import stopwords

__all__ = ["sniff_format", "language", "is_foreign_line"]

_EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc", ".arc": "warc",
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def sniff_format(path: Path, head: bytes) -> str:
    """One of text, html, feed, jsonl, warc, gzip-text. The name decides when it is known
    (``x.warc.gz`` is warc); otherwise the first bytes do."""
    name = path.name.lower()
    if name.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    if name.endswith(".gz"):
        inner = _gunzip_head(head)
        if inner is not None and inner.lstrip().startswith(b"WARC/"):
            return "warc"
        return "gzip-text"
    kind = _EXTENSIONS.get(path.suffix.lower())
    if kind and kind != "text":
        return kind
    if head.startswith(b"\x1f\x8b"):
        inner = _gunzip_head(head)
        return "warc" if inner is not None and inner.lstrip().startswith(b"WARC/") else "gzip-text"
    return _sniff_text(head) or kind or "text"


def _gunzip_head(head: bytes) -> bytes | None:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
    except zlib.error:
        return None


def _sniff_text(head: bytes) -> str | None:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048].lower()
    if start.startswith(b"warc/"):
        return "warc"
    if start.startswith(b"<?xml") or start.startswith(b"<rss") or start.startswith(b"<feed"):
        if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
            return "feed"
        if b"<html" in start:
            return "html"
    if start.startswith((b"<!doctype html", b"<html")) or (start.startswith(b"<") and b"<body" in start):
        return "html"
    if start.startswith(b"{") and b'"text"' in head[:65536]:
        return "jsonl"
    return None


def _hits(words: list[str]) -> dict[str, int]:
    lower = [w.lower() for w in words]
    return {code: sum(1 for w in lower if w in sw) for code, sw in stopwords().items()}


def language(text: str) -> str:
    """ISO 639-1 code by function-word counts ('en' when there is too little evidence)."""
    sample = text[:20000]
    letters = [c for c in sample if c.isalpha()]
    cyrillic = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    hits = _hits(_WORD.findall(sample))
    if letters and cyrillic / len(letters) > 0.5:  # the script itself is evidence enough
        hits = {k: v for k, v in hits.items() if k in ("ru", "uk", "bg")}
        return max(hits, key=lambda k: (hits[k], k == "ru"))
    best = max(hits, key=lambda k: (hits[k], k == "en"))
    return best if hits[best] >= 3 else "en"


def is_foreign_line(line: str, main: str = "en") -> bool:
    """True for a line written in another language than the article: mostly letters outside the
    article's alphabet, or function words of another language and none of the article's."""
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 8:
        return False
    words = _WORD.findall(line)
    hits = _hits(words)
    own = hits.get(main, 0)
    if main == "en":
        non_ascii = sum(1 for c in letters if ord(c) > 127)
        if non_ascii / len(letters) > 0.15 and own <= max(0, len(words) // 8):
            return True
    others = max((v for k, v in hits.items() if k != main), default=0)
    return own == 0 and others >= 1 and len(words) >= 2

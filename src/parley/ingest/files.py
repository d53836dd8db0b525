"""Paths to Articles: walk folders, pick the reader for each file, keep going past bad files."""

from __future__ import annotations

import fnmatch
import gzip
import hashlib
import zlib
from pathlib import Path
from typing import Iterator, Sequence

from parley.errors import CorruptInputError, EmptyInputError, InputError, MissingPathError
from parley.models import Article
from parley.ingest._data import entries
from parley.ingest.clean import CleaningContext, clean_text
from parley.ingest.dates import normalise_published
from parley.ingest.detect import language, sniff_format
from parley.ingest.feeds import read_feed
from parley.ingest.html import extract_html
from parley.ingest.jsonl import read_jsonl
from parley.ingest.text import decode
from parley.ingest.warc import read_warc

__all__ = ["article_id", "iter_file", "read_file", "read_paths"]


def article_id(text: str) -> str:
    """Stable id of an article: the first 16 hex digits of the SHA-256 of its cleaned text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_paths(paths: Sequence[str | Path]) -> Iterator[Article | InputError]:
    """Articles from files and folders (recursively, sorted, hidden and documentation files skipped).
    A bad file or record yields its InputError and the batch goes on; a folder with no readable
    article yields EmptyInputError naming the folder."""
    groups: list[tuple[Path | None, list[Path]]] = []
    for p in paths:
        path = Path(p)
        if not path.exists():
            groups.append((path, []))
        elif path.is_dir():
            groups.append((path, _walk(path)))
        else:
            groups.append((None, [path]))
    context = CleaningContext()
    for _, files in groups:  # pass 1: line statistics over the batch's plain text
        for f in files:
            text = _plain_text(f)
            if text is not None:
                context.add(text)
    for root, files in groups:  # pass 2: read
        if root is not None and not root.exists():
            yield MissingPathError(root)
            continue
        found = 0
        for f in files:
            for item in iter_file(f, context):
                found += isinstance(item, Article)
                yield item
        if root is not None and found == 0:
            yield EmptyInputError(root, "folder holds no readable articles")


def read_file(path: str | Path, context: CleaningContext | None = None) -> list[Article]:
    """All articles of one file. Raises the first InputError met (use read_paths to go past them)."""
    out = []
    for item in iter_file(Path(path), context):
        if isinstance(item, InputError):
            raise item
        out.append(item)
    return out


def iter_file(path: Path, context: CleaningContext | None = None) -> Iterator[Article | InputError]:
    """Articles of one file, with an InputError in place of each bad file or record."""
    path = Path(path)
    try:
        if not path.exists():
            raise MissingPathError(path)
        if path.is_dir():
            raise InputError(path, "is a folder; use read_paths for folders")
        with open(path, "rb") as fh:
            head = fh.read(65536)
        kind = sniff_format(path, head)
        if kind == "warc":
            yield from _warc(path)
            return
        data = path.read_bytes()
        if kind == "gzip-text":
            data = _gunzip(data, path)
            kind = sniff_format(path.with_suffix(""), data[:65536])
            if kind == "warc":
                raise CorruptInputError(path, "gzipped WARC must be named .warc.gz")
        if kind == "feed":
            yield from _feed(data, path)
        elif kind == "html":
            yield _html(decode(data, path), path)
        elif kind == "jsonl":
            yield from _jsonl(decode(data, path), path)
        else:
            yield _text(decode(data, path), path, context)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(path, f"cannot read file ({exc.strerror or exc})")


# -- readers -----------------------------------------------------------------------------------------


def _article(text: str, source: str, fmt: str, **meta) -> Article:
    return Article(
        id=article_id(text),
        source=source,
        text=text,
        title=meta.get("title"),
        outlet=meta.get("outlet"),
        author=meta.get("author"),
        published=meta.get("published"),
        language=language(text),
        removed=tuple(meta.get("removed") or ()),
        url=meta.get("url"),
        format=fmt,
    )


def _text(raw: str, path: Path, context: CleaningContext | None) -> Article:
    c = clean_text(raw, str(path), context)
    if not c.text.strip():
        raise EmptyInputError(path, "no article text left after removing page chrome")
    return _article(c.text, str(path), "text", title=c.title, outlet=c.outlet, author=c.author,
                    published=c.published, removed=c.removed)


def _html(raw: str, path: Path, url: str | None = None, source: str | None = None, fmt: str = "html") -> Article:
    d = extract_html(raw, source or path, url=url)
    text = d.pop("text")
    return _article(text, source or str(path), fmt, **d)


def _feed(data: bytes, path: Path) -> Iterator[Article | InputError]:
    for item in read_feed(data, path):
        if isinstance(item, InputError):
            yield item
            continue
        source, text = item.pop("source"), item.pop("text")
        yield _article(text, source, "feed", **item)


def _jsonl(raw: str, path: Path) -> Iterator[Article | InputError]:
    for item in read_jsonl(raw, path):
        if isinstance(item, InputError):
            yield item
            continue
        source, obj = item
        c = clean_text(obj["text"], source)
        if not c.text.strip():
            yield EmptyInputError(source, "no article text left after removing page chrome")
            continue
        title = (obj.get("title") or "").strip() or c.title
        text = c.text
        if title and not text.startswith(title):
            text = f"{title}\n\n{text}"
        published = normalise_published(obj.get("published")) or c.published
        yield _article(text, source, "jsonl", title=title, outlet=obj.get("outlet") or c.outlet,
                       author=obj.get("author") or c.author, published=published, removed=c.removed,
                       url=obj.get("url"))


def _warc(path: Path) -> Iterator[Article | InputError]:
    for item in read_warc(path):
        if isinstance(item, InputError):
            yield item
            continue
        uri, payload = item
        try:
            yield _html(payload, path, url=uri, source=uri, fmt="warc")
        except InputError as exc:
            yield exc


# -- helpers -----------------------------------------------------------------------------------------


def _walk(root: Path) -> list[Path]:
    skip = entries("skip_files")
    out = []
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).parts
        if any(part.startswith(".") for part in rel) or not p.is_file():
            continue
        if any(fnmatch.fnmatch(p.name.lower(), pat) for pat in skip):
            continue
        out.append(p)
    return out


def _plain_text(path: Path) -> str | None:
    """Decoded text of a plain-text file for the batch statistics, None for anything else."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
        if sniff_format(path, head) != "text":
            return None
        return decode(path.read_bytes(), path)
    except (InputError, OSError):
        return None


def _gunzip(data: bytes, path: Path) -> bytes:
    try:
        return gzip.decompress(data)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise CorruptInputError(path, f"truncated or corrupt gzip file ({' '.join(str(exc).split())})") from None

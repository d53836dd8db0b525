"""Paths to Articles: walk folders, pick the reader for each file, keep going past bad files."""

from __future__ import annotations

import fnmatch
import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from parley.errors import CorruptInputError, EmptyInputError, InputError, OversizeInputError
from parley.models import Article
from parley.ingest._data import entries
from parley.ingest.clean import CleaningContext, clean_text
from parley.ingest.dates import normalise_published
from parley.ingest.detect import language, sniff_format
from parley.ingest.feeds import read_feed
from parley.ingest.html import extract_html
from parley.ingest.jsonl import read_jsonl
from parley.ingest.limits import Limits
from parley.ingest.streams import bounded_lines, gzip_head, open_stream, os_error, path_error, read_gzip, read_plain
from parley.ingest.text import decode, lone_surrogate
from parley.ingest.warc import read_warc

__all__ = ["article_id", "iter_file", "read_file", "read_paths", "Limits"]

_HEAD = 65536
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def article_id(text: str) -> str:
    """Stable id of an article: the first 16 hex digits of the SHA-256 of its cleaned text.
    (A lone surrogate, which no reader lets through, is hashed as is instead of raising.)"""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass
class _Group:
    """One path given to read_paths: a file, a folder's files, or the error that stops it."""

    root: Path | None
    files: list[Path] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)  # unreadable subfolders, broken links
    error: InputError | None = None  # the path itself is missing or unreadable


def read_paths(paths: Sequence[str | Path], limits: Limits = Limits(),
               on_file: Callable[[int, int], None] | None = None) -> Iterator[Article | InputError]:
    """Articles from files and folders (recursively, sorted, hidden and documentation files skipped).
    A bad file or record yields its InputError and the batch goes on; so do an unreadable subfolder
    and a broken symbolic link. A folder with no readable article yields EmptyInputError naming it.
    ``on_file(done, total)`` is told how many files there are before the first is read, then after each."""
    groups = [_group(Path(p)) for p in paths]
    total, done = sum(len(g.files) for g in groups if g.error is None), 0
    context = CleaningContext()
    for group in groups:  # pass 1: line statistics over the batch's plain text
        for f in group.files:
            text = _plain_text(f, limits)
            if text is not None:
                context.add(text)
    for group in groups:  # pass 2: read
        if group.error is not None:
            yield group.error
            continue
        yield from group.errors
        found = 0
        for f in group.files:
            if on_file is not None and done == 0:
                on_file(0, total)
            for item in iter_file(f, context, limits):
                found += isinstance(item, Article)
                yield item
            done += 1
            if on_file is not None:
                on_file(done, total)
        if group.root is not None and found == 0:
            yield EmptyInputError(group.root, "folder holds no readable articles")


def _group(path: Path) -> _Group:
    if not path.exists():
        return _Group(path, error=path_error(path))
    if not path.is_dir():
        return _Group(None, [path])
    files, errors = _walk(path)
    own = [e for e in errors if e.path == str(path)]  # the folder itself cannot be listed
    return _Group(path, error=own[0]) if own else _Group(path, files, errors)


def read_file(path: str | Path, context: CleaningContext | None = None,
              limits: Limits = Limits()) -> list[Article]:
    """All articles of one file. Raises the first InputError met (use read_paths to go past them)."""
    out = []
    for item in iter_file(Path(path), context, limits):
        if isinstance(item, InputError):
            raise item
        out.append(item)
    return out


def iter_file(path: Path, context: CleaningContext | None = None,
              limits: Limits = Limits()) -> Iterator[Article | InputError]:
    """Articles of one file, with an InputError in place of each bad file or record."""
    path = Path(path)
    try:
        kind, head, gzipped = _sniff(path)
        if kind == "warc":
            yield from _warc(path, limits)
        elif kind == "jsonl":
            yield from _jsonl(path, head, gzipped, limits)
        else:
            data = read_gzip(path, limits) if gzipped else read_plain(path, limits)
            if kind == "feed":
                yield from _feed(data, path, limits)
            elif kind == "html":
                yield _html(decode(data, path), path, limits)
            else:
                yield _text(decode(data, path), path, context, limits)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield os_error(path, exc)


def _sniff(path: Path) -> tuple[str, bytes, bool]:
    """(kind, first bytes of the content, whether it is gzipped text) of a regular file."""
    if not path.exists():
        raise path_error(path)
    if path.is_dir():
        raise InputError(path, "is a folder; use read_paths for folders")
    if not path.is_file():
        raise InputError(path, "not a regular file (a device, pipe or socket)")
    with open(path, "rb") as fh:
        head = fh.read(_HEAD)
    kind = sniff_format(path, head)
    if kind != "gzip-text":
        return kind, head, False
    head = gzip_head(path, _HEAD)
    kind = sniff_format(path.with_suffix(""), head)
    if kind == "warc":
        raise CorruptInputError(path, "gzipped WARC must be named .warc.gz")
    return kind, head, True


# -- readers -----------------------------------------------------------------------------------------


def _article(text: str, source: str, fmt: str, limits: Limits, **meta) -> Article:
    """The Article, or the InputError naming ``source`` when it is over a limit or not valid Unicode."""
    problem = limits.article_problem(len(text)) or limits.title_problem(len(meta.get("title") or ""))
    if problem:
        raise OversizeInputError(source, problem)
    fields = {"text": text, **{k: meta.get(k) for k in ("title", "outlet", "author", "url")}}
    for key, value in fields.items():
        if isinstance(value, str) and lone_surrogate(value):
            raise CorruptInputError(source, f"{key} holds a lone surrogate, not valid Unicode")
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
        wire=meta.get("wire"),
        published_from=meta.get("published_from") or ("given" if meta.get("published") else None),
        dateline_place=meta.get("dateline_place"),
        removed_rules=tuple(meta.get("removed_rules") or ("chrome",) * len(meta.get("removed") or ())),
    )


def _text(raw: str, path: Path, context: CleaningContext | None, limits: Limits) -> Article:
    problem = limits.article_problem(len(raw))  # refused before cleaning a huge text
    if problem:
        raise OversizeInputError(path, problem)
    c = clean_text(raw, str(path), context)
    if not c.text.strip():
        raise EmptyInputError(path, "no article text left after removing page chrome")
    return _article(c.text, str(path), "text", limits, title=c.title, outlet=c.outlet, author=c.author,
                    published=c.published, removed=c.removed, wire=c.wire, published_from=c.published_from,
                    dateline_place=c.dateline_place, removed_rules=c.removed_rules)


def _html(raw: str | bytes, path: Path, limits: Limits, url: str | None = None, source: str | None = None,
          fmt: str = "html") -> Article:
    d = extract_html(raw, source or path, url=url)
    text = d.pop("text")
    return _article(text, source or str(path), fmt, limits, **d)


def _feed(data: bytes, path: Path, limits: Limits) -> Iterator[Article | InputError]:
    for item in read_feed(data, path):
        if isinstance(item, InputError):
            yield item
            continue
        source, text = item.pop("source"), item.pop("text")
        try:
            yield _article(text, source, "feed", limits, **item)
        except InputError as exc:
            yield exc


def _jsonl(path: Path, head: bytes, gzipped: bool, limits: Limits) -> Iterator[Article | InputError]:
    """Records of a JSONL file, streamed line by line (the file as a whole has no size limit)."""
    if head.startswith(_UTF16_BOMS):
        raise CorruptInputError(path, "JSONL must be UTF-8 text; this file is UTF-16")
    with open_stream(path, gzipped) as fh:
        for item in read_jsonl(bounded_lines(fh, limits), path, limits):
            if isinstance(item, InputError):
                yield item
                continue
            try:
                yield _jsonl_article(*item, limits)
            except InputError as exc:
                yield exc


def _jsonl_article(source: str, obj: dict, limits: Limits) -> Article:
    c = clean_text(obj["text"], source)
    if not c.text.strip():
        raise EmptyInputError(source, "no article text left after removing page chrome")
    title = (obj.get("title") or "").strip() or c.title
    text = c.text
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    given = normalise_published(obj.get("published"))
    published, published_from = (given, "given") if given else (c.published, c.published_from)
    return _article(text, source, "jsonl", limits, title=title, outlet=obj.get("outlet") or c.outlet,
                    author=obj.get("author") or c.author, published=published, removed=c.removed,
                    url=obj.get("url"), wire=c.wire, published_from=published_from,
                    dateline_place=c.dateline_place, removed_rules=c.removed_rules)


def _warc(path: Path, limits: Limits) -> Iterator[Article | InputError]:
    for item in read_warc(path, limits):
        if isinstance(item, InputError):
            yield item
            continue
        uri, payload = item
        try:
            yield _html(payload, path, limits, url=uri, source=uri, fmt="warc")
        except InputError as exc:
            yield exc


# -- helpers -----------------------------------------------------------------------------------------


def _walk(root: Path) -> tuple[list[Path], list[InputError]]:
    """Files under a folder, sorted, hidden and documentation files left out; and one InputError per
    subfolder that cannot be listed and per broken or looping symbolic link."""
    skip = entries("skip_files")
    errors: list[InputError] = []

    def unreadable(exc: OSError) -> None:
        errors.append(os_error(Path(exc.filename or root), exc))

    files = []
    for folder, subfolders, names in os.walk(root, onerror=unreadable):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        for name in names:
            p = Path(folder) / name
            if name.startswith(".") or any(fnmatch.fnmatch(name.lower(), pat) for pat in skip):
                continue
            if p.is_file():
                files.append(p)
            elif p.is_symlink():
                errors.append(path_error(p))
    return sorted(files), sorted(errors, key=lambda e: e.path)


def _plain_text(path: Path, limits: Limits) -> str | None:
    """Decoded text of a plain-text file for the batch statistics, None for anything else
    (and for anything iter_file will refuse: too large, unreadable)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEAD)
        if sniff_format(path, head) != "text":
            return None
        text = decode(read_plain(path, limits), path)
    except (InputError, OSError):
        return None
    return text if limits.article_problem(len(text)) is None else None

"""JSON Lines: one article per line, ``{"text": ..., "title", "url", "published", "outlet", "author"}``.

Lines come from a stream one at a time (a JSONL file may be larger than any one-file limit); each
line is bounded on its own, and every bad line is one InputError naming ``file:LINE``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Iterator

from parley.errors import CorruptInputError, EmptyInputError, InputError, OversizeInputError
from parley.ingest.limits import Limits
from parley.ingest.text import decode, lone_surrogate

__all__ = ["read_jsonl", "FIELDS"]

FIELDS = ("title", "url", "published", "outlet", "author")


def read_jsonl(lines: Iterable[tuple[int, bytes | None]], path: Path,
               limits: Limits = Limits()) -> Iterator[tuple[str, dict] | InputError]:
    """Yield (source, record) per good line, or an InputError naming ``file:LINE`` for a bad one.
    ``lines`` are (line number, bytes), with None for a line over the byte limit."""
    seen = False
    for lineno, raw in lines:
        where = f"{path}:{lineno}"
        if raw is None:
            seen = True
            yield OversizeInputError(where, limits.past_limit("JSONL line"))
            continue
        if not raw.strip():
            continue
        seen = True
        try:
            yield where, _record(raw.removeprefix(b"\xef\xbb\xbf") if lineno == 1 else raw, where, limits)
        except InputError as exc:
            yield exc
    if not seen:
        raise EmptyInputError(path, "empty JSONL file")


def _record(raw: bytes, where: str, limits: Limits) -> dict:
    """One line's record, checked; raises the InputError that names what is wrong with it."""
    obj = _parse(_line_text(raw, where), where)
    if not isinstance(obj, dict):
        raise CorruptInputError(where, "expected a JSON object with a 'text' field")
    body = obj.get("text")
    if not isinstance(body, str) or not body.strip():
        raise EmptyInputError(where, "missing or empty 'text' field")
    bad = [k for k in FIELDS if obj.get(k) is not None and not isinstance(obj[k], str)]
    if bad:
        raise CorruptInputError(where, f"field {bad[0]!r} must be a string")
    for key in ("text", *FIELDS):
        value = obj.get(key)
        match = lone_surrogate(value) if isinstance(value, str) else None
        if match:
            raise CorruptInputError(where, f"field {key!r} holds a lone surrogate (\\u{ord(match.group()):04x} "
                                           f"at character {match.start()}), not valid Unicode")
    problem = limits.article_problem(len(body)) or limits.title_problem(len(obj.get("title") or ""))
    if problem:
        raise OversizeInputError(where, problem)
    return obj


def _line_text(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode(raw, where)  # a legacy code page, or DecodeError naming the line


def _parse(line: str, where: str) -> object:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise CorruptInputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise CorruptInputError(where, "invalid JSON (nested too deeply)") from None

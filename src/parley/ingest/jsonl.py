"""JSON Lines: one article per line, ``{"text": ..., "title", "url", "published", "outlet", "author"}``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from parley.errors import CorruptInputError, EmptyInputError, InputError

__all__ = ["read_jsonl"]

FIELDS = ("title", "url", "published", "outlet", "author")


def read_jsonl(text: str, path: Path) -> Iterator[tuple[str, dict] | InputError]:
    """Yield (source, record) per good line, or an InputError naming ``file:LINE`` for a bad one."""
    good = 0
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield CorruptInputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield CorruptInputError(where, "expected a JSON object with a 'text' field")
            continue
        body = obj.get("text")
        if not isinstance(body, str) or not body.strip():
            yield EmptyInputError(where, "missing or empty 'text' field")
            continue
        bad = [k for k in FIELDS if obj.get(k) is not None and not isinstance(obj[k], str)]
        if bad:
            yield CorruptInputError(where, f"field {bad[0]!r} must be a string")
            continue
        good += 1
        yield where, obj
    if good == 0 and not text.strip():
        raise EmptyInputError(path, "empty JSONL file")

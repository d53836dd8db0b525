"""The article table of an index segment (id, title, outlet, published) in a binary form, read without parsing.

``articles.npz`` holds, for each field, the UTF-8 bytes of every value one after the other (``<field>``), where
each value starts (``<field>_at``, one entry more than there are articles) and which values are None
(``<field>_none``). Loading the table of 100,000 articles reads about 8 MB of arrays where parsing their JSON
took a quarter of a second, and a value is decoded only when it is asked for: a search decodes the ten
articles it cites. A segment written before this file existed is read from its ``articles.json``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

FIELDS = ("id", "title", "outlet", "published")
FILE = "articles.npz"


def write(seg_dir: Path, articles: list[dict[str, Any]]) -> None:
    """Write ``articles`` (dicts of FIELDS) as the segment's binary table."""
    arrays: dict[str, np.ndarray] = {}
    for name in FIELDS:
        blob, at, none = _pack([a.get(name) for a in articles])
        arrays[name], arrays[f"{name}_at"], arrays[f"{name}_none"] = blob, at, none
    tmp = seg_dir / (FILE + ".tmp")
    with open(tmp, "wb") as fh:
        np.savez(fh, **arrays)
    os.replace(tmp, seg_dir / FILE)  # a reader never finds half a table


def upgrade(seg_dir: Path) -> bool:
    """Give a segment of an older parley (articles.json only) its binary table; True when one was written."""
    if (seg_dir / FILE).exists() or not (seg_dir / "articles.json").exists():
        return False
    write(seg_dir, json.loads((seg_dir / "articles.json").read_text(encoding="utf-8")))
    return True


def _pack(values: list[str | None]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    encoded = [b"" if v is None else str(v).encode("utf-8") for v in values]
    at = np.cumsum([0] + [len(b) for b in encoded]).astype(np.int64)
    return (np.frombuffer(b"".join(encoded), dtype=np.uint8), at,
            np.asarray([v is None for v in values], dtype=bool))


class ArticleTable(Sequence):
    """The articles of one or more segments, in order: ``table[i]`` is a dict of FIELDS, decoded on demand."""

    def __init__(self, columns: dict[str, tuple[bytes, np.ndarray, np.ndarray]], count: int):
        self._columns = columns
        self._count = count

    @classmethod
    def read(cls, seg_dir: Path) -> "ArticleTable":
        path = seg_dir / FILE
        if not path.exists():  # a segment of an older parley
            return cls.of(json.loads((seg_dir / "articles.json").read_text(encoding="utf-8")))
        with np.load(path) as npz:
            columns = {name: (npz[name].tobytes(), npz[f"{name}_at"], npz[f"{name}_none"]) for name in FIELDS}
        return cls(columns, len(columns["id"][1]) - 1)

    @classmethod
    def of(cls, articles: list[dict[str, Any]]) -> "ArticleTable":
        columns = {}
        for name in FIELDS:
            blob, at, none = _pack([a.get(name) for a in articles])
            columns[name] = (blob.tobytes(), at, none)
        return cls(columns, len(articles))

    @classmethod
    def concat(cls, tables: list["ArticleTable"]) -> "ArticleTable":
        if len(tables) == 1:
            return tables[0]
        columns = {}
        for name in FIELDS:
            parts = [t._columns[name] for t in tables]
            shift = np.cumsum([0] + [len(blob) for blob, _, _ in parts[:-1]])
            at = np.concatenate([np.zeros(1, dtype=np.int64)]
                                + [p[1][1:] + s for p, s in zip(parts, shift)]).astype(np.int64)
            columns[name] = (b"".join(p[0] for p in parts), at, np.concatenate([p[2] for p in parts] or [[]]))
        return cls(columns, sum(len(t) for t in tables))

    def value(self, i: int, name: str) -> str | None:
        blob, at, none = self._columns[name]
        if none[i]:
            return None
        return blob[int(at[i]):int(at[i + 1])].decode("utf-8")

    def column(self, name: str) -> list[str | None]:
        """Every article's value of one field, in order."""
        blob, at, none = self._columns[name]
        bounds = at.tolist()
        return [None if n else blob[s:e].decode("utf-8") for s, e, n in zip(bounds, bounds[1:], none.tolist())]

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._count))]
        if i < 0:
            i += self._count
        if not 0 <= i < self._count:
            raise IndexError(i)
        return {name: self.value(i, name) for name in FIELDS}

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (self[i] for i in range(self._count))

    def __len__(self) -> int:
        return self._count

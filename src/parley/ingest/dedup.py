"""Near-duplicate articles: MinHash signatures of word shingles in an LSH index (datasketch).

Signatures serialise to bytes so a store can keep them; with their LSH band keys (band_keys) a store looks up
only the stored articles that can be near-duplicates of new ones (mark_duplicates' ``stored``) instead of
loading every signature."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from parley.models import Article

__all__ = ["DuplicateIndex", "mark_duplicates", "shingles", "StoredLookup"]

# band keys of new articles -> (article id, its place in the store, signature) of the stored ones sharing one
StoredLookup = Callable[[list[tuple[int, bytes]]], list[tuple[str, int, bytes]]]
_LATER = 10 ** 15  # articles of this run come after every stored one, in the order they are met

_WORD = re.compile(r"\w+")
# Pinned so signatures stored by one run compare with the next: datasketch's 32-bit affine hashing.
_SEED = 1
_SCHEME = "affine32"
_DTYPE = "<u4"


def shingles(text: str, size: int = 3) -> set[str]:
    """Overlapping runs of ``size`` lower-cased words (single words for very short texts)."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return set(words)
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _as_bytes(m: MinHash) -> bytes:
    return m.hashvalues.astype(_DTYPE).tobytes()


class DuplicateIndex:
    """Articles seen so far, searchable for near-identical text (estimated Jaccard >= threshold)."""

    def __init__(self, threshold: float = 0.8, num_perm: int = 128):
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._hashes: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._hashes

    def __len__(self) -> int:
        return len(self._hashes)

    def minhash(self, text: str) -> MinHash:
        m = MinHash(num_perm=self.num_perm, seed=_SEED, scheme=_SCHEME)
        for s in sorted(shingles(text)):
            m.update(s.encode("utf-8"))
        return m

    def signature_bytes(self, text: str) -> bytes:
        """The MinHash signature of ``text`` as bytes (num_perm little-endian uint32 values)."""
        return _as_bytes(self.minhash(text))

    def stored_signature(self, article_id: str) -> bytes:
        """The signature of an article already in the index, as ``signature_bytes`` gives it (no rehashing)."""
        return _as_bytes(self._hashes[article_id])

    def add(self, article_id: str, text: str) -> None:
        self._insert(article_id, self.minhash(text))

    def add_signature(self, article_id: str, signature: bytes, order: int | None = None) -> None:
        """Add a stored article; ``order`` is its place among the articles (earliest wins), else it comes next."""
        self._insert(article_id, self._from_bytes(article_id, signature), order)

    def _from_bytes(self, article_id: str, signature: bytes) -> MinHash:
        values = np.frombuffer(signature, dtype=_DTYPE).astype(np.uint32)
        if len(values) != self.num_perm:
            raise ValueError(f"signature of {article_id} has {len(values)} values, expected {self.num_perm}")
        return MinHash(num_perm=self.num_perm, seed=_SEED, hashvalues=values, scheme=_SCHEME)

    def band_keys(self, signature: bytes | MinHash) -> list[tuple[int, bytes]]:
        """(band, key) of the LSH buckets the signature falls in: two articles the index can find as
        near-duplicates share one."""
        m = signature if isinstance(signature, MinHash) else self._from_bytes("signature", signature)
        return [(b, self._lsh._H(m.hashvalues[start:end])) for b, (start, end) in enumerate(self._lsh.hashranges)]

    def find(self, text: str, exclude: str | None = None) -> str | None:
        """Id of the earliest-added article near-identical to ``text`` (not ``exclude``), or None."""
        return self._find(self.minhash(text), exclude)

    def _find(self, m: MinHash, exclude: str | None) -> str | None:
        hits = [
            k for k in self._lsh.query(m)
            if k != exclude and self._hashes[k].jaccard(m) >= self.threshold
        ]
        return min(hits, key=self._order.__getitem__) if hits else None

    def _insert(self, article_id: str, m: MinHash, order: int | None = None) -> None:
        if article_id in self._hashes:
            return
        self._order[article_id] = _LATER + len(self._order) if order is None else order
        self._hashes[article_id] = m
        self._lsh.insert(article_id, m)


def mark_duplicates(articles: Sequence[Article], index: DuplicateIndex,
                    stored: StoredLookup | None = None) -> list[Article]:
    """Set ``duplicate_of`` on each article near-identical to one already in ``index``, earlier in the list, or
    (with ``stored``) stored, and add every article to the index. An article is never a duplicate of its own id."""
    hashes = {a.id: index.minhash(a.text) for a in articles if a.id not in index}
    if stored is not None and hashes:
        for article_id, order, signature in stored([k for m in hashes.values() for k in index.band_keys(m)]):
            index.add_signature(article_id, signature, order)
    out = []
    for a in articles:
        if a.id in index:  # the same article again: the caller skips known ids
            out.append(a)
            continue
        m = hashes[a.id]
        original = index._find(m, exclude=a.id)
        if original is not None and a.duplicate_of is None:
            a = replace(a, duplicate_of=original)
        index._insert(a.id, m)
        out.append(a)
    return out

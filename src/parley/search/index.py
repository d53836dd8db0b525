"""The search index beside the store: BM25 (bm25s + Snowball stemming) and MiniLM vectors over sentences.

Layout of ``store.index_dir``::

    manifest.json          format, segment names, how many articles are indexed
    seg-0001/              one segment per update: new articles only
        bm25/              a bm25s index over the segment's sentences
        units.npz          per sentence: article number (into the segment's articles), start, end
        articles.npz       per article: id, title, outlet, published, in a binary form (search.articles)
        articles.json      the same as JSON (segments of older parleys have only this one)
        vectors.npy        unit-length float32 MiniLM vectors per sentence (absent: BM25 only)
        facts.json         per article: events, quotes, amounts, entity names (for ask)

``update_index`` appends a segment with the articles stored after the last one it indexed (the manifest keeps
the store's sequence number it reached, so finding them costs the same whatever the store holds), and a question
never rebuilds anything. When more than MAX_SEGMENTS pile up, the newest are merged into one: the two newest, and
each older one while it is at most MERGE_RATIO times the size of those taken (``merge_count``), so an article is
merged again only when its segment has grown severalfold (about log(store size) times, not a rewrite of the whole
index every few ingests). Merged articles keep their order and numbers. A merge re-reads
its articles from the store and copies their sentence vectors (nothing is embedded twice). Segments score BM25
with their own statistics; merging keeps that drift small. Loading an index reads no JSON: facts.json waits
until ask needs it, and the people, timeline and conflicts ask reads are read from the store on first use
(``Index.corpus``), not copied beside it on every ingest.
"""

from __future__ import annotations

import bisect
import json
import mmap
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from parley.models import Record
from parley.search import bm25, embed
from parley.search.articles import ArticleTable
from parley.search.articles import upgrade as upgrade_articles
from parley.search.articles import write as write_articles

FORMAT = 1
MAX_SEGMENTS = 8
DENSE_FLOOR = 0.3  # a sentence less similar than this to the query is not a semantic match at all

_SENTENCE_END = re.compile(r"(?<=[.!?…\"'”»)])\s+(?=[\"'“«(]?[A-Z0-9])|\n\s*\n")


_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def tokenize(texts: list[str]) -> list[list[str]]:
    """Lower-cased, stop-word-free, stemmed tokens (the same for documents and questions): bm25s.tokenize's
    (stopwords="en", the Snowball English stemmer), made without importing bm25s (search.bm25)."""
    return bm25.tokenize(texts)


@lru_cache(maxsize=65536)
def text_stems(text: str) -> frozenset[str]:
    """The set of ``tokenize``'s stems of one text, computed once per text: ask compares the same sentences
    with a question several times."""
    return frozenset(tokenize([text])[0])


@lru_cache(maxsize=4096)
def query_tokens(text: str) -> tuple[str, ...]:
    """``tokenize``'s tokens of one query, in order, computed once per query text."""
    return tuple(tokenize([text])[0])


def sentence_spans(record: Record) -> list[tuple[int, int]]:
    """The record's sentences; a plain splitter when extraction left none. Blank-only spans are dropped."""
    text = record.article.text
    spans = list(record.sentences)
    if not spans:
        start = 0
        for m in _SENTENCE_END.finditer(text):
            spans.append((start, m.start()))
            start = m.end()
        spans.append((start, len(text)))
    out = []
    for s0, e0 in _split_paragraphs(text, spans):
        s, e = s0, e0
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s >= 3:
            out.append((s, e))
    return out


def _split_paragraphs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A blank line ends a sentence: a headline or caption never runs into the paragraph after it."""
    out = []
    for s, e in spans:
        cut = s
        for m in _BLANK_LINE.finditer(text, s, e):
            out.append((cut, m.start()))
            cut = m.end()
        out.append((cut, e))
    return out


def _facts(record: Record) -> dict[str, Any]:
    """What ask() needs of one article, small enough to keep in memory for a whole corpus."""
    d = record.to_dict()
    return {
        "events": d["events"],
        "quotes": d["quotes"],
        "amounts": d["amounts"],
        "claims": d["claims"],
        "timexes": [[t["start"], t["end"]] for t in d["timexes"]],
        "entities": [{"name": e["name"], "type": e["type"], "roles": e["roles"],
                      "mentions": [m["text"] for m in e["mentions"]][:12]} for e in d["entities"]],
    }


# -- building ---------------------------------------------------------------------------------------------

def _manifest_path(index_dir: Path) -> Path:
    return index_dir / "manifest.json"


def read_manifest(index_dir: Path) -> dict[str, Any]:
    path = _manifest_path(index_dir)
    empty = {"format": FORMAT, "segments": [], "articles": 0, "seq": 0}  # a new index starts from the first article
    if not path.exists():
        return empty
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        return empty
    return manifest


def _write_json_atomic(path: Path, data: Any) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def indexed_ids(index_dir: Path, manifest: dict[str, Any]) -> set[str]:
    ids: set[str] = set()
    for name in manifest["segments"]:
        ids.update(segment_ids(index_dir / name))
    return ids


def segment_ids(seg_dir: Path) -> list[str]:
    """The ids of a segment's articles, in its order."""
    return ArticleTable.read(seg_dir).column("id")  # type: ignore[return-value]


def build_segment(seg_dir: Path, records: list[Record], *, semantic: bool,
                  known: "StoredVectors | None" = None) -> int:
    """Write one segment for ``records``; returns the number of sentences indexed. A sentence whose vector
    ``known`` holds (a merge of older segments) is not embedded again."""
    import bm25s

    if seg_dir.exists():  # left half-written by a run killed while indexing: start it afresh
        shutil.rmtree(seg_dir)
    seg_dir.mkdir(parents=True)
    arts, facts, unit_art, starts, ends, texts, blobs = [], [], [], [], [], [], []
    keys: list[tuple[str, int, int]] = []  # (article id, start, end) of each sentence
    for record in records:
        a = record.article
        spans = sentence_spans(record)
        if not spans:
            continue
        n = len(arts)
        arts.append({"id": a.id, "title": a.title, "outlet": a.outlet, "published": a.published})
        facts.append(_facts(record))
        blobs.append(a.text.encode("utf-8"))
        for s, e in spans:
            unit_art.append(n)
            starts.append(s)
            ends.append(e)
            texts.append(a.text[s:e])
            keys.append((a.id, s, e))
    # the article texts travel with the index: a hit's text is sliced here, with no store query per hit
    bounds = np.cumsum([0] + [len(b) for b in blobs]).astype(np.int64)
    (seg_dir / "texts.bin").write_bytes(b"".join(blobs))
    np.save(seg_dir / "texts.npy", bounds)
    np.savez(seg_dir / "units.npz", art=np.asarray(unit_art, dtype=np.int32),
             start=np.asarray(starts, dtype=np.int32), end=np.asarray(ends, dtype=np.int32))
    (seg_dir / "articles.json").write_text(json.dumps(arts, ensure_ascii=False), encoding="utf-8")
    write_articles(seg_dir, arts)
    (seg_dir / "facts.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    if texts:
        retriever = bm25s.BM25()
        retriever.index(tokenize(texts), show_progress=False)
        retriever.save(str(seg_dir / "bm25"), show_progress=False)
        if semantic and embed.available():
            np.save(seg_dir / "vectors.npy", _vectors(texts, keys, known))
    return len(texts)


class StoredVectors:
    """The MiniLM vectors the given segments already hold, by (article id, start, end) of their sentence,
    read memory-mapped: a merge copies them instead of embedding every sentence of the store again."""

    def __init__(self, index_dir: Path, segments: list[str]):
        self._arrays: list[np.ndarray] = []
        self._where: dict[tuple[str, int, int], tuple[int, int]] = {}
        for name in segments:
            d = index_dir / name
            if not (d / "vectors.npy").exists():
                continue
            vectors = np.load(d / "vectors.npy", mmap_mode="r")
            units = np.load(d / "units.npz")
            ids = segment_ids(d)
            n = len(self._arrays)
            self._arrays.append(vectors)
            for row, (art, start, end) in enumerate(zip(units["art"].tolist(), units["start"].tolist(),
                                                        units["end"].tolist())):
                self._where[(ids[art], start, end)] = (n, row)

    def get(self, key: tuple[str, int, int]) -> np.ndarray | None:
        where = self._where.get(key)
        return None if where is None else self._arrays[where[0]][where[1]]

    def keys(self) -> list[tuple[str, int, int]]:
        return list(self._where)

    def __len__(self) -> int:
        return len(self._where)


def _vectors(texts: list[str], keys: list[tuple[str, int, int]], known: StoredVectors | None) -> np.ndarray:
    """One unit vector per text: copied from ``known`` where it has the sentence, embedded otherwise."""
    if known is None or not len(known):
        return embed.encode(texts)
    out = np.zeros((len(texts), embed.DIM), dtype=np.float32)
    missing = []
    for i, key in enumerate(keys):
        vector = known.get(key)
        if vector is None:
            missing.append(i)
        else:
            out[i] = vector
    if missing:
        out[missing] = embed.encode([texts[i] for i in missing])
    return out


def update(store, *, semantic: bool | None = None) -> int:
    """Index the store's articles that are not indexed yet; returns how many were added."""
    index_dir = Path(store.index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    manifest = read_manifest(index_dir)
    semantic = (not embed.disabled()) if semantic is None else semantic
    fresh, manifest["seq"] = _unindexed(store, index_dir, manifest)
    manifest.pop("duplicates", None)  # an older manifest's list of the duplicates it skipped: the seq says it now
    fresh = [r for r in fresh if not r.article.duplicate_of]
    if fresh:
        name = _next_segment_name(manifest)
        build_segment(index_dir / name, fresh, semantic=semantic)
        manifest["segments"].append(name)
    for name in manifest["segments"]:
        upgrade_articles(index_dir / name)  # once, for the segments of an older parley: loading reads no JSON
    manifest["sizes"] = _sizes(index_dir, manifest)
    manifest["articles"] = sum(manifest["sizes"].values())
    if len(manifest["segments"]) > MAX_SEGMENTS:
        manifest = _merge_segments(store, index_dir, manifest, semantic=semantic)
    (index_dir / "corpus.json").unlink(missing_ok=True)  # written by older parleys; the store holds it
    _write_json_atomic(_manifest_path(index_dir), manifest)
    return len(fresh)


SMALL = 200  # a batch of at most this many new articles is indexed in id order, a larger one in store order


def _unindexed(store, index_dir: Path, manifest: dict[str, Any]) -> tuple[list[Record], int]:
    """The records stored after the last indexed one, and the store's sequence number they reach. An index
    written before the manifest kept that number finds them by comparing ids, once."""
    if "seq" in manifest:
        pairs = list(store.records_with_seq(after=int(manifest["seq"])))
        seq = max([int(manifest["seq"])] + [s for s, _ in pairs])
        fresh = [r for _, r in pairs]
        if len(fresh) <= SMALL:
            fresh.sort(key=lambda r: r.article.id)
        return fresh, seq
    stored = store.seqs(store.article_ids())
    new_ids = set(stored) - indexed_ids(index_dir, manifest) - set(manifest.get("duplicates", ()))
    if len(new_ids) <= SMALL:  # a small ingest: read just those records, not the whole store
        fresh = [store.record(i) for i in sorted(new_ids)]
    else:
        fresh = [r for r in store.records() if r.article.id in new_ids]
    return fresh, max(stored.values(), default=0)


def _sizes(index_dir: Path, manifest: dict[str, Any]) -> dict[str, int]:
    """How many articles each segment holds (read from the segment when the manifest does not say)."""
    known = manifest.get("sizes") or {}
    return {name: int(known[name]) if name in known else len(ArticleTable.read(index_dir / name))
            for name in manifest["segments"]}


def _next_segment_name(manifest: dict[str, Any]) -> str:
    n = max([int(s.split("-")[1]) for s in manifest["segments"]] or [0]) + 1
    return f"seg-{n:05d}"


MERGE_RATIO = 2  # an older segment joins a merge while it is at most this many times the newer ones merged


def merge_count(sizes: list[int]) -> int:
    """How many of the newest segments one merge takes: the two newest, then each older one while it is at most
    MERGE_RATIO times as large as those already taken together. Adding 20 articles at a time to a store of
    100,000, an ingest merges about 150 articles on average (a merge of everything every 8 ingests was 12,500)."""
    n, total = 2, sum(sizes[-2:])
    while n < len(sizes) and sizes[-n - 1] <= MERGE_RATIO * total:
        total += sizes[-n - 1]
        n += 1
    return n


def _merge_segments(store, index_dir: Path, manifest: dict[str, Any], *, semantic: bool) -> dict[str, Any]:
    """Merge the newest segments into one (merge_count); their articles keep their order and numbers."""
    segments, sizes = list(manifest["segments"]), dict(manifest["sizes"])
    old = segments[-merge_count([sizes[name] for name in segments]):]
    ids = [i for name in old for i in segment_ids(index_dir / name)]
    stored = store.records_by_id(ids)
    records = [stored[i] for i in ids if i in stored]
    name = _next_segment_name(manifest)
    known = StoredVectors(index_dir, old) if semantic else None
    build_segment(index_dir / name, records, semantic=semantic, known=known)
    del known  # its memory maps of the old segments' vectors, before those are removed
    kept = segments[:-len(old)] + [name]
    sizes = {s: sizes[s] for s in kept[:-1]} | {name: len(ArticleTable.read(index_dir / name))}
    manifest = {**manifest, "segments": kept, "sizes": sizes, "articles": sum(sizes.values())}
    _write_json_atomic(_manifest_path(index_dir), manifest)
    for seg in old:
        shutil.rmtree(index_dir / seg, ignore_errors=True)
    return manifest


# -- loading and querying -----------------------------------------------------------------------------------

@dataclass
class Segment:
    bm25: Any
    art: np.ndarray
    start: np.ndarray
    end: np.ndarray
    articles: list[dict[str, Any]]
    facts: Sequence[dict[str, Any]]
    vectors: np.ndarray | None
    art_offset: int = 0  # the number of this segment's first article in the Index's article list
    texts: Any = None  # mmap of texts.bin (None in segments written before it existed)
    text_bounds: np.ndarray | None = None  # where each article's text begins in texts (one entry more)
    unit_bounds: np.ndarray | None = None  # where each article's sentences begin in art/start/end (made once)

    def unit_rows(self, local: int) -> tuple[int, int]:
        """The rows of art/start/end that are article ``local``'s sentences: build_segment writes an article's
        sentences together, articles in order, so they are one run found by bisection (a scan of every
        sentence per article made ask's first lookup over 100,000 articles take minutes)."""
        if self.unit_bounds is None:
            self.unit_bounds = np.searchsorted(self.art, np.arange(len(self.articles) + 1), side="left")
        return int(self.unit_bounds[local]), int(self.unit_bounds[local + 1])


@dataclass
class Candidate:
    unit: tuple[int, int]  # (segment number, unit number)
    article: int  # global article number
    start: int
    end: int
    bm25: float = 0.0
    cosine: float | None = None
    rrf: float = 0.0


@dataclass
class Index:
    segments: list[Segment]
    articles: Sequence[dict[str, Any]]
    facts: Sequence[dict[str, Any]]
    corpus: Mapping[str, Any] = field(default_factory=dict)
    _derived: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def derived(self, name: str, build: Callable[["Index"], Any]) -> Any:
        """What ``build(self)`` computes from this index (a table ask builds from its facts or its corpus tables),
        computed on first use and kept with this index: the index loaded after an ingest builds its own. Two
        threads asking at once may both build it; either result is the same."""
        got = self._derived.get(name)
        if got is None:
            got = self._derived[name] = build(self)
        return got

    # what a filter or ask needs of every article, made on first use: a plain search needs none of it
    @cached_property
    def published(self) -> np.ndarray:
        return np.asarray([p or "" for p in self._column("published")], dtype=str)

    @cached_property
    def outlets(self) -> np.ndarray:
        return np.asarray([(o or "").lower() for o in self._column("outlet")], dtype=str)

    @cached_property
    def by_id(self) -> dict[str, int]:
        return {a: i for i, a in enumerate(self._column("id"))}

    def _column(self, name: str) -> list[Any]:
        if isinstance(self.articles, ArticleTable):
            return self.articles.column(name)
        return [a.get(name) for a in self.articles]

    @property
    def semantic(self) -> bool:
        return any(s.vectors is not None for s in self.segments)

    def article_mask(self, outlet: str | None, since: str | None, until: str | None,
                     only: set[int] | None = None) -> np.ndarray | None:
        if not (outlet or since or until or only is not None):
            return None
        mask = np.ones(len(self.articles), dtype=bool)
        if outlet:
            mask &= np.char.find(self.outlets, outlet.lower()) >= 0
        if since:
            mask &= (self.published >= since) & (self.published != "")
        if until:
            # an until date includes the whole day: "2024-04-22" admits "2024-04-22T18:00"
            mask &= (self.published.astype(f"<U{len(until)}") <= until) & (self.published != "")
        if only is not None:
            keep = np.zeros(len(self.articles), dtype=bool)
            keep[list(only)] = True
            mask &= keep
        return mask

    def retrieve(self, query: str, *, k: int = 50, outlet: str | None = None, since: str | None = None,
                 until: str | None = None, only: set[int] | None = None,
                 semantic: bool = True) -> list[Candidate]:
        """Hybrid retrieval: BM25 top-k and vector top-k fused by reciprocal rank (k=60); equal scores rank in
        sentence order (``best``)."""
        art_mask = self.article_mask(outlet, since, until, only)
        tokens = list(query_tokens(query))
        lexical: list[Candidate] = []
        dense: list[Candidate] = []
        qvec = None
        if semantic and self.semantic and embed.available():
            qvec = embed.encode_query(query)
        for si, seg in enumerate(self.segments):
            unit_mask = None if art_mask is None else art_mask[seg.art + seg.art_offset]
            if unit_mask is not None and not unit_mask.any():
                continue
            ranked = None  # the segment's sentences by BM25 score, best first (those that hold a query word)
            dense_pool = qvec is not None and seg.vectors is not None and len(seg.art) > DENSE_ALL
            if tokens and seg.bm25 is not None:
                ids = seg.bm25.get_tokens_ids(tokens)
                if ids:
                    scores = seg.bm25.get_scores_from_ids(ids)
                    if unit_mask is not None:
                        scores = np.where(unit_mask, scores, 0.0)
                    ranked = best(scores, np.flatnonzero(scores > 0), max(k, PREFILTER) if dense_pool else k)
                    lexical.extend(self._candidates(si, seg, ranked[:k], scores[ranked[:k]], "bm25"))
            if qvec is not None and seg.vectors is not None:
                if dense_pool and ranked is not None and len(ranked):
                    # a large segment: only its PREFILTER best BM25 matches are compared with the query's vector
                    pool = np.sort(ranked[:PREFILTER])
                    sims = _cosines(seg.vectors[pool], qvec)
                else:
                    pool, sims = None, _cosines(seg.vectors, qvec)
                    if unit_mask is not None:
                        sims = np.where(unit_mask, sims, -1.0)
                top = best(sims, np.flatnonzero(sims >= DENSE_FLOOR), k)
                dense.extend(self._candidates(si, seg, top if pool is None else pool[top], sims[top], "cosine"))
        return _fuse(lexical, dense, k, self)

    def _candidates(self, si: int, seg: Segment, units: np.ndarray, values: np.ndarray,
                    kind: str) -> list[Candidate]:
        """Candidates for sentences ``units`` of segment ``si``, with their ``kind`` score from ``values``."""
        out = []
        for u, value in zip(units.tolist(), values.tolist()):
            c = Candidate(unit=(si, u), article=int(seg.art[u]) + seg.art_offset, start=int(seg.start[u]),
                          end=int(seg.end[u]))
            setattr(c, kind, value)
            out.append(c)
        return out

    def cosine_of(self, query_vec: np.ndarray, cand: Candidate) -> float | None:
        seg = self.segments[cand.unit[0]]
        if seg.vectors is None:
            return None
        return float(seg.vectors[cand.unit[1]] @ query_vec)

    def _local(self, article: int) -> tuple[Segment | None, int]:
        """The segment holding article number ``article`` and its number there."""
        if not 0 <= article < len(self.articles):
            return None, -1
        offsets = self.__dict__.get("_offsets")
        if offsets is None:
            offsets = self.__dict__["_offsets"] = [seg.art_offset for seg in self.segments]
        seg = self.segments[bisect.bisect_right(offsets, article) - 1]
        return seg, article - seg.art_offset

    def text_of(self, article: int) -> str | None:
        """The stored text of article number ``article``, from the index's copy; None when it has none."""
        seg, local = self._local(article)
        if seg is None or seg.texts is None or seg.text_bounds is None:
            return None
        return seg.texts[int(seg.text_bounds[local]):int(seg.text_bounds[local + 1])].decode("utf-8")

    def units_of(self, article: int) -> list[tuple[int, int]]:
        """(start, end) of every indexed sentence of one article, in text order."""
        seg, local = self._local(article)
        if seg is None:
            return []
        lo, hi = seg.unit_rows(local)
        return list(zip(seg.start[lo:hi].tolist(), seg.end[lo:hi].tolist()))


DENSE_ALL = 200_000  # a segment of more sentences compares the query's vector with its best BM25 matches only
PREFILTER = 4_000  # how many of those (the cost of a vector product over a million sentences is ~100 ms); a
# query none of whose words the segment holds is compared with every sentence


def _cosines(vectors: np.ndarray, qvec: np.ndarray) -> np.ndarray:
    """Each row's dot product with the query's vector, row by row in numpy's own loop: a matrix product goes
    to OpenBLAS, whose two threads on a busy two-core machine wait for each other (4,000 x 384: 17 ms against
    0.8 ms at load 11). A row's value differs from the matrix product's by float32 rounding (< 1e-7)."""
    return np.einsum("ij,j->i", vectors, qvec)


def best(values: np.ndarray, positions: np.ndarray, k: int) -> np.ndarray:
    """The ``k`` of ``positions`` (ascending) with the highest ``values``, best first, equal values in position
    order: the same answer however the values were computed. It partitions the candidates only (the
    sentences that hold a query word, or pass the cosine floor), not every sentence of the segment: at 100,000
    articles (1.15 million sentences) 2.5 ms for the 4,000 best BM25 matches, where an argpartition of every
    sentence took 25 ms (load 12), and a search made two."""
    if k <= 0 or not len(positions):
        return positions[:0]
    v = values[positions]
    if len(v) > k:
        cut = np.partition(v, len(v) - k)[len(v) - k]  # the k-th highest value
        above = np.flatnonzero(v > cut)
        tied = np.flatnonzero(v == cut)[:k - len(above)]
        keep = np.sort(np.concatenate([above, tied]))
        positions, v = positions[keep], v[keep]
    return positions[np.lexsort((positions, -v))]


def _fuse(lexical: list[Candidate], dense: list[Candidate], k: int, index: Index) -> list[Candidate]:
    merged: dict[tuple[int, int], Candidate] = {}
    for ranked, attr in ((lexical, "bm25"), (dense, "cosine")):
        ranked.sort(key=lambda c: -getattr(c, attr))
        for rank, c in enumerate(ranked[:k]):
            m = merged.setdefault(c.unit, c)
            if m is not c:
                setattr(m, attr, getattr(c, attr))
            m.rrf += 1.0 / (60 + rank + 1)
    out = sorted(merged.values(), key=lambda c: (-c.rrf, -c.bm25, c.article, c.start))
    return out


_cache: dict[str, tuple[float, Index]] = {}
_cache_lock = threading.Lock()


def load(index_dir: Path) -> Index | None:
    """The index in ``index_dir``, loaded once per process and reloaded when the manifest changes."""
    path = _manifest_path(index_dir)
    if not path.exists():
        return None
    key = _resolved(str(index_dir))
    mtime = path.stat().st_mtime_ns
    with _cache_lock:
        hit = _cache.get(key)
        if hit and hit[0] == mtime:
            return hit[1]
        index = _load(index_dir)
        _cache[key] = (mtime, index)
        return index


@lru_cache(maxsize=256)
def _resolved(index_dir: str) -> str:
    return str(Path(index_dir).resolve())


def _load(index_dir: Path) -> Index:
    manifest = read_manifest(index_dir)
    segments, tables, facts = [], [], []
    count = 0
    for name in manifest["segments"]:
        d = index_dir / name
        units = np.load(d / "units.npz")
        arts = ArticleTable.read(d)
        fx = LazyFacts([d / "facts.json"], len(arts))
        # memory-mapped: a query reads the columns of its words and the vectors it compares, not whole files
        bm = bm25.Scorer(d / "bm25") if (d / "bm25").exists() else None
        vectors = np.load(d / "vectors.npy", mmap_mode="r") if (d / "vectors.npy").exists() else None
        texts = bounds = None
        if (d / "texts.bin").exists() and (d / "texts.npy").exists():
            bounds = np.load(d / "texts.npy")
            size = (d / "texts.bin").stat().st_size
            if size:
                with open(d / "texts.bin", "rb") as fh:
                    texts = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            else:
                texts = b""
        segments.append(Segment(bm25=bm, art=units["art"], start=units["start"], end=units["end"], articles=arts,
                                facts=fx, vectors=vectors, art_offset=count, texts=texts,
                                text_bounds=bounds))
        tables.append(arts)
        count += len(arts)
        facts.append(d / "facts.json")
    articles = ArticleTable.concat(tables) if tables else ArticleTable.of([])
    return Index(segments=segments, articles=articles, facts=LazyFacts(facts, count), corpus=CorpusTables())


class CorpusTables(Mapping):
    """The store's people, timeline and conflicts as ask reads them (``idx.corpus.get("timeline")``), each read
    from the store the first time it is asked for and then kept with the loaded index (one version of the index,
    one version of the store: every ingest rewrites the manifest, and a new manifest is a new Index).
    ``open_index(store)`` names the store to read them from."""

    NAMES = ("people", "timeline", "conflicts")

    def __init__(self) -> None:
        self._store: Any = None
        self._tables: dict[str, list[dict[str, Any]]] = {}
        self._lock = threading.Lock()

    def bind(self, store: Any) -> None:
        self._store = store

    def __getitem__(self, name: str) -> list[dict[str, Any]]:
        if name not in self.NAMES:
            raise KeyError(name)
        table = self._tables.get(name)
        if table is None:
            with self._lock:
                table = self._tables.get(name)
                if table is None:
                    if self._store is None:
                        raise RuntimeError("the index's corpus tables are read through its store: "
                                           "open the index with parley.search.open_index(store)")
                    table = self._tables[name] = getattr(self._store, name)()
        return table

    def __iter__(self) -> Iterator[str]:
        return iter(self.NAMES)

    def __len__(self) -> int:
        return len(self.NAMES)


class LazyFacts(Sequence):
    """The facts of the articles of some segments, in article order, parsed on first use: a search needs none
    of them, and on a large store parsing them is most of loading the index. Safe to share between threads."""

    def __init__(self, paths: list[Path], count: int):
        self._paths = paths
        self._count = count
        self._items: list[dict[str, Any]] | None = None
        self._lock = threading.Lock()

    def _loaded(self) -> list[dict[str, Any]]:
        if self._items is None:
            with self._lock:
                if self._items is None:
                    items: list[dict[str, Any]] = []
                    for path in self._paths:
                        items.extend(json.loads(path.read_text(encoding="utf-8")))
                    self._items = items
        return self._items

    def __getitem__(self, i):
        return self._loaded()[i]

    def __iter__(self):
        return iter(self._loaded())

    def __len__(self) -> int:
        return self._count

"""Search and ask: cited answers from the store.

    update_index(store)                     index the articles not indexed yet (the ingest path calls it)
    search(store, text, ...) -> [Hit]       hybrid BM25 + MiniLM retrieval over sentences
    ask(store, question, ...) -> Answer     question understanding over the structured records, then retrieval

Every Hit and Citation is a verbatim span of a stored article: ``article.text[start:end] == text``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from parley.errors import QueryError, StoreError
from parley.resolve.query import check_date
from parley.search import index as _index

__all__ = ["Hit", "search", "update_index", "index_current", "ask", "Answer", "AnswerPart", "semantic_available"]

@dataclass(frozen=True)
class Hit:
    article_id: str
    start: int
    end: int
    text: str
    score: float
    title: str | None = None
    outlet: str | None = None
    published: str | None = None

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def update_index(store, *, semantic: bool | None = None) -> int:
    """Add the store's not-yet-indexed articles to the index beside it. Returns how many were added."""
    try:
        added = _index.update(store, semantic=semantic)
    except OSError as exc:
        raise StoreError(f"{store.index_dir}: cannot write the search index ({exc.strerror or exc})") from exc
    manifest_path = Path(store.index_dir) / "manifest.json"
    manifest = _index.read_manifest(Path(store.index_dir))
    manifest["store_count"] = store.count()
    _index._write_json_atomic(manifest_path, manifest)
    return added


def index_current(store) -> bool:
    """True when the search index beside ``store`` covers every stored article (a run killed or out of disk
    while indexing leaves it behind; ``parley ingest`` run again brings it up to date). Answered from memory
    while neither the manifest nor the database file has changed since the last check: a request does not
    re-read the manifest and count the articles."""
    index_dir = Path(store.index_dir)
    stamp = _stamp(store)
    if stamp is not None and _fresh.get(str(store.path)) == stamp:
        return True
    if not (index_dir / "manifest.json").exists():
        return False
    try:
        manifest = _index.read_manifest(index_dir)
    except (OSError, ValueError):  # a manifest cut short: rebuild from what the segments hold
        return False
    current = manifest.get("store_count") == store.count()
    if current and stamp is not None:
        _fresh[str(store.path)] = stamp
    return current


_fresh: dict[str, tuple] = {}  # store path -> _stamp() when its index was last found current


def _stamp(store) -> tuple | None:
    """(size, mtime) of the manifest, the database file and its write-ahead log: any write changes one."""
    out = []
    for path in (Path(store.index_dir) / "manifest.json", Path(store.path), Path(str(store.path) + ".wal")):
        try:
            st = path.stat()
        except FileNotFoundError:
            out.append(None)
            continue
        except OSError:
            return None
        out.append((st.st_size, st.st_mtime_ns))
    return tuple(out)


_update_lock = threading.Lock()


def open_index(store) -> _index.Index:
    """The loaded index of ``store``, brought up to date first if articles were stored since (by one thread at
    a time: two requests never write the same segment)."""
    index_dir = Path(store.index_dir)
    if not index_current(store):
        with _update_lock:
            if not index_current(store):
                update_index(store)
    idx = _index.load(index_dir)
    if idx is None:  # pragma: no cover - update_index always writes a manifest
        raise StoreError(f"{index_dir}: no search index")
    if isinstance(idx.corpus, _index.CorpusTables):
        idx.corpus.bind(store)  # people, timeline and conflicts are read from this store when ask needs them
    return idx


def semantic_available() -> bool:
    from parley.search import embed

    return embed.available()


def check_filters(since: str | None, until: str | None, limit: int | None = None) -> None:
    check_date(since, "--since")
    check_date(until, "--until")
    if since and until and since[: len(until)] > until:
        raise QueryError(f"--since {since} is after --until {until}")
    if limit is not None and limit < 1:
        raise QueryError(f"--limit {limit}: give a number of hits of at least 1")


def search(store, text: str, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
           limit: int = 10) -> list[Hit]:
    """Sentences that best match ``text`` (BM25 and embeddings fused by reciprocal rank), best first."""
    if not text or not text.strip():
        raise QueryError("empty search: give some words to look for")
    check_filters(since, until, limit)
    idx = open_index(store)
    cands = idx.retrieve(text, k=max(50, limit), outlet=outlet, since=since, until=until)
    return [hit_of(store, idx, c, score=c.rrf) for c in cands[:limit]]


_texts: dict[tuple[str, str], str] = {}


def article_text(store, article_id: str) -> str:
    key = (str(store.path), article_id)
    text = _texts.get(key)
    if text is None:
        idx = _index.load(Path(store.index_dir))
        number = idx.by_id.get(article_id) if idx is not None else None
        if number is not None:
            text = idx.text_of(number)
            if text is not None:
                return text
        if len(_texts) > 2048:
            _texts.clear()
        text = _texts[key] = store.article(article_id).text
    return text


def hit_of(store, idx: _index.Index, cand: _index.Candidate, *, score: float) -> Hit:
    meta = idx.articles[cand.article]
    text = idx.text_of(cand.article)  # the index's copy of the text; the store's for an older index
    if text is None:
        text = article_text(store, meta["id"])
    return Hit(article_id=meta["id"], start=cand.start, end=cand.end, text=text[cand.start:cand.end],
               score=round(float(score), 6), title=meta.get("title"), outlet=meta.get("outlet"),
               published=meta.get("published"))


from parley.search.ask import Answer, AnswerPart, ask  # noqa: E402  (ask builds on the functions above)

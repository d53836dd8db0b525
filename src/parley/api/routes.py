"""The JSON API under /api: every page of the web app has its twin here."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, is_dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from parley.api.corpus import Corpus, Filters
from parley.errors import ParleyError, QueryError
from parley.report import views

__all__ = ["router", "MAX_PAGE", "MAX_QUERY", "page", "filters", "corpus_of", "search_hits", "ask_answer",
           "citation_href"]

MAX_PAGE = 200
MAX_QUERY = 500
MAX_NAME = 200

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size, at most {MAX_PAGE}.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
Name = Annotated[str | None, Query(max_length=MAX_NAME)]
DateParam = Annotated[str | None, Query(max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD.")]


def corpus_of(request: Request) -> Corpus:
    return request.app.state.corpus


def filters(actor: Name = None, place: Name = None, outlet: Name = None, since: DateParam = None,
            until: DateParam = None) -> Filters:
    """actor: a participant or person (full name or any word of it); place: a location substring;
    outlet: a substring of the outlet name; since/until: dates, inclusive."""
    return Filters(actor=actor, place=place, outlet=outlet, since=since, until=until)


CorpusDep = Annotated[Corpus, Depends(corpus_of)]
FiltersDep = Annotated[Filters, Depends(filters)]


def page(items: list[Any], limit: int, offset: int, **extra: Any) -> dict[str, Any]:
    return {"total": len(items), "limit": limit, "offset": offset, "items": items[offset:offset + limit], **extra}


def citation_href(article_id: str, start: int | None, end: int | None) -> str:
    if start is None or end is None:
        return f"/articles/{article_id}"
    return f"/articles/{article_id}?start={start}&end={end}#cite"


def _plain(obj: Any) -> Any:
    if hasattr(obj, "to_dict"):
        return obj.to_dict()
    if is_dataclass(obj):
        return asdict(obj)
    return obj


class _LockedStore:
    """The corpus's store with each of its calls made under the corpus lock: search and ask hold the lock only
    while they read the store, so concurrent requests score, embed and rank at the same time."""

    def __init__(self, corpus: Corpus):
        self._store, self._lock = corpus.store, corpus.lock

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._store, name)
        if not callable(value):
            return value

        def locked(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                result = value(*args, **kwargs)
                # a generator (store.records()) reads the store as it is consumed: consume it here
                return list(result) if isinstance(result, Iterator) else result

        return locked


def search_hits(corpus: Corpus, q: str, flt: Filters, limit: int) -> list[dict[str, Any]]:
    try:
        from parley.search import embed, search
    except ImportError as exc:
        raise HTTPException(501, "search is not available in this installation") from exc
    embed.trace_queries()  # a server embeds many queries beside its request threads: through the traced graph
    hits = search(_LockedStore(corpus), q, outlet=flt.outlet, since=flt.since, until=flt.until, limit=limit)
    out = []
    for h in hits:
        d = _plain(h)
        d["href"] = citation_href(d.get("article_id"), d.get("start"), d.get("end"))
        out.append(d)
    return out


def ask_answer(corpus: Corpus, q: str, flt: Filters) -> dict[str, Any]:
    try:
        from parley.search import ask, embed
    except ImportError as exc:
        raise HTTPException(501, "ask is not available in this installation") from exc
    embed.trace_queries()
    answer = ask(_LockedStore(corpus), q, since=flt.since, until=flt.until, outlet=flt.outlet)
    d = _plain(answer)
    if not isinstance(d, dict):
        d = {"text": str(d)}
    return number_citations(d)


def number_citations(d: dict[str, Any]) -> dict[str, Any]:
    """Give every distinct citation of an answer a number and a link; each part lists its numbers in ``refs``."""
    numbers: dict[tuple, int] = {}
    citations: list[dict[str, Any]] = []

    def number(c: dict[str, Any]) -> int:
        key = (c.get("article_id"), c.get("start"), c.get("end"))
        if key not in numbers:
            numbers[key] = len(citations) + 1
            c = dict(c, n=len(citations) + 1, href=citation_href(c.get("article_id"), c.get("start"), c.get("end")))
            citations.append(c)
        return numbers[key]

    for c in d.get("citations") or ():
        if isinstance(c, dict):
            number(c)
    for part in d.get("parts") or ():
        if isinstance(part, dict):
            part["refs"] = [number(c) for c in part.get("citations") or () if isinstance(c, dict)]
            for c in part.get("citations") or ():
                if isinstance(c, dict):
                    c["href"] = citation_href(c.get("article_id"), c.get("start"), c.get("end"))
    d["citations"] = citations
    if not d.get("text"):
        d["text"] = " ".join(p.get("text", "") for p in d.get("parts") or () if isinstance(p, dict)) or d.get("note") or ""
    return d


@router.get("/stats", summary="Counts of what the store holds")
def stats(corpus: CorpusDep) -> dict[str, Any]:
    return corpus.stats()


@router.get("/articles", summary="Articles, oldest stored first")
def articles(corpus: CorpusDep, flt: FiltersDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return page(corpus.list_articles(flt), limit, offset, filters=flt.as_dict())


@router.get("/articles/{article_id}", summary="One article's record (the JSONL export line)")
def article(corpus: CorpusDep, article_id: str,
            start: Annotated[int | None, Query(ge=0)] = None,
            end: Annotated[int | None, Query(ge=0)] = None) -> dict[str, Any]:
    if len(article_id) > 80:
        raise QueryError("article id is longer than 80 characters")
    record = corpus.record(article_id)
    d = record.to_dict()
    if start is not None or end is not None:
        cited = views.span(record.article, start, end)
        if cited is None:
            raise QueryError(f"start/end {start}..{end} do not fit article {record.article.id[:12]} "
                             f"({len(record.article.text)} characters)")
        d["cited"] = cited
    return d


@router.get("/people", summary="People across the corpus, with roles and counts")
def people(corpus: CorpusDep, name: Name = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return page(corpus.people_rows(name), limit, offset)


@router.get("/people/{name}", summary="One person: roles, quotes, articles, events")
def person(corpus: CorpusDep, name: str) -> dict[str, Any]:
    if len(name) > MAX_NAME:
        raise QueryError(f"name is longer than {MAX_NAME} characters")
    return corpus.person(name)


@router.get("/quotes", summary="Who said what, with offsets into the article")
def quotes(corpus: CorpusDep, flt: FiltersDep, speaker: Name = None, limit: Limit = 50,
           offset: Offset = 0) -> dict[str, Any]:
    rows = corpus.quotes(flt, speaker)
    for q in rows:
        q["href"] = citation_href(q["article_id"], q.get("start"), q.get("end"))
    return page(rows, limit, offset, filters=flt.as_dict())


@router.get("/events", summary="Events as each article reports them (before cross-article merging)")
def events(corpus: CorpusDep, flt: FiltersDep, type: Name = None, limit: Limit = 50,
           offset: Offset = 0) -> dict[str, Any]:
    return page(corpus.article_events(flt, type), limit, offset, filters=flt.as_dict())


@router.get("/timeline", summary="Real-world events across articles, oldest first")
def timeline(corpus: CorpusDep, flt: FiltersDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return page(corpus.timeline_rows(flt), limit, offset, filters=flt.as_dict())


@router.get("/timeline/{timeline_id}", summary="One event: each source's account, agenda, evidence, quotes")
def timeline_entry(corpus: CorpusDep, timeline_id: str) -> dict[str, Any]:
    if len(timeline_id) > MAX_NAME:
        raise QueryError(f"timeline id is longer than {MAX_NAME} characters")
    return corpus.event(timeline_id)


@router.get("/conflicts", summary="Statements where sources contradict each other")
def conflicts(corpus: CorpusDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return page(list(corpus.conflicts), limit, offset)


@router.get("/search", summary="Sentences that match a query, best first")
def search(corpus: CorpusDep, flt: FiltersDep,
           q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY)], limit: Annotated[int, Query(ge=1, le=50)] = 10
           ) -> dict[str, Any]:
    if not q.strip():
        raise QueryError("q is empty: give some words to search for")
    hits = search_hits(corpus, q, flt, limit)
    return {"query": q, "total": len(hits), "items": hits}


@router.get("/ask", summary="A question answered from the records, with citations")
def ask(corpus: CorpusDep, flt: FiltersDep,
        q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY)]) -> dict[str, Any]:
    if not q.strip():
        raise QueryError("q is empty: ask a question")
    return ask_answer(corpus, q, flt)


@router.get("/dossier", summary="The dossier (as `parley report` writes it) as JSON")
def dossier(corpus: CorpusDep, flt: FiltersDep) -> dict[str, Any]:
    return corpus.dossier(flt)

"""The web pages: server-rendered Jinja2 (autoescaped), one JSON twin under /api for each."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment
from markupsafe import Markup

from parley.api.routes import (MAX_NAME, MAX_QUERY, CorpusDep, FiltersDep, ask_answer, citation_href,
                               search_hits)
from parley.errors import ParleyError, QueryError
from parley.links import safe_url
from parley.report import render_html, views
from parley.report.html import dossier_csp, format_number, template_environment
from parley.report.svg import timeline_svg, type_colour, type_key

__all__ = ["router", "render_page"]

router = APIRouter(include_in_schema=False)
_ENV: Environment | None = None


def _env() -> Environment:
    global _ENV
    if _ENV is None:
        _ENV = template_environment("parley.api")
        _ENV.globals.update(colour=type_colour, type_key=type_key, safe_url=safe_url, cite_href=citation_href,
                            number=format_number)
        _ENV.filters["qs"] = lambda d: urlencode({k: v for k, v in d.items() if v})
    return _ENV


def render_page(template: str, request: Request | None = None, **context: Any) -> str:
    return _env().get_template(template).render(request=request, path=request.url.path if request else "",
                                            **context)


def _page(template: str, request: Request, **context: Any) -> HTMLResponse:
    return HTMLResponse(render_page(template, request, **context))


@router.get("/", response_class=HTMLResponse)
def home(request: Request, corpus: CorpusDep, flt: FiltersDep) -> HTMLResponse:
    rows = corpus.timeline_rows(flt)
    svg = timeline_svg(rows, lambda r: f"/events/{r.get('timeline_id')}")
    return _page("timeline.html", request, title="Timeline", rows=rows, svg=Markup(svg), stats=corpus.stats(),
                 flt=flt.as_dict())


@router.get("/events/{timeline_id}", response_class=HTMLResponse)
def event(request: Request, corpus: CorpusDep, timeline_id: str) -> HTMLResponse:
    if len(timeline_id) > MAX_NAME:
        raise QueryError(f"timeline id is longer than {MAX_NAME} characters")
    ev = corpus.event(timeline_id)
    disputes = [c for c in corpus.conflicts
                if {s.get("article_id") for s in c.get("sides") or ()} & {a["article"]["id"] for a in ev["accounts"]}]
    return _page("event.html", request, title=f"{ev.get('type') or 'Event'} · {ev['date_label']}", ev=ev,
                 disputes=disputes)


@router.get("/people", response_class=HTMLResponse)
def people(request: Request, corpus: CorpusDep, name: Annotated[str | None, Query(max_length=MAX_NAME)] = None
           ) -> HTMLResponse:
    return _page("people.html", request, title="People", people=corpus.people_rows(name), name=name or "")


@router.get("/people/{name}", response_class=HTMLResponse)
def person(request: Request, corpus: CorpusDep, name: str) -> HTMLResponse:
    if len(name) > MAX_NAME:
        raise QueryError(f"name is longer than {MAX_NAME} characters")
    p = corpus.person(name)
    return _page("person.html", request, title=p["name"], p=p)


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, corpus: CorpusDep, flt: FiltersDep) -> HTMLResponse:
    return _page("articles.html", request, title="Articles", articles=corpus.list_articles(flt), flt=flt.as_dict())


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, corpus: CorpusDep, article_id: str,
            start: Annotated[int | None, Query(ge=0)] = None,
            end: Annotated[int | None, Query(ge=0)] = None) -> HTMLResponse:
    if len(article_id) > 80:
        raise QueryError("article id is longer than 80 characters")
    record = corpus.record(article_id)
    text = record.article.text
    cited = None
    if start is not None or end is not None:
        cited = views.span(record.article, start, end)
        if cited is None:
            raise QueryError(f"start/end {start}..{end} do not fit this article ({len(text)} characters)")
    parts = (text[:cited["start"]], text[cited["start"]:cited["end"]], text[cited["end"]:]) if cited else (text, "", "")
    evs = [{"event": e, "evidence": [s for s in (views.span(record.article, x.start, x.end) for x in e.evidence) if s]}
           for e in record.events]
    quotes = [views.quote_view(record, i) for i in range(len(record.quotes))]
    return _page("article.html", request, title=record.article.title or record.article.id[:12], a=record.article,
                 parts=parts, cited=cited, events=evs, quotes=quotes, record=record)


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request, corpus: CorpusDep, flt: FiltersDep,
           speaker: Annotated[str | None, Query(max_length=MAX_NAME)] = None) -> HTMLResponse:
    return _page("quotes.html", request, title="Quotes", quotes=corpus.quotes(flt, speaker), speaker=speaker or "",
                 flt=flt.as_dict())


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts(request: Request, corpus: CorpusDep) -> HTMLResponse:
    return _page("conflicts.html", request, title="Where sources disagree", conflicts=corpus.conflicts)


@router.get("/ask", response_class=HTMLResponse)
def ask(request: Request, corpus: CorpusDep, flt: FiltersDep,
        q: Annotated[str, Query(max_length=MAX_QUERY)] = "") -> HTMLResponse:
    answer, error = None, None
    if q.strip():
        try:
            answer = ask_answer(corpus, q, flt)
        except (ParleyError, HTTPException) as exc:
            error = str(getattr(exc, "detail", None) or exc)
    return _page("ask.html", request, title="Ask", q=q, answer=answer, error=error)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, corpus: CorpusDep, flt: FiltersDep,
           q: Annotated[str, Query(max_length=MAX_QUERY)] = "") -> HTMLResponse:
    hits, error = [], None
    if q.strip():
        try:
            hits = search_hits(corpus, q, flt, 20)
        except (ParleyError, HTTPException) as exc:
            error = str(getattr(exc, "detail", None) or exc)
    return _page("search.html", request, title="Search", q=q, hits=hits, error=error)


@router.get("/report", response_class=HTMLResponse)
def report(corpus: CorpusDep, flt: FiltersDep) -> HTMLResponse:
    """The self-contained dossier, under its own policy: its inline stylesheet by hash, no script at all."""
    return HTMLResponse(render_html(corpus.dossier(flt)),
                        headers={"Content-Security-Policy": dossier_csp(header=True)})


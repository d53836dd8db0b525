"""`parley search` and `parley ask`: cited sentences and cited answers from the store."""

from __future__ import annotations

from contextlib import contextmanager
from collections.abc import Iterator
from typing import Any

import typer

from parley.cli import _served
from parley.cli._common import DbOption, JsonOption, console, err_console, fail, literal, open_store, print_json
from parley.errors import ParleyError, QueryError

LocalOption = typer.Option(False, "--local", help="Answer in this process even when a `parley serve` of the same "
                                                   "store is running (which otherwise answers, with its model loaded).")


def register(app: typer.Typer) -> None:
    """Add this area's commands to the app."""
    app.command("search")(search)
    app.command("ask")(ask)


@contextmanager
def _query_errors() -> Iterator[None]:
    """A question or filter the user got wrong is bad usage (exit 2); anything else is exit 1."""
    try:
        yield
    except QueryError as exc:
        fail(str(exc), code=2)
    except ParleyError as exc:
        fail(str(exc))


def _source_line(title: str | None, outlet: str | None, published: str | None, article_id: str) -> str:
    bits = [title or "(untitled)", outlet or "outlet unknown", published or "date unknown", article_id[:10]]
    return " · ".join(bits)


def search(
    text: str = typer.Argument(..., help="Words or a sentence to look for."),
    outlet: str = typer.Option(None, "--outlet", help="Only articles from outlets whose name contains this."),
    since: str = typer.Option(None, "--since", help="Only articles published on or after this date (YYYY[-MM[-DD]])."),
    until: str = typer.Option(None, "--until", help="Only articles published on or before this date."),
    limit: int = typer.Option(10, "--limit", "-n", help="How many sentences to show."),
    db: str = DbOption,
    as_json: bool = JsonOption,
    local: bool = LocalOption,
) -> None:
    """Find the sentences that best match TEXT (BM25 and sentence embeddings), each with its source."""
    from parley.search import search as run_search

    hits = None if local else _served_hits(db, as_json, q=text, outlet=outlet, since=since, until=until, limit=limit)
    if hits is None:
        with open_store(db) as store, _query_errors():
            hits = run_search(store, text, outlet=outlet, since=since, until=until, limit=limit)
    if as_json:
        print_json([h.to_dict() for h in hits])
        return
    if not hits:
        console.print("No matching sentence.")
        return
    for n, hit in enumerate(hits, 1):
        console.print(literal((f"{n}.", "bold"), " ", literal(hit.text, multiline=True)), soft_wrap=True)
        console.print(literal("   ", (f"{_source_line(hit.title, hit.outlet, hit.published, hit.article_id)}"
                                      f" · chars {hit.start}-{hit.end} · score {hit.score:.4f}", "dim")),
                      soft_wrap=True)


def ask(
    question: str = typer.Argument(..., help="A question in plain English, e.g. 'Who met whom in Sochi?'"),
    outlet: str = typer.Option(None, "--outlet", help="Only articles from outlets whose name contains this."),
    since: str = typer.Option(None, "--since", help="Only articles published on or after this date."),
    until: str = typer.Option(None, "--until", help="Only articles published on or before this date."),
    db: str = DbOption,
    as_json: bool = JsonOption,
    local: bool = LocalOption,
) -> None:
    """Answer QUESTION from the store: each part of the answer followed by the sentences that support it."""
    from parley.search import ask as run_ask

    answer = None if local else _served_answer(db, as_json, q=question, since=since, until=until, outlet=outlet)
    if answer is None:
        with open_store(db) as store, _query_errors():
            answer = run_ask(store, question, since=since, until=until, outlet=outlet)
    if as_json:
        print_json(answer.to_dict())
        return
    if not answer.answered:
        console.print(literal((answer.note or "The corpus does not say.", "bold yellow"), multiline=True),
                      soft_wrap=True)
        return
    console.print(literal((f"({answer.kind} question; {answer.basis} match; {answer.retrieval} retrieval)", "dim")))
    for part in answer.parts:
        console.print(literal(("•", "bold"), " ", literal(part.text, multiline=True)), soft_wrap=True)
        for c in part.citations:
            if c.text != part.text:
                console.print(literal("    ", literal((f"“{c.text}”", "italic"), multiline=True)), soft_wrap=True)
            console.print(literal("    ", (f"— {_source_line(c.title, c.outlet, c.published, c.article_id)}", "dim")),
                          soft_wrap=True)


def _from_server(db: str, as_json: bool, path: str, params: dict[str, Any]) -> Any | None:
    """The JSON a running `parley serve` of ``db`` answers, or None (then the command answers by itself: a
    refused filter comes back as the command's own message that way)."""
    served = _served.find(db)
    data = None if served is None else _served.get_json(served, path, params)
    if data is not None and not as_json:
        err_console.print(literal((f"(answered by parley serve at {served.url})", "dim")))
    return data


def _served_hits(db: str, as_json: bool, **params: Any) -> list | None:
    """The server's hits as the Hit records `parley search` prints."""
    from parley.search import Hit

    data = _from_server(db, as_json, "/api/search", params)
    try:
        return None if data is None else [Hit(**{f: item[f] for f in Hit.__dataclass_fields__})
                                          for item in data["items"]]
    except (KeyError, TypeError):
        return None


def _served_answer(db: str, as_json: bool, **params: Any):
    """The server's answer as the Answer record `parley ask` prints (the API's numbering and links removed)."""
    from parley.models import Citation
    from parley.search.answer import Answer, AnswerPart

    data = _from_server(db, as_json, "/api/ask", params)
    if data is None:
        return None
    fields = Citation.__dataclass_fields__
    try:
        parts = [AnswerPart(text=p["text"], citations=[Citation(**{f: c[f] for f in fields if f in c})
                                                        for c in p["citations"]])
                 for p in data["parts"]]
        return Answer(question=data["question"], kind=data["kind"], parts=parts, answered=bool(data["answered"]),
                      note=data["note"], retrieval=data["retrieval"], basis=data["basis"])
    except (KeyError, TypeError):
        return None

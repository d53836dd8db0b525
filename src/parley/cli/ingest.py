"""`parley ingest`, `parley articles`, `parley show`: getting articles in and looking at them."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from parley.cli._common import (
    DbOption,
    JsonOption,
    console,
    err_console,
    errors_as_messages,
    open_store,
    print_json,
    progress_bar,
)
from parley.store import ArticleFilter


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("articles")(articles)
    app.command("show")(show)


def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders (recursive): .txt, .html, RSS/Atom, .jsonl, .warc(.gz)."),
    db: str = DbOption,
    published: str = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for articles that state none."),
    as_json: bool = JsonOption,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Read articles, clean them, extract records and store them. Re-ingesting adds nothing."""
    from parley import pipeline

    with open_store(db, read_only=False) as store:
        with progress_bar(None, "ingest", enabled=not (quiet or as_json)) as progress:
            report = pipeline.ingest(paths, store, published=published, progress=progress)
        for line in report.errors:
            err_console.print(f"[bold red]error:[/] {line}", highlight=False, soft_wrap=True)
        if as_json:
            print_json({**report.to_dict(), "store": store.stats()})
        else:
            _print_summary(report, store)
    if report.failed:
        raise typer.Exit(1)


def _print_summary(report, store) -> None:
    stats = store.stats()
    console.print(
        f"[bold]{report.added}[/] new article(s) stored in [cyan]{store.path}[/] "
        f"({report.read} read, {report.already_stored} already stored, {report.duplicates} near-duplicate(s), "
        f"{len(report.errors)} error(s))",
        highlight=False,
    )
    for a in report.added_articles:
        meta = " · ".join(x for x in (a.outlet, a.published, a.author and f"by {a.author}") if x) or "no outlet or date stated"
        console.print(f"  [cyan]{a.id[:10]}[/] {escape(a.title or '(no headline)')}", highlight=False)
        console.print(f"             {escape(meta)} · {len(a.text.split())} words · {len(a.removed)} line(s) removed"
                      + (f" · near-duplicate of {a.duplicate_of[:10]}" if a.duplicate_of else ""),
                      style="dim", highlight=False)
    removed = list(dict.fromkeys(line for a in report.added_articles for line in a.removed))
    if removed:
        console.print(f"[bold]Cleaning removed {len(removed)} distinct line(s)[/], for example:")
        for line in removed[:10]:
            console.print(f"  - {escape(_clip(line, 72))}", highlight=False)
    console.print(
        f"Store: {stats['articles']} articles, {stats['outlets']} outlets, {stats['people']} people, "
        f"{stats['quotes']} quotes, {stats['events']} event reports in {stats['timeline']} timeline entries, "
        f"{stats['conflicts']} conflicts; published {stats['earliest'] or '?'} .. {stats['latest'] or '?'}",
        highlight=False,
    )


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def articles(
    db: str = DbOption,
    outlet: str = typer.Option(None, "--outlet", help="Only this outlet (substring, any case)."),
    since: str = typer.Option(None, "--since", help="Published on or after YYYY[-MM[-DD]]."),
    until: str = typer.Option(None, "--until", help="Published on or before YYYY[-MM[-DD]]."),
    as_json: bool = JsonOption,
) -> None:
    """List the stored articles."""
    with open_store(db) as store:
        rows = store.articles(ArticleFilter(outlet, since, until))
    if as_json:
        print_json([
            {"id": a.id, "source": a.source, "title": a.title, "outlet": a.outlet, "author": a.author,
             "published": a.published, "language": a.language, "words": len(a.text.split()),
             "duplicate_of": a.duplicate_of}
            for a in rows
        ])
        return
    table = Table(title=f"{len(rows)} article(s)")
    for col in ("id", "published", "outlet", "author", "title", "words", "duplicate of"):
        table.add_column(col, overflow="fold")
    for a in rows:
        table.add_row(a.id[:10], a.published or "-", a.outlet or "-", a.author or "-", a.title or "-",
                      str(len(a.text.split())), (a.duplicate_of or "")[:10])
    console.print(table)


def show(
    article_id: str = typer.Argument(..., help="Article id (a unique prefix is enough)."),
    db: str = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """Print one cleaned article with its metadata (and, with --json, its whole record)."""
    with open_store(db) as store, errors_as_messages():
        record = store.record(article_id)
    a = record.article
    if as_json:
        print_json(record.to_dict())
        return
    console.rule(a.title or a.id)
    for label, value in (("id", a.id), ("source", a.source), ("outlet", a.outlet), ("author", a.author),
                         ("published", a.published), ("language", a.language), ("duplicate of", a.duplicate_of)):
        if value:
            console.print(f"[bold]{label}:[/] {value}", highlight=False)
    console.print(
        f"[bold]extracted:[/] {sum(e.type == 'PERSON' for e in record.entities)} people, {len(record.quotes)} quotes, "
        f"{len(record.events)} events, {len(record.amounts)} amounts, {len(record.timexes)} dates",
        highlight=False,
    )
    console.print()
    console.print(a.text, highlight=False, markup=False)
    if a.removed:
        console.print()
        console.print("[bold]removed by cleaning:[/]")
        for line in a.removed:
            console.print(f"  - {line}", highlight=False, markup=False)

"""`parley ingest`, `parley articles`, `parley show`: getting articles in and looking at them."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeRemainingColumn
from rich.table import Table

from parley.cli._common import (
    DbOption,
    JsonOption,
    article_filter,
    console,
    err_console,
    errors_as_messages,
    literal,
    open_store,
    print_error,
    print_json,
)
from parley.cli._limits import MaxArticleCharsOption, MaxFileMbOption, PathsHelp
from parley.ingest.limits import Limits
from parley.resolve.query import check_published


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("articles")(articles)
    app.command("show")(show)


def ingest(
    paths: list[Path] = typer.Argument(..., help=PathsHelp, readable=False),  # unreadable: an error line, not exit 2
    db: str = DbOption,
    published: str = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for articles that state none."),
    as_json: bool = JsonOption,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    max_article_chars: int = MaxArticleCharsOption,
    max_file_mb: int = MaxFileMbOption,
) -> None:
    """Read articles, clean them, extract records and store them. Re-ingesting adds nothing."""
    from parley import pipeline

    with errors_as_messages():
        published = check_published(published)
    with open_store(db, read_only=False) as store:
        with _ingest_progress(enabled=not (quiet or as_json)) as progress:
            report = pipeline.ingest(paths, store, published=published, progress=progress,
                                     limits=Limits.of(max_article_chars, max_file_mb))
        for line in report.errors:
            print_error(line)
        if as_json:
            print_json({**report.to_dict(), "store": store.stats()})
        else:
            _print_summary(report, store)
    if report.failed:
        raise typer.Exit(1)


@contextmanager
def _ingest_progress(enabled: bool = True) -> Iterator[Any]:
    """A Rich bar on stderr over the call's files (with the time left), the articles stored so far and how
    many a second; yields the pipeline's progress callback(stage, advance)."""
    if not enabled:
        yield lambda stage, advance: None
        return
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("files"), TimeRemainingColumn(), TextColumn("{task.fields[rate]}")]
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("ingest", total=None, rate="")
        started, stored = time.monotonic(), 0

        def advance(stage: str, n: int) -> None:
            nonlocal stored
            if stage == "files":
                bar.update(task, total=n)
                return
            if stage == "stored":
                stored += n
            per_second = stored / max(time.monotonic() - started, 1e-9)
            bar.update(task, description=f"ingest: {stage}", advance=n if stage == "file" else 0,
                       rate=f"{stored} articles stored, {per_second:.1f}/s")

        yield advance


def _print_summary(report, store) -> None:
    stats = store.stats()
    console.print(literal(
        (str(report.added), "bold"), " new article(s) stored in ", (str(store.path), "cyan"),
        f" ({report.read} read, {report.already_stored} already stored, {report.duplicates} near-duplicate(s), "
        f"{len(report.errors)} error(s))",
    ))
    for a in report.added_articles:
        meta = " · ".join(x for x in (a.outlet, a.published, a.author and f"by {a.author}") if x) or "no outlet or date stated"
        console.print(literal("  ", (a.id[:10], "cyan"), " ", a.title or "(no headline)"))
        console.print(literal(f"             {meta} · {a.words} words · {a.removed} line(s) removed"
                              + (f" · near-duplicate of {a.duplicate_of[:10]}" if a.duplicate_of else "")),
                      style="dim")
    if report.removed_distinct:
        console.print(literal((f"Cleaning removed {report.removed_distinct} distinct line(s)", "bold"),
                              ", for example:"))
        for line in report.removed_examples[:10]:
            console.print(literal("  - ", _clip(line, 72)))
    console.print(literal(
        f"Store: {stats['articles']} articles, {stats['outlets']} outlets, {stats['people']} people, "
        f"{stats['quotes']} quotes, {stats['events']} event reports in {stats['timeline']} timeline entries, "
        f"{stats['conflicts']} conflicts; published {stats['earliest'] or '?'} .. {stats['latest'] or '?'}",
    ))


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
    flt = article_filter(outlet, since, until)
    with open_store(db) as store:
        rows = store.articles(flt)
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
        table.add_row(*(literal(cell) for cell in (
            a.id[:10], a.published or "-", a.outlet or "-", a.author or "-", a.title or "-",
            str(len(a.text.split())), (a.duplicate_of or "")[:10])))
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
    console.rule(literal(a.title or a.id))
    for label, value in (("id", a.id), ("source", a.source), ("outlet", a.outlet), ("author", a.author),
                         ("published", a.published), ("language", a.language), ("duplicate of", a.duplicate_of)):
        if value:
            console.print(literal((f"{label}:", "bold"), " ", value))
    console.print(literal(
        ("extracted:", "bold"),
        f" {sum(e.type == 'PERSON' for e in record.entities)} people, {len(record.quotes)} quotes, "
        f"{len(record.events)} events, {len(record.amounts)} amounts, {len(record.timexes)} dates",
    ))
    console.print()
    console.print(literal(a.text, multiline=True))
    if a.removed:
        console.print()
        console.print(literal(("removed by cleaning:", "bold")))
        for line in a.removed:
            console.print(literal("  - ", line))

"""`parley ingest`, `parley articles`, `parley show`: getting articles in and looking at them."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from parley.cli._common import (
    DbOption,
    JsonOption,
    article_filter,
    console,
    errors_as_messages,
    literal,
    open_store,
    print_error,
    print_json,
    progress_bar,
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
        with progress_bar(None, "ingest", enabled=not (quiet or as_json)) as progress:
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
        console.print(literal(f"             {meta} · {len(a.text.split())} words · {len(a.removed)} line(s) removed"
                              + (f" · near-duplicate of {a.duplicate_of[:10]}" if a.duplicate_of else "")),
                      style="dim")
    removed = list(dict.fromkeys(line for a in report.added_articles for line in a.removed))
    if removed:
        console.print(literal((f"Cleaning removed {len(removed)} distinct line(s)", "bold"), ", for example:"))
        for line in removed[:10]:
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

"""`parley extract`, `export`, `quotes`, `people`, `eval`: the records and how good they are."""

from __future__ import annotations

import json
import sys
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
    fail,
    open_store,
    print_json,
    progress_bar,
)
from parley.store import ArticleFilter


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
    app.command("export")(export)
    app.command("quotes")(quotes)
    app.command("people")(people)
    app.command("eval")(evaluate)


def _write_jsonl(records, out: Path | None) -> None:
    stream = open(out, "w", encoding="utf-8") if out else sys.stdout
    try:
        for record in records:
            stream.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if out:
            stream.close()


def extract(
    paths: list[Path] = typer.Argument(..., help="Files or folders to read."),
    published: str = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for articles that state none."),
    out: Path = typer.Option(None, "--out", help="Write JSONL here instead of stdout."),
) -> None:
    """Read articles and write their parley/1 JSONL records, without any database."""
    from parley import pipeline

    with errors_as_messages(), progress_bar(None, "extract", enabled=out is not None) as progress:
        corpus = pipeline.extract(paths, published=published, progress=progress)
    records, errors = corpus.records, corpus.errors
    _write_jsonl(records, out)
    for line in errors:
        err_console.print(f"[bold red]error:[/] {line}", highlight=False, soft_wrap=True)
    if out:
        err_console.print(f"{len(records)} record(s) written to {out}", highlight=False)
    if errors:
        raise typer.Exit(1)


def export(
    db: str = DbOption,
    out: Path = typer.Option(None, "--out", help="Write JSONL here instead of stdout."),
    outlet: str = typer.Option(None, "--outlet"),
    since: str = typer.Option(None, "--since"),
    until: str = typer.Option(None, "--until"),
) -> None:
    """Write the stored records as parley/1 JSONL (the same format as `extract`)."""
    with open_store(db) as store:
        _write_jsonl(store.records(ArticleFilter(outlet, since, until)), out)


def quotes(
    db: str = DbOption,
    speaker: str = typer.Option(None, "--speaker", help="Only quotes by this speaker (substring, any case)."),
    outlet: str = typer.Option(None, "--outlet"),
    since: str = typer.Option(None, "--since"),
    until: str = typer.Option(None, "--until"),
    as_json: bool = JsonOption,
) -> None:
    """Who said what across the stored corpus."""
    with open_store(db) as store:
        rows = store.quotes(speaker, ArticleFilter(outlet, since, until))
    if as_json:
        print_json(rows)
        return
    table = Table(title=f"{len(rows)} quote(s)", show_lines=True)
    for col in ("speaker", "kind", "quote", "source"):
        table.add_column(col, overflow="fold")
    for q in rows:
        text = q["text"] if len(q["text"]) < 300 else q["text"][:297] + "..."
        source = " · ".join(x for x in (q["outlet"], q["published"], q["article_id"][:10]) if x)
        table.add_row(q["speaker"] or "[dim]unknown[/]", q["kind"], text, source)
    console.print(table)


def people(db: str = DbOption, as_json: bool = JsonOption) -> None:
    """Who appears in the corpus, with the roles the articles give them."""
    with open_store(db) as store:
        rows = store.people()
    if as_json:
        print_json(rows)
        return
    table = Table(title=f"{len(rows)} people")
    for col in ("name", "roles", "also called", "articles", "quotes"):
        table.add_column(col, overflow="fold")
    for p in rows:
        table.add_row(
            p.get("name", "?"),
            "; ".join(p.get("roles") or []),
            "; ".join((p.get("aliases") or [])[:6]),
            str(len(p.get("articles") or [])),
            str(p.get("quote_count", "")),
        )
    console.print(table)


def evaluate(
    gold: Path = typer.Option(..., "--gold", help="Gold annotation file (parley-gold/1)."),
    corpus: Path = typer.Option(None, "--corpus", help="Folder with the annotated files (default: found beside the gold file)."),
    as_json: bool = JsonOption,
) -> None:
    """Score extraction against a gold file: precision, recall and F1 per category."""
    from parley import evaluate as ev

    with errors_as_messages():
        report = ev.evaluate_gold(gold, corpus)
    if as_json:
        print_json(report.to_dict())
        return
    table = Table(title=f"parley eval: {report.documents} document(s) from {gold}")
    for col in ("category", "gold", "predicted", "matched", "precision", "recall", "F1"):
        table.add_column(col, justify="right" if col != "category" else "left")
    fmt = lambda x: "-" if x is None else f"{x:.2f}"  # noqa: E731
    for name, s in report.scores.items():
        table.add_row(name, str(s.gold), "-" if s.predicted is None else str(s.predicted), str(s.matched),
                      fmt(s.precision), fmt(s.recall), fmt(s.f1))
    console.print(table)
    for line in report.misses[:40]:
        console.print(f"  [dim]miss:[/] {escape(line)}", highlight=False)
    if not report.scores:
        fail("the gold file annotates no document that could be read")

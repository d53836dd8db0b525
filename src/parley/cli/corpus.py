"""`parley extract`, `export`, `quotes`, `people`, `eval`: the records and how good they are."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer
from rich.table import Table
from rich.text import Text

from parley.cli._common import (
    DbOption,
    JsonOption,
    article_filter,
    console,
    err_console,
    errors_as_messages,
    fail,
    json_text,
    literal,
    open_store,
    print_error,
    print_json,
    progress_bar,
)
from parley.cli._limits import MaxArticleCharsOption, MaxFileMbOption, PathsHelp
from parley.ingest.limits import Limits
from parley.resolve.query import check_published


class Engine(str, Enum):
    """Where `parley extract` runs spaCy and the extraction steps."""

    local = "local"
    spark = "spark"


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
    app.command("export")(export)
    app.command("quotes")(quotes)
    app.command("people")(people)
    app.command("eval")(evaluate)


def _write_jsonl(records, out: Path | None) -> None:
    """One JSON line per record, to ``out`` or stdout; a file that cannot be written is one error line."""
    try:
        stream = open(out, "w", encoding="utf-8") if out else sys.stdout
        try:
            for record in records:
                stream.write(json_text(record.to_dict()) + "\n")
        finally:
            if out:
                stream.close()
    except BrokenPipeError:
        raise  # `parley export | head`: main() ends quietly
    except OSError as exc:
        fail(f"{out or 'stdout'}: cannot write ({exc.strerror or exc})")


def extract(
    paths: list[Path] = typer.Argument(..., help=PathsHelp, readable=False),  # unreadable: an error line, not exit 2
    published: str = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for articles that state none."),
    out: Path = typer.Option(None, "--out", help="Write JSONL here instead of stdout."),
    max_article_chars: int = MaxArticleCharsOption,
    max_file_mb: int = MaxFileMbOption,
    engine: Engine = typer.Option(Engine.local, "--engine", help="local: this process. spark: spaCy and "
                                  "extraction on PySpark workers, the same records (needs parley's spark "
                                  "extra, pyspark 4.3.0, and Java 17)."),
    workers: int = typer.Option(2, "--workers", min=1, help="Spark workers in local mode (--engine spark)."),
    master: str = typer.Option(None, "--master", help="Spark master URL instead of local[WORKERS] "
                               "(spark://HOST:7077, yarn, k8s://...; --engine spark)."),
) -> None:
    """Read articles and write their parley/1 JSONL records, without any database."""
    with errors_as_messages():
        published = check_published(published)
    limits = Limits.of(max_article_chars, max_file_mb)
    with errors_as_messages(), progress_bar(None, "extract", enabled=out is not None) as progress:
        if engine is Engine.spark:
            from parley import pipeline_spark

            corpus = pipeline_spark.extract(paths, published=published, progress=progress, limits=limits,
                                            workers=workers, master=master)
        else:
            from parley import pipeline

            corpus = pipeline.extract(paths, published=published, progress=progress, limits=limits)
    records, errors = corpus.records, corpus.errors
    _write_jsonl(records, out)
    for line in errors:
        print_error(line)
    if out:
        err_console.print(literal(f"{len(records)} record(s) written to {out}"))
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
    flt = article_filter(outlet, since, until)
    with open_store(db) as store:
        _write_jsonl(store.records(flt), out)


def quotes(
    db: str = DbOption,
    speaker: str = typer.Option(None, "--speaker", help="Only quotes by this speaker (substring, any case)."),
    outlet: str = typer.Option(None, "--outlet"),
    since: str = typer.Option(None, "--since"),
    until: str = typer.Option(None, "--until"),
    as_json: bool = JsonOption,
) -> None:
    """Who said what across the stored corpus."""
    flt = article_filter(outlet, since, until)
    with open_store(db) as store:
        rows = store.quotes(speaker, flt)
    if as_json:
        print_json(rows)
        return
    table = Table(title=f"{len(rows)} quote(s)", show_lines=True)
    for col in ("speaker", "kind", "quote", "source"):
        table.add_column(col, overflow="fold")
    for q in rows:
        text = q["text"] if len(q["text"]) < 300 else q["text"][:297] + "..."
        source = " · ".join(x for x in (q["outlet"], q["published"], q["article_id"][:10]) if x)
        speaker = literal(q["speaker"]) if q["speaker"] else Text("unknown", style="dim")
        table.add_row(speaker, literal(q["kind"]), literal(text), literal(source))
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
        table.add_row(*(literal(cell) for cell in (
            p.get("name", "?"),
            "; ".join(p.get("roles") or []),
            "; ".join((p.get("aliases") or [])[:6]),
            str(len(p.get("articles") or [])),
            str(p.get("quote_count", "")),
        )))
    console.print(table)


def evaluate(
    gold: list[Path] = typer.Option(None, "--gold", help="Gold annotation file (parley-gold/1); repeat it to score "
                                    "several files, each and together."),
    corpus: Path = typer.Option(None, "--corpus", help="Folder with the annotated files (default: found beside each gold file)."),
    timeml: list[Path] = typer.Option(None, "--timeml", help="Folder of TimeML (.tml) files: score the dates "
                                      "(TIMEX3) instead; repeat it for several folders."),
    as_json: bool = JsonOption,
) -> None:
    """Score extraction against gold files: precision, recall and F1 per category, per file and together."""
    from parley import evaluate as ev

    if timeml:
        _evaluate_timeml(timeml, as_json)
        return
    if not gold:
        fail("give --gold FILE (or --timeml FOLDER)")
    with errors_as_messages():
        reports = ev.evaluate_golds(gold, corpus)
    together = ev.combine(reports) if len(reports) > 1 else None
    if as_json:
        print_json({**together.to_dict(), "sets": [r.to_dict() for r in reports]} if together else reports[0].to_dict())
        return
    for report in reports:
        _print_eval(report, f"parley eval: {report.documents} document(s) from {report.gold}")
        for line in report.misses[:40]:
            console.print(literal("  ", ("miss:", "dim"), " ", line))
    if together:
        _print_eval(together, f"parley eval: {together.documents} document(s) from {len(reports)} gold files together")
    if not any(r.scores for r in reports):
        fail("the gold file annotates no document that could be read")


def _evaluate_timeml(folders: list[Path], as_json: bool) -> None:
    from parley.evaluate_timeml import evaluate_folder

    missing = [f for f in folders if not f.is_dir() or not any(f.glob("*.tml"))]
    if missing:
        fail(f"no .tml files in {', '.join(map(str, missing))}")
    with errors_as_messages():
        reports = [(f, evaluate_folder(f)) for f in folders]
    if as_json:
        print_json({str(f): dict(r.rows()) for f, r in reports})
        return
    table = Table(title=literal(f"parley eval --timeml: {sum(r.documents for _, r in reports)} document(s)"))
    table.add_column("figure")
    for f, _ in reports:
        table.add_column(literal(f.name), justify="right")
    for i, (name, _) in enumerate(reports[0][1].rows()):
        cells = ["-" if r.rows()[i][1] is None else f"{r.rows()[i][1]:.3f}" for _, r in reports]
        table.add_row(literal(name), *cells)
    console.print(table)


def _print_eval(report, title: str) -> None:
    table = Table(title=literal(title))
    for col in ("category", "gold", "predicted", "matched", "precision", "recall", "F1"):
        table.add_column(col, justify="right" if col != "category" else "left")
    fmt = lambda x: "-" if x is None else f"{x:.2f}"  # noqa: E731
    for name, s in report.scores.items():
        table.add_row(literal(name), str(s.gold), "-" if s.predicted is None else str(s.predicted), str(s.matched),
                      fmt(s.precision), fmt(s.recall), fmt(s.f1))
    console.print(table)

"""Shared bits of the CLI: options, the store opener, error and JSON output, Rich progress."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from parley.errors import ParleyError
from parley.store import DEFAULT_DB, Store

console = Console()
err_console = Console(stderr=True)

DbOption = typer.Option(DEFAULT_DB, "--db", help="DuckDB store file.", envvar="PARLEY_DB")
JsonOption = typer.Option(False, "--json", help="Write machine-readable JSON to stdout.")


def fail(message: str, code: int = 1) -> None:
    """One clear line on stderr, then exit."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@contextmanager
def errors_as_messages() -> Iterator[None]:
    try:
        yield
    except ParleyError as exc:
        fail(str(exc))


@contextmanager
def open_store(db: str, *, read_only: bool = True) -> Iterator[Store]:
    with errors_as_messages():
        store = Store(db, read_only=read_only)
    try:
        with errors_as_messages():
            yield store
    finally:
        store.close()


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@contextmanager
def progress_bar(total: int | None, label: str, enabled: bool = True) -> Iterator[Any]:
    """A Rich progress bar on stderr; yields a callback(stage, advance)."""
    if not enabled:
        yield lambda stage, advance: None
        return
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task(label, total=total)

        def advance(stage: str, n: int) -> None:
            bar.update(task, description=f"{label}: {stage}", advance=n if stage == "analyse" else 0)

        yield advance

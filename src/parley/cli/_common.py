"""Shared bits of the CLI: options, the store opener, literal terminal text, error and JSON output, Rich progress.

Text that comes from articles (titles, outlets, names, quotes...) or from the user's file names is hostile: it
is printed through ``literal``, never as Rich markup, and with its control characters made visible, so that a
title like ``[/bold]`` cannot crash a command and an ESC sequence cannot rewrite the terminal.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Union

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from parley.errors import ParleyError, QueryError
from parley.resolve.query import check_date
from parley.store import DEFAULT_DB, ArticleFilter, Store

console = Console()
err_console = Console(stderr=True)

DbOption = typer.Option(DEFAULT_DB, "--db", help="DuckDB store file.", envvar="PARLEY_DB")
JsonOption = typer.Option(False, "--json", help="Write machine-readable JSON to stdout.")

# C0 controls, DEL, C1 controls, line/paragraph separators, and the bidi marks, embeddings, overrides and
# isolates that make a line display in another order than it reads (U+202E turns "exe.txt" around).
_INVISIBLE = "\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}]")
_CONTROL_KEEP_LAYOUT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_INVISIBLE}]")  # keeps \t and \n
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_INVISIBLE}]")  # json.dumps escapes C0 already

Part = Union[str, tuple[str, str], Text, None]


def visible(text: object, *, multiline: bool = False) -> str:
    """``text`` with every control character written out as an escape (ESC -> ``\\x1b``, U+202E -> ``\\u202e``).
    ``multiline`` keeps newlines and tabs (an article's body); one-line fields show them too."""
    pattern = _CONTROL_KEEP_LAYOUT if multiline else _CONTROL
    return pattern.sub(_escape, str(text))


def _escape(m: re.Match[str]) -> str:
    code = ord(m[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def literal(*parts: Part, multiline: bool = False) -> Text:
    """Terminal text printed as it is: no markup, no emoji codes, control characters visible.

    Each part is a string, a (string, style) pair, an already literal Text, or None (left out)."""
    out = Text()
    for part in parts:
        if part is None:
            continue
        if isinstance(part, Text):
            out.append_text(part)
        elif isinstance(part, tuple):
            out.append(visible(part[0], multiline=multiline), style=part[1])
        else:
            out.append(visible(part, multiline=multiline))
    return out


def print_error(message: str) -> None:
    """One error line on stderr; the message (it may hold file names and titles) is printed literally."""
    err_console.print(literal(("error:", "bold red"), " ", message), highlight=False, soft_wrap=True)


def fail(message: str, code: int = 1) -> None:
    """One clear line on stderr, then exit."""
    print_error(message)
    raise typer.Exit(code)


@contextmanager
def errors_as_messages() -> Iterator[None]:
    """parley's errors as one line: a date or filter the user got wrong exits 2 (usage), anything else 1."""
    try:
        yield
    except QueryError as exc:
        fail(str(exc), 2)
    except ParleyError as exc:
        fail(str(exc))


def article_filter(outlet: str | None, since: str | None, until: str | None) -> ArticleFilter:
    """The --outlet/--since/--until of a listing, dates checked as every other command checks them."""
    with errors_as_messages():
        return ArticleFilter(outlet, check_date(since, "--since"), check_date(until, "--until"))


@contextmanager
def open_store(db: str, *, read_only: bool = True) -> Iterator[Store]:
    with errors_as_messages():
        store = Store(db, read_only=read_only)
    try:
        with errors_as_messages():
            yield store
    finally:
        store.close()


def json_text(data: Any, indent: int | None = None) -> str:
    """Exact JSON, with DEL, C1 and bidi controls escaped too (json.dumps leaves them raw with
    ensure_ascii=False), so that JSON read in a terminal cannot drive it. The parsed value is unchanged."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def print_json(data: Any) -> None:
    sys.stdout.write(json_text(data, indent=2) + "\n")


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

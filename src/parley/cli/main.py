"""The `parley` command: a thin layer over the library. Each area registers its commands."""

from __future__ import annotations

import sys

import typer

from parley.cli import corpus, events, ingest, search, web

app = typer.Typer(
    name="parley",
    help="Cited, structured intelligence from news coverage of diplomacy.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (ingest, corpus, events, search, web):
    module.register(app)


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # `parley export | head`
        sys.stderr.close()
        sys.exit(0)


if __name__ == "__main__":
    main()

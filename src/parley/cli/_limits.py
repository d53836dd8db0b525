"""The `--max-article-chars` and `--max-file-mb` options of `parley ingest` and `parley extract`."""

from __future__ import annotations

import typer

from parley.ingest.limits import DEFAULT_ARTICLE_CHARS, DEFAULT_FILE_MB, SPACY_MAX_CHARS

__all__ = ["MaxArticleCharsOption", "MaxFileMbOption", "PathsHelp"]

MaxArticleCharsOption = typer.Option(
    DEFAULT_ARTICLE_CHARS, "--max-article-chars", envvar="PARLEY_MAX_ARTICLE_CHARS", min=1, max=SPACY_MAX_CHARS,
    help="Longest article accepted, in characters; a longer one is an error line and the batch goes on.",
)
MaxFileMbOption = typer.Option(
    DEFAULT_FILE_MB, "--max-file-mb", envvar="PARLEY_MAX_FILE_MB", min=1,
    help="Largest file, decompressed .gz, WARC record or JSONL line accepted, in MiB.",
)
PathsHelp = "Files or folders (recursive): .txt, .html, RSS/Atom, .jsonl, .warc(.gz)."

"""Readers that turn files, feeds, JSONL and WARC archives into cleaned Articles.

Public functions:
    read_paths(paths, limits)        -> iterator of Article or InputError (one bad file never stops the batch)
    read_file(path, context, limits) -> list[Article], raises InputError
    iter_file(path, context, limits) -> iterator of Article or InputError for one file
    Limits                   -> the largest article, headline and file (or decompressed file) accepted
    clean_text(raw, source, context) -> CleanedText (text, removed lines, metadata found in the chrome)
    article_id(text)         -> stable 16-hex id of a cleaned text
    dedup.DuplicateIndex, dedup.mark_duplicates -> near-duplicate detection (MinHash LSH)
"""

from parley.ingest.clean import CleanedText, CleaningContext, clean_text
from parley.ingest.dates import normalise_published
from parley.ingest.files import article_id, iter_file, read_file, read_paths
from parley.ingest.limits import Limits


def __getattr__(name: str):
    """dedup (datasketch, and through it scipy: 1.7 s) is imported when first used, not by every command that
    imports this package for its limits (`parley search` answers in less time than that import takes)."""
    if name in ("dedup", "DuplicateIndex", "mark_duplicates"):
        import importlib

        module = importlib.import_module("parley.ingest.dedup")
        return module if name == "dedup" else getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "read_paths",
    "Limits",
    "read_file",
    "iter_file",
    "clean_text",
    "CleanedText",
    "CleaningContext",
    "article_id",
    "normalise_published",
    "DuplicateIndex",
    "mark_duplicates",
    "dedup",
]

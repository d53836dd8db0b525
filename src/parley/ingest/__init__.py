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

import importlib

# Every name is imported when first used (PEP 562), not by every command that imports this package for its
# limits: the readers pull in dateparser, lxml and trafilatura (about 0.5 s), and dedup datasketch and through
# it scipy (1.7 s), which `parley search` and `parley ask` never need.
_WHERE = {
    "CleanedText": "clean", "CleaningContext": "clean", "clean_text": "clean",
    "normalise_published": "dates",
    "article_id": "files", "iter_file": "files", "read_file": "files", "read_paths": "files",
    "Limits": "limits",
    "DuplicateIndex": "dedup", "mark_duplicates": "dedup",
}


def __getattr__(name: str):
    if name == "dedup":
        return importlib.import_module("parley.ingest.dedup")
    if name in _WHERE:
        return getattr(importlib.import_module(f"parley.ingest.{_WHERE[name]}"), name)
    try:  # a submodule (parley.ingest.files) reached as an attribute of the package
        return importlib.import_module(f"parley.ingest.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"parley.ingest.{name}":
            raise
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

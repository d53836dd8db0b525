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

from parley.ingest import dedup
from parley.ingest.clean import CleanedText, CleaningContext, clean_text
from parley.ingest.dates import normalise_published
from parley.ingest.dedup import DuplicateIndex, mark_duplicates
from parley.ingest.files import article_id, iter_file, read_file, read_paths
from parley.ingest.limits import Limits

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

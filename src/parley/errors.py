"""One exception tree for parley. Every message names what went wrong and, where it can,
what to do next; the CLI prints ``str(error)`` as a single line.

    ParleyError
    ├── InputError          a file or folder could not be read as an article
    │   ├── MissingPathError     the path does not exist (or is a broken or looping symbolic link)
    │   ├── UnreadablePathError  the file or folder may not be read (permission denied)
    │   ├── OversizeInputError   over a size limit (article characters, file or decompressed bytes)
    │   ├── EmptyInputError      the file (or folder) holds no article text
    │   ├── BinaryInputError     the file is not text of any kind we read
    │   ├── DecodeError          the bytes are not valid in any encoding tried
    │   └── CorruptInputError    truncated gzip / WARC, malformed HTML, feed or JSON
    ├── StoreError          the DuckDB store cannot be opened or written
    ├── GoldError           a gold annotation file is malformed
    ├── QueryError          a question, filter or date the user gave is not usable
    └── NotFoundError       an id asked for is not in the store
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "ParleyError",
    "InputError",
    "MissingPathError",
    "UnreadablePathError",
    "OversizeInputError",
    "EmptyInputError",
    "BinaryInputError",
    "DecodeError",
    "CorruptInputError",
    "StoreError",
    "GoldError",
    "QueryError",
    "NotFoundError",
]


class ParleyError(Exception):
    """Base of every error parley raises on purpose."""


class InputError(ParleyError):
    """A file could not be turned into articles. ``path`` names it."""

    def __init__(self, path: str | Path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class MissingPathError(InputError):
    def __init__(self, path: str | Path, problem: str = "no such file or directory"):
        super().__init__(path, problem)


class UnreadablePathError(InputError):
    def __init__(self, path: str | Path, problem: str = "permission denied"):
        super().__init__(path, problem)


class OversizeInputError(InputError):
    pass


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class DecodeError(InputError):
    pass


class CorruptInputError(InputError):
    pass


class StoreError(ParleyError):
    pass


class GoldError(ParleyError):
    pass


class QueryError(ParleyError):
    pass


class NotFoundError(ParleyError):
    pass

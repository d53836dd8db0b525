"""Reading bytes with a bound: whole files, gzip members and lines never grow past ``Limits``, and OS
errors become one InputError that says what is wrong with the path."""

from __future__ import annotations

import errno
import gzip
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

from parley.errors import CorruptInputError, InputError, MissingPathError, OversizeInputError, UnreadablePathError
from parley.ingest.limits import Limits

__all__ = ["CHUNK", "GZIP_ERRORS", "Stream", "path_error", "os_error", "read_bounded", "read_plain", "read_gzip",
           "gzip_head", "open_stream", "bounded_lines"]

CHUNK = 1 << 20
GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


class Stream(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...

    def readline(self, size: int = -1, /) -> bytes: ...


def path_error(path: Path) -> InputError:
    """The error for a path that does not exist: missing, a dangling symbolic link, or a link loop."""
    if not path.is_symlink():
        return MissingPathError(path)
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return MissingPathError(path, "symbolic link loop")
    return MissingPathError(path, f"broken symbolic link (points to {os.readlink(path)}, which does not exist)")


def os_error(path: Path, exc: OSError) -> InputError:
    """One InputError for an OSError met while reading ``path``."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return UnreadablePathError(path)
    if exc.errno in (errno.ENOENT, errno.ELOOP):
        return path_error(path)
    return InputError(path, f"cannot read file ({exc.strerror or exc})")


def read_bounded(fh: Stream, limits: Limits, path: str | Path, what: str = "file") -> bytes:
    """All bytes of a stream, read in chunks; OversizeInputError as soon as they pass the limit."""
    parts: list[bytes] = []
    total = 0
    while chunk := fh.read(min(CHUNK, limits.max_file_bytes + 1 - total)):
        parts.append(chunk)
        total += len(chunk)
        if total > limits.max_file_bytes:
            raise OversizeInputError(path, limits.past_limit(what))
    return b"".join(parts)


def read_plain(path: Path, limits: Limits) -> bytes:
    """A plain file's bytes; one too large is refused from its size before anything is read."""
    problem = limits.bytes_problem(path.stat().st_size)
    if problem:
        raise OversizeInputError(path, problem)
    with open(path, "rb") as fh:
        return read_bounded(fh, limits, path)  # a file that grew (or /proc-like) is bounded too


def read_gzip(path: Path, limits: Limits) -> bytes:
    """The decompressed bytes of a .gz file, inflated chunk by chunk and stopped past the limit."""
    with open_stream(path, gzipped=True) as fh:
        return read_bounded(fh, limits, path, "decompressed data")


def gzip_head(path: Path, size: int = 65536) -> bytes:
    """The first decompressed bytes of a .gz file (for sniffing what it holds)."""
    with open_stream(path, gzipped=True) as fh:
        return fh.read(size)


def open_stream(path: Path, gzipped: bool) -> "BinaryIO | _GzipStream":
    """A binary stream of the file's content; gzip errors while reading become CorruptInputError."""
    return _GzipStream(path) if gzipped else open(path, "rb")


class _GzipStream:
    """gzip.open with its assorted errors turned into one CorruptInputError naming the file."""

    def __init__(self, path: Path):
        self._path = path
        self._fh = gzip.open(path, "rb")

    def read(self, size: int = -1) -> bytes:
        return self._guarded(self._fh.read, size)

    def readline(self, size: int = -1) -> bytes:
        return self._guarded(self._fh.readline, size)

    def _guarded(self, method, size: int) -> bytes:
        try:
            return method(size)
        except GZIP_ERRORS as exc:
            raise CorruptInputError(self._path, f"truncated or corrupt gzip file ({' '.join(str(exc).split())})") from None

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> "_GzipStream":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def bounded_lines(fh: Stream, limits: Limits) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line of a stream, each line read with a bound: a line longer than the
    limit comes as (number, None) and is skipped to its end without being held."""
    lineno = 0
    while True:
        line = fh.readline(limits.max_file_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > limits.max_file_bytes and not line.endswith(b"\n"):
            _skip_line(fh)
            yield lineno, None
        else:
            yield lineno, line


def _skip_line(fh: Stream) -> None:
    while True:
        rest = fh.readline(CHUNK)
        if not rest or rest.endswith(b"\n"):
            return

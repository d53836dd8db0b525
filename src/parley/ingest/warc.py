"""WARC archives (plain or gzipped): HTML responses and resources become Articles via the HTML reader."""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Iterator

from parley.errors import CorruptInputError, InputError, OversizeInputError
from parley.ingest.limits import Limits
from parley.ingest.streams import CHUNK, open_stream

__all__ = ["read_warc"]

_HTML_RECORDS = {"response", "resource", "conversion"}


def read_warc(path: Path, limits: Limits = Limits()) -> Iterator[tuple[str, bytes] | InputError]:
    """Yield (target URI, HTML bytes) per HTML record, an OversizeInputError for a record whose
    payload passes the byte limit (read no further; the archive goes on), then a CorruptInputError
    if the archive is truncated (after everything readable came through)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = 0
    truncated = False
    with open(path, "rb") as fh:
        try:
            for record in ArchiveIterator(fh):
                records += 1
                if record.rec_type not in _HTML_RECORDS:
                    continue
                ctype = ""
                if record.http_headers is not None:
                    ctype = record.http_headers.get_header("Content-Type") or ""
                ctype = ctype or record.rec_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower():
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or f"{path}#record-{records}"
                payload = record.content_stream().read(limits.max_file_bytes + 1)
                if len(payload) > limits.max_file_bytes:  # the iterator skips the rest in chunks
                    yield OversizeInputError(f"{path}#record-{records} ({uri})",
                                             limits.past_limit("record payload"))
                    continue
                if getattr(record.raw_stream, "limit", 0):  # record shorter than its Content-Length
                    truncated = True
                    break
                yield uri, payload
        except ArchiveLoadFailed as exc:
            if records == 0:
                raise CorruptInputError(path, f"not a readable WARC archive ({_one_line(exc)})") from None
            truncated = True
        except (EOFError, zlib.error, OSError) as exc:
            truncated = True
    if not truncated and _gzip_truncated(path):
        truncated = True
    if truncated:
        yield CorruptInputError(path, f"truncated WARC archive: stopped after {records} readable record(s)")
    elif records == 0:
        raise CorruptInputError(path, "not a readable WARC archive (no records)")


def _gzip_truncated(path: Path) -> bool:
    """warcio stops quietly at a cut gzip member; reading the whole stream (a chunk at a time,
    nothing kept) tells."""
    with open(path, "rb") as fh:
        if fh.read(2) != b"\x1f\x8b":
            return False
    try:
        with open_stream(path, gzipped=True) as gz:
            while gz.read(CHUNK):
                pass
    except CorruptInputError:
        return True
    return False


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]

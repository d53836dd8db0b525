"""Bytes to text: encoding detection, binary sniffing and whitespace normalisation."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from parley.errors import BinaryInputError, DecodeError, EmptyInputError

__all__ = ["decode", "lone_surrogate", "normalise_line", "normalise_whitespace", "paragraphs"]

_ALLOWED_CONTROL = {9, 10, 12, 13}  # tab, newline, form feed, carriage return
_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x0b|\x0c|\x85")
_BLANKS = re.compile(r"\n{3,}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_DETECT_SAMPLE = 256 * 1024  # bytes the encoding detector looks at
_LATIN_END = 0x024F  # last letter of Latin Extended-B


def decode(data: bytes, path: str | Path) -> str:
    """Decode a file's bytes as text. UTF-8 (BOM or not), UTF-16 with BOM, then the code page
    charset-normalizer detects when it reads as another script than Latin (Windows-1251 Cyrillic,
    say), then cp1252 / Latin-1, each only where the result is plainly text.
    Raises EmptyInputError, BinaryInputError or DecodeError."""
    if not data.strip():
        raise EmptyInputError(path, "empty file (no text)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(path, f"not valid UTF-16 text ({exc.reason} at byte {exc.start})") from None
        return _non_empty(text, path)
    if _looks_binary(data):
        raise BinaryInputError(path, "binary file, not text (NUL or control bytes)")
    try:
        return _non_empty(data.decode("utf-8-sig"), path)
    except UnicodeDecodeError as exc:
        utf8_error = f"{exc.reason} at byte {exc.start}"
    text = _other_script(data)
    if text is not None:
        return _non_empty(text, path)
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plainly_text(text):
            return _non_empty(text, path)
    raise DecodeError(path, f"undecodable bytes: not UTF-8 ({utf8_error}), cp1252 or Latin-1 text")


def _other_script(data: bytes) -> str | None:
    """The text in the detected encoding when it is plainly text mostly in a non-Latin script; a
    cp1252 reading of such bytes would be accented-letter gibberish. None otherwise."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_DETECT_SAMPLE]).best()
    if best is None or best.encoding in ("ascii", "utf_8", "cp1252", "latin_1"):
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    letters = [c for c in text[:_DETECT_SAMPLE] if c.isalpha()]
    other = sum(1 for c in letters if ord(c) > _LATIN_END)
    if not letters or other / len(letters) < 0.5 or not _plainly_text(text):
        return None
    return text


def lone_surrogate(value: str) -> re.Match[str] | None:
    """Where ``value`` holds a lone surrogate (JSON's ``"\\ud800"``): not valid Unicode, not storable as UTF-8."""
    return _SURROGATE.search(value)


def _non_empty(text: str, path: str | Path) -> str:
    if not normalise_whitespace(text).strip():
        raise EmptyInputError(path, "empty file (only whitespace)")
    return text


def _looks_binary(data: bytes) -> bool:
    head = data[:65536]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in _ALLOWED_CONTROL or b == 127)
    return control / len(head) > 0.02


def _plainly_text(text: str) -> bool:
    """A single-byte decoding is trusted only when it has no C1 controls and is mostly letters/spaces."""
    if any(0x80 <= ord(c) <= 0x9F for c in text):
        return False
    good = sum(1 for c in text if c.isalnum() or c.isspace() or c in ".,;:!?'\"()-")
    return good / max(1, len(text)) > 0.9


def normalise_line(line: str) -> str:
    """One line with odd whitespace (NBSP, thin spaces, tabs) replaced 1:1 by plain spaces, format
    characters (zero-width space, soft hyphen, BOM) dropped, and both ends stripped."""
    out = []
    for c in line:
        if c == " " or c.isalnum():
            out.append(c)
        elif c == "\t" or unicodedata.category(c) == "Zs":
            out.append(" ")
        elif unicodedata.category(c) == "Cf" or c == "\u00ad":
            continue
        else:
            out.append(c)
    return "".join(out).strip()


def normalise_whitespace(text: str) -> str:
    """Whole text: unified line breaks, each line normalised, at most one blank line between paragraphs."""
    lines = [normalise_line(x) for x in _LINE_BREAKS.sub("\n", text).split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def split_lines(text: str) -> list[str]:
    """Raw lines of a text, every kind of line break honoured."""
    return _LINE_BREAKS.sub("\n", text).split("\n")


def paragraphs(text: str) -> str:
    """Text whose lines are paragraphs (as extractors return it) -> paragraphs separated by a blank line."""
    return "\n\n".join(p for p in (normalise_line(x) for x in split_lines(text)) if p)

"""Finding quoted passages by their marks, paragraph by paragraph, without ever failing on odd marks.

Rules: straight and curly double quotes; single quotes only inside a double-quoted passage (nested speech); a
paragraph that opens a quote and never closes it ends the quote at the paragraph end (a following paragraph that
starts with a quote mark is a continuation of the same speech); a closing mark with no opener in its paragraph
closes a quote that began at the paragraph start (continued from the paragraph before). Wire and archive text
writes double quotes in ASCII as two marks, ``like this'' or ''like this'' (AP and New York Times articles in the
TimeML corpora, New York Times archive text in PolNeAR); ``ascii_marks`` reads each such pair as one double
quote, keeping every offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Marked", "paragraphs", "find_marked", "inside", "ascii_marks"]

# two ASCII marks written for one double quote: `` opens, '' opens before a word and closes after one
_ASCII_PAIR = re.compile(r"``|''")
_PARA = re.compile(r"\n[ \t\u00a0]*\n\s*")
_OPEN = "“„«"
_CLOSE = "”»"
_SINGLE_OPEN = "'‘"
_SINGLE_CLOSE = "'’"


@dataclass(frozen=True)
class Marked:
    start: int  # first quoted character (marks and surrounding spaces stripped)
    end: int
    open_mark: int | None  # index of the opening mark, None when continued from the paragraph before
    close_mark: int | None  # index of the closing mark, None when it runs to the paragraph end
    para: tuple[int, int]
    nested_in: int | None = None  # index (in the result list) of the enclosing quote for nested single quotes


def ascii_marks(text: str) -> str:
    """The text with each two-mark ASCII double quote (``, '') written as one straight double quote and a space,
    the space on the side away from the quoted words, so every offset stays where it was: "''Yes,'' she said"
    reads as ' "Yes," ' + ' she said'. Text without such pairs comes back as it is."""
    if "''" not in text and "``" not in text:
        return text

    def one(m: re.Match) -> str:
        nxt = text[m.end():m.end() + 1]
        opens = m.group() == "``" or (nxt != "" and not nxt.isspace() and nxt not in ".,;:!?)]-–—'")
        return ' "' if opens else '" '

    return _ASCII_PAIR.sub(one, text)


def paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _PARA.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _is_opener_shape(text: str, i: int, lo: int, hi: int) -> bool:
    """A straight double quote opens unless what follows is the end, a space or closing punctuation."""
    nxt = text[i + 1] if i + 1 < hi else ""
    return bool(nxt) and not nxt.isspace() and nxt not in ".,;:!?)]-–—"


def find_marked(text: str) -> list[Marked]:
    out: list[Marked] = []
    for lo, hi in paragraphs(text):
        _scan_paragraph(text, lo, hi, out)
    return out


def _scan_paragraph(text: str, lo: int, hi: int, out: list[Marked]) -> None:
    opened: int | None = None
    seen_any = False
    i = lo
    while i < hi:
        c = text[i]
        if c == '"' or c in _OPEN or c in _CLOSE:
            if opened is None:
                closer_shape = c in _CLOSE or (c == '"' and not _is_opener_shape(text, i, lo, hi))
                if closer_shape and not seen_any:
                    # closes a quote that started before this paragraph (or at its start)
                    a, b = _strip(text, lo, i)
                    if b - a > 0:
                        out.append(Marked(a, b, None, i, (lo, hi)))
                elif not closer_shape:
                    opened = i
                seen_any = True
            else:
                if c in _OPEN and text[opened] in _OPEN:
                    i += 1  # a second opener inside a curly quote: ignore, keep the first
                    continue
                a, b = _strip(text, opened + 1, i)
                if b > a:
                    out.append(Marked(a, b, opened, i, (lo, hi)))
                    _nested(text, a, b, out, len(out) - 1, (lo, hi))
                opened = None
        i += 1
    if opened is not None:
        a, b = _strip(text, opened + 1, hi)
        if b > a:
            out.append(Marked(a, b, opened, None, (lo, hi)))
            _nested(text, a, b, out, len(out) - 1, (lo, hi))


def _nested(text: str, lo: int, hi: int, out: list[Marked], parent: int, para: tuple[int, int]) -> None:
    opened = None
    for i in range(lo, hi):
        c = text[i]
        if opened is None and c in _SINGLE_OPEN:
            prev = text[i - 1] if i > lo else " "
            nxt = text[i + 1] if i + 1 < hi else ""
            if (prev.isspace() or prev in "(:—-\"“") and nxt.isalpha():
                opened = i
        elif opened is not None and c in _SINGLE_CLOSE:
            prev = text[i - 1]
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if not prev.isspace() and not nxt.isalpha():
                a, b = _strip(text, opened + 1, i)
                if b - a > 0:
                    out.append(Marked(a, b, opened, i, para, nested_in=parent))
                opened = None


def inside(regions: list[tuple[int, int]], pos: int) -> bool:
    """Whether pos falls in one of the sorted (start, end) regions (binary search)."""
    import bisect

    k = bisect.bisect_right(regions, (pos, float("inf"))) - 1
    return k >= 0 and regions[k][0] <= pos < regions[k][1]

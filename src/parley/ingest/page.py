"""A page as the cleaner reads it: units (a line, or a hard-wrapped paragraph), the record of dropped lines
with the rule that dropped each, the metadata read so far, and the join of the kept units back into text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from parley.ingest.text import normalise_line, split_lines

TERMINAL = tuple('.!?"”’»…)')  # a line ending like this is closed (a sentence, a quote, an aside)
SENTENCE_END = tuple('.!"”’»…')
WORD = re.compile(r"\S+")
_BULLET = re.compile(r"^(?:[-–—•*·▪●◦]\s|\d{1,2}[.)]\s|[a-z][.)]\s)")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "„": '"'})


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def line_key(line: str) -> str:
    """Comparison key of a line: case, quote marks and whitespace folded."""
    return " ".join(normalise_line(line).translate(_QUOTES).casefold().split())


@dataclass
class Unit:
    raw: str  # verbatim source line(s)
    text: str  # normalised
    para: int

    @property
    def words(self) -> list[str]:
        return WORD.findall(self.text)


class Dropped(list):
    """The removed lines, each with the name of the rule that dropped it (``rules``, same order)."""

    def __init__(self) -> None:
        super().__init__()
        self.rules: list[str] = []

    def append(self, line: str, rule: str = "chrome") -> None:  # type: ignore[override]
        super().append(line)
        self.rules.append(rule)


@dataclass
class PageMeta:
    """Metadata read off a page's chrome so far; the first value found for a field stays."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    wire: str | None = None
    dateline_place: str | None = None

    def fill(self, **found: str | None) -> None:
        """Set each field still empty to the value found (None: nothing found)."""
        for name, value in found.items():
            if value is not None:
                setattr(self, name, getattr(self, name) or value)


def units(raw: str) -> list[Unit]:
    """Non-blank lines with their paragraph number; a hard-wrapped prose block becomes one unit."""
    blocks: list[list[str]] = [[]]
    for line in split_lines(raw.lstrip("\ufeff")):
        if normalise_line(line):
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    out: list[Unit] = []
    for para, block in enumerate(b for b in blocks if b):
        norm = [normalise_line(x) for x in block]
        if _hard_wrapped(norm):
            out.append(Unit("\n".join(block), " ".join(norm), para))
        else:
            out.extend(Unit(r, n, para) for r, n in zip(block, norm))
    return out


def _hard_wrapped(lines: list[str]) -> bool:
    """A block whose lines stop mid-sentence at a similar width is one wrapped paragraph."""
    if len(lines) < 2 or any(_BULLET.match(x) for x in lines):
        return False  # list items stay one per line
    inner = lines[:-1]
    width = max(len(x) for x in lines)
    for x, nxt in zip(inner, lines[1:]):
        if len(x) < 40 or len(x) + 1 + len(nxt.split()[0]) < width - 1:
            return False  # a wrapper breaks a line only where the next word would not fit
    broken = sum(1 for x in inner if not x.endswith(TERMINAL))
    return broken * 2 >= len(inner) and len({line_key(x) for x in lines}) == len(lines)


def join(kept: list[tuple[int, str]]) -> str:
    """Kept lines of one source paragraph stay on adjacent lines; paragraphs get one blank line."""
    out: list[str] = []
    last = None
    for para, text in kept:
        if out and para == last and para >= 0:
            out[-1] += "\n" + text
        else:
            out.append(text)
        last = para
    return "\n\n".join(out)

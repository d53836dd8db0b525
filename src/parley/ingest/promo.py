"""The page speaking to its reader: calls to subscribe, save, support or read the original, teasers of
other stories, and the publisher's note about itself, told from the article by whom a line addresses.

A news report speaks of third parties. Outside quotation marks it does not say "you", and it says "we"
or names its own publisher only where the page speaks for itself. Those are content signals; position
is the other one. Three decisions, each of two signals at least:

- in the body, a short line that addresses the reader and names a page device ("sent to your email"),
  with the short heading right above it;
- at the top, between the headline and the body, a line that addresses the reader, with the short
  heading right above it ("Save articles for later" / "Add articles to your saved list ...");
- at the end, the run of lines below the last line of the report in which the page speaks (a reader
  address, the publisher named beside "we" or a page word, a teaser closed by a "read more" link),
  with the short headings of that run. The run stops at the first line of the report, and never takes
  the headline or the whole body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parley.ingest.page import SENTENCE_END, word_count
from parley.ingest.shapes import DOMAIN_NAME, chrome_words, fold

_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|«[^»]*(?:»|$)|„[^“”]*(?:[“”]|$)")
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.IGNORECASE)
_FIRST_PLURAL = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Oo]urs|us)\b")  # "US" in capitals is the country
_COPYRIGHT = re.compile(r"(?:(?:©|\(c\)|copyright)\s*)+(?:\d{4}\s*)?(?P<name>[^.,;|()]{2,60})", re.IGNORECASE)
_DOMAIN = re.compile(rf"\b(?:www\.)?(?P<domain>{DOMAIN_NAME})\b")
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_REPORT_WORDS = 25  # a call to the reader is short; a longer line is prose even when it says "you"


def unquoted(text: str) -> str:
    """The text outside quotation marks (an unclosed quote runs to the end of the line)."""
    return _QUOTED.sub(" ", text)


def addresses_reader(text: str) -> bool:
    return bool(_SECOND_PERSON.search(unquoted(text)))


def page_words(text: str) -> int:
    """How many words of the line are page-chrome words (``data/chrome_words.txt``)."""
    chrome = chrome_words()
    tokens = [t.casefold() for t in _TOKEN.findall(unquoted(text))]
    glued = {a + b for a, b in zip(tokens, tokens[1:])}  # "sign up" -> "signup"
    return sum(t in chrome for t in tokens) + len(glued & chrome)


def publisher_names(lines: list[str], names: tuple[str | None, ...]) -> tuple[str, ...]:
    """Names the page gives its publisher: the outlet and wire found so far, the holder of a copyright
    notice, the domains it prints (and their first label: "allAfrica.com" -> "allafrica")."""
    out = {fold(n) for n in names if n}
    for line in lines:
        m = _COPYRIGHT.search(line)
        if m and m.group("name").strip():
            out.add(fold(m.group("name").strip()))
        for d in _DOMAIN.finditer(line):
            domain = fold(d.group("domain"))
            out.add(domain)
            out.add(domain.split(".")[0])
    return tuple(sorted(n for n in out if len(n) >= 3))


def _glued(text: str) -> set[str]:
    """Runs of one to four words, folded and glued: "Sahel Wire" and "sahelwire.com" both give "sahelwire"."""
    words = [w.strip(".,;:!?()[]'\"’") for w in fold(text).split()]
    words = [w for w in words if w]
    return {"".join(words[i:i + n]) for n in range(1, 5) for i in range(len(words) - n + 1)}


def names_publisher(text: str, publishers: tuple[str, ...]) -> bool:
    return bool(_glued(unquoted(text)) & {p.replace(" ", "") for p in publishers})


def _heading(text: str) -> bool:
    """A short label or headline of a page block: up to eight words, unclosed or holding a page word."""
    return word_count(text) <= 8 and (not text.endswith(SENTENCE_END + ("?",)) or page_words(text) > 0)


def _call_line(text: str) -> bool:
    """A dropped line that called the reader ("SUBSCRIBE NOW", "Sign up today ...", "Read more >")."""
    tokens = _TOKEN.findall(text)
    return bool(tokens) and (addresses_reader(text) or page_words(" ".join(tokens[:2])) > 0)


def _read_more(text: str) -> bool:
    """A link line closing a teaser: a few words, all page words ("Read more >", "More")."""
    tokens = _TOKEN.findall(text)
    return bool(tokens) and len(tokens) <= 3 and page_words(text) == len(tokens)


def body_call(text: str) -> bool:
    """A short line in the body that addresses the reader and names a page device."""
    return word_count(text) <= _REPORT_WORDS and addresses_reader(text) and page_words(text) > 0


@dataclass(frozen=True)
class Line:
    """One unit of the page as the tail and top passes see it."""

    text: str
    kept: bool  # still kept after the line-by-line rules
    zone: str  # top | body | bottom


def _speaks(text: str, publishers: tuple[str, ...]) -> bool:
    """The page speaking for itself: a reader address, or the publisher named beside "we" ("X publishes
    ... We publish") or beside a page word ("Read the original article on X")."""
    if word_count(text) <= 80 and addresses_reader(text):
        return True
    if not names_publisher(text, publishers):
        return False  # "We look forward to ..., the statement said": a source speaking, not the page
    return bool(_FIRST_PLURAL.search(unquoted(text))) or page_words(text) > 0


def _teaser(lines: list[Line], i: int, protect: set[int]) -> bool:
    """A paragraph under a heading of its own and closed by a "read more" link: another story's teaser."""
    below, above = i + 1, i - 1
    return (
        below < len(lines) and not lines[below].kept and _read_more(lines[below].text)
        and not _heading(lines[i].text)
        and above >= 0 and above not in protect and lines[above].kept and _heading(lines[above].text)
    )


def tail_block(lines: list[Line], publishers: tuple[str, ...], protect: set[int]) -> list[int]:
    """Indexes of kept lines that form the page's closing promotion block (see the module docstring).
    ``protect`` holds lines never taken (the headline)."""
    drop: list[int] = []
    spoken = False  # the run below holds the page speaking (or a dropped call line)
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if i in protect:
            break
        if not line.kept:
            spoken = spoken or _call_line(line.text)
            continue
        if line.zone != "top" and (_speaks(line.text, publishers) or _teaser(lines, i, protect)):
            drop.append(i)
            spoken = True
        elif spoken and _heading(line.text) and line.zone != "top":
            drop.append(i)
        else:
            break
    if not spoken or len(drop) >= sum(1 for j, x in enumerate(lines) if x.kept and x.zone == "body"
                                       and j not in protect):
        return []  # nothing of the page speaking, or the whole report: keep all
    return drop


def top_block(lines: list[Line], protect: set[int]) -> list[int]:
    """Kept lines above the body that address the reader, with the short heading right above each."""
    drop: list[int] = []
    for i, line in enumerate(lines):
        if line.zone != "top" or not line.kept or i in protect or not addresses_reader(line.text):
            continue
        drop.append(i)
        above = i - 1
        if above >= 0 and lines[above].kept and above not in protect and _heading(lines[above].text):
            drop.append(above)
    return sorted(set(drop))


def promotion(lines: list[Line], publishers: tuple[str, ...], protect: set[int]) -> dict[int, str]:
    """Kept lines the page speaks to its reader in, each with the rule that finds it."""
    found: dict[int, str] = {}
    for i, x in enumerate(lines):
        if x.kept and x.zone == "body" and i not in protect and body_call(x.text):
            found[i] = "reader call"
            above = i - 1  # and its heading: "Save articles for later" / "Add articles to your saved list"
            if above >= 0 and lines[above].kept and above not in protect and _heading(lines[above].text):
                found[above] = "reader call"
    found.update({i: "reader address" for i in top_block(lines, protect)})
    found.update({i: "promotion block" for i in tail_block(lines, publishers, protect)})
    return found

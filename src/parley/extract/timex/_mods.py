"""The TIMEX3 ``mod`` attribute: "early 2019" START, "the end of the month" END, "mid-March" MID, "about three weeks"
APPROX, "more than two years" MORE_THAN, "the next year or so" APPROX, "1994 or later" ON_OR_AFTER.

The cues are data (nlp/data/timex_mods.txt, after the TimeML guidelines as HeidelTime's English resources list
them). A cue is read where it stands: opening the span a pattern matched ("early September", "the end of 1990",
"Earlier this month" are matched whole), just before it ("nearly two years", "early next year", "around 7:15
p.m."), or closing it ("a week or so ago", "1994 or later"). A cue outside the span is taken into it, as TimeBank's
gold spans have them (61 of its 90 expressions with a mod hold the cue; AQUAINT's leave more of them outside).
The value does not change: "early next year" is the year, its mod START. A comparison before a point counted back
keeps its own mod ("almost two years ago" LESS_THAN, "nearly two weeks ago" EQUAL_OR_LESS in TimeBank's gold), not
the BEFORE / AFTER the TimeML 1.2.1 guidelines give "more than a decade ago" / "less than a year ago": the gold
follows the length, and so does parley.

Where a cue is only a preposition, it is not one: "about" and the other comparison cues before a date count only
when the date is a count ("about two years ago", "more than a year ago"), not before a named one ("talked about
Monday's vote", "concerned about the future"); "around" and "approximately", which never take an object of
concern, count before any date ("around Nov. 1"). The part cues (early, late, the end of, ...) modify dates and
times, never durations.
"""

from __future__ import annotations

import re
from functools import lru_cache

from parley.extract._numbers import number_word_regex
from parley.nlp import lexicon

_WHERE = ("before", "counted", "part", "duration", "after", "whole")
_ANY_DATE = frozenset({"around", "approximately", "circa", "roughly"})  # approximations, never "about X" of concern
_REACH = 24  # characters before a span searched for a cue: the longest cue and its space


@lru_cache(maxsize=1)
def _cues() -> dict[str, dict[str, str]]:
    """WHERE -> {cue (lower case, single spaces): MOD}, from timex_mods.txt."""
    out: dict[str, dict[str, str]] = {w: {} for w in _WHERE}
    for line in lexicon("timex_mods"):
        head, _, rest = line.partition(":")
        where, mod = head.split()
        for cue in rest.split("|"):
            if cue.strip():
                out[where][" ".join(cue.lower().split())] = mod
    return out


def _alternation(cues) -> str:
    return "|".join(r"\s+".join(map(re.escape, c.split())) for c in sorted(cues, key=len, reverse=True))


@lru_cache(maxsize=1)
def _regexes() -> dict[str, re.Pattern]:
    cues = _cues()
    front = _alternation(set(cues["before"]) | set(cues["counted"]) | set(cues["part"]) | set(cues["duration"]))
    after = _alternation(cues["after"])
    return {
        # a cue opening the span: "early 1990", "the early 1980s", "mid-1996", "midafternoon"
        "opening": re.compile(rf"(?:the\s+)?(?P<cue>{front})(?:[\s-]+|(?<=mid)(?!day|night)(?=\w))", re.I),
        # a cue just before the span: "nearly [two years]", "Late [last week]"
        "before": re.compile(rf"(?<![\w-])(?P<cue>{front})[\s-]+$", re.I),
        # a cue closing the span or just after it: "[1994] or later", "a week or so ago"
        "after": re.compile(rf"\s+(?P<cue>{after})\b", re.I),
        "counted": re.compile(rf"(?:\d|an?\b|one\b|several\b|(?:{number_word_regex()})\b)", re.I),
    }


def _mod_of(cue: str, kind: str, counted: bool, in_span: bool) -> str | None:
    """The mod a cue before (or opening) an expression of ``kind`` gives, or None where it is no cue there."""
    cue = " ".join(cue.lower().split())
    cues = _cues()
    if cue in cues["part"]:
        return cues["part"][cue] if kind in ("DATE", "TIME") else None
    if kind == "DURATION" and cue in cues["duration"]:
        return cues["duration"][cue]
    if cue in cues["counted"]:
        return cues["counted"][cue] if counted else None  # "some 20 years", not "for some years"
    mod = cues["before"].get(cue)
    if mod and kind in ("DATE", "TIME") and not (in_span or counted or cue in _ANY_DATE):
        return None  # "talked about Monday's vote", "up to 1990": a preposition
    return mod


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    """The first and last words of the cues: a span whose neighbouring words are none of them needs no regex (most
    of them: the check keeps this pass a small part of the timex step)."""
    cues = _cues()
    front = set(cues["before"]) | set(cues["counted"]) | set(cues["part"]) | set(cues["duration"])
    return {"first": frozenset({c.split()[0] for c in front} | {"the"}),
            "last": frozenset(c.split()[-1] for c in front),
            "after": frozenset(c.split()[0] for c in cues["after"])}


def attach_mods(text: str, items: list) -> list:
    """(start, end, value, type) in text order -> (start, end, value, type, mod), a cue outside a span taken in."""
    out: list = []
    for i, (s, e, value, kind) in enumerate(items):
        floor = out[-1][1] if out else 0
        ceiling = items[i + 1][0] if i + 1 < len(items) else len(text)
        s, mod = _front(text, s, e, kind, value, floor)
        e, mod = _back(text, s, e, mod, ceiling)
        out.append((s, e, value, kind, mod))
    return out



def _first_word(text: str) -> str:
    return text.split(None, 1)[0].split("-", 1)[0].lower() if text.strip() else ""


def _front(text: str, s: int, e: int, kind: str, value: str, floor: int) -> tuple[int, str | None]:
    """The mod read from the expression itself, its opening words or the cue just before it (from ``floor`` on,
    the end of the previous expression), with the start that takes that cue in."""
    rx, words = _regexes(), _words()
    span = text[s:e].lower()
    whole = _cues()["whole"].get(" ".join(re.sub(r"^the\s+", "", span).split())) if "end" in span else None
    counted = rx["counted"].match(text, s) is not None
    first = _first_word(span)
    opening = rx["opening"].match(text, s, e) if first in words["first"] or first.startswith("mid") else None
    if opening:
        return s, _mod_of(opening.group("cue"), kind, counted, True)
    if value.endswith("_REF") or text.startswith("'s", e):
        return s, whole  # "concerned about the future", "about Monday's vote"
    window = max(floor, s - _REACH)
    last = text[window:s].split()[-1:]
    if not last or last[0].lower().rstrip("-") not in words["last"]:
        return s, whole
    before = rx["before"].search(text, window, s)
    mod = _mod_of(before.group("cue"), kind, counted, False) if before else None
    return (before.start(), mod) if mod else (s, whole)  # "around year end": APPROX, the nearer cue


def _back(text: str, s: int, e: int, mod: str | None, ceiling: int) -> tuple[int, str | None]:
    """A closing cue inside the span ("a week or so ago") or just after it ("1994 or later", up to ``ceiling``,
    the next expression), when no cue before gave the mod, with the end that takes it in."""
    if mod:
        return e, mod
    rx, after = _regexes(), _words()["after"]
    closing = rx["after"].search(text, s, e) if any(f" {w} " in text[s:e].lower() for w in after) else None
    if closing is None:
        if _first_word(text[e:min(ceiling, e + 8)]) not in after:
            return e, None
        closing = rx["after"].match(text, e, ceiling)
        if closing is None:
            return e, None
        e = closing.end()
    return e, _cues()["after"][" ".join(closing.group("cue").lower().split())]

"""The scanner: candidates found by every pattern, overlaps resolved longest first, clock times merged with days."""

from __future__ import annotations

import re


from parley.extract.timex._base import _Ctx, _Pattern
from parley.extract.timex._anchored import _resolve_anchored
from parley.extract.timex._patterns import _patterns
from parley.extract.timex._quarters import resolve_periods
from parley.extract.timex._windows import anchored_names, pattern_windows


# ------------------------------------------------------------------------------------------------- the scanner
def _span(m: re.Match) -> tuple[int, int]:
    if "x" in m.re.groupindex and m.group("x") is not None:
        return m.start("x"), m.end("x")
    return m.start(), m.end()


def _candidates(text: str) -> list[tuple[int, int, _Pattern, re.Match]]:
    """Every pattern's matches, each pattern run only around its anchor words (_windows)."""
    found = []
    windows = pattern_windows(text)
    anchored = anchored_names()
    for pattern in _patterns():
        spans = windows.get(pattern.name, ()) if pattern.name in anchored else ((0, len(text)),)
        for start, end in spans:
            for m in pattern.regex.finditer(text, start, end):
                s, e = _span(m)
                if e > s:
                    found.append((s, e, pattern, m))
    return found


def _resolve(text: str, ctx: _Ctx) -> list[tuple[int, int, str, str]]:
    """Longest candidate first; a candidate that fails to normalise frees its span for shorter ones."""
    chosen: list[tuple[int, int, str, str]] = []
    taken = bytearray(len(text) + 1)
    order = {p.name: i for i, p in enumerate(_patterns())}
    for s, e, pattern, m in sorted(_candidates(text), key=lambda c: (c[0] - c[1], order[c[2].name], c[0])):
        if any(taken[s:e]):
            continue
        result = pattern.normalise(m, ctx)
        if result is None:
            continue
        value, kind = result
        taken[s:e] = b"\x01" * (e - s)
        chosen.append((s, e, value, kind))
    chosen.sort()
    if any(c[2].startswith("@") and not c[2].startswith("@Q|") for c in chosen):
        chosen = _resolve_anchored(text, chosen, ctx.published)
    chosen = resolve_periods(text, chosen, ctx.published)
    return _merge_clock_with_day(text, _join_ranges(text, chosen))


_MONTHISH = re.compile(r"(\d{4})-(\d\d)(?:-(\d\d))?")
_RANGE_GLUE = re.compile(r"\s*(?:-|–|to|through|till|until|and)\s*", re.I)
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.I)
_SAID_YEAR = re.compile(r"\b\d{4}\b|'\d\d\b")


def _join_ranges(text: str, items: list) -> list:
    """"from January to October", "between Dec. 20 and Jan. 5", "March-June 1997": the first end's year is read off
    the second's (the same, or the one before when its month comes later in the calendar) unless it says its own:
    each end alone would take its year by itself ("January" in a March story this year's, "October" last year's),
    which can put the range backwards."""
    out = list(items)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        ma, mb = _MONTHISH.fullmatch(a[2]), _MONTHISH.fullmatch(b[2])
        if not (ma and mb and a[3] == b[3] == "DATE" and _RANGE_GLUE.fullmatch(text[a[1]:b[0]])):
            continue
        if _SAID_YEAR.search(text[a[0]:a[1]]) or not (_RANGE_OPEN.search(text[max(0, a[0] - 10):a[0]])
                                                        or text[a[1]:b[0]].strip() in ("-", "–")):
            continue
        first, second = (int(ma.group(2)), int(ma.group(3) or 0)), (int(mb.group(2)), int(mb.group(3) or 0))
        year = int(mb.group(1)) - (first > second)
        out[i] = (a[0], a[1], f"{year}{a[2][4:]}", a[3])
    return out


_DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-(?:\d\d-\d\d|XX-XX|WXX-\d)")
_CLOCK_VALUE = re.compile(r".*T(\d\d:\d\d)")
_GLUE = re.compile(r"\s*,?\s*(?:(?:GMT|UTC|[A-Z]{2,4}T|local\s+time)\s*,?\s*)?(?:at|on)?\s*")


def _merge_clock_with_day(text: str, items: list) -> list:
    """"yesterday at 14:30", "10 a.m. on Monday": one TIME whose day is the day's value."""
    out: list = []
    for item in items:
        if out and _GLUE.fullmatch(text[out[-1][1]:item[0]]):
            a, b = out[-1], item
            day, clock = (a, b) if _CLOCK_VALUE.fullmatch(b[2]) and _DAY_VALUE.fullmatch(a[2]) else (b, a)
            c = _CLOCK_VALUE.fullmatch(clock[2])
            if c and clock[3] == "TIME" and _DAY_VALUE.fullmatch(day[2]) and day[3] == "DATE":
                out[-1] = (a[0], b[1], f"{day[2]}T{c.group(1)}", "TIME")
                continue
        out.append(item)
    return out


def find_timex_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of every temporal expression (no normalisation context): used by extract.amounts so a
    year or a date is never read as a count."""
    ctx = _Ctx(published=None, pub_time=None, text=text, tense=lambda s, e: None)
    return tuple((s, e) for s, e, _, _ in _resolve(text, ctx))

"""Where each pattern can match: every match of a pattern holds one of its anchor words (a month name for "md", a
unit for "duration", a digit for "iso"), so the pattern is run only on the stretches of text around those words.

One pass over the words of the text finds the anchors of every pattern; each pattern then runs on its own windows
(``_REACH`` characters either side of an anchor, overlapping windows merged), with ``regex.finditer(text, start,
end)`` so offsets, look-behinds and word boundaries stay those of the whole text. No match is longer than a few
dozen characters, well under ``_REACH``, so the matches are exactly those of a scan of the whole text (a window
never starts or ends inside a match, nor within a look-ahead of one) -- at a fraction of the cost, since most of a
news text has no date word at all. A pattern without anchors here is run on the whole text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from parley.extract._numbers import number_words
from parley.extract.timex._base import _lex
from parley.extract.timex._holidays import holiday_names

_REACH = 72  # characters either side of an anchor: the longest match (about 45) and its look-ahead (about 20)
_CLOCK = "#clock"  # a number before ":" or "a.m."/"pm": a clock time
_YEAR = "#year"  # a four-digit number from 1500 to 2099: dates with a year, years, decades
_WORD = re.compile(r"[^\W\d_]+|\d+")
_CLOCK_AFTER = re.compile(r":\d|\s*[ap]\.?m\b", re.I)

_UNITS = ("day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades", "century",
          "centuries", "hour", "hours", "minute", "minutes", "quarters")


@lru_cache(maxsize=1)
def _anchor_words() -> dict[str, tuple[str, ...]]:
    """Pattern name -> the (lower-case) words one of which every match of it contains."""
    lex = _lex()
    months = tuple({m.lower().rstrip(".") for m in lex["months"]})
    weekdays = tuple(lex["weekdays_lower"])
    refs = tuple({phrase.split()[-1] for phrase in lex["references"]})
    teens = tuple(w for w, v in number_words().items() if 10 <= v <= 19 and " " not in w)
    return {
        "iso": (_YEAR,), "dotted": (_YEAR,), "slashed": (_YEAR,), "year": (_YEAR,), "decade": (_YEAR,),
        "clock": (_CLOCK, "noon", "midday", "midnight"),
        "mdy": months, "dmy": months, "md": months, "dm": months, "my": months, "month": months,
        "quarter": ("quarter", "half", "q1", "q2", "q3", "q4", "h1", "h2"),
        "period": ("quarter", "period", "ago", "earlier"),
        "the_year": ("year",), "year_end": ("end",),
        "spelled_year": teens + ("thousand",),
        "short_decade": tuple(w[:-1] + "ies" for w, v in number_words().items() if 20 <= v <= 90 and v % 10 == 0
                              and w.endswith("y")) + tuple(f"{d}0" for d in range(1, 10)),
        "md_and": months, "week_of": ("week",),
        "holiday": tuple({name.split()[-1].lower() for name in holiday_names()}),
        "century": ("century",),
        "season": tuple(lex["seasons"]),
        "relday": ("yesterday", "today", "tomorrow", "tonight"),
        "dayof": ("day",),
        "thispod": ("morning", "afternoon", "evening", "night"),
        "midpod": ("morning", "afternoon", "evening", "midmorning", "midafternoon", "midevening"),
        "relunit": ("week", "month", "year", "decade", "century"),
        "ago": ("ago", "now"),
        "anchored": ("next", "following", "previous", "preceding", "later", "earlier", "afterwards", "day", "that"),
        "pastunit": ("past", "last"),
        "weekday": weekdays,
        "weekend": ("weekend",),
        "duration": _UNITS,
        "half": ("half",),
        "vague": ("minutes", "hours", "days", "weeks", "months", "quarters", "years", "decades", "centuries"),
        "unspecified": ("while", "time", "period", "spell"),
        "endof": ("end", "beginning", "start", "middle", "rest"),
        "ref": refs,
        "set": ("every", "each", "once", "twice", "thrice", "times", "annually", "yearly", "daily", "weekly",
                "monthly", "hourly") + weekdays + tuple(w + "s" for w in weekdays),
    }


@lru_cache(maxsize=1)
def _by_word() -> dict[str, tuple[str, ...]]:
    """Anchor word -> the patterns it anchors."""
    out: dict[str, list[str]] = {}
    for name, words in _anchor_words().items():
        for w in words:
            out.setdefault(w, []).append(name)
    return {w: tuple(names) for w, names in out.items()}


def pattern_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Pattern name -> merged (start, end) windows of ``text`` around its anchors (absent: no anchor in the text)."""
    by_word = _by_word()
    clock, year = by_word[_CLOCK], by_word[_YEAR]
    spans: dict[str, list[tuple[int, int]]] = {}
    n = len(text)
    for m in _WORD.finditer(text):
        w = m.group()
        if w[0].isdigit():
            names = year if len(w) == 4 and "1500" <= w < "2100" else by_word.get(w)  # "'80s": "80"
            if len(w) <= 2 and _CLOCK_AFTER.match(text, m.end()):
                names = clock + (names or ())
        else:
            names = by_word.get(w.lower())
        if not names:
            continue
        s, e = max(0, m.start() - _REACH), min(n, m.end() + _REACH)
        for name in names:
            wins = spans.setdefault(name, [])
            if wins and s <= wins[-1][1]:
                wins[-1] = (wins[-1][0], e)
            else:
                wins.append((s, e))
    return spans


def anchored_names() -> frozenset[str]:
    return frozenset(_anchor_words())

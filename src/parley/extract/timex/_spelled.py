"""Years said in words, as broadcast transcripts write them: "nineteen ninety-six", "January nineteen ninety-seven",
"the winter of nineteen ninety-four", "the year two thousand"; decades in words or without their century ("the
nineties", "the '80s", "the mid-70s"): the latest such decade begun by publication (else the 1900s).
The words and their values come from nlp/data/number_words.txt; a year is a century word (ten .. ninety-nine)
followed by a two-digit word ("oh five", "ninety-six", "hundred"), or "two thousand [and] N". A bare "two
thousand" is a count unless "the year" or a month or season comes before it; so is "twelve hundred" unless a year's
preposition does ("in fifteen hundred", year_prepositions.txt).
"""

from __future__ import annotations

import re
from functools import lru_cache

from parley.extract._numbers import number_words
from parley.extract.timex._base import _Ctx, _lex, _month_num


def _words(lo: int, hi: int) -> list[str]:
    return [w for w, v in number_words().items() if lo <= v <= hi and " " not in w]


@lru_cache(maxsize=1)
def spelled_year_regex() -> str:
    """A named group ``sy`` matching a year in words."""
    units = "|".join(sorted(_words(1, 9), key=len, reverse=True))
    teens = "|".join(sorted(_words(10, 19), key=len, reverse=True))
    tens = "|".join(sorted([w for w in _words(20, 90) if number_words()[w] % 10 == 0], key=len, reverse=True))
    two_digit = rf"(?:(?:{tens})(?:[\s-](?:{units}))?|{teens}|(?:oh|o)[\s-](?:{units})|hundred)"
    century = rf"(?:{teens})"
    return (rf"(?P<sy>(?P<cent>{century})[\s-]+(?P<rest>{two_digit})"
            rf"|(?P<mil>two\s+thousand)(?:\s+(?:and\s+)?(?P<mrest>{two_digit}|{units}))?)")


def spelled_year_value(cent: str | None, rest: str | None, mil: str | None, mrest: str | None) -> int | None:
    words = number_words()

    def two(text: str | None) -> int | None:
        if not text:
            return 0
        parts = re.split(r"[\s-]+", text.lower())
        if parts[0] in ("oh", "o"):
            parts = parts[1:]
        if parts == ["hundred"]:
            return 0
        total = sum(words.get(p, -1000) for p in parts)
        return total if 0 <= total <= 99 else None

    if mil:
        r = two(mrest)
        return None if r is None else 2000 + r
    c = words.get((cent or "").lower())
    r = two(rest)
    if c is None or r is None or not 10 <= c <= 20:
        return None
    return c * 100 + r


def _n_spelled_year(m: re.Match, ctx: _Ctx):
    g = m.groupdict()
    year = spelled_year_value(g.get("cent"), g.get("rest"), g.get("mil"), g.get("mrest"))
    if year is None:
        return None
    if g.get("mil") and not (g.get("yr") or g.get("mon") or g.get("season")):
        return None  # "two thousand troops"
    if (g.get("rest") or "").lower() == "hundred" and not (g.get("yr") or g.get("mon") or g.get("season")):
        before = ctx.text[max(0, m.start() - 20):m.start()].split()
        if not before or before[-1].lower() not in _lex()["year_prep"]:
            return None  # "the academy has twelve hundred students": a count unless a year's preposition leads
    if g.get("mon"):
        month = _month_num(g["mon"])
        return (f"{year}-{month:02d}", "DATE") if month else None
    if g.get("season"):
        return f"{year}-{_lex()['seasons'][g['season'].lower()]}", "DATE"
    return str(year), "DATE"


@lru_cache(maxsize=1)
def decade_words_regex() -> str:
    """'twenties' .. 'nineties', from the tens of number_words.txt."""
    tens = [w for w in _words(20, 90) if number_words()[w] % 10 == 0 and w.endswith("y")]
    return "|".join(sorted((w[:-1] + "ies" for w in tens), key=len, reverse=True))


def _n_short_decade(m: re.Match, ctx: _Ctx):
    g = m.groupdict()
    if g.get("dw"):
        tens = {w[:-1] + "ies": v for w, v in number_words().items() if 20 <= v <= 90 and v % 10 == 0}
        n = tens.get(g["dw"].lower())
        if n is None or not m.group(0).lower().startswith("the"):
            return None  # "in their forties": an age
    else:
        n = int(g.get("d2") or g.get("d3"))
    pub = ctx.published
    century = 19 if pub is None else (pub.year // 100 if pub.year % 100 >= n else pub.year // 100 - 1)
    return f"{century}{n // 10}", "DATE"

"""Reading numbers written in news prose: "1,000", "1.5", "forty", "twenty-five", "4 billion", "$6bn".

The one number parser: extract.timex (durations, "two days ago"), extract.amounts and the counts resolve compares
across reports (resolve._accounts) all call it; it lives in nlp so that resolve need not import extraction's
private modules. Word lists are data files: nlp/data/number_words.txt and nlp/data/scales.txt.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from parley.nlp import lexicon, number_words

__all__ = ["number_words", "scale_words", "number_word_regex", "parse_number", "as_number"]


def _pairs(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in lexicon(name):
        key, _, rest = line.partition(":")
        for alias in rest.split("|"):
            alias = alias.strip()
            if alias:
                out[alias] = key.strip()
    return out


@lru_cache(maxsize=1)
def scale_words() -> dict[str, int]:
    """'billion' -> 10**9, 'bn' -> 10**9, 'M' -> 10**6 (case kept: 'M' and 'm' both listed)."""
    return {alias: int(value) for alias, value in _pairs("scales").items()}


@lru_cache(maxsize=1)
def number_word_regex() -> str:
    """A regex (no groups) for a run of number words: 'forty', 'twenty-five', 'one hundred and twenty'."""
    words = sorted(number_words(), key=len, reverse=True)
    word = "(?:" + "|".join(re.escape(w) for w in words) + ")"
    return rf"{word}(?:(?:[\s-]+(?:and\s+)?){word})*"


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")


def parse_number(text: str) -> Decimal | None:
    """The value of a number phrase, scale words included; None when it is not a number.

    >>> parse_number("1,000"), parse_number("4 billion"), parse_number("twenty-five")
    (Decimal('1000'), Decimal('4000000000'), Decimal('25'))
    """
    text = text.strip()
    if not text:
        return None
    scales = scale_words()
    words = number_words()
    m = _DIGITS.match(text)
    if m:
        try:
            value = Decimal(m.group(0).replace(",", ""))
        except InvalidOperation:
            return None
        rest = text[m.end():].strip(" -")
        for part in rest.split():
            factor = scales.get(part) or scales.get(part.lower())
            if factor is None:
                return None if part else value
            value *= factor
        return value
    total = Decimal(0)
    current = Decimal(0)
    seen = False
    for part in re.split(r"[\s-]+", text.lower()):
        if part in ("and", ""):
            continue
        if part in ("a", "an") and not seen:
            current, seen = Decimal(1), True
            continue
        if part in words:
            v = words[part]
            if v == 100 or part == "dozen":
                current = max(current, Decimal(1)) * v
            else:
                current += v
            seen = True
        elif part in scales and scales[part] >= 1000:
            total += max(current, Decimal(1)) * scales[part]
            current = Decimal(0)
            seen = True
        else:
            return None
    return total + current if seen else None


def as_number(value: Decimal) -> int | float:
    """int when whole (4000000000), else float (1.5)."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)

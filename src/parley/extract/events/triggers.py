"""The trigger table (nlp/data/event_triggers.txt): event types, their families and where triggers match."""

from __future__ import annotations

import re
from functools import lru_cache

from parley.nlp import lexicon


FAMILY = {"meeting": "meeting", "visit": "meeting", "talks": "meeting", "summit": "meeting", "call": "call",
          "agreement": "agreement"}


def family(event_type: str) -> str:
    return FAMILY.get(event_type, event_type)


@lru_cache(maxsize=1)
def _trigger_rows() -> tuple[tuple[str, str, frozenset[str]], ...]:
    """(word form, type, flags) for every line of event_triggers.txt, longest phrase first."""
    rows = []
    for line in lexicon("event_triggers"):
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) < 2:
            continue
        etype, form = parts[0], parts[1]
        flags = frozenset(parts[2].split(",")) if len(parts) > 2 and parts[2] else frozenset()
        rows.append((form, etype, flags))
    rows.sort(key=lambda r: -len(r[0]))
    return tuple(rows)


@lru_cache(maxsize=1)
def triggers() -> tuple[tuple[re.Pattern, str, frozenset[str]], ...]:
    """(pattern, type, flags) for every line of event_triggers.txt, longest phrase first."""
    return tuple((re.compile(r"(?<![\w-])" + re.escape(f).replace(r"\ ", r"\s+") + r"(?![\w-])", re.I), t, fl)
                 for f, t, fl in _trigger_rows())


@lru_cache(maxsize=1)
def trigger_first_words() -> tuple[str, ...]:
    """The lower-cased first word of each trigger of triggers(), in the same order: where a match can begin."""
    return tuple(f.split(" ")[0].lower() for f, _, _ in _trigger_rows())


def trigger_matches(pattern: re.Pattern, text: str, folded: str, first: str):
    """``pattern.finditer(text)``, tried only where the trigger's first word ``first`` is found in the folded text
    (search_fold); a match at a position sees the character before it as a search does. Scanning every character
    for each of the 66 triggers was a third of the step."""
    if not first.isascii():
        yield from pattern.finditer(text)
        return
    pos = folded.find(first)
    while pos >= 0:
        m = pattern.match(text, pos)
        if m:
            yield m
            pos = folded.find(first, m.end())
        else:
            pos = folded.find(first, pos + 1)

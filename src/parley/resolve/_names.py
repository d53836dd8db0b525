"""The keys an event's people are looked up by when reports are paired (timeline.candidate_keys): two names the one
person identity (knowledge.identity.same_person) calls one person share a key, so the pairs that need the same
people can be found through the people instead of through every stored event of a date or a weekday.

    person_keys(name)   its folded words: a word of two or three letters as it is ("wang", "yi" -> "yi"), a longer
                        one by its consonants, doubled letters once ("~lvrv": "Sergei"/"Sergey", "Zelensky"/
                        "Zelenskyy", "Mamedov"/"Mammadov" share theirs), and a name of several words by the
                        consonants of its words joined ("Yoon Suk Yeol" / "Yoon Sukyeol"). same_person matches
                        words that are equal, of the same consonants, or nearly equal: the first two always share
                        a key; of the last, a variant that changes a consonant ("Netanyahu" / "Netanjahu") does
                        not, and a pair of reports whose people match only so is not compared (the keys would
                        need every name's consonants less each one, three times the rows).
    event_person_keys   the keys of all the event's people, and whether one of them has none (a name of
                        initials only: "J. K."), which can be anyone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from parley.knowledge.identity import name_parts

__all__ = ["person_keys", "event_person_keys"]


def _skeleton(word: str) -> str:
    """The consonants of a word, doubled letters once (as knowledge.identity compares variants)."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", word))


@lru_cache(maxsize=65536)
def person_keys(name: str) -> frozenset[str]:
    words = name_parts(name).words
    keys = {w for w in words if 1 < len(w) < 4}  # too short for variants: same_person wants them equal
    keys.update("~" + _skeleton(w) for w in words if len(w) >= 4)  # an equal word has equal consonants too
    if len(words) > 1:
        keys.add("~" + _skeleton("".join(words)))  # a single word of those letters has these consonants
    return frozenset(keys)


def event_person_keys(names: Iterable[str]) -> tuple[tuple[str, ...], bool]:
    """(the sorted keys of these person names, True when one of them has no key)."""
    out: set[str] = set()
    unkeyed = False
    for n in names:
        keys = person_keys(n)
        unkeyed = unkeyed or not keys
        out |= keys
    return tuple(sorted(out)), unkeyed

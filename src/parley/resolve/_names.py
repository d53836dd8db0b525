"""The keys an event's people are looked up by when reports are paired (timeline.candidate_keys): two names the one
person identity (knowledge.identity.same_person) calls one person share a key (knowledge.identity.match_keys), so
the pairs that need the same people can be found through the people instead of through every stored event of a
date or a weekday.

    person_keys(name)   knowledge.identity.match_keys: short words as they are, longer ones by their consonants, a
                        name of several words also by the consonants of its words joined. Of the words same_person
                        matches, equal ones and those of the same consonants share a key; a variant that changes a
                        consonant ("Netanyahu" / "Netanjahu") does not, and a pair of reports whose people match
                        only so is not compared (the keys would need every name's consonants less each one, three
                        times the rows).
    event_person_keys   the keys of all the event's people, and whether one of them has none (a name of
                        initials only: "J. K."), which can be anyone.
"""

from __future__ import annotations

from collections.abc import Iterable

from parley.knowledge.identity import match_keys as person_keys

__all__ = ["person_keys", "event_person_keys"]


def event_person_keys(names: Iterable[str]) -> tuple[tuple[str, ...], bool]:
    """(the sorted keys of these person names, True when one of them has no key)."""
    out: set[str] = set()
    unkeyed = False
    for n in names:
        keys = person_keys(n)
        unkeyed = unkeyed or not keys
        out |= keys
    return tuple(sorted(out)), unkeyed

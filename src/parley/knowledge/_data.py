"""Where the knowledge files are: parley's own derived data, and data files inside installed packages."""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


def package_file(package: str, *parts: str) -> Path:
    """A data file shipped inside an installed package, found without importing the package (country-converter
    would import pandas)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{package} is not installed: pip install -e . installs it")
    return Path(list(spec.submodule_search_locations)[0]).joinpath(*parts)


def tsv_rows(path: Path):
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


@lru_cache(maxsize=1)
def tables() -> dict:
    """data/tables.json: names, regexes, short names, capitals and cities, merged at build time (knowledge/_build.py)."""
    return json.loads((DATA / "tables.json").read_text(encoding="utf-8"))

"""Shared fixtures: the real spaCy model, the sample corpus, the gold file, and a store built from the samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _paths import SHARED

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
GOLD = SHARED / "gold" / "seeds.json"


@pytest.fixture(scope="session")
def nlp():
    from parley.nlp import load

    return load()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def gold() -> dict:
    if not GOLD.exists():
        pytest.skip(f"gold file not found at {GOLD}")
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> Path:
    """A DuckDB store holding the five sample articles, built once by the real pipeline."""
    from parley import pipeline
    from parley.store import Store

    path = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    with Store(path) as store:
        report = pipeline.ingest([SEEDS], store)
    assert report.added == 5, report.errors
    return path


@pytest.fixture()
def seeds_store(seeds_db):
    from parley.store import Store

    with Store(seeds_db, read_only=True) as store:
        yield store

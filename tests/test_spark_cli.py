"""`parley extract --engine ...` where Spark cannot run: one line that says what to install, no traceback.
These need neither pyspark nor Java (tests/test_spark.py runs the engine itself)."""

from __future__ import annotations

import sys
from pathlib import Path

from typer.testing import CliRunner

from parley.cli.main import app

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


def test_without_pyspark_the_spark_engine_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "pyspark", None)  # `import pyspark` now raises ImportError
    out = tmp_path / "records.jsonl"
    result = CliRunner().invoke(app, ["extract", str(SEEDS), "--engine", "spark", "--out", str(out)])
    assert result.exit_code == 1
    assert "pyspark" in result.output and "parley[spark]" in result.output and "Java 17" in result.output
    assert "Traceback" not in result.output
    assert not out.exists() or out.read_text(encoding="utf-8") == ""


def test_an_unknown_engine_is_a_usage_error():
    result = CliRunner().invoke(app, ["extract", str(SEEDS), "--engine", "dask"])
    assert result.exit_code == 2


def test_workers_must_be_positive():
    result = CliRunner().invoke(app, ["extract", str(SEEDS), "--engine", "spark", "--workers", "0"])
    assert result.exit_code == 2

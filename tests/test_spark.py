"""`parley extract --engine spark` gives the records `parley extract` gives: PySpark in local mode, two workers.

One SparkContext serves the module (starting the JVM and loading spaCy in each worker costs most of the time);
small partitions and chunks make the job span several tasks on both workers and several Spark jobs, so the
order in which results come back is exercised, not only one task's output.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
from _paths import SHARED  # noqa: E402
SEEDS = SHARED / "corpus" / "seeds" if (SHARED / "corpus" / "seeds").is_dir() else ROOT / "examples" / "seeds"
NEWS_A = SHARED / "corpus" / "news-a"
# one story told by five outlets (their timeline entries merge), and a story of its own
NEWS_A_FILES = ["01_nhk_kishida_yoon_tokyo_summit.txt", "03_yomiuri_kishida_departs_for_south_korea.txt",
                "04_japantimes_kishida_arrives_seoul.txt", "05_asiatoday_yoon_kishida_seoul_summit.txt",
                "07_yomiuri_iwaya_cho_phone_call.txt"]

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'parley[spark]')")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("Java 17 is not installed (java on PATH or JAVA_HOME): the Spark engine needs it",
                allow_module_level=True)


@pytest.fixture(scope="module")
def spark():
    from parley.pipeline_spark import spark_context

    with spark_context(workers=2) as sc:
        assert sc.defaultParallelism == 2
        yield sc


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """The seeds, some news-a pages, a file with no text (an error line) and a page over the article limit."""
    paths = [SEEDS]
    if NEWS_A.is_dir():
        paths += [NEWS_A / name for name in NEWS_A_FILES if (NEWS_A / name).exists()]
    folder = tmp_path_factory.mktemp("spark-inputs")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    long = "The talks went on. " * 600  # 11,400 characters: over the limit the tests give
    (folder / "long.txt").write_text(f"Ministers met in Geneva on Monday.\n\n{long}\n", encoding="utf-8")
    return paths + [folder / "empty.txt", folder / "long.txt"]


@pytest.fixture(scope="module")
def both(spark, inputs):
    """(one process, Spark) over the same inputs, an article limit of 10,000 characters, a given date."""
    from parley import pipeline, pipeline_spark
    from parley.ingest.limits import Limits

    limits = Limits(max_article_chars=10_000)
    local = pipeline.extract(inputs, published="2024-05-01", limits=limits)
    distributed = pipeline_spark.extract(inputs, published="2024-05-01", limits=limits, partition=2, chunk=5)
    return local, distributed


def test_spark_records_equal_the_local_records(both):
    local, distributed = both
    assert len(local.records) >= 5 and len(distributed.records) == len(local.records)
    assert [r.article.id for r in distributed.records] == [r.article.id for r in local.records]
    for mine, theirs in zip(distributed.records, local.records, strict=True):
        assert mine.to_dict() == theirs.to_dict(), mine.article.source
    assert distributed.errors == local.errors
    assert any("empty.txt" in e for e in local.errors) and any("long.txt" in e for e in local.errors)
    assert distributed.people == local.people
    assert distributed.timeline == local.timeline
    assert distributed.conflicts == local.conflicts


def test_records_cross_the_workers_with_their_timeline_ids(both):
    """Step 6 runs on the driver over the records the workers sent back (partitions of two articles, so the
    reports of one meeting come from different tasks): they share one timeline id, as in one process."""
    _, corpus = both
    ids = [e.timeline_id for r in corpus.records for e in r.events if e.timeline_id]
    assert ids and len(set(ids)) < len(ids)
    assert {m["article_id"] for t in corpus.timeline for m in t["mentions"]} <= {r.article.id for r in corpus.records}


def test_cli_engine_spark_writes_the_same_jsonl(spark, tmp_path):
    """`parley extract --engine spark` (using the running SparkContext) writes byte for byte what the default
    engine writes."""
    from typer.testing import CliRunner

    from parley.cli.main import app

    runner = CliRunner()
    local, distributed = tmp_path / "local.jsonl", tmp_path / "spark.jsonl"
    first = runner.invoke(app, ["extract", str(SEEDS), "--out", str(local)])
    second = runner.invoke(app, ["extract", str(SEEDS), "--engine", "spark", "--out", str(distributed)])
    assert first.exit_code == 0 and second.exit_code == 0, second.output
    assert distributed.read_bytes() == local.read_bytes()
    lines = local.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 5 and all(json.loads(line)["format"] == "parley/1" for line in lines)

"""The ingest spine end to end: real files, the real model, a real DuckDB file, the real CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from parley import pipeline
from parley.store import Store

PARLEY = [sys.executable, "-m", "parley.cli.main"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([*PARLEY, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def spans_of(record: dict):
    """Every (start, end, expected text or None) a record cites."""
    for e in record["entities"]:
        for m in e["mentions"]:
            yield m["start"], m["end"], m["text"]
    for q in record["quotes"]:
        yield q["start"], q["end"], q["text"]
        if q.get("speaker_mention"):
            yield q["speaker_mention"]["start"], q["speaker_mention"]["end"], None
    for a in record["amounts"]:
        yield a["start"], a["end"], a["text"]
    for t in record["timexes"]:
        yield t["start"], t["end"], t["text"]
    for ev in record["events"]:
        for x in ev["evidence"]:
            yield x["start"], x["end"], None


def test_every_cited_span_is_exact(seeds_store):
    records = list(seeds_store.records())
    assert len(records) == 5
    checked = 0
    for r in records:
        d = r.to_dict()
        for start, end, text in spans_of(d):
            assert 0 <= start < end <= len(d["text"]), (d["id"], start, end)
            if text is not None:
                assert d["text"][start:end] == text
            checked += 1
    assert checked > 50


def test_cli_ingest_twice_adds_nothing_the_second_time(tmp_path, seeds_dir):
    db = str(tmp_path / "p.duckdb")
    first = run("ingest", str(seeds_dir), "--db", db, "--json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["added"] == 5 and report["errors"] == []
    assert report["store"]["articles"] == 5
    second = run("ingest", str(seeds_dir), "--db", db, "--json")
    assert second.returncode == 0, second.stderr
    again = json.loads(second.stdout)
    assert again["added"] == 0 and again["already_stored"] == 5

    listing = json.loads(run("articles", "--db", db, "--json").stdout)
    assert len(listing) == 5 and {a["id"] for a in listing} == set(report["added_ids"])
    one = run("show", listing[0]["id"][:8], "--db", db, "--json")
    assert one.returncode == 0
    assert json.loads(one.stdout)["id"] == listing[0]["id"]
    human = run("ingest", str(seeds_dir), "--db", db)
    assert "0 new article(s)" in human.stdout


def test_bad_files_are_named_and_the_rest_is_stored(tmp_path, seeds_dir):
    db = str(tmp_path / "p.duckdb")
    assert run("ingest", str(seeds_dir / "004_ba0f68d250da273a.txt"), "--db", db).returncode == 0
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(seeds_dir / "000_b8af87bfe99483af.txt", batch / "good.txt")
    (batch / "empty.txt").write_text("")
    (batch / "image.txt").write_bytes(bytes(range(256)) * 20)
    result = run("ingest", str(batch), str(tmp_path / "nowhere"), "--db", db)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3, result.stderr
    assert any("empty.txt" in line for line in errors)
    assert any("image.txt" in line for line in errors)
    assert any("nowhere" in line for line in errors)
    with Store(db, read_only=True) as store:
        assert store.count() == 2  # the earlier article and good.txt


def test_an_interrupted_ingest_is_completed_by_running_it_again(tmp_path, seeds_dir, monkeypatch):
    monkeypatch.setattr(pipeline, "BATCH", 2)
    analysed = []

    def stop_after_three(stage: str, n: int) -> None:
        if stage == "analyse":
            analysed.append(n)
            if len(analysed) == 3:
                raise KeyboardInterrupt  # as if the user pressed Ctrl-C in the middle of the second batch

    path = tmp_path / "p.duckdb"
    with Store(path) as store, pytest.raises(KeyboardInterrupt):
        pipeline.ingest([seeds_dir], store, progress=stop_after_three)
    with Store(path) as store:
        assert store.count() == 2  # the first batch only, whole
        assert store.corpus_stale()
        report = pipeline.ingest([seeds_dir], store)
        assert report.added == 3 and report.already_stored == 2
        assert store.count() == 5 and not store.corpus_stale()


def test_extract_writes_the_export_format_without_a_database(tmp_path, seeds_dir):
    out = tmp_path / "out.jsonl"
    result = run("extract", str(seeds_dir / "003_fd845f49c8bb4c79.txt"), "--published", "2024-04-23",
                 "--out", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not list(tmp_path.glob("*.duckdb"))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    for key in ("format", "id", "source", "title", "outlet", "author", "published", "language", "text",
                "removed", "duplicate_of", "entities", "quotes", "events", "amounts", "timexes"):
        assert key in record
    assert record["format"] == "parley/1"
    assert record["published"] == "2024-04-23"
    for start, end, text in spans_of(record):
        if text is not None:
            assert record["text"][start:end] == text


def test_extract_is_the_same_on_every_run(tmp_path, seeds_dir):
    first = run("extract", str(seeds_dir))
    second = run("extract", str(seeds_dir))
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    assert len(first.stdout.splitlines()) == 5

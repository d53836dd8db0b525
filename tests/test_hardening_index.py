"""Issue 9, case 5: an ingest killed (kill -9) in its index step is completed by the next `parley ingest`,
search index included, before that command exits; `serve` never repairs inside a request."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from parley.search import index_current, search
from parley.search.index import read_manifest
from parley.store import Store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "examples" / "seeds").glob("*.txt"))

# A child process that ingests the given files and kills itself with SIGKILL the moment the pipeline
# enters its index step: what `kill -9` during indexing does, at a known point.
_KILLED_AT_INDEX = textwrap.dedent("""
    import os, signal, sys
    from parley import pipeline
    from parley.store import Store

    def progress(stage, n):
        if stage == "index":
            os.kill(os.getpid(), signal.SIGKILL)

    with Store(sys.argv[1]) as store:
        pipeline.ingest(sys.argv[2:], store, progress=progress)
""")


def _parley(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "parley.cli.main", *args], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "200"}, timeout=300)


def _killed_ingest(db: Path, files: list[Path]) -> None:
    proc = subprocess.run([sys.executable, "-c", _KILLED_AT_INDEX, str(db), *map(str, files)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr


@pytest.fixture(scope="module")
def interrupted(tmp_path_factory) -> Path:
    """A store of all five samples whose last ingest (three of them) was killed while indexing."""
    db = tmp_path_factory.mktemp("killed") / "p.duckdb"
    first = _parley("ingest", *map(str, SEEDS[:2]), "--db", str(db), "--quiet")
    assert first.returncode == 0, first.stderr
    _killed_ingest(db, SEEDS[2:])
    return db


def _copy(db: Path, tmp_path: Path) -> Path:
    out = tmp_path / db.name
    shutil.copy(db, out)
    if db.with_name(db.name + ".wal").exists():  # a killed process leaves its commits in the WAL
        shutil.copy(db.with_name(db.name + ".wal"), out.with_name(out.name + ".wal"))
    if db.with_name(db.name + ".index").exists():
        shutil.copytree(db.with_name(db.name + ".index"), out.with_name(out.name + ".index"))
    return out


def test_the_kill_leaves_the_index_behind_the_store(interrupted, tmp_path):
    db = _copy(interrupted, tmp_path)
    with Store(db, read_only=True) as store:
        assert store.count() == 5
        assert not store.corpus_stale()  # the resolve step had finished; only the index is behind
        assert not index_current(store)
    assert read_manifest(db.with_name(db.name + ".index"))["articles"] == 2


def test_rerunning_ingest_completes_the_index_before_it_exits(interrupted, tmp_path):
    db = _copy(interrupted, tmp_path)
    rerun = _parley("ingest", *map(str, SEEDS), "--db", str(db), "--json")
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout)
    assert report["added"] == 0 and report["already_stored"] == 5
    assert report["repaired"] is True
    manifest = read_manifest(db.with_name(db.name + ".index"))
    assert manifest["articles"] == 5 and manifest["store_count"] == 5
    with Store(db, read_only=True) as store:
        assert index_current(store)
        ids = {a.id for a in store.articles()}
        # every article is findable by a sentence of its own, with no repair left for the search to do
        for a in store.articles():
            words = " ".join(a.text.split("\n\n")[1].split()[:12])
            assert a.id in {h.article_id for h in search(store, words, limit=10)}, (a.id, words)
    assert len(ids) == 5
    again = _parley("ingest", *map(str, SEEDS), "--db", str(db), "--json")
    assert json.loads(again.stdout)["repaired"] is False  # nothing left to repair


def test_a_half_written_segment_is_rebuilt_not_reused(interrupted, tmp_path):
    db = _copy(interrupted, tmp_path)
    index_dir = db.with_name(db.name + ".index")
    manifest = read_manifest(index_dir)
    # what a kill inside build_segment leaves: the next segment's folder, partly written
    stale = index_dir / f"seg-{int(manifest['segments'][-1].split('-')[1]) + 1:05d}"
    stale.mkdir()
    (stale / "articles.json").write_text("[{\"id\": \"cut", encoding="utf-8")
    (stale / "vectors.npy").write_bytes(b"\x93NUMPY-cut")
    rerun = _parley("ingest", *map(str, SEEDS), "--db", str(db), "--json")
    assert rerun.returncode == 0, rerun.stderr
    assert json.loads((stale / "articles.json").read_text(encoding="utf-8"))  # rewritten whole
    with Store(db, read_only=True) as store:
        assert index_current(store)
        assert search(store, "North-South Transport Corridor", limit=3)


def test_serve_completes_the_index_before_its_first_request(interrupted, tmp_path):
    from fastapi.testclient import TestClient

    from parley.api import create_app

    db = _copy(interrupted, tmp_path)
    app = create_app(db)
    with Store(db, read_only=True) as store:
        assert index_current(store)  # done at start-up, not inside the first search
    with TestClient(app) as client:
        assert client.get("/api/stats").status_code == 200

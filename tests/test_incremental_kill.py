"""Issue 16: an ingest into a resolved store killed (kill -9) anywhere in its incremental resolve step, even inside
the transaction that writes what it changed, leaves the store as it was before that step; running the same
command again completes it, nothing lost or stored twice: what it leaves is what a full recompute of the same
records gives (the records are compared with themselves, so extraction changing meanwhile cannot fail this)."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from parley import pipeline
from parley.search import index_current
from parley.store import Store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "examples" / "seeds").glob("*.txt"))
FIRST, LATER = SEEDS[:2], SEEDS[2:]

_KILLED = textwrap.dedent("""
    import os, signal, sys
    from parley import pipeline
    from parley.store import Store, derived

    stage, nth = sys.argv[2], int(sys.argv[3])
    seen = []

    def progress(name, n):
        if name == stage:
            seen.append(n)
            if stage != "write" and len(seen) == nth:
                os.kill(os.getpid(), signal.SIGKILL)

    real = derived._bulk
    calls = []

    def bulk(*args, **kwargs):  # inside the transaction of the resolve step: after some rows are written
        real(*args, **kwargs)
        if seen:
            calls.append(1)
            if len(calls) == nth:
                os.kill(os.getpid(), signal.SIGKILL)

    derived._bulk = bulk
    with Store(sys.argv[1]) as store:
        pipeline.ingest(sys.argv[4:], store, progress=progress)
""")


def _contents(store: Store) -> dict:
    return {
        "articles": sorted((a.id, a.duplicate_of) for a in store.articles()),
        "records": sorted(json.dumps(r.to_dict(), sort_keys=True) for r in store.records()),
        "people": store.people(), "timeline": store.timeline(), "conflicts": store.conflicts(),
        "rows": {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("events", "event_keys", "name_keys", "event_clusters", "person_members", "dup_bands")},
        "members": store.con.execute("SELECT * FROM person_members ORDER BY ALL").fetchall(),
        "clusters": store.con.execute("SELECT * FROM event_clusters ORDER BY ALL").fetchall(),
        "resolved": store.resolved_seq(),
    }


def _full_recompute(db: Path, tmp: Path) -> dict:
    copy = tmp / "reference.duckdb"
    shutil.copy(db, copy)
    with Store(copy) as store:
        pipeline.refresh(store)
        return _contents(store)


@pytest.mark.parametrize("stage, nth", [("resolve", 1), ("people", 1), ("conflicts", 1), ("index", 1),
                                        ("write", 2), ("write", 5)],
                         ids=["timeline", "people", "conflicts", "index", "inside-the-write", "late-in-the-write"])
def test_a_rerun_after_kill_9_in_the_incremental_resolve_completes_it(tmp_path, stage, nth):
    db = tmp_path / "k.duckdb"
    with Store(db) as store:
        pipeline.ingest(FIRST, store)
        resolved = store.resolved_seq()
        before = store.timeline()
    proc = subprocess.run([sys.executable, "-c", _KILLED, str(db), stage, str(nth), *map(str, LATER)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    with Store(db) as store:
        assert store.count() == len(SEEDS)  # the new articles were stored before the resolve step
        if stage != "index":  # the resolve step's transaction never committed
            assert store.corpus_stale() and store.resolved_seq() == resolved and store.timeline() == before
        report = pipeline.ingest(SEEDS, store)
        assert report.added == 0 and report.already_stored == len(SEEDS) and report.repaired
        assert not store.corpus_stale() and index_current(store)
        got = _contents(store)
        records = list(store.records())
    persons = sum(1 for r in records for e in r.entities if e.type == "PERSON")
    events = sum(len(r.events) for r in records)
    assert len(records) == len(SEEDS) and got["resolved"] == len(SEEDS)
    assert (got["rows"]["events"], got["rows"]["event_clusters"], got["rows"]["person_members"]) == (
        events, events, persons)
    assert got == _full_recompute(db, tmp_path)

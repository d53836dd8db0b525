"""Issue 16, streaming ingest: articles are read, analysed and stored a batch at a time (memory does not grow
with the size of the call), a bad file in the stream is one line and the rest is stored, and a run killed
with SIGKILL between or inside batches is completed by running it again, with nothing lost or doubled."""

from __future__ import annotations

import json
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


def test_each_batch_is_stored_before_the_next_articles_are_read(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "BATCH", 2)
    with Store(tmp_path / "s.duckdb") as store:
        stored_when_read = []

        def progress(stage: str, n: int) -> None:
            if stage == "read":
                stored_when_read.append(store.count())

        report = pipeline.ingest(SEEDS, store, progress=progress)
        assert report.added == 5, report.errors
        # the third article is read only once the first two are stored, the fifth once four are
        assert stored_when_read == [0, 0, 2, 2, 4]


def test_the_report_keeps_a_summary_not_the_articles(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        report = pipeline.ingest(SEEDS[:2], store)
        stored = {a.id: a for a in store.articles()}
    assert [type(a) for a in report.added_articles] == [pipeline.AddedArticle] * 2
    for summary in report.added_articles:
        article = stored[summary.id]
        assert summary.words == len(article.text.split()) and summary.removed == len(article.removed)
        assert not hasattr(summary, "text")
    distinct = list(dict.fromkeys(line for a in stored.values() for line in a.removed))
    assert report.removed_distinct == len(distinct)
    assert report.removed_examples == distinct[:pipeline.EXAMPLES]


def test_files_are_counted_for_the_progress_bar_then_reported_one_by_one(tmp_path):
    stages = []
    with Store(tmp_path / "s.duckdb") as store:
        pipeline.ingest(SEEDS[:3], store, progress=lambda stage, n: stages.append((stage, n)))
    file_events = [(s, n) for s, n in stages if s in ("files", "file")]
    assert file_events == [("files", 3), ("file", 1), ("file", 1), ("file", 1)]


def test_a_bad_file_between_batches_is_one_line_and_the_stream_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "BATCH", 1)
    folder = tmp_path / "in"
    folder.mkdir()
    for i, seed in enumerate(SEEDS[:2]):
        (folder / f"{2 * i}_good.txt").write_bytes(seed.read_bytes())
    (folder / "1_broken.txt").write_bytes(b"\x00\xff\xfe binary \x00" * 50)
    with Store(tmp_path / "s.duckdb") as store:
        report = pipeline.ingest([folder], store)
        assert report.added == 2
        assert len(report.errors) == 1 and "1_broken.txt" in report.errors[0]
        assert store.count() == 2 and not store.corpus_stale() and index_current(store)


# A child that ingests with batches of two and kills itself (SIGKILL, no cleanup) at the n-th progress event
# of a stage: inside a batch's analysis, or just after a batch was committed.
_KILLED = textwrap.dedent("""
    import os, signal, sys
    from parley import pipeline
    from parley.store import Store

    pipeline.BATCH = 2
    stage_to_kill, nth = sys.argv[2], int(sys.argv[3])
    seen = []

    def progress(stage, n):
        if stage == stage_to_kill:
            seen.append(n)
            if len(seen) == nth:
                os.kill(os.getpid(), signal.SIGKILL)

    with Store(sys.argv[1]) as store:
        pipeline.ingest(sys.argv[4:], store, progress=progress)
""")


def _killed_ingest(db: Path, stage: str, nth: int) -> None:
    proc = subprocess.run([sys.executable, "-c", _KILLED, str(db), stage, str(nth), *map(str, SEEDS)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == -signal.SIGKILL, proc.stderr


def _contents(store: Store) -> dict:
    """Everything an ingest leaves in the store, in a form two stores can be compared by."""
    return {
        "articles": sorted((a.id, a.duplicate_of) for a in store.articles()),
        "records": sorted(json.dumps(r.to_dict(), sort_keys=True) for r in store.records()),
        "rows": {table: store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                 for table in ("sources", "signatures", "entities", "quotes", "events")},
        "people": store.people(), "timeline": store.timeline(), "conflicts": store.conflicts(),
    }


@pytest.fixture(scope="module")
def clean_contents(tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("clean") / "c.duckdb"
    with Store(db) as store:
        pipeline.ingest(SEEDS, store)
        return _contents(store)


@pytest.mark.parametrize("stage, nth", [("analyse", 3), ("stored", 2)],
                         ids=["inside-the-second-batch", "after-the-second-commit"])
def test_a_rerun_after_kill_9_completes_with_no_loss_or_duplicate(tmp_path, clean_contents, stage, nth):
    db = tmp_path / "k.duckdb"
    _killed_ingest(db, stage, nth)
    with Store(db) as store:
        assert store.count() == 2 * (nth if stage == "stored" else 1)  # whole batches only
        assert store.corpus_stale()
        before = store.count()
        report = pipeline.ingest(SEEDS, store)
        assert report.added == 5 - before and report.already_stored == before
        assert store.count() == 5
        assert not store.corpus_stale() and index_current(store)
        assert _contents(store) == clean_contents


def test_the_ingest_holds_one_batch_of_articles_at_a_time(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "BATCH", 2)
    sizes = []
    real = pipeline.analyse

    def analyse(articles, *args, **kwargs):
        sizes.append(len(articles))
        return real(articles, *args, **kwargs)

    monkeypatch.setattr(pipeline, "analyse", analyse)
    with Store(tmp_path / "s.duckdb") as store:
        pipeline.ingest(SEEDS, store)
    assert sizes == [2, 2, 1]

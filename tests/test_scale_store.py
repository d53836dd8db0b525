"""Issue 16, writes at size: the corpus tables are written in bulk and only their changed rows are touched,
a refresh writes back only the records whose timeline ids changed, and a merge of search segments copies the
stored sentence vectors instead of embedding every sentence again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from parley import pipeline
from parley.models import Record
from parley.search import embed
from parley.search import index as search_index
from parley.store import CorpusChanges, Store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "examples" / "seeds").glob("*.txt"))


def _rows(store: Store, table: str) -> dict[int, tuple]:
    """rowid -> row: DuckDB gives a rewritten row a new rowid, an untouched one keeps its own."""
    return {r[0]: r[1:] for r in store.con.execute(f"SELECT rowid, * FROM {table}").fetchall()}


@pytest.fixture()
def store(seeds_db, tmp_path):
    path = tmp_path / seeds_db.name
    shutil.copy(seeds_db, path)
    with Store(path) as st:
        yield st


def test_a_refresh_that_changes_nothing_rewrites_no_row(store):
    tables = ("records", "entities", "quotes", "events", "people", "timeline", "conflicts")
    before = {t: _rows(store, t) for t in tables}
    assert before["timeline"] and before["people"]
    pipeline.refresh(store)
    assert {t: _rows(store, t) for t in tables} == before


def test_only_the_changed_entries_of_a_corpus_table_are_rewritten(store):
    timeline = store.timeline()
    assert len(timeline) >= 3
    before = _rows(store, "timeline")
    edited = [dict(e) for e in timeline]
    edited[1]["location"] = "Somewhere Else"
    (row,) = [r for r in store.corpus_rows("timeline") if r[0] == edited[1]["timeline_id"]]
    store.apply_changes(CorpusChanges(resolved_seq=store.resolved_seq(), timeline=[(row[0], row[1], edited[1])]))
    after = _rows(store, "timeline")
    assert store.timeline() == edited
    kept = set(before) & set(after)
    assert len(kept) == len(timeline) - 1  # every row but the edited one kept its place
    (gone,) = set(before) - kept
    assert json.loads(before[gone][2]) == timeline[1]


def test_entries_inserted_and_removed_keep_their_order(store):
    timeline = store.timeline()
    extra = {"timeline_id": "tl-inserted", "type": "meeting", "mentions": []}
    store.replace_corpus(people=store.people(), timeline=[extra, *timeline[1:]], conflicts=[])
    assert store.timeline() == [extra, *timeline[1:]]
    assert store.conflicts() == []
    store.replace_corpus(people=[], timeline=[], conflicts=[])
    assert store.timeline() == [] and store.people() == []


def test_a_refresh_writes_back_the_records_whose_timeline_ids_changed(store):
    (article_id, event_id, timeline_id), = store.con.execute(
        "SELECT article_id, event_id, timeline_id FROM events WHERE timeline_id IS NOT NULL LIMIT 1").fetchall()
    record = store.record(article_id)
    broken = Record.from_dict({**record.to_dict(), "events": [
        {**e, "timeline_id": "tl-stale"} if e["id"] == event_id else e for e in record.to_dict()["events"]]})
    store.update_records([broken])
    store.con.execute("INSERT OR REPLACE INTO meta VALUES ('corpus_stale', 'true')")
    others = {k: v for k, v in _rows(store, "records").items() if v[0] != article_id}
    pipeline.refresh(store)
    assert store.record(article_id) == record
    assert {k: v for k, v in _rows(store, "records").items() if v[0] != article_id} == others


def test_a_stored_record_reads_back_to_the_same_json(store):
    """Unchanged records are no longer rewritten on refresh: that is only safe because what is stored is what
    reading and writing a record again would store."""
    for article_id, raw in store.con.execute("SELECT article_id, record FROM records").fetchall():
        assert json.dumps(Record.from_dict(json.loads(raw)).to_dict(), ensure_ascii=False) == raw, article_id


def test_merging_segments_copies_the_stored_vectors(tmp_path, monkeypatch):
    if not embed.available():
        pytest.skip("no MiniLM model installed: segments hold no vectors to reuse")
    monkeypatch.setattr(search_index, "MAX_SEGMENTS", 3)
    encoded: list[int] = []
    real = embed.encode

    def counting(texts, *args, **kwargs):
        encoded.append(len(texts))
        return real(texts, *args, **kwargs)

    monkeypatch.setattr(embed, "encode", counting)
    with Store(tmp_path / "m.duckdb") as store:
        for seed in SEEDS[:3]:
            pipeline.ingest([seed], store)
        segments_before = search_index.read_manifest(store.index_dir)["segments"]
        assert len(segments_before) == 3
        before = search_index.StoredVectors(store.index_dir, segments_before)
        reference = {key: np.array(before.get(key)) for key in before.keys()}
        encoded.clear()
        pipeline.ingest([SEEDS[3]], store)  # a fourth segment: all four are merged into one
        manifest = search_index.read_manifest(store.index_dir)
        assert len(manifest["segments"]) == 1
        merged = search_index.StoredVectors(store.index_dir, manifest["segments"])
    # only the fourth article's sentences were embedded, once, for its own segment; the merge copied them all
    assert len(encoded) == 1
    assert len(merged) == len(reference) + encoded[0]
    for key, vector in reference.items():
        assert np.array_equal(merged.get(key), vector)


def test_tables_written_from_outside_the_resolve_step_make_the_next_ingest_resolve_everything(store):
    """replace_corpus goes through the one writer of the corpus tables (store.derived.apply_changes): its rows
    carry no resolve state, so the lookups of incremental resolution are dropped and the next resolve is whole."""
    assert store.resolved_seq() is not None
    assert store.con.execute("SELECT count(*) FROM person_members").fetchone()[0] > 0
    people, timeline = store.people(), store.timeline()
    store.replace_corpus(people=people[::-1], timeline=timeline, conflicts=[])
    assert store.people() == people[::-1] and store.timeline() == timeline
    assert store.resolved_seq() is None and not store.corpus_stale()
    assert store.con.execute("SELECT count(*) FROM person_members").fetchone()[0] == 0
    pipeline.resolve_new(store)  # a whole refresh: the people in their own order again, with their members
    assert store.people() == people and store.resolved_seq() is not None
    assert store.con.execute("SELECT count(*) FROM person_members").fetchone()[0] > 0

"""Issue 16, incremental resolution: articles added a few at a time give the people, timeline, conflicts and records
that one full recompute (pipeline.refresh) gives over the same store, on the samples, the real-news sets and the
team's written sets; and the keys the store looks events up by cover every pair the timeline compares."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley import pipeline
from parley.ingest.dedup import DuplicateIndex
from parley.models import Record, replace
from parley.resolve import incremental
from parley.resolve import timeline as tl
from parley.store import Store

ROOT = Path(__file__).resolve().parents[1]
from _paths import SHARED  # noqa: E402
DATA = ROOT / "tests" / "data"
SETS = {
    "seeds": ROOT / "examples" / "seeds",
    "news-a": SHARED / "corpus" / "news-a",
    "news-b": SHARED / "corpus" / "news-b",
    "dev": DATA / "dev",
    "dev2": DATA / "dev2",
    "dev_claims": DATA / "dev_claims",
    "heldout": DATA / "heldout",
}
# how many articles each ingest adds, in turn: one at a time, then a few, then more
STEPS = (3, 1, 1, 2, 1, 4, 1, 6)


def _unresolved(rec: Record) -> Record:
    """A record as analysis stores it, before the resolve step gives its events timeline ids."""
    return replace(rec, events=tuple(replace(e, timeline_id=None) for e in rec.events))


@pytest.fixture(scope="module")
def sets() -> dict[str, list[Record]]:
    from parley.evaluate_news import extract_folder

    out = {}
    for name, folder in SETS.items():
        if folder.is_dir():
            out[name] = [_unresolved(r) for r in extract_folder(folder).records]
    if "news-a" not in out or "news-b" not in out:
        pytest.skip(f"the real-news sets are not at {SHARED / 'corpus'} (set PARLEY_SHARED)")
    return out


@pytest.fixture(autouse=True)
def no_search_index(monkeypatch):
    monkeypatch.setattr(pipeline, "update_index", lambda store: None)


def _write(store: Store, records: list[Record]) -> None:
    duplicates = DuplicateIndex()
    signatures = {r.article.id: duplicates.signature_bytes(r.article.text) for r in records}
    store.write_records(records, signatures,
                        [pipeline.article_index(r, signatures[r.article.id], duplicates) for r in records])


def _contents(store: Store) -> dict:
    clusters: dict[str, list] = {}
    for a, e, c in store.con.execute("SELECT * FROM event_clusters ORDER BY ALL").fetchall():
        clusters.setdefault(c, []).append((a, e))
    return {
        "people": store.people(), "timeline": store.timeline(), "conflicts": store.conflicts(),
        "records": sorted(json.dumps(r.to_dict(), sort_keys=True) for r in store.records()),
        "events": store.con.execute("SELECT article_id, event_id, timeline_id FROM events ORDER BY ALL").fetchall(),
        "clusters": sorted(clusters.values()),
        "members": store.con.execute("SELECT * FROM person_members ORDER BY ALL").fetchall(),
    }


def _incremental(path: Path, records: list[Record]) -> dict:
    with Store(path) as store:
        done, step = 0, 0
        while done < len(records):
            chunk = records[done:done + STEPS[step % len(STEPS)]]
            _write(store, chunk)
            pipeline.resolve_new(store)
            done += len(chunk)
            step += 1
        assert store.resolved_seq() == len(records)
        return _contents(store)


def _full(path: Path, records: list[Record]) -> dict:
    with Store(path) as store:
        _write(store, records)
        pipeline.refresh(store)
        return _contents(store)


def _same(tmp_path: Path, records: list[Record]) -> None:
    full = _full(tmp_path / "full.duckdb", records)
    step = _incremental(tmp_path / "step.duckdb", records)
    assert full["timeline"] and full["people"]
    for part in full:
        assert step[part] == full[part], part


@pytest.mark.parametrize("name", list(SETS))
def test_adding_articles_a_few_at_a_time_gives_the_full_recompute(sets, tmp_path, name):
    if name not in sets:
        pytest.skip(f"no {name} set at {SETS[name]}")
    _same(tmp_path, sets[name])


def test_all_sets_in_one_store_in_two_orders(sets, tmp_path):
    """Reports of one event in two sets, people named in several: the sets together, and again in reverse."""
    every = [r for name in sets for r in sets[name]]
    for order, records in (("forward", every), ("back", every[::-1])):
        (tmp_path / order).mkdir()
        _same(tmp_path / order, records)


def test_the_stored_keys_reach_every_pair_that_can_merge(sets):
    """Every candidate pair of timeline.candidate_pairs that build_timeline could merge (incremental.linked)
    shares a key one event stores and the other looks up (incremental.event_keys), either way round, so the store
    finds each stored event a new one could be merged with."""
    every = [r for name in sets for r in sets[name]]
    items = sorted(((r, e) for r in every for e in r.events), key=lambda x: (x[0].article.id,
                                                                              tl.event_order(x[1].id)))
    keys = [incremental.event_keys(r, e) for r, e in items]
    pairs = [(i, j) for i, j in tl.candidate_pairs(items) if incremental.linked(items[i], items[j])]
    assert len(pairs) > 50
    missed = [(i, j) for i, j in pairs
              if not (set(keys[i].own) & set(keys[j].probe)) or not (set(keys[j].own) & set(keys[i].probe))]
    assert not missed, [(items[i][1], items[j][1]) for i, j in missed[:3]]


def test_every_link_needs_compatible_people(sets):
    """resolve_new_events reads a stored event only when its people are compatible with the new one's: every tie
    and every 'one dated report it can be' needs that."""
    every = [r for name in sets for r in sets[name]]
    items = [(r, e) for r in every for e in r.events]
    linked = [(x, y) for n, x in enumerate(items) for y in items[n + 1:] if incremental.linked(x, y)]
    assert len(linked) > 20
    assert all(tl.people_compatible(x[1].participants, y[1].participants) for x, y in linked)


def test_clusters_reuse_the_ties_the_timeline_scored(sets):
    """refresh hands clusters the pairs build_timeline already compared (Timeline.scored): the clusters are those
    of comparing every candidate pair again, and some pairs were indeed scored."""
    every = [r for name in sets for r in sets[name]]
    timeline = tl.build_timeline(every)
    assert any(rule is not None for rule in timeline.scored.values())
    assert any(rule is None for rule in timeline.scored.values())
    assert (incremental.clusters(every, timeline.index, timeline.scored)
            == incremental.clusters(every, timeline.index) == incremental.clusters(every))

"""Issue 16, the index at size: an update reads only what was stored since the last one, merges only the newest
segments, reads no JSON to load, and leaves people, timeline and conflicts in the store (read when ask needs
them). Stores are written directly (no spaCy), BM25-only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.models import Article, Record
from parley.search import index as index_module
from parley.search import open_index, search, update_index
from parley.search.articles import ArticleTable
from parley.search.articles import write as write_articles
from parley.store import Store

TOWNS = ["Tallinn", "Riga", "Vilnius", "Gdansk", "Turku", "Tartu", "Kaunas", "Oulu", "Liepaja", "Narva",
         "Klaipeda", "Parnu", "Ventspils", "Siauliai", "Vaasa", "Daugavpils"]


def _record(n: int, outlet: str | None = "Harbour Ledger", title: str | None = None) -> Record:
    town = TOWNS[n % len(TOWNS)]
    text = (f"Ferry operators in {town} reported {n + 3} new routes this spring. "
            f"The port authority of {town} said cargo volumes rose for the {n + 2}th month in a row.")
    cut = text.index(" The port")
    return Record(article=Article(id=f"{n:016x}", source=f"{n}.txt", text=text, title=title or f"Ferries of {town}",
                                  outlet=outlet, published=f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"),
                  sentences=((0, cut), (cut + 1, len(text))))


@pytest.fixture()
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("PARLEY_SEARCH_SEMANTIC", "0")
    with Store(tmp_path / "ports.duckdb") as s:
        s.write_records([_record(n) for n in range(6)])
        s.replace_corpus(people=[], timeline=[], conflicts=[])
        update_index(s)
        yield s


def test_an_update_reads_only_the_articles_stored_since_the_last_one(store, monkeypatch):
    def no_full_scan(*args, **kwargs):
        raise AssertionError("the update read every stored article")

    monkeypatch.setattr(type(store), "article_ids", no_full_scan)
    monkeypatch.setattr(type(store), "records", no_full_scan)
    monkeypatch.setattr(index_module, "indexed_ids", no_full_scan)
    store.write_records([_record(6), _record(7)])
    assert update_index(store) == 2
    assert update_index(store) == 0
    manifest = index_module.read_manifest(Path(store.index_dir))
    assert manifest["articles"] == 8 and manifest["seq"] == 8
    assert search(store, "Ferry operators in Kaunas")[0].article_id == f"{6:016x}"


def test_a_duplicate_is_passed_over_once_and_never_looked_at_again(store):
    copy = _record(40)
    dup = Record(article=Article(id="f" * 16, source="dup.txt", text=copy.article.text, title="Re-post",
                                 outlet="Mirror Site", duplicate_of=copy.article.id), sentences=copy.sentences)
    store.write_records([copy, dup])
    assert update_index(store) == 1
    manifest = index_module.read_manifest(Path(store.index_dir))
    assert manifest["articles"] == 7 and "duplicates" not in manifest
    assert update_index(store) == 0
    assert {h.article_id for h in search(store, "Ferry operators reported 43 new routes")} >= {copy.article.id}
    assert "f" * 16 not in {h.article_id for h in search(store, "Ferry operators reported 43 new routes")}


@pytest.mark.parametrize("sizes, taken", [
    ([100_000] + [20] * 8, 8),  # the small newest ones, never the big old one
    ([1, 1, 1, 1], 4),
    ([500, 300, 20, 20], 2),  # 300 is more than twice 40: it waits
    ([500, 70, 20, 20], 3),  # 70 is at most twice 40: it joins, 500 is more than twice 110
    ([180, 90, 40, 20, 20], 5),
])
def test_a_merge_takes_each_older_segment_at_most_twice_the_newer_ones_taken(sizes, taken):
    assert index_module.merge_count(sizes) == taken


def test_a_merge_leaves_the_older_large_segment_as_it_is(store, monkeypatch):
    monkeypatch.setattr(index_module, "MAX_SEGMENTS", 3)
    monkeypatch.setattr(index_module, "MERGE_RATIO", 1)  # 6 articles against the three newest: kept apart
    index_dir = Path(store.index_dir)
    first = index_module.read_manifest(index_dir)["segments"][0]
    built = (index_dir / first / "articles.npz").stat().st_mtime_ns
    order = [f"{n:016x}" for n in range(6)]
    for n in range(6, 9):  # three more segments of one article: the fourth triggers a merge of the newest
        store.write_records([_record(n)])
        update_index(store)
        order.append(f"{n:016x}")
    manifest = index_module.read_manifest(index_dir)
    assert manifest["segments"][0] == first and len(manifest["segments"]) == 2
    assert (index_dir / first / "articles.npz").stat().st_mtime_ns == built  # not rewritten
    assert manifest["sizes"] == {first: 6, manifest["segments"][1]: 3} and manifest["articles"] == 9
    idx = open_index(store)
    assert [a["id"] for a in idx.articles] == order  # merged articles keep their order (and numbers)
    assert search(store, "Ferry operators in Gdansk")[0].article_id == f"{3:016x}"
    assert search(store, "cargo volumes rose for the 10th month")[0].article_id == f"{8:016x}"


def test_the_index_keeps_no_copy_of_the_corpus_tables_and_ask_reads_them_from_the_store(store):
    index_dir = Path(store.index_dir)
    (index_dir / "corpus.json").write_text("{}", encoding="utf-8")  # what an older parley left there
    store.write_records([_record(9)])
    update_index(store)
    assert not (index_dir / "corpus.json").exists()
    timeline = [{"id": "t1", "type": "visit", "participants": ["Someone"], "articles": [f"{9:016x}"]}]
    store.replace_corpus(people=[], timeline=timeline, conflicts=[])
    store.write_records([_record(10)])
    update_index(store)
    idx = open_index(store)
    assert idx.corpus._tables == {}  # nothing read at load
    search(store, "Ferry operators in Klaipeda")
    assert idx.corpus._tables == {}  # nor by a search
    assert idx.corpus.get("timeline") == store.timeline() and idx.corpus.get("conflicts") == []


def test_the_article_table_reads_back_what_was_written(tmp_path):
    rows = [{"id": "a1", "title": "Überraschung in Łódź — “talks”", "outlet": None, "published": "2024-05-01"},
            {"id": "b2", "title": "", "outlet": "Ledger", "published": None},
            {"id": "c3", "title": None, "outlet": "Ledger", "published": "2023"}]
    write_articles(tmp_path, rows)
    table = ArticleTable.read(tmp_path)
    assert list(table) == rows and len(table) == 3 and table[-1] == rows[-1]
    assert table.column("outlet") == [None, "Ledger", "Ledger"]
    both = ArticleTable.concat([table, ArticleTable.of(rows[:1])])
    assert list(both) == rows + rows[:1] and both[3]["title"] == rows[0]["title"]
    with pytest.raises(IndexError):
        table[3]


def test_an_index_written_by_an_older_parley_is_read_and_brought_up_to_date(store):
    index_dir = Path(store.index_dir)
    manifest = index_module.read_manifest(index_dir)
    before = [(h.article_id, h.start, h.score) for h in search(store, "port authority cargo volumes Riga")]
    for name in manifest["segments"]:  # what an older parley wrote: JSON article tables only, no seq, no sizes
        (index_dir / name / "articles.npz").unlink()
    old = {"format": 1, "segments": manifest["segments"], "articles": 6, "duplicates": [], "store_count": 6}
    (index_dir / "manifest.json").write_text(json.dumps(old), encoding="utf-8")
    index_module._cache.clear()
    assert [(h.article_id, h.start, h.score) for h in search(store, "port authority cargo volumes Riga")] == before
    store.write_records([_record(11)])
    assert update_index(store) == 1
    manifest = index_module.read_manifest(index_dir)
    assert manifest["seq"] == 7 and manifest["articles"] == 7 and sum(manifest["sizes"].values()) == 7
    assert search(store, "Ferry operators in Parnu")[0].article_id == f"{11:016x}"


def test_each_article_s_sentences_and_text_are_found_in_its_own_segment(store):
    for n in range(6, 9):  # more segments, articles of two sentences each
        store.write_records([_record(n)])
        update_index(store)
    idx = open_index(store)
    assert len(idx.segments) > 1
    for number, meta in enumerate(idx.articles):
        record = _record(int(meta["id"], 16))
        assert idx.units_of(number) == list(record.sentences)
        assert idx.text_of(number) == record.article.text
    assert idx.units_of(len(idx.articles)) == [] and idx.text_of(-1) is None

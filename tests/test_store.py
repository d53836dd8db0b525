"""The DuckDB store: migrations, idempotent writes, transactions that keep the store whole."""

from __future__ import annotations

import pytest

from parley.errors import NotFoundError, StoreError
from parley.models import Article, Entity, Event, EventDate, Mention, Quote, Record
from parley.store import ArticleFilter, Store
from parley.store.migrations import MIGRATIONS


def _record(i: int, published: str | None = None, outlet: str | None = None) -> Record:
    text = f'Article number {i}. The minister said "we will talk again" on Monday.'
    article = Article(id=f"id{i:04d}", source=f"file{i}.txt", text=text, published=published, outlet=outlet)
    start = text.index("we will")
    return Record(
        article=article,
        entities=(Entity(id="e1", name="Anna Example", type="PERSON", roles=("minister",),
                         mentions=(Mention(15, 23, text[15:23]),)),),
        quotes=(Quote(text="we will talk again", kind="direct", start=start, end=start + 18,
                      speaker="Anna Example", speaker_id="e1"),),
        events=(Event(id="ev1", type="talks", participants=("Anna Example",), location="Vienna",
                      date=EventDate("2020-01-06", "Monday")),),
    )


def test_migrations_are_recorded_once(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        assert [v for v, _ in store.migrations()] == [m[0] for m in MIGRATIONS]
    with Store(path) as store:  # reopening applies nothing twice
        assert len(store.migrations()) == len(MIGRATIONS)


def test_write_is_idempotent_and_roundtrips(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        assert store.write_records([_record(1), _record(2)]) == 2
        assert store.write_records([_record(1)]) == 0
        assert store.count() == 2
        back = store.record("id0001")
        assert back == _record(1)
        assert back.to_dict() == _record(1).to_dict()
        quotes = store.quotes(speaker="anna")
        assert [q["article_id"] for q in quotes] == ["id0001", "id0002"]
        q = quotes[0]
        assert back.article.text[q["start"]:q["end"]] == q["text"]


def test_a_failing_write_rolls_back_the_whole_batch(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.write_records([_record(1)])
        broken = Record(article=_record(3).article, claims=({"not json": {1, 2}},))
        with pytest.raises(TypeError):
            store.write_records([_record(2), broken])
        assert store.article_ids() == {"id0001"}  # record 2 was in the failed transaction
        assert store.count() == 1
    with Store(path) as store:
        assert store.record("id0001").quotes[0].text == "we will talk again"


def test_filters_and_prefix_lookup(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write_records([_record(1, "2017-07-25T16:53", "Vestnik"), _record(2, "2024-04-23", "Pogled.info"),
                             _record(3, None, None)])
        assert [a.id for a in store.articles(ArticleFilter(since="2018"))] == ["id0002"]
        assert [a.id for a in store.articles(ArticleFilter(until="2017-07-25"))] == ["id0001"]
        assert [a.id for a in store.articles(ArticleFilter(outlet="pogled"))] == ["id0002"]
        assert store.article("id0003").id == "id0003"
        with pytest.raises(NotFoundError, match="matches 3 articles"):
            store.article("id000")
        with pytest.raises(NotFoundError, match="no article"):
            store.article("zzz")


def test_corpus_results_replace_in_one_go(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write_records([_record(1)])
        assert store.corpus_stale()
        store.replace_corpus(people=[{"id": "p1", "name": "Anna Example"}],
                             timeline=[{"timeline_id": "t1", "type": "talks"}],
                             conflicts=[])
        assert not store.corpus_stale()
        assert store.people()[0]["name"] == "Anna Example"
        assert store.timeline()[0]["timeline_id"] == "t1"
        store.replace_corpus(people=[], timeline=[], conflicts=[])
        assert store.people() == [] and store.timeline() == []


def test_read_only_store_must_exist(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.duckdb"
    path.write_text("this is not a database")
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(path)


def test_bulk_writes_and_rewrites_keep_query_tables_in_step(tmp_path):
    records = [_record(i) for i in range(1200)]  # more rows than one multi-row INSERT holds
    with Store(tmp_path / "s.duckdb") as store:
        assert store.write_records(records + [records[0]]) == 1200  # a repeat inside the batch counts once
        assert store.count() == 1200 and len(store.quotes()) == 1200
        renamed = [Record(article=r.article, quotes=(r.quotes[0].__class__(**{**r.quotes[0].__dict__,
                                                                             "speaker": "Someone Else"}),))
                   for r in records[:700]]
        store.update_records(renamed)
        assert len(store.quotes()) == 1200  # rewritten, not added
        assert len(store.quotes(speaker="someone else")) == 700
        assert store.record("id0001").entities == ()
        found = store.articles_by_id(["id0005", "id1199", "missing"])
        assert sorted(found) == ["id0005", "id1199"] and found["id0005"].source == "file5.txt"

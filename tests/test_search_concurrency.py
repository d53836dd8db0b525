"""Search and ask under concurrent requests: queries embedded once and in batches, the index's freshness known
without a store query per request, and the API answering many requests at once as it answers them one by one."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from parley.search import embed, index_current, search

from test_search import _record_a, _record_b, _record_c, small_store  # noqa: F401  (records and store written for the tests)


class CountingStore:
    """A store that counts how often each of its methods is called."""

    def __init__(self, store):
        self._store = store
        self.calls: dict[str, int] = {}

    def __getattr__(self, name):
        value = getattr(self._store, name)
        if not callable(value):
            return value

        def counted(*args, **kwargs):
            self.calls[name] = self.calls.get(name, 0) + 1
            return value(*args, **kwargs)

        return counted


def test_the_index_freshness_is_not_read_from_the_store_for_every_request(small_store):
    counting = CountingStore(small_store)
    assert index_current(counting)
    before = counting.calls.get("count", 0)
    for _ in range(5):
        search(counting, "grain exports")
    assert counting.calls.get("count", 0) == before


def test_an_article_stored_after_a_check_is_still_found(small_store):
    assert index_current(small_store)
    small_store.write_records([_record_c()])
    assert not index_current(small_store)
    hits = search(small_store, "fishing quotas Baltic trawler")
    assert hits and hits[0].article_id == "c" * 16


needs_model = pytest.mark.skipif(not embed.available(), reason="the MiniLM model package is not installed")


@needs_model
def test_concurrent_queries_get_the_vectors_they_would_get_alone():
    queries = [f"talks on border crossing number {i} between the two ministers" for i in range(12)]
    with ThreadPoolExecutor(max_workers=12) as pool:
        together = list(pool.map(embed.encode_query, queries))
    for query, vector in zip(queries, together):
        alone = embed.encode([query])[0]
        assert np.abs(vector - alone).max() < 1e-5
        assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-4


@needs_model
def test_a_query_is_embedded_once():
    query = "a question asked twice about the interconnector"
    first = embed.encode_query(query)
    assert embed.encode_query(query) is first
    assert not first.flags.writeable  # shared between requests: nobody may change it


def test_the_api_answers_concurrent_requests_as_it_answers_them_one_by_one(small_store, tmp_path):
    from fastapi.testclient import TestClient

    from parley.api.app import create_app

    path = small_store.path
    small_store.close()
    searches = ["grain exports corridor", "gas pipelines", "interconnector capacity", "Warsaw farmers"] * 3
    questions = ["When did Berg and Varga meet?", "What did Berg say about the interconnector?",
                 "What was on the agenda of Varga's visit to Warsaw?", "How large was bilateral trade?"] * 3
    with TestClient(create_app(path)) as client:
        def get(args):
            endpoint, q = args
            r = client.get(f"/api/{endpoint}", params={"q": q})
            assert r.status_code == 200, r.text
            return r.json()

        items = [("search", q) for q in searches] + [("ask", q) for q in questions]
        alone = [get(item) for item in items]
        with ThreadPoolExecutor(max_workers=12) as pool:
            together = list(pool.map(get, items))
    assert together == alone
    assert any(a.get("answered") for a in alone if isinstance(a, dict) and "answered" in a)


@needs_model
def test_a_large_segment_scores_vectors_of_its_best_bm25_matches_only(small_store, monkeypatch):
    from parley.search import index as index_module
    from parley.search import open_index

    idx = open_index(small_store)
    query = "grain exports corridor"
    everything = idx.retrieve(query, k=10)
    assert sum(c.cosine is not None for c in everything) > 1  # every sentence near enough is a dense match
    monkeypatch.setattr(index_module, "DENSE_ALL", 0)
    monkeypatch.setattr(index_module, "PREFILTER", 1)
    lexical_best = max(everything, key=lambda c: c.bm25)
    dense = [c for c in idx.retrieve(query, k=10) if c.cosine is not None]
    assert [c.unit for c in dense] == [lexical_best.unit]

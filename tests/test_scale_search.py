"""Issue 16, search at size: a search reads no article facts (on a large store parsing them is most of loading
the index); ask still sees every article's facts, in article order."""

from __future__ import annotations

import json
from pathlib import Path

from parley.search import ask, open_index, search
from parley.search import index as index_module
from parley.search.index import LazyFacts, read_manifest


def test_a_search_leaves_the_facts_unread_and_ask_reads_them_all(seeds_store):
    index_module._cache.clear()  # an earlier test's ask on the same store has read the cached index's facts
    idx = open_index(seeds_store)
    assert isinstance(idx.facts, LazyFacts) and idx.facts._items is None
    hits = search(seeds_store, "transport corridor", limit=3)
    assert hits and idx.facts._items is None
    answer = ask(seeds_store, "What was on the agenda of the April 22 meeting?")
    assert answer.answered and idx.facts._items is not None
    index_dir = Path(seeds_store.index_dir)
    on_disk = [f for name in read_manifest(index_dir)["segments"]
               for f in json.loads((index_dir / name / "facts.json").read_text(encoding="utf-8"))]
    assert list(idx.facts) == on_disk and len(idx.facts) == len(idx.articles)

"""search.bm25 answers queries as bm25s does (tokens and scores alike) without importing bm25s: the texts are
written for the test, in the shapes news sentences take (names with accents, figures, hyphens, quotes)."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

bm25s = pytest.importorskip("bm25s")

from parley.search import bm25  # noqa: E402

TEXTS = [
    "Foreign Minister Jean-Luc Moreau arrived in Reykjavík on Tuesday for two days of talks.",
    "“We are not going to accept it,” she said, adding that the 12-point plan was 'a start'.",
    "The ministers didn't discuss the pipeline; they discussed tariffs, quotas and 3.5 billion euros of aid.",
    "Erdoğan and Çavuşoğlu met Lula in São Paulo — the first such visit since 2019.",
    "A_B tested under_scores, e-mail, U.S. sanctions, COVID-19 and the G20's communiqué.",
    "",
    "It is what it is: and, or, but, the, of.",
    "Talks talked talking: the talks were about talking, and about the ministries' ministers.",
]
QUERIES = ["talks about tariffs", "Reykjavik", "Reykjavík talks talks", "the and of", "sanctions U.S.",
           "3.5 billion euros", "ministers ministry", "nothing here matches zzz", "São Paulo visit 2019"]


def _reference(texts: list[str]) -> list[list[str]]:
    import Stemmer

    return bm25s.tokenize(texts, stopwords="en", stemmer=Stemmer.Stemmer("english"), return_ids=False,
                          show_progress=False)


def test_the_tokens_are_bm25s_tokens():
    assert bm25.tokenize(TEXTS) == _reference(TEXTS)
    for text in TEXTS + QUERIES:
        assert bm25.tokenize([text]) == _reference([text])
    assert bm25.stopwords() == frozenset(bm25s.stopwords.STOPWORDS_EN)


def test_the_scores_are_bm25s_scores_to_the_bit(tmp_path):
    retriever = bm25s.BM25()
    retriever.index(bm25.tokenize(TEXTS), show_progress=False)
    retriever.save(str(tmp_path / "bm25"), show_progress=False)
    loaded = bm25s.BM25.load(str(tmp_path / "bm25"), show_progress=False)
    ours = bm25.Scorer(tmp_path / "bm25")
    assert ours.vocab_dict == loaded.vocab_dict
    for query in QUERIES:
        tokens = bm25.tokenize([query])[0]
        ids = ours.get_tokens_ids(tokens)
        assert ids == loaded.get_tokens_ids(tokens)
        if ids:
            got, want = ours.get_scores_from_ids(ids), loaded.get_scores_from_ids(ids)
            assert got.dtype == want.dtype and np.array_equal(got, want), query
    assert ours.get_scores_from_ids(ours.get_tokens_ids(["talk"])).max() > 0


def test_searching_imports_neither_bm25s_nor_scipy(seeds_db):
    code = ("import sys; from parley.store import Store; from parley.search import search\n"
            f"with Store({str(seeds_db)!r}, read_only=True) as s: assert search(s, 'transport corridor')\n"
            "print(sorted(m for m in ('bm25s', 'scipy', 'datasketch') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "PARLEY_SEARCH_SEMANTIC": "0"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"

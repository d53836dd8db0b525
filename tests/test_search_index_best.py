"""index.best: the k highest scores among candidate positions, best first, equal scores in sentence order, so a
search's ranking does not depend on how the scores were computed or which partition algorithm picked them."""

from __future__ import annotations

import numpy as np
import pytest

from parley.search.index import best


def test_the_highest_scores_best_first():
    scores = np.array([0.0, 2.5, 0.7, 3.1, 0.0, 1.2], dtype=np.float32)
    positions = np.flatnonzero(scores > 0)
    assert best(scores, positions, 3).tolist() == [3, 1, 5]
    assert best(scores, positions, 10).tolist() == [3, 1, 5, 2]  # fewer candidates than k: all, ranked


def test_equal_scores_keep_sentence_order_at_the_cut():
    # five sentences share the score at the cut; the earliest ones are taken, in their order
    scores = np.array([1.0, 4.0, 1.0, 1.0, 4.0, 1.0, 1.0, 0.5], dtype=np.float32)
    positions = np.arange(len(scores))
    assert best(scores, positions, 4).tolist() == [1, 4, 0, 2]
    assert best(scores, positions, 2).tolist() == [1, 4]


def test_only_the_positions_given_are_ranked():
    scores = np.array([9.0, 0.1, 8.0, 0.2, 7.0], dtype=np.float32)
    assert best(scores, np.array([1, 3, 4]), 2).tolist() == [4, 3]
    assert best(scores, np.array([], dtype=np.int64), 2).tolist() == []
    assert best(scores, np.array([0, 2]), 0).tolist() == []


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_same_ranking_as_a_full_sort(seed):
    rng = np.random.default_rng(seed)
    scores = rng.integers(0, 6, size=5000).astype(np.float32)  # many ties, as duplicate sentences give
    positions = np.flatnonzero(scores > 0)
    expected = sorted(positions.tolist(), key=lambda i: (-scores[i], i))[:50]
    assert best(scores, positions, 50).tolist() == expected

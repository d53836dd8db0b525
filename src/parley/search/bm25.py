"""BM25 at query time without importing bm25s: its tokenizer and its scoring of a saved index, as bm25s 0.3 does them.

Importing bm25s imports scipy.sparse (about 0.6 s, most of a cold `parley search` on a large store once the
index loads without parsing JSON), yet answering a query needs none of it: the saved index is a vocabulary and
the three arrays of a sparse matrix of precomputed scores, and a query's scores are the sums of its words'
columns. ``Scorer`` reads those files (the arrays memory-mapped) and sums them with the same numpy calls bm25s's
numpy backend makes, so the scores are the same to the bit; ``tokenize`` splits, drops stop words and stems as
``bm25s.tokenize(texts, stopwords="en", stemmer=...)`` does, with bm25s's own English stop words (read from its
module file, not copied). Building an index still goes through bm25s (index.build_segment).
tests/test_index_bm25.py holds both to bm25s's output.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

TOKEN = re.compile(r"(?u)\b\w\w+\b")  # bm25s.tokenize's default token_pattern (scikit-learn's)


@lru_cache(maxsize=1)
def stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=None)
def stopword_list(name: str = "STOPWORDS_EN") -> tuple[str, ...]:
    """One of bm25s's stop-word lists (``STOPWORDS_EN`` is its ``stopwords="en"``), read from the installed
    bm25s/stopwords.py as a literal: importing bm25s would import scipy (about a second)."""
    spec = importlib.util.find_spec("bm25s")  # finds the package without importing it
    if spec is None or spec.origin is None:
        raise ImportError("bm25s is not installed")
    tree = ast.parse(Path(spec.origin).with_name("stopwords.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return tuple(ast.literal_eval(node.value))
    raise ImportError(f"bm25s/stopwords.py defines no {name}")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """bm25s's STOPWORDS_EN, the words its ``stopwords="en"`` drops."""
    return frozenset(stopword_list("STOPWORDS_EN"))


def tokenize(texts: list[str]) -> list[list[str]]:
    """Lower-cased words of two or more word characters, less stop words, stemmed: bm25s.tokenize's tokens."""
    stop = stopwords()
    split = [[w for w in TOKEN.findall(text.lower()) if w not in stop] for text in texts]
    unique = list(dict.fromkeys(w for words in split for w in words))
    stems = dict(zip(unique, stemmer().stemWords(unique)))
    return [[stems[w] for w in words] for words in split]


class Scorer:
    """One saved bm25s index (the folder ``BM25.save`` wrote), scored as ``bm25s.BM25`` scores it: the same
    ``get_tokens_ids`` and ``get_scores_from_ids`` and ``vocab_dict``."""

    def __init__(self, folder: Path):
        params = json.loads((folder / "params.index.json").read_text(encoding="utf-8"))
        self.vocab_dict: dict[str, int] = json.loads((folder / "vocab.index.json").read_text(encoding="utf-8"))
        self.data = np.load(folder / "data.csc.index.npy", mmap_mode="r")
        self.indices = np.load(folder / "indices.csc.index.npy", mmap_mode="r")
        self.indptr = np.load(folder / "indptr.csc.index.npy", mmap_mode="r")
        self.num_docs = int(params["num_docs"])
        self.dtype = np.dtype(params.get("dtype", "float32"))
        self.int_dtype = np.dtype(params.get("int_dtype", "int32"))
        self.nonoccurrence = None
        if params.get("method") in ("bm25l", "bm25+"):  # the variants that score a word's absence too
            self.nonoccurrence = np.load(folder / "nonoccurrence_array.index.npy")

    def get_tokens_ids(self, tokens: list[str]) -> list[int]:
        return [self.vocab_dict[t] for t in tokens if t in self.vocab_dict]

    def get_scores_from_ids(self, ids: list[int]) -> np.ndarray:
        ids_array = np.asarray(ids, dtype=self.int_dtype)
        if int(ids_array.max(initial=0)) >= len(self.indptr) - 1:
            raise ValueError(f"token id {int(ids_array.max())} is not in this index")
        starts, ends = self.indptr[ids_array], self.indptr[ids_array + 1]
        scores = np.zeros(self.num_docs, dtype=self.dtype)
        for start, end in zip(starts, ends):
            np.add.at(scores, self.indices[start:end], self.data[start:end])
        if self.nonoccurrence is not None:
            scores += self.nonoccurrence[ids_array].sum()
        return scores

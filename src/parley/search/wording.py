"""The words of questions as data: the lists of ``search/data/*.txt`` and their stems, and NLTK's function words
as bm25s ships them."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from parley.search.index import tokenize
from parley.search.lemmas import lemma_stems


@lru_cache(maxsize=None)
def data(name: str) -> tuple[str, ...]:
    text = resources.files("parley.search").joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue
        line = line.strip()
        if line:
            out.append(line)
    return tuple(out)


@lru_cache(maxsize=None)
def stems(name: str) -> frozenset[str]:
    return frozenset(t for toks in tokenize(list(data(name))) for t in lemma_stems(toks))


@lru_cache(maxsize=1)
def function_stems() -> frozenset[str]:
    """The stems of NLTK's English stop words as bm25s ships them ("during", "until", "between"): the index keeps
    them (it drops only the short list), but a question's function words are no words of what it asks."""
    from parley.search.bm25 import stopword_list

    plus = stopword_list("STOPWORDS_EN_PLUS")
    # less the pieces of contractions ("won" of "won't" is also the past of "win")
    clipped = {w.split("'")[0] for w in plus if w.endswith("n't")}
    words = [w for w in plus if "'" not in w and w not in clipped and len(w) > 1]
    return frozenset(t for toks in tokenize(words) for t in toks)

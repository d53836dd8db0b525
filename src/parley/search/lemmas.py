"""Irregular verb forms brought to their lemma's stem, so a question's "hold talks" or "had met" finds a sentence's
"held talks" or "are meeting": the Snowball stems the index uses leave "held" and "met" as they are.

The forms are the spaCy model's own lemmatizer exceptions (``lemma_exc``, verbs), less every form that is itself
a noun or a verb in the model's ``lemma_index`` ("saw", "ground", "found", "left" as a noun stay words of their own).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=1)
def _irregular() -> dict[str, str]:
    """stem of an irregular verb form -> stem of its lemma ("met" -> "meet", "held" -> "hold")."""
    from importlib import util
    from pathlib import Path

    from spacy.lookups import Lookups

    from parley.nlp import MODEL
    from parley.search.index import tokenize

    spec = util.find_spec(MODEL)
    if spec is None or not spec.submodule_search_locations:
        return {}
    found = sorted(Path(next(iter(spec.submodule_search_locations))).glob("*/lemmatizer/lookups"))
    if not found:
        return {}
    lookups = Lookups().from_disk(found[0])
    if "lemma_exc" not in lookups.tables or "lemma_index" not in lookups.tables:
        return {}
    index = lookups.get_table("lemma_index")
    taken = set(index["noun"]) | set(index["verb"])
    pairs = [(form, lemmas[0]) for form, lemmas in lookups.get_table("lemma_exc")["verb"].items()
             if lemmas and form not in taken and form != lemmas[0] and form.isalpha()]
    stems = tokenize([f"{form} {lemma}" for form, lemma in pairs])
    out = {}
    for got in stems:
        if len(got) == 2 and got[0] != got[1]:
            out.setdefault(got[0], got[1])
    return out


def lemma_stems(stems: Iterable[str]) -> list[str]:
    """``stems`` with each irregular verb form's stem replaced by its lemma's, in order."""
    table = _irregular()
    return [table.get(s, s) for s in stems]

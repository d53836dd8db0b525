"""What the real-news development sets add to `parley eval` (gold README, "Real-news development sets").

    sources        ``sources.json`` beside the annotated files: what each page gave outside its text
                   (``published``, ``outlet``, ``url`` per file name), passed as an analyst would pass
                   ``--published``: a date or outlet only to an article whose text states none, the url always
                   when the reader found none. Metadata is then measured on what the text itself states.
                   ``extract_folder`` is pipeline.extract with this step between reading and analysis, so
                   relative dates resolve against the date the page gave.
    disagreements  top-level gold disagreements (``about``, ``files``, ``sides``: snippets of each side) found
                   when one of parley's conflicts has, for every gold side, its own side citing one of that
                   side's snippets in one of the files. Precision: conflicts that show a gold disagreement.
    claims         top-level gold claims (statements that other articles confirm): found when every statement's
                   file has a parley claim citing its snippet and those claims share one key.
    questions      analyst questions put to ``ask`` over a store and index built from the same records: an
                   answerable one (``expect``: snippets) counts when a citation holds one of its snippets;
                   ``questions.refused`` counts the unanswerable ones (``expect`` null) that ask refused.
                   Precision: right answers among all answers given; right refusals among all refusals.

A side, claim or citation "cites" a snippet when its text holds the snippet or its span overlaps the
snippet's place in the article (both compared after the quote-mark and whitespace folding of ``norm``).
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import replace
from itertools import product
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parley.errors import GoldError, ParleyError
from parley.evaluate import QUOTE_MARKS, Score, norm
from parley.models import Article, Record

if TYPE_CHECKING:
    from parley.pipeline import Corpus
    from parley.store import Store

__all__ = ["SOURCES_FILE", "load_sources", "with_source", "extract_folder", "locate", "score_disagreements", "score_claims",
           "score_questions"]

SOURCES_FILE = "sources.json"
Sources = Mapping[str, Mapping[str, Any]]


# -- sources.json ------------------------------------------------------------------------------------

def load_sources(folder: Path) -> dict[str, dict[str, Any]]:
    """``folder/sources.json`` as {file name: {published, outlet, url}}; empty when there is none."""
    path = Path(folder) / SOURCES_FILE
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read ({exc})") from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise GoldError(f"{path}: expected an object of file name -> {{published, outlet, url}}")
    return data


def with_source(article: Article, sources: Sources) -> Article:
    """``article`` with what its page gave outside the text, for the fields its text left empty."""
    from parley.ingest import normalise_published

    from parley.pipeline import with_published

    given = sources.get(Path(article.source).name) or {}
    article = with_published(article, normalise_published(given.get("published")))
    changes: dict[str, str] = {}
    for key in ("outlet", "url"):
        value = given.get(key)
        named = getattr(article, key)
        if key == "outlet" and named and named == article.wire:
            named = None  # the text named only the agency: the page's publisher is still unknown
        if isinstance(value, str) and value.strip() and not named:
            changes[key] = value.strip()
    return replace(article, **changes) if changes else article


def extract_folder(folder: Path) -> Corpus:
    """pipeline.extract over one folder, with the folder's ``sources.json`` (per file: published, outlet, url)
    applied to each article after reading and before analysis, as an analyst passes ``--published``.
    One batch, as an analyst would ingest a folder: cleaning learns chrome repeated across files.
    Returns a pipeline.Corpus."""
    from parley import pipeline

    sources = load_sources(folder)
    return pipeline.extract([folder], adjust=lambda article: with_source(article, sources))


# -- citing a snippet --------------------------------------------------------------------------------

def locate(snippet: str, text: str) -> tuple[int, int] | None:
    """Where ``snippet`` stands in ``text`` (any case, any quote marks, any run of whitespace), or None."""
    words = snippet.translate(QUOTE_MARKS).split()
    if not words:
        return None
    m = re.search(r"\s+".join(map(re.escape, words)), text.translate(QUOTE_MARKS), re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def _cites(span: Mapping[str, Any], snippet: str, record: Record) -> bool:
    """Does a conflict side or claim (a dict with text, start, end) cite ``snippet`` of ``record``?"""
    if norm(snippet) in norm(span.get("text")):
        return True
    start, end = span.get("start"), span.get("end")
    where = locate(snippet, record.article.text)
    return where is not None and isinstance(start, int) and isinstance(end, int) and start < where[1] \
        and where[0] < end


# -- disagreements and claims ------------------------------------------------------------------------

def score_disagreements(disagreements: Sequence[dict], by_file: Mapping[str, Record], conflicts: Sequence[dict],
                        score: Score, misses: list[str]) -> None:
    shown = [False] * len(conflicts)
    for d in disagreements:
        score.gold += 1
        hits = [i for i, c in enumerate(conflicts) if _shows(c, d, by_file)]
        for i in hits:
            shown[i] = True
        if hits:
            score.matched += 1
        else:
            misses.append(f"disagreements: not found: {d.get('about')!r} ({', '.join(d.get('files') or [])})")
    score.predicted, score.true_positive = len(conflicts), sum(shown)


def _shows(conflict: dict, disagreement: dict, by_file: Mapping[str, Record]) -> bool:
    """Each gold side is cited by a different side of ``conflict``, from the disagreement's files."""
    records = {by_file[f].article.id: by_file[f] for f in disagreement.get("files") or [] if f in by_file}
    sides = [s for s in conflict.get("sides") or [] if s.get("article_id") in records]
    citing = [[i for i, s in enumerate(sides) if any(_cites(s, snippet, records[s["article_id"]]) for snippet in gold)]
              for gold in disagreement.get("sides") or []]
    return bool(citing) and any(len(set(pick)) == len(pick) for pick in product(*citing))


def score_claims(claims: Sequence[dict], by_file: Mapping[str, Record], score: Score, misses: list[str]) -> None:
    for group in claims:
        score.gold += 1
        keys = [_claim_keys(by_file.get(st["file"]), st["contains"]) for st in group.get("statements") or []]
        if keys and set.intersection(*keys):
            score.matched += 1
        else:
            misses.append(f"claims: not found as one claim: {group.get('about')!r} ({', '.join(group.get('files') or [])})")


def _claim_keys(record: Record | None, snippet: str) -> set[str]:
    if record is None:
        return set()
    return {str(c.get("key", "")).lower() for c in record.claims if _cites(c, snippet, record)}


# -- questions -------------------------------------------------------------------------------------------

def score_questions(questions: Sequence[dict], corpus: Corpus, misses: list[str]) -> tuple[Score, Score, Score]:
    """(questions, questions.refused, questions.recall@10): each question asked over a temporary store holding
    ``corpus``'s records, people, timeline and conflicts, with the search index that ingest would build beside
    it; recall@10 is the share of answerable questions with an expected snippet among the ten sentences that
    retrieval (BM25 and embeddings) ranks first for the question, whatever ask() then makes of them."""
    from parley.search import update_index
    from parley.store import Store

    answered, refused, retrieved = Score(predicted=0), Score(predicted=0), Score()
    with tempfile.TemporaryDirectory(prefix="parley-eval-") as tmp, Store(Path(tmp) / "eval.duckdb") as store:
        store.write_records(corpus.records)
        store.replace_corpus(people=corpus.people, timeline=corpus.timeline, conflicts=corpus.conflicts,
                             records=corpus.records)
        update_index(store)
        for q in questions:
            _score_question(store, q, answered, refused, misses)
            _score_retrieval(store, q, retrieved)
    return answered, refused, retrieved


def _score_retrieval(store: Store, q: dict, retrieved: Score, k: int = 10) -> None:
    from parley.search import article_text, open_index

    if q.get("expect") is None:
        return
    idx = open_index(store)
    retrieved.gold += 1
    for cand in idx.retrieve(q["q"], k=k):
        text = norm(article_text(store, idx.articles[cand.article]["id"])[cand.start:cand.end])
        if any(norm(s) in text for s in q["expect"]):
            retrieved.matched += 1
            return


def _score_question(store: Store, q: dict, answered: Score, refused: Score, misses: list[str]) -> None:
    from parley.search import ask

    question, expect = q["q"], q.get("expect")
    try:
        answer = ask(store, question)
    except ParleyError as exc:
        gave, cited, said = False, [], str(exc)
    else:
        gave = answer.answered
        cited = [norm(c.text) for p in answer.parts for c in p.citations]
        said = answer.parts[0].text if answer.parts else (answer.note or "")
    if gave:
        answered.predicted += 1
    else:
        refused.predicted += 1
    if expect is None:
        refused.gold += 1
        if gave:
            misses.append(f"questions: answered, though the corpus cannot: {question!r} -> {said[:100]!r}")
        else:
            refused.matched += 1
        return
    answered.gold += 1
    if any(norm(s) in c for s in expect for c in cited):
        answered.matched += 1
    elif gave:
        misses.append(f"questions: no citation holds {expect[0]!r}: {question!r} -> {said[:100]!r}")
    else:
        misses.append(f"questions: not answered: {question!r} ({said})")

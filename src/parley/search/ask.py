"""ask(): answer a question from the structured records first, from retrieved sentences second, or say
that the corpus does not say. Every part of an answer is a fact from the records or a verbatim sentence,
and carries citations that resolve to the stored text; ``Answer.basis`` says which ("structured",
"passage", "none"), so a weak answer is never shown as a confident one.

A when-, where- or how-long-question wants a slot (questions.Question.wants): an event's place or date is cited by
a sentence that states it, and when the events lack it, the sentences of their articles that hold a date, place or
length of time (a TIMEX3 DURATION) follow the structured answer.

Time in a question: a date of reference ("before their October 2019 talks") admits the events and sentences dated
before (or after) it, and a question about what is still to come ("when will they meet?") admits no event that took
place and no sentence whose dates are not later than its article's publication.

The answer is built in layers: answer (the records), sentences (what a sentence holds), records (the structured
records to match), passages (answers from retrieved sentences), structured (answers from the records); this module
routes a question by the kind of answer wanted and refuses when none is found.
"""

from __future__ import annotations

from parley.errors import QueryError
from parley.search import questions as qmod
from parley.search.answer import MAX_PARTS, NOT_IN_CORPUS, Answer, AnswerPart, _Ctx, article_text
from parley.search.passages import _passages
from parley.search.sentences import _has_duration
from parley.search.structured import _agenda, _conflict, _figure, _meeting, _quote, _with_details, _with_slot

__all__ = ["Answer", "AnswerPart", "ask", "NOT_IN_CORPUS", "article_text"]


def ask(store, question: str, *, since: str | None = None, until: str | None = None,
        outlet: str | None = None) -> Answer:
    """Answer ``question`` from the store, citing stored text; ``answered=False`` when the corpus does not say."""
    from parley.search import check_filters, open_index

    if not question or not question.strip():
        raise QueryError("empty question: ask something, e.g. 'Who met whom in Sochi?'")
    check_filters(since, until)
    question = question.strip()
    idx = open_index(store)
    q = qmod.parse(question, idx)
    mask = idx.article_mask(outlet, since, until)
    allowed = None if mask is None else {int(i) for i in mask.nonzero()[0]}
    ctx = _Ctx(store, idx, q, allowed)
    from parley.search import embed

    retrieval = "hybrid" if idx.semantic and embed.available() else "bm25"
    if q.unknown_names:
        names = ", ".join(q.unknown_names)
        return Answer(question, q.kind, [], False, f"{NOT_IN_CORPUS} (no article mentions {names})", retrieval)
    handler = {"meeting": _meeting, "agenda": _agenda, "quote": _quote, "figure": _figure,
               "conflict": _conflict}.get(q.kind, _passages)
    if handler is not _quote and q.source:
        handler = _passages  # a record does not say who reported it: only a sentence can
    parts = [p for p in handler(ctx) if p.citations]
    basis = "structured" if parts and handler is not _passages else "none"
    if parts and handler is _meeting and q.wants in ("date", "place", "duration"):
        parts = _with_slot(ctx, parts)
    elif parts and handler is not _passages:
        parts = _with_details(ctx, parts)
    if not parts and handler is not _passages and q.kind in ("agenda", "figure", "meeting"):
        parts = [p for p in _passages(ctx) if p.citations]
    if q.wants == "duration" and not any(_has_duration(ctx, ctx.idx.by_id.get(c.article_id), c)
                                         for p in parts for c in p.citations):
        parts = []  # "how long": a visit's record without its length does not answer
    if parts and basis == "none":
        basis = "passage"
    parts = parts[:MAX_PARTS]
    if not parts:
        return Answer(question, q.kind, [], False, NOT_IN_CORPUS, retrieval)
    return Answer(question, q.kind, parts, True, None, retrieval, basis)

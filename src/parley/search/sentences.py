"""What one retrieved sentence holds: a date, a later date, a place, a length of time, a count; whether it asks
rather than states; and retrieval restricted to the articles allowed."""

from __future__ import annotations

import re
from functools import lru_cache

from parley.nlp import number_words
from parley.models import Citation
from parley.search import questions as qmod
from parley.search.answer import _Ctx
from parley.search.index import text_stems, tokenize
from parley.search.lemmas import lemma_stems


def _same_place(asked: str, named: str | None) -> bool:
    return bool(named) and (asked.lower() == named.lower() or asked.lower() in named.lower().split())


def _stems(text: str) -> set[str]:
    return set(lemma_stems(text_stems(qmod.fold(text))))


def _retrieve(ctx: _Ctx, *, only: set[int] | None = None, k: int = 20, query: str | None = None):
    allowed = ctx.allowed
    if only is not None:
        allowed = only if allowed is None else (only & allowed)
    query = query or ctx.q.text
    return ctx.idx.retrieve(query, k=k, only=allowed)


@lru_cache(maxsize=1)
def _like_num():
    """spaCy's reading of a number ("12th", "fifth", "1,000"), imported on the first how-many question: importing
    it imports spaCy (15 s of a first question at load 11 on the shared two-core machine), which neither a search nor any other question
    needs, so it stays out of the module's imports."""
    from spacy.lang.en.lex_attrs import like_num

    return like_num


_HOW_MANY = re.compile(r"\bhow many\s+([^\W\d_][\w-]*)", re.I)


def _holds_count(text: str, question: str) -> bool:
    """Does a sentence hold the figure asked? For "how many agreements ...", a number (digits, an ordinal or a
    number word, spaCy's like_num: "fifth") at most three words before the counted noun ("seven bilateral
    agreements", "the 12th time"); for other figures, any digit."""
    m = _HOW_MANY.search(question)
    noun = _stems(m.group(1)) if m else set()
    if not noun:
        return any(ch.isdigit() for ch in text)
    words = re.findall(r"[\w,.’'-]+", text)
    stems = tokenize(words) if words else []
    like_num = _like_num()
    numbers = number_words()
    for i, word_stems in enumerate(stems):
        if set(word_stems) & noun and any(w[:1].isdigit() or w.lower() in numbers or like_num(w.lower())
                                          for w in words[max(0, i - 4):i]):
            return True
    return False


def _article_dates(ctx: _Ctx, article: int) -> list[str]:
    """The article's publication date, the dates of the events it reports, and those of the timeline entries
    its events were merged into: an undated page's "talks on Tuesday" are the dated report's 2022-09-06."""
    dates = [ctx.idx.articles[article].get("published")]
    dates += [(ev.get("date") or {}).get("value") for ev in ctx.idx.facts[article].get("events", ())]
    dates += _timeline_dates(ctx.idx).get(ctx.idx.articles[article]["id"], [])
    return [d for d in dates if d]


def _timeline_dates(idx) -> dict[str, list[str]]:
    """article id -> the dates of the timeline entries that merge one of its events, built once per index and
    kept with it (``Index.derived``)."""
    return idx.derived("timeline_dates", _build_timeline_dates)


def _build_timeline_dates(idx) -> dict[str, list[str]]:
    got: dict[str, list[str]] = {}
    for entry in idx.corpus.get("timeline") or ():
        date = entry.get("date") if isinstance(entry, dict) else None
        value = date.get("value") if isinstance(date, dict) else date
        if not isinstance(value, str) or not value[:4].isdigit():
            continue
        for m in entry.get("mentions") or ():
            if isinstance(m, dict) and m.get("article_id"):
                got.setdefault(m["article_id"], []).append(value)
    return got


def _has_later_date(ctx: _Ctx, article: int, c: Citation) -> bool:
    """Does the cited sentence state a date after its article's publication day (what was still to come), or
    in its month or year when it names no day? An undated article cannot tell its future from its past."""
    published = qmod.value_start((ctx.idx.articles[article].get("published") or "")[:10])
    if published is None:
        return False
    for value in _sentence_dates(ctx, c):
        start = qmod.value_start(value)
        if start is None:
            continue
        precision = len(value.split("T")[0].split("-"))  # 2024-11-19: 3, 2024-11: 2, 2024: 1 (2024-W47: 2)
        if precision >= 3:
            later = start > published
        elif precision == 2:
            later = (start.year, start.month) >= (published.year, published.month)
        else:
            later = start.year >= published.year
        if later:
            return True
    return False


def _sentence_dates(ctx: _Ctx, c: Citation) -> list[str]:
    """The TIMEX3 values of the dates the cited sentence states."""
    return [v for s, e, v in _timex_values(ctx, c.article_id) if c.start <= s and e <= c.end and v]


def _has_date(ctx: _Ctx, article: int, c: Citation) -> bool:
    for s, e in ctx.idx.facts[article].get("timexes", ()):
        if c.start <= s and e <= c.end:
            return True
    return bool(qmod.DATE_IN_TEXT.search(c.text))


def _has_slot(ctx: _Ctx, article: int, c: Citation) -> bool:
    """Does the cited sentence hold what a when-, where- or how-long-question asks for?"""
    if ctx.q.wants == "date":
        return _has_date(ctx, article, c)
    if ctx.q.wants == "place":
        return _has_place(ctx, c.text)
    return _has_duration(ctx, article, c)


_timex_cache: dict[tuple[str, str], list[tuple[int, int, str, str]]] = {}


def _timexes(ctx: _Ctx, article_id: str) -> list[tuple[int, int, str, str]]:
    """(start, end, type, value) of an article's dates and durations, read from its stored record (the index
    keeps only their spans)."""
    key = (str(ctx.store.path), article_id)
    got = _timex_cache.get(key)
    if got is None:
        if len(_timex_cache) > 4096:
            _timex_cache.clear()
        got = _timex_cache[key] = [(t.start, t.end, t.type, t.value) for t in ctx.store.record(article_id).timexes]
    return got


def _timex_values(ctx: _Ctx, article_id: str) -> list[tuple[int, int, str]]:
    return [(s, e, v) for s, e, kind, v in _timexes(ctx, article_id) if kind != "DURATION"]


def _has_duration(ctx: _Ctx, article: int, c: Citation) -> bool:
    """Does the cited sentence hold a length of time (a TIMEX3 DURATION: "two-day", "for 90 minutes")?"""
    return any(c.start <= s and e <= c.end for s, e, kind, _ in _timexes(ctx, c.article_id) if kind == "DURATION")


def _has_place(ctx: _Ctx, text: str) -> bool:
    names = qmod.names_of(ctx.idx)
    low = qmod.fold(text).lower()
    return any(qmod.word_in(key, low) for key in names.place_keys)


def _is_question(text: str) -> bool:
    """A sentence that asks (a headline such as "What prompted the visit?") states nothing to cite."""
    return text.rstrip(" \"'”’»").endswith("?")

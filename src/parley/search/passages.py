"""Passage answers: retrieved sentences kept when they carry most of the question's words (or mean the same), name
every person and place asked (in the sentence or its article) and hold what kind of answer is wanted."""

from __future__ import annotations

import re
from typing import Any

from parley.knowledge.identity import same_person
from parley.knowledge.states import demonym, is_state_name, state_code
from parley.models import Citation
from parley.search import questions as qmod
from parley.search.answer import AnswerPart, _Ctx
from parley.search.records import _lookup
from parley.search.sentences import (_article_dates, _has_date, _has_duration, _has_later_date, _has_place,
                                     _holds_count, _is_question, _retrieve, _same_place, _sentence_dates, _stems)


def _passages(ctx: _Ctx, limit: int = 3) -> list[AnswerPart]:
    """Plain retrieval, kept only when a sentence carries most of the question's words (or means the same) and
    every person and place asked is named in it or in its article (at least one in the sentence itself)."""
    ask = _Asked(ctx)
    if not ask.wanted:
        return []
    kept: list[tuple[bool, bool, float, int, Citation]] = []
    for rank, cand in enumerate(_retrieve(ctx, k=30)[:30]):
        c = ctx.citation(cand.article, cand.start, cand.end)
        if c is None or _is_question(c.text):
            continue
        key = ask.judge(cand.article, c, cand.cosine)
        if key is not None:
            kept.append((*key, rank, c))
    # rerank what passed: first the sentences that hold something of the kind asked beyond what the question
    # names (a person for "who", a place for "where"), then those that name the thing asked for (the "gift" of
    # "what gift ...", the "ask" of "what did X ask ..."), then by the words held and what they mean (cosine),
    # retrieval's order breaking ties; a sentence two articles share (a re-posted release, whatever its
    # quotation marks) is one
    kept.sort(key=lambda t: t[:4])
    out: dict[str, AnswerPart] = {}
    for *_, c in kept:
        if len(out) < limit:
            out.setdefault(" ".join(re.findall(r"\w+", c.text.lower())), AnswerPart(c.text, [c]))
    return list(out.values())


class _Asked:
    """What a passage must hold for one question: the words asked, the names, the dates, the source, the kind."""

    def __init__(self, ctx: _Ctx):
        q = self.q = ctx.q
        self.ctx = ctx
        self.wanted = set(q.terms)
        self.names = [*q.people, *q.places]
        self.dated = set().union(set(), *(_stems(d.text) for d in q.dates)) & self.wanted
        self.source = qmod.fold(q.source).lower() if q.source else None
        named = set().union(set(), *(_stems(n) for n in self.names))
        topic = self.wanted - named - self.dated
        self.topic = topic if len(topic) >= 2 else set()

    def judge(self, article: int, c: Citation, cosine: float | None) -> tuple[bool, bool, float] | None:
        """(holds no answer of the kind asked, lacks the thing asked for, -(words held + cosine)) for a sentence
        that answers, else None."""
        ctx, q, wanted = self.ctx, self.q, self.wanted
        words = _stems(c.text)
        if self.source and not qmod.word_in(self.source, qmod.fold(c.text).lower()):
            return None  # "according to the ministry": a sentence that does not name it is not its report
        placed = _names_placed(ctx, article, c.text, words)
        # a sentence that names nobody asked ("The two leaders agreed to ...") must hold every other word asked
        if placed is None or (self.names and not placed[0] and not self.source
                              and not (self.topic and self.topic <= words)):
            return None
        if not self._holds_kind(article, c):
            return None
        # the question's words the sentence holds; the date asked, checked above; a name only its article
        # holds ("the two leaders", "the Bangladeshi prime minister") counts half
        held = (words | self.dated) & wanted
        elsewhere = set().union(set(), *(_stems(n) for n in placed[1])) & wanted - held
        coverage = (len(held) + len(elsewhere) / 2) / len(wanted)
        semantic = cosine is not None and cosine >= 0.55
        if self.topic and not self.topic & words:
            return None  # the names and the date asked, and none of the words of what is asked about them
        if coverage >= 0.6 or (semantic and coverage >= 0.34):
            return (not _holds_answer(ctx, article, c), q.focus is not None and q.focus not in words,
                    -(coverage + (cosine or 0.0)))
        return None

    def _holds_kind(self, article: int, c: Citation) -> bool:
        """The date asked, a count for a figure, and the date, place or length a question wants."""
        ctx, q = self.ctx, self.q
        if q.dates:
            # the date asked is written in the sentence, or is the date of its article or of an event it reports
            if not any(d.in_text(c.text) or any(d.matches(v) for v in _article_dates(ctx, article))
                       or (d.relation != "on" and any(d.matches(v) for v in _sentence_dates(ctx, c)))
                       for d in q.dates):
                return False
        if q.kind == "figure" and not _holds_count(c.text, q.text):  # a figure is asked: no number, no answer
            return False
        if q.wants == "date" and not _has_date(ctx, article, c):
            return False
        if q.wants == "date" and q.future and not _has_later_date(ctx, article, c):
            return False  # "when will they meet?": a date its article gives as past is no answer
        if q.wants == "place" and not _has_place(ctx, c.text):
            return False
        return not (q.wants == "duration" and not _has_duration(ctx, article, c))


def _holds_answer(ctx: _Ctx, article: int, c: Citation) -> bool:
    """Does the sentence hold a person (for "who"/"whom") or a place (for "where") that the question does not
    name? Without such a kind asked, every sentence does."""
    q = ctx.q
    if q.asks_person:
        for e in ctx.idx.facts[article].get("entities", ()):
            if e["type"] == "PERSON" and not any(same_person(p, e["name"]) for p in q.people) and any(
                    m and qmod.word_in(m.lower(), c.text.lower()) for m in e.get("mentions") or (e["name"],)):
                return True
        return False
    if q.wants == "place":
        asked = {qmod.fold(pl).lower() for pl in q.places}
        low = qmod.fold(c.text).lower()
        return any(key not in asked and qmod.word_in(key, low) for key in qmod.names_of(ctx.idx).place_keys)
    return True


def _names_placed(ctx: _Ctx, article: int, text: str, words: set[str]) -> tuple[list[str], list[str]] | None:
    """(people and places asked that the sentence names, those only its article gives); None when one is in
    neither. A state is named under any of its names ("the US election", "United States"). A
    person is given by the article when it mentions them ("the two leaders" of a sentence). When people are
    asked, a state is given by an article that mentions it (the states of "India and Bangladesh signed" are
    those of the leaders), another place only when an event of the article took place there with every person
    asked, on the date asked (a city named anywhere in an article is too weak: "met in Geneva" of a story that
    mentions Oslo)."""
    q = ctx.q
    look = _lookup(ctx)
    here, there = [], []
    for n in q.people:
        if _stems(n) & words:
            here.append(n)
        elif article in look.articles_naming(n) or _writes(ctx, article, n):
            there.append(n)
        else:
            return None
    for pl in q.places:
        code = qmod.state_of(pl)
        if _stems(pl) & words or (code and code in _states_named(text)):
            here.append(pl)
        elif q.people and ((code and article in look.mentions.get(f"state:{code}", ())) or any(
                _same_place(pl, ev.get("location")) and _event_fits(ctx, ev)
                for ev in ctx.idx.facts[article].get("events", ()))):
            there.append(pl)
        else:
            return None
    return here, there


def _writes(ctx: _Ctx, article: int, person: str) -> bool:
    """Does the article's text write the person's name as the corpus knows it, though its entities do not name
    them ("headed off with Jokowi" tagged an organisation, a name in a headline only)?"""
    return qmod.word_in(qmod.fold(person).lower(), ctx.folded(article))


_CAPITALISED = re.compile(r"[A-Z][\w.’'-]*(?:\s+(?:of\s+)?[A-Z][\w.’'-]*){0,3}")


def _states_named(text: str) -> set[str]:
    """The states a sentence names by one of their own names ("United States", "US", "the Republic of Korea");
    a demonym ("Chilean leaders") is a word about the state, not its name, as in questions.Names."""
    out = set()
    for m in _CAPITALISED.finditer(text):
        words = m.group(0).split()
        for n in range(len(words), 0, -1):
            for i in range(len(words) - n + 1):
                name = " ".join(words[i:i + n]).rstrip(".,’'")
                code = state_code(name) if is_state_name(name) else None
                if code and not _is_demonym(name, code):
                    out.add(code)
    return out


def _is_demonym(name: str, code: str) -> bool:
    adjective = (demonym(code) or "").lower()
    return bool(adjective) and name.lower().rstrip("s") == adjective.rstrip("s")


def _event_fits(ctx: _Ctx, ev: dict[str, Any]) -> bool:
    """Does an article's event have every person asked among its participants, and the date asked?"""
    q = ctx.q
    people = ev.get("participants") or ()
    if not all(any(same_person(p, x) for x in people) for p in q.people):
        return False
    return not q.dates or any(d.matches((ev.get("date") or {}).get("value")) for d in q.dates)

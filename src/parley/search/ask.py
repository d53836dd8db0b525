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
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from parley.errors import QueryError
from parley.knowledge.identity import name_keys, same_person
from parley.knowledge.states import demonym, is_state_name, state_code
from parley.models import Citation
from parley.nlp import number_words
from parley.resolve.conflicts import OPPOSED
from parley.search import questions as qmod
from parley.search.index import Index, text_stems, tokenize

__all__ = ["Answer", "AnswerPart", "ask", "NOT_IN_CORPUS"]

NOT_IN_CORPUS = "The corpus does not say."
MAX_PARTS = 8


@dataclass(frozen=True)
class AnswerPart:
    text: str
    citations: list[Citation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "citations": [c.__dict__.copy() for c in self.citations]}


@dataclass(frozen=True)
class Answer:
    question: str
    kind: str
    parts: list[AnswerPart] = field(default_factory=list)
    answered: bool = False
    note: str | None = None
    retrieval: str = "bm25"  # "hybrid" when sentence embeddings took part
    # how sure and why: "structured" (records of events, quotes, figures or disagreements match every person,
    # place and date asked), "passage" (no record matches: sentences that hold the question's words, a weaker
    # answer to read with care), "none" (refused)
    basis: str = "none"

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "kind": self.kind, "answered": self.answered, "note": self.note,
                "basis": self.basis, "retrieval": self.retrieval, "parts": [p.to_dict() for p in self.parts]}


class _Ctx:
    """One question being answered: the store, the index, the parsed question, the allowed articles."""

    def __init__(self, store, idx: Index, q: qmod.Question, allowed: set[int] | None):
        self.store, self.idx, self.q, self.allowed = store, idx, q, allowed
        self._texts: dict[int, str] = {}

    def ok(self, article: int | None) -> bool:
        return article is not None and (self.allowed is None or article in self.allowed)

    def text(self, article: int) -> str:
        """The stored text of article number ``article``: the index's copy, else the store's."""
        got = self._texts.get(article)
        if got is None:
            got = self.idx.text_of(article)
            if got is None:
                got = article_text(self.store, self.idx.articles[article]["id"])
            self._texts[article] = got
        return got

    def citation(self, article: int, start: int, end: int) -> Citation | None:
        meta = self.idx.articles[article]
        text = self.text(article)
        if not (0 <= start < end <= len(text)):
            return None
        return Citation(article_id=meta["id"], start=start, end=end, text=text[start:end],
                        title=meta.get("title"), outlet=meta.get("outlet"), published=meta.get("published"))

    def sentence_at(self, article: int, start: int, end: int | None = None) -> tuple[int, int]:
        """The indexed sentence holding ``start`` (extended to cover ``end``), else the span itself."""
        end = start + 1 if end is None else end
        spans = self.idx.units_of(article)
        hold = [s for s in spans if s[0] <= start < s[1]]
        if not hold:
            return (start, end)
        s, e = hold[0]
        return (s, max(e, end))

    def sentence_citation(self, article: int, start: int, end: int | None = None) -> Citation | None:
        s, e = self.sentence_at(article, start, end)
        return self.citation(article, s, e)


def article_text(store, article_id: str) -> str:
    from parley.search import article_text as text_of

    return text_of(store, article_id)


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


# -- matching helpers ---------------------------------------------------------------------------------------

def _same_place(asked: str, named: str | None) -> bool:
    return bool(named) and (asked.lower() == named.lower() or asked.lower() in named.lower().split())


def _stems(text: str) -> set[str]:
    return set(text_stems(qmod.fold(text)))


def _event_rows(ctx: _Ctx) -> list[dict[str, Any]]:
    """Events as (merged timeline entry or single-article event) rows with their evidence by article."""
    idx = ctx.idx
    rows: list[dict[str, Any]] = []
    covered: set[tuple[str, str]] = set()
    for entry in idx.corpus.get("timeline") or ():
        if not isinstance(entry, dict):
            continue
        evidence = []
        for m in entry.get("mentions") or ():
            art = idx.by_id.get(m.get("article_id"))
            if art is None:
                continue
            covered.add((m.get("article_id"), m.get("event_id")))
            for ev in m.get("evidence") or ():
                evidence.append((art, ev["start"], ev["end"]))
        date = entry.get("date")
        date_value = date.get("value") if isinstance(date, dict) else date
        rows.append({"type": entry.get("type") or "event", "participants": list(entry.get("participants") or ()),
                     "location": entry.get("location"), "date": date_value, "status": entry.get("status"),
                     "topics": list(entry.get("topics") or ()), "evidence": evidence,
                     "topic_evidence": _timeline_topic_evidence(idx, entry)})
    for art, facts in enumerate(idx.facts):
        aid = idx.articles[art]["id"]
        for ev in facts.get("events", ()):
            if (aid, ev.get("id")) in covered:
                continue
            rows.append({"type": ev.get("type") or "event", "participants": list(ev.get("participants") or ()),
                         "location": ev.get("location"), "date": (ev.get("date") or {}).get("value"),
                         "status": ev.get("status"), "topics": list(ev.get("topics") or ()),
                         "evidence": [(art, x["start"], x["end"]) for x in ev.get("evidence") or ()],
                         "topic_evidence": [(art, x["start"], x["end"]) for x in ev.get("topic_evidence") or ()]})
    return rows


def _timeline_topic_evidence(idx: Index, entry: dict[str, Any]) -> list[tuple[int, int, int]]:
    """Topic evidence of a timeline entry, read from the article events it merges."""
    out = []
    for m in entry.get("mentions") or ():
        art = idx.by_id.get(m.get("article_id"))
        if art is None:
            continue
        for ev in idx.facts[art].get("events", ()):
            if ev.get("id") == m.get("event_id"):
                out.extend((art, x["start"], x["end"]) for x in ev.get("topic_evidence") or ())
    return out


class _Lookup:
    """Per-index tables built once: events by participant surname and place, quotes by speaker surname."""

    def __init__(self, ctx: _Ctx):
        self.events = _event_rows(ctx)
        self.by_person: dict[str, set[int]] = {}
        self.by_place: dict[str, set[int]] = {}
        # what each event's cited sentences say, lower-cased: a place they name (the White House, the
        # capital, the visitor's country) is a place of the event even when its location is another
        self.said: list[str] = []
        for row in self.events:
            texts = []
            for art, s, e in row["evidence"]:
                text = ctx.text(art)
                ss, ee = ctx.sentence_at(art, s, e)
                texts.append(text[ss:ee])
            self.said.append("\n".join(texts).lower())
        for i, row in enumerate(self.events):
            for p in row["participants"]:
                for key in _person_keys(p):
                    self.by_person.setdefault(key, set()).add(i)
            if row["location"]:
                for w in [row["location"].lower(), *row["location"].lower().split()]:
                    self.by_place.setdefault(w, set()).add(i)
        self.quotes: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        self.mentions: dict[str, set[int]] = {}
        self.people: dict[str, dict[int, set[str]]] = {}  # name word -> article -> the people named with it
        for art, facts in enumerate(ctx.idx.facts):
            for quote in facts.get("quotes", ()):
                if quote.get("speaker"):
                    for key in _person_keys(quote["speaker"]):
                        self.quotes.setdefault(key, []).append((art, quote))
            names = [e["name"] for e in facts.get("entities", ())]
            names += [p for ev in facts.get("events", ()) for p in ev.get("participants") or ()]
            names += [ev.get("location") for ev in facts.get("events", ()) if ev.get("location")]
            for n in names:
                for key in {n.lower(), _surname(n), _state_key(n)} - {None}:
                    self.mentions.setdefault(key, set()).add(art)
            people = {e["name"] for e in facts.get("entities", ()) if e["type"] == "PERSON"}
            people |= {p for ev in facts.get("events", ()) for p in ev.get("participants") or ()}
            people |= {quote["speaker"] for quote in facts.get("quotes", ()) if quote.get("speaker")}
            for n in people:
                for key in _person_keys(n):
                    self.people.setdefault(key, {}).setdefault(art, set()).add(n)
        self._naming: dict[str, frozenset[int]] = {}

    def articles_naming(self, person: str) -> frozenset[int]:
        """The articles that name ``person`` in any order of their names ("Rutte Mark", "Lee Jae-myung")."""
        got = self._naming.get(person)
        if got is None:
            found = set()
            for key in _person_keys(person):
                for art, names in self.people.get(key, {}).items():
                    if art not in found and any(same_person(person, n) for n in names):
                        found.add(art)
            got = self._naming[person] = frozenset(found)
        return got


def _surname(name: str) -> str:
    return qmod.surname(name)


def _state_key(name: str) -> str | None:
    """"state:TUR" for "Turkey", "Türkiye" and "Turkish": a state under any of its names."""
    code = qmod.state_of(name)
    return f"state:{code}" if code else None


def _person_keys(name: str) -> frozenset[str]:
    """The words a person is filed under: every word of the name ("Kishida Fumio" under both), folded."""
    return name_keys(name) or frozenset({_surname(name)})


_lookups: dict[int, _Lookup] = {}


def _lookup(ctx: _Ctx) -> _Lookup:
    key = id(ctx.idx)
    got = _lookups.get(key)
    if got is None:  # a local: another thread may clear the table meanwhile (the server's requests run at once)
        got = _Lookup(ctx)
        _lookups.clear()
        _lookups[key] = got
    return got


def _matching_events(ctx: _Ctx) -> list[dict[str, Any]]:
    q = ctx.q
    look = _lookup(ctx)
    ids: set[int] | None = None
    for p in q.people:
        got = set().union(*(look.by_person.get(key, set()) for key in _person_keys(p)))
        ids = got if ids is None else ids & got
    if ids is None and q.places:
        ids = set()
        for pl in q.places:
            ids |= look.by_place.get(pl.lower(), set())
            ids |= {i for i, said in enumerate(look.said) if qmod.word_in(pl.lower(), said)}
    order = range(len(look.events)) if ids is None else sorted(ids)
    located = {pl for pl in q.places if any(_same_place(pl, look.events[i]["location"]) for i in order)}
    out = []
    for i in order:
        row = dict(look.events[i])
        row["evidence"] = [e for e in row["evidence"] if ctx.ok(e[0])]
        row["topic_evidence"] = [e for e in row["topic_evidence"] if ctx.ok(e[0])]
        if not row["evidence"]:
            continue
        if not all(any(same_person(p, x) for x in row["participants"]) for p in q.people):
            continue
        # every place asked is the event's location, or, when no event of these people is at that place, is
        # named in its cited sentences ("at the White House", "visit Iran" for talks in Tehran, "the emir of
        # Qatar's visit to Paris")
        if q.places and not all(_same_place(pl, row["location"]) or
                                (pl not in located and qmod.word_in(pl.lower(), look.said[i]))
                                for pl in q.places):
            continue
        if q.dates and not any(d.matches(row["date"]) for d in q.dates):
            continue
        if q.future and row["status"] == "occurred":
            continue  # "when will they meet?": not the meeting that took place
        out.append(row)
    out.sort(key=lambda r: (r["date"] or "9999", r["location"] or "", r["type"]))
    return out


def _event_text(row: dict[str, Any]) -> str:
    who = ", ".join(row["participants"]) or "unnamed participants"
    bits = [f"{row['type'].capitalize()}: {who}"]
    if row["location"]:
        bits.append(f"in {row['location']}")
    bits.append(f"on {row['date']}" if row["date"] else "(date not stated)")
    if row["status"] and row["status"] != "occurred":
        bits.append(f"[{row['status']}]")
    return " ".join(bits)


def _citations(ctx: _Ctx, spans: list[tuple[int, int, int]], limit: int = 4) -> list:
    out, seen = [], set()
    for art, s, e in spans:
        c = ctx.sentence_citation(art, s, e)
        if c is None or (c.article_id, c.start) in seen:
            continue
        seen.add((c.article_id, c.start))
        out.append(c)
        if len(out) >= limit:
            break
    return out


# -- handlers -------------------------------------------------------------------------------------------------

def _meeting(ctx: _Ctx) -> list[AnswerPart]:
    q = ctx.q
    if not (q.people or q.places or q.dates):
        # "when did they meet?" with nobody named: the retrieved sentences must carry the answer
        return _passages(ctx)
    return [AnswerPart(_event_text(row), _claim_first(ctx, row, _citations(ctx, row["evidence"])))
            for row in _matching_events(ctx)]


def _claim_first(ctx: _Ctx, row: dict[str, Any], cites: list[Citation]) -> list[Citation]:
    """The citations of an event, led by a sentence that holds what a where- or when-question asks (the place or
    the date the answer states): when the event's evidence does not say it, the sentence of its articles that
    does ("met in Vienna in March" beside an evidence sentence naming only the people)."""
    wants = ctx.q.wants
    if not ((wants == "place" and row["location"]) or (wants == "date" and row["date"])):
        return cites

    def holds(c: Citation) -> bool:
        if wants == "place":
            return qmod.word_in(qmod.fold(row["location"]).lower(), qmod.fold(c.text).lower())
        return any(v == row["date"] for s, e, v in _timex_values(ctx, c.article_id) if c.start <= s and e <= c.end)

    if any(holds(c) for c in cites):
        return cites
    articles = {a for a, _, _ in row["evidence"]}
    for cand in _retrieve(ctx, only=articles, k=30):
        c = ctx.citation(cand.article, cand.start, cand.end)
        if c is not None and not _is_question(c.text) and holds(c):
            return [c, *cites[:3]]
    return cites


def _agenda(ctx: _Ctx) -> list[AnswerPart]:
    q = ctx.q
    parts: list[AnswerPart] = []
    events = _matching_events(ctx) if (q.people or q.places or q.dates) else []
    articles: set[int] = set()
    for row in events:
        if not (row["topics"] or row["topic_evidence"]):
            continue
        spans = row["topic_evidence"] or row["evidence"]
        topics = ", ".join(row["topics"]) if row["topics"] else "see the cited sentences"
        parts.append(AnswerPart(f"{_event_text(row)}. Agenda: {topics}", _citations(ctx, spans, limit=6)))
        articles.update(a for a, _, _ in row["evidence"])
    if not articles:
        articles = _articles_about(ctx)
    if articles:
        cues = qmod.stems("agenda_cues")
        for cand in _retrieve(ctx, only=articles, k=30):
            c = ctx.citation(cand.article, cand.start, cand.end)
            if c is None or _is_question(c.text):
                continue
            words = _stems(c.text)
            if not (words & cues) or not (words & set(q.terms) - cues):
                continue
            if any(c.start == x.start and c.article_id == x.article_id for p in parts for x in p.citations):
                continue
            parts.append(AnswerPart(c.text, [c]))
            if len(parts) >= 5:
                break
    return parts


def _articles_about(ctx: _Ctx) -> set[int]:
    """Articles that name every person and place of the question (all articles when it names none)."""
    q = ctx.q
    if not (q.people or q.places):
        return set()
    look = _lookup(ctx)
    out: set[int] | None = None
    for got in [look.articles_naming(p) for p in q.people] + [look.mentions.get(_state_key(pl) or pl.lower(), set())
                                                                 for pl in q.places]:
        out = set(got) if out is None else out & got
    return {a for a in out or () if ctx.ok(a)}


def _quote(ctx: _Ctx) -> list[AnswerPart]:
    q = ctx.q
    subject = _stems(q.subject) - qmod.stems("question_words") if q.subject else set()
    # the speakers are the people named outside the subject: in "what did Koru say about Erdogan?" Erdogan is
    # what was talked about; in "who said that Erdogan came with proposals?" nobody named is the speaker
    speakers = [] if q.asks_speaker else [p for p in q.people if not (subject and _stems(_surname(p)) <= subject)]
    if not q.asks_speaker and not speakers:
        speakers = list(q.people)
    for p in speakers:
        subject -= _stems(p)
    words = set(q.terms)
    found: list[tuple[float, int, dict[str, Any]]] = []
    look = _lookup(ctx)
    if speakers:
        # a quote is filed under every word of its speaker's name: each is taken once
        pool = list({(art, quote["start"], quote["end"]): (art, quote) for p in speakers
                     for key in sorted(_person_keys(p)) for art, quote in look.quotes.get(key, ())
                     if same_person(p, quote.get("speaker"))}.values())
    else:  # "who said ...": quotes inside the sentences that best match the words
        spans = {(c.article, c.start, c.end) for c in _retrieve(ctx, k=50)}
        arts = {a for a, _, _ in spans}
        pool = [(art, quote) for art in sorted(arts) for quote in ctx.idx.facts[art].get("quotes", ())
                if any(a == art and quote["start"] < e and s < quote["end"] for a, s, e in spans)]
    pool = [(art, quote) for art, quote in pool if ctx.ok(art)]
    all_words = tokenize([qmod.fold(quote.get("text") or "") for _, quote in pool]) if pool else []
    for (art, quote), qtokens in zip(pool, all_words):
        speaker = quote.get("speaker")
        qwords = set(qtokens)
        if speakers:
            if not any(same_person(p, speaker) for p in speakers):
                continue
            if subject and not (qwords & subject):
                continue
            score = len(qwords & subject) if subject else 0.0
        else:
            if not words:
                continue
            score = len(qwords & words) / len(words)
            if score < 0.5:
                continue
        found.append((score, art, quote))
    found.sort(key=lambda t: (-t[0], t[1], t[2]["start"]))
    parts = []
    for _, art, quote in found[:MAX_PARTS]:
        c = ctx.citation(art, quote["start"], quote["end"])
        if c is None:
            continue
        who = quote.get("speaker") or "an unidentified speaker"
        parts.append(AnswerPart(f"{who} ({quote.get('kind', 'direct')}): {c.text}", [c]))
    return parts


def _figure(ctx: _Ctx) -> list[AnswerPart]:
    q = ctx.q
    wanted = set(q.terms) - qmod.stems("figure_words")
    for p in q.people:
        wanted -= _stems(p)
    if not wanted:
        return []
    scored = []
    # the figure of an article about the people and places asked; money when money is asked
    about = _articles_about(ctx) if (q.people or q.places) else None
    money = bool(set(q.terms) & qmod.stems("money_words"))
    asked = _HOW_MANY.search(q.text)
    counted = _stems(asked.group(1)) if asked else set()
    cands = _retrieve(ctx, k=50, only=about)
    for art in sorted({c.article for c in cands}):
        spans = [(c.start, c.end) for c in cands if c.article == art]
        for amount in ctx.idx.facts[art].get("amounts", ()):
            hold = [(s, e) for s, e in spans if s <= amount["start"] < e]
            if not hold or money and not _is_currency(amount.get("unit")):
                continue
            if counted and not counted & (_stems(amount.get("unit") or "") | _stems(amount.get("object") or "")):
                continue  # "how many bridges": a count of checkpoints is no answer
            s, e = hold[0]
            sentence = ctx.text(art)[s:e]
            in_object = len(_stems(amount.get("object") or "") & wanted)
            in_sentence = len(_stems(sentence) & wanted)
            if in_sentence + in_object == 0:
                continue
            # what the number measures counts double: two figures in one sentence are told apart by it
            scored.append((2 * in_object + in_sentence, art, amount))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]["start"]))
    parts = []
    for overlap, art, amount in scored[:MAX_PARTS]:
        if overlap < scored[0][0]:
            break
        c = ctx.sentence_citation(art, amount["start"], amount["end"])
        if c is None:
            continue
        value = amount.get("value")
        shown = f"{value:,.0f}" if isinstance(value, (int, float)) and float(value).is_integer() else str(value)
        what = f" ({amount['object']})" if amount.get("object") else ""
        parts.append(AnswerPart(f"{amount.get('text')} = {shown} {amount.get('unit', '')}{what}".strip(), [c]))
    return parts


def _is_currency(unit: str | None) -> bool:
    """An ISO 4217 code, as the amounts extractor writes money units ("USD", "EUR")."""
    return bool(unit) and len(unit) == 3 and unit.isalpha() and unit.isupper()


def _conflict(ctx: _Ctx) -> list[AnswerPart]:
    q = ctx.q
    wanted = set(q.terms) - _stems("disagree contradict conflict conflicting sources reports differ agree")
    parts = []
    for entry in ctx.idx.corpus.get("conflicts") or ():
        spans = list(_spans_in(entry, ctx))
        if not spans:
            continue
        if wanted and not _covers(wanted, _stems(json.dumps(entry, ensure_ascii=False))):
            continue
        label = None
        if isinstance(entry, dict):
            label = entry.get("summary") or entry.get("description") or entry.get("topic") or entry.get("key")
        cites = [c for c in (ctx.sentence_citation(a, s, e) for a, s, e in spans) if c]
        parts.append(AnswerPart(f"Sources disagree: {label}" if label else "Sources disagree", cites[:6]))
    if parts:
        return parts
    # no resolved conflict: claims with opposed stances about the same key
    by_key: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for art, facts in enumerate(ctx.idx.facts):
        if not ctx.ok(art):
            continue
        for claim in facts.get("claims", ()):
            key = claim.get("key") or claim.get("topic")
            if key:
                by_key.setdefault(str(key), []).append((art, claim))
    for key, claims in sorted(by_key.items()):
        stances = {c.get("stance") for _, c in claims}
        if not any(pair <= stances for pair in OPPOSED):  # "possible" and "planned" do not disagree
            continue
        spans = [(art, c["start"], c["end"]) for art, c in claims if "start" in c and "end" in c]
        if wanted and not _covers(wanted, _stems(" ".join(str(c.get("text", "")) for _, c in claims) + " " + key)):
            continue
        parts.append(AnswerPart(f"Sources disagree about {key}: " + " vs ".join(sorted(map(str, stances))),
                                _citations(ctx, spans, limit=6)))
    return parts


def _covers(wanted: set[str], words: set[str]) -> bool:
    """Does a disagreement concern what was asked: at least half of the question's content words?"""
    return len(wanted & words) * 2 >= len(wanted) and bool(wanted & words)


def _spans_in(obj: Any, ctx: _Ctx):
    """Every {article_id, start, end} found anywhere inside a conflict entry."""
    if isinstance(obj, dict):
        art = ctx.idx.by_id.get(obj.get("article_id")) if isinstance(obj.get("article_id"), str) else None
        if art is not None and ctx.ok(art) and isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int):
            yield (art, obj["start"], obj["end"])
        for k, v in obj.items():
            if isinstance(v, (dict, list)):
                if art is not None and k in ("evidence",) and isinstance(v, list):
                    for x in v:
                        if isinstance(x, dict) and "start" in x and ctx.ok(art):
                            yield (art, x["start"], x["end"])
                    continue
                yield from _spans_in(v, ctx)
    elif isinstance(obj, list):
        for v in obj:
            yield from _spans_in(v, ctx)


def _retrieve(ctx: _Ctx, *, only: set[int] | None = None, k: int = 20, query: str | None = None):
    allowed = ctx.allowed
    if only is not None:
        allowed = only if allowed is None else (only & allowed)
    query = query or ctx.q.text
    return ctx.idx.retrieve(query, k=k, only=allowed)


def _passages(ctx: _Ctx, limit: int = 3) -> list[AnswerPart]:
    """Plain retrieval, kept only when a sentence carries most of the question's words (or means the same) and
    every person and place asked is named in it or in its article (at least one in the sentence itself)."""
    q = ctx.q
    wanted = set(q.terms)
    if not wanted:
        return []
    names = [*q.people, *q.places]
    dated = set().union(set(), *(_stems(d.text) for d in q.dates)) & wanted
    source = qmod.fold(q.source).lower() if q.source else None
    named = set().union(set(), *(_stems(n) for n in names))
    topic = wanted - named - dated if len(wanted - named - dated) >= 2 else set()
    kept: list[tuple[float, int, Citation]] = []
    for rank, cand in enumerate(_retrieve(ctx, k=30)[:30]):
        c = ctx.citation(cand.article, cand.start, cand.end)
        if c is None or _is_question(c.text):
            continue
        words = _stems(c.text)
        if source and not qmod.word_in(source, qmod.fold(c.text).lower()):
            continue  # "according to the ministry": a sentence that does not name it is not its report
        placed = _names_placed(ctx, cand.article, c.text, words)
        # a sentence that names nobody asked ("The two leaders agreed to ...") must hold every other word asked
        if placed is None or (names and not placed[0] and not source and not (topic and topic <= words)):
            continue
        if q.dates:
            # the date asked is written in the sentence, or is the date of its article or of an event it reports
            if not any(d.in_text(c.text) or any(d.matches(v) for v in _article_dates(ctx, cand.article))
                       or (d.relation != "on" and any(d.matches(v) for v in _sentence_dates(ctx, c)))
                       for d in q.dates):
                continue
        if q.kind == "figure" and not _holds_count(c.text, q.text):  # a figure is asked: no number, no answer
            continue
        if q.wants == "date" and not _has_date(ctx, cand.article, c):
            continue
        if q.wants == "date" and q.future and not _has_later_date(ctx, cand.article, c):
            continue  # "when will they meet?": a date its article gives as past is no answer
        if q.wants == "place" and not _has_place(ctx, c.text):
            continue
        if q.wants == "duration" and not _has_duration(ctx, cand.article, c):
            continue
        # the question's words the sentence holds; the date asked, checked above; a name only its article
        # holds ("the two leaders", "the Bangladeshi prime minister") counts half
        held = (words | dated) & wanted
        elsewhere = set().union(set(), *(_stems(n) for n in placed[1])) & wanted - held
        coverage = (len(held) + len(elsewhere) / 2) / len(wanted)
        semantic = cand.cosine is not None and cand.cosine >= 0.55
        if topic and not topic & words:
            continue  # the names and the date asked, and none of the words of what is asked about them
        if coverage >= 0.6 or (semantic and coverage >= 0.34):
            kept.append((not _holds_answer(ctx, cand.article, c), -(coverage + (cand.cosine or 0.0)), rank, c))
    # rerank what passed: first the sentences that hold something of the kind asked beyond what the question
    # names (a person for "who", a place for "where"), then by the words held and what they mean (cosine),
    # retrieval's order breaking ties; a sentence two articles share verbatim (a re-posted release) is one
    kept.sort(key=lambda t: t[:3])
    out: dict[str, AnswerPart] = {}
    for *_, c in kept:
        if len(out) < limit:
            out.setdefault(" ".join(c.text.split()), AnswerPart(c.text, [c]))
    return list(out.values())


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
        elif article in look.articles_naming(n):
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


def _with_slot(ctx: _Ctx, parts: list[AnswerPart]) -> list[AnswerPart]:
    """A when-, where- or how-long-question whose matching events lack their date (a full day), place or (always)
    length: the structured answer, then the sentences that hold one."""
    rows = _matching_events(ctx)
    if ctx.q.wants == "date":
        missing = [row for row in rows if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["date"] or "")]
    elif ctx.q.wants == "place":
        missing = [row for row in rows if not row["location"]]
    else:
        missing = rows  # an event record has no length: "how long" is always for the sentences
    parts = _with_details(ctx, parts)
    if not missing:
        return parts
    own = {art for row in missing for art, _, _ in row["evidence"]}
    return parts[:MAX_PARTS - _DETAILS] + _slot_sentences(ctx, parts, own)


def _slot_sentences(ctx: _Ctx, parts: list[AnswerPart], own: set[int]) -> list[AnswerPart]:
    """Sentences of the structured answer's articles (and of the others naming every person and place asked)
    that hold the date, place or length asked and the most words of the question besides its names and dates;
    those of the articles reporting the events that lack it (``own``) first: their article says it."""
    q = ctx.q
    from spacy.lang.en.stop_words import STOP_WORDS

    named = set().union(set(), *(_stems(n) for n in [*q.people, *q.places, *(d.text for d in q.dates)]))
    wanted = {t for t in q.terms if t not in named and t not in STOP_WORDS}
    cited = {(c.article_id, c.start) for p in parts for c in p.citations}
    articles = {ctx.idx.by_id[c.article_id] for p in parts for c in p.citations if c.article_id in ctx.idx.by_id}
    articles |= _articles_about(ctx)
    found: list[tuple[int, int, Citation]] = []
    for rank, cand in enumerate(_retrieve(ctx, only=articles, k=30)):
        c = ctx.citation(cand.article, cand.start, cand.end)
        if c is None or (c.article_id, c.start) in cited or _is_question(c.text):
            continue
        if not _has_slot(ctx, cand.article, c):
            continue
        cover = len(_stems(c.text) & wanted)
        if cover or not wanted:
            found.append((cand.article not in own, -cover, rank, c))
    found.sort(key=lambda t: t[:3])
    return [AnswerPart(t[3].text, [t[3]]) for t in found[:_DETAILS]]


def _with_details(ctx: _Ctx, parts: list[AnswerPart]) -> list[AnswerPart]:
    """The structured answer, then the sentences of its articles (and of the other articles naming every
    person and place asked) that hold what else the question asks.
    "Where did Kishida land when he arrived for his visit?" matches the visit, but the visit's record says
    Seoul; the sentence of that article that holds "land" and "arrived" says where. Asked words are those of
    the question less its names, dates and the words of the structured answer ("visit")."""
    q = ctx.q
    named = set().union(set(), *(_stems(n) for n in [*q.people, *q.places]))
    told = set().union(set(), *(_stems(p.text) for p in parts))
    from spacy.lang.en.stop_words import STOP_WORDS  # "he", "his": words the retrieval stems keep

    wanted = {t for t in q.terms if t not in named and t not in told and t not in STOP_WORDS
              and not t.isdigit() and t not in qmod.MONTHS}
    cited = {(c.article_id, c.start) for p in parts for c in p.citations}
    held = set().union(set(), *(_stems(c.text) for p in parts for c in p.citations))
    if not wanted or wanted <= held:
        return parts  # the cited sentences already hold every word asked
    articles = {ctx.idx.by_id[c.article_id] for p in parts for c in p.citations if c.article_id in ctx.idx.by_id}
    articles |= _articles_about(ctx)  # and the other articles naming every person and place asked
    found: list[tuple[int, int, Citation]] = []
    for rank, cand in enumerate(_retrieve(ctx, only=articles, k=30)):
        c = ctx.citation(cand.article, cand.start, cand.end)
        if c is None or (c.article_id, c.start) in cited or _is_question(c.text):
            continue
        cover = len(_stems(c.text) & wanted)
        if cover and cover * 2 >= len(wanted):
            # for a when-, where- or how-long-question, a sentence that also holds a date, place or length
            # counts one word more
            slot = q.wants is not None and _has_slot(ctx, cand.article, c)
            found.append((-cover - slot, rank, c))
    found.sort(key=lambda t: (t[0], t[1]))
    return parts[:MAX_PARTS - _DETAILS] + [AnswerPart(c.text, [c]) for _, _, c in found[:_DETAILS]]


_DETAILS = 2  # detail sentences added to a structured answer


_HOW_MANY = re.compile(r"\bhow many\s+([^\W\d_][\w-]*)", re.I)


def _holds_count(text: str, question: str) -> bool:
    """Does a sentence hold the figure asked? For "how many agreements ...", a number (digits, an ordinal or a
    number word) at most three words before the counted noun ("seven bilateral agreements", "the 12th time");
    for other figures, any digit."""
    m = _HOW_MANY.search(question)
    noun = _stems(m.group(1)) if m else set()
    if not noun:
        return any(ch.isdigit() for ch in text)
    words = re.findall(r"[\w,.’'-]+", text)
    stems = tokenize(words) if words else []
    numbers = number_words()
    for i, word_stems in enumerate(stems):
        if set(word_stems) & noun and any(w[:1].isdigit() or w.lower() in numbers for w in words[max(0, i - 4):i]):
            return True
    return False


def _article_dates(ctx: _Ctx, article: int) -> list[str]:
    """The article's publication date and the dates of the events it reports."""
    dates = [ctx.idx.articles[article].get("published")]
    dates += [(ev.get("date") or {}).get("value") for ev in ctx.idx.facts[article].get("events", ())]
    return [d for d in dates if d]


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

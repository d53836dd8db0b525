"""Structured answers: meetings, agendas, quotes, figures and disagreements read from the records, and the detail
sentences of their articles that follow them (what else the question asks, the date, place or length wanted)."""

from __future__ import annotations

import json
import re
from typing import Any

from parley.knowledge.identity import same_person
from parley.models import Citation
from parley.resolve.conflicts import OPPOSED
from parley.search import questions as qmod
from parley.search.answer import MAX_PARTS, AnswerPart, _Ctx
from parley.search.index import tokenize
from parley.search.lemmas import lemma_stems
from parley.search.passages import _passages
from parley.search.records import (_articles_about, _citations, _event_text, _lookup, _matching_events,
                                   _person_keys, _surname)
from parley.search.sentences import _HOW_MANY, _has_slot, _is_question, _retrieve, _stems, _timex_values


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
        qwords = set(lemma_stems(qtokens))
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
    years = {d.year for d in q.dates if d.year and d.relation == "on"}
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
            if years and _other_years(ctx.text(art), s, e) - years:
                continue  # "signed eight agreements" after "the visit of November 2021": another year's figure
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


def _other_years(text: str, s: int, e: int) -> set[str]:
    """The years written in a sentence and the one before it (what the figure may be told of), unless the
    sentence itself names one: then only its own."""
    own = set(_YEAR.findall(text, s, e))
    if own:
        return own
    before = text.rfind(". ", 0, max(0, s - 2))
    return set(_YEAR.findall(text, before + 1 if before >= 0 else 0, s))


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


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

"""Agenda topics (extract.topics and free noun phrases) from agenda sentences, given to the event they name."""

from __future__ import annotations

import re
from functools import lru_cache

from parley.extract.events.mentions import Mention
from parley.extract.events.build import BuiltEvent
from parley.extract.events.people import People
from parley.extract.events.triggers import family, triggers
from parley.extract.topics import find_topics
from parley.nlp import lexicon


@lru_cache(maxsize=1)
def _agenda_cue() -> re.Pattern:
    return re.compile("|".join(f"(?:{x})" for x in lexicon("agenda_cues")), re.I)


@lru_cache(maxsize=1)
def _anaphor_cue() -> re.Pattern:
    return re.compile("|".join(f"(?:{x})" for x in lexicon("event_anaphora")), re.I)


@lru_cache(maxsize=1)
def _reporting_cue() -> re.Pattern:
    words = sorted(lexicon("reporting_cues"), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def agenda_topics(doc, mentions: list[Mention], events_by_cluster: dict[int, int], main: int | None,
            exclude_countries: dict[int, set[str]], ppl: People, main_participants: list[str],
            built: list[BuiltEvent] | None = None):
    """topic labels and evidence per event index."""
    out: dict[int, dict[str, tuple[str, list[tuple[int, int]]]]] = {}
    sents = list(doc.sents)
    agenda, anaphor, reporting = _agenda_cue(), _anaphor_cue(), _reporting_cue()
    prev_qualified_reporting = False
    for si, sent in enumerate(sents):
        s0, s1 = sent.start_char, sent.end_char
        stext = doc.text[s0:s1]
        here = [m for m in mentions if s0 <= m.start < s1]
        cue = bool(agenda.search(stext))
        speaker_here = any(n in main_participants for _, _, n in ppl.in_range(s0, s1))
        rep = bool(reporting.search(stext)) and (speaker_here or (prev_qualified_reporting and re.match(
            r"\s*(He|She)\b", stext)))
        prev_qualified_reporting = rep
        if not (cue or here or rep):
            continue
        hits = [(tid, label, s0 + a, s0 + b) for tid, label, a, b in find_topics(stext)]
        spans = [(s0, s1)]
        if anaphor.search(stext) and si > 0 and sents[si - 1].text.strip():
            p = sents[si - 1]
            prev_hits = [(tid, label, p.start_char + a, p.start_char + b) for tid, label, a, b in find_topics(p.text)]
            if prev_hits:
                hits = prev_hits + hits
                spans.insert(0, (p.start_char, p.end_char))
        if cue or here:
            hits += _np_topics(doc, sent, hits, agenda)
        fallback = main
        if not any(m.cluster in events_by_cluster for m in here if m.cluster is not None):
            fallback = _anaphor_target(doc, s0, s1, stext, built or [], main, ppl)
        for tid, label, a, b in hits:
            target = _topic_target(a, here, events_by_cluster, fallback)
            if target is None:
                continue
            if tid.startswith("country:") and label in exclude_countries.get(target, set()):
                continue
            entry = out.setdefault(target, {})
            if tid not in entry:
                entry[tid] = (label, [])
            ev = entry[tid][1]
            for sp in spans if a < s0 else [(s0, s1)]:
                if sp not in ev:
                    ev.append(sp)
    return out


_EVENT_NOUN = re.compile(r"\b(?:the|this|that|their|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's|Saturday's|"
                         r"Sunday's|today's|yesterday's)\s+(?:(?:phone|telephone|video|two-hour|hour-long|bilateral|"
                         r"closed-door|one-on-one)\s+)?(call|conversation|talks|meeting|visit|trip|summit|"
                         r"negotiations|discussions?|consultations)\b", re.I)


_NOUN_FAMILY = {"call": "call", "conversation": "call"}


def _anaphor_target(doc, s0: int, s1: int, stext: str, built: list[BuiltEvent], main: int | None, ppl: People):
    """The event an agenda sentence without an event mention of its own speaks of: "the call" / "the talks" is the
    main event when it is of that kind, else the latest such event told before the sentence; "the two leaders" or
    the people it names are the event they all took part in (the main event first, then the latest before)."""
    if not built:
        return main
    order = ([main] if main is not None else []) + sorted(
        (n for n, b in enumerate(built) if n != main and b.evidence and b.evidence[0][0] < s0),
        key=lambda n: -built[n].evidence[0][0])
    a = _EVENT_NOUN.search(stext)
    if a:
        fam = _NOUN_FAMILY.get(a.group(1).lower(), "meeting")
        for n in order:
            if family(built[n].type) == fam and built[n].status != "cancelled":
                return n
        return main
    named = set(n for _, _, n in ppl.in_range(s0, s1))
    if named:
        for n in order:
            if named <= set(built[n].participants):
                return n
        for n in order:
            if named & set(built[n].participants):
                return n
    return main


@lru_cache(maxsize=1)
def _np_stop() -> tuple[frozenset[str], frozenset[str]]:
    """(head nouns, empty leading modifiers) from nlp/data/agenda_np_stop.txt."""
    roots, mods = set(), set()
    for line in lexicon("agenda_np_stop"):
        kind, _, word = line.partition("\t")
        (roots if kind.strip() == "root" else mods).add(word.strip().lower())
    return frozenset(roots), frozenset(mods)


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    return frozenset(w for p, _, _ in triggers() for w in re.findall(r"[a-z]+", p.pattern.lower()) if len(w) > 3) | {
        "conversation", "memorandum", "understanding", "statement"}


_AGENDA_VERBS = {"discuss", "focus", "cover", "touch", "devote", "dedicate", "review", "address", "center", "centre",
                 "concentrate", "exchange"}


_AGENDA_VERB_RX = re.compile(r"\b(discuss|focus|cover|touch|devot|dedicat|review|address|cent|concentrat|exchang)",
                             re.I)


def _np_topics(doc, sent, hits, agenda: re.Pattern) -> list[tuple[str, str, int, int]]:
    """Free noun-phrase topics of an agenda sentence that the taxonomy does not cover: the noun chunks after the
    agenda cue ("discussed ... the construction of the Akkuyu nuclear power plant" -> "Akkuyu nuclear power plant"),
    except people, places, pronouns and generic words ("the two sides", "issues")."""
    text = doc.text
    s0 = sent.start_char
    if not _AGENDA_VERB_RX.search(text, s0, sent.end_char):
        return []  # cheap check before walking the parse
    verbs = [t for t in sent if t.lemma_.lower() in _AGENDA_VERBS and t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return []
    head = verbs[0]
    lo, hi = head.idx + len(head.text), head.right_edge.idx + len(head.right_edge.text)
    out = []
    for chunk in sent.noun_chunks:
        if chunk.start_char < lo or chunk.end_char > hi or chunk.root.ent_type_ in ("PERSON", "GPE", "NORP", "FAC"):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in chunk.root.children) or chunk.root.text.lower() in (
                _trigger_words()):
            continue  # "the construction of X": X is the topic; "the call" is no topic
        if chunk.root.pos_ == "PRON" or chunk.root.ent_type_ in ("PERSON", "DATE", "TIME", "CARDINAL", "MONEY"):
            continue
        toks = [t for t in chunk if t.dep_ not in ("det", "poss", "predet", "case") and t.pos_ not in ("PRON", "NUM")]
        if not toks:
            continue
        a, b = toks[0].idx, chunk.end_char
        roots, mods = _np_stop()
        if chunk.root.lower_ in roots:
            continue
        while toks and toks[0].lower_ in mods:
            toks = toks[1:]
        if not toks:
            continue
        a = toks[0].idx
        if any(h[2] < b and a < h[3] for h in hits) and not any(
                t.pos_ == "PROPN" and not any(h[2] <= t.idx < h[3] for h in hits) for t in toks):
            continue  # covered by the taxonomy, unless it names something of its own ("the Maya Train railway")
        label = text[a:b]
        if len(label) < 4 or "\n" in label or not any(t.pos_ in ("NOUN", "PROPN") for t in toks) or (
                len(toks) < 2 and chunk.root.pos_ != "PROPN"):  # one plain noun ("people", "wars") says little
            continue
        out.append(("np:" + label.lower(), label, a, b))
    return out


def _topic_target(pos: int, here: list[Mention], events_by_cluster: dict[int, int], main: int | None):
    live = [m for m in here if m.cluster is not None and m.cluster in events_by_cluster]
    if live:
        before = [m for m in live if m.start <= pos]
        m = before[-1] if before else live[0]
        return events_by_cluster[m.cluster]
    return main

"""Agenda topics (extract.topics and free noun phrases) from agenda sentences, given to the event they name."""

from __future__ import annotations

import re
from functools import lru_cache

from parley.extract.events.mentions import Mention
from parley.extract.events.build import BuiltEvent
from parley.extract.events.people import People
from parley.extract.events.agenda_phrases import content_clause, np_topics, past_agenda, planned_agenda
from parley.extract.events.triggers import family
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
    text = doc.text  # spaCy joins every token's text on each ``doc.text``: once per article, not per sentence
    agenda, anaphor, reporting = _agenda_cue(), _anaphor_cue(), _reporting_cue()
    prev_qualified_reporting = prev_cue = False
    for si, sent in enumerate(sents):
        s0, s1 = sent.start_char, sent.end_char
        stext = text[s0:s1]
        here = [m for m in mentions if s0 <= m.start < s1]
        signed = _signed_event(sent, here, events_by_cluster, built or [], s0)
        cue = bool(agenda.search(stext)) or (prev_cue and bool(_ALSO.match(stext))) or content_clause(sent)
        prev_cue = cue
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
            told_at = any(m.cluster is not None and m.cluster in events_by_cluster for m in here)
            hits += np_topics(doc, sent, hits, tuple((a, b) for a, b, _ in ppl.in_range(s0, s1)), told_at,
                              text=text)
        here = [m for m in here if not _time_frame(stext, m.start - s0)]
        # "documents were signed during the visit in transport, agriculture ...": the agreement's agenda, not the
        # occasion's it was signed at
        occasions = {id(mentions[m.occasion]) for m in here if m.occasion is not None}
        here = [m for m in here if id(m) not in occasions] or here
        fallback = main
        planned = planned_agenda(sent)
        past = not planned and past_agenda(sent)
        named = any(m.cluster in events_by_cluster for m in here if m.cluster is not None)
        if not named:
            fallback = _anaphor_target(doc, s0, s1, stext, built or [], main, ppl, planned)
        for tid, label, a, b in hits:
            target = _topic_target(a, here, events_by_cluster, fallback)
            if planned and not named and built and target is not None and built[target].status != "planned":
                target = _anaphor_target(doc, s0, s1, stext, built, target, ppl, True)
            elif past and built and target is not None and built[target].status == "planned":
                target = _outcome_of(s0, s1, built, target, ppl)
            for t in (target, signed if signed != target else None):
                if t is None or tid.startswith("country:") and label in exclude_countries.get(t, set()):
                    continue
                entry = out.setdefault(t, {})
                if tid not in entry:
                    entry[tid] = (label, [])
                ev = entry[tid][1]
                for sp in spans if a < s0 else [(s0, s1)]:
                    if sp not in ev:
                        ev.append(sp)
    return out


def _signed_event(sent, here: list[Mention], events_by_cluster: dict[int, int], built: list[BuiltEvent],
                  s0: int) -> int | None:
    """The agreement event a sentence of signing speaks of when its own mention names no event: "a number of
    documents was signed during the visit in transport, agriculture ..." (an agreement mention with no party of
    its own, so no record) or "Agreements on X were signed too" (the verb alone) tell what the article's agreement
    covers; the latest agreement event told before the sentence, else the first one, takes that agenda too."""
    live = [m for m in here if m.cluster is not None and m.cluster in events_by_cluster]
    if any(m.type == "agreement" for m in live):
        return None  # the sentence names its agreement event itself
    dropped = any(m.type == "agreement" and all(m is not x for x in live) for m in here)
    if not dropped and not any(t.dep_ == "ROOT" and t.lemma_.lower() == "sign" for t in sent):
        return None
    agreements = [n for n, b in enumerate(built) if b.type == "agreement" and b.status != "cancelled"]
    before = [n for n in agreements if built[n].evidence and built[n].evidence[0][0] < s0]
    if before:
        return max(before, key=lambda n: built[n].evidence[0][0])
    return agreements[0] if agreements else None


# "They also confirmed that ...", right after an agenda sentence: the same list of what was agreed, continued
_ALSO = re.compile(r"\s*(?:They|He|She|Both|The two \w+)(?:\s+\w+)?\s+also\b")


# an event named only to date the agenda ("to confirm cooperation ahead of the G7 summit") is not its owner
_TIME_FRAME = re.compile(r"\b(?:ahead of|before|after|since|following|prior to)\s+(?:the\s+|this\s+|next\s+|last\s+)?"
                         r"(?:(?![\w-]*ing\s)[\w’'-]+\s+){0,4}$", re.I)  # "after holding talks": the talks are the event


def _time_frame(stext: str, pos: int) -> bool:
    return pos > 0 and bool(_TIME_FRAME.search(stext, max(0, pos - 60), pos))


_EVENT_NOUN = re.compile(r"\b(?:the|this|that|their|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's|Saturday's|"
                         r"Sunday's|today's|yesterday's)\s+(?:(?:phone|telephone|video|two-hour|hour-long|bilateral|"
                         r"closed-door|one-on-one)\s+)?(call|conversation|talks|meeting|visit|trip|summit|"
                         r"negotiations|discussions?|consultations)\b", re.I)


_NOUN_FAMILY = {"call": "call", "conversation": "call"}


def _anaphor_target(doc, s0: int, s1: int, stext: str, built: list[BuiltEvent], main: int | None, ppl: People,
                    planned: bool = False):
    """The event an agenda sentence without an event mention of its own speaks of: "the call" / "the talks" is the
    main event when it is of that kind, else the latest such event told before the sentence; "the two leaders" or
    the people it names are the event they all took part in (the main event first, then the latest before). An
    agenda still to come ("are expected to discuss") prefers, among those, an event still to come."""
    if not built:
        return main
    order = ([main] if main is not None else []) + sorted(
        (n for n, b in enumerate(built) if n != main and b.evidence and b.evidence[0][0] < s0),
        key=lambda n: -built[n].evidence[0][0])
    if planned:
        order = sorted(order, key=lambda n: built[n].status != "planned")  # stable: the order above within each
        if order and built[order[0]].status == "planned":
            main = order[0]
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


def _outcome_of(s0: int, s1: int, built: list[BuiltEvent], target: int, ppl: People) -> int:
    """"X and Y agreed to hold the next meeting in Thessaloniki", told as past: what was agreed is the outcome of
    the meeting where they agreed, the event that took place with the people the sentence names (the nearest
    before the sentence, else the first after it); the planned event keeps it when there is none."""
    named = set(n for _, _, n in ppl.in_range(s0, s1)) or set(built[target].participants)
    took_place = [n for n, b in enumerate(built) if b.status == "occurred" and b.evidence and named
                  and named <= set(b.participants)]
    before = [n for n in took_place if built[n].evidence[0][0] < s0]
    if before:
        return max(before, key=lambda n: built[n].evidence[0][0])
    return took_place[0] if took_place else target


def _topic_target(pos: int, here: list[Mention], events_by_cluster: dict[int, int], main: int | None):
    live = [m for m in here if m.cluster is not None and m.cluster in events_by_cluster]
    if live:
        before = [m for m in live if m.start <= pos]
        m = before[-1] if before else live[0]
        return events_by_cluster[m.cluster]
    return main

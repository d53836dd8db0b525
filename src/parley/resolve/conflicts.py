"""Statements that contradict each other across articles.

    (a) claims with the same key and opposing stances (possible or affirmed or planned against denied), with
        acronyms folded across the whole corpus ("EAEU" spelled out in one article counts for all);
    (b) a timeline entry whose reports disagree on the date or the place (places known apart: two states, two
        cities; an unknown venue against a city is no disagreement, knowledge.places.place_relation; a day of a
        visit of several days is no other date than the visit's first, resolve._days.within_visit);
    (c) a timeline entry whose reports give different counts of signed texts (or a firm count against an
        estimate: "count estimate"), different lengths of a visit, different years for the last time before a first
        time ("first since 2018" / "the first time in 12 years"), or different kinds of visit (resolve._accounts).

Every side cites its article, offsets, text and speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from parley.extract.claims import acronyms, claim_key, spells
from parley.extract.events import dates_compatible, venue_city
from parley.knowledge.places import place_relation
from parley.models import Event, Record
from parley.resolve._accounts import account_disagreements
from parley.resolve._days import date_value, within_visit
from parley.resolve.timeline import places_fit

__all__ = ["Conflict", "ConflictSide", "find_conflicts", "find_claim_conflicts", "find_event_conflicts", "OPPOSED"]

OPPOSED = {frozenset({"possible", "denied"}), frozenset({"affirmed", "denied"}), frozenset({"planned", "denied"})}


@dataclass(frozen=True)
class ConflictSide:
    article_id: str
    start: int
    end: int
    text: str
    speaker: str | None = None
    stance: str | None = None  # for claims: possible | denied | affirmed | planned; for events: the value given
    event_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "start": self.start, "end": self.end, "text": self.text,
                "speaker": self.speaker, "stance": self.stance, "event_id": self.event_id}


@dataclass(frozen=True)
class Conflict:
    kind: str  # claim | date | place | count | count estimate | duration | first since | visit kind
    key: str  # claim key, or the timeline id
    summary: str
    sides: tuple[ConflictSide, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "key": self.key, "summary": self.summary, "question": self.summary,
                "sides": [s.to_dict() for s in self.sides]}


def find_conflicts(records: Sequence[Record], timeline) -> list[Conflict]:
    return find_claim_conflicts(records) + find_event_conflicts(records, timeline)


def find_claim_conflicts(records: Sequence[Record]) -> list[Conflict]:
    folds: dict[str, str] = {}
    for rec in sorted(records, key=lambda r: r.article.id):
        for short, long in acronyms(rec.article.text).items():
            folds.setdefault(short, long)
    # an acronym no article spells out folds to the one long name of a claim's party whose initials it spells
    # ("EU" in one article, "European Union" in another)
    longs = {folds.get(n, n) for rec in records for c in rec.claims for n in (c.get("subject", ""), c.get("object", ""))}
    longs = {n for n in longs if len(n.split()) > 1}
    for rec in records:
        for c in rec.claims:
            for n in (c.get("subject", ""), c.get("object", "")):
                if re.fullmatch(r"[A-Z]{2,8}", n) and n not in folds:
                    spelled = [x for x in longs if spells(n.lower(), [w.lower() for w in x.split() if w[0].isupper()])]
                    if len(spelled) == 1:
                        folds[n] = spelled[0]
    groups: dict[str, list[tuple[Record, dict]]] = {}
    for rec in sorted(records, key=lambda r: r.article.id):
        for c in rec.claims:
            subject = folds.get(c.get("subject", ""), c.get("subject", ""))
            obj = folds.get(c.get("object", ""), c.get("object", ""))
            key = claim_key(subject, c.get("predicate", ""), obj)
            # "has not visited Turkey" (a past deed) does not contradict "will visit Turkey" (a plan)
            groups.setdefault(key.lower() + "|" + c.get("tense", ""), []).append((rec, {**c, "key": key}))
    out = []
    for _, members in sorted(groups.items()):
        figures = [(r, c) for r, c in members if c.get("stance") == "figure" and c.get("value")]
        if figures:
            out.extend(_figure_conflict(figures))
            continue
        stances = {c["stance"] for _, c in members}
        articles = {r.article.id for r, _ in members}
        if len(articles) < 2 or not any(pair <= stances for pair in OPPOSED):
            continue
        key = members[0][1]["key"]
        sides = tuple(ConflictSide(r.article.id, c["start"], c["end"], c.get("text") or r.article.text[c["start"]:c["end"]],
                                   c.get("speaker"), c["stance"]) for r, c in members)
        subject, predicate, obj = key.split("|")
        summary = f"Will {subject} {predicate} {obj}? " + " vs ".join(sorted(stances))
        out.append(Conflict("claim", key, summary, sides))
    return out


def _figure_conflict(members: list[tuple[Record, dict]]) -> list[Conflict]:
    """Reports of one quantity (same parties, same year, same currency) whose amounts differ by more than a tenth."""
    out = []
    by_currency: dict[str, list[tuple[Record, dict]]] = {}
    for r, c in members:
        by_currency.setdefault(c.get("currency") or "", []).append((r, c))
    for _, group in sorted(by_currency.items()):
        values = [c["value"] for _, c in group]
        if len({r.article.id for r, _ in group}) < 2 or max(values) <= min(values) * 1.1:
            continue
        key = group[0][1]["key"]
        sides = tuple(ConflictSide(r.article.id, c["start"], c["end"], c.get("text") or r.article.text[c["start"]:c["end"]],
                                   c.get("speaker"), c.get("figure")) for r, c in group)
        subject, quantity, year = key.split("|")
        figures = sorted({s.stance for s in sides if s.stance})
        out.append(Conflict("claim", key, f"How much was {quantity} of {subject} in {year}? " + " vs ".join(figures),
                            sides))
    return out


def find_event_conflicts(records: Sequence[Record], timeline) -> list[Conflict]:
    by_id = {(r.article.id, e.id): (r, e) for r in records for e in r.events}
    out = []
    told: set = set()
    for entry in getattr(timeline, "entries", ()):
        members = [by_id[(m.article_id, m.event_id)] for m in entry.mentions if (m.article_id, m.event_id) in by_id]
        if len({r.article.id for r, _ in members}) > 1:
            for acc in account_disagreements(members, entry):
                if (acc.kind, acc.sides) in told:
                    continue  # the same sentences read for a second entry (a meeting and its signing)
                told.add((acc.kind, acc.sides))
                out.append(Conflict(acc.kind, entry.timeline_id, acc.summary,
                                    tuple(ConflictSide(a, s, e, t, None, v) for a, s, e, t, v in acc.sides)))
        for kind, value, compatible in (("date", lambda e: date_value(e), _dates_agree),
                                        ("place", lambda e: e.location, _places_agree)):
            given = [(r, e, value(e)) for r, e in members if value(e)]
            clash = any(not compatible(a, b) for i, a in enumerate(given) for b in given[i + 1:])
            if not clash:
                continue
            sides = []
            for r, e, v in given:
                span = e.evidence[0] if e.evidence else None
                sides.append(ConflictSide(r.article.id, span.start if span else 0, span.end if span else 0,
                                          r.article.text[span.start:span.end] if span else "", None, v, e.id))
            values = sorted({s.stance for s in sides})
            out.append(Conflict(kind, entry.timeline_id,
                                f"{entry.type} of {', '.join(entry.participants)}: reports give {kind}s "
                                + " vs ".join(values), tuple(sides)))
    return out


def _dates_agree(a: tuple[Record, Event, str], b: tuple[Record, Event, str]) -> bool:
    """Two dates of one event's reports agree when they can be one day, or one is a day of the visit of several
    days the other reports ("a four-day visit on Thursday" and Saturday's talks)."""
    return dates_compatible(a[2], b[2]) or within_visit(a[0], a[1], b[0], b[1])


def _places_agree(a: tuple[Record, Event, str], b: tuple[Record, Event, str]) -> bool:
    """Two places of one event's reports disagree only when they are known to be different places."""
    return _not_apart(a[2], b[2])


@lru_cache(maxsize=65536)
def _not_apart(x: str, y: str) -> bool:  # an entry of many reports compares each pair of its places
    return places_fit(x, y) or place_relation(venue_city(x), venue_city(y)) != "apart"

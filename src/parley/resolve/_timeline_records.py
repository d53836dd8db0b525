"""The records of the cross-article timeline (resolve.timeline): an entry, the reports it holds (mentions) and
why they are one event (ties), and the timeline of entries with its index of reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class TimelineMention:
    article_id: str
    event_id: str
    evidence: tuple[tuple[int, int], ...] = ()
    confidence: float = 1.0
    date: str | None = None
    location: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "event_id": self.event_id,
                "evidence": [{"start": s, "end": e} for s, e in self.evidence], "confidence": self.confidence,
                "date": self.date, "location": self.location}


@dataclass(frozen=True)
class TimelineTie:
    """Why two reports of an entry are one event: the rule that joined them (a key of RULES) and its score."""
    a: tuple[str, str]  # (article_id, event_id)
    b: tuple[str, str]
    rule: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"reports": [{"article_id": x[0], "event_id": x[1]} for x in (self.a, self.b)], "rule": self.rule,
                "score": self.score}


@dataclass(frozen=True)
class TimelineEntry:
    timeline_id: str
    type: str
    date: str | None
    precision: str  # day | week | month | season | year | month-day | none
    location: str | None
    participants: tuple[str, ...]
    status: str
    topics: tuple[str, ...]
    mentions: tuple[TimelineMention, ...]
    date_text: str | None = None
    confidence: float = 1.0
    actors: tuple[str, ...] = ()  # the states and organisations of its events (Event.actors), first seen first
    host: str | None = None
    ties: tuple[TimelineTie, ...] = ()  # one per merge: the reports it joined, by which rule, with what score

    def to_dict(self) -> dict[str, Any]:
        return {"timeline_id": self.timeline_id, "type": self.type,
                "date": {"value": self.date, "precision": self.precision, "text": self.date_text},
                "location": self.location, "participants": list(self.participants), "status": self.status,
                "topics": list(self.topics), "confidence": self.confidence,
                "actors": list(self.actors), "host": self.host,
                "mentions": [m.to_dict() for m in self.mentions], "ties": [t.to_dict() for t in self.ties]}


@dataclass(frozen=True)
class Timeline:
    entries: tuple[TimelineEntry, ...] = ()
    index: dict[tuple[str, str], str] = field(default_factory=dict)  # (article_id, event_id) -> timeline_id
    # every pair build_timeline compared with tie, (earlier report, later report) -> the rule or None: what
    # resolve.incremental.clusters need not compare again
    scored: dict[tuple[tuple[str, str], tuple[str, str]], str | None] = field(default_factory=dict, compare=False,
                                                                            repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {"entries": [e.to_dict() for e in self.entries]}

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries)

    def entry_for(self, article_id: str, event_id: str) -> TimelineEntry | None:
        tid = self.index.get((article_id, event_id))
        return next((e for e in self.entries if e.timeline_id == tid), None)

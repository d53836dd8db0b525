"""Frozen records shared by every layer of parley.

The JSON shape of these records is the public contract in docs/EXPORT.md ("parley/1"):
``Record.to_dict()`` writes it and ``Record.from_dict()`` reads it back. Every extracted
item carries character offsets (Python ``str`` indices, end exclusive) into ``Article.text``.

This module imports nothing from parley.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

FORMAT = "parley/1"

__all__ = [
    "FORMAT",
    "Article",
    "Mention",
    "Entity",
    "SpeakerMention",
    "Quote",
    "EventDate",
    "Evidence",
    "Event",
    "Amount",
    "Timex",
    "Record",
    "Citation",
    "replace",
]


@dataclass(frozen=True)
class Article:
    """One cleaned article. ``text`` is what every offset points into."""

    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD or YYYY-MM-DDTHH:MM
    language: str = "en"
    removed: tuple[str, ...] = ()
    duplicate_of: str | None = None
    url: str | None = None
    format: str = "text"  # reader that produced it: text, html, feed, jsonl, warc
    wire: str | None = None  # news agency the text credits ("(Reuters)", "- PTI"), beside the outlet
    published_from: str | None = None  # where `published` was read: dateline, date line, byline, given
    dateline_place: str | None = None  # where the story was filed ("TOKYO (Reuters) -"), never an event place
    removed_rules: tuple[str, ...] = ()  # for each line of `removed`, the cleaning rule that dropped it


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str  # PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, LAW
    roles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class SpeakerMention:
    start: int
    end: int


@dataclass(frozen=True)
class Quote:
    text: str
    kind: str  # direct | indirect | mixed
    start: int
    end: int
    speaker: str | None = None
    speaker_id: str | None = None
    cue: str | None = None
    speaker_mention: SpeakerMention | None = None
    speaker_role: str | None = None
    source_span: SpeakerMention | None = None  # the source as written ("he", "the ministry"), resolved or not
    source_kind: str | None = None  # person | organisation | document | group | anonymous | other
    cue_kind: str | None = None  # speech | document | stance | belief | account (what the cue reports: extract._quotecues)


@dataclass(frozen=True)
class EventDate:
    value: str | None  # TIMEX3 value, e.g. 2017-07-21, XXXX-04-22, 2022
    text: str | None = None


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    id: str
    type: str  # meeting | visit | call | summit | talks | agreement
    participants: tuple[str, ...] = ()
    roles: dict[str, str] = field(default_factory=dict)
    location: str | None = None
    date: EventDate | None = None
    # occurred | occurring | planned | postponed | cancelled, and what did not take place: offered | proposed |
    # demanded | conditional | rejected | denied
    status: str = "occurred"
    topics: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    timeline_id: str | None = None
    confidence: float = 1.0
    topic_evidence: tuple[Evidence, ...] = ()
    actors: tuple[str, ...] = ()  # states (ISO 3166-1 alpha-3) and organisations (UN, EU, NATO...) taking part
    host: str | None = None  # the hosting state's code, where there is one


@dataclass(frozen=True)
class Amount:
    value: float
    unit: str
    text: str
    start: int
    end: int
    object: str | None = None


@dataclass(frozen=True)
class Timex:
    text: str
    value: str
    type: str  # DATE | TIME | DURATION | SET
    start: int
    end: int
    mod: str | None = None  # TIMEX3 mod: START ("early 2019"), END, MID, APPROX ("about three weeks"), MORE_THAN, ...


@dataclass(frozen=True)
class Citation:
    """A verbatim span of one stored article, as shown next to an answer."""

    article_id: str
    start: int
    end: int
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Record:
    """An article with everything extracted from it: one line of the JSONL export."""

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    amounts: tuple[Amount, ...] = ()
    timexes: tuple[Timex, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()
    claims: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "format": FORMAT,
            "id": a.id,
            "source": a.source,
            "url": a.url,
            "title": a.title,
            "outlet": a.outlet,
            "author": a.author,
            "published": a.published,
            "language": a.language,
            "text": a.text,
            "removed": list(a.removed),
            "duplicate_of": a.duplicate_of,
            "wire": a.wire,
            "published_from": a.published_from,
            "dateline_place": a.dateline_place,
            "removed_rules": list(a.removed_rules),
            "entities": [_entity_dict(e) for e in self.entities],
            "quotes": [_drop_none_keys(asdict(q), keep=("speaker", "speaker_id")) for q in self.quotes],
            "events": [_event_dict(e) for e in self.events],
            "amounts": [asdict(x) for x in self.amounts],
            "timexes": [asdict(t) for t in self.timexes],
            "sentences": [list(s) for s in self.sentences],
            "claims": [dict(c) for c in self.claims],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Record":
        article = Article(
            id=d["id"],
            source=d.get("source") or "",
            text=d["text"],
            title=d.get("title"),
            outlet=d.get("outlet"),
            author=d.get("author"),
            published=d.get("published"),
            language=d.get("language") or "en",
            removed=tuple(d.get("removed") or ()),
            duplicate_of=d.get("duplicate_of"),
            url=d.get("url"),
            wire=d.get("wire"),
            published_from=d.get("published_from"),
            dateline_place=d.get("dateline_place"),
            removed_rules=tuple(d.get("removed_rules") or ()),
        )
        return cls(
            article=article,
            entities=tuple(
                Entity(
                    id=e["id"],
                    name=e["name"],
                    type=e["type"],
                    roles=tuple(e.get("roles") or ()),
                    mentions=tuple(Mention(**m) for m in e.get("mentions") or ()),
                )
                for e in d.get("entities") or ()
            ),
            quotes=tuple(_quote_from(q) for q in d.get("quotes") or ()),
            events=tuple(_event_from(e) for e in d.get("events") or ()),
            amounts=tuple(Amount(**_known(Amount, x)) for x in d.get("amounts") or ()),
            timexes=tuple(Timex(**_known(Timex, t)) for t in d.get("timexes") or ()),
            sentences=tuple(tuple(s) for s in d.get("sentences") or ()),
            claims=tuple(d.get("claims") or ()),
        )


def _known(cls: type, d: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in d.items() if k in names}


def _drop_none_keys(d: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None or k in keep}


def _entity_dict(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "roles": list(e.roles),
        "mentions": [asdict(m) for m in e.mentions],
    }


def _event_dict(e: Event) -> dict[str, Any]:
    d = asdict(e)
    d["participants"] = list(e.participants)
    d["topics"] = list(e.topics)
    d["evidence"] = [asdict(x) for x in e.evidence]
    d["topic_evidence"] = [asdict(x) for x in e.topic_evidence]
    d["actors"] = list(e.actors)
    return d


def _quote_from(q: dict[str, Any]) -> Quote:
    q = _known(Quote, q)
    sm = q.get("speaker_mention")
    if sm is not None:
        q["speaker_mention"] = SpeakerMention(**sm)
    if q.get("source_span") is not None:
        q["source_span"] = SpeakerMention(**q["source_span"])
    return Quote(**q)


def _event_from(e: dict[str, Any]) -> Event:
    e = _known(Event, e)
    if e.get("date") is not None:
        e["date"] = EventDate(**e["date"])
    e["participants"] = tuple(e.get("participants") or ())
    e["topics"] = tuple(e.get("topics") or ())
    e["evidence"] = tuple(Evidence(**x) for x in e.get("evidence") or ())
    e["topic_evidence"] = tuple(Evidence(**x) for x in e.get("topic_evidence") or ())
    e["roles"] = dict(e.get("roles") or {})
    e["actors"] = tuple(e.get("actors") or ())
    return Event(**e)

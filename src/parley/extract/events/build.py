"""One event record per cluster: type, participants, roles, place, date, status, evidence, confidence."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from parley.extract.events.cluster import Cluster
from parley.extract.events.dates import fixes_a_day
from parley.extract.events.doc import paragraph, trim
from parley.extract.events.lexicons import venue_city
from parley.extract.events.people import leader_country, People
from parley.extract.events.status import cluster_status
from parley.extract.events.mentions import Mention
from parley.extract.events.place import venue_town
from parley.extract.timex import shift
from parley.extract.topics import country_of, is_country
from parley.models import Article, EventDate


@dataclass
class BuiltEvent:
    """An event of the article before its agenda and actors: what the later passes read and amend."""

    type: str
    participants: list[str]
    roles: dict[str, str]
    location: str | None
    date: EventDate | None
    status: str
    evidence: list[tuple[int, int]]
    confidence: float


def build_event(c: Cluster, mentions: list[Mention], ppl: People, article: Article, doc, clusters: list[Cluster],
                main_event: int | None, built: list[BuiltEvent]) -> BuiltEvent:
    ms = [mentions[k] for k in sorted(c.mentions)]
    types = Counter(m.type for m in ms)
    if "visit" in types:
        etype = "visit"
    else:
        etype = max(types, key=lambda t: (types[t], -min(m.start for m in ms if m.type == t)))
    participants = list(c.participants)
    roles: dict[str, str] = {}
    for m in ms:
        for name, role in m.roles.items():
            roles.setdefault(name, role)
    location = venue_city(c.location) if c.location else c.location  # "the White House" is in Washington
    location = venue_town(doc, location, [(m.start, m.end) for m in ms], article.dateline_place)
    persons = [p for p in participants if not is_country(p)]
    if len(persons) >= 2:  # states stood in for leaders the text names elsewhere
        participants = [p for p in participants if not is_country(p) or roles.get(p) in ("host", "counterpart")]
    if etype == "visit":
        visitors = [p for p, r in roles.items() if r == "visitor"]
        hosts = [p for p, r in roles.items() if r == "host"]
        if visitors and not hosts:
            others = [p for p in participants if p not in visitors]
            if len(others) == 1:
                roles[others[0]] = "host"
            elif not others and location:
                country = country_of(venue_city(location))
                host = ppl.leader(country) if country and country != country_of(
                    leader_country(ppl, visitors[0]) or "") else None
                # the host country's leader joins the visit only when the visit's own paragraphs name them ("is
                # expected to visit Russia" says nothing of meeting Putin, named three paragraphs earlier)
                paras = {paragraph(doc.text, m.start) for m in ms}
                if host and any(a <= s < b and n == host for s, _, n in ppl.spans for a, b in paras):
                    roles[host] = "host"
                    if host not in participants:
                        participants.append(host)
    # an agreement signed by one named party with no "with X": the counterpart is the main event's other party
    inferred = False
    if (etype == "agreement" and len(participants) == 1 and "counterpart" not in roles.values()
            and main_event is not None and main_event < len(built)):
        pair = [p for p in built[main_event].participants if not is_country(p)]
        if participants[0] in pair and len(pair) == 2:
            participants.append(next(p for p in pair if p != participants[0]))
            inferred = True
    date_value = c.date
    date_text = None
    for m in ms:
        if m.date and m.date.value == date_value:
            date_text = m.date.text
            break
    event_date = EventDate(date_value, date_text) if date_value else None
    for m in ms:
        if m.relation:
            other = mentions[m.relation[0]]
            other_c = next((x for x in clusters if id(x) == other.cluster), None)
            other_date = other_c.date if other_c else None
            if not date_value:
                shifted = _shift(other_date, m.relation[1]) if other_date and m.relation[1] else None
                event_date = EventDate(shifted, m.relation[2])
    if not date_value:
        # "held talks in Tokyo on Thursday, two weeks after their first meeting in Rio": this event is the anchor of
        # another mention's relation, so its date is that event's date moved back
        for k in c.mentions:
            for o in mentions:
                if o.relation and o.relation[0] == k and o.relation[1] and o.cluster is not None:
                    other_c = next((x for x in clusters if id(x) == o.cluster), None)
                    moved = _shift(other_c.date, -o.relation[1]) if other_c and other_c.date else None
                    if moved:
                        event_date = EventDate(moved, o.relation[2])
                        date_value = moved
                        break
            if date_value:
                break
    status = cluster_status(c, mentions, etype, article.published)
    if event_date and event_date.value and not fixes_a_day(event_date.value):
        event_date, date_value = EventDate(None, event_date.text), None  # "on Saturday": the words, no value
    evidence = []
    for m in ms:
        span = (m.sent[0], m.sent[1]) if not m.caption else (m.wstart, m.wend)
        span = trim(doc.text, *span)
        if span not in evidence:
            evidence.append(span)
    conf = 0.4 + (0.2 if participants else 0) + (0.1 if len(participants) > 1 else 0) + (0.1 if location else 0) \
        + (0.1 if date_value else 0) + 0.05 * min(len(ms) - 1, 2) - (0.15 if c.caption else 0) \
        - (0.1 if any(m.inherited for m in ms) or inferred else 0)
    return BuiltEvent(type=etype, participants=participants, roles=roles, location=location, date=event_date,
                      status=status, evidence=evidence, confidence=round(max(0.05, min(conf, 0.98)), 2))


def own_countries(b: BuiltEvent, ppl: People) -> set[str]:
    own = set()
    for (country, _), name in ppl.leaders.items():
        if name in b.participants:
            own.add(country)
    for p in b.participants:
        if is_country(p):
            own.add(country_of(p))
    if b.location:
        c = country_of(venue_city(b.location))
        if c:
            own.add(c)
    return own


def _shift(value: str | None, days: int) -> str | None:
    """A full date moved by ``days``: the date step's shift(), else this fallback."""
    out = shift(value, days)
    if out:
        return out
    if not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    y, mo, d = (int(x) for x in value.split("-"))
    return (date(y, mo, d) + timedelta(days=days)).isoformat()

"""Mentions of the same event in one article become one cluster; the article's main event."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from parley.extract.events.compat import dates_compatible, participants_compatible, places_compatible, precision
from parley.extract.events.lexicons import venue_city
from parley.extract.events.mentions import Mention
from parley.extract.events.triggers import family
from parley.extract.topics import country_of, is_country


@dataclass
class Cluster:
    mentions: list[int]
    participants: list[str]
    location: str | None
    date: str | None
    family: str
    caption: bool
    nouns: set[str] = field(default_factory=set)
    statuses: set[tuple[str | None, int]] = field(default_factory=set)  # (status class, strength) of its mentions


def _compatible(c: Cluster, m: Mention, k: int, mentions: list[Mention],
                country_of_person: Callable[[str], str | None]) -> bool:
    if c.family != family(m.type):
        return False
    headline = m.headline or any(mentions[j].headline for j in c.mentions)
    if c.family == "agreement" and c.nouns and m.noun not in c.nouns and not (headline and m.participants):
        return False
    for j in c.mentions:
        if j in m.apart or k in mentions[j].apart:
            return False
        rel = mentions[j].relation
        if (rel and rel[0] == k) or (m.relation and m.relation[0] == j):
            return False
    return (participants_compatible(c.participants, m.participants, country_of_person)
            and places_compatible(c.location, m.location)
            and dates_compatible(c.date, m.date.value if m.date else None) and _statuses_compatible(c, m))


_STATUS_CLASS = {"occurred": "past", "occurring": "past", "planned": "future", "postponed": "future",
                 "cancelled": "future", "offered": "future", "proposed": "future", "demanded": "future",
                 "conditional": "future", "rejected": "future", "denied": "future"}
_OFF = ("cancelled", "postponed", "rejected", "denied")  # what did not or will not take place as told


def _statuses_compatible(c: Cluster, m: Mention) -> bool:
    """A postponed or cancelled event is not the one that took place: a mention whose own clause says it was called
    off (an explicit cue) does not join an event said to have happened or to be planned, nor the other way round.
    ("will" and "planned" cues are too loose across clauses to split on alone; dates tell those apart.)"""
    if not m.status or not m.strength:
        return True
    mine = _STATUS_CLASS.get(m.status)
    called_off = m.status in _OFF and m.strength >= 2
    if any(cls != mine and (called_off or (cls == "off" and st >= 2)) for cls, st in c.statuses):
        return False
    # a meeting the parse says is still to come ("are expected to hold talks", "is scheduled to meet") is not one
    # told as past ("exchanged views", "has arrived"), whatever their family shares
    if m.governed and mine == "future":
        return not any(cls == "past" for cls, st in c.statuses)
    if mine == "past":
        return ("future", 3) not in c.statuses
    return True


def _absorb(c: Cluster, m: Mention, k: int) -> None:
    c.mentions.append(k)
    if m.status and m.strength:
        off = m.status in _OFF
        c.statuses.add(("off" if off else _STATUS_CLASS.get(m.status), 3 if m.governed else m.strength))
    if m.noun:
        c.nouns.add(m.noun)
    for p in m.participants:
        if p not in c.participants:
            c.participants.append(p)
    if m.location and (not c.location or (is_country(c.location) and not is_country(m.location))):
        c.location = m.location
    if m.date and m.date.value and (not c.date or precision(m.date.value) > precision(c.date)):
        c.date = m.date.value
    m.cluster = id(c)


def _positive_match(c: Cluster, m: Mention) -> bool:
    """A mention that names no one joins an event only when it names the same place or the same day."""
    if m.location and c.location and venue_city(m.location).lower() == venue_city(c.location).lower():
        return True
    if m.location and c.location and is_country(m.location) != is_country(c.location) \
            and places_compatible(c.location, m.location) \
            and country_of(venue_city(c.location if is_country(m.location) else m.location)):
        return True  # "my state visit to China" and "arrived in Xi'an": the state holds the city, either way round
    mv = m.date.value if m.date else None
    return bool(mv and c.date and precision(mv) >= 5 and precision(c.date) >= 5 and dates_compatible(mv, c.date))


def cluster_mentions(mentions: list[Mention], country_of_person: Callable[[str], str | None]
                     ) -> tuple[list[Cluster], int | None]:
    main_k = next((k for k, m in enumerate(mentions) if not m.caption and not m.generic and m.participants
                   and family(m.type) in ("meeting", "call")), None)
    if main_k is None:
        main_k = next((k for k, m in enumerate(mentions) if not m.caption and not m.generic), None)
    clusters: list[Cluster] = []
    main_c: Cluster | None = None
    bare = []
    for k, m in enumerate(mentions):
        if m.generic:
            continue
        if not m.participants and not m.location and not (m.date and m.date.value) and k != main_k:
            if m.definite:
                bare.append(k)
            continue
        fits = [c for c in clusters if _compatible(c, m, k, mentions, country_of_person) and not c.caption and not m.caption
                and (m.participants or _positive_match(c, m))]
        if fits:
            fits.sort(key=lambda c: (c is not main_c, -len(set(c.participants) & set(m.participants)),
                                     -c.mentions[-1]))
            _absorb(fits[0], m, k)
            if k == main_k:
                main_c = fits[0]
            continue
        c = Cluster([], [], None, None, family(m.type), m.caption)
        _absorb(c, m, k)
        clusters.append(c)
        if k == main_k:
            main_c = c
    for k in bare:
        m = mentions[k]
        target = None
        if main_c is not None and _compatible(main_c, m, k, mentions, country_of_person):
            target = main_c
        else:
            # "The meeting took place in a good atmosphere" after "X and Y met on the sidelines of the NATO summit":
            # the latest event of the same kind, else the latest of its family
            fits = [c for c in reversed(clusters) if c.mentions[0] < k and not c.caption
                    and _compatible(c, m, k, mentions, country_of_person)]
            target = next((c for c in fits if any(mentions[j].type == m.type for j in c.mentions)),
                          fits[0] if fits else None)
        if target is not None:
            _absorb(target, m, k)
    main_index = clusters.index(main_c) if main_c is not None else None
    return clusters, main_index

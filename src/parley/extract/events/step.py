"""The event step: extract_events, the order of the passes."""

from __future__ import annotations

from parley.extract.events.agenda import agenda_topics
from parley.extract.events.build import BuiltEvent, build_event, own_countries
from parley.extract.events.clause import LIGHT_VERBS, noun_slot
from parley.extract.events.cluster import cluster_mentions
from parley.extract.events.dates import find_date, sentence_dates
from parley.extract.events.doc import CachedDoc, trim
from parley.extract.events.links import (also_on_the_trip, inherit_clause_participants, relations, sidelines_place,
                                         signed_at, their_participants)
from parley.extract.events.mentions import Mention, find_mentions
from parley.extract.events.occasion import agreement_occasion, date_from_lede, date_from_previous_paragraph
from parley.extract.events.participants import find_participants
from parley.extract.events.people import People, article_people, leader_country
from parley.extract.events.place import find_location
from parley.extract.events.states import event_states, the_two_countries
from parley.extract.events.status import find_status
from parley.extract.topics import is_country
from parley.models import Article, Entity, Event, Evidence, Timex


def extract_events(doc, entities: tuple[Entity, ...], timexes: tuple[Timex, ...], article: Article) -> tuple[Event, ...]:
    """Events of one article, ids ev1, ev2, ... in order of first mention."""
    doc = CachedDoc(doc)
    ppl = article_people(doc, entities)
    mentions = find_mentions(doc)
    if not mentions:
        return ()
    ents = [e for e in doc.ents]
    for m in mentions:
        find_participants(doc, m, ppl)
        find_location(doc, m, ents, ppl)
        find_date(doc, m, timexes, article.published)
        find_status(doc, m)
    sentence_dates(doc, mentions, timexes, article.published)
    inherit_clause_participants(mentions)
    sidelines_place(mentions)
    signed_at(mentions)
    also_on_the_trip(mentions)
    relations(doc, mentions)
    their_participants(doc, mentions)
    clusters, main = cluster_mentions(mentions, lambda name: leader_country(ppl, name))
    clusters_order = sorted(range(len(clusters)), key=lambda i: mentions[clusters[i].mentions[0]].start)
    events_by_cluster = {id(clusters[i]): n for n, i in enumerate(clusters_order)}
    main_event = events_by_cluster[id(clusters[main])] if main is not None else None

    built: list[BuiltEvent] = []
    exclude: dict[int, set[str]] = {}
    for n, i in enumerate(clusters_order):
        built.append(build_event(clusters[i], mentions, ppl, article, doc, clusters, main_event, built))
        exclude[n] = own_countries(built[-1], ppl)
    _leaders_sign(built, ppl)
    _signed_on_occasion(built, [[mentions[k] for k in clusters[i].mentions] for i in clusters_order], mentions,
                        events_by_cluster)
    date_from_previous_paragraph(doc.text, built)
    date_from_lede(doc.text, built, main_event, timexes, ppl)
    agreement_occasion(doc.text, built, main_event)
    actors = event_states(doc, mentions, clusters, clusters_order, built, ppl, article)
    the_two_countries(mentions, clusters, clusters_order, actors, main_event)
    kept = _with_parties(built, actors, [[mentions[k] for k in clusters[i].mentions] for i in clusters_order])
    if len(kept) < len(built):  # the mentions of a dropped event lend their agenda to the event the text is about
        new_index = {n: j for j, n in enumerate(kept)}
        events_by_cluster = {c: new_index[n] for c, n in events_by_cluster.items() if n in new_index}
        main_event = new_index.get(main_event) if main_event is not None else None
        exclude = {new_index[n]: v for n, v in exclude.items() if n in new_index}
        built = [built[n] for n in kept]
        actors = [actors[n] for n in kept]
    main_participants = list(built[main_event].participants) if main_event is not None else []
    topics = agenda_topics(doc, mentions, events_by_cluster, main_event, exclude, ppl, main_participants, built)
    events = []
    for n, b in enumerate(built):
        t = topics.get(n, {})
        labels = tuple(v[0] for v in t.values())
        tev = sorted({trim(doc.text, *sp) for v in t.values() for sp in v[1]})
        events.append(Event(
            id=f"ev{n + 1}", type=b.type, participants=tuple(b.participants), roles=b.roles,
            location=b.location, date=b.date, status=b.status, topics=labels,
            evidence=tuple(Evidence(s, e) for s, e in b.evidence), confidence=b.confidence,
            topic_evidence=tuple(Evidence(s, e) for s, e in tev), actors=actors[n][0], host=actors[n][1],
        ))
    return tuple(events)


def _leaders_sign(built: list[BuiltEvent], ppl: People) -> None:
    """"Uzbekistan and Kazakhstan signed the Treaty of Alliance" in an article of their two presidents' talks: the
    states' leaders, people of the article who took part in another of its events, are the signers (the states stay
    the event's actors)."""
    for b in built:
        if b.type != "agreement" or len(b.participants) < 2 or not all(is_country(p) for p in b.participants):
            continue
        found = [ppl.leader(p) for p in b.participants]
        leaders = [n for n in found if n is not None]
        if len(leaders) < len(found) or len(set(leaders)) < len(leaders):
            continue
        if any(o is not b and set(leaders) <= set(o.participants) for o in built):
            b.participants = leaders


def _signed_on_occasion(built: list[BuiltEvent], members: list[list[Mention]], mentions: list[Mention],
                        events_by_cluster: dict[int, int]) -> None:
    """"47 documents were signed during the state visit of X to Xi'an" and the visit dated by another sentence ("X
    arrived in Xi'an on May 17"): an undated agreement signed during an event of the article has that event's date
    (and its place when it names none)."""
    for n, b in enumerate(built):
        if b.type != "agreement" or b.date is not None:
            continue
        for m in members[n]:
            o = events_by_cluster.get(mentions[m.occasion].cluster) if m.occasion is not None else None
            if o is not None and o != n and built[o].date is not None:
                b.date = built[o].date
                b.location = b.location or built[o].location
                break


def _with_parties(built: list[BuiltEvent], actors: list[tuple[tuple[str, ...], str | None]],
                  members: list[list[Mention]]) -> list[int]:
    """Indices of the events worth a record: those that name a party (a person, or two states or organisations),
    and those the text tells of in their own clause ("The summit in Hiroshima was cancelled"). An event that names
    no one and only frames another clause ("ahead of the G7 summit", "on a previous trip to Queenstown", "during
    phone conversations in March", "reciprocating a Tokyo visit") is background, not a record."""
    return [n for n, b in enumerate(built)
            if b.participants or len(actors[n][0]) >= 2 or any(_told_of(m) for m in members[n])]


def _told_of(m: Mention) -> bool:
    """The mention is what its clause tells: its subject ("the summit was cancelled"), its main verb, or the object
    of a light verb of the main clause ("Peruvian diplomats held their first meeting", "... signed four
    documents"), not a frame of another predicate ("reciprocating a Tokyo visit", "ahead of the G7 summit")."""
    if m.head is None or m.caption or m.generic:
        return False
    if m.verbal:
        return m.head.dep_ in ("ROOT", "ccomp")
    slot = noun_slot(m.head)
    return slot.dep_ in ("nsubj", "nsubjpass") or (
        slot.dep_ == "dobj" and slot.head.lemma_ in LIGHT_VERBS and slot.head.dep_ in ("ROOT", "ccomp", "conj"))

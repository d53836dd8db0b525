"""The event step: extract_events, the order of the passes."""

from __future__ import annotations

from parley.extract.events.agenda import agenda_topics
from parley.extract.events.build import BuiltEvent, build_event, own_countries
from parley.extract.events.cluster import cluster_mentions
from parley.extract.events.dates import find_date, sentence_dates
from parley.extract.events.doc import CachedDoc, trim
from parley.extract.events.links import (also_on_the_trip, inherit_clause_participants, relations, sidelines_place,
                                         their_participants)
from parley.extract.events.mentions import find_mentions
from parley.extract.events.occasion import agreement_occasion, date_from_lede, date_from_previous_paragraph
from parley.extract.events.participants import find_participants
from parley.extract.events.people import article_people, leader_country
from parley.extract.events.place import find_location
from parley.extract.events.states import event_states
from parley.extract.events.status import find_status
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
    sentence_dates(doc, mentions, timexes)
    inherit_clause_participants(mentions)
    sidelines_place(mentions)
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
    date_from_previous_paragraph(doc.text, built)
    date_from_lede(doc.text, built, main_event, timexes, ppl)
    agreement_occasion(doc.text, built, main_event)
    main_participants = list(built[main_event].participants) if main_event is not None else []
    actors = event_states(doc, mentions, clusters, clusters_order, built, ppl, article)
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

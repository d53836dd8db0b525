"""The states and organisations of each event (extract.actors), from its participants and clauses."""

from __future__ import annotations

from parley.extract.actors import PersonStates, clause_states, event_actors
from parley.extract.events.clause import LIGHT_VERBS, verb_of
from parley.extract.events.people import People
from parley.models import Article


def event_states(doc, mentions, clusters, clusters_order, built, ppl: People, article: Article):
    """(actors, host) of each built event (extract.actors), from its participants and its mentions' clauses."""
    people = PersonStates(doc.spacy, ppl.spans, ppl.titles, {n: c for (c, _), n in ppl.leaders.items()},
                          article.published)
    out = []
    seen: dict = {}  # sentence start -> its state tokens
    for n, i in enumerate(clusters_order):
        clause: list[str] = []
        for k in sorted(clusters[i].mentions):
            m = mentions[k]
            head = m.head
            verb = verb_of(m) if head is not None else None
            if verb is None and head is not None and head.dep_ in ("dobj", "nsubjpass") \
                    and head.head.lemma_ in LIGHT_VERBS:
                # "Peruvian diplomats held their first meeting with ...", "an agreement was signed between A and B"
                verb = head.head
            clause += clause_states(doc, head, verb, seen)
        b = built[n]
        out.append(event_actors(b.participants, b.roles, b.location, b.type, clause, people))
    return out

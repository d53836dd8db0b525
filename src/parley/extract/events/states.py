"""The states and organisations of each event (extract.actors), from its participants and clauses."""

from __future__ import annotations

import re
from functools import lru_cache

from parley.extract.actors import PersonStates, clause_states, event_actors
from parley.extract.events.clause import LIGHT_VERBS, subjects_of, verb_of
from parley.extract.events.people import People
from parley.models import Article
from parley.nlp import lexicon


@lru_cache(maxsize=1)
def _pair_states() -> re.Pattern:
    return re.compile("|".join(f"(?:{x})" for x in lexicon("event_pair_states")), re.I)


def the_two_countries(mentions, clusters, clusters_order, actors, main: int | None) -> None:
    """An event whose clause's subject is "the two countries" ("the foreign ministers of the two countries signed
    four documents") and that names fewer than two states has the states of the article's main event."""
    if main is None or len(actors[main][0]) < 2:
        return
    for n, i in enumerate(clusters_order):
        if n == main or len(actors[n][0]) >= 2:
            continue
        for k in clusters[i].mentions:
            verb = verb_of(mentions[k]) if mentions[k].head is not None else None
            subj = [t for t in subjects_of(verb)] if verb is not None else []
            text = " ".join(" ".join(w.text for w in t.subtree) for t in subj)
            if text and _pair_states().search(text):
                codes = list(actors[n][0]) + [c for c in actors[main][0] if c not in actors[n][0]]
                actors[n] = (tuple(codes), actors[n][1])
                break


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

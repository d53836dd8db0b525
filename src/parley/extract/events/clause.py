"""The clause of a mention in the dependency parse: the verb that carries it and that verb's subjects."""

from __future__ import annotations

from parley.extract.events.doc import is_verbal
from parley.extract.events.lexicons import reporting_verbs
from parley.extract.events.mentions import Mention
from parley.nlp import lexicon


# verbs that only carry an event noun ("held talks", "paid a visit"), verbs of going ("arrived for talks"), verbs of
# hosting, and nouns that count an event noun ("a series of agreements"): nlp/data/event_*.txt, where each list
# says where it comes from
LIGHT_VERBS = frozenset(lexicon("event_light_verbs"))
MOTION_VERBS = frozenset(lexicon("event_motion_verbs"))
HOST_VERBS = frozenset(lexicon("event_host_verbs"))
_QUANTITY_NOUNS = frozenset(lexicon("event_quantity_nouns"))


_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def noun_slot(head):
    """The token standing for a trigger noun in its clause: "a series of agreements" -> "series"."""
    t = head
    for _ in range(2):
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in _QUANTITY_NOUNS:
            t = t.head.head
        else:
            break
    return t


def verb_of(m: Mention):
    """The verb whose subject does the event: the trigger verb, or the verb a trigger noun is the object of
    ("held talks", "paid a visit", "made a return visit", "arrived ... for talks")."""
    head = m.head
    if m.verbal:
        return head
    if head.dep_ == "pobj" and head.head.lower_ == "for" and all(c.tag_ == "PRP$" for c in head.children
                                                                 if c.dep_ == "poss"):
        be = head.head.head
        if be.dep_ == "pobj" and be.head.lower_ == "in":  # "for" hung on the place: "is in [Nairobi for ...]"
            be = be.head.head
        if be.lemma_ == "be" and any(c.dep_ == "prep" and c.lower_ == "in" for c in be.children):
            return be  # "X is in Nairobi for his first official visit": X is there for it
    if any(c.dep_ == "poss" for c in head.children):  # "the Russian president's visit": the possessor, not the clause
        return None
    head = noun_slot(head)
    if head.dep_ == "dobj" and head.head.lemma_ in LIGHT_VERBS:
        return head.head
    if head.dep_ == "pobj" and head.head.lower_ in ("for", "on") and head.head.head.lemma_ in MOTION_VERBS | HOST_VERBS:
        return head.head.head  # "arrived in Tokyo for talks", "Biden hosted Modi for talks"
    if head.dep_ == "pobj" and head.head.lower_ in ("during", "at", "in") and is_verbal(head.head.head) \
            and head.head.head.lemma_.lower() not in reporting_verbs():
        return head.head.head  # "the two leaders agreed ... during talks", "X and Y discussed Syria at the talks",
        # "he and Trump discussed the alliance in a phone call"
    if head.dep_ == "pobj" and head.head.lower_ in ("during", "in"):
        verb = _clause_verb(head.head)
        if verb is not None:
            return verb  # the parser hung the phrase on an object noun ("discussed their desire to strengthen
            # that relationship in a phone call"): the finite verb whose object phrase holds it
    if head.dep_ in ("pobj", "pcomp") and head.head.lower_ in _AFTER and is_verbal(head.head.head) \
            and head.head.head.lemma_.lower() not in reporting_verbs():
        return head.head.head  # "X and Y held a joint news conference after a summit meeting"
    return None


_AFTER = {"after", "following"}


_OBJECT_CHAIN = ("dobj", "pobj", "prep", "conj", "acl", "xcomp")
_FINITE = ("VBD", "VBZ", "VBP")


def _clause_verb(prep):
    """The finite verb of the clause a prepositional phrase stands in when the parser attached it to a noun of the
    verb's object: up the chain of objects, prepositions, conjuncts and infinitives (not through a subject, which
    the phrase may qualify), at most six steps; none when it is a reporting verb."""
    t = prep
    for _ in range(6):
        if t.dep_ not in _OBJECT_CHAIN or t.head is t:
            return None
        t = t.head
        if t.tag_ in _FINITE:
            return None if t.lemma_.lower() in reporting_verbs() else t
    return None


def subjects_of(verb) -> list:
    """nsubj of the verb, of the verb it is an open complement of ("is expected to travel"), or of the verb it is
    coordinated with when it has none of its own. The parser sometimes gives a verb several subjects ("ANKARA,
    Sept 5 (Reuters) - X held ...", "X and Y signed" parsed as two subjects): all of them, nearest first."""
    t = verb
    for _ in range(4):
        subj = [c for c in t.children if c.dep_ in _SUBJECT_DEPS]
        if subj:
            return sorted(subj, key=lambda c: abs(t.i - c.i))
        if t.dep_ == "acl" and t.head.lemma_ in ("invitation", "offer", "plan", "decision") \
                and t.head.dep_ in ("dobj", "nsubjpass") and is_verbal(t.head.head):
            t = t.head.head  # "X accepted an invitation to visit Y": X visits
            continue
        if t.dep_ == "pcomp" and t.head.lower_ in _AFTER and is_verbal(t.head.head):
            t = t.head.head  # "X and Y gave a press conference after meeting": X and Y met
            continue
        if t.dep_ in ("xcomp", "conj", "advcl") and t.head is not t and is_verbal(t.head):
            if t.dep_ == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
                return []
            t = t.head
            continue
        return []
    return []

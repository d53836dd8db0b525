"""The states and organisations taking part in an event, as ISO 3166-1 alpha-3 codes (or UN, EU, NATO, ...).

Three sources, all read through parley.knowledge:

    clause_states(doc, head, verb)   states the parse puts in a participant's slot of the trigger's clause:
                                     subject, object, "with"/"between"/"to" phrase, or a modifier of one
                                     ("Norway, Chile and Kenya met", "Peruvian diplomats held a meeting with",
                                     "Oman's national security adviser met the Jordanian king")
    PersonStates.of(name)            a person's state: the article's own words for them (roles the people step
                                     found, "the Kenyan president William Ruto"), else the PETRARCH2/Phoenix actor
                                     dictionary with its role dates against the article's publication date
    PersonStates.home(exclude)       the state an article names most, for an official the text gives a title
                                     but no state: outlets leave their own country's officials unmarked
                                     ("Foreign Minister X spoke with his South Korean counterpart Y")
    event_actors(...)                the event's actors (participants' states first, then the clause's), and
                                     its host: a host's state, or the state of the place when it takes part
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from parley.knowledge import ORGANISATIONS, city_state, person_states, state_code, state_in_text, surname_states
from parley.knowledge.places import city_states

__all__ = ["clause_states", "PersonStates", "event_actors", "state_tokens"]

_LABELS = {"GPE", "NORP", "ORG", "LOC"}
# the edges by which a state reaches the trigger as one of its parties (not "talks on Ukraine", "met in Japan")
_PARTY_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "compound", "amod", "poss", "nmod", "agent",
               "dative", "prep"}
_PARTY_PREPS = {"with", "between", "among", "to", "of", "by"}
# the edges inside a person's own noun phrase ("Japan's foreign minister X", "X, the Kenyan president")
_NAME_DEPS = {"compound", "amod", "poss", "nmod", "appos", "pobj", "prep"}


def state_tokens(sent, ents=None) -> list[tuple[object, str]]:
    """(root token, code) of each state or organisation named in a sentence (a Span), in text order; ``ents``
    (the Doc's entities, read once per article) spares spaCy rebuilding them for every sentence."""
    out = []
    covered = set()
    for ent in (sent.ents if ents is None else ents):
        if ent.start >= sent.start and ent.end <= sent.end and ent.label_ in _LABELS:
            code = state_code(ent.text)
            if code:
                out.append((ent.root, code))
            covered.update(range(ent.start, ent.end))
    for tok in sent:  # the small model leaves some names and demonyms untagged ("Peruvian diplomats")
        if tok.text[:1].isupper() and tok.i not in covered and tok.pos_ in ("PROPN", "ADJ", "NOUN"):
            code = state_code(tok.text)
            if code:
                out.append((tok, code))
    return sorted(out, key=lambda x: x[0].i)


def _reaches(tok, targets: set[int], deps: set[str], preps: set[str], limit: int = 8) -> bool:
    for _ in range(limit):
        if tok.i in targets:
            return True
        if tok.dep_ not in deps or tok.head.i == tok.i:
            return False
        if tok.dep_ == "conj" and tok.pos_ == "VERB":
            return False  # "spoke with X and confirmed cooperation among ...": a second predicate's words are its own
        if tok.dep_ == "prep" and tok.lower_ not in preps \
                and not (tok.lower_ == "from" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i not in targets):
            return False  # "diplomats from Japan" are of Japan; "arrived from Moscow" says only where from
        tok = tok.head
    return tok.i in targets


def clause_states(doc, head, verb, seen: dict | None = None) -> list[str]:
    """Codes of the states the trigger's clause names as parties (see the module docstring); ``seen`` keeps each
    sentence's state tokens for the next mention of the same sentence."""
    if head is None:
        return []
    targets = {head.i}
    v = verb
    while v is not None:  # "agreed to meet", "plans to visit": the subject sits on the governing verb
        targets.add(v.i)
        v = v.head if v.dep_ == "xcomp" and v.head.i != v.i else None
    out: list[str] = []
    sent = head.sent
    if seen is None:
        seen = {}
    if sent.start not in seen:
        if "ents" not in seen:
            seen["ents"] = list(head.doc.ents)
        seen[sent.start] = state_tokens(sent, seen["ents"])
    for tok, code in seen[sent.start]:
        if tok.i not in targets and _reaches(tok, targets, _PARTY_DEPS, _PARTY_PREPS) and code not in out:
            out.append(code)
    return out


@dataclass
class PersonStates:
    """Each person's state, decided once per article (see the module docstring)."""

    doc: object
    spans: list[tuple[int, int, str]]  # (start, end, canonical name) of each mention
    roles: dict[str, list[str]]  # canonical name -> roles from the people step
    leaders: dict[str, str]  # canonical name -> the country its leader role names
    published: str | None = None
    _cache: dict[str, str | None] = field(default_factory=dict)
    _named: Counter | None = None

    @property
    def named(self) -> Counter:
        """State code -> how many times the text names it (names and demonyms the parse tags, organisations
        aside); counted on first use, as few events need it."""
        if self._named is None:
            codes = (state_code(e.text) for e in self.doc.ents if e.label_ in ("GPE", "NORP"))
            self._named = Counter(c for c in codes if c and c not in ORGANISATIONS)
        return self._named

    def home(self, exclude) -> str | None:
        """The state the article names most, outside ``exclude``, when it is named at least twice and more often
        than any other such state; else None."""
        ranked = [(c, n) for c, n in self.named.most_common() if c not in exclude]
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    def of(self, name: str) -> str | None:
        if name not in self._cache:
            self._cache[name] = self._decide(name)
        return self._cache[name]

    def _decide(self, name: str) -> str | None:
        # a full name the dictionary knows under one state wins over the article's words, which the people step
        # may have run together ("President of Kazakhstan Kassym-Jomart Tokayev and President of China Xi")
        codes = person_states(name, self.published) if len(name.split()) >= 2 else ()
        if len(codes) == 1:
            return codes[0]
        if name in self.leaders and state_code(self.leaders[name]):
            return state_code(self.leaders[name])
        for role in self.roles.get(name, ()):
            code = state_in_text(role)
            if code:
                return code
        for s, e, n in self.spans:
            if n == name:
                code = self._state_in_phrase(s, e)
                if code:
                    return code
        codes = surname_states(name, self.published)
        return codes[0] if len(codes) == 1 else None

    def _state_in_phrase(self, start: int, end: int) -> str | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        root = span.root
        tops = {root.i}
        if root.dep_ == "appos":  # "the Kenyan president, William Ruto"
            tops.add(root.head.i)
        elif any(c.dep_ == "appos" for c in root.children):  # "William Ruto, the Kenyan president,"
            tops.update(c.i for c in root.children if c.dep_ == "appos")
        for tok, code in state_tokens(root.sent):
            if tok.i not in tops and _reaches(tok, tops, _NAME_DEPS, {"of"}, limit=4):
                return code
        return None


def event_actors(participants, roles: dict[str, str], location: str | None, etype: str,
                 clause: list[str], people: PersonStates) -> tuple[tuple[str, ...], str | None]:
    """(actors, host) of one event: the participants' states, then the clause's; the host (see module docstring)."""
    codes: list[str] = []

    def code_of(p: str) -> str | None:
        return state_code(p) or people.of(p)

    for p in participants:
        c = code_of(p)
        if c and c not in codes:
            codes.append(c)
    for c in clause:
        if c not in codes:
            codes.append(c)
    for p in participants:  # an official with a title and no state, in an event that lacks a second state: the
        # article's own state (see PersonStates.home)
        if len(codes) < 2 and not code_of(p) and people.roles.get(p) and not state_code(p):
            home = people.home(codes)
            if home:
                codes.append(home)
    host = next((code_of(p) for p, r in roles.items() if r == "host" and code_of(p)), None)
    place = _place_state(location, codes, lambda: people.named) if location else None
    if host is None and place and (etype == "visit" or place in codes):
        host = place
    if host and host not in codes and etype == "visit":
        codes.append(host)
    return tuple(codes), host


def _place_state(location: str, codes: list[str], named: Callable[[], Counter]) -> str | None:
    """The state of an event's place: a state's own name, else the city's; of namesakes in several states
    ("Queenstown"), the one a party of the event is from, else the one the article names most, else the most
    populous."""
    code = state_code(location)
    if code:
        return code
    options = city_states(location)
    if len(options) < 2:
        return city_state(location)
    for c in codes:
        if c in options:
            return c
    return next((c for c, _ in named().most_common() if c in options), city_state(location))

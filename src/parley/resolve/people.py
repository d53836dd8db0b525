"""Canonical people across the articles of the store.

Per article, extract.people already gives one entity per person. Here those entities are merged across articles
by the one person identity (parley.knowledge.identity): spelling variants of the same name fold together
(Sergei/Sergey Markov, Khalafov/Halafov, "Kishida Fumio"/"Fumio Kishida"), a bare surname or an initial form
("Putin", "H. Mammadov") joins the one full-named person it fits when the corpus holds exactly one, and two
different given names that share a surname (Heydar and Ilham Aliyev) never merge. Every variant stays an alias.

Entities are taken in corpus order (the article's sequence number, then the entity's place in it): full names
first, each joining the oldest person whose every name it fits, then the partial names. A person is only ever
looked up by the name keys (knowledge.identity.name_keys) of its names, so adding articles, which come last in that
order, changes only the people sharing a key with them: merge_new_people does that against the store, and gives
what merge_people over every record would.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from parley.knowledge.identity import name_keys, name_parts, same_person
from parley.models import Record

__all__ = ["Person", "Member", "members_of", "member_keys", "merge_people", "merge_people_ranked", "merge_new_people",
           "PeopleChange", "person_rank_key"]

_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "they", "them", "their"}


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    articles: tuple[tuple[str, str], ...] = ()  # (article id, entity id)
    mention_count: int = 0
    quote_count: int = 0


@dataclass(frozen=True)
class Member:
    """One person entity of one article, with what it adds to its person."""

    article_id: str
    entity_id: str
    name: str
    order: tuple[int, int]  # (the article's place in the corpus, the entity's in the article)
    texts: tuple[str, ...]  # its name and the texts of its mentions
    roles: tuple[str, ...] = ()
    mentions: int = 0
    quotes: int = 0

    @property
    def partial(self) -> bool:
        return name_parts(self.name).partial

    def extra(self) -> str:
        """What the store keeps beside the name and order (store.MemberRow.member)."""
        return json.dumps({"texts": self.texts, "roles": self.roles, "mentions": self.mentions,
                           "quotes": self.quotes}, ensure_ascii=False)

    @classmethod
    def stored(cls, article_id: str, entity_id: str, name: str, seq: int, idx: int, extra: str) -> "Member":
        d = json.loads(extra)
        return cls(article_id, entity_id, name, (seq, idx), tuple(d["texts"]), tuple(d["roles"]), d["mentions"],
                   d["quotes"])


def members_of(rec: Record, place: int) -> list[Member]:
    """The person entities of one record, ``place`` being the record's place in the corpus."""
    quotes = Counter(q.speaker_id for q in rec.quotes if q.speaker_id)
    return [Member(rec.article.id, ent.id, ent.name, (place, k), (ent.name, *(m.text for m in ent.mentions)),
                   tuple(ent.roles), len(ent.mentions), quotes.get(ent.id, 0))
            for k, ent in enumerate(rec.entities) if ent.type == "PERSON"]


def member_keys(rec: Record) -> tuple[tuple[str, str], ...]:
    """(name key, entity id) of the record's person entities: what the store finds their persons by."""
    return tuple((k, m.entity_id) for m in members_of(rec, 0) for k in sorted(_keys(m.name)))


@lru_cache(maxsize=65536)
def _keys(name: str) -> frozenset[str]:
    return name_keys(name, variants=True)


def loose_id(name: str) -> str:
    parts = name_parts(name)
    return "l:" + json.dumps([list(parts.words), parts.suffix], ensure_ascii=False)


@dataclass
class _Full:
    """The full-named persons known so far, found by the keys of their names."""

    names: dict[str, set[str]] = field(default_factory=dict)  # person id -> its full names
    first: dict[str, tuple[int, int]] = field(default_factory=dict)  # person id -> order of its first entity
    by_key: dict[str, set[str]] = field(default_factory=dict)

    def add(self, pid: str, name: str, order: tuple[int, int]) -> None:
        self.first[pid] = min(self.first.get(pid, order), order)
        names = self.names.setdefault(pid, set())
        if name not in names:
            names.add(name)
            for key in _keys(name):
                self.by_key.setdefault(key, set()).add(pid)

    def fitting(self, name: str) -> list[str]:
        """The persons (oldest first) whose every name is this person, among those sharing a key with it (every
        name, not one: "Ahmed Ali" fitting "Abiy Ahmed Ali" must not carry "Mohamed Ahmed Ali" into him)."""
        near = {p for key in _keys(name) for p in self.by_key.get(key, ())}
        return sorted((p for p in near if all(same_person(name, n) for n in self.names[p])),
                      key=lambda p: self.first[p])


def _assign(members: Sequence[Member], full: _Full, place: Callable[[Member, str], None]) -> None:
    """Full names in order, then partial names: ``place(member, person id)`` for each."""
    for m in members:
        if not m.partial:
            found = full.fitting(m.name)
            pid = found[0] if found else f"p:{m.article_id}:{m.entity_id}"
            full.add(pid, m.name, m.order)
            place(m, pid)
    for m in members:
        if m.partial:
            cands = full.fitting(m.name)
            place(m, cands[0] if len(cands) == 1 else loose_id(m.name))


def person_of(pid: str, members: Iterable[Member]) -> tuple[str, Person]:
    """The person made of its members, and its rank: people are listed by articles, then mentions, then name."""
    loose = pid.startswith("l:")
    ms = sorted(members, key=lambda m: (m.partial and not loose, m.order))
    names = Counter(m.name for m in ms if loose or not m.partial)
    p = _person(names, ms)
    first = min(m.order for m in ms if loose or not m.partial)
    return person_rank_key(p, loose, first), p


def person_rank_key(p: Person, loose: bool, first: tuple[int, int]) -> tuple:
    return (-len({a for a, _ in p.articles}), -p.mention_count, p.name, int(loose), *first)


def merge_people_ranked(members: Sequence[Member]) -> list[tuple[str, tuple, Person, list[Member]]]:
    """(person id, rank key, person, members) of every person, in rank order."""
    groups: dict[str, list[Member]] = {}
    _assign(members, _Full(), lambda m, pid: groups.setdefault(pid, []).append(m))
    out = [(pid, *person_of(pid, ms), ms) for pid, ms in groups.items()]
    return sorted(out, key=lambda x: x[1])


def merge_people(records: Iterable[Record]) -> list[Person]:
    """People of all articles: full names that the person identity joins become one person; a bare surname or
    an initial form joins the one full-named person it fits, and stays apart when it fits several or none."""
    members = [m for place, rec in enumerate(records) for m in members_of(rec, place)]
    return [p for _, _, p, _ in merge_people_ranked(members)]


# ---------------------------------------------------------------- adding articles to a store

@dataclass
class PeopleChange:
    people: list[tuple[str, tuple, Person]]  # (person id, rank key, person) of every person that changed
    removed: set[str]  # persons left with no member
    members: dict[str, list[Member]]  # person id -> all its members, for every person in people or removed


class StoredPeople:  # what the store answers (parley.store.Store has these methods)
    person_groups: Callable[[Iterable[str]], list[tuple[str, str, int, int]]]
    partial_members: Callable[[Iterable[str]], list]
    person_members: Callable[[Iterable[str]], list]


def _stored(row) -> tuple[str, Member]:
    return row.person, Member.stored(row.article_id, row.entity_id, row.name, row.seq, row.idx, row.member)


def merge_new_people(new: Sequence[Member], store: StoredPeople) -> PeopleChange:
    """What adding ``new`` (members of articles after every stored one) changes of the stored people."""
    new = sorted(new, key=lambda m: m.order)
    full = _Full()

    def load(keys: Iterable[str]) -> None:  # the stored persons sharing a key, with all their full names
        for pid, name, seq, idx in store.person_groups(keys):
            full.add(pid, name, (seq, idx))

    load({k for m in new if not m.partial for k in _keys(m.name)})
    placed: dict[tuple[str, str], str] = {}
    changed: set[str] = set()
    for m in new:
        if not m.partial:
            found = full.fitting(m.name)
            pid = found[0] if found else f"p:{m.article_id}:{m.entity_id}"
            full.add(pid, m.name, m.order)
            placed[(m.article_id, m.entity_id)] = pid
            changed.add(pid)
    # a partial name may now fit another person, or none, where any person sharing a key with it changed
    keys = {k for pid in changed for n in full.names[pid] for k in _keys(n)}
    partials = [_stored(r) for r in store.partial_members(keys)] + [(None, m) for m in new if m.partial]
    load({k for _, m in partials for k in _keys(m.name)})
    for current, m in sorted(partials, key=lambda x: x[1].order):
        cands = full.fitting(m.name)
        pid = cands[0] if len(cands) == 1 else loose_id(m.name)
        placed[(m.article_id, m.entity_id)] = pid
        if pid != current:
            changed.update(p for p in (pid, current) if p)
    members: dict[str, list[Member]] = {pid: [] for pid in changed}
    for pid, m in map(_stored, store.person_members(changed)):
        members[placed.get((m.article_id, m.entity_id), pid)].append(m)  # a moved one moves between changed
    for m in new:
        members[placed[(m.article_id, m.entity_id)]].append(m)
    people = [(pid, *person_of(pid, ms)) for pid, ms in sorted(members.items()) if ms]
    return PeopleChange(people, {pid for pid, ms in members.items() if not ms}, members)


def _person(names: Counter, members: Sequence[Member]) -> Person:
    name = sorted(names.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
    aliases, roles = Counter(), Counter()
    first_seen: dict[str, str] = {}
    for m in members:
        for t in m.texts:
            t = " ".join(t.split()).rstrip("'’")
            if t.endswith(("'s", "’s")):
                t = t[:-2]
            if not t or t.lower() in _PRONOUNS or t == name:
                continue
            key = t.lower()
            first_seen.setdefault(key, t)
            aliases[key] += 1
        for r in m.roles:
            first_seen.setdefault("role:" + r.lower(), r)
            roles[r.lower()] += 1
    return Person(
        name=name,
        aliases=tuple(first_seen[k] for k in sorted(aliases, key=lambda k: (-aliases[k], k)) if k != name.lower()),
        roles=tuple(first_seen["role:" + k] for k in sorted(roles, key=lambda k: (-roles[k], k))),
        articles=tuple(sorted((m.article_id, m.entity_id) for m in members)),
        mention_count=sum(m.mentions for m in members),
        quote_count=sum(m.quotes for m in members),
    )

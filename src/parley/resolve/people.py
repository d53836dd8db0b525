"""Canonical people across the articles of the store.

Per article, extract.people already gives one entity per person. Here those entities are merged across articles
by the one person identity (parley.knowledge.identity): spelling variants of the same name fold together
(Sergei/Sergey Markov, Khalafov/Halafov, "Kishida Fumio"/"Fumio Kishida"), a bare surname or an initial form
("Putin", "H. Mammadov") joins the one full-named person it fits when the corpus holds exactly one, and two
different given names that share a surname (Heydar and Ilham Aliyev) never merge. Every variant stays an alias.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from parley.knowledge.identity import name_keys, name_parts, same_person
from parley.models import Record

__all__ = ["Person", "merge_people"]

_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "they", "them", "their"}


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    articles: tuple[tuple[str, str], ...] = ()  # (article id, entity id)
    mention_count: int = 0
    quote_count: int = 0


@dataclass
class _Group:
    names: Counter  # every name its entities carry
    members: list  # (article id, Entity, quote count)


def _join(groups: list[_Group], by_key: dict[str, list[int]], name: str) -> list[int]:
    """The groups (by index, oldest first) whose every name is this person, among those sharing a word with it
    (every name, not one: "Ahmed Ali" fitting "Abiy Ahmed Ali" must not carry "Mohamed Ahmed Ali" into him)."""
    near = sorted({k for key in name_keys(name, variants=True) for k in by_key.get(key, ())})
    return [k for k in near if all(same_person(name, n) for n in groups[k].names)]


def merge_people(records: Iterable[Record]) -> list[Person]:
    """People of all articles: full names that the person identity joins become one person; a bare surname or
    an initial form joins the one full-named person it fits, and stays apart when it fits several or none."""
    full: list[_Group] = []
    by_key: dict[str, list[int]] = {}  # name word (or its consonants) -> full groups with a name holding it
    partial: list[tuple[str, str, object, int]] = []
    for rec in records:
        quotes = Counter(q.speaker_id for q in rec.quotes if q.speaker_id)
        for ent in rec.entities:
            if ent.type != "PERSON":
                continue
            item = (rec.article.id, ent, quotes.get(ent.id, 0))
            if name_parts(ent.name).partial:
                partial.append((ent.name, *item))
                continue
            found = _join(full, by_key, ent.name)
            if not found:
                full.append(_Group(Counter(), []))
                found = [len(full) - 1]
            group = full[found[0]]
            group.names[ent.name] += 1
            group.members.append(item)
            for key in name_keys(ent.name, variants=True):
                if found[0] not in by_key.setdefault(key, []):
                    by_key[key].append(found[0])
    loose: dict[tuple, _Group] = {}
    for name, aid, ent, nq in partial:
        cands = _join(full, by_key, name)
        if len(cands) == 1:
            full[cands[0]].members.append((aid, ent, nq))
            continue
        parts = name_parts(name)
        group = loose.setdefault((parts.words, parts.suffix), _Group(Counter(), []))
        group.names[name] += 1
        group.members.append((aid, ent, nq))
    people = [_person(g) for g in full + list(loose.values())]
    people.sort(key=lambda p: (-len({a for a, _ in p.articles}), -p.mention_count, p.name))
    return people


def _person(g: _Group) -> Person:
    name = sorted(g.names.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
    aliases, roles = Counter(), Counter()
    first_seen: dict[str, str] = {}
    for _, ent, _ in g.members:
        texts = [ent.name] + [m.text for m in ent.mentions]
        for t in texts:
            t = " ".join(t.split()).rstrip("'’")
            if t.endswith(("'s", "’s")):
                t = t[:-2]
            if not t or t.lower() in _PRONOUNS or t == name:
                continue
            key = t.lower()
            first_seen.setdefault(key, t)
            aliases[key] += 1
        for r in ent.roles:
            first_seen.setdefault("role:" + r.lower(), r)
            roles[r.lower()] += 1
    return Person(
        name=name,
        aliases=tuple(first_seen[k] for k in sorted(aliases, key=lambda k: (-aliases[k], k)) if k != name.lower()),
        roles=tuple(first_seen["role:" + k] for k in sorted(roles, key=lambda k: (-roles[k], k))),
        articles=tuple(sorted((aid, ent.id) for aid, ent, _ in g.members)),
        mention_count=sum(len(ent.mentions) for _, ent, _ in g.members),
        quote_count=sum(nq for _, _, nq in g.members),
    )

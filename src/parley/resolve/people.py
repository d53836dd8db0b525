"""Canonical people across the articles of the store.

Per article, extract.people already gives one entity per person. Here those entities are merged across articles:
spelling variants of the same name fold together (Sergei/Sergey Markov, Khalafov/Halafov), a bare surname or an
initial form ("Putin", "H. Mammadov") joins the one full-named person with that surname when the corpus holds
exactly one, and two different given names that share a surname (Heydar and Ilham Aliyev) never merge.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from parley.extract._lexicons import fold
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
    first: str | None  # folded given name, or one letter for initial forms, None for a bare surname
    last: str  # folded surname
    names: Counter
    members: list  # (article id, Entity, quote count)


def _split(name: str) -> tuple[str | None, str]:
    words = name.replace(".", ". ").split()
    if len(words) == 1:
        return None, fold(words[0])
    first = words[0]
    if len(first.rstrip(".")) == 1:
        return first[0].lower(), fold(words[-1])
    return fold(first), fold(words[-1])


def _close(a: str, b: str) -> bool:
    """One edit apart, for surnames long enough that one letter is a spelling variant (Mammadov/Mamedov)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def merge_people(records: Iterable[Record]) -> list[Person]:
    full: list[_Group] = []
    partial: list[tuple[str | None, str, str, object, int]] = []
    for rec in records:
        quotes = Counter(q.speaker_id for q in rec.quotes if q.speaker_id)
        for ent in rec.entities:
            if ent.type != "PERSON":
                continue
            first, last = _split(ent.name)
            item = (rec.article.id, ent, quotes.get(ent.id, 0))
            if first is None or len(first) == 1:
                partial.append((first, last, ent.name, *item))
                continue
            group = next((g for g in full if g.first == first and _close(g.last, last)), None)
            if group is None:
                group = _Group(first, last, Counter(), [])
                full.append(group)
            group.names[ent.name] += 1
            group.members.append(item)
    loose: list[_Group] = []
    for first, last, name, aid, ent, nq in partial:
        cands = [g for g in full if _close(g.last, last) and (first is None or g.first.startswith(first))]
        if len(cands) == 1:
            cands[0].members.append((aid, ent, nq))
            continue
        group = next((g for g in loose if g.first == first and g.last == last), None)
        if group is None:
            group = _Group(first, last, Counter(), [])
            loose.append(group)
        group.names[name] += 1
        group.members.append((aid, ent, nq))
    people = [_person(g) for g in full + loose]
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

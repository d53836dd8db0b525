"""Incremental timeline: the entries new articles can change, recomputed from just the reports they touch.

build_timeline merges two reports only along a tie (timeline.tie, on a candidate pair of candidate_pairs) or,
for a report that says nothing of when, along could_be (timeline.only_counterparts). Call two events *linked*
when either holds for them (linked()); the components of that graph are *clusters*. Each union of
build_timeline stays inside one cluster, and what it does there depends only on the cluster's own reports in their
own order, so build_timeline over the records of some whole clusters gives those clusters' entries exactly as
over the whole store. Adding events only merges clusters.

So on ingest (resolve_new_events):
  1. the new events' probe keys (event_keys: the keys candidate_pairs pairs events by, which carry the people's
     name keys: resolve._names) select in SQL the stored events they could pair with;
  2. people compatibility (which every tie and could_be require), read from the events table, thins those
     before any record is read, and linked() decides on the rest, read from their records;
  3. the clusters those stored events are in, with the new events, are rebuilt with build_timeline over their
     records; every other entry is kept as stored.
tests/test_incremental.py checks that the keys cover every candidate pair candidate_pairs gives, and that the
result equals a full recompute on the seeds and the real-news sets.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from parley.extract.events import family
from parley.models import Record, replace
from parley.resolve import timeline as tl

__all__ = ["EventKeys", "event_keys", "linked", "clusters", "cluster_id",
           "TimelineChange", "resolve_new_events", "rank", "entry_rank"]

Item = tuple[Record, "tl.Event"]
EventRef = tuple[str, str]  # (article id, event id)


@dataclass(frozen=True)
class EventKeys:
    own: tuple[str, ...]  # stored with the event
    probe: tuple[str, ...]  # looked up for a new event: a stored event holding one of these may pair with it


def _dateless_placed(rec: Record, ev) -> bool:
    return _placed(ev) and tl.dateless(rec, ev)


def _placed(ev) -> bool:
    """A report only_counterparts considers (timeline.placed): of two people or more, at a named place or on a
    call, no signing."""
    return tl.placed(ev)


def event_keys(rec: Record, ev) -> EventKeys:
    """The keys of timeline.candidate_keys. They cover only_counterparts too: an undated report and the one it
    could be are the same people, two or more, of one type family, so they share a key of a pair of them."""
    own, probe = tl.candidate_keys(rec, ev)
    return EventKeys(own, probe)


def _order(item: Item) -> tuple:
    return (item[0].article.id, tl.event_order(item[1].id))


_UNSCORED = object()


def linked(x: Item, y: Item, rule=_UNSCORED) -> bool:
    """Can build_timeline put these two reports in one entry: a tie, or one undated report that could be the
    other (timeline.only_counterparts, timeline.only_signing), or one article's visit and its own meeting
    (timeline.own_meetings)? ``rule``: what timeline.tie already gave for the pair (earlier report
    first), when it was asked."""
    a, b = sorted((x, y), key=_order)
    if a[0].article.id == b[0].article.id:  # a visit and a meeting of it its article tells (timeline.own_meetings)
        return any(tl.holds(v[0], v[1], p[1]) for v, p in ((a, b), (b, a)))
    if tl.related(a[0], b[0]):
        return False
    if rule is _UNSCORED:
        rule = tl.tie(a[0], a[1], b[0], b[1])
    if rule is not None:
        return True
    return any((_dateless_placed(*k) and _placed(j[1]) and family(k[1].type) == family(j[1].type)
                and tl.could_be(k[1], j[1]))
               or (tl.lone_signing(*k) and tl.dated(*j) and tl.could_sign(k[1], j[1])) for k, j in ((a, b), (b, a)))


def ref(item: Item) -> EventRef:
    return (item[0].article.id, item[1].id)


def cluster_id(members: Iterable[EventRef]) -> str:
    return "cl-" + min(f"{a}:{e}" for a, e in members)


class _Union:
    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x, y) -> None:
        self.parent[self.find(x)] = self.find(y)


def _items(records: Iterable[Record]) -> list[Item]:
    return sorted(((r, e) for r in records for e in r.events), key=_order)


def _links_within(items: list[Item], entry_of: dict[EventRef, str] | None = None,
                  scored: dict[tuple[EventRef, EventRef], str | None] | None = None) -> Iterator[tuple[int, int]]:
    """Linked pairs among ``items`` (sorted by _order): candidate pairs (timeline.candidate_pairs, whose people
    keys hold the pairs of only_counterparts too) that linked() accepts; with ``entry_of`` (the timeline's index),
    a pair already in one entry is taken as linked without comparing it again, and with ``scored``
    (Timeline.scored) the tie build_timeline gave a pair is not asked again."""
    scored = scored or {}
    for i, j in tl.candidate_pairs(items):
        if entry_of is not None and entry_of.get(ref(items[i])) == entry_of.get(ref(items[j])) is not None:
            yield i, j
        elif linked(items[i], items[j], scored.get((ref(items[i]), ref(items[j])), _UNSCORED)):
            yield i, j


def clusters(records: Sequence[Record], entry_of: dict[EventRef, str] | None = None,
             scored: dict[tuple[EventRef, EventRef], str | None] | None = None) -> dict[EventRef, str]:
    """The cluster of every event of ``records`` (a full recompute, as refresh writes it); ``entry_of``: the
    timeline build_timeline gave for them (Timeline.index), whose entries lie inside clusters; ``scored``: its
    pairs already compared (Timeline.scored)."""
    items = _items(records)
    union = _Union()
    for k in range(len(items)):
        union.find(k)
    for i, j in _links_within(items, entry_of, scored):
        union.union(i, j)
    groups: dict[int, list[EventRef]] = {}
    for k in range(len(items)):
        groups.setdefault(union.find(k), []).append(ref(items[k]))
    return {m: cluster_id(members) for members in groups.values() for m in members}


# ---------------------------------------------------------------- the order of entries

def rank(key: Sequence) -> str:
    """A string that sorts (bytewise, as DuckDB sorts VARCHAR) as the tuple ``key`` of ints and strings sorts."""
    parts = []
    for v in key:
        if isinstance(v, bool) or isinstance(v, int):
            parts.append(f"{int(v) + 10 ** 15:016d}")
        else:
            parts.append(str(v).replace("\x00", "").replace("\x01", "") + "\x01")
    return "".join(parts)


def entry_rank(entry: "tl.TimelineEntry", records: dict[str, Record]) -> str:
    years = sorted({y for m in entry.mentions if (y := tl.pub_year(records[m.article_id])) is not None})
    return rank(tl.sort_key(entry, years))


# ---------------------------------------------------------------- one ingest

@dataclass
class TimelineChange:
    entries: list["tl.TimelineEntry"]  # the entries of the touched clusters, anew
    removed: set[str]  # the stored entries they replace
    clusters: dict[EventRef, str]  # the cluster of every touched event
    records: dict[str, Record] = field(default_factory=dict)  # every record read, new ones with timeline ids
    changed: list[Record] = field(default_factory=list)  # the records whose timeline ids changed, new ones too
    ranks: dict[str, str] = field(default_factory=dict)  # timeline id -> rank


class StoredEvents:  # what the store answers (parley.store.Store has these methods)
    event_pairs: Callable[[Sequence[tuple[int, str]]], list[tuple[int, str, str, str]]]
    cluster_members: Callable[[Iterable[EventRef]], dict[str, list[EventRef]]]
    records_by_id: Callable[[Iterable[str]], dict[str, Record]]


def _stored_links(new: list[Item], store: StoredEvents) -> tuple[list[tuple[EventRef, EventRef]], dict]:
    """(new event, stored event) of every stored event linked to a new one: looked up by key, thinned by people,
    decided by linked() on the stored records (returned too, by id)."""
    new_ids = {rec.article.id for rec, _ in new}
    keys = [event_keys(*item) for item in new]
    probes = [(n, key) for n, k in enumerate(keys) for key in k.probe]
    hits: dict[tuple[int, str, str], None] = {}
    fits: dict[tuple[int, str], bool] = {}  # (new event, stored participants) -> compatible people
    for n, aid, eid, participants in store.event_pairs(probes):
        if aid in new_ids:
            continue
        ok = fits.get((n, participants))
        if ok is None:
            ok = fits[(n, participants)] = tl.people_compatible(new[n][1].participants,
                                                                  tuple(json.loads(participants or "[]")))
        if ok:
            hits[(n, aid, eid)] = None
    records = store.records_by_id({aid for _, aid, _ in hits})
    events = {(aid, e.id): (rec, e) for aid, rec in records.items() for e in rec.events}
    return [(ref(new[n]), (aid, eid)) for n, aid, eid in hits
            if (aid, eid) in events and linked(new[n], events[(aid, eid)])], records


def resolve_new_events(new_records: Sequence[Record], store: StoredEvents) -> TimelineChange:
    """The timeline entries and clusters that ``new_records`` (stored, not yet resolved) change."""
    new = _items(new_records)
    links, read = _stored_links(new, store)
    touched = store.cluster_members({s for _, s in links})
    union = _Union()
    for item in new:
        union.find(ref(item))
    for i, j in _links_within(new):
        union.union(ref(new[i]), ref(new[j]))
    for members in touched.values():
        for m in members:
            union.union(m, members[0])
    for n, s in links:
        union.union(n, s)
    target = {ref(item) for item in new} | {m for members in touched.values() for m in members}
    groups: dict = {}
    for m in sorted(target):
        groups.setdefault(union.find(m), []).append(m)
    cluster_of = {m: cluster_id(members) for members in groups.values() for m in members}

    stored_ids = {a for a, _ in target} - {r.article.id for r in new_records}
    records = {r.article.id: r for r in new_records}
    records.update({aid: read[aid] for aid in stored_ids if aid in read})
    records.update(store.records_by_id(stored_ids - set(records)))
    timeline = tl.build_timeline(list(records.values()))
    entries = [e for e in timeline.entries if (e.mentions[0].article_id, e.mentions[0].event_id) in target]
    removed = {ev.timeline_id for aid in stored_ids for ev in records[aid].events
               if (aid, ev.id) in target and ev.timeline_id}
    change = TimelineChange(entries, removed, cluster_of, records)
    for aid, rec in records.items():
        events = tuple(replace(e, timeline_id=timeline.index[(aid, e.id)]) if (aid, e.id) in target else e
                       for e in rec.events)
        if events != rec.events or aid not in stored_ids:
            change.changed.append(replace(rec, events=events))
    change.ranks = {e.timeline_id: entry_rank(e, records) for e in entries}
    return change

"""Building the timeline (resolve.timeline): group the events of the records by the merge rules over the candidate
pairs, join a report that says nothing of when to its one dated counterpart (a signing to the one dated signing of
its states), a meeting to the visit its article tells it of, make one entry per group and order the entries oldest
first."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence

from parley.extract.events import family, venue_city
from parley.extract.topics import country_of, is_country
from parley.knowledge.identity import same_person
from parley.models import Event, Record, replace
from parley.resolve._days import date_value
from parley.resolve._timeline_compare import _SEASON_MONTH, _parts, date_precision, people_compatible, persons, pub_year
from parley.resolve._timeline_keys import all_pairs, candidate_pairs
from parley.resolve._timeline_records import Timeline, TimelineEntry, TimelineMention, TimelineTie
from parley.resolve._timeline_rules import (RULES, could_be, could_sign, dated, dateless, holds, lone_signing,
                                            one_account, placed, related, tie)


def _timeline_id(members: list[tuple[str, str]]) -> str:
    key = "|".join(f"{a}:{e}" for a, e in sorted(members))
    return "tl-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def sort_key(entry: TimelineEntry, pub_years: list[int]):
    p = _parts(entry.date)
    if not p:
        return (2, 9999, 99, 99, entry.timeline_id)
    year = int(p[0]) if "X" not in p[0] else None
    month = 0
    if len(p) > 1:
        month = _SEASON_MONTH.get(p[1], int(p[1]) if p[1].isdigit() else 0)
    day = int(p[2]) if len(p) > 2 and p[2].isdigit() else 0
    if year is None:  # a year-less date sits in its reporting articles' year when that is known
        if pub_years:
            return (0, min(pub_years), month, day, entry.timeline_id)
        return (1, 9999, month, day, entry.timeline_id)
    return (0, year, month, day, entry.timeline_id)


def build_timeline(records: Sequence[Record], *, blocking: bool = True) -> Timeline:
    """Group the events of ``records`` into timeline entries. ``blocking`` compares only the candidate pairs of
    candidate_pairs (the same entries, far fewer comparisons); False compares every pair, as a reference.
    Two groups join only when their people are compatible as a whole (people_compatible over each group's
    people): a report naming nobody ties to reports of different people on its day, and must not make them one
    event."""
    items = []
    for rec in sorted(records, key=lambda r: r.article.id):
        for ev in sorted(rec.events, key=lambda e: event_order(e.id)):
            items.append((rec, ev))
    parent = list(range(len(items)))
    arts = {i: {items[i][0].article.id} for i in range(len(items))}  # articles in each group
    held = {i: [i] for i in range(len(items))}  # the reports of each group
    named = {i: tuple(persons(items[i][1].participants)) for i in range(len(items))}  # people of each group

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def apart(gi: int, gj: int) -> bool:
        """Two groups an article tells apart: it has reports in both that are not one account (one_account)."""
        return any(not one_account([items[k] for k in held[gi] + held[gj] if items[k][0].article.id == a])
                   for a in arts[gi] & arts[gj])

    def merge(into: int, other: int) -> None:
        parent[other] = into
        arts[into] |= arts.pop(other)
        held[into] += held.pop(other)
        named[into] = tuple(dict.fromkeys(named[into] + named.pop(other)))

    # pairs in i < j order: a pair left out is one same_event refuses, so the merges, and their order, are those
    # of comparing every pair
    pairs = candidate_pairs(items) if blocking else all_pairs(len(items))
    ties: list[tuple[int, int, str]] = []  # (i, j, rule) of each merge
    scored: dict[tuple[tuple[str, str], tuple[str, str]], str | None] = {}  # each pair tie was asked of
    for i, j in pairs:
        ra, a = items[i]
        rb, b = items[j]
        if related(ra, rb):
            continue
        gi, gj = find(i), find(j)
        if not (gi != gj and not apart(gi, gj) and people_compatible(named[gi], named[gj])):
            continue
        rule = scored[((ra.article.id, a.id), (rb.article.id, b.id))] = tie(ra, a, rb, b)
        if rule:
            merge(gi, gj)
            ties.append((i, j, rule))

    def join(k: int, j: int, rule: str = "the one dated report it can be") -> None:
        merge(find(j), find(k))
        ties.append((j, k, rule))

    only_counterparts(items, find, apart, join)
    only_signing(items, find, apart, join)
    own_meetings(items, find, apart, join, lambda gi, gj: people_compatible(named[gi], named[gj]))
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(find(i), []).append(i)
    entries = []
    index = {}
    years_of = {}
    tie_of = {k: [] for k in groups}
    for i, j, rule in ties:
        tie_of[find(i)].append(TimelineTie((items[i][0].article.id, items[i][1].id),
                                           (items[j][0].article.id, items[j][1].id), rule, RULES[rule]))
    for root, members in groups.items():
        entry = _entry([items[k] for k in members], tuple(tie_of[root]))
        entries.append(entry)
        years_of[entry.timeline_id] = sorted({y for k in members if (y := pub_year(items[k][0])) is not None})
        for k in members:
            index[(items[k][0].article.id, items[k][1].id)] = entry.timeline_id
    entries.sort(key=lambda e: sort_key(e, years_of[e.timeline_id]))
    return Timeline(tuple(entries), index, scored)


def only_counterparts(items: list[tuple[Record, Event]], find, apart, join) -> None:
    """A report that does not say when (dateless), of two people or more at a named place (or on a call, which has
    no place: placed), joins the one group of reports of the corpus it could be (could_be) that says when (dated),
    when there is exactly one: the page gave no date, but the corpus holds one such event only. Other reports
    that say nothing of when are no rival (two undated pages of one call or visit each join its one dated
    report) and never join each other; a report that fits two groups that say when joins neither, unless the
    reports it fits there are one article's telling the same twice (told_twice): it joins the group of the first.
    Run after the pairwise rules, in item order; join(k, j) merges k's group into the group of j, the first
    report k fits; apart(gi, gj): an article has reports in both groups that are two events (one_account)."""
    candidates: dict[str, list[int]] = {}  # family -> reports of two people or more at a named place, or calls
    for k, (rec, ev) in enumerate(items):
        if placed(ev):
            candidates.setdefault(family(ev.type), []).append(k)

    # the groups that say when; a join adds a group to one of them, which stays its root
    says_when = {find(i) for i, (rec, ev) in enumerate(items) if dated(rec, ev)}
    for k in sorted(k for members in candidates.values() for k in members):
        rec, ev = items[k]
        if not dateless(rec, ev):
            continue
        mine = find(k)
        fits = [j for j in candidates[family(ev.type)]
                if find(j) != mine and find(j) in says_when and not related(rec, items[j][0])
                and could_be(ev, items[j][1])]
        if not fits or (len({find(j) for j in fits}) != 1 and not told_twice([items[j] for j in fits])):
            continue
        if apart(find(min(fits)), mine):
            continue
        join(k, min(fits))


def only_signing(items: list[tuple[Record, Event]], find, apart, join) -> None:
    """A signing that does not say when, of two states or more (lone_signing), joins the one group of signings of
    the corpus that says when and could be it (could_sign: the same states, the same status), when there is exactly
    one: "Greece and Turkey will sign about 15 agreements" in an undated page, and "will sign at least 20 agreements
    in Athens on December 7" in another. Run after only_counterparts, in item order, as it is."""
    says_when = [j for j, (rec, ev) in enumerate(items) if family(ev.type) == "agreement" and dated(rec, ev)]
    for k, (rec, ev) in enumerate(items):
        if not lone_signing(rec, ev):
            continue
        mine = find(k)
        fits = [j for j in says_when
                if find(j) != mine and not related(rec, items[j][0]) and could_sign(ev, items[j][1])]
        if not fits or len({find(j) for j in fits}) != 1 or apart(find(fits[0]), mine):
            continue
        join(k, fits[0], "the one dated signing of those states it can be")


def own_meetings(items: list[tuple[Record, Event]], find, apart, join, fits) -> None:
    """A meeting, talks or summit an article tells as part of its own visit (holds: the visit's people, place and
    days) joins the visit's entry, when the article tells one such visit: "arrives in Tashkent on a state visit" and
    "the presidents will hold talks" are one event told twice, the visit's, and the other reports of each are of
    that event too. Run last, in item order; ``fits(gi, gj)``: the people of two groups are compatible."""
    visits: dict[str, list[int]] = {}
    for k, (rec, ev) in enumerate(items):
        if ev.type == "visit":
            visits.setdefault(rec.article.id, []).append(k)
    for k, (rec, ev) in enumerate(items):
        own = [v for v in visits.get(rec.article.id, ()) if holds(rec, items[v][1], ev)]
        if len(own) != 1:
            continue
        gv, gk = find(own[0]), find(k)
        if gv != gk and fits(gv, gk) and not apart(gv, gk):
            join(k, own[0], "a meeting of the visit its article tells")


def told_twice(reports: list[tuple[Record, Event]]) -> bool:
    """Reports of one article that say the same of one event: its type family, date, place, people and status
    ("will be held in Thessaloniki in autumn" in the lede and again further down). They are one report told
    twice, so an undated report that fits them fits one event, not several."""
    if len({rec.article.id for rec, _ in reports}) != 1:
        return False
    return len({(family(e.type), date_value(e), e.location, tuple(sorted(persons(e.participants))), e.status)
                for _, e in reports}) == 1


def event_order(event_id: str) -> tuple[int, str]:
    m = re.search(r"(\d+)$", event_id)
    return (int(m.group(1)) if m else 0, event_id)


def _entry(members: list[tuple[Record, Event]], ties: tuple[TimelineTie, ...] = ()) -> TimelineEntry:
    events = [e for _, e in members]
    types = Counter(e.type for e in events)
    etype = "visit" if "visit" in types else max(types, key=lambda t: (types[t], t))
    best_date, best_text, best_rank = None, None, -1
    for _, e in members:
        if date_value(e):
            ranks = {"day": 6, "month-day": 5, "week": 4, "month": 3, "season": 2, "year": 1}
            rank = ranks.get(date_precision(date_value(e)), 0)
            if rank > best_rank:
                best_date, best_text, best_rank = date_value(e), e.date.text, rank
    location = None
    for e in events:
        if e.location and (location is None or (is_country(location) and not is_country(e.location))):
            location = e.location
    participants: list[str] = []
    # a bare "Marcos" joins the one Marcos of the entry, not either of two
    named = persons(dict.fromkeys(p for e in events for p in e.participants))
    for e in events:
        for p in e.participants:
            same = next((k for k, q in enumerate(participants) if not is_country(p) and not is_country(q)
                         and same_person(p, q, among=named)), None)
            if same is None:
                if is_country(p) and any(country_of(p) == country_of(q) for q in participants if is_country(q)):
                    continue
                participants.append(p)
            elif len(p) > len(participants[same]):
                participants[same] = p
    # a state stands in for a leader only when no person of the entry could be that leader
    named_people = persons(participants)
    if len(named_people) >= 2:
        participants = [p for p in participants if not is_country(p)] + [
            p for p in participants if is_country(p) and len(named_people) < 2]
    on_best = [e for e in events if date_value(e) == best_date]
    status = (on_best[0] if on_best else max(events, key=lambda e: e.confidence)).status
    topics: list[str] = []
    for e in events:
        for t in e.topics:
            if t not in topics:
                topics.append(t)
    mentions = tuple(TimelineMention(r.article.id, e.id, tuple((x.start, x.end) for x in e.evidence), e.confidence,
                                     date_value(e), e.location) for r, e in members)
    tid = _timeline_id([(m.article_id, m.event_id) for m in mentions])
    conf = round(min(0.99, max(e.confidence for e in events) + 0.05 * (len({m.article_id for m in mentions}) - 1)), 2)
    return TimelineEntry(tid, etype, best_date, date_precision(best_date), location and venue_city(location) or location,
                         tuple(participants), status, tuple(topics), mentions, best_text, conf,
                         tuple(dict.fromkeys(a for e in events for a in e.actors)),
                         next((e.host for e in events if e.host), None), ties)


def assign_timeline_ids(records: Sequence[Record], timeline: Timeline) -> list[Record]:
    out = []
    for rec in records:
        events = tuple(replace(e, timeline_id=timeline.index.get((rec.article.id, e.id), e.timeline_id))
                       for e in rec.events)
        out.append(replace(rec, events=events))
    return out

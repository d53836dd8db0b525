"""Cross-article event merge: reports of the same real event become one timeline entry.

Two events from different articles are the same when their type family (meeting, visit, talks and summit are
one family), participants, place and date are compatible AND something positive ties them:
  * meeting family: both dates known and sharing at least month-and-day or year-and-month ("XXXX-04-22" and
    "2024-04-22"), or the same year with the same place and people. Two undated meetings are kept apart: the same
    pair meets in the same city many times, and nothing in the text says which time it was.
  * a bare weekday in one report ("on Tuesday", the article undated) and a calendar day falling on it in the
    other, the same people at compatible places;
  * a visit of several days ("arrived on a four-day visit on Thursday") and a day of it in the other report
    (Saturday's talks), the same people at compatible places, both placed (resolve._days.within_visit);
  * two pages without a date giving the same bare weekday ("on Saturday") for the same people at compatible
    places, both placed: neither page says more of when, and the weekday is all the two can share;
  * two news reports published within three days of each other, of the same people (two at least, or one
    and the same pair of states) or, where one names nobody, of the same states, each dated day (if any)
    within a week of its article;
  * agreements: the same kind of text ("the 2022 declaration" / "Declaration on Allied Cooperation") signed by
    overlapping people, with compatible dates; or the same people (two or more) signing at one place both name,
    in news reports published within three days ("47 documents" / "a joint statement").
Known publication years rule out a year-less date that cannot be the same event. Places fit by containment
(places_fit, through knowledge.places.place_relation): the same place, or one inside the other ("Bogor Palace" in
Bogor, Tashkent in Uzbekistan); two places the tables know apart (two cities, two states) never do.

Two groups join only when their people are compatible as a whole: a report naming nobody may tie to reports of
different people on its day, and joins one of them, not all.

After these pairwise rules, a report that says nothing of when (its article undated, its event without year or
month) of two people or more at a named place joins the one group of reports it could be that says when (an
article's date, or an event's year or month: "Jan. 13" in an undated page), when the corpus holds exactly one
(only_counterparts); two reports that say nothing of when never join each other.

Each merge is kept with the entry (TimelineEntry.ties): the two reports it joined, the rule, and the rule's score
(RULES), so `parley events ID` shows why its reports are one event.

Entries are ordered oldest first: full dates, then partial ones by what they give, undated last.

Only candidate pairs are compared (candidate_pairs): those sharing a key that each of the ties above needs, so
the entries are those of comparing every pair (build_timeline(..., blocking=False); bench/bench_timeline.py). The
keys of rules that need people carry their name keys (resolve._names), so that the store, which keeps them, finds
the few stored reports a new one can join (resolve.incremental).
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from functools import lru_cache
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from parley.extract.events import dates_compatible, family, triggers, venue_city
from parley.extract.topics import country_of, is_country
from parley.knowledge.identity import same_person  # the one person identity, re-exported for its callers
from parley.knowledge.places import known_place, place_relation
from parley.models import Event, Record, replace
from parley.nlp.weekdays import bare_weekday, weekday_fits
from parley.resolve._days import date_value, same_weekday, within_visit
from parley.resolve._names import event_person_keys, person_keys

__all__ = ["Timeline", "TimelineEntry", "TimelineMention", "TimelineTie", "RULES", "build_timeline", "candidate_keys",
           "assign_timeline_ids", "same_person", "date_precision", "places_fit",
           # the pieces resolve.incremental re-runs for one ingest (it must decide as build_timeline does)
           "tie", "same_event", "candidate_pairs", "could_be", "dateless", "dated", "event_order", "persons",
           "people_compatible", "people_equal", "pub_year", "related", "sort_key", "shared_known", "weekday_of_day"]

_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class TimelineMention:
    article_id: str
    event_id: str
    evidence: tuple[tuple[int, int], ...] = ()
    confidence: float = 1.0
    date: str | None = None
    location: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "event_id": self.event_id,
                "evidence": [{"start": s, "end": e} for s, e in self.evidence], "confidence": self.confidence,
                "date": self.date, "location": self.location}


@dataclass(frozen=True)
class TimelineTie:
    """Why two reports of an entry are one event: the rule that joined them (a key of RULES) and its score."""
    a: tuple[str, str]  # (article_id, event_id)
    b: tuple[str, str]
    rule: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"reports": [{"article_id": x[0], "event_id": x[1]} for x in (self.a, self.b)], "rule": self.rule,
                "score": self.score}


@dataclass(frozen=True)
class TimelineEntry:
    timeline_id: str
    type: str
    date: str | None
    precision: str  # day | week | month | season | year | month-day | none
    location: str | None
    participants: tuple[str, ...]
    status: str
    topics: tuple[str, ...]
    mentions: tuple[TimelineMention, ...]
    date_text: str | None = None
    confidence: float = 1.0
    actors: tuple[str, ...] = ()  # the states and organisations of its events (Event.actors), first seen first
    host: str | None = None
    ties: tuple[TimelineTie, ...] = ()  # one per merge: the reports it joined, by which rule, with what score

    def to_dict(self) -> dict[str, Any]:
        return {"timeline_id": self.timeline_id, "type": self.type,
                "date": {"value": self.date, "precision": self.precision, "text": self.date_text},
                "location": self.location, "participants": list(self.participants), "status": self.status,
                "topics": list(self.topics), "confidence": self.confidence,
                "actors": list(self.actors), "host": self.host,
                "mentions": [m.to_dict() for m in self.mentions], "ties": [t.to_dict() for t in self.ties]}


@dataclass(frozen=True)
class Timeline:
    entries: tuple[TimelineEntry, ...] = ()
    index: dict[tuple[str, str], str] = field(default_factory=dict)  # (article_id, event_id) -> timeline_id

    def to_dict(self) -> dict[str, Any]:
        return {"entries": [e.to_dict() for e in self.entries]}

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries)

    def entry_for(self, article_id: str, event_id: str) -> TimelineEntry | None:
        tid = self.index.get((article_id, event_id))
        return next((e for e in self.entries if e.timeline_id == tid), None)


# ---------------------------------------------------------------- comparing events

def persons(names) -> list[str]:
    return list(_persons(tuple(names)))


@lru_cache(maxsize=65536)
def _persons(names: tuple[str, ...]) -> tuple[str, ...]:  # is_country reads the state tables: once per name list
    return tuple(n for n in names if not is_country(n))


def people_compatible(a, b) -> bool:
    return _compatible(tuple(a), tuple(b))


@lru_cache(maxsize=262144)
def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    pa, pb = _persons(a), _persons(b)
    if not pa or not pb:
        return True
    small, big = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
    return all(any(same_person(x, y) for y in big) for x in small)


def people_equal(a, b) -> bool:
    """As many people on each side, each one of the other side's: either way round, so that the answer does
    not depend on which report comes first (two names of one side fitting one of the other is not the same)."""
    pa, pb = persons(a), persons(b)
    return len(pa) == len(pb) and people_compatible(pa, pb) and people_compatible(pb, pa)


@lru_cache(maxsize=65536)
def places_fit(a: str | None, b: str | None) -> bool:
    """Two places that can be the place of one event, by containment (knowledge.places.place_relation, each
    place read as the city of a venue extraction knows: venue_city): the same place, or one inside the other ("Bogor
    Palace" in Bogor, Tashkent in Uzbekistan, Seoul in South Korea); a place the tables do not know against a
    state that is not its own is no fit (the one mechanism extraction's places_compatible also follows). A venue the
    tables cannot place ("Maximos Mansion" / "Athens") does not fit either: it could as well be in any other city
    the same people met in. A missing place fits any."""
    if not a or not b:
        return True
    return place_relation(venue_city(a), venue_city(b)) in ("same", "within") or _unplaced_in_state(a, b)


def _unplaced_in_state(a: str, b: str) -> bool:
    """A place of no known state against a state ("Mount Hagen" / "Papua New Guinea"): extraction's places_compatible
    lets it be there, and so does the merge."""
    x, y = venue_city(a), venue_city(b)
    for place, state in ((x, y), (y, x)):
        if is_country(state) and not is_country(place) and not known_place(place):
            return True
    return False


def _parts(value: str | None) -> list[str]:
    if not value or not re.match(r"^(\d{4}|XXXX)", value):
        return []
    return value.split("-")


def date_precision(value: str | None) -> str:
    p = _parts(value)
    if not p:
        return "none"
    year = "X" not in p[0]
    if len(p) >= 2 and p[1].startswith("W"):  # "2023-W17", "XXXX-WXX-2" (a bare Tuesday): no month, no day of it
        if not year:
            return "none"
        return "year" if "X" in p[1] else ("day" if len(p) >= 3 else "week")
    if len(p) >= 3:
        return "day" if year else "month-day"
    if len(p) == 2:
        if p[1] in _SEASON_MONTH:
            return "season" if year else "none"
        return "month" if year else "none"
    return "year" if year else "none"


def shared_known(a: str | None, b: str | None) -> int:
    pa, pb = _parts(a), _parts(b)
    return sum(1 for x, y in zip(pa, pb) if "X" not in x and "X" not in y and x == y)


def pub_year(rec: Record) -> int | None:
    p = rec.article.published
    return int(p[:4]) if p and p[:4].isdigit() else None


def _year_fits(value: str | None, rec: Record, other_pub: int | None) -> bool:
    """A year-less date reported by an article published in year Y happened in Y or Y-1; so must the other."""
    p = _parts(value)
    if not p or "X" not in p[0]:
        return True
    mine = pub_year(rec)
    return mine is None or other_pub is None or abs(mine - other_pub) <= 1


def _agreement_noun(rec: Record, ev: Event) -> str | None:
    words = {}
    for pattern, etype, flags in triggers():
        if etype == "agreement":
            words[pattern] = True
    for span in ev.evidence:
        text = rec.article.text[span.start:span.end]
        for pattern in words:
            m = pattern.search(text)
            if m:
                return m.group(0).lower()
    return None


def same_event(ra: Record, a: Event, rb: Record, b: Event) -> bool:
    return tie(ra, a, rb, b) is not None


def tie(ra: Record, a: Event, rb: Record, b: Event) -> str | None:
    """The rule (a key of RULES) by which two events of different articles are one event, or None."""
    if family(a.type) != family(b.type):
        return None
    if not people_compatible(a.participants, b.participants):
        return None
    da, db = (date_value(a)), (date_value(b))
    if not (_year_fits(da, ra, pub_year(rb)) and _year_fits(db, rb, pub_year(ra))):
        return None
    places = places_fit(a.location, b.location)
    dates = dates_compatible(da, db)
    shared = shared_known(da, db)
    same_people = people_equal(a.participants, b.participants) and len(persons(a.participants)) >= 2
    if family(a.type) == "agreement":
        na, nb = _agreement_noun(ra, a), _agreement_noun(rb, b)
        if (na is not None and na == nb and dates
                and bool(persons(a.participants)) and bool(persons(b.participants))):
            return "same text signed by the same people"
        # one signing told in other words ("47 documents" / "a joint statement"): the same people, at one place
        # both name, in reports of the same days
        if same_people and places and a.location and b.location and dates and _reported_together(ra, a, rb, b):
            return "signed by the same people at that place, reported together"
        return None
    if places and dates and shared >= 2:
        return "shared date and place"
    if places and dates and shared == 1 and date_precision(da) == date_precision(db) == "year":
        return "same year, place and people" if bool(a.location and b.location) and same_people else None
    # one disagreement between otherwise identical reports: kept together, and reported as a conflict
    if same_people and shared >= 3 and a.location and b.location:
        return "same day and people, places differ"
    if same_people and places and a.location and b.location and shared >= 2 and _parts(da)[:2] == _parts(db)[:2]:
        return "same month, place and people, days differ"
    if same_people and places and dates and weekday_of_day(da, db):
        return "weekday of that day, same people and place"  # "on Tuesday" in one, that Tuesday's date in the other
    if same_people and places and a.location and b.location:
        if within_visit(ra, a, rb, b):
            return "a day of a visit of several days, same people and place"
        if same_weekday(da, db) and not (ra.article.published or rb.article.published):
            return "same weekday, people and place, pages undated"
    if places and dates and _reported_together(ra, a, rb, b):
        return "reported within three days, same people or states"
    return None


# How much each rule says, shown with each merge (TimelineEntry.ties): a shared date and place is near proof; a
# report with no date joined to the one other report of the same people is the weakest tie.
RULES = {
    "shared date and place": 0.9,
    "same text signed by the same people": 0.8,
    "signed by the same people at that place, reported together": 0.6,
    "same day and people, places differ": 0.8,
    "weekday of that day, same people and place": 0.8,
    "same year, place and people": 0.7,
    "same month, place and people, days differ": 0.7,
    "reported within three days, same people or states": 0.6,
    "a day of a visit of several days, same people and place": 0.6,
    "same weekday, people and place, pages undated": 0.5,
    "the one dated report it can be": 0.5,
}


def weekday_of_day(a: str | None, b: str | None) -> bool:
    """One date is a bare weekday ("XXXX-WXX-2") and the other a day of the calendar that falls on it (the weekday
    rule of extraction's dates_compatible: nlp.weekdays)."""
    pa, pb = _parts(a), _parts(b)
    week = [p for p in (pa, pb) if bare_weekday(p) is not None]
    day = [p for p in (pa, pb) if len(p) >= 3 and all(x[:2].isdigit() for x in p[:3])]
    return len(week) == 1 and len(day) == 1 and weekday_fits(week[0], day[0])


_REPORT_DAYS = 3  # the news reports of one event appear within days of each other
_EVENT_DAYS = 7  # and an event they date falls within a week of their articles


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _reported_together(ra: Record, a: Event, rb: Record, b: Event) -> bool:
    """Two news reports of one event: published within three days of each other, naming the same people
    (two at least, or one and the same pair of states), or, where one names nobody, the same states; a day
    either gives lies within a week of its article. "Talks in Brussels" on Wednesday and "the meeting" the
    next day are one event, though neither report says the day."""
    pa, pb = _day(ra.article.published), _day(rb.article.published)
    if pa is None or pb is None or abs((pa - pb).days) > _REPORT_DAYS:
        return False
    for ev, pub in ((a, pa), (b, pb)):
        day = _day(date_value(ev))
        if day is not None and abs((day - pub).days) > _EVENT_DAYS:
            return False
    people_a, people_b = persons(a.participants), persons(b.participants)
    shared = sum(1 for x in people_a if any(same_person(x, y) for y in people_b))
    states = set(a.actors or ()) & set(b.actors or ())
    if people_a and people_b:
        return shared >= 2 or (shared >= 1 and len(states) >= 2)
    return len(states) >= 2 and set(a.actors or ()) == set(b.actors or ())


# ---------------------------------------------------------------- building

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
    arts = {i: {items[i][0].article.id} for i in range(len(items))}  # articles in each group: one event each
    named = {i: tuple(persons(items[i][1].participants)) for i in range(len(items))}  # people of each group

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # pairs in i < j order: a pair left out is one same_event refuses, so the merges, and their order, are those
    # of comparing every pair
    pairs = candidate_pairs(items) if blocking else all_pairs(len(items))
    ties: list[tuple[int, int, str]] = []  # (i, j, rule) of each merge
    for i, j in pairs:
        ra, a = items[i]
        rb, b = items[j]
        if related(ra, rb):
            continue
        gi, gj = find(i), find(j)
        if (gi != gj and not (arts[gi] & arts[gj]) and people_compatible(named[gi], named[gj])
                and (rule := tie(ra, a, rb, b))):
            parent[gj] = gi
            arts[gi] |= arts.pop(gj)
            named[gi] = tuple(dict.fromkeys(named[gi] + named.pop(gj)))
            ties.append((i, j, rule))

    def join(k: int, j: int) -> None:
        gk, gj = find(k), find(j)
        parent[gk] = gj
        arts[gj] |= arts.pop(gk)
        named[gj] = tuple(dict.fromkeys(named[gj] + named.pop(gk)))
        ties.append((j, k, "the one dated report it can be"))

    only_counterparts(items, find, arts, join)
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
    return Timeline(tuple(entries), index)


def related(ra: Record, rb: Record) -> bool:
    """One article, or one a duplicate of the other: never two reports of one event."""
    return (ra.article.id == rb.article.id or ra.article.duplicate_of == rb.article.id
            or rb.article.duplicate_of == ra.article.id)


def dateless(rec: Record, ev: Event) -> bool:
    """A report that does not say when: its article has no publication date, and its event no year and no month
    (no date, a bare weekday, a time of day)."""
    if rec.article.published:
        return False
    p = _parts(date_value(ev))
    return not p or all("X" in x or x.startswith("W") for x in p[:2])


def dated(rec: Record, ev: Event) -> bool:
    """A report that says when, if only in part: its article's date, or its event's year or month ("Jan. 13" in an
    undated page)."""
    return not dateless(rec, ev)


def could_be(a: Event, b: Event) -> bool:
    """b could be the event a reports: same type family (not a signing: those have their own rule), the same
    people (two at least), both placed at compatible places, compatible dates."""
    return (family(a.type) == family(b.type) and family(a.type) != "agreement" and bool(b.location)
            and places_fit(a.location, b.location)
            and dates_compatible(date_value(a), date_value(b))
            and len(persons(b.participants)) >= 2 and people_equal(a.participants, b.participants))


def only_counterparts(items: list[tuple[Record, Event]], find, arts, join) -> None:
    """A report that does not say when (dateless), of two people or more at a named place, joins the one group of
    reports of the corpus it could be (could_be), when there is exactly one and it says when (dated): the page
    gave no date, but the corpus holds one such event only. Two reports that say nothing of when stay apart, and a report
    that fits two groups joins neither. Run after the pairwise rules, in item order; join(k, j) merges k's group
    into the group of j, the first report k fits."""
    placed: dict[str, list[int]] = {}  # family -> reports of two people or more at a named place
    for k, (rec, ev) in enumerate(items):
        if ev.location and len(persons(ev.participants)) >= 2 and family(ev.type) != "agreement":
            placed.setdefault(family(ev.type), []).append(k)
    for k in sorted(k for members in placed.values() for k in members):
        rec, ev = items[k]
        if not dateless(rec, ev):
            continue
        mine = find(k)
        fits = [j for j in placed[family(ev.type)]
                if find(j) != mine and not related(rec, items[j][0]) and could_be(ev, items[j][1])]
        roots = {find(j) for j in fits}
        if len(roots) != 1:
            continue
        root = roots.pop()
        if arts[root] & arts[mine] or not any(find(j) == root and dated(*items[j]) for j in range(len(items))):
            continue
        join(k, min(fits))


def all_pairs(n: int):
    return ((i, j) for i in range(n) for j in range(i + 1, n))


def candidate_keys(rec: Record, ev: Event) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(own, probe): the keys an event holds and those it looks for. Two events are a candidate pair when one's
    probe meets the other's own keys; each way same_event can accept a pair needs the same type family and one of:
      * agreements: the same agreement noun, and people on both sides who are compatible; or the news-report
        keys below (the same people at one place, reported together);
      * two known date parts in the same places ("2024-04-22" / "XXXX-04-22"), and compatible people;
      * the same people, two or more on each side (a year alone; a bare weekday and a calendar day on it; two
        bare weekdays; a visit of several days and a day of it; the one dated report an undated one can be):
        keyed by pairs of their people (same_people_keys);
      * news reports: publication days within three days, each event day within a week of its article, and
        people on both sides or the same states (two or more).
    Compatible people, one side naming some, share a person: the keys of those rules carry the people's name
    keys (resolve._names.person_keys, which same_person's spelling variants share), so a key is held by the
    reports of one person, not by every report of a month or a weekday, and a lookup stays small as the store
    grows. The store keeps these keys for every event (resolve.incremental), so an ingest finds the stored events
    a new one may pair with."""
    fam = family(ev.type)
    names = persons(ev.participants)
    value = date_value(ev)
    own: list[str] = []
    probe: list[str] = []
    keys, unkeyed = event_person_keys(names)

    def with_people(rule: str) -> None:
        """Keys of a rule that needs a person on each side: one per name key; '*' held by every report with
        people, '?' by a report with a name of no key (initials only), which looks for every '*'."""
        for k in keys:
            own.append(f"{rule}|{k}")
            probe.append(f"{rule}|{k}")
        own.append(f"{rule}|*")
        probe.append(f"{rule}|?")
        if unkeyed:
            own.append(f"{rule}|?")
            probe.append(f"{rule}|*")

    if fam == "agreement":
        noun = _agreement_noun(rec, ev)
        if noun is not None and names:
            with_people(f"a|{fam}|{noun}")
    for k1, x1, k2, x2 in (_date_keys(value) if fam != "agreement" else ()):
        rule = f"{fam}|{k1}:{x1}|{k2}:{x2}"
        if names:  # people on both sides share one; a side naming nobody fits anyone ('d0')
            with_people(f"d|{rule}")
            probe.append(f"d0|{rule}")
        else:
            own.append(f"d0|{rule}")
            probe.extend((f"d0|{rule}", f"d|{rule}|*"))
    if len(names) >= 2:
        same_people_keys(ev, own, probe)
    pub, day = _day(rec.article.published), _day(value)
    if pub is not None and not (day is not None and abs((day - pub).days) > _EVENT_DAYS):
        near = range(pub.toordinal() - _REPORT_DAYS, pub.toordinal() + _REPORT_DAYS + 1)
        if names:
            own.append(f"r|{fam}|{pub.toordinal()}")
            probe.extend(f"r|{fam}|{d}" for d in near)
        states = sorted(set(ev.actors or ()))
        if len(states) >= 2:  # one side naming nobody: the same states
            own.append(f"s|{fam}|{','.join(states)}|{pub.toordinal()}")
            probe.extend(f"s|{fam}|{','.join(states)}|{d}" for d in near)
    return tuple(dict.fromkeys(own)), tuple(dict.fromkeys(probe))


def same_people_keys(ev: Event, own: list[str], probe: list[str]) -> None:
    """Keys of the rules that need the same people, two or more (people_equal), into ``own`` and ``probe``: one
    per pair of the event's people and pair of their name keys ("n|meeting|2|~kshd+~n"). Two reports of the same
    people have two people each matched to two different people of the other, so they share such a key, and a key
    is held by the reports of that pair of people only. A name of no key (initials only) makes its report hold '?',
    which every report looks for, and look for '*', which every report of people holds."""
    names = persons(ev.participants)
    rule = f"n|{family(ev.type)}|{len(names)}"
    own.append(f"{rule}|*")
    probe.append(f"{rule}|?")
    keys = [sorted(person_keys(n)) for n in names]
    if not all(keys):
        own.append(f"{rule}|?")
        probe.append(f"{rule}|*")
        return
    for i, ki in enumerate(keys):
        for kj in keys[i + 1:]:
            for x in ki:
                for y in kj:
                    key = f"{rule}|{min(x, y)}+{max(x, y)}"
                    own.append(key)
                    probe.append(key)


def candidate_pairs(items: list[tuple[Record, Event]]) -> list[tuple[int, int]]:
    """Every pair (i, j), i < j, that same_event could accept (candidate_keys), sorted."""
    keys = [candidate_keys(rec, ev) for rec, ev in items]
    holders: dict[str, list[int]] = {}
    for k, (own, _) in enumerate(keys):
        for key in own:
            holders.setdefault(key, []).append(k)
    pairs: set[tuple[int, int]] = set()
    for k, (_, probe) in enumerate(keys):
        for key in probe:
            pairs.update((min(k, j), max(k, j)) for j in holders.get(key, ()) if j != k)
    return sorted(pairs)


def _date_keys(value: str | None) -> list[tuple]:
    """Each two known parts of a date, with their places: two dates sharing two known parts share a key."""
    p = _parts(value)
    known = [(k, x) for k, x in enumerate(p) if "X" not in x]
    return [(k1, x1, k2, x2) for n, (k1, x1) in enumerate(known) for k2, x2 in known[n + 1:]]


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

"""The candidate keys of resolve.timeline: only pairs of reports sharing a key that one of the merge rules needs are
compared (candidate_pairs), and the store keeps each event's keys so that an ingest finds the few stored reports a
new one can join (resolve.incremental). Name keys come from resolve._names."""

from __future__ import annotations

from parley.extract.events import family
from parley.models import Event, Record
from parley.resolve._days import date_value
from parley.resolve._names import event_person_keys, person_keys
from parley.resolve._timeline_compare import _EVENT_DAYS, _REPORT_DAYS, _day, _parts, persons
from parley.resolve._timeline_rules import _agreement_noun, lone_signing


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
        people on both sides or the same states (two or more);
      * a signing that does not say when and one that does, of the same states (timeline.only_signing);
      * one article's visit and its other reports (timeline.own_meetings).
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
        signers = sorted(set(ev.actors or ()))
        if len(signers) >= 2:  # the one dated signing of those states an undated one can be (only_signing): the
            # undated one looks for the dated ones, and a dated one for the undated ones (ingested later, it can take
            # their one counterpart away); two dated signings share no such key
            lone = "u" if lone_signing(rec, ev) else "d"
            own.append(f"sg{lone}|{','.join(signers)}")
            probe.append(f"sg{'d' if lone == 'u' else 'u'}|{','.join(signers)}")
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
    if any(e.type == "visit" for e in rec.events):  # the article's visit may hold its other reports (own_meetings)
        own.append(f"o|{rec.article.id}")
        probe.append(f"o|{rec.article.id}")
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

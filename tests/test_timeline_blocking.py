"""Blocking in build_timeline: the candidate pairs hold every pair _same_event accepts, so the timeline is the one
comparing every pair gives. The records are generated for the test: reports of summits, calls and signings with
the name variants, partial dates and bare weekdays that news carries, published over a few weeks."""

from __future__ import annotations

import random

import pytest

from parley.models import Article, Event, EventDate, Evidence, Record
from parley.resolve import timeline as tl

# spelling variants same_person joins though they share no word ("Zelensky" / "Zelenskyy"), initials, family
# name first, a bare family name; and states, which are no persons
PEOPLE = [["Sergei Lavrov", "Sergey Lavrov", "S. Lavrov", "Lavrov"],
          ["Fumio Kishida", "Kishida Fumio", "Kishida"],
          ["Volodymyr Zelensky", "Zelenskyy", "Zelensky"],
          ["Antony Blinken", "Blinken", "A. Blinken"],
          ["Wang Yi", "Wang"],
          ["Mohammed bin Salman", "Muhammad bin Salman"],
          ["Ngozi Okonjo-Iweala", "Okonjo-Iweala"]]
STATES = ["France", "Japan", "Ukraine"]
ACTORS = ["USA", "CHN", "RUS", "UKR", "JPN", "EU"]
PLACES = [None, None, "Geneva", "Tokyo", "Japan", "Kyiv", "Ukraine", "Paris"]
TYPES = ["meeting", "talks", "summit", "visit", "call", "agreement"]
AGREEMENT_TEXT = ["signed a declaration on grain", "signed the agreement on ports", "sealed a pact"]


def _date(rng: random.Random, day: int) -> str | None:
    month = 3 + day // 28
    dom = 1 + day % 28
    return rng.choice([
        None, f"2024-{month:02d}-{dom:02d}", f"XXXX-{month:02d}-{dom:02d}", f"2024-{month:02d}", "2024", "2023",
        f"XXXX-WXX-{rng.randint(1, 7)}", f"2024-W{10 + day // 7}-{rng.randint(1, 7)}", "2024-SP",
        f"2024-{month:02d}-{dom:02d}T10:00", "2024-02-30", f"2024-{month:02d}-{min(28, dom + 1):02d}"])


def _records(seed: int, n: int) -> list[Record]:
    rng = random.Random(seed)
    records: list[Record] = []
    reported: list[tuple] = []
    for k in range(n):
        day = rng.randint(0, 20)
        published = rng.choice([f"2024-{3 + day // 28:02d}-{1 + day % 28:02d}"] * 6 + [None, "2024"])
        text, events = "", []
        for e in range(rng.randint(1, 2)):
            etype = rng.choice(TYPES)
            start = len(text)
            text += (rng.choice(AGREEMENT_TEXT) if etype == "agreement" else f"The leaders held a {etype}") + ". "
            if reported and rng.random() < 0.4:  # another report of an event told before, in other words
                people, place, value, actors = rng.choice(reported)
                people = [rng.choice(next(g for g in PEOPLE if p in g)) if p not in STATES else p for p in people]
            else:
                people = [rng.choice(rng.choice(PEOPLE)) for _ in range(rng.choice([0, 1, 2, 2, 2, 3]))]
                people += rng.sample(STATES, rng.choice([0, 0, 1]))
                place, value = rng.choice(PLACES), _date(rng, day)
                actors = tuple(rng.sample(ACTORS, rng.choice([0, 1, 2, 2, 3])))
                reported.append((people, place, value, actors))
            events.append(Event(id=f"ev{e + 1}", type=etype, participants=tuple(people), location=place,
                                date=EventDate(value, None), evidence=(Evidence(start, len(text) - 2),),
                                actors=actors))
        dup = records[-1].article.id if records and rng.random() < 0.05 else None
        article = Article(id=f"a{seed}-{k:03d}", source=f"t/{k}.txt", text=text, outlet="Test Wire", published=published,
                          duplicate_of=dup)
        records.append(Record(article=article, events=tuple(events)))
    return records


def _items(records):
    return [(r, e) for r in sorted(records, key=lambda r: r.article.id)
            for e in sorted(r.events, key=lambda e: tl.event_order(e.id))]


def _accepted(items):
    return {(i, j) for i in range(len(items)) for j in range(i + 1, len(items))
            if items[i][0].article.id != items[j][0].article.id and tl.same_event(*items[i], *items[j])}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_candidates_hold_every_accepted_pair(seed):
    items = _items(_records(seed, 120))
    accepted = _accepted(items)
    candidates = tl.candidate_pairs(items)
    assert candidates == sorted(set(candidates))  # i < j order, each once
    assert accepted <= set(candidates), sorted(accepted - set(candidates))[:5]
    assert len(accepted) > 50  # the records do give pairs to merge
    assert len(candidates) < len(items) * (len(items) - 1) // 2 // 2  # and blocking leaves most pairs out


def test_every_rule_is_exercised():
    """The generated records reach each way _same_event accepts a pair, so the check above covers each key."""
    items = _items(_records(1, 120) + _records(2, 120))
    seen = set()
    for i, j in _accepted(items):
        (ra, a), (rb, b) = items[i], items[j]
        da, db = (a.date.value if a.date else None), (b.date.value if b.date else None)
        if tl.family(a.type) == "agreement":
            seen.add("agreement")
        elif tl.shared_known(da, db) >= 2:
            seen.add("two date parts")
        elif tl.weekday_of_day(da, db):
            seen.add("weekday")
        elif tl.date_precision(da) == tl.date_precision(db) == "year":
            seen.add("year")
        elif tl.persons(a.participants) and tl.persons(b.participants):
            seen.add("reported together")
        else:
            seen.add("reported together, the same states")
    assert seen == {"agreement", "two date parts", "weekday", "year", "reported together",
                    "reported together, the same states"}


@pytest.mark.parametrize("seed", [4, 5])
def test_timeline_same_with_and_without_blocking(seed):
    records = _records(seed, 150)
    blocked, full = tl.build_timeline(records), tl.build_timeline(records, blocking=False)
    assert blocked.to_dict() == full.to_dict()
    assert blocked.index == full.index
    assert sum(len(e.mentions) > 1 for e in full) >= 10  # entries of several reports exist to get wrong

"""Events that borrow a date or place from another event of the article told beside them."""

from __future__ import annotations

import re

from parley.extract.events.doc import paragraph
from parley.extract.events.lexicons import venue_city
from parley.extract.events.build import BuiltEvent
from parley.extract.events.people import People
from parley.extract.topics import is_country
from parley.models import EventDate, Timex


def date_from_previous_paragraph(text: str, built: list[BuiltEvent]) -> None:
    """Same-article coreference of an undated event: "X and Y signed agreements in Washington on June 22." followed
    by "Y hosted X at the White House for talks." -- the talks are the occasion of the dated event. An undated event
    that took place takes the date of a dated event of the same or the paragraph right before it that has the same
    people (at least two) and names the same place."""
    for b in built:
        if b.date is not None or b.status != "occurred" or not b.location or not b.evidence:
            continue
        people = {p for p in b.participants if not is_country(p)}
        if len(people) < 2:
            continue
        pa, _ = paragraph(text, b.evidence[0][0])
        for o in built:
            if o is b or o.date is None or o.status != "occurred" or not o.location or not o.evidence:
                continue
            if {p for p in o.participants if not is_country(p)} != people:
                continue
            if venue_city(o.location).lower() != venue_city(b.location).lower():
                continue
            oa, ob = paragraph(text, o.evidence[-1][0])
            if o.evidence[0][0] < b.evidence[0][0] and (oa == pa or not text[ob:pa].strip()):
                b.date = o.date
                b.confidence = round(min(b.confidence + 0.05, 0.98), 2)
                break


_OWN_TIME = re.compile(r"\b(1[89]|20)\d\d\b|\b(days?|weeks?|months?|years?)\s+(before|after|ago|earlier|later)\b|"
                       r"\b(before|since|until|last|previous)\b|\bin\s+(January|February|March|April|May|June|July|"
                       r"August|September|October|November|December)\b", re.I)


def date_from_lede(text: str, built: list[BuiltEvent], main: int | None, timexes: tuple[Timex, ...], ppl: People) -> None:
    """"Putin told Erdogan on Monday that ...  The two leaders met in Sochi ...": the article's main event, undated,
    said to have taken place, takes the day of the paragraph right before it when that paragraph names the same two
    people with one day-precise date."""
    if main is None:
        return
    b = built[main]
    if b.date is not None or b.status != "occurred" or not b.evidence:
        return
    people = {p for p in b.participants if not is_country(p)}
    if len(people) < 2:
        return
    pa, _ = paragraph(text, b.evidence[0][0])
    if pa < 2:
        return
    qa, qb = paragraph(text, pa - 2)
    if text[qb:pa].strip():
        return
    days = {t.value: t for t in timexes if qa <= t.start < qb and t.type == "DATE"
            and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value or "")}
    if any(o is not b and o.date is not None and any(qa <= a < qb for a, _ in o.evidence) for o in built):
        return  # the paragraph tells an event of its own ("signed ... in Perth on October 22"): its date is that one's
    if len(days) == 1 and people <= {n for _, _, n in ppl.in_range(qa, qb)}:
        t = next(iter(days.values()))
        b.date = EventDate(t.value, t.text)


def agreement_occasion(text: str, built: list[BuiltEvent], main: int | None) -> None:
    """An agreement that names neither date nor place, signed by people of the article's main event after it is
    told ("After the talks, the two leaders signed ..."), was signed on that occasion: its date and place."""
    if main is None:
        return
    o = built[main]
    if o.status not in ("occurred", "occurring") or o.date is None or not o.evidence:
        return
    theirs = {p for p in o.participants if not is_country(p)}
    for b in built:
        if b is o or b.type != "agreement" or b.date is not None or b.location or not b.evidence:
            continue
        people = {p for p in b.participants if not is_country(p)}
        if b.status != "occurred" or not people or not people <= theirs:
            continue
        if any(_OWN_TIME.search(text[a:z]) for a, z in b.evidence):
            continue  # "two days before the war, he signed ...": a time of its own, left unresolved
        if b.evidence[-1][0] > o.evidence[0][0]:
            b.date, b.location = o.date, o.location

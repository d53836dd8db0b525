"""The merge rules of resolve.timeline: tie (the rule by which two reports of different articles are one
event, or None), RULES (each rule's score), and the tests the one-dated-counterpart step and resolve.incremental
share with it (related, dateless, dated, could_be)."""

from __future__ import annotations

from parley.extract.events import dates_compatible, family, triggers
from parley.knowledge.identity import same_person
from parley.models import Event, Record
from parley.resolve._days import date_value, same_weekday, within_visit
from parley.resolve._timeline_compare import (_EVENT_DAYS, _REPORT_DAYS, _day, _parts, _year_fits, date_precision,
                                              people_compatible, people_equal, persons, places_fit, pub_year,
                                              shared_known, weekday_of_day)


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
    "the one dated signing of those states it can be": 0.4,
    "a meeting of the visit its article tells": 0.6,
}


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


def placed(ev: Event) -> bool:
    """A report the one-dated-counterpart step considers: of two people or more, no signing, at a named place, or
    a call (which has no place to name: each side speaks from its own)."""
    return (len(persons(ev.participants)) >= 2 and family(ev.type) != "agreement"
            and (bool(ev.location) or family(ev.type) == "call"))


def could_be(a: Event, b: Event) -> bool:
    """b could be the event a reports: same type family (not a signing: those have their own rule), the same
    people (two at least), both placed at compatible places (a call needs none), compatible dates."""
    return (family(a.type) == family(b.type) and family(a.type) != "agreement"
            and (bool(b.location) or family(b.type) == "call")
            and places_fit(a.location, b.location)
            and dates_compatible(date_value(a), date_value(b))
            and len(persons(b.participants)) >= 2 and people_equal(a.participants, b.participants))


def holds(rec: Record, visit: Event, part: Event) -> bool:
    """A visit and one of its own meetings, told by one article ("arrived in the capital on a two-day visit" and
    "will hold talks with the president there"): a visit of two people or more at a named place, not called off, and
    a meeting, talks or summit (its type family) of its people only, at a place inside its place (or none), on a
    day of it (or none; a dated meeting needs a dated visit: "they last met in October 2022" is another time)."""
    if visit.type != "visit" or part.type == "visit" or family(part.type) != family(visit.type):
        return False
    if not visit.location or visit.status in _CALLED_OFF or part.status in _CALLED_OFF:
        return False
    people, theirs = persons(visit.participants), persons(part.participants)
    if len(people) < 2 or not all(any(same_person(x, y) for y in people) for x in theirs):
        return False
    if not places_fit(visit.location, part.location):
        return False
    if date_value(part) is None:
        return True
    return date_value(visit) is not None and (dates_compatible(date_value(visit), date_value(part))
                                              or within_visit(rec, visit, rec, part))


_CALLED_OFF = ("cancelled", "postponed", "rejected", "denied")  # what did not or will not take place as told


def one_account(reports: list[tuple[Record, Event]]) -> bool:
    """The reports of one article that one entry may hold: one report, or one visit and its own meetings (holds).
    Any other two reports of one article are two events: the article told them apart."""
    if len(reports) <= 1:
        return True
    visits = [(r, e) for r, e in reports if e.type == "visit"]
    if len(visits) != 1:
        return False
    rec, visit = visits[0]
    return all(holds(rec, visit, e) for r, e in reports if e is not visit)


def lone_signing(rec: Record, ev: Event) -> bool:
    """A signing that does not say when (dateless) between two states or more (its actors): "Greece and Turkey
    will sign some 15 agreements" in an undated page."""
    return family(ev.type) == "agreement" and len(set(ev.actors or ())) >= 2 and dateless(rec, ev)


def could_sign(a: Event, b: Event) -> bool:
    """b could be the signing a reports: both signings, of the same states (two at least), the same status (a
    signing planned is not told as one done), compatible people, places and dates."""
    return (family(a.type) == family(b.type) == "agreement" and len(set(a.actors or ())) >= 2
            and set(a.actors or ()) == set(b.actors or ()) and a.status == b.status
            and people_compatible(a.participants, b.participants) and places_fit(a.location, b.location)
            and dates_compatible(date_value(a), date_value(b)))

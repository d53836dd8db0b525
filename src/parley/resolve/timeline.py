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
different people on its day, and joins one of them, not all. An article's reports lie in one group only when they
are one account (one_account): a visit and the meetings of it that its article tells (holds: the visit's people, at
its place, on its days; "arrives in Seoul on Sunday" and "will hold a summit with Yoon").

After these pairwise rules, a report that says nothing of when (its article undated, its event without year or
month) of two people or more at a named place, or on a call (which names no place), joins the one group of
reports it could be that says when (an article's date, or an event's year or month: "Jan. 13" in an undated
page), when the corpus holds exactly one (only_counterparts); two reports that say nothing of when never join
each other, and neither is the other's rival for the one that says when. A signing that says nothing of when,
between two states or more, joins the one dated signing of the same states and status the corpus holds
(only_signing: "Greece and Turkey will sign about 15 agreements" / "at least 20 agreements in Athens on December
7"). Last, a meeting an article tells as part of its own visit joins the visit's entry (own_meetings).

Each merge is kept with the entry (TimelineEntry.ties): the two reports it joined, the rule, and the rule's score
(RULES), so `parley events ID` shows why its reports are one event.

Entries are ordered oldest first: full dates, then partial ones by what they give, undated last.

Only candidate pairs are compared (candidate_pairs): those sharing a key that each of the ties above needs, so
the entries are those of comparing every pair (build_timeline(..., blocking=False); bench/bench_timeline.py). The
keys of rules that need people carry their name keys (resolve._names), so that the store, which keeps them, finds
the few stored reports a new one can join (resolve.incremental).

The parts, each one idea: the records (resolve._timeline_records: TimelineMention, TimelineTie, TimelineEntry,
Timeline), the comparisons of people, places and dates (resolve._timeline_compare), the merge rules (tie, RULES,
could_be: resolve._timeline_rules), the candidate keys (resolve._timeline_keys) and the building (build_timeline,
only_counterparts, only_signing, own_meetings, the entries and their order: resolve._timeline_build). This module
gathers them: callers import from here.
"""

from __future__ import annotations

from parley.extract.events import family  # noqa: F401  (re-exported for its callers)
from parley.knowledge.identity import same_person  # the one person identity, re-exported for its callers
from parley.models import Event, Record  # noqa: F401  (re-exported for its callers)
from parley.resolve._timeline_build import (all_pairs, assign_timeline_ids, build_timeline, event_order,
                                            only_counterparts, only_signing, sort_key)
from parley.resolve._timeline_compare import (date_precision, people_compatible, people_equal, persons, places_fit,
                                              pub_year, shared_known, weekday_of_day)
from parley.resolve._timeline_keys import candidate_keys, candidate_pairs, same_people_keys
from parley.resolve._timeline_records import Timeline, TimelineEntry, TimelineMention, TimelineTie
from parley.resolve._timeline_rules import (RULES, could_be, could_sign, dated, dateless, holds, lone_signing,
                                            one_account, placed, related, same_event, tie)

__all__ = ["Timeline", "TimelineEntry", "TimelineMention", "TimelineTie", "RULES", "build_timeline", "candidate_keys",
           "assign_timeline_ids", "same_person", "date_precision", "places_fit",
           # the pieces resolve.incremental re-runs for one ingest (it must decide as build_timeline does)
           "tie", "same_event", "candidate_pairs", "could_be", "dateless", "dated", "placed", "holds",
           "one_account", "lone_signing", "could_sign", "event_order", "persons",
           "people_compatible", "people_equal", "pub_year", "related", "sort_key", "shared_known", "weekday_of_day"]

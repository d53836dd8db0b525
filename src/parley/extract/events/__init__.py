"""Meetings, visits, talks, calls, summits and agreements with participants, place, date, status and agenda.

One linear pass over the regex/lexicon hits of the triggers in nlp/data/event_triggers.txt, one module a step
(step.extract_events calls them in this order):

    1. mentions     each trigger (triggers) with its phrase window, the noun phrase or clause around it
                    (mentions); generic uses ("frequent meetings", "met more than once") kept only as references
                    for agenda topics
    2. attributes   participants (participants, references, clause: canonical people of the article from people,
                    role phrases such as "the presidents of Russia and Azerbaijan", pronouns), place ("in X",
                    "to X", "the Sochi meeting": place), date (from ``timexes``, or a tiny fallback when none were
                    given: dates), status (nlp/data/status_cues.txt: status)
    3. links        one mention lends another its people, place or date; "24 days after his meeting" links two
                    events and dates one from the other when it can; agreements "signed at the meeting in Athens on
                    December 7" are signed where and when it is held (links)
    4. merging      mentions of the same event in one article become one event with several evidence spans; a
                    meeting the parse says is still to come ("are expected to hold talks") stays apart from one told
                    as past (cluster, with compat's tests of compatibility; build, which places a venue no
                    gazetteer knows in the town its paragraph names: place.venue_town; occasion)
    5. parties      states and organisations of each event (states, with extract.actors; "the two countries" are
                    the main event's states; "X and Y signed a treaty" is signed by the two states' leaders when
                    they took part in another event of the article, step); an event that names no party (a
                    person, or two states) and only
                    frames another clause ("ahead of the G7 summit") is background and gives no record (step)
    6. agenda       topics (extract.topics) from agenda sentences, given to the event they name or the main event
                    (agenda)

Photo captions (a verbless first paragraph such as "Putin-Aliyev meeting in Sochi. 2022") keep their own date and
never become the article's main event.
"""

from __future__ import annotations

from parley.extract.events.compat import dates_compatible, participants_compatible, places_compatible
from parley.extract.events.lexicons import venue_city
from parley.extract.events.step import extract_events
from parley.extract.events.triggers import FAMILY, family, triggers

__all__ = ["extract_events", "FAMILY", "family", "triggers", "venue_city", "dates_compatible", "places_compatible",
           "participants_compatible"]

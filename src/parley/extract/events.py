"""Meetings, visits, talks, calls, summits and agreements with participants, place, date, status and agenda.
(stub: to be built)"""

from __future__ import annotations

from parley.models import Article, Entity, Event, Timex


def extract_events(doc, entities: tuple[Entity, ...], timexes: tuple[Timex, ...], article: Article) -> tuple[Event, ...]:
    return ()

"""What the web app knows: the read-only store behind one lock, and the queries its pages and API share.

DuckDB connections are not thread-safe and FastAPI runs sync endpoints in a thread pool, so every store call
goes through ``Corpus.lock``. Corpus-level results (timeline, people, conflicts, article metadata) do not
change while the store is open read-only, so they are read once.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

from parley.errors import NotFoundError
from parley.models import Article, Record
from parley.report import views
from parley.resolve.query import check_date, filter_timeline, find_entry, mentions_actor
from parley.store import ArticleFilter, Store

__all__ = ["Corpus", "Filters"]


class Filters:
    """The filters every listing accepts; dates are checked once here (YYYY, YYYY-MM, YYYY-MM-DD)."""

    def __init__(self, actor: str | None = None, place: str | None = None, outlet: str | None = None,
                 since: str | None = None, until: str | None = None):
        self.actor = (actor or "").strip() or None
        self.place = (place or "").strip() or None
        self.outlet = (outlet or "").strip() or None
        self.since = check_date(since, "since")
        self.until = check_date(until, "until")

    def articles(self) -> ArticleFilter:
        return ArticleFilter(outlet=self.outlet, since=self.since, until=self.until)

    def as_dict(self) -> dict[str, str | None]:
        return {"actor": self.actor, "place": self.place, "outlet": self.outlet, "since": self.since,
                "until": self.until}


class Corpus:
    def __init__(self, db_path: str | Path):
        self.store = Store(db_path, read_only=True)
        self.lock = threading.RLock()
        self._complete_index()

    def _complete_index(self) -> None:
        """An index left behind by an interrupted ingest is brought up to date before the first request,
        so no search waits behind the repair (and no other request behind the search)."""
        from parley.search import index_current, update_index

        if not index_current(self.store):
            update_index(self.store)

    def close(self) -> None:
        with self.lock:
            self.store.close()

    # -- cached corpus-level data ------------------------------------------------------------
    @cached_property
    def articles(self) -> dict[str, Article]:
        with self.lock:
            return {a.id: a for a in self.store.articles()}

    @cached_property
    def timeline(self) -> list[dict[str, Any]]:
        """Resolved timeline entries, or one entry per extracted event when the corpus is not resolved."""
        with self.lock:
            entries = self.store.timeline()
            if not entries:
                entries = views.entries_from_records(self.store.records())
        return views.sort_rows(views.timeline_row(e, self.articles) for e in entries)

    @cached_property
    def people(self) -> list[dict[str, Any]]:
        with self.lock:
            people = self.store.people()
            if not people:
                people = views.people_from_records(self.store.records())
        return people

    @cached_property
    def conflicts(self) -> list[dict[str, Any]]:
        with self.lock:
            conflicts = self.store.conflicts()
        return [views.conflict_view(c, self.articles) for c in conflicts]

    @cached_property
    def _stats(self) -> dict[str, Any]:
        with self.lock:
            stats = self.store.stats()
        stats["timeline"] = stats.get("timeline") or len(self.timeline)
        stats["people"] = stats.get("people") or len(self.people)
        return stats

    # -- reads -------------------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        """Counts of what the store holds, read once like the corpus-level data (no writer can change a store
        served read-only); each caller gets its own copy."""
        return dict(self._stats)

    def article(self, article_id: str) -> Article:
        with self.lock:
            return self.store.article(article_id)

    def record(self, article_id: str) -> Record:
        with self.lock:
            return self.store.record(article_id)

    def records(self, flt: Filters | None = None, ids: Iterable[str] | None = None) -> list[Record]:
        if ids is not None:
            out = []
            for i in dict.fromkeys(ids):
                try:
                    out.append(self.record(i))
                except NotFoundError:
                    continue
            return out
        with self.lock:
            return list(self.store.records(flt.articles() if flt else None))

    def list_articles(self, flt: Filters) -> list[dict[str, Any]]:
        if flt.actor or flt.place:
            rows = []
            for r in self.records(flt):
                names = [e.name for e in r.entities]
                if flt.actor and not mentions_actor(names, flt.actor):
                    continue
                if flt.place and not any(flt.place.lower() in e.name.lower() for e in r.entities
                                         if e.type in ("GPE", "LOC", "FAC")):
                    continue
                rows.append(_article_row(r))
            return rows
        return [_article_row(r) for r in self.records(flt)]

    def timeline_rows(self, flt: Filters) -> list[dict[str, Any]]:
        rows = filter_timeline(self.timeline, actors=[flt.actor] if flt.actor else (), where=flt.place,
                               since=flt.since, until=flt.until)
        if flt.outlet:
            want = flt.outlet.lower()
            rows = [r for r in rows if any(want in (s.get("outlet") or "").lower() for s in r["sources"])]
        return rows

    def find_entry(self, timeline_id: str) -> dict[str, Any]:
        return find_entry(self.timeline, timeline_id)

    def event(self, timeline_id: str) -> dict[str, Any]:
        entry = self.find_entry(timeline_id)
        records = {r.article.id: r for r in self.records(ids=[m.get("article_id") for m in entry.get("mentions") or ()])}
        return views.event_view(entry, records)

    def article_events(self, flt: Filters, kind: str | None = None) -> list[dict[str, Any]]:
        out = []
        for r in self.records(flt):
            for e in r.events:
                if flt.actor and not mentions_actor(e.participants, flt.actor, e.actors):
                    continue
                if flt.place and flt.place.lower() not in (e.location or "").lower():
                    continue
                if kind and e.type != kind:
                    continue
                d = r.to_dict()["events"][r.events.index(e)]
                d["article"] = views.article_meta(r.article)
                d["evidence_text"] = [s for s in (views.span(r.article, x.start, x.end) for x in e.evidence) if s]
                out.append(d)
        return out

    def people_rows(self, name: str | None = None) -> list[dict[str, Any]]:
        if not name:
            return list(self.people)
        return [p for p in self.people if mentions_actor(views.person_names(p), name)]

    def person(self, name: str) -> dict[str, Any]:
        low = name.strip().lower()
        person = next((p for p in self.people if low in views.person_names(p)), None)
        if person is None:
            hits = self.people_rows(name)
            if len(hits) != 1:
                raise NotFoundError(f"no person named {name[:80]!r}" if not hits else
                                    f"{name[:80]!r} matches {len(hits)} people; give the full name")
            person = hits[0]
        return views.person_view(person, self.records(), self.timeline)

    def quotes(self, flt: Filters, speaker: str | None = None) -> list[dict[str, Any]]:
        with self.lock:
            rows = self.store.quotes(speaker=speaker, flt=flt.articles())
        if flt.actor:
            rows = [q for q in rows if mentions_actor([q.get("speaker") or ""], flt.actor)]
        return rows

    def dossier(self, flt: Filters, actors: Sequence[str] = ()) -> dict[str, Any]:
        actors = [a for a in actors if a.strip()] or ([flt.actor] if flt.actor else [])
        entries = filter_timeline(self.timeline, actors=actors, where=flt.place, since=flt.since, until=flt.until)
        return views.collect_dossier(self.records(Filters(outlet=flt.outlet)), entries, self.people,
                                     [dict(c) for c in self.conflicts], actors=actors, since=flt.since,
                                     until=flt.until)


def _article_row(r: Record) -> dict[str, Any]:
    row = views.article_meta(r.article)
    row.update({"words": len(r.article.text.split()), "events": len(r.events), "quotes": len(r.quotes),
                "entities": len(r.entities)})
    return row

"""The structured records a question is matched against: events (merged timeline entries and single-article
events) by participant and place, quotes by speaker, the people each article names; built once per index."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from parley.knowledge.identity import name_keys, same_person
from parley.search import questions as qmod
from parley.search.answer import _Ctx
from parley.search.index import Index
from parley.search.sentences import _same_place


def _event_rows(ctx: _Ctx) -> list[dict[str, Any]]:
    """Events as (merged timeline entry or single-article event) rows with their evidence by article."""
    idx = ctx.idx
    rows: list[dict[str, Any]] = []
    covered: set[tuple[str, str]] = set()
    for entry in idx.corpus.get("timeline") or ():
        if not isinstance(entry, dict):
            continue
        evidence = []
        for m in entry.get("mentions") or ():
            art = idx.by_id.get(m.get("article_id"))
            if art is None:
                continue
            covered.add((m.get("article_id"), m.get("event_id")))
            for ev in m.get("evidence") or ():
                evidence.append((art, ev["start"], ev["end"]))
        date = entry.get("date")
        date_value = date.get("value") if isinstance(date, dict) else date
        rows.append({"type": entry.get("type") or "event", "participants": list(entry.get("participants") or ()),
                     "location": entry.get("location"), "date": date_value, "status": entry.get("status"),
                     "topics": list(entry.get("topics") or ()), "evidence": evidence,
                     "topic_evidence": _timeline_topic_evidence(idx, entry)})
        rows += _parts_of_entry(idx, entry)
    for art, facts in enumerate(idx.facts):
        aid = idx.articles[art]["id"]
        for ev in facts.get("events", ()):
            if (aid, ev.get("id")) not in covered:
                rows.append(_article_row(art, ev))
    return rows


def _article_row(art: int, ev: dict[str, Any]) -> dict[str, Any]:
    """The row of one article's event."""
    return {"type": ev.get("type") or "event", "participants": list(ev.get("participants") or ()),
            "location": ev.get("location"), "date": (ev.get("date") or {}).get("value"),
            "status": ev.get("status"), "topics": list(ev.get("topics") or ()),
            "evidence": [(art, x["start"], x["end"]) for x in ev.get("evidence") or ()],
            "topic_evidence": [(art, x["start"], x["end"]) for x in ev.get("topic_evidence") or ()]}


def _entry_events(idx: Index, entry: dict[str, Any]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(article index, article event) for each report a timeline entry merges."""
    for m in entry.get("mentions") or ():
        art = idx.by_id.get(m.get("article_id"))
        if art is None:
            continue
        for ev in idx.facts[art].get("events", ()):
            if ev.get("id") == m.get("event_id"):
                yield art, ev


def _parts_of_entry(idx: Index, entry: dict[str, Any]) -> list[dict[str, Any]]:
    """The reports of another type an entry holds, one row per type, place and date: an entry that merges a visit
    with the talks held during it answers "when did they hold talks?" with the talks' own day, not the visit's."""
    parts: dict[tuple[str, str | None, str | None], dict[str, Any]] = {}
    for art, ev in _entry_events(idx, entry):
        if not ev.get("type") or ev.get("type") == entry.get("type"):
            continue
        row = _article_row(art, ev)
        key = (row["type"], row["location"], row["date"])
        if key in parts:
            parts[key]["evidence"] += row["evidence"]
            parts[key]["topic_evidence"] += row["topic_evidence"]
        else:
            parts[key] = row
    return list(parts.values())


def _timeline_topic_evidence(idx: Index, entry: dict[str, Any]) -> list[tuple[int, int, int]]:
    """Topic evidence of a timeline entry, read from the article events it merges."""
    return [(art, x["start"], x["end"]) for art, ev in _entry_events(idx, entry)
            for x in ev.get("topic_evidence") or ()]


class _Lookup:
    """Per-index tables built once: events by participant surname and place, quotes by speaker surname."""

    def __init__(self, ctx: _Ctx):
        self.events = _event_rows(ctx)
        self.by_person: dict[str, set[int]] = {}
        self.by_place: dict[str, set[int]] = {}
        # what each event's cited sentences say, lower-cased: a place they name (the White House, the
        # capital, the visitor's country) is a place of the event even when its location is another
        self.said: list[str] = []
        for row in self.events:
            texts = []
            for art, s, e in row["evidence"]:
                text = ctx.text(art)
                ss, ee = ctx.sentence_at(art, s, e)
                texts.append(text[ss:ee])
            self.said.append("\n".join(texts).lower())
        for i, row in enumerate(self.events):
            for p in row["participants"]:
                for key in _person_keys(p):
                    self.by_person.setdefault(key, set()).add(i)
            if row["location"]:
                for w in [row["location"].lower(), *row["location"].lower().split()]:
                    self.by_place.setdefault(w, set()).add(i)
        self.quotes: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        self.mentions: dict[str, set[int]] = {}
        self.people: dict[str, dict[int, set[str]]] = {}  # name word -> article -> the people named with it
        for art, facts in enumerate(ctx.idx.facts):
            for quote in facts.get("quotes", ()):
                if quote.get("speaker"):
                    for key in _person_keys(quote["speaker"]):
                        self.quotes.setdefault(key, []).append((art, quote))
            names = [e["name"] for e in facts.get("entities", ())]
            names += [p for ev in facts.get("events", ()) for p in ev.get("participants") or ()]
            names += [ev.get("location") for ev in facts.get("events", ()) if ev.get("location")]
            for n in names:
                for key in {n.lower(), _surname(n), _state_key(n)} - {None}:
                    self.mentions.setdefault(key, set()).add(art)
            people = {e["name"] for e in facts.get("entities", ()) if e["type"] == "PERSON"}
            people |= {p for ev in facts.get("events", ()) for p in ev.get("participants") or ()}
            people |= {quote["speaker"] for quote in facts.get("quotes", ()) if quote.get("speaker")}
            for n in people:
                for key in _person_keys(n):
                    self.people.setdefault(key, {}).setdefault(art, set()).add(n)
        self._naming: dict[str, frozenset[int]] = {}

    def articles_naming(self, person: str) -> frozenset[int]:
        """The articles that name ``person`` in any order of their names ("Rutte Mark", "Lee Jae-myung")."""
        got = self._naming.get(person)
        if got is None:
            found = set()
            for key in _person_keys(person):
                for art, names in self.people.get(key, {}).items():
                    if art not in found and any(same_person(person, n) for n in names):
                        found.add(art)
            got = self._naming[person] = frozenset(found)
        return got


def _surname(name: str) -> str:
    return qmod.surname(name)


def _state_key(name: str) -> str | None:
    """"state:TUR" for "Turkey", "Türkiye" and "Turkish": a state under any of its names."""
    code = qmod.state_of(name)
    return f"state:{code}" if code else None


def _person_keys(name: str) -> frozenset[str]:
    """The words a person is filed under: every word of the name ("Kishida Fumio" under both), folded."""
    return name_keys(name) or frozenset({_surname(name)})


_lookups: dict[int, _Lookup] = {}


def _lookup(ctx: _Ctx) -> _Lookup:
    key = id(ctx.idx)
    got = _lookups.get(key)
    if got is None:  # a local: another thread may clear the table meanwhile (the server's requests run at once)
        got = _Lookup(ctx)
        _lookups.clear()
        _lookups[key] = got
    return got


def _matching_events(ctx: _Ctx) -> list[dict[str, Any]]:
    q = ctx.q
    look = _lookup(ctx)
    ids: set[int] | None = None
    for p in q.people:
        got = set().union(*(look.by_person.get(key, set()) for key in _person_keys(p)))
        ids = got if ids is None else ids & got
    if ids is None and q.places:
        ids = set()
        for pl in q.places:
            ids |= look.by_place.get(pl.lower(), set())
            ids |= {i for i, said in enumerate(look.said) if qmod.word_in(pl.lower(), said)}
    order = range(len(look.events)) if ids is None else sorted(ids)
    located = {pl for pl in q.places if any(_same_place(pl, look.events[i]["location"]) for i in order)}
    out = []
    for i in order:
        row = dict(look.events[i])
        row["evidence"] = [e for e in row["evidence"] if ctx.ok(e[0])]
        row["topic_evidence"] = [e for e in row["topic_evidence"] if ctx.ok(e[0])]
        if not row["evidence"]:
            continue
        if not all(any(same_person(p, x) for x in row["participants"]) for p in q.people):
            continue
        # every place asked is the event's location, or, when no event of these people is at that place, is
        # named in its cited sentences ("at the White House", "visit Iran" for talks in Tehran, "the emir of
        # Qatar's visit to Paris")
        if q.places and not all(_same_place(pl, row["location"]) or
                                (pl not in located and qmod.word_in(pl.lower(), look.said[i]))
                                for pl in q.places):
            continue
        if q.dates and not any(d.matches(row["date"]) for d in q.dates):
            continue
        if q.future and row["status"] == "occurred":
            continue  # "when will they meet?": not the meeting that took place
        out.append(row)
    out.sort(key=lambda r: (r["date"] or "9999", r["location"] or "", r["type"]))
    return out


def _event_text(row: dict[str, Any]) -> str:
    who = ", ".join(row["participants"]) or "unnamed participants"
    bits = [f"{row['type'].capitalize()}: {who}"]
    if row["location"]:
        bits.append(f"in {row['location']}")
    bits.append(f"on {row['date']}" if row["date"] else "(date not stated)")
    if row["status"] and row["status"] != "occurred":
        bits.append(f"[{row['status']}]")
    return " ".join(bits)


def _citations(ctx: _Ctx, spans: list[tuple[int, int, int]], limit: int = 4) -> list:
    out, seen = [], set()
    for art, s, e in spans:
        c = ctx.sentence_citation(art, s, e)
        if c is None or (c.article_id, c.start) in seen:
            continue
        seen.add((c.article_id, c.start))
        out.append(c)
        if len(out) >= limit:
            break
    return out


def _articles_about(ctx: _Ctx) -> set[int]:
    """Articles that name every person and place of the question (all articles when it names none)."""
    q = ctx.q
    if not (q.people or q.places):
        return set()
    look = _lookup(ctx)
    out: set[int] | None = None
    for got in [look.articles_naming(p) for p in q.people] + [look.mentions.get(_state_key(pl) or pl.lower(), set())
                                                                 for pl in q.places]:
        out = set(got) if out is None else out & got
    return {a for a in out or () if ctx.ok(a)}

"""Plain, JSON-ready views of the store's contents, shared by the web pages, the JSON API and the dossier.

Every function here is pure: records and corpus-level entries in, dicts out. Every cited span keeps its
article id and offsets, and carries the verbatim text ``article.text[start:end]`` so that a reader never
sees a claim without its source.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from parley.models import Article, Record
from parley.report.dates import date_label, sort_key, timex_range

__all__ = [
    "article_meta", "span", "sentence_at", "quote_view", "event_date", "anchor_year", "event_view",
    "timeline_row", "entries_from_records", "people_from_records", "person_view", "conflict_view",
    "amount_view", "collect_dossier", "mentions_topic",
]


def article_meta(article: Article) -> dict[str, Any]:
    return {"id": article.id, "title": article.title, "outlet": article.outlet,
            "published": article.published, "source": article.source, "url": article.url,
            "duplicate_of": article.duplicate_of}


def span(article: Article, start: Any, end: Any) -> dict[str, Any] | None:
    """A cited span with its verbatim text, or None when the offsets do not fit the article."""
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(article.text):
        return None
    return {"article_id": article.id, "start": start, "end": end, "text": article.text[start:end]}


def sentence_at(record: Record, start: int, end: int) -> dict[str, Any] | None:
    """The stored sentence(s) around a span, for context next to a figure or a quote."""
    covering = [s for s in record.sentences if s[0] < end and s[1] > start]
    if not covering:
        return span(record.article, start, end)
    return span(record.article, covering[0][0], covering[-1][1])


def quote_view(record: Record, index: int) -> dict[str, Any]:
    q = record.quotes[index]
    return {"article": article_meta(record.article), "index": index, "speaker": q.speaker,
            "speaker_role": q.speaker_role, "kind": q.kind, "cue": q.cue, "text": q.text,
            "start": q.start, "end": q.end}


def event_date(entry: Mapping[str, Any]) -> str | None:
    date = entry.get("date")
    if isinstance(date, Mapping):
        date = date.get("value")
    return date or None


def anchor_year(entry: Mapping[str, Any], articles: Mapping[str, Article]) -> int | None:
    """The publication year of the earliest reporting article, for dates written without a year."""
    years = []
    for m in entry.get("mentions") or ():
        a = articles.get(m.get("article_id"))
        if a is not None and a.published and a.published[:4].isdigit():
            years.append(int(a.published[:4]))
    return min(years) if years else None


def timeline_row(entry: Mapping[str, Any], articles: Mapping[str, Article]) -> dict[str, Any]:
    """A timeline entry as stored, plus what a listing shows: date label, time range, source labels."""
    value = event_date(entry)
    year = anchor_year(entry, articles)
    rng = timex_range(value, year)
    sources = []
    seen = set()
    for m in entry.get("mentions") or ():
        a = articles.get(m.get("article_id"))
        if a is not None and a.id not in seen:
            seen.add(a.id)
            sources.append(article_meta(a))
    row = dict(entry)
    row.update({
        "date_value": value,
        "date_label": date_label(value, year),
        "date_start": rng[0].isoformat() if rng else None,
        "date_end": rng[1].isoformat() if rng else None,
        "sources": sources,
    })
    return row


def sort_rows(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Oldest first; then dates whose year the text does not give ('22 April'); then undated events."""
    def key(r: dict[str, Any]) -> tuple:
        if r.get("date_start"):
            return (0, sort_key(r["date_start"]), str(r.get("timeline_id")))
        value = r.get("date_value")
        return (1 if value else 2, (value or "")[4:], str(r.get("timeline_id")))
    return sorted(rows, key=key)


def article_ids(refs: Iterable[Any]) -> list[str]:
    """People list their articles as ids or as [article_id, entity_id] pairs."""
    return [ref[0] if isinstance(ref, (list, tuple)) else ref for ref in refs or () if ref]


_WORD = re.compile(r"[^\W\d_]{4,}")
_STOP = frozenset("with from that this than into over also their about between relations issue issues "
                  "cooperation".split())


def mentions_topic(text: str, topic: str) -> bool:
    """Whether a sentence speaks of an agenda topic: the whole phrase, or every content word of it
    (compared on a 5-letter stem, so 'economy' meets 'economic')."""
    low = text.lower()
    if topic.lower() in low:
        return True
    words = [w[:5] for w in _WORD.findall(topic.lower()) if w not in _STOP]
    if not words:
        return False
    stems = {w[:5] for w in _WORD.findall(low)}
    return all(w in stems for w in words)


def event_view(entry: Mapping[str, Any], records: Mapping[str, Record]) -> dict[str, Any]:
    """One real-world event: each source's account with its evidence sentences, the agenda with the
    sentences and quotes about each item."""
    articles = {aid: r.article for aid, r in records.items()}
    view = timeline_row(entry, articles)
    accounts, topic_spans, quote_pool = [], [], []
    for m in entry.get("mentions") or ():
        record = records.get(m.get("article_id"))
        if record is None:
            continue
        event = next((e for e in record.events if e.id == m.get("event_id")), None)
        evidence_src = m.get("evidence") or ([{"start": x.start, "end": x.end} for x in event.evidence] if event else [])
        evidence = [s for s in (span(record.article, x.get("start"), x.get("end")) for x in evidence_src) if s]
        topic_ev = [s for s in (span(record.article, x.start, x.end) for x in (event.topic_evidence if event else ())) if s]
        topic_spans.extend(topic_ev)
        accounts.append({
            "article": article_meta(record.article),
            "event_id": m.get("event_id"),
            "confidence": m.get("confidence", event.confidence if event else None),
            "type": event.type if event else None,
            "date": (event.date.value if event and event.date else None),
            "date_text": (event.date.text if event and event.date else None),
            "location": event.location if event else None,
            "status": event.status if event else None,
            "participants": list(event.participants) if event else [],
            "topics": list(event.topics) if event else [],
            "evidence": evidence,
            "topic_evidence": topic_ev,
        })
        quote_pool.extend(quote_view(record, i) for i in range(len(record.quotes)))
    agenda = []
    for topic in entry.get("topics") or ():
        ev = _unique_spans(s for s in topic_spans if mentions_topic(s["text"], topic))
        quotes = [q for q in quote_pool if mentions_topic(q["text"], topic)][:6]
        agenda.append({"topic": topic, "evidence": ev, "quotes": quotes})
    view["accounts"] = accounts
    view["agenda"] = agenda
    return view


def _unique_spans(spans: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for s in spans:
        key = (s["article_id"], s["start"], s["end"])
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def entries_from_records(records: Iterable[Record]) -> list[dict[str, Any]]:
    """One timeline entry per extracted event: the fallback when the corpus has not been resolved yet."""
    entries = []
    for r in records:
        for e in r.events:
            entries.append({
                "timeline_id": e.timeline_id or f"{r.article.id[:12]}-{e.id}",
                "type": e.type, "date": e.date.value if e.date else None, "location": e.location,
                "participants": list(e.participants), "status": e.status, "topics": list(e.topics),
                "mentions": [{"article_id": r.article.id, "event_id": e.id, "confidence": e.confidence,
                              "evidence": [{"start": x.start, "end": x.end} for x in e.evidence]}],
            })
    return entries


def people_from_records(records: Iterable[Record]) -> list[dict[str, Any]]:
    """People as the entities of each article name them: the fallback before cross-article merging."""
    people: dict[str, dict[str, Any]] = {}
    quote_counts: dict[str, int] = defaultdict(int)
    for r in records:
        for q in r.quotes:
            if q.speaker:
                quote_counts[q.speaker] += 1
        for e in r.entities:
            if e.type != "PERSON":
                continue
            p = people.setdefault(e.name, {"name": e.name, "aliases": [], "roles": [], "articles": [],
                                           "mention_count": 0, "quote_count": 0})
            p["roles"].extend(x for x in e.roles if x not in p["roles"])
            if r.article.id not in p["articles"]:
                p["articles"].append(r.article.id)
            p["mention_count"] += len(e.mentions)
    for name, p in people.items():
        p["quote_count"] = quote_counts.get(name, 0)
    return sorted(people.values(), key=lambda p: (-p["mention_count"], p["name"]))


def person_names(person: Mapping[str, Any]) -> set[str]:
    return {n.lower() for n in [person.get("name") or "", *(person.get("aliases") or ())] if n}


def person_view(person: Mapping[str, Any], records: Iterable[Record],
                timeline: Sequence[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """A person with roles, the quotes attributed to them, the articles naming them and their events."""
    names = person_names(person)
    quotes, articles = [], []
    wanted = set(article_ids(person.get("articles") or ()))
    for r in records:
        if r.article.id in wanted or any(e.name.lower() in names for e in r.entities):
            articles.append(article_meta(r.article))
        quotes.extend(quote_view(r, i) for i, q in enumerate(r.quotes) if (q.speaker or "").lower() in names)
    events = [{"timeline_id": e.get("timeline_id"), "type": e.get("type"), "date": event_date(e),
               "date_label": e.get("date_label") or date_label(event_date(e)),
               "location": e.get("location"), "participants": list(e.get("participants") or [])}
              for e in timeline if names & {p.lower() for p in e.get("participants") or ()}]
    view = dict(person)
    view.update({"quotes": quotes, "article_list": articles, "events": events})
    return view


def conflict_view(conflict: Mapping[str, Any], articles: Mapping[str, Article]) -> dict[str, Any]:
    view = dict(conflict)
    sides = []
    for side in conflict.get("sides") or ():
        s = dict(side)
        a = articles.get(side.get("article_id"))
        if a is not None:
            s["article"] = article_meta(a)
            cited = span(a, side.get("start"), side.get("end"))
            if cited and not s.get("text"):
                s["text"] = cited["text"]
        sides.append(s)
    view["sides"] = sides
    view["title"] = conflict.get("question") or conflict.get("key") or conflict.get("kind") or "disagreement"
    return view


def amount_view(record: Record, index: int) -> dict[str, Any]:
    x = record.amounts[index]
    return {"article": article_meta(record.article), "value": x.value, "unit": x.unit, "object": x.object,
            "text": x.text, "start": x.start, "end": x.end, "sentence": sentence_at(record, x.start, x.end)}


def _speaks_of(text: str, actors: Sequence[str]) -> bool:
    low = text.lower()
    return any(a.lower() in low or a.split()[-1].lower() in low for a in actors if a.strip())


def collect_dossier(records: Sequence[Record], timeline: Sequence[Mapping[str, Any]],
                    people: Sequence[Mapping[str, Any]], conflicts: Sequence[Mapping[str, Any]], *,
                    actors: Sequence[str] = (), since: str | None = None, until: str | None = None,
                    title: str | None = None) -> dict[str, Any]:
    """Everything a dossier shows, from already-filtered timeline entries and the records they cite.

    ``timeline`` is expected to be filtered by actor/place/date already (``parley.resolve.query``);
    voices, figures and sources follow the events and the actors: quotes by or about an actor, figures
    from the articles that report the events.
    """
    by_id = {r.article.id: r for r in records}
    articles = {aid: r.article for aid, r in by_id.items()}
    events = sort_rows(event_view(e, by_id) for e in timeline)
    event_articles = {a["article"]["id"] for ev in events for a in ev["accounts"]}
    filtered = bool(actors or since or until)

    def in_window(r: Record) -> bool:
        p = r.article.published
        if not (since or until):
            return True
        if not p:
            return False
        return (not since or p[:len(since)] >= since) and (not until or p[:len(until)] <= until)

    def quoted(r: Record) -> bool:
        return not actors or any(_speaks_of(q.speaker or "", actors) for q in r.quotes)

    in_scope = [r for r in records if not filtered or r.article.id in event_articles or (in_window(r) and quoted(r))]
    voices: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in in_scope:
        for i, q in enumerate(r.quotes):
            if actors and not (_speaks_of(q.speaker or "", actors) or _speaks_of(q.text, actors)):
                continue
            voices[q.speaker or ""].append(quote_view(r, i))
    roles = {}
    for p in people:
        for n in person_names(p):
            roles.setdefault(n, list(p.get("roles") or ()))
    voice_list = [{"speaker": s or None, "roles": roles.get(s.lower(), []), "quotes": qs}
                  for s, qs in sorted(voices.items(), key=lambda kv: (kv[0] == "", -len(kv[1]), kv[0]))]
    figure_scope = [r for r in in_scope if not filtered or r.article.id in event_articles]
    figures = [amount_view(r, i) for r in figure_scope for i in range(len(r.amounts))]
    scope_ids = {r.article.id for r in in_scope}
    conflict_list = [conflict_view(c, articles) for c in conflicts
                     if not filtered or any(s.get("article_id") in scope_ids for s in c.get("sides") or ())]
    cited = event_articles | {q["article"]["id"] for v in voice_list for q in v["quotes"]} | \
        {f["article"]["id"] for f in figures} | \
        {s.get("article_id") for c in conflict_list for s in c.get("sides") or ()}
    sources = [dict(article_meta(r.article), events=sum(1 for e in r.events), quotes=len(r.quotes),
                    words=len(r.article.text.split()))
               for r in records if r.article.id in cited]
    return {
        "title": title or ("Dossier: " + ", ".join(actors) if actors else "Dossier"),
        "filters": {"actors": list(actors), "since": since, "until": until},
        "events": events,
        "voices": voice_list,
        "figures": figures,
        "conflicts": conflict_list,
        "sources": sources,
    }

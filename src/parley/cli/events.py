"""`parley timeline`, `parley events`, `parley conflicts`: what happened, and where sources disagree."""

from __future__ import annotations

import typer

from parley.cli._common import DbOption, JsonOption, console, fail, literal, open_store, print_json
from parley.errors import QueryError
from parley.resolve.query import filter_timeline, find_entry


def register(app: typer.Typer) -> None:
    app.command("timeline")(timeline)
    app.command("events")(events)
    app.command("conflicts")(conflicts)


def timeline(
    db: str = DbOption,
    actor: list[str] = typer.Option(None, "--actor", help="Only events with this participant: a person, or a state as code, name or demonym (JPN, Japan, Japanese); repeatable, all must take part."),
    where: str = typer.Option(None, "--where", help="Only events in this place."),
    since: str = typer.Option(None, "--since", help="On or after YYYY[-MM[-DD]]."),
    until: str = typer.Option(None, "--until", help="On or before YYYY[-MM[-DD]]."),
    show: str = typer.Option(None, "--show", help="Show one timeline entry in full (same as `parley events ID`)."),
    as_json: bool = JsonOption,
) -> None:
    """One row per real-world event, oldest first, with the articles and sentences that report it."""
    if show:
        events(show, db=db, as_json=as_json)
        return
    with open_store(db) as store:
        try:
            entries = filter_timeline(store.timeline(), actors=actor or (), where=where, since=since, until=until)
        except QueryError as exc:
            fail(str(exc), 2)
        titles = {a.id: a for a in store.articles()}
    if as_json:
        print_json(entries)
        return
    console.print(literal((f"Timeline: {len(entries)} event(s)", "bold"), ", oldest first (",
                          ("parley events ID", "dim"), " shows one in full)"))
    for e in entries:
        sources = sorted({_source_label(titles.get(m.get("article_id"))) for m in e.get("mentions", [])})
        head = " · ".join(x for x in (e.get("type"), e.get("status"), e.get("location")) if x)
        console.print()
        console.print(literal((_date_label(e), "bold"), "  ", head, "  ", (str(e.get("timeline_id", "")), "dim")))
        console.print(literal("  who: ", ", ".join(e.get("participants") or []) or "-"))
        if e.get("topics"):
            console.print(literal("  agenda: ", ", ".join(e["topics"][:10])))
        console.print(literal("  reported by: ", "; ".join(sources)), style="dim")


def _date_label(entry: dict) -> str:
    date = entry.get("date")
    if isinstance(date, dict):
        return date.get("value") or "undated"
    return date or "undated"


def _source_label(article) -> str:
    if article is None:
        return "?"
    return " · ".join(x for x in (article.outlet, article.published, article.id[:8]) if x)


def events(
    timeline_id: str = typer.Argument(..., help="Timeline entry id (a unique prefix is enough)."),
    db: str = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """Everything known about one event: each source's account, agenda with evidence, quotes, disagreements."""
    with open_store(db) as store:
        entry = find_entry(store.timeline(), timeline_id)
        accounts = []
        for m in entry.get("mentions", []):
            article = store.article(m["article_id"])
            spans = m.get("evidence") or []
            accounts.append({
                "article_id": article.id, "title": article.title, "outlet": article.outlet,
                "published": article.published,
                "evidence": [{"start": s["start"], "end": s["end"], "text": article.text[s["start"]:s["end"]]}
                             for s in spans],
            })
        related = [c for c in store.conflicts() if entry.get("timeline_id") in str(c)]
        article_ids = {a["article_id"] for a in accounts}
        quotes = [q for q in store.quotes() if q["article_id"] in article_ids]
    detail = {"entry": entry, "accounts": accounts, "conflicts": related, "quotes": quotes}
    if as_json:
        print_json(detail)
        return
    console.rule(literal(f"{entry.get('type', 'event')} · {_date_label(entry)} · "
                         f"{entry.get('location') or 'place unknown'}"))
    console.print(literal(("participants:", "bold"), " ", ", ".join(entry.get("participants") or []) or "-"))
    console.print(literal(("status:", "bold"), " ", entry.get("status") or "-"))
    console.print(literal(("agenda:", "bold"), " ", ", ".join(entry.get("topics") or []) or "-"))
    ties = entry.get("ties") or []
    if ties:
        outlets = {a["article_id"]: a["outlet"] or a["article_id"][:8] for a in accounts}
        console.print(literal(("one event, because:", "bold")))
        for t in ties:
            a, b = (r.get("article_id") for r in t.get("reports") or [{}, {}])
            console.print(literal(f"  {outlets.get(a, str(a)[:8])} ~ {outlets.get(b, str(b)[:8])}: ",
                                  str(t.get("rule")), (f"  score {t.get('score')}", "dim")))
    for acc in accounts:
        console.print()
        console.print(literal((acc["outlet"] or "unknown outlet", "bold"),
                              f" {acc['published'] or ''} — {acc['title'] or acc['article_id']}"))
        for ev in acc["evidence"]:
            console.print(literal(f"  “{ev['text']}”", multiline=True))
    if quotes:
        console.print()
        console.print(literal(("Quotes in these reports:", "bold")))
        for q in quotes[:20]:
            said = literal(f"“{q['text'][:200]}”", multiline=True)
            console.print(literal("  ", q["speaker"] or "unknown", ": ", said))
    if related:
        console.print()
        console.print(literal(("Sources disagree:", "bold red")))
        for c in related:
            console.print(literal("  ", str(c.get("summary") or c.get("key"))))


def conflicts(db: str = DbOption, as_json: bool = JsonOption) -> None:
    """Statements about the same event or question that contradict each other across articles."""
    with open_store(db) as store:
        rows = store.conflicts()
        articles = {a.id: a for a in store.articles()}
    if as_json:
        print_json(rows)
        return
    if not rows:
        console.print("No contradictions found between the stored articles.")
        return
    for c in rows:
        console.rule(literal(str(c.get("summary") or c.get("key") or c.get("kind") or "conflict")))
        for side in c.get("sides", []):
            a = articles.get(side.get("article_id"))
            who = f"{side['speaker']}: " if side.get("speaker") else ""
            console.print(literal((str(side.get("stance", "")), "bold"),
                                  f" ({_source_label(a)}) {who}“{side.get('text', '')}”"))

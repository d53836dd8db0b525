"""`parley timeline`, `parley events`, `parley conflicts`: what happened, and where sources disagree."""

from __future__ import annotations

import typer
from rich.markup import escape

from parley.cli._common import DbOption, JsonOption, console, fail, open_store, print_json
from parley.errors import QueryError
from parley.resolve.query import filter_timeline, find_entry


def register(app: typer.Typer) -> None:
    app.command("timeline")(timeline)
    app.command("events")(events)
    app.command("conflicts")(conflicts)


def timeline(
    db: str = DbOption,
    actor: list[str] = typer.Option(None, "--actor", help="Only events with this participant (repeatable: all must take part)."),
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
    console.print(f"[bold]Timeline: {len(entries)} event(s)[/], oldest first "
                  "([dim]parley events ID[/] shows one in full)", highlight=False)
    for e in entries:
        sources = sorted({_source_label(titles.get(m.get("article_id"))) for m in e.get("mentions", [])})
        head = " · ".join(x for x in (e.get("type"), e.get("status"), e.get("location")) if x)
        console.print(f"\n[bold]{escape(_date_label(e))}[/]  {escape(head)}  [dim]{e.get('timeline_id', '')}[/]",
                      highlight=False)
        console.print(f"  who: {escape(', '.join(e.get('participants') or []) or '-')}", highlight=False)
        if e.get("topics"):
            console.print(f"  agenda: {escape(', '.join(e['topics'][:10]))}", highlight=False)
        console.print(f"  reported by: {escape('; '.join(sources))}", style="dim", highlight=False)


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
    console.rule(f"{entry.get('type', 'event')} · {_date_label(entry)} · {entry.get('location') or 'place unknown'}")
    console.print(f"[bold]participants:[/] {', '.join(entry.get('participants') or []) or '-'}", highlight=False)
    console.print(f"[bold]status:[/] {entry.get('status') or '-'}", highlight=False)
    console.print(f"[bold]agenda:[/] {', '.join(entry.get('topics') or []) or '-'}", highlight=False)
    for acc in accounts:
        console.print(f"\n[bold]{acc['outlet'] or 'unknown outlet'}[/] {acc['published'] or ''} — {acc['title'] or acc['article_id']}",
                      highlight=False)
        for ev in acc["evidence"]:
            console.print(f"  “{ev['text']}”", highlight=False, markup=False)
    if quotes:
        console.print("\n[bold]Quotes in these reports:[/]")
        for q in quotes[:20]:
            console.print(f"  {q['speaker'] or 'unknown'}: “{q['text'][:200]}”", highlight=False, markup=False)
    if related:
        console.print("\n[bold red]Sources disagree:[/]")
        for c in related:
            console.print(f"  {c.get('summary') or c.get('key')}", highlight=False, markup=False)


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
        console.rule(c.get("summary") or c.get("key") or c.get("kind") or "conflict")
        for side in c.get("sides", []):
            a = articles.get(side.get("article_id"))
            who = f"{side['speaker']}: " if side.get("speaker") else ""
            console.print(f"[bold]{side.get('stance', '')}[/] ({_source_label(a)}) {who}“{side.get('text', '')}”",
                          highlight=False)

"""`parley serve` (the web app and JSON API) and `parley report` (the HTML/Markdown dossier)."""

from __future__ import annotations

import json
import os
import socket
import sys
from pathlib import Path

import typer

from parley.cli._common import DbOption, err_console, fail, literal
from parley.cli._served import announce
from parley.errors import ParleyError


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("report")(report)


def serve(
    db: str = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (localhost by default)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    allow_host: list[str] = typer.Option(
        None, "--allow-host", metavar="NAME",
        help="Also answer requests for this Host name (NAME or NAME:PORT; repeatable). Only the address "
             "bound is answered otherwise (all loopback names for 127.0.0.1); '*' turns the check off."),
    workers: int = typer.Option(1, "--workers", min=1, max=32,
                                help="Processes answering requests (one per core: a process computes one "
                                     "request at a time, its interpreter lock held); each loads the model."),
) -> None:
    """Serve the timeline, event, people and article pages and the JSON API (/api, described at /docs)."""
    import uvicorn

    from parley.api import create_app
    from parley.api.hosts import host_policy

    try:
        policy = host_policy(host, port, allow_host or ())
    except ValueError as exc:
        fail(f"--allow-host: {exc}")
    try:
        app = create_app(db, allowed_hosts=policy)  # a store that cannot be served fails here, in one line
    except ParleyError as exc:
        fail(str(exc))
    sock = _listen(host, port)
    shown = f"[{host}]" if ":" in host else host
    many = f", {workers} worker processes" if workers > 1 else ""
    err_console.print(literal(f"parley: serving {db} on http://{shown}:{port}/  (API at /api, described at /docs"
                              f"{many})"), highlight=False)
    try:
        with announce(db, host, port):  # `parley search` and `ask` for this store are answered here
            if workers == 1:
                uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning")).run(sockets=[sock])
            else:
                _run_workers(app, db, host, port, allow_host or [], workers, sock)
    finally:
        sock.close()


def _run_workers(app, db: str, host: str, port: int, allow: list[str], workers: int, sock: socket.socket) -> None:
    """``workers`` processes answering on ``sock`` (uvicorn's supervisor: each a new interpreter building the
    app from ``PARLEY_SERVE``; one that dies is replaced; SIGINT or SIGTERM stops them all)."""
    import uvicorn  # the server and the app's modules load only when one serves
    from uvicorn.supervisors import Multiprocess

    from parley.api.app import SERVE_ENV

    app.state.corpus.close()  # the parent only checked that the store opens; the workers open their own
    os.environ[SERVE_ENV] = json.dumps({"db": db, "host": host, "port": port, "allow": allow})
    config = uvicorn.Config("parley.api.app:app_from_environment", factory=True, host=host, port=port,
                            workers=workers, log_level="warning")
    Multiprocess(config, sockets=[sock]).run()


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to HOST:PORT and listening, or one line and exit 1 (busy port, no such address)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
    except (socket.gaierror, UnicodeError) as exc:
        fail(f"cannot listen on {host}:{port} ({_reason(exc)})")
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: restart past TIME_WAIT
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        fail(f"cannot listen on {host}:{port} ({_reason(exc)})")
    return sock


def _reason(exc: Exception) -> str:
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return text[:1].lower() + text[1:]


def report(
    db: str = DbOption,
    actor: list[str] = typer.Option(None, "--actor", help="Only events with this participant: a person, or a state as code, name or demonym (JPN, Japan, Japanese); repeatable, all must take part."),
    where: str = typer.Option(None, "--where", help="Only events in this place."),
    since: str = typer.Option(None, "--since", help="Events on or after YYYY[-MM[-DD]]."),
    until: str = typer.Option(None, "--until", help="Events on or before YYYY[-MM[-DD]]."),
    out: Path = typer.Option(None, "--out", "-o", help="File to write (default: stdout)."),
    fmt: str = typer.Option("html", "--format", "-f", help="html, md or json."),
    title: str = typer.Option(None, "--title", help="Heading of the dossier."),
) -> None:
    """A dossier: timeline chart, events with agenda and evidence, voices, figures, disagreements, sources."""
    from parley.report import collect_dossier, render_html, render_json, render_markdown
    from parley.resolve.query import check_date
    from parley.report.views import entries_from_records, people_from_records
    from parley.resolve.query import filter_timeline
    from parley.store import Store

    renderers = {"html": render_html, "md": render_markdown, "markdown": render_markdown, "json": render_json}
    if fmt.lower() not in renderers:
        fail(f"--format {fmt!r} is not known: use html, md or json")
    try:
        since, until = check_date(since, "--since"), check_date(until, "--until")
        with Store(db, read_only=True) as store:
            records = list(store.records())
            timeline = store.timeline() or entries_from_records(records)
            people = store.people() or people_from_records(records)
            conflicts = store.conflicts()
        entries = filter_timeline(timeline, actors=actor or (), where=where, since=since, until=until)
        dossier = collect_dossier(records, entries, people, conflicts, actors=actor or (), since=since,
                                  until=until, title=title)
        text = renderers[fmt.lower()](dossier)
        if out is None:
            sys.stdout.write(text)
        else:
            try:
                out.write_text(text, encoding="utf-8")
            except OSError as exc:
                raise ParleyError(f"{out}: cannot write the dossier ({exc.strerror or exc})") from exc
            err_console.print(literal(f"wrote {out} ({len(dossier['events'])} events, "
                                      f"{len(dossier['sources'])} sources)"))
    except ParleyError as exc:
        fail(str(exc))

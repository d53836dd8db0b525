"""The web app: ``create_app(db_path)`` serves the JSON API under /api and the pages beside it.

Every response carries the security headers (a strict CSP among them), HEAD is answered wherever GET is, and,
given ``allowed_hosts`` (``serve`` always gives it), a request for any other Host gets 400. /docs is a page of
its own built from /openapi.json: nothing is fetched from anywhere but this server.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp

from parley.api import docs, errors, pages, routes
from parley.api.corpus import Corpus
from parley.api.hosts import HostPolicy, host_policy
from parley.api.middleware import AnswerHead, HostCheck, SecurityHeaders

__all__ = ["create_app", "ParleyApp", "app_from_environment", "SERVE_ENV"]

SERVE_ENV = "PARLEY_SERVE"  # what `parley serve --workers N` hands each worker process: store, bind, allowed names


class ParleyApp(FastAPI):
    """FastAPI with the Host check, HEAD and security headers wrapped around everything, error handlers
    included, so that no response (a 500, a static file, a 400 for a bad Host) leaves without them."""

    host_policy: HostPolicy | None = None

    def build_middleware_stack(self) -> ASGIApp:
        app = super().build_middleware_stack()
        if self.host_policy is not None:
            app = HostCheck(app, self.host_policy)
        return SecurityHeaders(AnswerHead(app))


def create_app(db_path: str | Path, allowed_hosts: HostPolicy | Iterable[str] | None = None) -> FastAPI:
    """Open the store read-only (raises StoreError when it cannot) and build the app around it.

    ``allowed_hosts`` is the Host check: a ``HostPolicy`` (what ``serve`` passes, see
    ``parley.api.hosts.host_policy``) or the ``name`` / ``name:port`` entries to accept; None means no check,
    for use as a library or under a test client. Raises ValueError for an entry that is not a host."""
    if allowed_hosts is not None and not isinstance(allowed_hosts, HostPolicy):
        allowed_hosts = HostPolicy.from_names(list(allowed_hosts))
    corpus = Corpus(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        corpus.close()

    app = ParleyApp(
        title="parley",
        summary="Cited, structured records of diplomatic news: events, quotes, people, disagreements.",
        description=(
            "Every list takes `limit` (1-200) and `offset`; dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. "
            "Every error has one shape: `{\"error\": {\"status\": int, \"code\": str, \"message\": str}}`. "
            "Offsets are Python string indices into the article `text`; `text[start:end]` is the cited span."
        ),
        version="1",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.host_policy = allowed_hosts
    app.state.corpus = corpus
    errors.install(app)
    app.include_router(routes.router)
    app.include_router(pages.router)
    app.include_router(docs.router)
    static = resources.files("parley.api").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app


def app_from_environment() -> FastAPI:
    """The app of one worker of `parley serve --workers N` (uvicorn starts each worker in a new interpreter and
    imports this factory): the store, bound address and allowed names come from ``PARLEY_SERVE`` (JSON)."""
    spec = json.loads(os.environ[SERVE_ENV])
    policy = host_policy(spec["host"], spec["port"], spec.get("allow") or ())
    return create_app(spec["db"], allowed_hosts=policy)

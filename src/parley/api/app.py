"""The web app: ``create_app(db_path)`` serves the JSON API under /api and the pages beside it."""

from __future__ import annotations

from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from parley.api import errors, pages, routes
from parley.api.corpus import Corpus

__all__ = ["create_app"]


def create_app(db_path: str | Path) -> FastAPI:
    """Open the store read-only (raises StoreError when it cannot) and build the app around it."""
    corpus = Corpus(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        corpus.close()

    app = FastAPI(
        title="parley",
        summary="Cited, structured records of diplomatic news: events, quotes, people, disagreements.",
        description=(
            "Every list takes `limit` (1-200) and `offset`; dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. "
            "Every error has one shape: `{\"error\": {\"status\": int, \"code\": str, \"message\": str}}`. "
            "Offsets are Python string indices into the article `text`; `text[start:end]` is the cited span."
        ),
        version="1",
        lifespan=lifespan,
    )
    app.state.corpus = corpus
    errors.install(app)
    app.include_router(routes.router)
    app.include_router(pages.router)
    static = resources.files("parley.api").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app

"""One error shape for every error the app returns: {"error": {"status", "code", "message"}}.

JSON under /api, an HTML page with the same words elsewhere. Nothing reaches the client as a bare 500.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from parley.errors import NotFoundError, ParleyError, QueryError, StoreError

__all__ = ["install", "error_body", "respond"]

log = logging.getLogger("parley.api")

_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 422: "invalid_parameter",
          500: "internal_error", 501: "not_available", 503: "store_unavailable"}


def error_body(status: int, message: str, code: str | None = None) -> dict:
    return {"error": {"status": status, "code": code or _CODES.get(status, "error"), "message": message}}


def respond(request: Request, status: int, message: str, code: str | None = None,
            headers: Mapping[str, str] | None = None) -> Response:
    """The error as JSON under /api (or for a client that does not ask for HTML), as a page otherwise."""
    body = error_body(status, message, code)
    if request.url.path.startswith("/api") or "text/html" not in request.headers.get("accept", ""):
        return JSONResponse(body, status_code=status, headers=headers)
    from parley.api.pages import render_page

    return HTMLResponse(render_page("error.html", request, error=body["error"], title=f"Error {status}"),
                        status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        return respond(request, 422, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path[:200]}"
        allow = (exc.headers or {}).get("Allow") if exc.status_code == 405 else None
        if allow and "GET" in allow.split(", ") and "HEAD" not in allow:
            allow += ", HEAD"  # answered by middleware.AnswerHead
        return respond(request, exc.status_code, message, headers={"Allow": allow} if allow else None)

    @app.exception_handler(ParleyError)
    async def _parley(request: Request, exc: ParleyError):
        if isinstance(exc, NotFoundError):
            return respond(request, 404, str(exc))
        if isinstance(exc, QueryError):
            return respond(request, 400, str(exc))
        if isinstance(exc, StoreError):
            return respond(request, 503, str(exc))
        return respond(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return respond(request, 500, f"internal error ({type(exc).__name__}); see the server log")

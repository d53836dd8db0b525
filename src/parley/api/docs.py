"""/docs: the API described from the app's own OpenAPI schema, as a page of this server.

No Swagger UI or ReDoc (they load from a CDN, so they are blank offline and need inline script); the page is
plain server-rendered HTML under the same Content-Security-Policy as every other page.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from parley.api.pages import render_page

__all__ = ["router", "api_endpoints"]

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """The API described from /openapi.json, rendered here: works offline, under the same CSP as every page."""
    return HTMLResponse(render_page("docs.html", request, title="API",
                                    endpoints=api_endpoints(request.app.openapi())))


def api_endpoints(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Each operation of an OpenAPI schema as {method, path, summary, description, params, href}."""
    out = []
    for path, item in (schema.get("paths") or {}).items():
        for method, op in item.items():
            if not isinstance(op, dict):
                continue
            params = [{"name": p.get("name"), "in": p.get("in"), "required": bool(p.get("required")),
                       "type": _schema_type(p.get("schema") or {}), "description": p.get("description") or "",
                       "default": (p.get("schema") or {}).get("default")}
                      for p in op.get("parameters") or ()]
            out.append({"method": method.upper(), "path": path, "summary": op.get("summary") or "",
                        "description": op.get("description") or "", "params": params,
                        "href": path if method == "get" and "{" not in path else None})
    return out


def _schema_type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_schema_type(s) for s in schema["anyOf"])
    if schema.get("type") == "array":
        return f"array of {_schema_type(schema.get('items') or {})}"
    return str(schema.get("type") or "any")

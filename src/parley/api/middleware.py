"""Three small ASGI wrappers around the whole app, outside every route, handler and mount:

    SecurityHeaders   CSP, nosniff, no-referrer, no framing, COOP, Permissions-Policy on every response
    AnswerHead        HEAD is answered wherever GET is: run as GET, send the headers, drop the body
    HostCheck         a request whose Host is not allowed gets 400 in the one error shape
"""

from __future__ import annotations

from collections.abc import Mapping

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parley.api.errors import respond
from parley.api.hosts import HostPolicy

__all__ = ["CSP", "SECURITY_HEADERS", "SecurityHeaders", "AnswerHead", "HostCheck"]

# Pages load their script and stylesheet from /static and nothing else; no inline script, style or handler.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS: Mapping[str, str] = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}


class SecurityHeaders:
    """Adds ``SECURITY_HEADERS`` to every HTTP response; a route that sets its own CSP (the dossier) keeps it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._encoded = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in self._encoded if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class AnswerHead:
    """HEAD runs the GET handler (so status, Content-Type and Content-Length are GET's) and sends no body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "HEAD":
            await self.app(scope, receive, send)
            return
        done = False

        async def send_headers_only(message: Message) -> None:
            nonlocal done
            if message["type"] == "http.response.body":
                if done:
                    return
                done = True
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


class HostCheck:
    """Answers 400 to a request whose Host header ``policy`` does not allow (DNS rebinding, stray names)."""

    def __init__(self, app: ASGIApp, policy: HostPolicy) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        hosts = [v.decode("latin-1") for k, v in scope.get("headers", ()) if k == b"host"]
        if len(hosts) == 1 and self.policy.allows(hosts[0]):
            await self.app(scope, receive, send)
            return
        shown = hosts[0][:100] if hosts else ""
        message = (f"Host {shown!r} is not served here; start serve with --allow-host NAME to accept it"
                   if len(hosts) == 1 else "the request needs exactly one Host header")
        await respond(Request(scope, receive), 400, message, "bad_host")(scope, receive, send)

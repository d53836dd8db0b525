"""Which Host headers the app answers: the address ``serve`` was asked to bind, plus names allowed by flag.

A page on any web site can make a browser send requests to 127.0.0.1 once its own name resolves there (DNS
rebinding); such requests carry the attacker's name in Host, so answering only known names closes that door.
"""

from __future__ import annotations

import socket
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["HostPolicy", "LOOPBACK_NAMES", "host_policy", "split_host"]

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
_WILDCARDS = frozenset({"0.0.0.0", "::", ""})


def split_host(value: str) -> tuple[str, int | None] | None:
    """``name[:port]`` or ``[v6][:port]`` as (lower-case name without brackets or final dot, port); None if
    it cannot be a Host header."""
    value = value.strip().lower()
    if not value or any(c.isspace() or c in "/\\@?#" for c in value):
        return None
    if value.startswith("["):
        end = value.find("]")
        if end < 0:
            return None
        name, rest = value[1:end], value[end + 1:]
        if rest and not rest.startswith(":"):
            return None
        port_text = rest[1:] if rest else None
    elif value.count(":") == 1:
        name, port_text = value.split(":")
    else:  # a plain name, or a bare IPv6 address as given to --host or --allow-host
        name, port_text = value, None
    if port_text is not None:
        if not port_text.isascii() or not port_text.isdigit() or not 0 < int(port_text) < 65536:
            return None
        port: int | None = int(port_text)
    else:
        port = None
    name = name.rstrip(".")
    return (name, port) if name else None


@dataclass(frozen=True)
class HostPolicy:
    """Hosts the app answers to, as (name, port) pairs. A pair with port None matches that name with no port
    or with the port served (``port``); a pair with a port matches exactly that. ``any_host`` turns the check
    off (``--allow-host '*'``)."""

    allowed: frozenset[tuple[str, int | None]]
    port: int | None = None
    any_host: bool = False

    def allows(self, header: str | None) -> bool:
        if self.any_host:
            return True
        parsed = split_host(header or "")
        if parsed is None:
            return False
        name, port = parsed
        if (name, port) in self.allowed:
            return True
        return (name, None) in self.allowed and (port is None or self.port is None or port == self.port)

    @classmethod
    def from_names(cls, entries: Iterable[str], port: int | None = None) -> HostPolicy:
        """Exactly these ``name`` / ``name:port`` entries (``*`` allows any Host). Raises ValueError for an
        entry that cannot be a host."""
        allowed: set[tuple[str, int | None]] = set()
        for entry in (e.strip() for e in entries):
            if entry == "*":
                return cls(frozenset(), port, any_host=True)
            parsed = split_host(entry)
            if parsed is None:
                raise ValueError(f"{entry!r} is not a host name (use NAME or NAME:PORT)")
            allowed.add(parsed)
        return cls(frozenset(allowed), port)


def host_policy(bind_host: str, port: int | None = None, allow: Iterable[str] = ()) -> HostPolicy:
    """The policy for a server bound to ``bind_host``: every loopback name when it is loopback (or a
    wildcard address, which includes loopback, plus this machine's names), the bound name otherwise; then
    each ``allow`` entry, ``name`` or ``name:port`` (``*`` allows any Host). Raises ValueError for an entry
    that cannot be a host."""
    bound = split_host(bind_host)
    bound_name = bound[0] if bound else bind_host.strip().lower()
    names: set[str] = set()
    if bound_name in LOOPBACK_NAMES or bound_name.startswith("127.") or bound_name in _WILDCARDS:
        names |= LOOPBACK_NAMES
    if bound_name in _WILDCARDS:
        names |= {n.lower() for n in (socket.gethostname(), socket.getfqdn()) if n}
    else:
        names.add(bound_name)
    return HostPolicy.from_names([*sorted(names), *(a for a in allow if a and a.strip())], port)

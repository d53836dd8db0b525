"""A store another process holds: DuckDB's lock error turned into one line saying who holds it and what to do.

DuckDB lets one process write a file, or several processes read it (read-only connections), never both.
Its message names the holder's executable and PID; /proc/PID/cmdline tells which parley command that is.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

__all__ = ["is_lock_error", "busy_message", "command_name"]

_HOLDER = re.compile(r"lock is held in (?P<exe>.*?) \(PID (?P<pid>[0-9]+)\)")
_HOLDER_READS = "read-only mode"  # DuckDB adds "you would be able to open this database in read-only mode"
_PARLEY_ENTRY = ("parley.cli.main", "parley/cli/main.py")


def is_lock_error(text: str) -> bool:
    return "Could not set lock" in text or "Conflicting lock" in text


def busy_message(path: Path, text: str) -> str:
    """One line for DuckDB's lock error ``text`` about the store at ``path``."""
    m = _HOLDER.search(text)
    who = _holder(int(m["pid"]), m["exe"]) if m else "another process"
    if _HOLDER_READS in text:
        return (f"{path} is busy: {who} has it open for reading and this command writes, which needs the store "
                "to itself; stop it or wait for it to finish, then run this again (reading commands can run "
                "beside it)")
    return (f"{path} is busy: {who} is writing to it; wait for it to finish or stop it, then run this again "
            "(reading commands can run beside `parley serve`, not beside a command that writes)")


def _holder(pid: int, exe: str) -> str:
    argv = _cmdline(pid)
    name = command_name(argv) if argv else None
    return f"{name or 'another program (' + os.path.basename(exe) + ')'} (PID {pid})"


def _cmdline(pid: int) -> list[str]:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    return [arg.decode("utf-8", "replace") for arg in raw.split(b"\0") if arg]


def command_name(argv: list[str]) -> str | None:
    """'parley serve' for the argv of a parley command (console script or ``-m parley.cli.main``), else None."""
    for i, arg in enumerate(argv):
        if os.path.basename(arg) == "parley" or arg.endswith(_PARLEY_ENTRY):
            following = argv[i + 1] if i + 1 < len(argv) else ""
            if re.fullmatch(r"[a-z][a-z-]*", following):
                return f"parley {following}"
            return "parley"
    return None

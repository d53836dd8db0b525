"""A running `parley serve` answers `parley search` and `parley ask` for the store it serves.

A command in a new process pays for importing torch and loading MiniLM before its first hybrid query (about 15 s
on a 100,000-article store); a server has them loaded. `parley serve` announces itself in a file of this user's
own folder (``$TMPDIR/parley-<uid>/``, mode 0700), named after the store's real path; a search or ask for that
store sends its query there over HTTP and prints the server's answer exactly as it would print its own. The
command answers by itself (``--local``, or whenever anything about the server is off: the file missing or not
this user's, the process gone, the store file replaced since, the connection refused, a timeout, a status other
than 200 or a body that is not the expected JSON): asking the server is a shortcut, never a different result.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import stat
import tempfile
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Served", "announce", "find", "get_json"]

_WILDCARDS = {"", "0.0.0.0", "::"}
CONNECT_TIMEOUT = 1.0  # seconds to reach a server on this machine
ANSWER_TIMEOUT = 60.0  # its first hybrid query may still be loading the model


@dataclass(frozen=True)
class Served:
    """What a serving process wrote about itself."""

    db: str  # the store's real path
    host: str  # the address to connect to (loopback for a wildcard bind)
    port: int
    pid: int
    device: int  # st_dev and st_ino of the store file when serving began
    inode: int

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"


def _folder(create: bool) -> Path | None:
    """This user's announcement folder, or None when it is missing or anyone else could write into it."""
    path = Path(tempfile.gettempdir()) / f"parley-{os.getuid()}"
    if create:
        try:
            path.mkdir(mode=0o700, exist_ok=True)
        except OSError:
            return None
    try:
        info = path.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None
    return path


def _entry(db: str | Path, folder: Path) -> Path:
    real = os.path.realpath(db)
    return folder / (hashlib.sha256(real.encode("utf-8", "surrogatepass")).hexdigest()[:24] + ".json")


@contextmanager
def announce(db: str | Path, host: str, port: int) -> Iterator[None]:
    """While the block runs, let commands for ``db`` find this server; the file goes when the block ends.
    A folder that cannot be made safe leaves the server unannounced (the commands answer by themselves)."""
    folder = _folder(create=True)
    path = None
    if folder is not None:
        try:
            info = os.stat(db)
            served = Served(db=os.path.realpath(db), host="127.0.0.1" if host in _WILDCARDS else host,
                            port=port, pid=os.getpid(), device=info.st_dev, inode=info.st_ino)
            path = _entry(db, folder)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(served.__dict__), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            path = None
    try:
        yield
    finally:
        if path is not None:
            try:
                current = _read(path)
                if current is not None and current.pid == os.getpid():  # not a later server's file
                    path.unlink()
            except OSError:
                pass


def _read(path: Path) -> Served | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Served(db=str(data["db"]), host=str(data["host"]), port=int(data["port"]), pid=int(data["pid"]),
                      device=int(data["device"]), inode=int(data["inode"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process has this number now
        return False
    return True


def find(db: str | Path) -> Served | None:
    """The server announced for ``db`` when its process runs and the store file is still the one it opened."""
    folder = _folder(create=False)
    if folder is None:
        return None
    path = _entry(db, folder)
    served = _read(path)
    if served is None or served.db != os.path.realpath(db) or served.pid == os.getpid():
        return None
    if not _alive(served.pid):  # killed (uvicorn ends on SIGTERM by raising it again, past any clean-up)
        try:
            path.unlink()
        except OSError:
            pass
        return None
    try:
        info = os.stat(db)
    except OSError:
        return None
    if (info.st_dev, info.st_ino) != (served.device, served.inode):
        return None
    return served


def get_json(served: Served, path: str, params: dict[str, Any]) -> Any | None:
    """GET ``path`` with ``params`` (None values left out) from the server; its JSON, or None on any failure."""
    query = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
    conn = http.client.HTTPConnection(served.host, served.port, timeout=CONNECT_TIMEOUT)
    try:
        conn.connect()
        conn.sock.settimeout(ANSWER_TIMEOUT)  # connected: now the server may take its time to answer
        conn.request("GET", f"{path}?{query}", headers={"Accept": "application/json"})
        response = conn.getresponse()
        if response.status != 200:
            return None
        return json.loads(response.read().decode("utf-8"))
    except (OSError, ValueError, http.client.HTTPException):
        return None
    finally:
        conn.close()

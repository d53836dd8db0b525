"""`parley search` and `parley ask` answered by a running `parley serve` of the same store: the same output as the
command's own, and the command's own answer whenever anything about the server is off."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import urllib.error
import time
from pathlib import Path

import pytest

from parley.cli import _served
from _servers import free_port


@pytest.fixture()
def tmpdir_env(tmp_path, monkeypatch) -> dict[str, str]:
    """A TMPDIR of the test's own, so that no server of the user's (or another test's) is found."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # gettempdir() reads TMPDIR again
    return {**os.environ, "TMPDIR": str(tmp), "PARLEY_SEARCH_SEMANTIC": "0"}


def _parley(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "parley.cli.main", *args], env=env, capture_output=True, text=True,
                          timeout=300)


def _wait_announced(db: Path, proc: subprocess.Popen) -> _served.Served:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else "serve exited"
        served = _served.find(db)
        if served is not None and _served.get_json(served, "/api/stats", {}) is not None:
            return served
        time.sleep(0.2)
    raise AssertionError("parley serve did not announce itself")


def test_served_answers_equal_the_commands_own(seeds_db, tmp_path, tmpdir_env):
    db = tmp_path / "store.duckdb"
    shutil.copy(seeds_db, db)
    if Path(f"{seeds_db}.index").exists():
        shutil.copytree(f"{seeds_db}.index", f"{db}.index")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "parley.cli.main", "serve", "--db", str(db), "--port", str(port)],
                            env=tmpdir_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        served = _wait_announced(db, proc)
        assert served.port == port and served.pid == proc.pid
        for args in (["search", "gas pipeline", "-n", "5"], ["search", "talks", "--since", "2017"],
                     ["ask", "Where did the ministers meet?"], ["ask", "What did the president say?"]):
            by_server = _parley(tmpdir_env, *args, "--db", str(db), "--json")
            by_itself = _parley(tmpdir_env, *args, "--db", str(db), "--json", "--local")
            assert by_server.returncode == by_itself.returncode == 0, by_server.stderr + by_itself.stderr
            assert json.loads(by_server.stdout) == json.loads(by_itself.stdout)
            assert by_server.stdout == by_itself.stdout
        shown = _parley(tmpdir_env, "search", "gas pipeline", "--db", str(db))
        assert f"answered by parley serve at http://127.0.0.1:{port}" in shown.stderr
        assert shown.stdout == _parley(tmpdir_env, "search", "gas pipeline", "--db", str(db), "--local").stdout
        # a filter the server refuses is answered by the command itself, with its own message and exit code
        bad = _parley(tmpdir_env, "search", "talks", "--since", "last week", "--db", str(db))
        assert bad.returncode == 2 and "since" in bad.stderr and "answered by" not in bad.stderr
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
    assert _served.find(db) is None
    assert not any((Path(tmpdir_env["TMPDIR"]) / f"parley-{os.getuid()}").iterdir()), "announcement left behind"


def _announce_fake(db: Path, pid: int, port: int = 9) -> Path:
    folder = _served._folder(create=True)
    assert folder is not None
    info = db.stat()
    path = _served._entry(db, folder)
    path.write_text(json.dumps({"db": os.path.realpath(db), "host": "127.0.0.1", "port": port, "pid": pid,
                                "device": info.st_dev, "inode": info.st_ino}), encoding="utf-8")
    return path


def test_a_stale_or_unsafe_announcement_is_ignored(tmp_path, tmpdir_env):
    db = tmp_path / "a.duckdb"
    db.write_bytes(b"not really a store")
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        path = _announce_fake(db, sleeper.pid)
        assert _served.find(db) is not None  # a live process, the same file
        other = tmp_path / "b.duckdb"
        other.write_bytes(b"another store")
        assert _served.find(other) is None  # announced for another store only
        fresh = tmp_path / "fresh.duckdb"
        fresh.write_bytes(b"a new file moved to the same path")
        os.replace(fresh, db)
        assert _served.find(db) is None  # the store file was replaced since the server opened it
        path = _announce_fake(db, sleeper.pid)
        folder = path.parent
        folder.chmod(0o777)
        try:
            assert _served.find(db) is None  # anyone could have written that file
        finally:
            folder.chmod(0o700)
        assert _served.find(db) is not None
        path.write_text("{not json", encoding="utf-8")
        assert _served.find(db) is None
    finally:
        sleeper.kill()
        sleeper.wait()
    _announce_fake(db, sleeper.pid)
    assert _served.find(db) is None  # the process is gone


def test_a_server_that_fails_gives_no_answer(tmp_path, tmpdir_env):
    """A status other than 200, a body that is not JSON or a closed port: the command answers by itself."""
    replies = iter([(500, b'{"items": []}'), (200, b"<html>not json</html>")])

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            status, body = next(replies)
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        fake = _served.Served(db="x", host="127.0.0.1", port=server.server_address[1], pid=0, device=0, inode=0)
        assert _served.get_json(fake, "/api/search", {"q": "a"}) is None
        assert _served.get_json(fake, "/api/search", {"q": "a"}) is None
    finally:
        server.shutdown()
    closed = _served.Served(db="x", host="127.0.0.1", port=free_port(), pid=0, device=0, inode=0)
    assert _served.get_json(closed, "/api/search", {"q": "a"}) is None


def test_serve_with_workers_answers_checks_hosts_and_stops(seeds_db, tmp_path, tmpdir_env):
    """`parley serve --workers 2`: two processes answer on one port with the same Host check, the command line is
    answered through them, and SIGTERM stops every worker and removes the announcement."""
    import urllib.request

    db = tmp_path / "store.duckdb"
    shutil.copy(seeds_db, db)
    if Path(f"{seeds_db}.index").exists():
        shutil.copytree(f"{seeds_db}.index", f"{db}.index")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "parley.cli.main", "serve", "--db", str(db), "--port", str(port),
                             "--workers", "2"], env=tmpdir_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    try:
        served = _wait_announced(db, proc)
        workers = [int(c) for t in Path(f"/proc/{proc.pid}/task").iterdir()
                   for c in (t / "children").read_text().split()]
        assert len(workers) >= 2
        got = _served.get_json(served, "/api/search", {"q": "gas pipeline", "limit": 3})
        local = _parley(tmpdir_env, "search", "gas pipeline", "-n", "3", "--db", str(db), "--json", "--local")
        assert [h["text"] for h in got["items"]] == [h["text"] for h in json.loads(local.stdout)]
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/stats", headers={"Host": "elsewhere.example"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert refused.value.code == 400
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    assert _served.find(db) is None
    deadline = time.monotonic() + 30
    while any(Path(f"/proc/{w}").exists() for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(Path(f"/proc/{w}").exists() for w in workers), "a worker outlived serve"

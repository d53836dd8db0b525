"""Cold `parley search` and `parley ask` from the command line: every query in a new process, as a user types it.

    python bench/bench_cli_search.py --db STORE [--n 5] [--mode bm25 hybrid served] [--ask]

Per mode (``bm25``: PARLEY_SEARCH_SEMANTIC=0; ``hybrid``: the index's vectors and MiniLM for the query, both with
``--local``; ``served``: hybrid, answered by a `parley serve` of the store that this bench starts first and warms
with one uncounted query, as a user who keeps the web app running would meet it), the wall
seconds and CPU seconds (user + system of the child) of each command, median and worst, and the load average.
A process start means importing parley and loading the index; the files themselves are in the page cache after
the first (uncounted) run, as on a machine that searched its store before. Python compiles parley's modules on
every start when it may not write a bytecode cache (PYTHONDONTWRITEBYTECODE, set in this project's sandbox);
an installed parley has one, so the children run with a cache of their own (``--pycache``), or with none when
``--no-pycache`` (both are printed).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_search  # noqa: E402


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=900)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {proc.stderr.strip()}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


@contextmanager
def _serving(parley: str, db: Path, env: dict[str, str]) -> Iterator[None]:
    """`parley serve` of ``db`` on a free port, until it has announced itself and answers."""
    from parley.cli import _served

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([parley, "serve", "--db", str(db), "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 600
        while (served := _served.find(db)) is None or _served.get_json(served, "/api/stats", {}) is None:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("parley serve did not start")
            time.sleep(0.5)
        yield
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--n", type=int, default=5, help="commands per mode")
    ap.add_argument("--mode", nargs="+", choices=["bm25", "hybrid", "served"], default=["bm25", "hybrid", "served"])
    ap.add_argument("--ask", action="store_true", help="time `parley ask` too")
    ap.add_argument("--pycache", type=Path, default=Path(tempfile.gettempdir()) / "parley-bench-pycache")
    ap.add_argument("--no-pycache", action="store_true")
    args = ap.parse_args()
    parley = str(Path(sys.executable).with_name("parley"))
    searches, questions = bench_search.generated_queries(random.Random(23))
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if args.no_pycache:
        base["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        base["PYTHONPYCACHEPREFIX"] = str(args.pycache)
    print(f"cold CLI on {args.db} ({'no bytecode cache' if args.no_pycache else 'bytecode cache'}); "
          f"load average {os.getloadavg()[0]:.1f}")
    print("| command | mode | median wall s | worst wall s | median CPU s | load average |")
    print("|---|---|---|---|---|---|")
    commands = [("search", searches)] + ([("ask", questions)] if args.ask else [])
    for command, texts in commands:
        for mode in args.mode:
            env = {**base, "PARLEY_SEARCH_SEMANTIC": "0" if mode == "bm25" else "1"}
            where = [] if mode == "served" else ["--local"]
            with _serving(parley, args.db, env) if mode == "served" else _nothing():
                _run([parley, command, texts[0], "--db", str(args.db), "--json", *where], env)  # uncounted
                walls, cpus = [], []
                for text in texts[1:args.n + 1]:
                    wall, cpu = _run([parley, command, text, "--db", str(args.db), "--json", *where], env)
                    walls.append(wall)
                    cpus.append(cpu)
            print(f"| parley {command} | {mode} | {statistics.median(walls):.2f} | {max(walls):.2f} | "
                  f"{statistics.median(cpus):.2f} | {os.getloadavg()[0]:.1f} |", flush=True)


@contextmanager
def _nothing() -> Iterator[None]:
    yield


if __name__ == "__main__":
    main()

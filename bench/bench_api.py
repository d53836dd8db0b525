"""Latency of the JSON API's /api/search and /api/ask under concurrent requests, on a store of any size.

A real `uvicorn` server (the one `parley serve` runs) is started in a process of its own on a free port; each level of
concurrency sends the same generated queries from that many client threads at once, after one warm-up pass
(index and model loading are reported separately). Figures: median and 95th percentile per request, and requests
answered per second, with the slowest request; beside them the server's CPU milliseconds per request (user + system
time of its process over the level, divided by the requests: what the machine's load does not change), the bench
client's own CPU milliseconds per request (its threads share the machine's cores with the server) and the
highest 1-minute load average seen during the level.

    python bench/bench_api.py --db STORE [--concurrency 1 4 8] [--repeat 2]
    python bench/bench_api.py --n 10000                 # a generated store (bench/make_corpus.py), built once
    python bench/bench_api.py --n 100000                # the full size of issue 16 (~10 min to build the store)
    python bench/bench_api.py --db parley.duckdb --semantic --queries seeds --concurrency 1 20

Every request of a run asks a query no earlier request asked (queries are composed from templates), so the
server's query-embedding cache never answers: the figures are those of new queries. ``--queries seeds`` composes
them from the sample corpus's names and topics (for the sample store), ``generated`` from bench/make_corpus.py's.

The generated store is indexed BM25-only (PARLEY_SEARCH_SEMANTIC=0) unless --semantic, as in bench_search.py.
Embedding its million sentences with MiniLM takes hours on two cores, so ``--stand-in-vectors`` gives every segment
without vectors deterministic random unit vectors instead (written into the index beside --db: use a copy), and the
server runs the hybrid path on them: the query is embedded by the real MiniLM and compared with the stand-ins, so
the figures are the cost of hybrid retrieval, not its quality. The output says so on its first line.

    python bench/bench_api.py --db /tmp/copy/store-100000.duckdb --semantic --stand-in-vectors --concurrency 1 20
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_search  # noqa: E402
import make_corpus  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_SERVER = """
import sys, uvicorn
from parley.api.app import create_app
uvicorn.run(create_app(sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def _serve(db: Path, workers: int = 1) -> tuple[subprocess.Popen, str]:
    """The server in a process of its own, as ``parley serve`` runs: the client threads of this process do not
    compete with it for one interpreter lock. ``workers`` > 1 runs `parley serve --workers N` itself."""
    port = _free_port()
    if workers > 1:
        parley = str(Path(sys.executable).with_name("parley"))
        proc = subprocess.Popen([parley, "serve", "--db", str(db), "--port", str(port), "--workers", str(workers)],
                                stderr=subprocess.DEVNULL)
    else:
        proc = subprocess.Popen([sys.executable, "-c", _SERVER, str(db), str(port)])
    while True:  # listening: a request now would only wait for the index and the model to load
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped (exit status {proc.returncode})")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.2)


SEED_PEOPLE = ["Putin", "Aliyev", "Markov", "Macron", "Erdogan", "Pashinyan", "Lavrov", "Bayramov"]
SEED_PLACES = ["Baku", "Sochi", "Moscow", "Paris", "Yerevan", "Karabakh", "Tehran", "Ankara"]
SEED_TOPICS = ["trade turnover", "North-South Transport Corridor", "peacekeepers", "Eurasian Economic Union",
               "sanctions", "gas supplies", "military-technical cooperation", "humanitarian aid", "transit routes",
               "energy projects"]
SEED_SEARCH_FORMS = ["{topic}", "{topic} {place}", "{person} {topic}", "{person} visit to {place}",
                     "talks in {place} on {topic}", "{person} and {other} on {topic}"]
SEED_ASK_FORMS = ["What was the purpose of {person}'s visit to {place}?",
                  "When did {person} and {other} meet in {place}?",
                  "What did {person} say about {topic}?", "Where did {person} and {other} meet?",
                  "How large is the trade turnover between Russia and {country}?",
                  "What was on the agenda of the talks in {place} on {topic}?", "When did {person} visit {place}?",
                  "Who said {topic} would be discussed in {place}?"]


def seed_queries(rng: random.Random, n: int) -> tuple[list[str], list[str]]:
    """``n`` distinct searches and ``n`` distinct questions over the sample corpus's names and topics."""
    def fill(forms: list[str]) -> str:
        person, other = rng.sample(SEED_PEOPLE, 2)
        return rng.choice(forms).format(person=person, other=other, place=rng.choice(SEED_PLACES),
                                        topic=rng.choice(SEED_TOPICS), country=rng.choice(["Azerbaijan", "Armenia",
                                                                                           "Iran", "Turkey"]))
    out = []
    for forms in (SEED_SEARCH_FORMS, SEED_ASK_FORMS):
        seen: dict[str, None] = {}
        while len(seen) < n:
            seen[fill(forms)] = None
        out.append(list(seen))
    return out[0], out[1]


def stand_in_vectors(index_dir: Path, seed: int = 16) -> int:
    """Give each segment without vectors.npy seeded random unit vectors, one per sentence; returns how many."""
    import numpy as np

    from parley.search import embed
    from parley.search.index import read_manifest

    written = 0
    for n, name in enumerate(read_manifest(index_dir)["segments"]):
        seg = index_dir / name
        if (seg / "vectors.npy").exists():
            continue
        units = len(np.load(seg / "units.npz")["art"])
        rng = np.random.default_rng(seed + n)
        tmp = seg / "vectors.npy.tmp"
        out = np.lib.format.open_memmap(tmp, mode="w+", dtype=np.float32, shape=(units, embed.DIM))
        for start in range(0, units, 100_000):
            block = rng.standard_normal((min(100_000, units - start), embed.DIM), dtype=np.float32)
            out[start:start + len(block)] = block / np.linalg.norm(block, axis=1, keepdims=True)
        out.flush()
        del out
        os.replace(tmp, seg / "vectors.npy")
        written += units
    return written


def _cpu_s(pid: int) -> float:
    """CPU seconds (user + system) the process has used so far: what a request costs the server, whatever the
    machine's load (wall-clock latencies on a shared machine follow the load average)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own + sum(_cpu_s(child) for child in _children(pid))  # worker processes of `serve --workers`


def _children(pid: int) -> list[int]:
    try:
        tasks = Path(f"/proc/{pid}/task").iterdir()
        return [int(c) for t in tasks for c in (t / "children").read_text().split()]
    except OSError:
        return []


def _level(client, url: str, items: list[str], workers: int, server_pid: int | None = None) -> dict:
    def one(q: str) -> float:
        t = time.perf_counter()
        r = client.get(url, params={"q": q})
        r.raise_for_status()
        return (time.perf_counter() - t) * 1000

    cpu = _cpu_s(server_pid) if server_pid and Path(f"/proc/{server_pid}/stat").exists() else None
    client_cpu = _cpu_s(os.getpid())
    load = os.getloadavg()[0]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        times = list(pool.map(one, items))
    wall = time.perf_counter() - started
    cpu_ms = None if cpu is None else round((_cpu_s(server_pid) - cpu) * 1000 / len(items), 1)
    client_ms = round((_cpu_s(os.getpid()) - client_cpu) * 1000 / len(items), 1)
    return {"median_ms": round(statistics.median(times), 1), "p95_ms": round(bench_search._pct(times, 95), 1),
            "max_ms": round(max(times), 1), "per_s": round(len(items) / wall, 1), "requests": len(items),
            "server_cpu_ms": cpu_ms, "client_cpu_ms": client_ms, "load": round(max(load, os.getloadavg()[0]), 1)}


def _generated(n: int) -> tuple[list[str], list[str]]:
    """``n`` distinct searches and questions from bench_search's generator (its names are invented)."""
    rng = random.Random(11)
    searches: dict[str, None] = {}
    questions: dict[str, None] = {}
    while len(searches) < n or len(questions) < n:
        s, q = bench_search.generated_queries(rng)
        searches.update(dict.fromkeys(s))
        questions.update(dict.fromkeys(q))
    return list(searches)[:n], list(questions)[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="a store to serve (default: a generated one of --n articles)")
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--semantic", action="store_true")
    ap.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 8])
    ap.add_argument("--repeat", type=int, default=2, help="requests per level: 20 x this")
    ap.add_argument("--queries", choices=["generated", "seeds"], default="generated")
    ap.add_argument("--workers", type=int, default=1, help="server processes (`parley serve --workers N`)")
    ap.add_argument("--stand-in-vectors", action="store_true",
                    help="random unit vectors for segments that have none (hybrid cost, not quality); needs --semantic")
    args = ap.parse_args()
    if args.stand_in_vectors and not args.semantic:
        ap.error("--stand-in-vectors measures the hybrid path: give --semantic too")
    if not args.semantic:
        os.environ["PARLEY_SEARCH_SEMANTIC"] = "0"
    import httpx

    from parley.search import update_index
    from parley.store import Store

    db = args.db or Path(tempfile.gettempdir()) / f"parley-bench-{args.n}.duckdb"
    if not db.exists():
        print(f"building {args.n} articles into {db} ...", file=sys.stderr)
        make_corpus.build(db, args.n, Path(__file__).resolve().parents[1] / "examples" / "seeds")
    if args.stand_in_vectors:  # stand-ins replace MiniLM's vectors: embedding every sentence first takes hours
        os.environ["PARLEY_SEARCH_SEMANTIC"] = "0"
    with Store(db) as store:
        update_index(store)
        articles = store.count()
        index_dir = Path(store.index_dir)
    stand_ins = stand_in_vectors(index_dir) if args.stand_in_vectors else 0
    if args.stand_in_vectors:
        os.environ.pop("PARLEY_SEARCH_SEMANTIC")  # the server runs the hybrid path on them
    if args.stand_in_vectors:
        print("STAND-IN VECTORS: hybrid retrieval over seeded random unit vectors, not MiniLM's (cost, not "
              f"quality); {stand_ins:,} written now, queries embedded by MiniLM", flush=True)
    per_level = 20 * args.repeat
    wanted = per_level * len(args.concurrency) + 1
    if args.queries == "seeds":
        searches, questions = seed_queries(random.Random(11), wanted)
    else:
        searches, questions = _generated(wanted)
    t = time.perf_counter()
    server, base = _serve(db, args.workers)
    with httpx.Client(timeout=900, limits=httpx.Limits(max_connections=64)) as client:
        client.get(f"{base}/api/search", params={"q": searches[0]}).raise_for_status()
        client.get(f"{base}/api/ask", params={"q": questions[0]}).raise_for_status()
        first = time.perf_counter() - t
        if args.workers > 1:  # every worker loads its model on its first request: warm them all, uncounted
            warm = [f"{w} {i}" for w in ("warm", "up") for i in range(8 * args.workers)]
            _level(client, f"{base}/api/search", warm, 4 * args.workers)
            _level(client, f"{base}/api/ask", warm, 4 * args.workers)
        print(f"{articles:,} articles; server start and first search + ask {first:.1f} s; every request a new "
              f"query ({args.queries})")
        print("| endpoint | concurrent clients | median ms | p95 ms | max ms | requests/s | server CPU ms/request "
              "| client CPU ms/request | load average |")
        print("|---|---|---|---|---|---|---|---|---|")
        for endpoint, queries in (("search", searches[1:]), ("ask", questions[1:])):
            for n, workers in enumerate(args.concurrency):
                r = _level(client, f"{base}/api/{endpoint}", queries[n * per_level:(n + 1) * per_level], workers,
                           server.pid)
                print(f"| /api/{endpoint} | {workers} | {r['median_ms']} | {r['p95_ms']} | {r['max_ms']} | "
                      f"{r['per_s']} | {r['server_cpu_ms']} | {r['client_cpu_ms']} | {r['load']} |", flush=True)
    server.terminate()
    server.wait(timeout=30)


if __name__ == "__main__":
    main()

"""Latency of the JSON API's /api/search and /api/ask under concurrent requests, on a store of any size.

A real `uvicorn` server (the one `parley serve` runs) is started in this process on a free port; each level of
concurrency sends the same generated queries from that many client threads at once, after one warm-up pass
(index and model loading are reported separately). Figures: median and 95th percentile per request, and requests
answered per second, with the slowest request.

    python bench/bench_api.py --db STORE [--concurrency 1 4 8] [--repeat 2]
    python bench/bench_api.py --n 10000                 # a generated store (bench/make_corpus.py), built once
    python bench/bench_api.py --n 100000                # the full size of issue 16 (~10 min to build the store)

The generated store is indexed BM25-only (PARLEY_SEARCH_SEMANTIC=0) unless --semantic, as in bench_search.py.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import sys
import tempfile
import threading
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


def _serve(db: Path) -> tuple[object, str]:
    import uvicorn

    from parley.api.app import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def _level(client, url: str, queries: list[str], workers: int, repeat: int) -> dict:
    def one(q: str) -> float:
        t = time.perf_counter()
        r = client.get(url, params={"q": q})
        r.raise_for_status()
        return (time.perf_counter() - t) * 1000

    items = queries * repeat
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        times = list(pool.map(one, items))
    wall = time.perf_counter() - started
    return {"median_ms": round(statistics.median(times), 1), "p95_ms": round(bench_search._pct(times, 95), 1),
            "max_ms": round(max(times), 1), "per_s": round(len(items) / wall, 1), "requests": len(items)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="a store to serve (default: a generated one of --n articles)")
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--semantic", action="store_true")
    ap.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 8])
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    if not args.semantic:
        os.environ["PARLEY_SEARCH_SEMANTIC"] = "0"
    import httpx

    from parley.search import update_index
    from parley.store import Store

    db = args.db or Path(tempfile.gettempdir()) / f"parley-bench-{args.n}.duckdb"
    if not db.exists():
        print(f"building {args.n} articles into {db} ...", file=sys.stderr)
        make_corpus.build(db, args.n, Path(__file__).resolve().parents[1] / "examples" / "seeds")
    with Store(db) as store:
        update_index(store)
        articles = store.count()
    searches, questions = bench_search.generated_queries(random.Random(11))
    searches, questions = searches[:20], questions[:20]
    t = time.perf_counter()
    server, base = _serve(db)
    with httpx.Client(timeout=120, limits=httpx.Limits(max_connections=64)) as client:
        client.get(f"{base}/api/search", params={"q": searches[0]}).raise_for_status()
        client.get(f"{base}/api/ask", params={"q": questions[0]}).raise_for_status()
        first = time.perf_counter() - t
        print(f"{articles:,} articles; server start and first search + ask {first:.1f} s")
        print("| endpoint | concurrent clients | median ms | p95 ms | max ms | requests/s |")
        print("|---|---|---|---|---|---|")
        for endpoint, queries in (("search", searches), ("ask", questions)):
            for workers in args.concurrency:
                r = _level(client, f"{base}/api/{endpoint}", queries, workers, args.repeat)
                print(f"| /api/{endpoint} | {workers} | {r['median_ms']} | {r['p95_ms']} | {r['max_ms']} | "
                      f"{r['per_s']} |",
                      flush=True)
    server.should_exit = True


if __name__ == "__main__":
    main()

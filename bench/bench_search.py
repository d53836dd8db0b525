"""Latency of parley search and ask: on a large generated store and on the five sample articles.

    python bench/bench_search.py [--n 100000] [--db FILE] [--semantic] [--repeat 3] [--json]

The large store is generated once by bench/make_corpus.py (reused when --db exists) and indexed BM25-only by
default: embedding a million sentences with MiniLM on two CPU cores takes hours. ``--semantic`` embeds them anyway.
The sample store is built by the real pipeline and indexed hybrid (BM25 + MiniLM), so both modes are measured.
Figures: median and 95th percentile over all queries x repeats, after one warm-up pass (index and model loading
are reported separately).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def _time_all(fn, items: list, repeat: int) -> dict:
    for item in items:  # warm-up: loads the index, the model, the lookup tables
        fn(item)
    from parley import search as search_module
    from parley.search import embed

    times = []
    for _ in range(repeat):
        for item in items:
            search_module._texts.clear()  # article texts are fetched from the store every time, not cached
            embed.clear_query_cache()  # and every query is embedded again, as a new one would be
            t = time.perf_counter()
            fn(item)
            times.append((time.perf_counter() - t) * 1000)
    return {"median_ms": round(statistics.median(times), 1), "p95_ms": round(_pct(times, 95), 1),
            "queries": len(times)}


def generated_queries(rng: random.Random) -> tuple[list[str], list[str]]:
    searches, questions = [], []
    for _ in range(20):
        topic = rng.choice(make_corpus.TOPICS)
        country, adj, city = rng.choice(make_corpus.COUNTRIES)
        p = f"{rng.choice(make_corpus.FIRST)} {rng.choice(make_corpus.LAST)}"
        searches += [f"{topic} {country}", f"talks in {city} on {topic}", f"{p} visit"]
        q = f"{rng.choice(make_corpus.FIRST)} {rng.choice(make_corpus.LAST)}"
        questions += [f"When did {p} and {q} meet?", f"What was on the agenda of {p}'s visit to {city}?",
                      f"What did {p} say about {topic}?", f"How large was bilateral trade between {country} and {adj} partners?",
                      f"Who said there is no alternative to dialogue on {topic}?", f"When did {p} visit Paris?"]
    return searches, questions


SEED_SEARCHES = ["North-South Transport Corridor", "trade turnover", "peacekeepers Karabakh", "Sochi meeting",
                 "Eurasian Economic Union", "sanctions against Azerbaijan", "military-technical cooperation"]
SEED_QUESTIONS = ["What was the purpose of Putin's visit to Baku?", "When did Putin and Aliyev meet in Sochi?",
                  "What did Sergei Markov say about Armenia?", "How large is the trade turnover between Russia and Azerbaijan?",
                  "Do sources disagree on whether Azerbaijan will join the EAEU?", "What did Macron say about Azerbaijan?",
                  "When did Putin visit Paris?", "Where did Aliyev and Putin meet on April 22?"]


def bench_store(db: Path, searches: list[str], questions: list[str], repeat: int) -> dict:
    from parley.search import ask, open_index, search
    from parley.store import Store

    out: dict = {}
    with Store(db) as store:
        t = time.perf_counter()
        from parley.search import update_index

        update_index(store)
        out["index_update_s"] = round(time.perf_counter() - t, 1)
        out["articles"] = store.count()
    with Store(db, read_only=True) as store:
        t = time.perf_counter()
        idx = open_index(store)
        out["index_load_s"] = round(time.perf_counter() - t, 2)
        out["sentences"] = int(sum(len(s.art) for s in idx.segments))
        from parley.search import embed

        vectors = sum(len(s.vectors) for s in idx.segments if s.vectors is not None)
        out["retrieval"] = f"hybrid ({vectors} sentences embedded)" if vectors and embed.available() else "bm25 only"
        out["search"] = _time_all(lambda q: search(store, q, limit=10), searches, repeat)
        out["ask"] = _time_all(lambda q: ask(store, q), questions, repeat)
        answered = [ask(store, q).answered for q in questions]
        out["ask_answered"] = f"{sum(answered)}/{len(answered)}"
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description="search/ask latency")
    ap.add_argument("--n", type=int, default=100_000, help="articles in the generated store")
    ap.add_argument("--db", type=Path, default=None, help="generated store (built when missing)")
    ap.add_argument("--semantic", action="store_true", help="embed the generated store's sentences too (slow)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-samples", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    results: dict = {"cpu_cores": os.cpu_count()}

    db = args.db or Path(tempfile.gettempdir()) / f"parley-bench-{args.n}.duckdb"
    if not db.exists():
        print(f"building {args.n} articles into {db} ...", file=sys.stderr)
        results["build_s"] = round(make_corpus.build(db, args.n, ROOT / "examples" / "seeds"), 1)
    semantic_env = os.environ.get("PARLEY_SEARCH_SEMANTIC")
    if not args.semantic:
        os.environ["PARLEY_SEARCH_SEMANTIC"] = "0"
    searches, questions = generated_queries(random.Random(11))
    results["large"] = bench_store(db, searches + SEED_SEARCHES, questions + SEED_QUESTIONS, args.repeat)
    if semantic_env is None:
        os.environ.pop("PARLEY_SEARCH_SEMANTIC", None)
    else:
        os.environ["PARLEY_SEARCH_SEMANTIC"] = semantic_env

    if not args.skip_samples:
        from parley import pipeline
        from parley.store import Store

        with tempfile.TemporaryDirectory() as tmp:
            sdb = Path(tmp) / "seeds.duckdb"
            with Store(sdb) as store:
                t = time.perf_counter()
                pipeline.ingest([ROOT / "examples" / "seeds"], store)
                results["samples_ingest_s"] = round(time.perf_counter() - t, 1)
            results["samples"] = bench_store(sdb, SEED_SEARCHES, SEED_QUESTIONS, args.repeat * 3)

    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name in ("large", "samples"):
        r = results.get(name)
        if not r:
            continue
        print(f"{name}: {r['articles']} articles, {r['sentences']} sentences, {r['retrieval']} retrieval, "
              f"index update {r['index_update_s']} s, load {r['index_load_s']} s")
        for what in ("search", "ask"):
            m = r[what]
            print(f"  {what:6s} median {m['median_ms']:7.1f} ms   p95 {m['p95_ms']:7.1f} ms   ({m['queries']} queries)")
        print(f"  ask answered {r['ask_answered']}")


if __name__ == "__main__":
    main()

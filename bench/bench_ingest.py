"""Cost of `parley ingest` of 20 new articles as the store grows, step by step, and its peak memory.

Each store size is generated once by bench/make_corpus.py (no spaCy; reused from --work), resolved and indexed
once so that it is in the state a real store is in between ingests, then copied. Up to --exact-up-to articles
(default 10,000) the generated records are resolved by one full recompute (pipeline.refresh); a larger store
holds the same generated corpus, its first --exact-up-to articles refreshed and the rest added --grow at a time
through the incremental resolve step (pipeline.resolve_new, which tests/test_incremental.py checks against the
full recompute), because a full recompute grows with the square of the store. Generated stores keep no MinHash
signatures (make_corpus writes none), so their duplicate lookups find nothing. The same 20 real articles
(the first 20 of ../shared/corpus/news-a, or the samples when that is missing) are ingested into each copy in
a child process of its own. Figures are CPU seconds of that process (the spaCy model is loaded before the clock
starts, the same for every size) split by pipeline stage, the ratio of the whole to the empty store, and the
child's peak resident memory.

    python bench/bench_ingest.py                            # stores of 0, 1,000 and 10,000 articles (~5 min)
    python bench/bench_ingest.py --sizes 0 1000 10000 100000  # the full size of issue 16 (the 100,000 store
                                                              # takes ~10 min to generate and index once)
    python bench/bench_ingest.py --memory 100 400           # peak memory of one ingest of N generated
                                                              # articles in one JSONL file (spaCy: minutes)

The search index is BM25-only (PARLEY_SEARCH_SEMANTIC=0) unless --semantic: embedding the generated stores'
sentences with MiniLM once takes hours on two cores, and the model's load would hide the growth.

A store prepared by an older parley is brought up to date once before it is copied (_up_to_date: schema
migrations, and the event keys recomputed when a migration marks them stale: about a minute at 100,000).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parents[1]
# pipeline progress stages that open a step: read+analyse+store, resolve (timeline), people, conflicts, write, index
STAGES = ("read", "resolve", "people", "conflicts", "write", "index")


def _articles(n: int = 20) -> list[Path]:
    shared = Path(os.environ.get("PARLEY_SHARED", ROOT.parent / "shared"))
    corpus = sorted((shared / "corpus" / "news-a").glob("*.txt"))
    return corpus[:n] if corpus else sorted((ROOT / "examples" / "seeds").glob("*.txt"))


def prepare(work: Path, n: int, exact: int = 10_000, grow: int = 5_000) -> Path:
    """A store of ``n`` generated articles, resolved and indexed (built once, then reused)."""
    import make_corpus

    from parley import pipeline
    from parley.store import Store

    db = work / f"store-{n}.duckdb"
    if (work / f"store-{n}.ready").exists():
        _up_to_date(db)
        return db
    for stale in (db, db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)
    shutil.rmtree(db.with_name(db.name + ".index"), ignore_errors=True)
    started = time.perf_counter()
    if n <= exact:
        if n:
            make_corpus.build(db, n, seeds=None)
            with Store(db) as store:
                pipeline.refresh(store)
        else:
            Store(db).close()
    else:
        _grow(db, n, exact, grow)
    (work / f"store-{n}.ready").write_text("")
    print(f"  prepared a store of {n} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return db


def _up_to_date(db: Path) -> None:
    """A store prepared by an older parley, migrated and its event keys recomputed once (what its next ingest
    would do, store.migrations 4), so that the timed ingests measure the ingest, not the upgrade."""
    from parley import pipeline
    from parley.store import Store

    with Store(db) as store:
        if store.event_keys_stale():
            started = time.perf_counter()
            store.rekey_events(pipeline.event_key_rows)
            print(f"  recomputed the event keys of {db.name} in {time.perf_counter() - started:.0f} s",
                  file=sys.stderr)


def _grow(db: Path, n: int, exact: int, grow: int) -> None:
    """make_corpus's first ``n`` records: ``exact`` of them refreshed, the rest resolved ``grow`` at a time."""
    import random

    import make_corpus

    from parley import pipeline
    from parley.ingest.dedup import DuplicateIndex
    from parley.store import Store

    rng, pool, lookups = random.Random(7), [], DuplicateIndex()
    index_now = pipeline.update_index
    pipeline.update_index = lambda store: None  # indexed once, at the end
    try:
        with Store(db) as store:
            done = 0
            while done < n:
                size = exact if done == 0 else min(grow, n - done)
                records = [make_corpus.make_record(i, rng, pool)[0] for i in range(done, done + size)]
                store.write_records(records, {}, [pipeline.article_index(r, None, lookups) for r in records])
                clock = time.perf_counter()
                (pipeline.refresh if done == 0 else pipeline.resolve_new)(store)
                done += size
                print(f"  {done}/{n} articles written and resolved (last step {time.perf_counter() - clock:.0f} s)",
                      file=sys.stderr, flush=True)
            index_now(store)
    finally:
        pipeline.update_index = index_now


def _copy(db: Path, dest: Path) -> Path:
    out = dest / db.name
    shutil.copy(db, out)
    for suffix in (".wal",):
        if db.with_name(db.name + suffix).exists():
            shutil.copy(db.with_name(db.name + suffix), out.with_name(out.name + suffix))
    if db.with_name(db.name + ".index").exists():
        shutil.copytree(db.with_name(db.name + ".index"), out.with_name(out.name + ".index"))
    return out


def one_ingest(db: Path, paths: list[Path]) -> dict:
    """In this process: ingest ``paths`` into ``db``; CPU seconds per step and peak memory."""
    from parley import nlp, pipeline
    from parley.store import Store

    nlp.load()
    marks: list[tuple[str, float]] = []
    peaks: dict[str, float] = {}  # stage -> peak resident MB when the next stage began (where memory grew)

    def progress(stage: str, n: int) -> None:
        if stage in STAGES and (not marks or marks[-1][0] != stage):
            if marks:
                peaks[marks[-1][0]] = _peak_mb()
            marks.append((stage, time.process_time()))

    started = time.process_time()
    with Store(db) as store:
        report = pipeline.ingest(paths, store, progress=progress)
        stored = store.count()
    ended = time.process_time()
    if marks:
        peaks[marks[-1][0]] = _peak_mb()
    steps = {}
    bounds = [(stage, t) for stage, t in marks] + [("end", ended)]
    for (stage, t0), (_, t1) in zip(bounds, bounds[1:]):
        steps[stage] = steps.get(stage, 0.0) + (t1 - t0)
    return {"added": report.added, "stored": stored, "cpu_s": ended - started,
            "steps": {k: round(v, 2) for k, v in steps.items()},
            "peak_mb": _peak_mb(), "peak_mb_after": {k: round(v) for k, v in peaks.items()}}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(db: Path, paths: list[Path], semantic: bool) -> dict:
    env = {**os.environ, "PARLEY_SEARCH_SEMANTIC": "1" if semantic else "0"}
    proc = subprocess.run([sys.executable, __file__, "--child", str(db), *map(str, paths)], env=env,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def growth(sizes: list[int], work: Path, semantic: bool, exact: int, grow: int) -> None:
    paths = _articles()
    rows = []
    for n in sizes:
        db = prepare(work, n, exact, grow)
        with tempfile.TemporaryDirectory() as tmp:
            rows.append((n, _child(_copy(db, Path(tmp)), paths, semantic)))
    base = rows[0][1]["cpu_s"]
    print(f"Ingest of {len(paths)} new articles ({'hybrid' if semantic else 'BM25-only'} index), CPU seconds")
    print("| stored articles | whole ingest | ratio to the first | read+analyse+store | timeline | people | "
          "conflicts | write | index | peak MB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for n, r in rows:
        s = r["steps"]
        cells = " | ".join(f"{s.get(k, 0):.2f}" for k in STAGES)
        print(f"| {n:,} | {r['cpu_s']:.2f} | {r['cpu_s'] / base:.2f}x | {cells} | {r['peak_mb']:.0f} |", flush=True)


def memory(counts: list[int]) -> None:
    """Peak memory of one ingest of N generated articles from one JSONL file, into an empty store."""
    import random

    import make_corpus

    print("| articles in the JSONL | peak MB | CPU s |")
    print("|---|---|---|")
    for n in counts:
        with tempfile.TemporaryDirectory() as tmp:
            rng, pool = random.Random(11), []
            feed = Path(tmp) / "feed.jsonl"
            with feed.open("w", encoding="utf-8") as fh:
                for i in range(n):
                    a = make_corpus.make_record(i, rng, pool)[0].article
                    fh.write(json.dumps({"text": a.text, "title": a.title, "outlet": a.outlet,
                                         "published": a.published}) + "\n")
            r = _child(Path(tmp) / "m.duckdb", [feed], semantic=False)
            print(f"| {n:,} | {r['peak_mb']:.0f} | {r['cpu_s']:.1f} |", flush=True)


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        print(json.dumps(one_ingest(Path(sys.argv[2]), [Path(p) for p in sys.argv[3:]])))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[0, 1000, 10000])
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "parley-bench-ingest",
                    help="where the generated stores are kept between runs")
    ap.add_argument("--semantic", action="store_true", help="index with MiniLM too")
    ap.add_argument("--exact-up-to", type=int, default=10_000, help="largest store resolved by one full refresh")
    ap.add_argument("--grow", type=int, default=5_000, help="articles a larger store adds per incremental step")
    ap.add_argument("--memory", type=int, nargs="*", help="peak memory of ingesting N generated articles")
    args = ap.parse_args()
    if args.memory:
        memory(args.memory)
        return
    args.work.mkdir(parents=True, exist_ok=True)
    os.environ["PARLEY_SEARCH_SEMANTIC"] = "1" if args.semantic else "0"
    growth(args.sizes, args.work, args.semantic, args.exact_up_to, args.grow)


if __name__ == "__main__":
    main()

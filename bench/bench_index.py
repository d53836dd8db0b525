"""The index step of an ingest, alone: CPU seconds of `update_index` for 20 new articles as the store grows.

A copy of each stored store (bench_ingest.py's generated ones, ``--work``; nothing is written into them) gets
20 new generated records (bench/make_corpus.py, numbered after the store's own), written straight into the
store as the ingest path writes them, and `update_index` indexes them; the clock is CPU time of this process.
The resolve step is not run: the index does not depend on it. Figures per store size:

- ``upgrade``: the first update of an index written by an older parley (once per store),
- ``first``: indexing 20 new articles into the index as it stands,
- ``ingests``: ``--ingests`` more rounds of 20, segment merges included: mean and worst round, and the articles
  the merges re-read.

    python bench/bench_index.py --work /tmp/scale16/work --sizes 0 10000 100000 [--ingests 20]

The index is BM25-only (PARLEY_SEARCH_SEMANTIC=0), as in bench_ingest.py.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

os.environ.setdefault("PARLEY_SEARCH_SEMANTIC", "0")


def _copy(db: Path, dest: Path) -> Path:
    out = dest / db.name
    shutil.copy(db, out)
    if db.with_name(db.name + ".wal").exists():
        shutil.copy(db.with_name(db.name + ".wal"), out.with_name(out.name + ".wal"))
    if db.with_name(db.name + ".index").exists():
        shutil.copytree(db.with_name(db.name + ".index"), out.with_name(out.name + ".index"))
    return out


def _records(start: int, n: int):
    import make_corpus

    rng, pool = random.Random(start), []
    return [make_corpus.make_record(i, rng, pool)[0] for i in range(start, start + n)]


def _timed(fn) -> float:
    t = time.process_time()
    fn()
    return time.process_time() - t


def one_size(db: Path, ingests: int, batch: int = 20) -> dict:
    from parley.search import index as index_module
    from parley.search import update_index
    from parley.store import Store

    merged = []
    real_merge = index_module._merge_segments

    def counting(store, index_dir, manifest, **kw):
        before = index_module.read_manifest(index_dir)["articles"]
        out = real_merge(store, index_dir, manifest, **kw)
        if "sizes" in out and hasattr(index_module, "merge_count"):
            merged.append(out["sizes"][out["segments"][-1]])
        else:  # an index that merges every segment at once
            merged.append(before)
        return out

    index_module._merge_segments = counting
    index_module.tokenize(["imports and stemmer loaded before the clock starts"])
    try:
        with Store(db) as store:
            stored = store.count()
            upgrade = _timed(lambda: update_index(store))
            rounds = []
            for r in range(ingests + 1):
                store.write_records(_records(10_000_000 + stored + r * batch, batch))
                rounds.append(_timed(lambda: update_index(store)))
            segments = len(index_module.read_manifest(Path(store.index_dir))["segments"])
    finally:
        index_module._merge_segments = real_merge
    later = rounds[1:]
    return {"stored": stored, "upgrade": upgrade, "first": rounds[0],
            "mean": sum(later) / len(later) if later else 0.0, "worst": max(later, default=0.0),
            "merged": sum(merged), "merges": len(merged), "segments": segments}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "parley-bench-ingest",
                    help="bench_ingest.py's stores (store-N.duckdb with .index), copied, never written")
    ap.add_argument("--sizes", type=int, nargs="+", default=[0, 10_000, 100_000])
    ap.add_argument("--ingests", type=int, default=20, help="rounds of 20 articles after the first")
    ap.add_argument("--tmp", type=Path, default=Path(tempfile.gettempdir()))
    args = ap.parse_args()
    print(f"index step of 20 new articles, CPU s (BM25-only; load average {os.getloadavg()[0]:.1f})")
    print(f"| stored articles | upgrade (once) | first 20 | next {args.ingests} x 20: mean | worst | "
          "merges | articles merged | segments after |")
    print("|---|---|---|---|---|---|---|---|")
    for n in args.sizes:
        db = args.work / f"store-{n}.duckdb"
        if not db.exists():
            print(f"| {n:,} | (no {db}: run bench/bench_ingest.py --work {args.work} first) |")
            continue
        with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
            r = one_size(_copy(db, Path(tmp)), args.ingests)
        print(f"| {r['stored']:,} | {r['upgrade']:.2f} | {r['first']:.2f} | {r['mean']:.2f} | {r['worst']:.2f} | "
              f"{r['merges']} | {r['merged']:,} | {r['segments']} |", flush=True)


if __name__ == "__main__":
    main()

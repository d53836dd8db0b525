"""Time build_timeline over N generated records, comparing every pair against the blocked candidate pairs.

The records are make_corpus.py's (half of them report an event another article reported, dates over 2015-2025);
each size is checked to give the same timeline both ways.

    python bench/bench_timeline.py [--sizes 250 500 1000 2000] [--full-up-to 2000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import make_record  # noqa: E402

from parley.resolve import timeline as tl  # noqa: E402


def records(n: int, seed: int = 7):
    rng, pool = random.Random(seed), []
    return [make_record(i, rng, pool)[0] for i in range(n)]


def timed(fn):
    started = time.process_time()
    out = fn()
    return out, time.process_time() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    ap.add_argument("--full-up-to", type=int, default=2000, help="largest N also timed comparing every pair")
    args = ap.parse_args()
    print("| N records | events | all pairs | candidate pairs | every pair (CPU s) | blocked (CPU s) | speed-up | same |")
    print("|---|---|---|---|---|---|---|---|")
    for n in args.sizes:
        recs = records(n)
        events = sum(len(r.events) for r in recs)
        items = [(r, e) for r in sorted(recs, key=lambda r: r.article.id) for e in r.events]
        blocked, t_blocked = timed(lambda: tl.build_timeline(recs))
        cands = len(tl.candidate_pairs(items))
        if n <= args.full_up_to:
            full, t_full = timed(lambda: tl.build_timeline(recs, blocking=False))
            same = "yes" if full.to_dict() == blocked.to_dict() and full.index == blocked.index else "NO"
            cells = f"{t_full:.2f} | {t_blocked:.2f} | {t_full / max(t_blocked, 1e-9):.0f}x | {same}"
        else:
            cells = f"- | {t_blocked:.2f} | - | -"
        print(f"| {n} | {events} | {events * (events - 1) // 2} | {cands} | {cells} |", flush=True)


if __name__ == "__main__":
    main()

"""`parley extract --engine spark` on 1 and 2 workers against one process, over the same N articles.

    python bench/bench_spark.py --n 2000 [--n 500 ...] [--workers 1,2] [--no-single] [--json]

Input: one JSONL file of N synthetic diplomacy articles from bench/make_corpus.py's templates (fixed random seed;
each text distinct, since an article's id is the hash of its text and a repeated text would be one article),
written to a temporary folder. Each run is a new process, cold as a user's command (the Spark runs start the JVM
and load spaCy in each worker, the single run loads spaCy):
  single    pipeline.extract (read, dedup, spaCy + extraction, cross-article resolution), one process
  spark:W   pipeline_spark.extract on local[W]: the same steps, spaCy + extraction on W Spark workers
It prints wall seconds and articles/s of each, the ratio spark:1 / spark:W, the CPU seconds of the run's whole
process tree (the JVM and Spark's Python workers included) and the machine's load average before each run:
on cores shared with other processes, wall time with more workers says more about the neighbours than about
Spark, while CPU seconds per article show what the engine itself costs. With two or more values of --n it fits
time = fixed + per_article * N (wall and CPU) per engine and prints the time the wall fit predicts for 20,000
articles (--predict), with the speed-up that follows. Figures only: this is not a timed test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from make_corpus import make_record  # noqa: E402  (bench/ is not a package)


def write_corpus(path: Path, n: int, seed: int = 7) -> int:
    """N articles of make_corpus's texts as JSONL lines (text, title, outlet, published); returns characters."""
    rng = random.Random(seed)
    pool: list[tuple] = []
    chars = 0
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            record, _ = make_record(i, rng, pool)
            a = record.article
            out.write(json.dumps({"text": a.text, "title": a.title, "outlet": a.outlet,
                                  "published": a.published}) + "\n")
            chars += len(a.text)
    return chars


def run_single(path: Path) -> tuple[float, int, float]:
    from parley import pipeline

    started = time.perf_counter()
    corpus = pipeline.extract([path])
    return time.perf_counter() - started, len(corpus.records), tree_cpu()


def run_spark(path: Path, workers: int) -> tuple[float, int, float]:
    from parley import pipeline_spark

    started = time.perf_counter()
    with pipeline_spark.spark_context(workers) as sc:  # kept open to count its JVM's and workers' CPU
        corpus = pipeline_spark.extract([path], workers=workers)
        sc.parallelize(range(workers), workers).count()  # every worker is alive and counted
        cpu = tree_cpu()
    return time.perf_counter() - started, len(corpus.records), cpu


def tree_cpu() -> float:
    """CPU seconds of this process and every process below it (the JVM, Spark's Python daemon and workers),
    living or ended, from /proc (Linux); 0.0 where /proc cannot be read."""
    stats = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            # after the name: state ppid ... utime(12) stime(13) cutime(14) cstime(15), in clock ticks
            stats[int(entry.name)] = (int(fields[1]), sum(int(f) for f in fields[11:15]))
    below, frontier = {os.getpid()}, [os.getpid()]
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, _) in stats.items():
            if ppid == parent and pid not in below:
                below.add(pid)
                frontier.append(pid)
    return sum(stats[p][1] for p in below if p in stats) / os.sysconf("SC_CLK_TCK")


def _fresh(engine: str, path: Path) -> tuple[float, int, float]:
    """One run in a new process, so each starts cold (spaCy not loaded, no JVM) as a user's command does.
    Returns wall seconds, records, and CPU seconds of the process tree (the JVM and its Python workers too)."""
    import subprocess

    done = subprocess.run([sys.executable, __file__, "--run", engine, str(path)], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(f"{engine} failed:\n{done.stderr[-3000:]}")
    seconds, records, cpu = done.stdout.strip().splitlines()[-1].split()
    return float(seconds), int(records), float(cpu)


def fit(points: list[tuple[int, float]]) -> tuple[float, float]:
    """Least squares time = fixed + per_article * n."""
    n = len(points)
    mx = sum(p[0] for p in points) / n
    my = sum(p[1] for p in points) / n
    sxx = sum((p[0] - mx) ** 2 for p in points)
    slope = sum((p[0] - mx) * (p[1] - my) for p in points) / sxx
    return my - slope * mx, slope


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, action="append", help="articles (repeat for a fit); default 500")
    ap.add_argument("--workers", default="1,2", help="comma-separated Spark worker counts (default 1,2)")
    ap.add_argument("--no-single", action="store_true", help="leave out the one-process run")
    ap.add_argument("--predict", type=int, default=20_000, help="N the fit predicts for (default 20,000)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--run", nargs=2, metavar=("ENGINE", "JSONL"), help=argparse.SUPPRESS)  # one cold run
    args = ap.parse_args()
    if args.run:
        engine, path = args.run
        result = run_single(Path(path)) if engine == "single" else run_spark(Path(path), int(engine[6:]))
        print(*result)
        return
    sizes = sorted(set(args.n or [500]))
    engines = ([] if args.no_single else ["single"]) + [f"spark:{w}" for w in args.workers.split(",")]
    print(f"machine: {os.cpu_count()} cores visible, shared with other processes (load average before each run "
          "is shown); wall seconds, every run cold", file=sys.stderr)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"bench-{n}.jsonl"
            chars = write_corpus(path, n)
            for engine in engines:
                load = os.getloadavg()[0]
                seconds, records, cpu = _fresh(engine, path)
                row = {"n": n, "chars": chars, "engine": engine, "seconds": round(seconds, 2),
                       "articles_per_s": round(records / seconds, 2), "records": records,
                       "cpu_s": round(cpu, 1), "load_before": load}
                rows.append(row)
                print(f"n={n:>6}  {engine:<9} {seconds:8.1f} s  {records / seconds:7.2f} articles/s  "
                      f"{cpu:8.1f} CPU s  (load average {load:.2f} before)", file=sys.stderr)
    summary = _summary(rows, sizes, engines, args.predict)
    if args.json:
        print(json.dumps({"runs": rows, **summary}, indent=2))
    else:
        for line in summary["lines"]:
            print(line)


def _summary(rows: list[dict], sizes: list[int], engines: list[str], predict: int) -> dict:
    lines, fits = [], {}
    for n in sizes:
        runs = {r["engine"]: r for r in rows if r["n"] == n}
        one = runs.get("spark:1")
        for engine in engines:
            r = runs[engine]
            ratio = (f"  spark:1 / {engine} = {one['seconds'] / r['seconds']:.2f}x"
                     if one and engine.startswith("spark") and engine != "spark:1" else "")
            lines.append(f"n={n:>6}  {engine:<9} {r['seconds']:8.1f} s  {n / r['seconds']:7.2f} articles/s  "
                         f"{r['cpu_s']:7.1f} CPU s (load {r['load_before']:.1f}){ratio}")
    if len(sizes) >= 2:
        for engine in engines:
            mine = [r for r in rows if r["engine"] == engine]
            fixed, per = fit([(r["n"], r["seconds"]) for r in mine])
            cpu_fixed, cpu_per = fit([(r["n"], r["cpu_s"]) for r in mine])
            fits[engine] = {"fixed_s": round(fixed, 2), "per_article_s": round(per, 4),
                            f"predicted_s_{predict}": round(fixed + per * predict, 1),
                            "cpu_fixed_s": round(cpu_fixed, 2), "cpu_per_article_s": round(cpu_per, 4)}
            lines.append(f"fit {engine:<9} {fixed:7.1f} s fixed + {per * 1000:6.1f} ms/article -> "
                         f"{fixed + per * predict:8.0f} s for {predict:,}; CPU {cpu_fixed:6.1f} s fixed + "
                         f"{cpu_per * 1000:6.1f} ms/article")
        if "spark:1" in fits:
            for engine in engines:
                if engine.startswith("spark:") and engine != "spark:1":
                    k = f"predicted_s_{predict}"
                    lines.append(f"predicted speed-up at {predict:,}: spark:1 / {engine} = "
                                 f"{fits['spark:1'][k] / fits[engine][k]:.2f}x")
    return {"fits": fits, "lines": lines}


if __name__ == "__main__":
    main()

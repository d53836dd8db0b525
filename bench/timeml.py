"""parley's TIMEX3 layer scored on TimeML gold: one table, one column per corpus folder.

    python bench/timeml.py [FOLDER ...] [--misses N] [--type DATE]

Default folders: ../shared/corpus/timeml/TimeBank and .../AQUAINT (or $PARLEY_SHARED/corpus/timeml). TimeBank is
the tuning split, AQUAINT the check. Matching and figures: parley.evaluate_timeml. --misses prints the first N
wrong or missed gold expressions of each folder (of --type, when given), for error analysis.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from parley.evaluate_timeml import evaluate_folder

ROOT = Path(__file__).resolve().parents[1]


def default_folders() -> list[Path]:
    shared = Path(os.environ.get("PARLEY_SHARED") or ROOT.parent / "shared")
    return [shared / "corpus" / "timeml" / name for name in ("TimeBank", "AQUAINT")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--misses", type=int, default=0)
    ap.add_argument("--type", default=None)
    args = ap.parse_args(argv)
    folders = args.folders or default_folders()
    missing = [f for f in folders if not f.is_dir()]
    if missing:
        print(f"no TimeML folder at {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    reports = [(f.name, evaluate_folder(f)) for f in folders]
    names = [r[0] for r in reports]
    rows = [name for name, _ in reports[0][1].rows()]
    label_w = max(len(r) for r in rows) + 2
    print("figure".ljust(label_w) + "".join(n.rjust(12) for n in names))
    for i, row in enumerate(rows):
        label, _, n = row.partition(" (")
        if n.startswith("TempEval"):
            label, n = f"{label} (TempEval-3)", ""
        cells = []
        for _, rep in reports:
            value = rep.rows()[i][1]
            cells.append(("-" if value is None else f"{value:.3f}").rjust(12))
        counts = " / ".join(rep.rows()[i][0].partition(" (")[2].rstrip(")") for _, rep in reports) if n else ""
        print(label.ljust(label_w) + "".join(cells) + (f"   n={counts}" if counts else ""))
    if args.misses:
        for name, rep in reports:
            print(f"\n{name}: misses")
            shown = [m for m in rep.misses if args.type is None or f" {args.type} " in m]
            for line in shown[: args.misses]:
                print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

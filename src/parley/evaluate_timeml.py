"""TIMEX3 scoring against TimeML gold (TimeBank, AQUAINT): how well parley's timex layer finds and normalises dates.

    read_timeml(path) -> TimemlDoc                  the plain text of <TEXT>, its TIMEX3 spans and the DCT
    predict(docs) -> dict[doc_id, tuple[Timex]]     parley's extract_timexes on each text, anchored on the DCT
    score(docs, predicted) -> TimemlReport          the counts behind every figure of the table
    evaluate_folder(folder) -> TimemlReport         the two above over every .tml file of a folder

Values compare in one canonical spelling (``canonical``: "1949-XX" is "1949", "199X" is "199", "2000-W7" is
"2000-W07"); the DATE row is also given on exact strings.

Matching (TempEval-3): a gold expression is *found* (relaxed) when a predicted timex overlaps it, *strict* when one
has exactly its span. Precision counts predicted timexes that overlap (or equal) some gold one. Value accuracy of a
type is over all gold expressions of that type: one counts when an overlapping prediction has its value (so
a miss counts against it -- the figure the issue tracker uses). TempEval-3 value F1: value precision is correct values
over predicted timexes, value recall correct values over gold ones. The ``mod`` attribute (START, END, MID,
APPROX, MORE_THAN, ...) is scored on matched expressions: accuracy over every gold expression some prediction
overlaps (no mod where the gold has none counts as right), recall over those with a gold mod, precision over
predictions with a mod. The DCT (``functionInDocument=CREATION_TIME``,
outside <TEXT>) is the publication date and is not scored.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from parley.models import Timex

__all__ = ["GoldTimex", "TimemlDoc", "TimemlReport", "read_timeml", "parse_timeml", "predict", "score",
           "evaluate_folder", "TYPES"]

TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True)
class TimemlDoc:
    doc_id: str
    dct: str | None  # the creation date, YYYY-MM-DD (a full timestamp cut to its date)
    text: str
    gold: tuple[GoldTimex, ...]


_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'([A-Za-z_]+)\s*=\s*"([^"]*)"')


def parse_timeml(source: str, doc_id: str = "") -> TimemlDoc:
    """One TimeML document from its XML source: the text inside <TEXT> with every tag removed (entities unescaped),
    each TIMEX3 in it as character offsets into that text."""
    dct = None
    m = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", source)
    if m:
        value = dict(_ATTR.findall(m.group(1))).get("value", "")
        d = re.match(r"\d{4}-\d\d-\d\d", value)
        dct = d.group(0) if d else None
    if not doc_id:
        d = re.search(r"<DOCID>\s*([^<]+?)\s*</DOCID>", source)
        doc_id = d.group(1) if d else ""
    body = re.search(r"<TEXT>(.*)</TEXT>", source, re.S)
    raw = body.group(1) if body else ""
    parts: list[str] = []
    length = 0
    gold: list[GoldTimex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    for tag in _TAG.finditer(raw):
        chunk = html.unescape(raw[pos:tag.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if not tag.group(1):
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            gold.append(GoldTimex(start, length, attrs.get("type", ""), attrs.get("value", ""), attrs.get("mod")))
            open_timex = None
    parts.append(html.unescape(raw[pos:]))
    return TimemlDoc(doc_id, dct, "".join(parts), tuple(gold))


def read_timeml(path: Path) -> TimemlDoc:
    return parse_timeml(Path(path).read_text(encoding="utf-8"), "")


def predict(docs: Sequence[TimemlDoc], nlp=None) -> dict[str, tuple[Timex, ...]]:
    """parley's timexes for each document's text, anchored on its DCT."""
    from parley.extract.timex import extract_timexes
    from parley.nlp import load

    nlp = nlp or load()
    out: dict[str, tuple[Timex, ...]] = {}
    for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs)):
        out[doc.doc_id] = extract_timexes(parsed, doc.dct)
    return out


@dataclass
class TypeCounts:
    gold: int = 0
    found: int = 0  # relaxed: some prediction overlaps
    strict: int = 0  # some prediction has exactly the span
    value: int = 0  # some overlapping prediction has the value (canonical spelling)
    exact: int = 0  # some overlapping prediction has exactly the value string

    def add(self, other: "TypeCounts") -> None:
        self.gold += other.gold
        self.found += other.found
        self.strict += other.strict
        self.value += other.value
        self.exact += other.exact


@dataclass
class ModCounts:
    """The TIMEX3 mod attribute ("early 1990" START, "about two years" APPROX) on matched expressions."""

    matched: int = 0  # gold expressions some prediction overlaps
    agree: int = 0  # ... and one of those has the gold's mod (no mod where the gold has none)
    gold: int = 0  # gold expressions with a mod that some prediction overlaps
    found: int = 0  # ... and one of those has that mod
    predicted: int = 0  # predictions with a mod that overlap some gold expression
    right: int = 0  # ... one of which has that mod


@dataclass
class TimemlReport:
    documents: int = 0
    predicted: int = 0
    predicted_relaxed: int = 0  # predictions overlapping some gold expression
    predicted_strict: int = 0  # predictions with exactly a gold span
    predicted_value: int = 0  # predictions overlapping a gold expression and carrying its value
    mods: ModCounts = field(default_factory=ModCounts)
    types: dict[str, TypeCounts] = field(default_factory=lambda: {t: TypeCounts() for t in TYPES})
    misses: list[str] = field(default_factory=list)  # "doc: 'text' TYPE gold <- predicted" for each wrong value
    extras: list[str] = field(default_factory=list)  # "doc: 'text' TYPE value" for each prediction no gold overlaps

    @property
    def total(self) -> TypeCounts:
        t = TypeCounts()
        for c in self.types.values():
            t.add(c)
        return t

    def rows(self) -> list[tuple[str, float | None]]:
        """(figure, value) in the order of the table."""
        tot = self.total

        def ratio(a: int, b: int) -> float | None:
            return a / b if b else None

        def f1(p: float | None, r: float | None) -> float | None:
            return None if p is None or r is None or p + r == 0 else 2 * p * r / (p + r)

        rp, rr = ratio(self.predicted_relaxed, self.predicted), ratio(tot.found, tot.gold)
        sp, sr = ratio(self.predicted_strict, self.predicted), ratio(tot.strict, tot.gold)
        vp, vr = ratio(self.predicted_value, self.predicted), ratio(tot.value, tot.gold)
        out = [("span recall relaxed", rr), ("span precision relaxed", rp), ("span F1 relaxed", f1(rp, rr)),
               ("span recall strict", sr), ("span precision strict", sp), ("span F1 strict", f1(sp, sr))]
        for name, c in self.types.items():
            out.append((f"{name} found ({c.gold})", ratio(c.found, c.gold)))
            out.append((f"{name} value accuracy ({c.gold})", ratio(c.value, c.gold)))
            if name == "DATE":
                out.append((f"DATE value accuracy, exact strings ({c.gold})", ratio(c.exact, c.gold)))
        out += [("value precision (TempEval-3)", vp), ("value recall (TempEval-3)", vr),
                ("value F1 (TempEval-3)", f1(vp, vr))]
        m = self.mods
        out += [(f"mod accuracy, matched ({m.matched})", ratio(m.agree, m.matched)),
                (f"mod recall ({m.gold})", ratio(m.found, m.gold)), ("mod precision", ratio(m.right, m.predicted))]
        return out

    def figure(self, name: str) -> float | None:
        for row, value in self.rows():
            if row == name or row.split(" (")[0] == name:
                return value
        raise KeyError(name)


_TRAILING_X = re.compile(r"^(\d{4}(?:-\d\d)?)(?:-XX)+$")
_DECADE_X = re.compile(r"^(\d{2,3})X+$")
_WEEK = re.compile(r"^(\d{4})-W(\d)(-.*)?$")
_HOUR = re.compile(r"^(.*T\d\d)$")  # "1989-11-06T17" is 17:00
_LONG_UNIT = re.compile(r"^P(\d+|X)(DE|CE|ML|E|C|L)$")  # "P2DE" is "P20Y", "P1CE" is "P100Y"
# TIMEX2 (the TIDES guidelines TimeML grew from) writes decades, centuries and millennia "E", "C", "L"; TimeBank
# keeps a few of those ("about a decade" P1E, "for centuries" PXC)
_QUARTERS = re.compile(r"^P(\d+)Q$")  # "P3Q" is "P9M": TimeBank writes "the next three quarters" either way
_LONG_UNIT_YEARS = {"DE": 10, "E": 10, "CE": 100, "C": 100, "ML": 1000, "L": 1000}
_LONG_UNIT_X = {"E": "DE", "C": "CE", "L": "ML"}


def canonical(value: str) -> str:
    """One spelling for TIMEX3 values that mean the same: "1949-XX" and "1994-XX-XX" are the year (an unknown part
    below the last known one adds nothing), "199X" is the decade "199", "2000-W7" is "2000-W07", "...T17" is
    "...T17:00", "P2DE" (decades) is "P20Y", "P3Q" (quarters) is "P9M", TIMEX2's "P1E" / "PXC" / "P2L" are "P10Y" /
    "PXCE" / "P2000Y". The gold has each spelling; this is the only leniency of the scorer (the exact-string figure
    is reported beside it)."""
    v = value.strip()
    m = _TRAILING_X.match(v)
    if m:
        return m.group(1)
    m = _DECADE_X.match(v)
    if m:
        return m.group(1)
    m = _WEEK.match(v)
    if m:
        return f"{m.group(1)}-W0{m.group(2)}{m.group(3) or ''}"
    m = _HOUR.match(v)
    if m:
        return f"{m.group(1)}:00"
    m = _QUARTERS.match(v)
    if m:
        return f"P{3 * int(m.group(1))}M"
    m = _LONG_UNIT.match(v)
    if m and m.group(1) == "X":
        return f"PX{_LONG_UNIT_X.get(m.group(2), m.group(2))}"
    if m:
        return f"P{int(m.group(1)) * _LONG_UNIT_YEARS[m.group(2)]}Y"
    return v


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def score(docs: Iterable[TimemlDoc], predicted: Mapping[str, Sequence[Timex]]) -> TimemlReport:
    report = TimemlReport()
    for doc in docs:
        report.documents += 1
        preds = list(predicted.get(doc.doc_id, ()))
        report.predicted += len(preds)
        for p in preds:
            hits = [g for g in doc.gold if _overlap(p.start, p.end, g.start, g.end)]
            report.predicted_relaxed += bool(hits)
            if not hits:
                report.extras.append(f"{doc.doc_id}: {doc.text[p.start:p.end]!r} {p.type} {p.value}")
            report.predicted_strict += any(_same_span(doc.text, p.start, p.end, g) for g in hits)
            report.predicted_value += any(canonical(g.value) == canonical(p.value) for g in hits)
            if hits and getattr(p, "mod", None):
                report.mods.predicted += 1
                report.mods.right += any(g.mod == p.mod for g in hits)
        for g in doc.gold:
            counts = report.types.setdefault(g.type, TypeCounts())
            counts.gold += 1
            hits = [p for p in preds if _overlap(p.start, p.end, g.start, g.end)]
            counts.found += bool(hits)
            counts.strict += any(_same_span(doc.text, p.start, p.end, g) for p in hits)
            counts.exact += any(p.value == g.value for p in hits)
            _count_mod(report.mods, g, hits)
            if any(canonical(p.value) == canonical(g.value) for p in hits):
                counts.value += 1
            else:
                got = ", ".join(f"{doc.text[p.start:p.end]!r}={p.value}" for p in hits) or "-"
                report.misses.append(f"{doc.doc_id}: {doc.text[g.start:g.end]!r} {g.type} {g.value} <- {got}")
    return report


def _count_mod(mods: ModCounts, g: GoldTimex, hits: list) -> None:
    if not hits:
        return
    got = {getattr(p, "mod", None) for p in hits}
    mods.matched += 1
    mods.agree += g.mod in got
    if g.mod:
        mods.gold += 1
        mods.found += g.mod in got


def _same_span(text: str, s: int, e: int, g: GoldTimex) -> bool:
    """Exact span, ignoring surrounding whitespace and a trailing full stop ("Jan. 5." vs "Jan. 5")."""
    return text[s:e].strip().rstrip(".") == text[g.start:g.end].strip().rstrip(".") and _overlap(s, e, g.start, g.end)


def read_folder(folder: Path) -> list[TimemlDoc]:
    return [read_timeml(p) for p in sorted(Path(folder).glob("*.tml"))]


def evaluate_folder(folder: Path, nlp=None) -> TimemlReport:
    docs = read_folder(folder)
    return score(docs, predict(docs, nlp))

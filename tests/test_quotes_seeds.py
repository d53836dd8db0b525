"""People and quotes on the five sample articles, scored against the hand annotations in gold/seeds.json.

The scoring here follows gold/README.md: a person is found when the name or an alias matches (case-insensitive), a
gold role when it is contained in an extracted role or vice versa; a quote matches an extracted quote of the same
kind whose text contains the `contains` snippet (whitespace and quote marks normalised), and its speaker is right
when it equals the gold speaker or one of that person's aliases. Run this file as a script to print the figures.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from _paths import SHARED

from parley.extract.people import extract_entities
from parley.extract.quotes import extract_quotes
from parley.nlp import load

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
GOLD_CANDIDATES = [SHARED / "gold" / "seeds.json", ROOT / "examples" / "gold" / "seeds.json"]


def gold_path() -> Path | None:
    return next((p for p in GOLD_CANDIDATES if p.exists()), None)


def simple_clean(raw: str) -> str:
    """Stand-in for the ingestion cleaner: NBSP to space, the headline kept once."""
    raw = raw.replace("\u00a0", " ")
    lines = raw.split("\n")
    first, seen, out = lines[0].strip(), False, []
    for line in lines:
        if line.strip() == first and first:
            if seen:
                continue
            seen = True
        out.append(line)
    return "\n".join(out)


def clean(raw: str) -> str:
    try:  # the real cleaner, once ingestion provides it
        from parley.ingest import clean_text  # type: ignore[attr-defined]
    except ImportError:
        return simple_clean(raw)
    cleaned = clean_text(raw)
    return getattr(cleaned, "text", cleaned)


_QMARKS = re.compile(r"[\"“”„«»'‘’]")


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", _QMARKS.sub("", s)).strip().lower()


def score(gold: dict, nlp) -> dict:
    """Recall/accuracy figures over all gold documents."""
    found_people = total_people = found_roles = total_roles = 0
    kinds = {"direct": [0, 0], "indirect": [0, 0]}
    speaker_ok = speaker_n = 0
    misses = []
    for g in gold["documents"]:
        text = clean((SEEDS / g["file"]).read_text(encoding="utf-8"))
        doc = nlp(text)
        ents = extract_entities(doc)
        quotes = extract_quotes(doc, ents)
        people = [e for e in ents if e.type == "PERSON"]
        names = {}
        for gp in g.get("people", []):
            total_people += 1
            keys = {norm(gp["name"])} | {norm(a) for a in gp.get("aliases", [])}
            hit = next((e for e in people if norm(e.name) in keys), None)
            hit = hit or next((e for e in people if any(norm(m.text) in keys for m in e.mentions)), None)
            names[gp["name"]] = keys
            if hit is None:
                misses.append(f"{g['file']}: person {gp['name']}")
                continue
            found_people += 1
            for r in gp.get("roles", []):
                total_roles += 1
                if any(norm(r) in norm(x) or norm(x) in norm(r) for x in hit.roles):
                    found_roles += 1
                else:
                    misses.append(f"{g['file']}: role {r!r} of {gp['name']} (got {hit.roles})")
        for gq in g.get("quotes", []):
            kinds[gq["kind"]][1] += 1
            snippet = norm(gq["contains"])
            # the innermost (shortest) quote holding the snippet: nested speech has its own speaker
            hits = [q for q in quotes if q.kind == gq["kind"] and snippet in norm(q.text)]
            match = min(hits, key=lambda q: q.end - q.start) if hits else None
            if match is None:
                misses.append(f"{g['file']}: {gq['kind']} quote {gq['contains']!r}")
                continue
            kinds[gq["kind"]][0] += 1
            speaker_n += 1
            keys = names.get(gq["speaker"], {norm(gq["speaker"])})
            if match.speaker and norm(match.speaker) in keys:
                speaker_ok += 1
            else:
                misses.append(f"{g['file']}: speaker of {gq['contains']!r}: {match.speaker} (gold {gq['speaker']})")
    return {
        "people_recall": found_people / max(total_people, 1),
        "role_recall": found_roles / max(total_roles, 1),
        "direct_recall": kinds["direct"][0] / max(kinds["direct"][1], 1),
        "indirect_recall": kinds["indirect"][0] / max(kinds["indirect"][1], 1),
        "speaker_accuracy": speaker_ok / max(speaker_n, 1),
        "counts": {"people": total_people, "roles": total_roles, "direct": kinds["direct"][1],
                   "indirect": kinds["indirect"][1], "speakers": speaker_n},
        "misses": misses,
    }


@pytest.fixture(scope="module")
def figures():
    path = gold_path()
    if path is None:
        pytest.skip("gold/seeds.json not available")
    return score(json.loads(path.read_text(encoding="utf-8")), load())


def test_every_gold_person_is_found(figures):
    assert figures["people_recall"] == 1.0, figures["misses"]


def test_every_gold_role_is_found(figures):
    assert figures["role_recall"] == 1.0, figures["misses"]


def test_direct_quote_recall(figures):
    assert figures["direct_recall"] >= 0.9, figures["misses"]


def test_indirect_quote_recall(figures):
    assert figures["indirect_recall"] >= 0.9, figures["misses"]


def test_speaker_accuracy(figures):
    assert figures["speaker_accuracy"] >= 0.9, figures["misses"]


def test_quote_offsets_point_into_text():
    nlp = load()
    for path in sorted(SEEDS.glob("*.txt")):
        doc = nlp(clean(path.read_text(encoding="utf-8")))
        ents = extract_entities(doc)
        for e in ents:
            for m in e.mentions:
                assert doc.text[m.start:m.end] == m.text
        for q in extract_quotes(doc, ents):
            assert doc.text[q.start:q.end] == q.text
            assert q.kind in ("direct", "indirect", "mixed")
            if q.speaker_mention is not None:
                assert 0 <= q.speaker_mention.start < q.speaker_mention.end <= len(doc.text)


if __name__ == "__main__":
    res = score(json.loads(gold_path().read_text(encoding="utf-8")), load())
    for line in res.pop("misses"):
        print("MISS", line)
    print(json.dumps(res, indent=1))

"""Events, timeline and conflicts scored against the hand annotations of the sample corpus (shared/gold).

``score_events`` is the scoring helper: a gold event is found when one predicted event of the same document has
the type family, includes every gold participant (aliases folded), and has the place, date (or an accepted date)
and status right; agenda topics are covered when the gold topic string and a predicted topic map to one
taxonomy id. Run ``python tests/test_events_gold.py`` to print the figures.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from _paths import SHARED

ROOT = Path(__file__).resolve().parents[1]
GOLD = SHARED / "gold" / "seeds.json"
SEEDS = ROOT / "examples" / "seeds"


def _load():
    from parley import pipeline

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    corpus = pipeline.extract([SEEDS / d["file"] for d in gold["documents"]])
    by_file = {Path(r.article.source).name: r for r in corpus.records}
    return gold, by_file


def _aliases(doc) -> dict[str, str]:
    out = {}
    for p in doc.get("people", []):
        out[p["name"].lower()] = p["name"]
        for a in p.get("aliases", []):
            out[a.lower()] = p["name"]
    return out


def _canon(name: str, aliases: dict[str, str]) -> str:
    low = name.lower()
    if low in aliases:
        return aliases[low]
    for full in set(aliases.values()):  # a surname alone stands for the one person of that surname
        if len(low.split()) == 1 and full.lower().split()[-1] == low:
            return full
    return name


def _topic_covered(gold_topic: str, predicted: tuple[str, ...]) -> bool:
    from parley.extract.topics import topic_ids

    want = topic_ids(gold_topic)
    have = set()
    for t in predicted:
        have |= topic_ids(t)
    return bool(want & have)


def match_event(g, events, aliases):
    """The predicted event matching gold event ``g`` on every field, and the list of fields that failed for the
    closest candidate."""
    from parley.extract.events import family
    from parley.extract.events import places_compatible

    best, best_fail = None, None
    for e in events:
        fails = []
        if family(e.type) != family(g["type"]):
            continue
        got = {_canon(p, aliases) for p in e.participants}
        if not all(_canon(p, aliases) in got for p in g["participants"]):
            fails.append("participants")
        if (g.get("location") or None) != (e.location or None) and not (
                g.get("location") and e.location and places_compatible(g["location"], e.location)
                and g["location"].lower() == (e.location or "").lower()):
            fails.append("location")
        accept = {g.get("date")} | set(g.get("accept_dates", []))
        value = e.date.value if e.date else None
        if value not in accept:
            fails.append("date")
        if e.status != g["status"]:
            fails.append("status")
        if best_fail is None or len(fails) < len(best_fail):
            best, best_fail = e, fails
    return best, best_fail


def score_events(gold, records) -> dict:
    found = total = topics_hit = topics_total = 0
    misses = []
    for doc in gold["documents"]:
        rec = records[doc["file"]]
        aliases = _aliases(doc)
        for g in doc.get("events", []):
            if g.get("optional"):
                continue
            total += 1
            e, fails = match_event(g, rec.events, aliases)
            if e is not None and not fails:
                found += 1
            else:
                misses.append((doc["file"], g["key"], fails))
            for t in g.get("topics", []):
                topics_total += 1
                if e is not None and _topic_covered(t, e.topics):
                    topics_hit += 1
                else:
                    misses.append((doc["file"], g["key"], f"topic {t!r}"))
    return {"events_found": found, "events_total": total, "topics_covered": topics_hit,
            "topics_total": topics_total, "misses": misses}


def score_timeline(gold, records) -> dict:
    from parley.resolve.timeline import build_timeline

    timeline = build_timeline(list(records.values()))
    where: dict[str, dict[str, str]] = {}  # gold key -> file -> timeline id
    for doc in gold["documents"]:
        rec = records[doc["file"]]
        for g in doc.get("events", []):
            e, fails = match_event(g, rec.events, _aliases(doc))
            if e is not None and not {"participants", "location"} & set(fails or []):
                where.setdefault(g["key"], {})[doc["file"]] = timeline.index[(rec.article.id, e.id)]
    merged = sum(1 for grp in gold["timeline"]["merged"]
                 if len({where.get(grp["key"], {}).get(f) for f in grp["files"]} - {None}) == 1
                 and all(f in where.get(grp["key"], {}) for f in grp["files"]))
    distinct = 0
    for a, b in gold["timeline"]["distinct"]:
        ids_a, ids_b = set(where.get(a, {}).values()), set(where.get(b, {}).values())
        if ids_a and ids_b and not ids_a & ids_b:
            distinct += 1
    return {"merged": merged, "merged_total": len(gold["timeline"]["merged"]), "distinct": distinct,
            "distinct_total": len(gold["timeline"]["distinct"]), "timeline": timeline}


@pytest.fixture(scope="module")
def gold_and_records():
    return _load()


def test_every_gold_event_is_found_with_its_agenda(gold_and_records):
    gold, records = gold_and_records
    s = score_events(gold, records)
    # figures of this build: 9/9 events, 34/35 topics; a floor below them so that a regression fails
    assert s["events_found"] >= s["events_total"] - 1, s["misses"]
    assert s["topics_covered"] >= 0.85 * s["topics_total"], s["misses"]


def test_gold_timeline_groups_merge_and_stay_apart(gold_and_records):
    gold, records = gold_and_records
    s = score_timeline(gold, records)
    assert s["merged"] == s["merged_total"]
    assert s["distinct"] == s["distinct_total"]


def test_eaeu_claims_are_reported_as_a_conflict(gold_and_records):
    from parley.resolve.conflicts import find_conflicts
    from parley.resolve.timeline import build_timeline

    _, records = gold_and_records
    recs = list(records.values())
    conflicts = find_conflicts(recs, build_timeline(recs))
    claim = [c for c in conflicts if c.kind == "claim" and "Eurasian Economic Union" in c.key]
    assert claim, [c.to_dict() for c in conflicts]
    stances = {s.stance for s in claim[0].sides}
    assert stances == {"possible", "denied"}
    texts = " ".join(s.text for s in claim[0].sides)
    assert "potential consideration of joining the Eurasian Economic Union" in texts
    assert "no intention of joining the EAEU" in texts
    for side in claim[0].sides:
        rec = next(r for r in recs if r.article.id == side.article_id)
        assert rec.article.text[side.start:side.end] == side.text


def test_evidence_offsets_point_into_the_text(gold_and_records):
    _, records = gold_and_records
    for rec in records.values():
        for e in rec.events:
            assert e.evidence
            for x in e.evidence + e.topic_evidence:
                assert 0 <= x.start < x.end <= len(rec.article.text)
                assert rec.article.text[x.start:x.end].strip() == rec.article.text[x.start:x.end]


if __name__ == "__main__":
    gold, records = _load()
    s = score_events(gold, records)
    t = score_timeline(gold, records)
    print(f"events {s['events_found']}/{s['events_total']}  topics {s['topics_covered']}/{s['topics_total']}  "
          f"merged {t['merged']}/{t['merged_total']}  distinct {t['distinct']}/{t['distinct_total']}")
    for m in s["misses"]:
        print("  miss", m)
    sys.exit(0)

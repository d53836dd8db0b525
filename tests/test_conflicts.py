"""Contradictions across articles: opposing claims (with acronyms folded across articles) and one event whose
reports disagree on the date."""

from __future__ import annotations

import pytest

from _helpers import records_of
from parley.resolve.conflicts import find_conflicts
from parley.resolve.timeline import build_timeline


def _records(*texts):
    return records_of(((t, "2024-05-01") for t in texts), prefix="c", outlet="o")


def test_possible_against_denied_is_a_conflict_with_both_sides_cited():
    recs = _records(
        "Analyst Tom Brown hinted at Armenia's potential consideration of joining the European Union (EU).",
        "Speaking in Yerevan, Nikol Pashinyan said that Armenia has no intention of joining the EU this year.",
    )
    stances = {c["stance"] for r in recs for c in r.claims}
    assert stances == {"possible", "denied"}
    conflicts = [c for c in find_conflicts(recs, build_timeline(recs)) if c.kind == "claim"]
    assert len(conflicts) == 1
    c = conflicts[0]
    assert c.key == "Armenia|join|European Union"
    sides = {s.stance: s for s in c.sides}
    assert "no intention of joining the EU" in sides["denied"].text
    assert sides["denied"].speaker == "Nikol Pashinyan"
    for s in c.sides:
        rec = next(r for r in recs if r.article.id == s.article_id)
        assert rec.article.text[s.start:s.end] == s.text
    assert c.to_dict()["sides"][0]["article_id"]


def test_agreeing_claims_are_no_conflict():
    recs = _records("Armenia may join the European Union.", "Armenia could join the European Union soon.")
    assert [c for c in find_conflicts(recs, build_timeline(recs)) if c.kind == "claim"] == []


def test_one_meeting_reported_with_two_dates_is_a_date_conflict():
    recs = _records(
        "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev met in Brussels on "
        "May 14, 2023.",
        "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev met in Brussels on "
        "May 15, 2023.",
    )
    tl = build_timeline(recs)
    conflicts = [c for c in find_conflicts(recs, tl) if c.kind == "date"]
    assert len(conflicts) == 1
    assert {s.stance for s in conflicts[0].sides} == {"2023-05-14", "2023-05-15"}
    assert conflicts[0].key == tl.entries[0].timeline_id

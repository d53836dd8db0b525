"""The read-side commands over a store built from the sample corpus: quotes, people, timeline, events, conflicts."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from parley.errors import QueryError
from parley.resolve.query import check_date, filter_timeline, mentions_actor


def parley(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "parley.cli.main", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def as_json(*args: str):
    out = parley(*args, "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_quotes_by_speaker(seeds_db):
    rows = as_json("quotes", "--db", str(seeds_db), "--speaker", "markov")
    assert rows and all(r["speaker"] == "Sergei Markov" for r in rows)
    assert any("sets an example for Armenia" in r["text"] for r in rows)
    human = parley("quotes", "--db", str(seeds_db), "--speaker", "Prokhanov")
    assert "Alexander Prokhanov" in human.stdout


def test_people_across_articles(seeds_db):
    people = {p["name"]: p for p in as_json("people", "--db", str(seeds_db))}
    assert {"Vladimir Putin", "Ilham Aliyev", "Heydar Aliyev", "Sergei Markov"} <= set(people)
    assert len(people["Vladimir Putin"]["articles"]) == 5  # every sample mentions him
    assert len(people["Heydar Aliyev"]["articles"]) == 1


def test_timeline_filters_and_order(seeds_db):
    entries = as_json("timeline", "--db", str(seeds_db))
    dated = [e["date"]["value"] for e in entries if e["date"] and e["date"]["value"] and e["date"]["value"][:4].isdigit()]
    assert dated == sorted(dated)
    sochi = as_json("timeline", "--db", str(seeds_db), "--where", "Sochi", "--since", "2017", "--until", "2017-12")
    assert [e["date"]["value"] for e in sochi] == ["2017-07-21"]
    with_mishustin = as_json("timeline", "--db", str(seeds_db), "--actor", "Mishustin")
    assert with_mishustin and all(any("Mishustin" in p for p in e["participants"]) for e in with_mishustin)
    bad = parley("timeline", "--db", str(seeds_db), "--since", "July 2017")
    assert bad.returncode == 2 and "YYYY" in bad.stderr


def test_event_detail_cites_its_sources(seeds_db):
    entries = as_json("timeline", "--db", str(seeds_db), "--where", "Moscow")
    moscow = next(e for e in entries if len({m["article_id"] for m in e["mentions"]}) == 2)
    detail = as_json("events", moscow["timeline_id"][:9], "--db", str(seeds_db))
    assert len(detail["accounts"]) == 2
    for account in detail["accounts"]:
        for ev in account["evidence"]:
            assert ev["text"]
    assert any("April 22" in ev["text"] for a in detail["accounts"] for ev in a["evidence"])
    missing = parley("events", "nonexistent", "--db", str(seeds_db))
    assert missing.returncode == 1 and "no timeline entry" in missing.stderr


def test_conflicts_cite_both_sides(seeds_db):
    rows = as_json("conflicts", "--db", str(seeds_db))
    eaeu = [c for c in rows if "Eurasian Economic Union" in json.dumps(c)]
    assert eaeu
    stances = {side["stance"] for side in eaeu[0]["sides"]}
    assert {"possible", "denied"} <= stances
    assert len({side["article_id"] for side in eaeu[0]["sides"]}) == 2


def test_query_helpers():
    assert check_date("2024-04") == "2024-04"
    with pytest.raises(QueryError):
        check_date("2024/04/22")
    assert mentions_actor(["Vladimir Putin"], "putin")
    assert not mentions_actor(["Heydar Aliyev"], "Ilham")
    entries = [{"date": {"value": "2017-07-21"}, "participants": ["A B"], "location": "Sochi"},
               {"date": {"value": "XXXX-04-22"}, "participants": ["A B"], "location": "Moscow"},
               {"date": None, "participants": ["C D"], "location": None}]
    assert len(filter_timeline(entries, since="2000")) == 1  # partial and unknown dates cannot be placed
    assert len(filter_timeline(entries, actors=["B"])) == 2

"""`parley eval` on the development set: the floors that a regression must not cross.

The floors sit at what the sample corpus reaches today; raise them when the extraction improves.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from parley.errors import GoldError
from parley.evaluate import evaluate_gold, norm

from conftest import GOLD, SEEDS

FLOORS = {  # category: (minimum recall, minimum precision or None)
    "metadata": (1.0, None),
    "boilerplate": (1.0, None),
    "preserved": (1.0, None),
    "people": (1.0, 0.9),
    "roles": (1.0, None),
    "quotes.direct": (0.9, 0.8),
    "quotes.indirect": (0.9, 0.5),
    "speakers": (0.9, None),
    "amounts": (1.0, 0.75),
    "events": (1.0, 0.6),
    "topics": (1.0, None),
    "timeline": (1.0, None),
    "conflicts": (1.0, None),
}


@pytest.fixture(scope="module")
def report(gold):
    return evaluate_gold(GOLD, SEEDS)


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_category_floor(report, category):
    score = report.scores[category]
    min_recall, min_precision = FLOORS[category]
    assert score.gold > 0
    assert score.recall >= min_recall, (category, score.to_dict(), report.misses)
    if min_precision is not None:
        assert score.precision >= min_precision, (category, score.to_dict())


def test_eval_counts_what_the_gold_holds(report, gold):
    quotes = [q for d in gold["documents"] for q in d.get("quotes", [])]
    assert report.documents == len(gold["documents"])
    assert report.scores["quotes.direct"].gold == sum(q["kind"] == "direct" for q in quotes)
    assert report.scores["quotes.indirect"].gold == sum(q["kind"] == "indirect" for q in quotes)
    assert report.scores["people"].gold == sum(len(d.get("people", [])) for d in gold["documents"])


def test_eval_notices_a_wrong_record(gold, tmp_path):
    """The yardstick must be able to fail: a gold file that expects other things scores below 1."""
    doctored = json.loads(json.dumps(gold))
    doc = doctored["documents"][4]
    doc["author"] = "Somebody Else"
    doc["quotes"][0]["speaker"] = "Fikret Sadikhov"
    doc["events"][0]["date"] = "2016-07-21"
    path = tmp_path / "doctored.json"
    path.write_text(json.dumps(doctored))
    report = evaluate_gold(path, SEEDS)
    assert report.scores["metadata"].recall < 1.0
    assert report.scores["speakers"].recall < 1.0
    assert report.scores["events"].recall < 1.0
    assert any("author" in m for m in report.misses)


def test_cli_eval_json_and_bad_gold(gold, tmp_path):
    out = subprocess.run([sys.executable, "-m", "parley.cli.main", "eval", "--gold", str(GOLD), "--corpus", str(SEEDS),
                          "--json"], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(FLOORS) <= set(data["scores"])
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    out = subprocess.run([sys.executable, "-m", "parley.cli.main", "eval", "--gold", str(bad)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 1
    assert "bad.json" in out.stderr and "not valid JSON" in out.stderr
    with pytest.raises(GoldError, match="no such gold file"):
        evaluate_gold(tmp_path / "missing.json")


def test_norm_folds_quotes_and_space():
    assert norm("“Second\u00a0front”  against") == norm('"second front" against')

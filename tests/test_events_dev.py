"""Floors on the hand-annotated development set (tests/data/dev: ten written articles about leaders and countries
outside the sample corpus). They pin what event extraction reaches on news it was not written for, so a rule that
only fits the samples, or a regression in the general rules, fails here."""

from pathlib import Path

import pytest

from parley.evaluate import evaluate_gold

DEV = Path(__file__).parent / "data" / "dev"


@pytest.fixture(scope="module")
def report():
    return evaluate_gold(DEV / "dev.json", DEV)


def test_every_dev_article_is_scored(report):
    assert report.documents == 10


@pytest.mark.parametrize("name, recall_floor", [
    ("events", 0.76),        # type family, participants, place, date and status all right
    ("events.found", 0.96),  # type family and participants right
    ("topics", 0.89),
    ("timeline", 0.75),
    ("conflicts", 1.0),
])
def test_dev_recall_floor(report, name, recall_floor):
    assert report.scores[name].recall >= recall_floor, [m for m in report.misses if "event" in m or name in m]


def test_dev_event_precision_floor(report):
    assert report.scores["events.found"].precision >= 0.91


DEV2 = Path(__file__).parent / "data" / "dev2"


@pytest.fixture(scope="module")
def report2():
    return evaluate_gold(DEV2 / "dev2.json", DEV2)


@pytest.mark.parametrize("name, recall_floor", [
    ("events", 0.59),
    ("events.found", 0.83),
    ("topics", 0.95),
    ("timeline", 1.0),
])
def test_dev2_recall_floor(report2, name, recall_floor):
    """The second development set (six more articles, other regions)."""
    assert report2.scores[name].recall >= recall_floor, [m for m in report2.misses if "event" in m or name in m]


def test_dev2_event_precision_floor(report2):
    assert report2.scores["events.found"].precision >= 0.95

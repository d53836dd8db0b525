"""Three articles written and annotated by hand mid-way through the first build, kept away from everyone
tuning the extractors until its end (other leaders, other outlets' chrome, a phone call, a state visit
reported by two outlets, a claim and its denial). Floors at what the extraction reached on first sight of
them after the last round of fixes; raise them when it improves.

Known misses left in place: the call's agenda from "the two leaders discussed ..." in a later paragraph is
not attached to the call; "New Delhi had no plans to join any military alliance" vs "India might join an
expanded Quad" is not seen as one question; "(Wire)" gives the outlet "Wire", which the gold leaves null.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.evaluate import evaluate_gold

HELDOUT = Path(__file__).parent / "data" / "heldout"

FLOORS = {"boilerplate": 1.0, "preserved": 1.0, "people": 1.0, "roles": 1.0, "quotes.direct": 1.0,
          "quotes.indirect": 1.0, "speakers": 1.0, "amounts": 1.0, "events": 0.8, "events.found": 1.0,
          "topics": 0.95, "timeline": 1.0, "metadata": 0.9}


@pytest.fixture(scope="module")
def report():
    return evaluate_gold(HELDOUT / "heldout.json", HELDOUT)


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_heldout_floor(report, category):
    assert report.scores[category].recall >= FLOORS[category], report.misses

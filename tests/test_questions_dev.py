"""Floors for ask on the real-news development sets (issue 15): the analysts' questions of news-a and news-b,
asked over a store of the records extracted from their articles (``parley eval``'s ``questions`` rows).

Measured when these floors were set: news-a 29/30 answered with a citation holding an expected snippet, 5/5
unanswerables refused; news-b 26/30 and 5/5. A floor sits one question below what was measured (extraction
changes elsewhere may move one answer); every unanswerable question must stay refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
from _paths import SHARED  # noqa: E402

# news-b was 23 and its floor 22 until events stopped dating a meeting by the start of a period ("the 12th time
# they are meeting since 2015"): two answers that rested on that wrong date ("Meeting ... on 2015" for a meeting
# before October 2019) went with it, leaving 21.
# news-b rose to 26 when passages learnt irregular verbs ("held" for "hold"), NLTK's function words, "as of" a
# date, a count for "how many times", the thing a "what gift"/"what did X ask" question is about, the year of an
# undated page from the timeline entry its report joins, and answers split over two sentences: floor 25.
FLOORS = {"news-a": 28, "news-b": 25}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_dev_questions_keep_their_floor(name):
    gold = SHARED / "gold" / f"{name}.json"
    if not gold.exists():
        pytest.skip(f"real-news gold not found at {gold} (set PARLEY_SHARED to the shared folder)")
    from parley.evaluate import evaluate_gold

    report = evaluate_gold(gold)
    answered, refused = report.scores["questions"], report.scores["questions.refused"]
    misses = [m for m in report.misses if m.startswith("questions")]
    assert answered.matched >= FLOORS[name], misses
    assert refused.matched == refused.gold, misses

"""Statements that contradict each other across articles. (stub: to be built)"""

from __future__ import annotations

from collections.abc import Sequence

from parley.models import Record


def find_conflicts(records: Sequence[Record], timeline) -> list:
    return []

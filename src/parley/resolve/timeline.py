"""Cross-article event merge into one timeline. (stub: to be built)"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from parley.models import Record


@dataclass(frozen=True)
class Timeline:
    entries: tuple = ()

    def to_dict(self) -> dict:
        return {"entries": [e.to_dict() for e in self.entries]}


def build_timeline(records: Sequence[Record]) -> Timeline:
    return Timeline()


def assign_timeline_ids(records: Sequence[Record], timeline: Timeline) -> list[Record]:
    return list(records)

"""Canonical people across the articles of the store. (stub: to be built)"""

from __future__ import annotations

from collections.abc import Iterable

from parley.models import Record


def merge_people(records: Iterable[Record]) -> list:
    return []

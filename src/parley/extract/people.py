"""People (one canonical entity per person per article, with roles and every mention) and other named entities.
(stub: to be built)"""

from __future__ import annotations

from parley.models import Entity


def extract_entities(doc) -> tuple[Entity, ...]:
    return ()

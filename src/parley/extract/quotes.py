"""Direct, indirect and mixed quotes with speakers resolved to named people. (stub: to be built)"""

from __future__ import annotations

from parley.models import Entity, Quote


def extract_quotes(doc, entities: tuple[Entity, ...]) -> tuple[Quote, ...]:
    return ()

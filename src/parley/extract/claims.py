"""Stance-bearing statements (X may / will not join Y) that can be compared across articles. (stub: to be built)"""

from __future__ import annotations

from typing import Any

from parley.models import Article, Entity, Quote


def extract_claims(doc, entities: tuple[Entity, ...], quotes: tuple[Quote, ...], article: Article) -> tuple[dict[str, Any], ...]:
    return ()

"""Pure functions from a spaCy Doc (of Article.text) to records with character offsets.

build_record(article, doc) is the one place the extraction steps are called, in order:
    1. sentences   doc.sents -> (start, end) offsets
    2. timexes     temporal expressions normalised against article.published   (extract.timex)
    3. entities    people with roles and every mention; organisations, places   (extract.people)
    4. quotes      direct and indirect speech with resolved speakers             (extract.quotes)
    5. amounts     money, counts, areas with the object they measure             (extract.amounts)
    6. events      meetings, visits, calls, agreements with agenda topics        (extract.events)
    7. claims      stance-bearing statements compared across articles            (extract.claims)
"""

from __future__ import annotations

from parley.extract.amounts import extract_amounts
from parley.extract.claims import extract_claims
from parley.extract.events import extract_events
from parley.extract.people import extract_entities
from parley.extract.quotes import extract_quotes
from parley.extract.timex import extract_timexes
from parley.models import Article, Record

__all__ = ["build_record", "sentence_spans"]


def sentence_spans(doc) -> tuple[tuple[int, int], ...]:
    return tuple((s.start_char, s.end_char) for s in doc.sents)


def build_record(article: Article, doc) -> Record:
    sentences = sentence_spans(doc)
    timexes = extract_timexes(doc, article.published)
    entities = extract_entities(doc)
    quotes = extract_quotes(doc, entities)
    amounts = extract_amounts(doc)
    events = extract_events(doc, entities, timexes, article)
    claims = extract_claims(doc, entities, quotes, article, events, timexes)
    return Record(
        article=article,
        entities=entities,
        quotes=quotes,
        events=events,
        amounts=amounts,
        timexes=timexes,
        sentences=sentences,
        claims=claims,
    )

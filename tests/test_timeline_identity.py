"""The one person identity as the timeline uses it, on names written for the test: a given name romanized two ways
("Zh" / "J" for Cyrillic "Ж") in a name whose other words are the same is one person, and its reports merge; two
given names that differ are two people, however alike the rest."""

from __future__ import annotations

import pytest

from parley.knowledge.identity import same_person
from parley.models import Article, Event, EventDate, Evidence, Record
from parley.resolve.timeline import build_timeline


@pytest.mark.parametrize("a, b, same", [
    ("Aidos Zhanbolat Serikov", "Aidos Janbolat Serikov", True),  # Ж as "Zh" and as "J"
    ("Nurlan Zhaksylyk Beisenov", "Nurlan Jaksylyk Beisenov", True),
    ("Aidos Zhanbolat Serikov", "Aidos Yerbolat Serikov", False),  # another given name
    ("Aidos Serikov", "Nurlan Serikov", False),  # two words, one shared: never by this rule
    ("Aidos Zhanbolat Serikov", "Aidos Zhanbolat Seitov", False),  # a family name nearly the same is another
])
def test_one_word_romanized_otherwise(a, b, same):
    assert same_person(a, b) is same
    assert same_person(b, a) is same


def _report(aid: str, published: str, people, date: str | None) -> Record:
    text = f"{people[0]} met {people[1]} in Astana."
    event = Event(id="ev1", type="talks", participants=tuple(people), location="Astana",
                  date=EventDate(date, None) if date else None, evidence=(Evidence(0, len(text)),), actors=("KAZ", "UZB"))
    return Record(article=Article(id=aid, source=f"{aid}.txt", text=text, published=published), events=(event,),
                  sentences=((0, len(text)),))


def test_reports_naming_one_person_in_two_romanizations_merge():
    one = _report("a", "2024-05-02", ("Aidos Zhanbolat Serikov", "Timur Rashidov"), "2024-05-02")
    other = _report("b", "2024-05-03", ("Timur Rashidov", "Aidos Janbolat Serikov"), None)
    entry = build_timeline([one, other]).entry_for("a", "ev1")
    assert {m.article_id for m in entry.mentions} == {"a", "b"}

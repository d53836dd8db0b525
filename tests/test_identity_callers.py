"""The callers of the one person identity: extraction's people, the people merged across articles, the timeline
and eval all tell name variants apart the same way. Texts and names are written for these tests."""

from __future__ import annotations

from parley.evaluate import _same_person as eval_same_person
from parley.extract.people import extract_entities
from parley.models import Article, Entity, Event, EventDate, Evidence, Mention, Record
from parley.resolve.people import merge_people
from parley.resolve.timeline import build_timeline


def _persons(nlp, text: str) -> list[str]:
    return sorted(e.name for e in extract_entities(nlp(text)) if e.type == "PERSON")


def test_extraction_joins_a_name_written_family_name_first(nlp):
    text = ("Japanese Prime Minister Fumio Kishida arrived in Seoul on Sunday for talks on export controls.\n\n"
            "Officials said Kishida Fumio would also visit a memorial before flying back to Tokyo.")
    found = _persons(nlp, text)
    assert len([n for n in found if "Kishida" in n]) == 1, found


def test_extraction_keeps_two_given_names_of_one_family_apart(nlp):
    text = ("President Ferdinand Marcos Jr. opened the trade fair in Manila on Monday.\n\n"
            "His mother Imelda Marcos, a former first lady, attended the opening with Ferdinand Marcos Jr.")
    found = _persons(nlp, text)
    assert any(n.startswith("Imelda") for n in found) and any(n.startswith("Ferdinand") for n in found), found


def _rec(aid: str, *names: str, quotes: int = 0) -> Record:
    text = " and ".join(names)
    ents, pos = [], 0
    for k, name in enumerate(names):
        ents.append(Entity(f"e{k}", name, "PERSON", mentions=(Mention(pos, pos + len(name), name),)))
        pos += len(name) + len(" and ")
    return Record(article=Article(id=aid, source=aid, text=text), entities=tuple(ents))


def test_people_across_articles_join_every_variant_and_keep_it_as_an_alias():
    merged = merge_people([_rec("a", "Abiy Ahmed Ali"), _rec("b", "Abiy Ahmed"), _rec("c", "Yoon Suk-yeol"),
                           _rec("d", "Yoon Suk Yeol"), _rec("e", "K. Shanmugam"), _rec("f", "K Shanmugam"),
                           _rec("g", "State Councilor Wang Yi"), _rec("h", "Wang Yi")])
    by_articles = sorted(tuple(sorted({a for a, _ in p.articles})) for p in merged)
    assert by_articles == [("a", "b"), ("c", "d"), ("e", "f"), ("g", "h")]
    abiy = next(p for p in merged if {a for a, _ in p.articles} == {"a", "b"})
    assert {abiy.name, *abiy.aliases} >= {"Abiy Ahmed Ali", "Abiy Ahmed"}


def test_a_bare_surname_of_two_people_stays_apart_across_articles():
    merged = merge_people([_rec("a", "Ferdinand Marcos Jr."), _rec("b", "Imelda Marcos"), _rec("c", "Marcos")])
    assert sorted(p.name for p in merged) == ["Ferdinand Marcos Jr.", "Imelda Marcos", "Marcos"]
    merged = merge_people([_rec("a", "Ferdinand Marcos Jr."), _rec("c", "Marcos")])
    assert [p.name for p in merged] == ["Ferdinand Marcos Jr."]


def _meeting(aid: str, published: str, *participants: str) -> Record:
    text = f"{' and '.join(participants)} met in Seoul on May 7, 2023."
    ev = Event("ev1", "meeting", tuple(participants), location="Seoul", date=EventDate("2023-05-07", "May 7, 2023"),
               evidence=(Evidence(0, len(text)),))
    return Record(article=Article(id=aid, source=aid, text=text, published=published), events=(ev,))


def test_the_timeline_merges_reports_that_write_the_names_differently():
    tl = build_timeline([_meeting("a", "2023-05-07", "Fumio Kishida", "Yoon Suk-yeol"),
                         _meeting("b", "2023-05-08", "Kishida Fumio", "Yoon Suk Yeol")])
    assert len(tl) == 1
    assert len(tl.entries[0].participants) == 2


def test_the_timeline_keeps_meetings_of_different_family_members_apart():
    tl = build_timeline([_meeting("a", "2023-05-07", "Imelda Marcos", "Yoon Suk Yeol"),
                         _meeting("b", "2023-05-08", "Ferdinand Marcos", "Yoon Suk Yeol")])
    assert len(tl) == 2


def test_eval_counts_an_unlisted_variant_but_not_a_surname_two_gold_people_share():
    aliases = {"k. shanmugam": {"k. shanmugam"}, "ferdinand marcos jr.": {"ferdinand marcos jr."},
               "imelda marcos": {"imelda marcos"}}
    assert eval_same_person("K Shanmugam", "K. Shanmugam", aliases)
    assert not eval_same_person("Marcos", "Ferdinand Marcos Jr.", aliases)
    assert not eval_same_person("Imelda Marcos", "Ferdinand Marcos Jr.", aliases)
    assert not eval_same_person(None, "K. Shanmugam", aliases)


def test_a_bare_surname_spelled_another_way_joins_its_one_person():
    merged = merge_people([_rec("a", "Volodymyr Zelensky"), _rec("b", "Zelenskyy")])
    assert [p.name for p in merged] == ["Volodymyr Zelensky"]

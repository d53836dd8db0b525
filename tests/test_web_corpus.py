"""A small corpus written by hand for the web, API and report tests, with exact offsets.

Three articles about two made-up leaders (so nothing depends on the sample texts), one hostile article whose
text, title, outlet, speaker and place carry markup that must never run, and the corpus-level results
(timeline, people, conflicts) in the shapes the resolve step writes. Other test modules import
``build_handmade_store``; the tests below check the corpus itself so that a broken fixture fails loudly.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path

from _servers import serving
from parley.models import Amount, Article, Entity, Event, EventDate, Evidence, Mention, Quote, Record

EVIL = "<script>window.__pwned=1</script>"

TEXT_A = (
    "Chancellor Maria Keller met President Tomas Reyes in Vienna on 1 March 2019. "
    "The two leaders discussed gas transit and a new rail link between the capitals. "
    "\"We will double trade within five years,\" Keller said after the meeting. "
    "Trade between the two countries reached 3 billion euros last year, according to the ministry."
)
TEXT_B = (
    "Tomas Reyes and Maria Keller held talks in Vienna on Friday. "
    "\"Our countries have never been closer,\" Reyes told reporters. "
    "Reyes said the rail link was not on the agenda of the talks in Vienna."
)
TEXT_C = (
    "President Tomas Reyes received Chancellor Maria Keller in Lima on 9 June 2021. "
    "Keller said gas transit would remain the priority of the partnership."
)
TEXT_D = (
    f"Reports of a summit in Nowhere circulated widely. {EVIL} "
    "An official said \"<img src=x onerror=window.__pwned=2> is not a place\" to reporters."
)


def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in re.finditer(r"[^\s.!?][^.!?]*[.!?](?=\s|$)\"?", text)
                 if text[m.start():m.end()].strip())


def _sentence_of(text: str, needle: str) -> Evidence:
    i = text.index(needle)
    for s, e in _sentences(text):
        if s <= i < e:
            while text[s] == " ":
                s += 1
            return Evidence(s, e)
    raise AssertionError(needle)


def _quote(text: str, words: str, speaker: str, cue: str, kind: str = "direct") -> Quote:
    i = text.index(words)
    return Quote(text=words, kind=kind, start=i, end=i + len(words), speaker=speaker, cue=cue)


def _person(eid: str, name: str, text: str, roles: tuple[str, ...]) -> Entity:
    mentions = tuple(Mention(m.start(), m.end(), m.group()) for m in re.finditer(re.escape(name.split()[-1]), text))
    return Entity(id=eid, name=name, type="PERSON", roles=roles, mentions=mentions)


def handmade_records() -> list[Record]:
    a = Article(id="a" * 16, source="handmade/a.txt", text=TEXT_A, title="Keller and Reyes meet in Vienna",
                outlet="Danube Courier", published="2019-03-02")
    b = Article(id="b" * 16, source="handmade/b.txt", text=TEXT_B, title="Reyes: never been closer",
                outlet="Andes Daily", published="2019-03-03")
    c = Article(id="c" * 16, source="handmade/c.txt", text=TEXT_C, title="Reyes hosts Keller in Lima",
                outlet="Andes Daily", published="2021-06-10")
    d = Article(id="d" * 16, source="handmade/d.txt", text=TEXT_D, title=f"{EVIL} Summit rumours",
                outlet="<b>Evil</b> Times", published="2020-05-05")
    money = TEXT_A.index("3 billion euros")
    ra = Record(
        article=a,
        entities=(_person("e1", "Maria Keller", TEXT_A, ("Chancellor",)),
                  _person("e2", "Tomas Reyes", TEXT_A, ("President",))),
        quotes=(_quote(TEXT_A, "We will double trade within five years,", "Maria Keller", "said"),),
        events=(Event(id="ev1", type="meeting", participants=("Maria Keller", "Tomas Reyes"), location="Vienna",
                      date=EventDate("2019-03-01", "1 March 2019"), topics=("gas transit", "rail link"),
                      evidence=(_sentence_of(TEXT_A, "met President"),),
                      topic_evidence=(_sentence_of(TEXT_A, "gas transit"),), timeline_id="t-vienna-2019"),),
        amounts=(Amount(3e9, "EUR", "3 billion euros", money, money + len("3 billion euros"), "trade"),),
        sentences=_sentences(TEXT_A),
    )
    rb = Record(
        article=b,
        entities=(_person("e1", "Tomas Reyes", TEXT_B, ()), _person("e2", "Maria Keller", TEXT_B, ())),
        quotes=(_quote(TEXT_B, "Our countries have never been closer,", "Tomas Reyes", "told"),
                _quote(TEXT_B, "the rail link was not on the agenda of the talks in Vienna", "Tomas Reyes", "said",
                       "indirect")),
        events=(Event(id="ev1", type="talks", participants=("Tomas Reyes", "Maria Keller"), location="Vienna",
                      date=EventDate("2019-03-01", "Friday"), evidence=(_sentence_of(TEXT_B, "held talks"),),
                      timeline_id="t-vienna-2019"),),
        sentences=_sentences(TEXT_B),
    )
    rc = Record(
        article=c,
        entities=(_person("e1", "Tomas Reyes", TEXT_C, ("President",)),
                  _person("e2", "Maria Keller", TEXT_C, ("Chancellor",))),
        quotes=(_quote(TEXT_C, "gas transit would remain the priority of the partnership", "Maria Keller", "said",
                       "indirect"),),
        events=(Event(id="ev1", type="visit", participants=("Maria Keller", "Tomas Reyes"), location="Lima",
                      date=EventDate("2021-06-09", "9 June 2021"), topics=("gas transit",),
                      evidence=(_sentence_of(TEXT_C, "received"),), topic_evidence=(_sentence_of(TEXT_C, "priority"),),
                      timeline_id="t-lima-2021"),),
        sentences=_sentences(TEXT_C),
    )
    rd = Record(
        article=d,
        entities=(Entity("e1", EVIL, "PERSON", (EVIL,), ()),),
        quotes=(_quote(TEXT_D, "<img src=x onerror=window.__pwned=2> is not a place", EVIL, "said"),),
        events=(Event(id="ev1", type="summit", participants=(EVIL, "Tomas Reyes"), location=f"Nowhere {EVIL}",
                      date=EventDate("2020", "2020"), topics=(EVIL,), evidence=(_sentence_of(TEXT_D, "Reports"),),
                      timeline_id="t-evil"),),
        sentences=_sentences(TEXT_D),
    )
    return [ra, rb, rc, rd]


def handmade_corpus(records: list[Record]) -> dict:
    by = {r.article.id: r for r in records}

    def mention(aid: str) -> dict:
        ev = by[aid].events[0]
        return {"article_id": aid, "event_id": ev.id, "confidence": 0.9,
                "evidence": [{"start": x.start, "end": x.end} for x in ev.evidence]}

    timeline = [
        {"timeline_id": "t-vienna-2019", "type": "meeting", "date": "2019-03-01", "location": "Vienna",
         "participants": ["Maria Keller", "Tomas Reyes"], "status": "occurred", "topics": ["gas transit", "rail link"],
         "mentions": [mention("a" * 16), mention("b" * 16)]},
        {"timeline_id": "t-evil", "type": "summit", "date": "2020", "location": f"Nowhere {EVIL}",
         "participants": [EVIL, "Tomas Reyes"], "status": "occurred", "topics": [EVIL], "mentions": [mention("d" * 16)]},
        {"timeline_id": "t-lima-2021", "type": "visit", "date": "2021-06-09", "location": "Lima",
         "participants": ["Maria Keller", "Tomas Reyes"], "status": "occurred", "topics": ["gas transit"],
         "mentions": [mention("c" * 16)]},
    ]
    people = [
        {"name": "Tomas Reyes", "aliases": ["Reyes"], "roles": ["President"], "articles": ["a" * 16, "b" * 16, "c" * 16],
         "mention_count": 7, "quote_count": 2},
        {"name": "Maria Keller", "aliases": ["Keller"], "roles": ["Chancellor"], "articles": ["a" * 16, "b" * 16, "c" * 16],
         "mention_count": 6, "quote_count": 2},
        {"name": EVIL, "aliases": [], "roles": [EVIL], "articles": ["d" * 16], "mention_count": 1, "quote_count": 1},
    ]
    ea = by["a" * 16].events[0].topic_evidence[0]
    nb = TEXT_B.index("the rail link was not")
    conflicts = [{
        "kind": "claim", "question": "Was the rail link discussed in Vienna?",
        "sides": [
            {"article_id": "a" * 16, "start": ea.start, "end": ea.end, "text": TEXT_A[ea.start:ea.end],
             "speaker": None, "stance": "yes"},
            {"article_id": "b" * 16, "start": nb, "end": nb + 58, "text": TEXT_B[nb:nb + 58],
             "speaker": "Tomas Reyes", "stance": "no"},
        ],
    }]
    return {"people": people, "timeline": timeline, "conflicts": conflicts}


def build_handmade_store(path: Path) -> Path:
    from parley.store import Store

    records = handmade_records()
    with Store(path) as store:
        store.write_records(records)
        store.replace_corpus(**handmade_corpus(records))
    return path


def test_handmade_offsets_point_at_their_text():
    for r in handmade_records():
        t = r.article.text
        for q in r.quotes:
            assert t[q.start:q.end] == q.text
        for x in r.amounts:
            assert t[x.start:x.end] == x.text
        for e in r.events:
            for ev in (*e.evidence, *e.topic_evidence):
                sentence = t[ev.start:ev.end]
                assert sentence[0].isupper() or sentence[0] == "<" and sentence.rstrip('"')[-1] in ".!?"


def test_handmade_store_round_trips(tmp_path):
    from parley.store import Store

    path = build_handmade_store(tmp_path / "h.duckdb")
    with Store(path, read_only=True) as store:
        assert store.count() == 4
        assert [e["timeline_id"] for e in store.timeline()] == ["t-vienna-2019", "t-evil", "t-lima-2021"]
        assert store.record("a" * 16).events[0].evidence[0].start == 0


@contextlib.contextmanager
def running_server(db_path: Path) -> Iterator[str]:
    """A real uvicorn server for the app on a free localhost port, in a background thread; yields its URL."""
    from parley.api import create_app

    with serving(create_app(db_path)) as url:
        yield url

"""Time in questions: a date of reference ("before their June 2024 talks"), a question about what is still to
come ("when will they meet?"), on small stores written directly (no spaCy).

The articles are written for these tests: two foreign ministers who meet twice and plan a third meeting.
"""

from __future__ import annotations

import pytest

from parley.models import Article, Entity, Event, EventDate, Evidence, Mention, Record, Timex
from parley.search import ask, update_index
from parley.search.questions import DateWanted, _dates, value_start
from parley.store import Store

TALKS = (
    "Foreign Minister Lena Holm and Foreign Minister Piet Maas met in Oslo on June 3, 2024.\n\n"
    "The two ministers had met in Geneva in March 2024 at a conference on Arctic shipping. "
    "Holm and Maas spoke by phone on Monday about fishing quotas."
)
PLAN = "Lena Holm is to visit Piet Maas in Bergen on July 15, 2024, her office said."


def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == "." and (i + 1 == len(text) or text[i + 1] in " \n"):
            s = start
            while text[s] in " \n":
                s += 1
            out.append((s, i + 1))
            start = i + 1
    return tuple(out)


def _at(text: str, snippet: str) -> tuple[int, int]:
    start = text.index(snippet)
    return start, start + len(snippet)


def _timex(text: str, snippet: str, value: str) -> Timex:
    s, e = _at(text, snippet)
    return Timex(snippet, value, "DATE", s, e)


def _people(text: str) -> tuple[Entity, ...]:
    return tuple(Entity(f"e{i}", name, "PERSON", ("Foreign Minister",), (Mention(*_at(text, name), name),))
                 for i, name in enumerate(("Lena Holm", "Piet Maas"), start=1))


def _talks() -> Record:
    text = TALKS
    oslo = _at(text, "Foreign Minister Lena Holm and Foreign Minister Piet Maas met in Oslo on June 3, 2024.")
    geneva = _at(text, "The two ministers had met in Geneva in March 2024 at a conference on Arctic shipping.")
    call = _at(text, "Holm and Maas spoke by phone on Monday about fishing quotas.")
    who = ("Lena Holm", "Piet Maas")
    return Record(
        article=Article(id="t" * 16, source="talks.txt", text=text, title="Holm and Maas meet in Oslo",
                        outlet="Fjord Post", published="2024-06-04"),
        sentences=_sentences(text),
        entities=(*_people(text), Entity("e3", "Oslo", "GPE"), Entity("e4", "Geneva", "GPE")),
        events=(Event(id="ev1", type="meeting", participants=who, location="Oslo",
                      date=EventDate("2024-06-03", "June 3, 2024"), evidence=(Evidence(*oslo),)),
                Event(id="ev2", type="meeting", participants=who, location="Geneva",
                      date=EventDate("2024-03", "March 2024"), evidence=(Evidence(*geneva),)),
                Event(id="ev3", type="call", participants=who, date=EventDate("2024-06-03", "Monday"),
                      evidence=(Evidence(*call),))),
        timexes=(_timex(text, "June 3, 2024", "2024-06-03"), _timex(text, "March 2024", "2024-03"),
                 _timex(text, "Monday", "2024-06-03")),
    )


def _plan() -> Record:
    text = PLAN
    return Record(
        article=Article(id="p" * 16, source="plan.txt", text=text, title="Holm to visit Bergen", outlet="Fjord Post",
                        published="2024-06-20"),
        sentences=_sentences(text),
        entities=(*_people(text), Entity("e3", "Bergen", "GPE")),
        events=(Event(id="ev1", type="visit", participants=("Lena Holm", "Piet Maas"), location="Bergen",
                      date=EventDate("2024-07-15", "July 15, 2024"), status="planned",
                      evidence=(Evidence(0, len(text)),)),),
        timexes=(_timex(text, "July 15, 2024", "2024-07-15"),),
    )


def _store(path, records):
    store = Store(path)
    store.write_records(records)
    store.replace_corpus(people=[], timeline=[], conflicts=[])
    update_index(store)
    return store


@pytest.fixture()
def talks_store(tmp_path):
    with _store(tmp_path / "talks.duckdb", [_talks()]) as store:
        yield store


def _cited(answer) -> list[str]:
    return [c.text for p in answer.parts for c in p.citations]


# -- dates of reference -------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, relation", [
    ("Which was the last visit to Norway before Holm's January 2025 trip?", "before"),
    ("Where had the two ministers met shortly before their June 2024 talks in Oslo?", "before"),
    ("How many accords did they sign after the talks in Oslo in June 2024?", "after"),
    ("What did Holm say in June 2024?", "on"),
])
def test_a_date_after_before_or_after_is_a_point_of_reference(question, relation):
    (date,) = _dates(question)
    assert date.relation == relation


def test_a_phrase_of_relation_without_a_date_is_no_reference():
    assert _dates("When did Holm and Maas speak by phone before meeting in Oslo?") == []


def test_before_and_after_compare_the_days_values_cover():
    before = DateWanted(year="2019", month=10, text="October 2019", relation="before")
    after = DateWanted(year="2019", month=10, text="October 2019", relation="after")
    assert before.matches("2019-W39")  # the week of September 23
    assert before.matches("2019-09-30") and not before.matches("2019-10-05")
    assert after.matches("2019-10-05") and not after.matches("2019-09")
    assert not before.matches("XXXX-09-30")  # no year: nothing says it is before
    assert not before.in_text("They met in October 2019.")  # the date of reference is not the date asked
    assert value_start("2023-FA") is None and str(value_start("2024-Q3")) == "2024-07-01"


def test_the_event_of_reference_is_not_the_answer(talks_store):
    answer = ask(talks_store, "Where had Holm and Maas met before their June 2024 talks in Oslo?")
    assert answer.answered and answer.basis == "structured"
    assert "Geneva" in answer.parts[0].text
    assert all("Oslo" not in p.text for p in answer.parts if p.text.startswith("Meeting"))


# -- what is still to come ----------------------------------------------------------------------------------

def test_a_question_about_a_future_meeting_is_not_answered_by_a_past_one(talks_store):
    answer = ask(talks_store, "On what date will Holm meet Maas in person?")
    assert not answer.answered, _cited(answer)


def test_a_question_about_a_future_meeting_is_answered_by_a_planned_one(tmp_path):
    with _store(tmp_path / "plan.duckdb", [_talks(), _plan()]) as store:
        answer = ask(store, "On what date will Holm meet Maas in person?")
    assert answer.answered
    assert any("July 15, 2024" in text for text in _cited(answer))
    assert all("spoke by phone" not in text and "met in Oslo" not in text for text in _cited(answer))

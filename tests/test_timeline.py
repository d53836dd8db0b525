"""Cross-article timeline on articles written for these tests: two outlets reporting one meeting in different
words become one entry; the same pair in the same city at another time stays apart."""

from __future__ import annotations

import pytest

from _helpers import records_of

from parley.extract import build_record
from parley.models import Article
from parley.resolve._days import date_value
from parley.resolve.timeline import assign_timeline_ids, build_timeline, date_precision, same_person

OUTLET_A = ("Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev met in Brussels on "
            "May 14. The talks were devoted to the peace agreement and transport links.")
OUTLET_B = ("Talks between Aliyev and Pashinyan took place in Brussels on 14 May 2023. Aliyev said the sides "
            "discussed border delimitation and the peace treaty.")
OUTLET_C = ("Ilham Aliyev and Nikol Pashinyan met in Brussels on July 15, 2023 to continue talks on the peace deal.")
OUTLET_D = "Ilham Aliyev and Nikol Pashinyan met in Brussels in 2019. Years later, they met again in Prague."


@pytest.fixture(scope="module")
def records():
    return records_of(((OUTLET_A, "2023-05-15"), (OUTLET_B, "2023-05-16"), (OUTLET_C, "2023-07-16"),
                       (OUTLET_D, "2023-08-01")), prefix="a")


def test_two_outlets_one_meeting_merge(records):
    tl = build_timeline(records)
    entry = tl.entry_for("a0", "ev1")
    assert entry is not None
    assert {m.article_id for m in entry.mentions} == {"a0", "a1"}
    assert entry.date == "2023-05-14" and entry.precision == "day"
    assert entry.location == "Brussels"
    assert {p.split()[-1] for p in entry.participants} == {"Aliyev", "Pashinyan"}
    assert "peace agreement" in entry.topics  # union of both outlets' agendas
    for m in entry.mentions:
        assert m.evidence


def test_same_pair_same_city_other_dates_stay_apart(records):
    tl = build_timeline(records)
    may = tl.entry_for("a0", "ev1")
    july = tl.entry_for("a2", "ev1")
    y2019 = next(e for e in tl if e.date == "2019")
    assert len({may.timeline_id, july.timeline_id, y2019.timeline_id}) == 3


def test_order_is_oldest_first_with_undated_last(records):
    tl = build_timeline(records)
    dates = [e.date for e in tl]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, key=lambda d: d[:4])
    assert dates[0] == "2019"
    if None in dates:
        assert all(d is None for d in dates[dates.index(None):])


def test_ids_are_stable_and_assigned_to_events(records):
    a, b = build_timeline(records), build_timeline(list(reversed(records)))
    assert [e.timeline_id for e in a] == [e.timeline_id for e in b]
    assigned = assign_timeline_ids(records, a)
    ids = {e.timeline_id for r in assigned for e in r.events}
    assert None not in ids
    assert assigned[0].events[0].timeline_id == assigned[1].events[0].timeline_id
    d = a.to_dict()
    assert d["entries"][0]["timeline_id"].startswith("tl-")
    assert {"article_id", "event_id", "evidence", "confidence"} <= set(d["entries"][0]["mentions"][0])


def test_undated_visits_to_one_city_are_not_merged():
    from parley.nlp import load

    nlp = load()
    texts = ["Putin's visit to Baku during the forum will focus on energy.",
             "What prompted the unexpected visit of Putin to Baku amid the fighting in Kursk?"]
    recs = [build_record(Article(id=f"u{i}", source="t", text=t), nlp(t)) for i, t in enumerate(texts)]
    tl = build_timeline(recs)
    visits = [e for e in tl if e.type == "visit"]
    assert len(visits) == 2


def test_helpers():
    assert same_person("Putin", "Vladimir Putin")
    assert not same_person("Heydar Aliyev", "Ilham Aliyev")
    assert date_precision("XXXX-04-22") == "month-day"
    assert date_precision("2022") == "year"
    assert date_precision(None) == "none"


def test_a_name_without_its_first_given_name_is_the_same_person():
    assert same_person("Tayyip Erdogan", "Recep Tayyip Erdogan")
    assert same_person("Lula da Silva", "Luiz Inacio Lula da Silva")
    assert not same_person("Kim Jong Un", "Kim Jong Il")
    assert not same_person("George W. Bush", "George H. W. Bush")


def _records(pairs):
    return records_of(pairs, prefix="r")


def test_a_weekday_and_that_days_date_are_one_meeting():
    recs = _records([
        ("Chilean President Gabriel Boric and Argentine President Javier Milei held talks in Santiago on "
         "March 4, 2025, on the reopening of mountain border crossings.", None),
        ("Gabriel Boric and Javier Milei held talks in Santiago on Tuesday on mountain border crossings.", None),
    ])
    # an undated page's "on Tuesday" gives the event no date value (the words stay); resolution reads the weekday
    assert [e.date.value for e in recs[1].events if e.date] == [None]
    days = [date_value(e) for r in recs for e in r.events if e.date]
    assert "2025-03-04" in days and any(d.startswith("XXXX-WXX-2") for d in days), days  # 4 March 2025: a Tuesday
    tl = build_timeline(recs)
    assert len({tl.entry_for(r.article.id, r.events[0].id).timeline_id for r in recs}) == 1


def test_another_weekday_keeps_the_meetings_apart():
    recs = _records([
        ("Chilean President Gabriel Boric and Argentine President Javier Milei held talks in Santiago on "
         "March 4, 2025, on the reopening of mountain border crossings.", None),
        ("Gabriel Boric and Javier Milei held talks in Santiago on Friday on mountain border crossings.", None),
    ])
    tl = build_timeline(recs)
    assert len({tl.entry_for(r.article.id, r.events[0].id).timeline_id for r in recs}) == 2


def test_two_reports_of_the_same_days_merge_though_neither_dates_the_talks():
    recs = _records([
        ("Turkish Foreign Minister Hakan Fidan and US Secretary of State Marco Rubio held talks in Brussels, "
         "focusing on Syria and the war in Ukraine.", "2025-04-03"),
        ("Marco Rubio and Hakan Fidan met in Brussels, where they discussed Syria.", "2025-04-04"),
        ("Marco Rubio and Hakan Fidan met in Brussels, where they discussed Syria.", "2025-06-20"),
    ])
    tl = build_timeline(recs)
    ids = [tl.entry_for(r.article.id, r.events[0].id).timeline_id for r in recs]
    assert ids[0] == ids[1]  # published a day apart
    assert ids[2] != ids[0]  # eleven weeks later: another meeting

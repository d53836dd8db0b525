"""Issue 16, the timeline lookup at size: a new report reaches, through the keys the store indexes, the stored reports
of its own people and days, not every stored report of a weekday or every placed report of two people; the keys of
two names the person identity calls one person meet; keys written by an older parley are recomputed once; and a
report that names nobody does not make reports of different people one event."""

from __future__ import annotations

import random

import pytest

from parley import pipeline
from parley.ingest.dedup import DuplicateIndex
from parley.knowledge.identity import same_person
from parley.models import Article, Event, EventDate, Evidence, Record
from parley.resolve import incremental
from parley.resolve import timeline as tl
from parley.resolve._names import person_keys

N = 1500  # stored reports
GIVEN = ["Amara", "Bogdan", "Chiara", "Dariusz", "Esra", "Farid", "Greta", "Hamid", "Ines", "Jovan", "Katya", "Luis"]
FAMILY = ["Okonkwo", "Petrescu", "Quispe", "Rahimov", "Sandoval", "Tkachenko", "Umarov", "Valdivia", "Wieczorek",
          "Xhaferi", "Yildirim", "Zapata"]


def _record(aid: str, people: tuple[str, ...], value: str | None, place: str | None, etype: str = "meeting",
            published: str | None = "2024-03-12") -> Record:
    text = f"The two held a {etype}."
    ev = Event(id="ev1", type=etype, participants=people, location=place, date=EventDate(value, None),
               evidence=(Evidence(0, len(text)),))
    return Record(article=Article(id=aid, source=f"{aid}.txt", text=text, published=published), events=(ev,))


def _stored(n: int) -> list[Record]:
    """n reports of meetings of two people drawn from 144 names, on calendar days of 2023 (a sixth of them on a
    Tuesday or any other day), at one of four cities."""
    rng = random.Random(5)
    out = []
    for k in range(n):
        a, b = rng.sample([f"{g} {f}" for g in GIVEN for f in FAMILY], 2)
        day = 1 + rng.randrange(28)
        out.append(_record(f"s{k:04d}", (a, b), f"2023-{1 + rng.randrange(12):02d}-{day:02d}",
                           rng.choice(["Lima", "Quito", "Riga", "Oslo"])))
    return out


def _write(store, records):
    dup = DuplicateIndex()
    store.write_records(records, {}, [pipeline.article_index(r, None, dup) for r in records])


@pytest.fixture()
def big_store(tmp_path, monkeypatch):
    from parley.store import Store

    monkeypatch.setattr(pipeline, "update_index", lambda store: None)
    with Store(tmp_path / "big.duckdb") as store:
        _write(store, _stored(N))
        pipeline.refresh(store)
        yield store


def _reached(store, rec: Record) -> set[str]:
    keys = incremental.event_keys(rec, rec.events[0])
    return {aid for _, aid, _, _ in store.event_pairs([(0, k) for k in keys.probe])}


def test_an_undated_weekday_report_reaches_only_reports_of_its_people(big_store):
    """'On Tuesday' in a page without a date can be any Tuesday of the calendar; the lookup finds the stored
    reports of the same two people, and of people sharing a name with each of them, not the Tuesdays of everyone
    (a seventh of the store)."""
    new = _record("n-tuesday", ("Chiara Quispe", "Farid Umarov"), "XXXX-WXX-2", "Lima", published=None)
    reached = _reached(big_store, new)
    same = {r.article.id for r in _stored(N) if tl.people_equal(r.events[0].participants, new.events[0].participants)}
    assert same <= reached
    assert len(reached) < N // 7 // 2, len(reached)


def test_an_undated_placed_report_reaches_only_reports_of_its_people(big_store):
    """A page that says nothing of when (the one dated report it can be) looks for placed reports of the same
    people: through their names, not through every placed report of two people."""
    new = _record("n-undated", ("Hamid Xhaferi", "Ines Zapata"), None, "Riga", published=None)
    assert len(_reached(big_store, new)) < N // 7 // 2


def test_a_new_report_of_stored_people_merges_as_a_full_recompute_does(big_store, tmp_path):
    """Through the narrow lookup, a new weekday report still joins the stored report of that day."""
    target = _stored(N)[7]
    a, b = target.events[0].participants
    day = target.events[0].date.value
    weekday = __import__("datetime").date.fromisoformat(day).isoweekday()
    new = _record("n-join", (b.split()[1], a), f"XXXX-WXX-{weekday}", target.events[0].location, published=None)
    _write(big_store, [new])
    pipeline.resolve_new(big_store)
    rows = dict(big_store.con.execute("SELECT article_id, timeline_id FROM events WHERE article_id IN (?, ?)",
                                      [target.article.id, new.article.id]).fetchall())
    assert rows[target.article.id] == rows[new.article.id]


# name pairs of one person, in the shapes news writes them (written for the test)
SAME = [("Bogdan Petrescu", "Petrescu"), ("Tkachenko Katya", "Katya Tkachenko"), ("K. Wieczorek", "Katya Wieczorek"),
        ("Farid Umarov", "Fareed Umarov"), ("Esra Yıldırım", "Esra Yildirim"),
        ("Jovan Xhaferi", "Jovan Xhaferri"), ("Ho Jin-woo", "Ho Jin Woo"), ("Ho Jinwoo", "Ho Jin Woo"),
        ("Foreign Minister Luis Valdivia", "Luis Valdivia"), ("Amara Okonkwo", "Amara N. Okonkwo")]


@pytest.mark.parametrize("a,b", SAME)
def test_names_of_one_person_share_a_key(a, b):
    assert same_person(a, b)
    assert person_keys(a) & person_keys(b)


def test_keys_of_an_older_parley_are_recomputed_once(tmp_path, monkeypatch):
    from parley.store import Store

    monkeypatch.setattr(pipeline, "update_index", lambda store: None)
    records = _stored(40)
    with Store(tmp_path / "old.duckdb") as store:
        _write(store, records)
        pipeline.refresh(store)
        store.con.execute("DELETE FROM event_keys")
        store.con.execute("INSERT INTO event_keys VALUES ('weekday|meeting|2|2', 's0000', 'ev1')")
        store.con.execute("INSERT OR REPLACE INTO meta VALUES ('event_keys_stale', 'true')")
        _write(store, [_record("n-one", ("Greta Sandoval", "Luis Zapata"), "2023-05-02", "Oslo")])
        pipeline.resolve_new(store)
        assert not store.event_keys_stale()
        stored = {(k, a) for k, a, _ in store.con.execute("SELECT * FROM event_keys").fetchall()}
    want = {(k, r.article.id) for r in records for k, _ in pipeline.event_key_rows(r)}
    assert want <= stored and ("weekday|meeting|2|2", "s0000") not in stored


def test_a_report_naming_nobody_does_not_join_two_meetings_of_different_people():
    """Two meetings in Oslo on 4 March, of different people, and a page's 'the meeting in Oslo on 4 March' naming
    nobody: it may be either, and it makes them no one event."""
    a = _record("a1", ("Amara Okonkwo", "Bogdan Petrescu"), "2024-03-04", "Oslo")
    b = _record("b1", ("Chiara Quispe", "Dariusz Rahimov"), "2024-03-04", "Oslo")
    hub = _record("c1", (), "2024-03-04", "Oslo")
    timeline = tl.build_timeline([a, b, hub])
    entry_of = {aid: timeline.index[(aid, "ev1")] for aid in ("a1", "b1", "c1")}
    assert entry_of["a1"] != entry_of["b1"]
    assert entry_of["c1"] in (entry_of["a1"], entry_of["b1"])

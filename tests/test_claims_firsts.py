"""Claims other reports confirm, on sentences written for the test in the shapes news carries: a first time since a
year or since taking office, and how an exchange with someone was described. Two outlets' wordings of one claim
share its key; a negated first time or a plain statement of fact is no such claim."""

from __future__ import annotations

import pytest

from parley.extract import build_record
from parley.models import Article
from parley.resolve.conflicts import find_conflicts
from parley.resolve.timeline import build_timeline


@pytest.fixture()
def keys(nlp):
    def make(text):
        rec = build_record(Article(id="k0", source="s0", text=text, published="2024-05-01"), nlp(text))
        return {c["key"] for c in rec.claims if c["predicate"] in ("first since", "described")}, rec
    return make


@pytest.mark.parametrize("text", [
    "This marks the first time the summit has taken place in Valletta since 2019, officials said.",
    "It is the first time the Malta-Italy Leaders' Meeting has been held in Valletta since 2019.",
])
def test_a_first_time_at_a_place_since_a_year(keys, text):
    found, rec = keys(text)
    assert found == {"Malta|first since|2019"}  # a capital stands for its state in claim keys (fold_place)
    (claim,) = [c for c in rec.claims if c["predicate"] == "first since"]
    assert rec.article.text[claim["start"]:claim["end"]] == claim["text"] and "since 2019" in claim["text"]


@pytest.mark.parametrize("text", [
    "The leaders met in Rome, marking Ferrante's first trip to a Baltic country since taking office last year.",
    "President Aldo Ferrante is visiting Estonia for the first time as president to meet his counterpart.",
])
def test_a_first_trip_in_office(keys, text):
    assert keys(text)[0] == {"Ferrante|first since|in office"}


@pytest.mark.parametrize("text", [
    "It was not the first time the summit has taken place in Valletta since 2019.",
    "The first round of talks since the ceasefire ended without agreement.",  # no year, no time in office
    "Ferrante's first trip abroad was to Paris in 2019.",
])
def test_not_a_first_since(keys, text):
    assert not {k for k in keys(text)[0] if "first since" in k}


def test_an_exchange_described_in_quotes(keys):
    found, rec = keys('Calvo told reporters the phone call with Ferrante was "very warm" and "very useful".')
    assert found == {"Ferrante|described|call"}
    other, _ = keys("Calvo said on Tuesday that the call with Aldo Ferrante was very productive.")
    assert other == found  # another outlet, another wording: the same claim


@pytest.mark.parametrize("text", ["The meeting with Ferrante was held in Valletta on Monday.",
                                  "The call with Ferrante was postponed."])
def test_a_fact_about_an_exchange_is_no_description(keys, text):
    assert keys(text)[0] == set()


def test_confirming_claims_are_no_conflict(nlp):
    texts = ["It is the first time the summit has been held in Valletta since 2019.",
             "This marks the first time the summit has taken place in Valletta since 2019."]
    recs = [build_record(Article(id=f"k{i}", source=f"s{i}", text=t, published="2024-05-01"), nlp(t))
            for i, t in enumerate(texts)]
    assert [c for c in find_conflicts(recs, build_timeline(recs)) if c.kind == "claim"] == []

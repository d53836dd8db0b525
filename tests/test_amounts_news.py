"""Amounts in the shapes real news writes them: counts in number words, ranges, bounds, durations, compound
modifiers ("a two-day visit", "a 95-year-old"), money with a space or a country prefix. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from parley.evaluate import _gold_amount_value, _gold_unit_keys, _unit_key
from parley.extract.amounts import extract_amounts


def amounts(nlp, text):
    found = extract_amounts(nlp(text))
    for a in found:
        assert text[a.start:a.end] == a.text
    return [(a.text, a.value, a.unit) for a in found]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The prime ministers signed five agreements in Ankara.", ("five agreements", 5, "agreements")),
        ("Officials said the presidents would inaugurate four projects.", ("four projects", 4, "projects")),
        ("The envoy was accompanied by six ministers.", ("six ministers", 6, "officials")),
        ("Both sides are expected to sign eight to nine accords.", ("eight to nine accords", 8, "accords")),
        ("Up to 25 police officers will be deployed.", ("25 police officers", 25, "officials")),
        ("Almost 12 memoranda were initialled.", ("12 memoranda", 12, "memoranda")),
    ],
)
def test_counts_in_words_ranges_and_bounds(nlp, sentence, expected):
    assert amounts(nlp, sentence) == [expected]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The king's 88-year-old sister was present.", [("88-year-old", 88, "years")]),
        ("A 7-month-old girl was among the rescued.", [("7-month-old", 7, "months")]),
        # lengths of time are DURATION timexes, not amounts (as in TimeML and tests/data/dev_dates)
        ("The closed-door session lasted three hours.", []),
        ("He arrived in Nairobi on a three-day state visit.", []),
    ],
)
def test_ages_are_amounts_and_lengths_of_time_are_timexes(nlp, sentence, expected):
    assert amounts(nlp, sentence) == expected


def test_scorer_finds_a_gold_length_of_time_in_the_duration_timexes(nlp):
    from parley.evaluate import _duration_found
    from parley.extract.timex import extract_timexes
    from parley.models import Timex

    text = "The closed-door session lasted three hours."
    timexes = tuple(t for t in extract_timexes(nlp(text), "2024-05-01") if isinstance(t, Timex))

    class Record:  # the one field _duration_found reads
        pass

    record = Record()
    record.timexes = timexes
    assert _duration_found({"value": 3, "unit": "hours", "contains": "lasted three hours"}, record, text)
    assert not _duration_found({"value": 4, "unit": "hours", "contains": "lasted three hours"}, record, text)
    assert not _duration_found({"value": 3, "unit": "agreements", "contains": "lasted three hours"}, record, text)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Two-way trade reached $ 18 billion last year.", ("$ 18 billion", 18_000_000_000, "USD")),
        ("Trade between the countries is worth $NZ12 billion.", ("$NZ12 billion", 12_000_000_000, "NZD")),
    ],
)
def test_money_with_a_space_or_a_country_prefix(nlp, sentence, expected):
    assert amounts(nlp, sentence) == [expected]


def test_scorer_reads_gold_units_as_phrases_around_the_counted_noun():
    assert _unit_key("agreements") in _gold_unit_keys("agreements and memoranda of understanding")
    assert _unit_key("USD") in _gold_unit_keys("dollars (two-way trade)")
    assert _unit_key("USD") in _gold_unit_keys("USD (bilateral trade, 2022)")
    assert _unit_key("years") in _gold_unit_keys("years (age of a former first lady)")
    assert _unit_key("officials") in _gold_unit_keys("ministers")
    assert _unit_key("days") in _gold_unit_keys("days (length of the state visit)")
    assert _unit_key("projects") not in _gold_unit_keys("agreements")
    assert _unit_key("EUR") not in _gold_unit_keys("dollars")
    assert _gold_amount_value("6-7") == 6 and _gold_amount_value(12) == 12


@pytest.mark.parametrize(
    "sentence",
    [
        "It was the first visit by a French leader in nine years.",
        "The ministers met again in less than three months.",
        "The summit comes three weeks after the election.",
        "Talks resumed at 10.45 a.m. in the palace.",
        "The two-way exchange lasted into the night.",
    ],
)
def test_time_since_dates_and_clock_times_are_not_amounts(nlp, sentence):
    assert amounts(nlp, sentence) == []

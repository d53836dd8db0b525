"""Amount extraction on sentences written for these tests and on the gold amounts of the sample corpus."""

from __future__ import annotations

import pytest

from parley.extract.amounts import extract_amounts
from parley.extract.timex import extract_timexes


def amounts(nlp, text):
    doc = nlp(text)
    found = extract_amounts(doc)
    for a in found:
        assert text[a.start:a.end] == a.text
    return found


def only(nlp, text):
    found = amounts(nlp, text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "sentence, span, value, unit",
    [
        ("Bilateral trade may soon exceed 4 billion dollars.", "4 billion dollars", 4_000_000_000, "USD"),
        ("Ankara offered Tbilisi a $6bn credit line.", "$6bn", 6_000_000_000, "USD"),
        ("Brussels pledged €1.2 million in humanitarian aid.", "€1.2 million", 1_200_000, "EUR"),
        ("Berlin will contribute 5 million euros.", "5 million euros", 5_000_000, "EUR"),
        ("The defence budget is 1.5 trillion rubles.", "1.5 trillion rubles", 1_500_000_000_000, "RUB"),
        ("The state fund set aside AZN 300 million for reconstruction.", "AZN 300 million", 300_000_000, "AZN"),
        ("The painting sold for $ 45,000 at auction.", "$ 45,000", 45_000, "USD"),
        ("Kyiv received £20m from London.", "£20m", 20_000_000, "GBP"),
        ("Beijing lent 500 million yuan to the port authority.", "500 million yuan", 500_000_000, "CNY"),
        ("Exports to Turkey brought in 2.5 billion Turkish lira.", "2.5 billion Turkish lira", 2_500_000_000, "TRY"),
    ],
)
def test_money(nlp, sentence, span, value, unit):
    a = only(nlp, sentence)
    assert (a.text, a.value, a.unit) == (span, value, unit)


def test_money_objects(nlp):
    a = only(nlp, "He said the trade turnover is growing and exceeds 4 billion dollars.")
    assert a.object == "trade turnover"
    a = only(nlp, "Chinese investments in the Kazakh economy amount to 6 billion dollars.")
    assert a.object is not None and "investments" in a.object
    a = only(nlp, "Bilateral trade reached $3.5bn in the first half.")
    assert a.object == "Bilateral trade"
    a = only(nlp, "Moscow signed a $2 billion loan with Yerevan.")
    assert a.object == "loan"


@pytest.mark.parametrize(
    "sentence, span, value, unit",
    [
        ("Sanctions target more than 40 Georgian military officers.", "40 Georgian military officers", 40, "officials"),
        ("Forty judges resigned in protest.", "Forty judges", 40, "officials"),
        ("Some 2,500 civilians fled the shelling.", "2,500 civilians", 2500, "people"),
        ("About 300 soldiers crossed the border.", "300 soldiers", 300, "people"),
        ("Half a million people marched in Tbilisi.", "Half a million people", 500_000, "people"),
        ("Inspectors visited 12 nuclear facilities.", "12 nuclear facilities", 12, "facilities"),
    ],
)
def test_counts(nlp, sentence, span, value, unit):
    a = only(nlp, sentence)
    assert (a.text, a.value, a.unit) == (span, value, unit)


def test_references_years_and_dates_are_not_amounts(nlp):
    # "the two countries" refers to parties already named; "three agreements" is a count (tests/test_amounts_news.py)
    assert [a.text for a in amounts(nlp, "The two countries signed three agreements.")] == ["three agreements"]
    assert amounts(nlp, "Their two sons and one daughter live abroad.") == ()
    assert amounts(nlp, "The 2015 European Games opened in Baku on June 12.") == ()
    assert amounts(nlp, "They met on 22 April 2024 and talked for 24 days.") == ()  # a DURATION timex
    assert amounts(nlp, "It was the 50th anniversary of the first summit.") == ()
    assert amounts(nlp, "Two days ago the envoys met again.") == ()


@pytest.mark.parametrize(
    "sentence, span, value, unit",
    [
        ("Troops captured 1,000 square kilometers of farmland.", "1,000 square kilometers", 1000, "square kilometers"),
        ("The reserve covers 86,600 km2.", "86,600 km2", 86_600, "square kilometers"),
        ("The vineyard spans 300 hectares.", "300 hectares", 300, "hectares"),
        ("The pipeline will carry 10 bcm a year.", "10 bcm", 10_000_000_000, "cubic meters"),
    ],
)
def test_areas_and_measures(nlp, sentence, span, value, unit):
    a = only(nlp, sentence)
    assert (a.text, a.value, a.unit) == (span, value, unit)


def test_percentages(nlp):
    a = only(nlp, "Inflation rose to 7.5% in June.")
    assert (a.value, a.unit, a.object) == (7.5, "percent", "Inflation")
    a = only(nlp, "Turnout was 60 percent.")
    assert (a.value, a.unit, a.object) == (60, "percent", "Turnout")


def test_gold_amounts_all_found(nlp, seeds_dir, gold):
    for doc_gold in gold["documents"]:
        text = (seeds_dir / doc_gold["file"]).read_text(encoding="utf-8")
        doc = nlp(text)
        extract_timexes(doc, doc_gold["published"])  # as in build_record: timexes run first
        found = extract_amounts(doc)
        for g in doc_gold["amounts"]:
            at = text.index(g["contains"])
            hits = [a for a in found if a.start >= at and a.end <= at + len(g["contains"])]
            assert hits, (doc_gold["file"], g)
            assert (hits[0].value, hits[0].unit) == (g["value"], g["unit"]), (doc_gold["file"], g, hits)


@pytest.mark.parametrize(
    "sentence, span, value, unit",
    [
        ("Donors pledged $5-6 billion for reconstruction.", "$5-6 billion", 5_000_000_000, "USD"),
        ("A $1.5-billion bridge was opened.", "$1.5-billion", 1_500_000_000, "USD"),
        ("The scheme costs Rs 3,500 crore.", "Rs 3,500 crore", 35_000_000_000, "INR"),
        ("Each family gets 2 lakh rupees.", "2 lakh rupees", 200_000, "INR"),
        ("Lagos set aside ₦2 trillion.", "₦2 trillion", 2_000_000_000_000, "NGN"),
        ("About two dozen soldiers were wounded.", "two dozen soldiers", 24, "people"),
        ("The plant will add 800 megawatt of power.", "800 megawatt", 800, "megawatts"),
    ],
)
def test_ranges_scales_and_currencies_beyond_the_samples(nlp, sentence, span, value, unit):
    a = only(nlp, sentence)
    assert (a.text, a.value, a.unit) == (span, value, unit)


def test_a_range_with_to_is_not_one_amount(nlp):
    found = amounts(nlp, "Inflation rose from 3 to 4 percent.")
    assert [(a.text, a.value) for a in found] == [("4 percent", 4)]

"""TIMEX3 values that rest on the clause or on a neighbour, on sentences written for these tests.

The publication date is 2017-07-25, a Tuesday (ISO week 30): "Friday" is 2017-07-21 and the one before it 2017-07-14.
"""

from __future__ import annotations

import pytest

from parley.extract.timex import extract_timexes

PUB = "2017-07-25"


def values(nlp, text, published=PUB):
    out = extract_timexes(nlp(text), published)
    for t in out:
        assert text[t.start:t.end] == t.text
    return [(t.text, t.value) for t in out]


def test_would_puts_a_weekday_after_the_telling(nlp):
    # the future of a past telling: the coming Thursday, not the one before publication
    assert values(nlp, "Officials said the committee would convene Thursday.") == [("Thursday", "2017-07-27")]
    # "would have" is past
    assert values(nlp, "Without the strike, the committee would have convened Thursday.") == [
        ("Thursday", "2017-07-20")]


def test_participle_with_a_subject_is_a_past(nlp):
    # spaCy tags "opened" VBN here; October lies ahead of July, so the past puts it in the year before
    assert values(nlp, "The plant opened in October.") == [("October", "2016-10")]


def test_previous_and_following_weekday_count_from_the_story_day(nlp):
    text = ("Shares closed lower on Friday in thin trading.\n\n"
            "The index ended 2% below its level of the previous Friday.")
    assert values(nlp, text) == [("Friday", "2017-07-21"), ("the previous Friday", "2017-07-14")]
    assert values(nlp, "The talks opened on July 12 and broke up the following Monday.") == [
        ("July 12", "2017-07-12"), ("the following Monday", "2017-07-17")]
    # no day told before: counted from publication
    assert values(nlp, "The board had met the previous Monday.") == [("the previous Monday", "2017-07-24")]


@pytest.mark.parametrize(
    "sentence, expected, published",
    [
        # in a March story October alone is last year's (seven months ahead), January alone this year's: the
        # range puts both in one year
        ("Exports from January to October totalled 40 billion dollars.",
         [("January", "2016-01"), ("October", "2016-10")], "2017-03-04"),
        # a range over the turn of the year: the first end is the year before the second
        ("Sales between November and January fell sharply.", [("November", "2016-11"), ("January", "2017-01")], PUB),
        # the second end says its year
        ("Prices rose from March to June 2015.", [("March", "2015-03"), ("June 2015", "2015-06")], PUB),
        # each end says its own year: nothing to change
        ("The plan ran from May 2014 to June 2015.", [("May 2014", "2014-05"), ("June 2015", "2015-06")], PUB),
    ],
)
def test_month_ranges_share_a_year(nlp, sentence, expected, published):
    assert values(nlp, sentence, published) == expected


def test_weekday_fixes_the_year_of_a_month_day(nlp):
    # the future tense would move July 24 (before publication) to 2018, but 2018-07-24 is a Tuesday
    assert values(nlp, "The hearing will take place on Monday, July 24.") == [("Monday, July 24", "2017-07-24")]


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("There were similar sell-offs in past years, dealers said.", "past years", "PAST_REF"),
        ("The charge will reduce tax payments in future quarters.", "future quarters", "FUTURE_REF"),
        ("Exports grew steadily over the past years.", "the past years", "PXY"),
    ],
)
def test_past_and_future_plural_units(nlp, sentence, span, value):
    assert values(nlp, sentence) == [(span, value)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a term moved to a date lies ahead, though told in the past and months ahead of publication
        ("The deadline for bids was extended to Nov. 30.", [("Nov. 30", "2017-11-30")]),
        ("The referendum was postponed to December.", [("December", "2017-12")]),
        # without the moving, a past verb puts a date months ahead in the year before
        ("The ferry sank on Nov. 30.", [("Nov. 30", "2016-11-30")]),
    ],
)
def test_a_term_moved_to_a_date_lies_ahead(nlp, sentence, expected):
    assert values(nlp, sentence) == expected


def test_be_to_is_an_arrangement(nlp):
    # "is to step down": ahead of publication, so January is next year's
    assert values(nlp, "The governor is to step down in January.") == [("January", "2018-01")]


def test_last_month_by_name_is_a_year_back(nlp):
    # in a July story the month just gone is "last month"; "last June" names the June of the year before
    assert values(nlp, "Two ministers resigned last June.") == [("last June", "2016-06")]
    assert values(nlp, "Two ministers resigned last April.") == [("last April", "2017-04")]


def test_a_sentence_may_open_with_last_or_next(nlp):
    # published on a Tuesday: "Last Tuesday" is a week back, not the day of publication
    assert values(nlp, "Last Tuesday, the two delegations met in Oslo.") == [("Last Tuesday", "2017-07-18")]
    assert values(nlp, "Last spring the river flooded the town.") == [("Last spring", "2017-SP")]
    # inside a sentence a capitalised "Last Winter" is a title
    assert values(nlp, "The choir sang Last Winter, a new carol.") == []

"""The TIMEX3 mod attribute ("early 1990" START, "about three weeks" APPROX) and the second round of issue 12's
normalisation fixes, on sentences written for these tests.

Publication 2017-07-25 (a Tuesday) throughout, as in test_timex.py.
"""

from __future__ import annotations

import pytest

from parley.extract.timex import extract_timexes, first_date

PUB = "2017-07-25"


def timexes(nlp, text, published=PUB):
    out = extract_timexes(nlp(text), published)
    for t in out:
        assert text[t.start:t.end] == t.text  # provenance: the span is the text's own
    return out


def one(nlp, text, published=PUB):
    found = timexes(nlp, text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "sentence, span, value, mod",
    [
        # a cue the pattern already holds
        ("Exports slowed in early 2016, the ministry said.", "early 2016", "2016", "START"),
        ("The reactor is to close by the end of 2019.", "the end of 2019", "2019", "END"),
        ("Prices peaked in mid-March.", "mid-March", "2017-03", "MID"),
        ("Growth was strong in the late 1990s.", "the late 1990s", "199", "END"),
        ("Earlier this month the envoys met in Geneva.", "Earlier this month", "2017-07", "START"),
        ("The company expects to close the deal by year-end.", "year-end", "2017", "END"),
        # a cue just before the span, taken into it
        ("The minister will visit Seoul early next year.", "early next year", "2018", "START"),
        ("The strike ended late yesterday.", "late yesterday", "2017-07-24", "END"),
        ("Shares rose sharply the middle of October.", "the middle of October", "2016-10", "MID"),
        ("The talks lasted about three weeks.", "about three weeks", "P3W", "APPROX"),
        ("The talks lasted more than four hours.", "more than four hours", "PT4H", "MORE_THAN"),
        ("Inspectors may stay at least 30 days.", "at least 30 days", "P30D", "EQUAL_OR_MORE"),
        ("Reservists can serve up to 180 days.", "up to 180 days", "P180D", "EQUAL_OR_LESS"),
        ("The meeting lasted less than one hour.", "less than one hour", "PT1H", "LESS_THAN"),
        ("The border has been closed for nearly two years.", "nearly two years", "P2Y", "LESS_THAN"),
        ("The rebels left the capital nearly four years ago.", "nearly four years ago", "2013", "APPROX"),
        ("The vote is set for around Nov. 1.", "around Nov. 1", "2017-11-01", "APPROX"),
        ("The siege lasted some three weeks.", "some three weeks", "P3W", "APPROX"),  # "some" before a count
        # a cue closing the span
        ("The plant will run until 2030 or later.", "2030 or later", "2030", "ON_OR_AFTER"),
        ("The envoy arrived a week or so ago.", "a week or so ago", "2017-W29", "APPROX"),
    ],
)
def test_mod_is_read_from_the_cue(nlp, sentence, span, value, mod):
    t = one(nlp, sentence)
    assert (t.text, t.value, t.mod) == (span, value, mod)


@pytest.mark.parametrize(
    "sentence, span",
    [
        ("The Senate voted on April 22, 2016 to approve the deal.", "April 22, 2016"),
        ("They talked about Monday's vote for an hour.", "Monday"),  # "about" a preposition, not an approximation
        ("Analysts worry about the future.", "the future"),
        ("The ministers met at midday.", "midday"),  # noon itself, not the middle of the day
        ("He will remain chairman for a decade.", "a decade"),
        ("The two sides have talked for some years.", "some years"),  # "some" without a count: no approximation
    ],
)
def test_no_mod_without_a_cue(nlp, sentence, span):
    found = [t for t in timexes(nlp, sentence) if t.text == span]
    assert len(found) == 1, timexes(nlp, sentence)
    assert found[0].mod is None


def test_a_comparison_before_a_point_counted_back_keeps_its_mod(nlp):
    t = one(nlp, "The embassy closed more than a decade ago.")
    assert (t.text, t.type, t.mod) == ("more than a decade ago", "DATE", "MORE_THAN")


def test_part_cues_do_not_modify_durations(nlp):
    """"late" before a duration is no part of it: "a late two-hour session" keeps the duration as it is."""
    t = [t for t in timexes(nlp, "They held a late two-hour session.") if t.type == "DURATION"]
    assert t and t[0].mod is None and not t[0].text.lower().startswith("late")


def test_mod_never_swallows_the_previous_expression(nlp):
    found = timexes(nlp, "Talks began in 2015 and lasted about two years.")
    assert [(t.text, t.mod) for t in found] == [("2015", None), ("about two years", "APPROX")]


def test_first_date_keeps_its_signature_and_span(nlp):
    t = first_date("talks early next year in Vienna", PUB)
    assert (t.text, t.value) == ("next year", "2018")


# ----------------------------------------------------------------------------- second round of normalisation
def test_bare_season_takes_a_year_as_a_bare_month_does(nlp):
    """No tense to go by: the season whose start lies at most four months ahead of publication, else the one
    before, as TimeML gives every season a year."""
    assert one(nlp, "Orders rose from the low levels of the early summer.").value == "2017-SU"
    assert one(nlp, "Orders rose from the low levels of the early summer.", "2017-01-10").value == "2016-SU"
    assert one(nlp, "Demand from the winter markets, analysts noted, stays high.", "2017-01-15").value == "2016-WI"


def test_offset_opening_a_paragraph_is_anchored_in_the_one_before(nlp):
    text = ("In March, the company received a takeover offer from a group of investors.\n\n"
            "The following month, the company put itself up for sale.")
    found = {t.text: t.value for t in timexes(nlp, text)}
    assert found["The following month"] == "2017-04"


def test_offset_inside_a_paragraph_is_not_anchored_across_it(nlp):
    text = ("In March, the company received a takeover offer.\n\n"
            "Its shares fell, and the following month the board resigned.")
    found = {t.text: t.value for t in timexes(nlp, text)}
    assert found["the following month"] == "2017-08"  # no date earlier in its own paragraph: publication's next


def test_past_tense_read_from_a_singular_subject(nlp):
    """"hurt", "cut", "set": the past is the base form; with a singular subject the present would be "hurts", so a
    VBP tag there is the past, and the weekday is last week's."""
    t = [t for t in timexes(nlp, "Weakness in technology stocks hurt the index, which fell 1.4% on Friday.")
         if t.text == "Friday"]
    assert t and t[0].value == "2017-07-21"


def test_last_night_is_the_night_before_publication(nlp):
    t = one(nlp, "The network first reported last night that the talks had failed.")
    assert (t.text, t.value, t.type) == ("last night", "2017-07-24TNI", "TIME")
    assert one(nlp, "The minister spoke this morning in Riga.").value == "2017-07-25TMO"


def test_midnight_is_the_end_of_its_day(nlp):
    t = one(nlp, "The offer had been scheduled to expire at midnight Friday.")
    assert (t.text, t.value, t.type) == ("midnight Friday", "2017-07-21T24:00", "TIME")


@pytest.mark.parametrize("sentence, value", [
    ("India and Bangladesh sign the accords on Friday.", "2017-07-28"),  # a plural subject: the present, ahead
    ("England play France on Saturday.", "2017-07-29"),  # a name: no reading of number
])
def test_present_with_plural_or_named_subject_stays_present(nlp, sentence, value):
    t = [t for t in timexes(nlp, sentence) if t.type == "DATE"]
    assert t and t[0].value == value

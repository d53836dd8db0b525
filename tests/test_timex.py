"""TIMEX3 extraction on sentences written for these tests, plus the sample corpus.

Expected values are worked out by hand from the calendar: e.g. 2017-07-25 (a Tuesday, ISO week 30) is the
publication date used throughout, so "last week" is 2017-W29 and "on Monday" is 2017-07-24.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from parley.extract.timex import extract_timexes, first_date, normalize_date, shift

PUB = "2017-07-25T16:53"  # a Tuesday


def timexes(nlp, text, published=PUB):
    doc = nlp(text)
    out = extract_timexes(doc, published)
    for t in out:
        assert text[t.start:t.end] == t.text
    return out


def only(nlp, text, published=PUB):
    found = timexes(nlp, text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The summit took place on July 21, 2017 in Sochi.", "July 21, 2017", "2017-07-21"),
        ("They met in Baku on 21 July 2017 to discuss trade.", "21 July 2017", "2017-07-21"),
        ("The accord was signed on 2017-07-21.", "2017-07-21", "2017-07-21"),
        ("The memorandum is dated 03.11.2015.", "03.11.2015", "2015-11-03"),
        ("The ministers met on Friday, March 3, 2023.", "Friday, March 3, 2023", "2023-03-03"),
    ],
)
def test_full_dates(nlp, sentence, span, value):
    t = only(nlp, sentence)
    assert (t.text, t.value, t.type) == (span, value, "DATE")


def test_full_date_with_clock_time_is_one_time(nlp):
    t = only(nlp, "Posted 25 July 2017, 16:53 by the newsroom.")
    assert (t.text, t.value, t.type) == ("25 July 2017, 16:53", "2017-07-25T16:53", "TIME")


def test_month_day_without_published_has_unknown_year(nlp):
    t = only(nlp, "The prime minister arrived in Ankara on April 22.", published=None)
    assert (t.text, t.value) == ("April 22", "XXXX-04-22")


def test_month_day_takes_the_year_nearest_publication(nlp):
    assert only(nlp, "The meeting took place in Sochi on July 21.").value == "2017-07-21"
    # ahead of a January publication by 11 months: last year's December
    assert only(nlp, "Talks collapsed on December 28.", "2018-01-03").value == "2017-12-28"
    # a past-tense verb with a date after publication: the previous year
    assert only(nlp, "The envoys met on August 30.", "2017-07-25").value == "2016-08-30"
    # future tense and a date already passed this year: next year
    assert only(nlp, "The envoys will meet again on March 2.", "2017-07-25").value == "2018-03-02"


def test_day_month_order_without_year(nlp):
    t = only(nlp, "Elections are held on 15 October.", published=None)
    assert (t.text, t.value) == ("15 October", "XXXX-10-15")


def test_months_and_years(nlp):
    t = only(nlp, "Relations soured in September 2004.", published=None)
    assert (t.text, t.value) == ("September 2004", "2004-09")
    t = only(nlp, "The delegation arrived in March.")
    assert (t.text, t.value) == ("March", "2017-03")
    assert only(nlp, "The delegation arrived in March.", published=None).value == "XXXX-03"
    t = only(nlp, "In 2022 the leaders signed a declaration.")
    assert (t.text, t.value) == ("2022", "2022")
    t = only(nlp, "They recalled the 2022 declaration on allied cooperation.")
    assert (t.text, t.value) == ("2022", "2022")


def test_may_and_march_as_words_are_not_months(nlp):
    assert timexes(nlp, "The talks may march ahead. It May rain.") == ()
    assert only(nlp, "Parliament votes in May.").value == "2017-05"


def test_numbers_that_are_not_years(nlp):
    assert timexes(nlp, "More than 2000 people protested outside.") == ()
    assert timexes(nlp, "The council adopted Resolution 2334 unanimously.") == ()
    assert timexes(nlp, "The border is 1,000 kilometers long.") == ()


@pytest.mark.parametrize(
    "sentence, span, published, value",
    [
        ("A peace deal is expected by the fall of 2023.", "the fall of 2023", None, "2023-FA"),
        ("The summit was held in the summer of 2024.", "the summer of 2024", None, "2024-SU"),
        ("The next meeting is scheduled for autumn.", "autumn", PUB, "2017-FA"),
        ("The next meeting is scheduled for autumn.", "autumn", None, "XXXX-FA"),
        ("The two sides will meet again in spring.", "spring", PUB, "2018-SP"),
        ("Negotiations stalled last winter.", "last winter", PUB, "2016-WI"),
    ],
)
def test_seasons(nlp, sentence, span, published, value):
    t = only(nlp, sentence, published)
    assert (t.text, t.value, t.type) == (span, value, "DATE")


def test_season_words_that_are_not_dates(nlp):
    assert timexes(nlp, "The Arab Spring reshaped the region. Oil prices may fall.") == ()
    assert timexes(nlp, "Historians study the fall of Constantinople.") == ()


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("Yesterday the foreign ministers spoke by phone.", "Yesterday", "2017-07-24"),
        ("Today's talks will focus on energy.", "Today", "2017-07-25"),
        ("The president flies to Minsk tomorrow.", "tomorrow", "2017-07-26"),
        ("Talks resumed last week in Vienna.", "last week", "2017-W29"),
        ("The delegation returns next month.", "next month", "2017-08"),
        ("Exports grew this year.", "this year", "2017"),
        ("Two days ago the envoy resigned.", "Two days ago", "2017-07-23"),
        ("The envoy resigned three weeks ago.", "three weeks ago", "2017-W27"),
        ("The ministers met on Monday in Geneva.", "Monday", "2017-07-24"),
        ("The ministers will meet on Friday in Geneva.", "Friday", "2017-07-28"),
        ("The cabinet met last Tuesday.", "last Tuesday", "2017-07-18"),
    ],
)
def test_relative_days(nlp, sentence, span, value):
    t = only(nlp, sentence)
    assert (t.text, t.value, t.type) == (span, value, "DATE")


def test_relative_days_without_published_stay_unknown(nlp):
    values = [t.value for t in timexes(nlp, "Yesterday they met; last week they argued.", published=None)]
    assert values == ["XXXX-XX-XX", "XXXX-WXX"]


def test_clock_time_joins_its_day(nlp):
    t = only(nlp, "The talks began yesterday at 14:30 in the Kremlin.")
    assert (t.text, t.value, t.type) == ("yesterday at 14:30", "2017-07-24T14:30", "TIME")
    t = only(nlp, "The vote opens at 9 a.m. on Monday.")
    assert (t.value, t.type) == ("2017-07-24T09:00", "TIME")


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("Putin visited Baku 24 days after the Sochi summit.", "24 days", "P24D"),
        ("The ceasefire held for two years.", "two years", "P2Y"),
        ("Over the past three months trade doubled.", "the past three months", "P3M"),
        ("The talks lasted six hours.", "six hours", "PT6H"),
        ("The dispute has simmered for years.", "years", "PXY"),  # TIMEX3 leaves the preposition out
        # a range is valued by its lower bound (HeidelTime's duration_r5, TimeBank's gold); the span keeps it whole
        ("Repairs to the pipeline will take two to three weeks.", "two to three weeks", "P2W"),
        ("The mission is to be extended by 12-18 months.", "12-18 months", "P12M"),
        ("Each round of talks lasts one or two days.", "one or two days", "P1D"),
        ("The truce has held for twenty-five years.", "twenty-five years", "P25Y"),  # a hyphen in words is no range
    ],
)
def test_durations(nlp, sentence, span, value):
    t = only(nlp, sentence)
    assert (t.text, t.value, t.type) == (span, value, "DURATION")


def test_current_and_recent_inside_a_longer_expression_keep_it(nlp):
    t = only(nlp, "Exports in the current quarter fell.")
    assert (t.text, t.value) == ("the current quarter", "2017-Q3")
    t = only(nlp, "Trade has grown in recent years.")
    assert t.text == "recent years"


@pytest.mark.parametrize("sentence, span", [
    ("In the capital, today is the fifth day of the blockade.", "the fifth day"),
    ("It's the second day of the state visit to Hanoi.", "the second day"),
    ("This is the third straight day of protests outside the embassy.", "the third straight day"),
])
def test_an_ordinal_day_told_in_the_present_is_the_day_of_publication(nlp, sentence, span):
    found = [t for t in timexes(nlp, sentence) if t.text == span]
    assert [(t.value, t.type) for t in found] == [("2017-07-25", "DATE")]


def test_an_ordinal_day_in_the_past_or_as_a_subject_is_not_today(nlp):
    assert timexes(nlp, "It was the second day of the summit.") == ()
    assert timexes(nlp, "The first day of talks was productive.") == ()


def test_anniversary_is_not_a_duration(nlp):
    assert timexes(nlp, "They marked the 50th anniversary of the treaty.") == ()


def test_sets(nlp):
    t = only(nlp, "The forum is held every year in St Petersburg.")
    assert (t.text, t.value, t.type) == ("every year", "P1Y", "SET")
    t = only(nlp, "The commission meets twice a year.")
    assert (t.value, t.type) == ("P1Y", "SET")


def test_decades_and_centuries(nlp):
    assert only(nlp, "The conflict began in the early 1990s.").value == "199"
    assert only(nlp, "It is a challenge of the 21st century.").value == "20"


def test_normalize_date_and_shift():
    assert normalize_date("April 22", None) == "XXXX-04-22"
    assert normalize_date("on April 22", "2024-05-01") == "2024-04-22"
    assert normalize_date("the fall of 2023", None) == "2023-FA"
    assert normalize_date("no date here", None) is None
    assert shift("2017-07-21", 24) == "2017-08-14"
    assert shift("2017-12-30T10:00", 3) == "2018-01-02"
    assert shift("XXXX-04-22", 24) is None
    assert shift("2017-07", 1) is None
    assert shift(None, 1) is None


def test_sample_corpus(nlp, seeds_dir, gold):
    by_file = {d["file"]: d for d in gold["documents"]}
    found = {}
    for name, doc_gold in by_file.items():
        text = (seeds_dir / name).read_text(encoding="utf-8")
        found[name] = {(t.text, t.value) for t in extract_timexes(nlp(text), doc_gold["published"])}
    assert ("April 22", "XXXX-04-22") in found["002_555f4d2950849840.txt"]
    assert ("2022", "2022") in found["002_555f4d2950849840.txt"]
    assert ("April 22", "XXXX-04-22") in found["003_fd845f49c8bb4c79.txt"]
    assert ("the fall of 2023", "2023-FA") in found["003_fd845f49c8bb4c79.txt"]
    assert ("September 2004", "2004-09") in found["001_499f2c2beda6fd8e.txt"]
    assert ("24 days", "P24D") in found["000_b8af87bfe99483af.txt"]
    assert ("July 21", "2017-07-21") in found["004_ba0f68d250da273a.txt"]
    assert ("autumn", "2017-FA") in found["004_ba0f68d250da273a.txt"]


# ----------------------------------------------------------------------------------- independence of the clock
MODULES = ["amounts.py", "_numbers.py"] + [f"timex/{p.name}" for p in sorted(
    (Path(__file__).resolve().parents[1] / "src" / "parley" / "extract" / "timex").glob("*.py"))]


def test_no_wall_clock_in_source():
    src = Path(__file__).resolve().parents[1] / "src" / "parley" / "extract"
    for name in MODULES:
        code = (src / name).read_text(encoding="utf-8")
        assert not re.search(r"\.(now|today|utcnow)\(|time\.time\(|localtime|import dateparser", code), name


_SCRIPT = r"""
import datetime as _dt, json, sys

class FakeDate(_dt.date):
    @classmethod
    def today(cls):
        return cls(1999, 12, 31)

class FakeDateTime(_dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return cls(1999, 12, 31, 23, 59)
    @classmethod
    def today(cls):
        return cls(1999, 12, 31, 23, 59)
    @classmethod
    def utcnow(cls):
        return cls(1999, 12, 31, 23, 59)

if sys.argv[1] == "fake":
    _dt.date = FakeDate
    _dt.datetime = FakeDateTime

from parley.nlp import load
from parley.extract.timex import extract_timexes
nlp = load()
texts = json.loads(sys.stdin.read())
out = [[(t.text, t.value, t.type, t.start) for t in extract_timexes(nlp(x), p)] for x, p in texts]
print(json.dumps(out))
"""

_TEXTS = [
    ("Yesterday the envoys met; they will meet again on Monday and in March. Talks began in spring.", PUB),
    ("The summit is planned for autumn, two years after the 2022 declaration of April 22.", None),
    ("Last week trade rose; next month the ministers meet.", "2020-02-29"),
]


def _run(mode: str, tz: str) -> list:
    env = dict(os.environ, TZ=tz)
    proc = subprocess.run([sys.executable, "-c", _SCRIPT, mode], input=json.dumps(_TEXTS), env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    return json.loads(proc.stdout)


def test_output_does_not_depend_on_system_date_or_timezone():
    real = _run("real", "UTC")
    faked = _run("fake", "Pacific/Kiritimati")
    assert real == faked
    assert ["Yesterday", "2017-07-24", "DATE", 0] in real[0]
    assert ["Last week", "2020-W08", "DATE", 0] in real[2]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Relations soured in November last year.", "2019-02-01", [("November last year", "2018-11")]),
        ("Envoys met on 9 May 2016. The next day a deal was announced.", "2016-06-01",
         [("9 May 2016", "2016-05-09"), ("The next day", "2016-05-10")]),
        # an offset opening its paragraph is anchored in the one before (within a paragraph only otherwise:
        # test_timex_mods.py)
        ("Envoys met on 9 May 2016.\nThe next day a deal was announced.", "2016-06-01",
         [("9 May 2016", "2016-05-09"), ("The next day", "2016-05-10")]),
        ("The war ended in 1995. Ten years later the court ruled.", "2016-06-01",
         [("1995", "1995"), ("Ten years later", "2005")]),
        ("The deal was signed the previous day.", None, [("the previous day", "XXXX-XX-XX")]),
        ("They talked on April 22 and again the day after.", None,
         [("April 22", "XXXX-04-22"), ("the day after", "XXXX-04-23")]),
        ("Output rose in the fourth quarter.", "2019-02-01", [("the fourth quarter", "2018-Q4")]),
        ("Gas exports reach 30 million cubic metres a day.", "2019-02-01", []),
    ],
)
def test_anchored_and_said_years(nlp, text, published, expected):
    found = [(t.text, t.value) for t in timexes(nlp, text, published)]
    assert found == expected


@pytest.mark.parametrize("sentence, value", [
    ("The visit had been scheduled for late March but was postponed.", "2023-03"),  # a plan told in the past
    ("The visit is scheduled for late March.", "2024-03"),                          # still ahead
])
def test_a_plan_told_in_the_past_perfect_lies_before_publication(nlp, sentence, value):
    found = extract_timexes(nlp(sentence), "2023-04-14")
    assert [t.value for t in found if t.text == "late March"] == [value]


# --------------------------------------------------------------------------------------------------------------
# TimeML-driven additions (issue 12). PUB is Tuesday 2017-07-25: ISO week 30, third quarter of 2017.

@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("Negotiators are now drafting a joint statement.", "now", "PRESENT_REF"),
        ("The ministry currently employs 400 diplomats.", "currently", "PRESENT_REF"),
        ("The envoy recently returned from Brussels.", "recently", "PAST_REF"),
        ("A decision is expected soon, officials said.", "soon", "FUTURE_REF"),
        ("Talks could resume in the near future.", "the near future", "FUTURE_REF"),
        ("Relations were tense in the past.", "the past", "PAST_REF"),
        # the adjectives and "as soon as possible" of HeidelTime's date words
        ("The envoy criticised the current sanctions regime.", "current", "PRESENT_REF"),
        ("A recent poll showed support for the accord.", "recent", "PAST_REF"),
        ("The ministers want the corridor opened as soon as possible.", "as soon as possible", "FUTURE_REF"),
    ],
)
def test_reference_words(nlp, sentence, span, value):
    t = only(nlp, sentence)
    assert (t.text, t.value, t.type) == (span, value, "DATE")


def test_soon_as_a_signal_is_not_a_timex(nlp):
    found = timexes(nlp, "The delegation will leave as soon as the visas arrive.")
    assert found == ()
    found = timexes(nlp, "He resigned soon after the vote.")
    assert found == ()


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The bank's third-quarter profit fell 4%.", "third-quarter", "2017-Q3"),
        ("Exports rose 2% in the second quarter.", "the second quarter", "2017-Q2"),
        ("Fourth-quarter orders fell sharply.", "Fourth-quarter", "2016-Q4"),
        ("The ministry expects growth in next year's first quarter.", "next year's first quarter", "2018-Q1"),
        ("Revenue in the fiscal first quarter was flat.", "the fiscal first quarter", "2017-Q1"),
        ("Output grew in the first half of 2016.", "the first half of 2016", "2016-H1"),
        ("Results for the latest quarter disappointed investors.", "the latest quarter", "2017-Q2"),
        ("Sales in the current quarter are weaker.", "the current quarter", "2017-Q3"),
    ],
)
def test_quarters(nlp, sentence, span, value):
    t = only(nlp, sentence)
    assert (t.text, t.value, t.type) == (span, value, "DATE")


def test_the_quarter_and_year_ago_follow_the_quarter_named_before(nlp):
    text = ("The airline reported second-quarter net income of $40 million.\n\n"
            "Net income in the quarter rose from $31 million a year ago, and revenue beat the year-earlier "
            "quarter.")
    got = {t.text: t.value for t in timexes(nlp, text)}
    assert got == {"second-quarter": "2017-Q2", "the quarter": "2017-Q2", "a year ago": "2016-Q2",
                   "the year-earlier quarter": "2016-Q2"}


def test_a_year_ago_without_a_quarter_is_a_year(nlp):
    t = only(nlp, "Imports were higher a year ago.")
    assert (t.text, t.value) == ("a year ago", "2016")


def test_month_day_year_from_the_dates_own_clause(nlp):
    # the past tense of "declared" does not time "payable Sept. 30": the dividend's noun phrase stands between
    t = only(nlp, "The board declared a dividend payable Sept. 30.")
    assert t.value == "2017-09-30"
    # a date a few days ahead with a past-tense verb: an arrangement for it, not a day a year back
    t = only(nlp, "The deadline for bids was extended to Aug. 10.")
    assert t.value == "2017-08-10"
    # a past verb governing a date months ahead still moves it a year back
    t = only(nlp, "The two ministers met on December 3.")
    assert t.value == "2016-12-03"


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The talks resume Monday in Geneva.", "Monday", "2017-07-31"),
        ("The father could arrive as early as Thursday.", "Thursday", "2017-07-27"),
        ("The ceasefire holds until Saturday.", "Saturday", "2017-07-29"),
        ("The spokesman said Monday that the talks had failed.", "Monday", "2017-07-24"),
    ],
)
def test_weekday_direction(nlp, sentence, span, value):
    t = only(nlp, sentence)
    assert (t.text, t.value) == (span, value)


def test_weekday_month_day_before_a_colon_is_one_date(nlp):
    t = only(nlp, "The paper wrote in an editorial on Monday, July 31: the vote must be held.")
    assert (t.text, t.value) == ("Monday, July 31", "2017-07-31")


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The treaty was signed in nineteen ninety-six.", "nineteen ninety-six", "1996"),
        ("Prices fell in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01"),
        ("It snowed heavily in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "1994-WI"),
        ("The plan runs to the year two thousand.", "the year two thousand", "2000"),
        ("The bridge opened in nineteen oh five.", "nineteen oh five", "1905"),
    ],
)
def test_spelled_out_years(nlp, sentence, span, value):
    t = only(nlp, sentence)
    assert (t.text, t.value, t.type) == (span, value, "DATE")


def test_two_thousand_alone_is_a_count(nlp):
    assert [t for t in timexes(nlp, "Two thousand troops crossed the border.") if t.type == "DATE"] == []


def test_weekends(nlp):
    t = only(nlp, "Protesters gathered over the weekend in the capital.")
    assert (t.text, t.value) == ("the weekend", "2017-W29-WE")  # Saturday 2017-07-22
    t = only(nlp, "The leaders will meet next weekend.")
    assert (t.text, t.value) == ("next weekend", "2017-W30-WE")  # Saturday 2017-07-29


def test_the_past_year_is_a_date_unless_a_stretch_is_said(nlp):
    t = only(nlp, "The past year was the hardest for exporters.")
    assert (t.text, t.value, t.type) == ("The past year", "2016", "DATE")
    t = only(nlp, "Prices have doubled over the past year.")
    assert (t.value, t.type) == ("P1Y", "DURATION")


def test_ages_are_not_timexes(nlp):
    assert timexes(nlp, "A 50-year-old man was detained.") == ()
    assert timexes(nlp, "The boy is six years old.") == ()


# --------------------------------------------------------------------------------------------------------------
# Issue 12, second round: the reporting period, the year named without its number, the tense of the date's own
# clause, durations, sets, decades, holidays. PUB is still Tuesday 2017-07-25 unless a case says otherwise.

def values(nlp, text, published=PUB):
    return {t.text: t.value for t in timexes(nlp, text, published)}


def test_a_year_earlier_after_a_stretch_of_months_is_a_year(nlp):
    text = ("The carrier posted second-quarter profit of $12 million.\n\n"
            "For the six months, net income rose to $20 million from $15 million a year earlier.")
    got = values(nlp, text)
    assert got["second-quarter"] == "2017-Q2"
    assert got["a year earlier"] == "2016"


def test_year_comparisons_do_not_chain(nlp):
    text = ("Net income rose in the second quarter from $3 million a year ago. "
            "Sales were $9 million, compared with $8 million a year earlier.")
    got = values(nlp, text)
    assert got["a year ago"] == "2016-Q2"
    assert got["a year earlier"] == "2016-Q2"  # not 2015: the same comparison period, not a year before it


def test_last_years_quarter_is_the_quarter_a_year_back(nlp):
    got = values(nlp, "Second-quarter exports rose, while exports in last year's quarter had fallen.")
    assert got["last year's quarter"] == "2016-Q2"


def test_a_forecast_quarter_is_not_the_period_compared(nlp):
    # the reported period has begun by publication; a quarter still ahead is a forecast, not what "year-ago" means
    text = ("The shipyard posted a loss for the second quarter.\n\n"
            "Brokers see orders staying weak through the first quarter of 2018.\n\n"
            "In the year-ago period, the yard earned $4 million.")
    got = values(nlp, text)
    assert got["the first quarter of 2018"] == "2018-Q1"
    assert got["the year-ago period"] == "2016-Q2"


def test_quarter_to_quarter_is_a_compound_not_a_date(nlp):
    text = "Exports rose in the second quarter. The quarter-to-quarter comparison flattered the ministry."
    got = values(nlp, text)
    assert got == {"the second quarter": "2017-Q2"}


def test_now_that_is_present_ref(nlp):
    t = only(nlp, "The port is the country's only outlet now that the border is closed.")
    assert (t.text, t.value) == ("now", "PRESENT_REF")


@pytest.mark.parametrize(
    "sentence, span, value, kind",
    [
        ("Sales for the full year rose 3%.", "the full year", "2017", "DATE"),
        ("The stock hit a high for the year in June.", "the year", "2017", "DATE"),
        ("Revenue in the year ended March 31 fell.", "the year", "P1Y", "DURATION"),
        ("Profit should grow throughout the fiscal year.", "the fiscal year", "P1Y", "DURATION"),
        ("Sales in the latest fiscal year were flat.", "the latest fiscal year", "2016", "DATE"),
        ("Rains delayed planting earlier in the year.", "earlier in the year", "2017", "DATE"),
        ("The deal should close by year-end.", "year-end", "2017", "DATE"),
        ("The index has risen 4% since year-end.", "year-end", "2016", "DATE"),
    ],
)
def test_the_year_named_without_its_number(nlp, sentence, span, value, kind):
    found = [t for t in timexes(nlp, sentence) if t.text == span]
    assert [(t.value, t.type) for t in found] == [(value, kind)]


def test_the_year_told_by_its_own_clause_is_not_publications(nlp):
    assert [t for t in timexes(nlp, "She recalled the year the war ended.") if "year" in t.text] == []
    assert [t.text for t in timexes(nlp, "Fiscal 2016 sales were $40 million.")] == ["2016"]


def test_year_end_as_an_adjective_is_not_a_timex(nlp):
    assert timexes(nlp, "Year-end bonuses were cut.") == ()


@pytest.mark.parametrize(
    "sentence, published, span, value",
    [
        # a term set in the past runs on past publication
        ("The bank extended the loans through January.", "2017-10-30", "January", "2018-01"),
        ("The bank extended the loans in January.", "2017-10-30", "January", "2017-01"),
        ("The deadline was extended until Dec. 15.", "2017-10-30", "Dec. 15", "2017-12-15"),
        ("The talks were held on Dec. 15.", "2017-10-30", "Dec. 15", "2016-12-15"),
        # a reduced relative is past; one that takes "for" names its target
        ("Revenue in the year ended March 31 rose.", "2017-10-31", "March 31", "2017-03-31"),
        ("The dispute will dominate a summit set for Washington in April.", "2017-03-12", "April", "2017-04"),
        # a to-infinitive looks ahead of its past-tense verb
        ("The committee subpoenaed him to testify on Feb. 10.", "2017-01-07", "Feb. 10", "2017-02-10"),
        ("The alliance decided to admit the three states in early March.", "2017-02-10", "early March", "2017-03"),
        # "since": on or before publication
        ("Police have searched for him since Oct. 23.", "2017-05-06", "Oct. 23", "2016-10-23"),
        # a bare month more than four months ahead is last year's
        ("Shares traded at $30 in March.", "2017-10-30", "March", "2017-03"),
    ],
)
def test_the_year_of_a_date_from_its_own_clause(nlp, sentence, published, span, value):
    found = [t.value for t in timexes(nlp, sentence, published) if t.text == span]
    assert found == [value]


def test_set_to_puts_a_weekday_ahead(nlp):
    t = only(nlp, "The peace process, set to resume Monday, was hit by a bombing.", "2017-07-23")  # a Sunday
    assert (t.text, t.value) == ("Monday", "2017-07-24")


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("Recovery will not come for a couple of years.", "a couple of years", "P2Y"),
        ("The refugees lived in camps for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("A minute and a half later the pilot called.", "A minute and a half", "PT1M30S"),
        ("The strike could last two more weeks.", "two more weeks", "P2W"),
        ("The contract runs for an additional year.", "an additional year", "P1Y"),
        ("Eight trading days after the crash, shares recovered.", "Eight trading days", "P8D"),
        ("The company lost money in the past two quarters.", "the past two quarters", "P2Q"),
    ],
)
def test_durations(nlp, sentence, span, value):
    found = [(t.value, t.type) for t in timexes(nlp, sentence) if t.text == span]
    assert found == [(value, "DURATION")]


def test_a_fraction_of_quarters_is_not_a_duration(nlp):
    assert timexes(nlp, "Three quarters of the members voted yes.") == ()


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The festival is held each July.", "each July", "XXXX-07"),
        ("Dividends are paid every quarter.", "every quarter", "P1Q"),
        ("Flights leave on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI"),
        ("The market is closed on Mondays.", "Mondays", "XXXX-WXX-1"),
    ],
)
def test_sets(nlp, sentence, span, value):
    found = [(t.value, t.type) for t in timexes(nlp, sentence) if t.text == span]
    assert found == [(value, "SET")]


def test_noon_with_its_day_is_one_time(nlp):
    t = only(nlp, "The vote is set for noon Thursday.")
    assert (t.text, t.value, t.type) == ("noon Thursday", "2017-07-27T12:00", "TIME")


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("Hate groups declined through the nineties.", "the nineties", "199"),
        ("Sales were flat in the late '80s.", "the late '80s", "198"),
    ],
)
def test_decades_in_words_and_short(nlp, sentence, span, value):
    found = [t.value for t in timexes(nlp, sentence) if t.text == span]
    assert found == [value]


def test_an_age_in_tens_is_not_a_decade(nlp):
    assert timexes(nlp, "Most of the protesters were in their forties.") == ()


def test_the_week_of_a_day_and_a_second_day(nlp):
    got = values(nlp, "A hearing is set for the week of March 6.", "2000-02-24")
    assert got == {"the week of March 6": "2000-W10"}
    got = values(nlp, "The summit will be held on April 24 and 25.", "1999-02-10")
    assert got == {"April 24": "1999-04-24", "25": "1999-04-25"}
    assert [t.text for t in timexes(nlp, "Prices rose on May 3 and 4 percent on May 4.")] == ["May 3", "May 4"]


def test_holidays(nlp):
    t = only(nlp, "The boy was found at sea on Thanksgiving Day.", "2000-01-07")
    assert (t.text, t.value) == ("Thanksgiving Day", "1999-11-25")
    t = only(nlp, "Shops close on Christmas Day.", None)
    assert (t.text, t.value) == ("Christmas Day", "XXXX-12-25")
    # a name many countries give their own day has no one date
    assert [t for t in timexes(nlp, "Kyiv marked Independence Day with a parade.") if "Independence" in t.text] == []


def test_windowed_scan_equals_a_scan_of_the_whole_text():
    """Each pattern runs only around its anchor words: the candidates must be exactly a full scan's."""
    from parley.extract.timex._patterns import _patterns
    from parley.extract.timex._scan import _candidates, _span

    texts = [
        "x" * 200 + " the winter of nineteen ninety-four " + "y" * 200,
        "On Wednesday, September 17th, 2019 at 10:30 a.m. the talks opened; by 5 pm they had stalled.",
        "Output grew in the first half of 2016 and in the comparable year-ago quarter, not in the '90s.",
        "Forty-two people met. " * 20 + "Two days later, in mid-March, a 2 1/2-year deal was signed each July.",
        "The year-end figures, fiscal 2016 sales and the nineties: Thanksgiving Day, noon Thursday, 12:05.",
    ]
    for text in texts:
        full = sorted((*_span(m), p.name) for p in _patterns() for m in p.regex.finditer(text) if _span(m)[1] >
                      _span(m)[0])
        windowed = sorted((s, e, p.name) for s, e, p, _ in _candidates(text))
        assert windowed == full


def test_a_weekday_in_a_plan_told_in_the_past_lies_ahead(nlp):
    t = only(nlp, "The relatives were planning to drive to the airport on Monday.", "2017-07-28")  # a Friday
    assert (t.text, t.value) == ("Monday", "2017-07-31")


def test_couple_and_several_quarters(nlp):
    assert values(nlp, "Over the next couple of years, prices will rise.") == {"the next couple of years": "P2Y"}
    assert values(nlp, "It turned a profit after several quarters of losses.") == {"several quarters": "PXQ"}


@pytest.mark.parametrize("value, same", [("1989-11-06T17", "1989-11-06T17:00"), ("P2DE", "P20Y"), ("P1CE", "P100Y")])
def test_scorer_spells_one_value_one_way(value, same):
    from parley.evaluate_timeml import canonical

    assert canonical(value) == canonical(same)


def test_since_and_a_noun_of_time_on_the_way_to_the_verb(nlp):
    # "since" anywhere on the way up: the day is on or before publication
    got = values(nlp, "The border has stayed closed since the attack of Oct. 23.", "2017-05-06")
    assert got["Oct. 23"] == "2016-10-23"
    # "the night of" does not take the date out of the past clause ("a dividend payable" would)
    got = values(nlp, "The doctor was shot on the night of Dec. 20 at his home.", "2017-10-30")
    assert got["Dec. 20"] == "2016-12-20"


@pytest.mark.parametrize("sentence, value", [
    ("The vote is slated for January.", "2018-01"),      # a future cue (future_cues.txt)
    ("The visit is scheduled for March.", "2018-03"),    # "for" makes "March" a month, not the verb
])
def test_a_month_planned_ahead(nlp, sentence, value):
    assert [t.value for t in timexes(nlp, sentence, "2017-10-25")] == [value]


# --------------------------------------------------------------------------------------------------------------
# Issue 12, second pass: halves, "of last year", the end of a decade, vague stretches, a cue beside the verb, and
# the phrase-level API other extractors can call instead of their own date regexes.

@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The foreign ministers spoke for half an hour.", "half an hour", "PT30M"),
        ("After a half-hour delay the motorcade moved on.", "a half-hour", "PT30M"),
        ("The occupation lasted half a century.", "half a century", "P50Y"),
        ("The inspectors stayed a week and a half.", "a week and a half", "P1.5W"),
        ("The blockade lasted a decade and a half.", "a decade and a half", "P15Y"),
        ("Prisoners were exchanged within days.", "days", "PXD"),
        ("The delegation may return within weeks or months.", "weeks or months", "PXW"),
        ("The two families feuded for centuries.", "centuries", "PXCE"),
        ("Over the years the alliance grew.", "the years", "PXY"),
        ("Diplomats expect more visits in the months ahead.", "the months ahead", "PXM"),
    ],
)
def test_halves_and_vague_stretches(nlp, sentence, span, value):
    t = only(nlp, sentence)
    assert (t.text, t.value, t.type) == (span, value, "DURATION")


def test_a_bare_plural_unit_is_not_a_stretch(nlp):
    assert timexes(nlp, "Hundreds of years of trade link the two ports.") == ()
    assert [t.value for t in timexes(nlp, "Half a century ago the border was drawn.")] != ["P50Y"]
    assert timexes(nlp, "The days of the old empire are gone.") == ()  # an era, not a stretch told
    assert timexes(nlp, "Their years of service were honoured at the embassy.") == ()
    assert timexes(nlp, "The centre has grown in years of good harvests.") == ()  # "in years" not closing a clause
    assert [t.text for t in timexes(nlp, "The party won three quarters of the seats.")] == []


# --------------------------------------------------------------------------------------------------------------
# Issue 12, fourth pass (tuned on TimeBank): counts in the thousands, a bare plural unit that still tells a
# stretch ("months of talks", "the first time in years"), and "recent years" in the present perfect.

@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("The two ports have traded for more than 2,000 years.", "more than 2,000 years", "P2000Y"),
        ("The monastery has stood on the hill for two thousand years.", "two thousand years", "P2000Y"),
        ("The accord follows months of talks between the two capitals.", "months", "PXM"),
        ("After years of war, the border reopened.", "years", "PXY"),
        ("Exports to the neighbour rose for the first time in years.", "years", "PXY"),
        ("It was the warmest meeting of the two leaders in decades, aides said.", "decades", "PXDE"),
        ("Tensions along the border have risen in recent weeks.", "recent weeks", "PXW"),
        ("Trade between the two has grown in recent years.", "recent years", "PXY"),
        ("Hundreds were detained in the first hours of the offensive.", "the first hours", "PTXH"),
        ("The ministers argued for hours before the vote.", "hours", "PTXH"),
        ("The observers will stay in the region for some time.", "some time", "PXX"),
        ("The border may stay closed for a fairly long period.", "a fairly long period", "PXX"),
        ("Villagers will have to live without power for a while.", "a while", "PXX"),
    ],
)
def test_stretches_without_a_number_or_in_the_thousands(nlp, sentence, span, value):
    found = [t for t in timexes(nlp, sentence) if t.type == "DURATION"]
    assert [(t.text, t.value) for t in found] == [(span, value)]


@pytest.mark.parametrize("sentence", [
    "Two soldiers were killed in border clashes in recent days.",  # a past event located in the recent past
    "The port owes its growth in recent years to the new railway.",  # no perfect: a time, not a stretch
])
def test_recent_units_outside_the_perfect_are_past_ref(nlp, sentence):
    assert [(t.value, t.type) for t in timexes(nlp, sentence)] == [("PAST_REF", "DATE")]


def test_thousands_of_years_ago_reach_before_year_one(nlp):
    assert [t.value for t in timexes(nlp, "The city was founded two thousand years ago.")] == ["0017"]
    assert [t.value for t in timexes(nlp, "The city was founded 2,500 years ago.")] == ["BC0484"]


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("Exports fell in the first quarter of last year.", "the first quarter of last year", "2016-Q1"),
        ("The pipeline opens in the second half of next year.", "the second half of next year", "2018-H2"),
        ("The accord was initialled in the summer of last year.", "the summer of last year", "2016-SU"),
        ("The base will close by the end of the decade.", "the end of the decade", "201"),
        ("The envoy left at the end of last year.", "the end of last year", "2016"),
        ("New tariffs apply from the beginning of next month.", "the beginning of next month", "2017-08"),
    ],
)
def test_a_part_of_a_year_named_relative_to_publication(nlp, sentence, span, value):
    t = only(nlp, sentence)
    assert (t.text, t.value, t.type) == (span, value, "DATE")


@pytest.mark.parametrize("sentence, value", [
    ("The first instalment is due by Dec. 31.", "2018-12-31"),           # a cue beside the verb: ahead
    ("The instalment had been due on Dec. 31 but was deferred.", "2017-12-31"),  # told in the past perfect
])
def test_due_beside_the_verb_dates_ahead(nlp, sentence, value):
    # published 2018-03-04: Dec. 31 nearest is 2017's; "is due" puts it ahead, "had been due" keeps it behind
    assert [t.value for t in timexes(nlp, sentence, "2018-03-04") if "Dec" in t.text] == [value]


def test_an_expiry_planned_in_the_past_perfect_lies_behind(nlp):
    t = only(nlp, "The offer had been due to expire Friday evening.", "2017-07-26")  # a Wednesday
    assert (t.value, t.type) == ("2017-07-21TEV", "TIME")


def test_first_date_normalises_a_phrase_against_a_reference_date():
    t = first_date("the summit, which is scheduled for April 22 in Seoul", "2024-05-01")
    assert (t.text, t.value, t.type) == ("April 22", "2024-04-22", "DATE")
    assert "the summit, which is scheduled for April 22 in Seoul"[t.start:t.end] == "April 22"
    assert first_date("talks in the spring of 2023 and again later", None).value == "2023-SP"
    assert first_date("the visit of Tuesday", "2024-05-01").value == "2024-04-30"  # a Wednesday: the day before
    assert first_date("ministers met yesterday", "2024-05-01").value == "2024-04-30"
    assert first_date("ministers met yesterday", None) is None  # XXXX-XX-XX places nothing on the calendar
    assert first_date("for three days, now", "2024-05-01") is None  # a duration and a reference are not points
    assert first_date("no date at all", "2024-05-01") is None


@pytest.mark.parametrize("value, same", [("P1E", "P10Y"), ("PXC", "PXCE"), ("P2L", "P2000Y"), ("PXE", "PXDE")])
def test_scorer_reads_timex2_units(value, same):
    from parley.evaluate_timeml import canonical

    assert canonical(value) == canonical(same)


def test_a_spelled_hundred_before_a_noun_is_a_count(nlp):
    assert timexes(nlp, "The academy has twelve hundred mostly foreign students.") == ()
    assert only(nlp, "The fortress was built in twelve hundred and later abandoned.").value == "1200"


def test_a_capitalised_relative_unit_inside_a_sentence_is_a_title(nlp):
    assert timexes(nlp, 'The minister, speaking on the "This Week" programme, defended the deal.') == ()
    assert only(nlp, "This Week, the talks resume in Geneva.").value == "2017-W30"


@pytest.mark.parametrize("sentence, span, value", [
    ("By mid afternoon, the border crossing had reopened.", "mid afternoon", "2017-07-25TAF"),
    ("At mid-afternoon yesterday the convoy reached Kabul.", "mid-afternoon yesterday", "2017-07-24TAF"),
])
def test_the_middle_of_a_part_of_the_day(nlp, sentence, span, value):
    t = only(nlp, sentence)
    assert (t.text, t.value, t.type) == (span, value, "TIME")

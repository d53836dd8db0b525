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

from parley.extract.timex import extract_timexes, normalize_date, shift

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
        ("The dispute has simmered for years.", "for years", "PXY"),
    ],
)
def test_durations(nlp, sentence, span, value):
    t = only(nlp, sentence)
    assert (t.text, t.value, t.type) == (span, value, "DURATION")


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
        ("Envoys met on 9 May 2016.\nThe next day a deal was announced.", "2016-06-01",
         [("9 May 2016", "2016-05-09"), ("The next day", "2016-06-02")]),
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

"""Temporal expressions normalised to TIMEX3 values against the publication date.

    extract_timexes(doc, published) -> tuple[Timex, ...]    every expression in doc.text, with exact offsets
    normalize_date(text, published) -> str | None           "April 22" -> "XXXX-04-22" (for other extractors)
    first_date(text, published) -> Timex | None             the first calendar date of a phrase, offsets into it
    shift(value, days) -> str | None                        "2017-07-21", 24 -> "2017-08-14"; None if partial

How it works: precompiled regexes (built once from the month, weekday, season, number-word and reference-word data
files) find candidate spans in doc.text, each run only on the stretches around its anchor words (_windows);
overlapping candidates are resolved longest first; each is then normalised; offsets from an anchor ("the next
day") and the reporting period ("the quarter", "a year ago") are resolved last.
spaCy's DATE entities are not needed: its spans are often off ("April 22 marks", "the fall of").

Values depend only on the text and ``published`` -- never on the clock. Where parley differs from dateparser (a
dependency, used by ingest for the publication date, where it is right: one whole date string to read):
dateparser.parse fills missing parts (day, year) from today's date, and even with RELATIVE_BASE its
PREFER_DATES_FROM is one past/future switch for the whole call, where the year of "Dec. 7" or the week of "Monday"
depends on the date's own clause; search_dates finds spans poorly in running text ("May" the modal, "March" the
verb) and has no TIMEX3 values for quarters, durations, sets or PRESENT_REF. So dateparser is not called here.
Rules for the year of a partial date, when ``published`` is known:

* month-day ("April 22"): the year that puts it nearest to ``published``; month ("in March"): this year's
  unless that lies more than 4 months ahead (then last year's: news tells of the past; TimeBank's months run from
  8 back to 4 ahead). Then the verb of the date's own clause corrects it (_tense): past tense and more than a month
  after ``published`` -> one year earlier (a past verb with a date a few days ahead tells an arrangement: "was
  extended to Nov. 16"); future ("will", "scheduled", "set to", see future_cues.txt) and before -> one year later.
  A past verb does not count across a noun ("declared a dividend payable Dec. 7"), across a to-infinitive ("asked
  him to testify on Feb. 10": its event lies ahead of the asking), or for a term after "until" / "through" ("gave
  them until mid-November"). A reduced relative is past ("the year ended March 31", "a high set on Aug. 6") unless
  it takes "for" ("a summit set for April"). After "since" the date is on or before publication.
* quarters ("third-quarter", "the fiscal first quarter"): the latest quarter begun by publication; "the quarter",
  "the year-ago period", "a year ago" in an earnings story follow the period named before them -- a quarter, or a
  year-long stretch ("the nine months", "for the year"), which makes "a year earlier" a year; a quarter not yet
  begun ("losses through the third quarter of next year") is a forecast, no such period; "the quarter-to-quarter
  comparison" holds no date (_quarters).
* "the year", "the full year", "the current fiscal year", "by year-end": the year of publication ("the latest
  fiscal year": the one before); "the year ended June 30" is a DURATION P1Y (_years).
* holidays ("Thanksgiving Day", "Good Friday"): the ``holidays`` package's US and UK calendars (_holidays).
* bare season ("scheduled for autumn"): future context -> its next occurrence from ``published``; past tense -> its
  latest occurrence; otherwise as a bare month, by its first month ("the low levels of the early summer" in an
  October story: that year's; TimeML gives every season a year).
* a past tense is also read off a verb whose past is its base form ("hurt", "cut") tagged present although its
  subject is a singular noun ("Weakness in tech stocks hurt the index").
* an offset opening its paragraph ("The following month, ...") is anchored in the paragraph before as well.
* weekdays ("on Monday") and weekends: the latest such day on or before ``published``; the next one in a future or
  present-tense clause ("will meet Thursday", "the talks open Monday"), in a plan ("were planning to drive there on
  Monday"), after "as early as" or "until".
* an ordinal day told in the present of today, it or this ("today is the eighth day of the blockade", "it's the
  second day of an offensive"): the day of publication.
* "last/this/next week|month|year", "the past year", "yesterday", "N days ago": arithmetic on ``published``; weeks
  are ISO weeks. A part of a year said relative to publication takes that year: "the first quarter of last year",
  "the second half of next year", "the summer of last year"; "the end of the decade", "the beginning of next
  month" are the unit's value, "end" its mod.
* a future cue beside the verb counts as one above it: "payments are due by Dec. 31" lies ahead, "had been due to
  expire Friday" (past perfect) behind; so does "be to" ("he is to step down in January"), and "would" is a plan
  ("said the talks would resume Thursday": the coming Thursday). A term moved to a date lies ahead ("the deadline
  was extended to Nov. 30", "postponed to October"). A participle with a subject and no auxiliary is a past the
  tagger misread ("The plant opened in April").
* a weekday said with a month-day picks the year it falls in ("Monday, Aug. 17"); the two ends of a range share a
  year ("from January to October", "between November and January": the first end follows the second);
  "last February" in a March story is the February a year back (the month just gone is "last month");
  "the previous Friday", "the following Monday" count from the day last told (else publication).

Without ``published`` the unknown parts are X: "XXXX-04-22", "XXXX-FA", "XXXX-XX-XX" (today), "XXXX-WXX".
Durations: P24D, P2Y, PT3H, P2000Y ("2,000 years", "two thousand years"), PXY ("for years", "within weeks", "over
the years", "the months ahead", "months of talks", "the first time in years", "the early years"; PTXH "for hours",
"the first hours"; PXX "for a while", "for some time": the span leaves the preposition out, as TIMEX3 does),
P2Y6M ("2 1/2 years"), PT30M ("half an hour", "a half-hour"), P1.5W ("a week and a half": no smaller unit TimeML
uses), P2Q (quarters), P2W ("two to three weeks": a range takes its lower bound, as HeidelTime and TimeBank's gold
value it); ages ("a 50-year-old") are not timexes
(TimeBank and AQUAINT tag none). Sets: P1Y (every year, annually), P1D (daily), XXXX-WXX-1 (every
Monday, Mondays), XXXX-07 (each July). Years in words: "nineteen ninety-six"; decades: "the nineties" (_spelled).
References (nlp/data/reference_words.txt, after the TimeML guidelines): PRESENT_REF (now, "now that", currently,
the adjective "current"), PAST_REF (recently, "recent", "past years", the past; "in recent years" in the present perfect, "has grown
in recent years", is the stretch up to now, PXY), FUTURE_REF (soon, "as soon as possible", the
future, "in coming months", "in future quarters"); the adjectives are HeidelTime's date words too ("the current quarter" stays a quarter).
The TIMEX3 ``mod`` attribute (Timex.mod: START "early 1990", END "the end of the month", MID "mid-March", APPROX
"about three weeks", "some 20 years", MORE_THAN, LESS_THAN, EQUAL_OR_MORE, EQUAL_OR_LESS, ON_OR_AFTER "1994 or
later", ...) is read from cue words (nlp/data/timex_mods.txt) by _mods, last; a cue just before or after a span is
taken into it, as TimeBank's gold does ("nearly two years"). The value stays the unmodified one: "early 1990s" is 199
as in TimeML.

"By mid-afternoon", "at mid-afternoon yesterday": that part of the day (TIME ...TAF).
Names are not dates: a capitalised "This Week" inside a sentence is a title (as "Arab Spring" is); "twelve hundred"
before a noun is a count.

Modules (one idea each): _base (lexicon tables, the match context, date helpers), _patterns (the candidate regexes),
_windows (where each pattern can match: around its anchor words), _calendar (dates, months, years, seasons),
_quarters (quarters, halves, the reporting period), _years ("the year", "year-end"), _holidays, _spelled (years and
decades in words), _relative (ago, durations, references, sets, weekdays, weekends, clock), _anchored ("the next
day", "that day"), _scan (overlaps resolved, clock merged with day), _tense (the clause's tense, from the parse),
_mods (the mod attribute).
Scored on TimeML gold by parley.evaluate_timeml (bench/timeml.py, ``parley eval --timeml FOLDER``).
"""

from __future__ import annotations

import re
from datetime import timedelta
from functools import lru_cache

from parley.extract.timex._base import _Ctx, _date, _parse_published
from parley.extract.timex._mods import attach_mods
from parley.extract.timex._scan import _resolve, find_timex_spans
from parley.extract.timex._tense import _perfect_of, _tense_of
from parley.models import Timex

__all__ = ["extract_timexes", "normalize_date", "first_date", "shift", "find_timex_spans", "doc_text"]


def doc_text(doc) -> str:
    """doc.text, computed once per Doc: spaCy rebuilds the string from every token on each access (~1 ms)."""
    text = doc.user_data.get("parley.text")
    if text is None:
        text = doc.user_data["parley.text"] = doc.text
    return text


def extract_timexes(doc, published: str | None) -> tuple[Timex, ...]:
    """Every temporal expression in doc.text with its TIMEX3 value, anchored on ``published``."""
    text = doc_text(doc)
    pub, pub_time = _parse_published(published)
    ctx = _Ctx(published=pub, pub_time=pub_time, text=text, tense=lambda s, e: _tense_of(doc, s, e),
               perfect=lambda s, e: _perfect_of(doc, s, e))
    resolved = attach_mods(text, _resolve(text, ctx))
    doc.user_data["parley.timex_spans"] = tuple((s, e) for s, e, _, _, _ in resolved)
    return tuple(Timex(text=text[s:e], value=v, type=k, start=s, end=e, mod=mod) for s, e, v, k, mod in resolved)


@lru_cache(maxsize=4096)
def normalize_date(text: str, published: str | None) -> str | None:
    """The TIMEX3 value of the longest temporal expression in ``text`` ("April 22" -> "XXXX-04-22"), anchored on
    ``published`` when given; None when the text holds none. No verb tense is available here: nearest year."""
    pub, pub_time = _parse_published(published)
    ctx = _Ctx(published=pub, pub_time=pub_time, text=text, tense=lambda s, e: None)
    resolved = _resolve(text, ctx)
    if not resolved:
        return None
    s, e, value, _ = max(resolved, key=lambda r: (r[1] - r[0], -r[0]))
    return value


_CALENDAR_VALUE = re.compile(r"(?:\d{4}|XXXX)\S*")


def first_date(text: str, published: str | None) -> Timex | None:
    """The first expression of ``text`` whose value is a point of the calendar (it begins with a year or XXXX and
    holds a digit: "2024-04-22", "2023-FA", "XXXX-04-22"; not a duration, a set or PRESENT_REF), anchored on
    ``published``, with offsets into ``text``; None when there is none. For a caller that has a phrase but no parse
    (events date a mention from its window when the date step gave no timexes): no verb tense is read, so a
    month-day takes the year nearest ``published`` and a weekday the latest one."""
    pub, pub_time = _parse_published(published)
    ctx = _Ctx(published=pub, pub_time=pub_time, text=text, tense=lambda s, e: None)
    for s, e, value, kind in _resolve(text, ctx):
        if kind in ("DATE", "TIME") and _CALENDAR_VALUE.fullmatch(value) and re.search(r"\d", value):
            return Timex(text=text[s:e], value=value, type=kind, start=s, end=e)
    return None


def shift(value: str | None, days: int) -> str | None:
    """A full date (YYYY-MM-DD, optionally with a time) moved by ``days``; None when the base is partial."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(T.*)?", value)
    if not m:
        return None
    d = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return (d + timedelta(days=days)).isoformat() if d else None

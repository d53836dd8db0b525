"""Temporal expressions normalised to TIMEX3 values against the publication date.

    extract_timexes(doc, published) -> tuple[Timex, ...]    every expression in doc.text, with exact offsets
    normalize_date(text, published) -> str | None           "April 22" -> "XXXX-04-22" (for other extractors)
    shift(value, days) -> str | None                        "2017-07-21", 24 -> "2017-08-14"; None if partial

How it works: precompiled regexes (built once from the month, weekday, season and number-word data files) find
candidate spans in doc.text; overlapping candidates are resolved longest first; each is then normalised. spaCy's
DATE entities are not needed: its spans are often off ("April 22 marks", "the fall of") and our patterns are exact.

Values depend only on the text and ``published`` -- never on the clock. dateparser is deliberately not used: it
fills missing parts (day, year) from today's date. Rules for the year of a partial date, when ``published`` is known:

* month-day ("April 22") and month ("in March"): the year that puts it nearest to ``published`` (so a date more
  than ~6 months ahead goes to the previous year); then the governing verb corrects it: past tense and still after
  ``published`` -> one year earlier; future ("will", "scheduled", see future_cues.txt) and before -> one year later.
* bare season ("scheduled for autumn"): future context -> its next occurrence from ``published``; past tense -> its
  latest occurrence; otherwise unknown year (XXXX-FA).
* weekdays ("on Monday"): the latest such day on or before ``published``; the next one after it in future context.
* "last/this/next week|month|year", "yesterday", "N days ago": arithmetic on ``published``; weeks are ISO weeks.

Without ``published`` the unknown parts are X: "XXXX-04-22", "XXXX-FA", "XXXX-XX-XX" (today), "XXXX-WXX".
Durations: P24D, P2Y, PT3H, PXY (for years). Sets: P1Y (every year), XXXX-WXX-1 (every Monday).
References: PRESENT_REF (currently), PAST_REF (recently, in recent days), FUTURE_REF (in the near future).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable

from parley.extract._numbers import as_number, number_word_regex, parse_number
from parley.models import Timex
from parley.nlp import lexicon

__all__ = ["extract_timexes", "normalize_date", "shift", "find_timex_spans", "doc_text"]

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_UNIT_CODE = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE"}
_UNIT_TIME = {"hour": "H", "minute": "M", "second": "S"}
_POD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


# ----------------------------------------------------------------------------------------------------------- data
def _table(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in lexicon(name):
        key, _, rest = line.partition(":")
        for alias in rest.split("|"):
            if alias.strip():
                out[alias.strip()] = key.strip()
    return out


@lru_cache(maxsize=1)
def _lex() -> dict[str, object]:
    months = {alias: int(num) for alias, num in _table("months").items()}
    weekdays = {alias: int(num) for alias, num in _table("weekdays").items()}
    seasons = _table("seasons")
    return {
        "months": months,
        "months_lower": {k.lower().rstrip("."): v for k, v in months.items()},
        "weekdays": weekdays,
        "weekdays_lower": {k.lower(): v for k, v in weekdays.items()},
        "seasons": {k.lower(): v for k, v in seasons.items()},
        "future": frozenset(w.lower() for w in lexicon("future_cues")),
        "not_year_before": frozenset(w.lower() for w in lexicon("not_year_before")),
        "year_prep": frozenset(w.lower() for w in lexicon("year_prepositions")),
        "count_qualifiers": frozenset(w.lower() for w in lexicon("count_qualifiers")),
    }


def _alt(words, escape=True) -> str:
    words = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) if escape else w for w in words) + ")"


# ------------------------------------------------------------------------------------------------------- patterns
@dataclass(frozen=True)
class _Pattern:
    name: str
    regex: re.Pattern
    normalise: Callable  # (match, ctx) -> (value, type) | None


@dataclass
class _Ctx:
    published: date | None
    pub_time: str | None
    text: str
    tense: Callable[[int, int], str | None]  # (start, end) -> 'past' | 'future' | None


@lru_cache(maxsize=1)
def _patterns() -> tuple[_Pattern, ...]:
    lex = _lex()
    full_months = [m for m in lex["months"] if not m.endswith(".")]
    abbrevs = [m[:-1] for m in lex["months"] if m.endswith(".")]
    mon_any = r"(?P<mon>" + _alt(full_months) + "|" + _alt(abbrevs) + r"\.?)"
    mon_full = r"(?P<mon>" + _alt(full_months) + ")"
    wd_names = _alt(lex["weekdays"])
    wd = rf"(?:(?P<wd>{wd_names}),?\s+)?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:1[5-9]|20)\d\d)"
    clock = r"(?:,?\s+(?:at\s+)?(?P<hh>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?P<ampm>[ap]\.m\.|[ap]m\b))?)?"
    num = rf"(?P<num>\d+(?:\.\d+)?|{number_word_regex()}|an?|several|a\s+few|few|many|some)"
    units = r"(?P<unit>days?|weeks?|months?|years?|decades?|centuries|century|hours?|minutes?)"
    seasons = _alt(list(lex["seasons"]) + [s.capitalize() for s in lex["seasons"]])
    mod = r"(?:(?P<mod>early|late|mid|earlier|later)[\s-]+|(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)?"
    I = re.IGNORECASE
    P = _Pattern
    specs = [
        P("iso", re.compile(r"\b(?P<year>\d{4})-(?P<mon>0[1-9]|1[0-2])-(?P<day>[0-3]\d)"
                            r"(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d))?\b"), _n_full),
        P("mdy", re.compile(rf"\b{wd}{mon_any}\s+{day},?\s+{year}\b{clock}"), _n_full),
        P("dmy", re.compile(rf"\b{wd}{day}\s+(?:of\s+)?{mon_any},?\s+{year}\b{clock}"), _n_full),
        P("dotted", re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.(?P<year>(?:1[5-9]|20)\d\d)\b"), _n_full),
        P("slashed", re.compile(r"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:1[5-9]|20)\d\d)\b"), _n_slashed),
        P("md", re.compile(rf"\b{wd}{mon_any}\s+{day}\b(?!,?\s*\d|:)"), _n_month_day),
        P("dm", re.compile(rf"\b{wd}{day}\s+(?:of\s+)?{mon_any}(?!\w)(?!,?\s+(?:1[5-9]|20)\d\d)"), _n_month_day),
        P("my", re.compile(rf"\b{mod}{mon_any}\s+(?:of\s+)?{year}\b"), _n_month_year),
        P("month", re.compile(rf"(?:\b(?P<pre>in|since|until|till|by|from|during|through|before|after|on|of|"
                              rf"between|and)\s+)?\b(?P<x>(?:(?P<rel>last|next|this|early|late|mid|earlier|later)"
                              rf"[\s-]+)?{mon_full}(?:\s+(?:of\s+)?(?P<ry>last|next|this)\s+year)?)\b"
                              rf"(?!\s+[0-3]?\d\b)", I), _n_month),
        P("quarter", re.compile(rf"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+"
                                rf"(?P<qu>quarter|half)\s+of\s+{year}\b|\b(?P<qq>Q[1-4]|H[12])\s+{year.replace('year', 'year2')}\b|"
                                rf"\bthe\s+(?P<q3>first|second|third|fourth|final|last)\s+quarter\b(?!\s+of\b)", I),
          _n_quarter),
        P("year", re.compile(rf"(?<![\w$€£¥₽.,/:]){mod}{year}(?![\w%]|[.,]\d)"), _n_year),
        P("decade", re.compile(r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<dec>(?:1[5-9]|20)\d0)'?s\b"),
          _n_decade),
        P("century", re.compile(r"\b(?:the\s+)?(?P<c>\d{1,2})(?:st|nd|rd|th)\s+century\b", I), _n_century),
        P("season", re.compile(rf"(?:\b(?P<pre>in|by|until|till|for|during|since|through|before|after)\s+)?"
                               rf"\b(?P<x>(?:(?P<rel>this|last|next|early|late|mid|coming|past)[\s-]+)?"
                               rf"(?P<the>the\s+)?(?P<season>{seasons})(?:\s+(?:of\s+)?{year})?)\b"), _n_season),
        P("relday", re.compile(r"\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|"
                               r"today|tomorrow|tonight)(?:\s+(?P<pod>morning|afternoon|evening|night))?\b", I),
          _n_relday),
        P("thispod", re.compile(r"\b(?:this|last)\s+(?P<pod>morning|afternoon|evening|night)\b", I), _n_thispod),
        P("relunit", re.compile(r"\b(?P<pre>(?:earlier|later)\s+)?(?P<rel>last|this|next|coming|previous|"
                                r"current)\s+(?P<unit>week|month|year|decade|century)\b", I), _n_relunit),
        P("ago", re.compile(rf"\b{num}\s+{units}\s+(?:ago|before\s+now)\b", I), _n_ago),
        P("anchored", re.compile(rf"\b(?P<w>the\s+(?P<dir1>next|following|previous|preceding)\s+(?P<u1>day|morning|"
                                 rf"afternoon|evening|night)|the\s+(?P<dir2>following|previous|preceding)\s+"
                                 rf"(?P<u2>week|month|year)|the\s+day\s+(?P<dir3>before|after)(?=\s*[,.;:)]|\s*$)|"
                                 rf"{num}\s+{units}\s+(?P<dir4>later|earlier|afterwards))\b", I), _n_anchored),
        P("pastunit", re.compile(r"\b(?:(?:over|in|during|for)\s+)?(?P<x>the\s+(?P<rel>past|last)\s+"
                                 r"(?P<unit>decade|century|year|month|week|fortnight))\b", I), _n_pastunit),
        P("weekday", re.compile(rf"(?:\b(?P<pre>on|since|by|until|till|from|before|after)\s+)?"
                                rf"\b(?P<x>(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<wd>{wd_names})"
                                rf"(?:\s+(?P<pod>morning|afternoon|evening|night))?)\b"), _n_weekday),
        P("duration", re.compile(rf"\b(?P<pre>the\s+(?:past|last|next|coming|previous|first|following)\s+)?"
                                 rf"{num}[\s-]+{units}(?!\s+ago)\b", I), _n_duration),
        P("vague", re.compile(r"\b(?:in\s+)?(?P<x>(?P<pre>for|over|recent|the\s+coming|the\s+next)"
                              r"\s+(?P<unit>days|weeks|months|years|decades))\b", I), _n_vague),
        P("endof", re.compile(r"\b(?:the\s+)?(?:end|beginning|start|middle|rest)\s+of\s+(?:the|this)\s+"
                              r"(?P<unit>year|month|week)\b", I), _n_endof),
        P("ref", re.compile(r"\b(?P<w>currently|at\s+present|nowadays|recently|in\s+the\s+near\s+future|"
                            r"in\s+the\s+past)\b", I), _n_ref),
        P("set", re.compile(rf"\b(?:every|each)\s+(?:(?P<num>\d+|{number_word_regex()}|other)\s+)?"
                            rf"(?P<unit>day|week|month|year|decade|{wd_names})s?\b|"
                            r"\b(?P<freq>once|twice|thrice|\w+\s+times)\s+(?:a|per|every)\s+"
                            r"(?P<unit2>day|week|month|year)\b|\b(?P<adv>annually|yearly)\b", I), _n_set),
        P("clock", re.compile(r"(?<![\d:.])\b(?P<hh>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?!:?\d)"
                              r"(?:\s*(?P<ampm>[ap]\.m\.|[ap]m\b))?|\b(?P<h12>1[0-2]|[1-9])\s*"
                              r"(?P<ampm2>[ap]\.m\.|[ap]m\b)", I), _n_clock),
    ]
    return tuple(specs)


# ------------------------------------------------------------------------------------------------ date helpers
def _date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _parse_published(published: str | None) -> tuple[date | None, str | None]:
    if not published:
        return None, None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?", published)
    if not m:
        return None, None
    d = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    t = f"{m.group(4)}:{m.group(5)}" if m.group(4) else None
    return d, t


def _month_num(text: str) -> int | None:
    return _lex()["months_lower"].get(text.lower().rstrip("."))


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _hhmm(m: re.Match, hh="hh", mi="mi", ampm="ampm") -> str | None:
    if m.groupdict().get(hh) is None:
        return None
    h = int(m.group(hh))
    mins = m.group(mi) if m.groupdict().get(mi) else "00"
    ap = (m.groupdict().get(ampm) or "").lower().replace(".", "")
    if ap == "pm" and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    return f"{h:02d}:{mins}"


# --------------------------------------------------------------------------------------------------- normalisers
def _n_full(m: re.Match, ctx: _Ctx):
    mon = m.group("mon")
    month = int(mon) if mon.isdigit() else _month_num(mon)
    d = _date(int(m.group("year")), month or 0, int(m.group("day")))
    if d is None:
        return None
    t = _hhmm(m)
    return (f"{d.isoformat()}T{t}", "TIME") if t else (d.isoformat(), "DATE")


def _n_slashed(m: re.Match, ctx: _Ctx):
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    d = _date(y, b, a) if a > 12 else _date(y, a, b)  # day-first only when it cannot be a month
    return (d.isoformat(), "DATE") if d else None


def _nearest_year(month: int, day: int, pub: date, tense: str | None) -> int | None:
    options = [(abs((c - pub).days), c) for y in (pub.year - 1, pub.year, pub.year + 1)
               if (c := _date(y, month, day)) is not None]
    if not options:
        return None
    best = min(options)[1]
    if tense == "past" and best > pub:
        return best.year - 1
    if tense == "future" and best < pub:
        return best.year + 1
    return best.year


def _n_month_day(m: re.Match, ctx: _Ctx):
    month, day = _month_num(m.group("mon")), int(m.group("day"))
    if not month or _date(2000, month, day) is None:  # 2000 is a leap year: Feb 29 allowed
        return None
    if m.group("mon") == "May" and m.group("wd") is None and not _day_adjacent_ok(m):
        return None
    if ctx.published is None:
        return f"XXXX-{month:02d}-{day:02d}", "DATE"
    y = _nearest_year(month, day, ctx.published, ctx.tense(m.start(), m.end()))
    return (f"{y}-{month:02d}-{day:02d}", "DATE") if y else None


def _day_adjacent_ok(m: re.Match) -> bool:
    return True  # "May 5" / "5 May": the digits already make the month reading safe


def _n_month_year(m: re.Match, ctx: _Ctx):
    month = _month_num(m.group("mon"))
    return (f"{int(m.group('year'))}-{month:02d}", "DATE") if month else None


def _n_month(m: re.Match, ctx: _Ctx):
    word = m.group("mon")
    if not word[0].isupper():
        return None
    month = _month_num(word)
    rel = (m.group("rel") or "").lower()
    if word == "May" and not (m.group("pre") or rel):
        return None  # the modal verb
    if word == "March" and not (m.group("pre") or rel):
        return None  # the verb or noun "march"
    pub = ctx.published
    if pub is None:
        return f"XXXX-{month:02d}", "DATE"
    ry = (m.group("ry") or "").lower()
    if ry:  # "March last year", "June next year": the year is said
        return f"{pub.year + {'last': -1, 'next': 1}.get(ry, 0)}-{month:02d}", "DATE"
    if rel == "last":
        y = pub.year if month < pub.month else pub.year - 1
    elif rel == "next":
        y = pub.year if month > pub.month else pub.year + 1
    elif rel == "this":
        y = pub.year
    else:
        delta = month - pub.month
        y = pub.year + (1 if delta < -6 else -1 if delta > 6 else 0)
        tense = ctx.tense(m.start("x"), m.end("x"))
        if tense == "past" and (y, month) > (pub.year, pub.month):
            y -= 1
        elif tense == "future" and (y, month) < (pub.year, pub.month):
            y += 1
    return f"{y}-{month:02d}", "DATE"


def _n_quarter(m: re.Match, ctx: _Ctx):
    y = m.group("year") or m.group("year2")
    if m.group("q3"):  # "the third quarter": the latest one begun by publication (a coming one in future context)
        n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}[m.group("q3").lower()]
        pub = ctx.published
        if pub is None:
            return f"XXXX-Q{n}", "DATE"
        started = pub.month >= 3 * n - 2
        y = pub.year if started else pub.year - 1
        if ctx.tense(m.start(), m.end()) == "future" and pub.month > 3 * n:
            y = pub.year + 1
        return f"{y}-Q{n}", "DATE"
    if m.group("qq"):
        return f"{y}-{m.group('qq').upper()}", "DATE"
    n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[m.group("q").lower()]
    if m.group("qu").lower() == "half":
        return (f"{y}-H{n}", "DATE") if n <= 2 else None
    return f"{y}-Q{n}", "DATE"


def _n_year(m: re.Match, ctx: _Ctx):
    lex = _lex()
    text = ctx.text
    before = text[max(0, m.start() - 30):m.start()].split()
    prev = before[-1].lower() if before else ""
    if prev in lex["not_year_before"] or prev in lex["count_qualifiers"]:
        return None
    if not m.group("mod") and prev not in lex["year_prep"]:
        after = text[m.end():m.end() + 30].split()
        nxt = after[0] if after else ""
        # "2000 people", "1500 troops": a count, not a year
        if re.fullmatch(r"[a-z]+s|people|men|women|children|personnel", nxt) and len(nxt) > 2 or nxt.lower() in ("percent", "per", "km", "million",
                                                                              "billion", "thousand"):
            return None
    return m.group("year"), "DATE"


def _n_decade(m: re.Match, ctx: _Ctx):
    return m.group("dec")[:3], "DATE"


def _n_century(m: re.Match, ctx: _Ctx):
    c = int(m.group("c"))
    return (f"{c - 1:02d}", "DATE") if 1 <= c <= 21 else None


def _season_occurrence(code: str, pub: date, which: str) -> int:
    """Year of the season's latest start on/before pub ('past') or its next start after pub ('future')."""
    start = _SEASON_START[code]
    started_this_year = (pub.month >= start)
    if code == "WI" and pub.month <= 2:  # January/February belong to the winter that began in December
        return pub.year - 1 if which != "future" else pub.year
    if which == "past":
        return pub.year if started_this_year else pub.year - 1
    if which == "this":
        return pub.year
    # future: the season still ahead, or the current one if it is not over yet
    end_month = start + 2
    return pub.year if pub.month <= end_month else pub.year + 1


def _n_season(m: re.Match, ctx: _Ctx):
    word = m.group("season")
    code = _lex()["seasons"][word.lower()]
    rel = (m.group("rel") or "").lower()
    pre = m.group("pre")
    if m.group("year"):
        return f"{m.group('year')}-{code}", "DATE"
    if word[0].isupper() and m.start("x") > 0 and not rel:
        # "Arab Spring", "Operation Winter": a capitalised season inside a sentence is a name
        prefix = ctx.text[max(0, m.start("season") - 2):m.start("season")]
        if not prefix.endswith(("\n", ". ")) and m.start("season") != 0:
            return None
    if word.lower() == "fall" and not (rel or pre or m.group("the")):
        return None
    if word.lower() == "fall" and re.match(r"\s+of\b", ctx.text[m.end():]):
        return None  # "the fall of Kabul"
    if not (rel or pre or m.group("the")):
        return None  # "spring water", "winter Olympics" are not dates
    pub = ctx.published
    if pub is None:
        return f"XXXX-{code}", "DATE"
    if rel == "this":
        return f"{_season_occurrence(code, pub, 'this')}-{code}", "DATE"
    if rel == "last" or rel == "past":
        y = _season_occurrence(code, pub, "past")
        current = _season_occurrence(code, pub, "past") == pub.year and pub.month < _SEASON_START[code] + 3
        return f"{y - 1 if current else y}-{code}", "DATE"
    if rel in ("next", "coming"):
        return f"{_season_occurrence(code, pub, 'future')}-{code}", "DATE"
    tense = ctx.tense(m.start("x"), m.end("x"))
    if tense in ("past", "future"):
        return f"{_season_occurrence(code, pub, tense)}-{code}", "DATE"
    return f"XXXX-{code}", "DATE"


def _n_relday(m: re.Match, ctx: _Ctx):
    w = re.sub(r"\s+", " ", m.group("w").lower())
    offset = {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1,
              "the day after tomorrow": 2}[w]
    pod = _POD.get((m.group("pod") or "").lower()) or ("NI" if w == "tonight" else None)
    base = (ctx.published + timedelta(days=offset)).isoformat() if ctx.published else "XXXX-XX-XX"
    return (f"{base}T{pod}", "TIME") if pod else (base, "DATE")


def _n_thispod(m: re.Match, ctx: _Ctx):
    base = ctx.published.isoformat() if ctx.published else "XXXX-XX-XX"
    return f"{base}T{_POD[m.group('pod').lower()]}", "TIME"


def _n_relunit(m: re.Match, ctx: _Ctx):
    rel, unit = m.group("rel").lower(), m.group("unit").lower()
    k = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[rel]
    pub = ctx.published
    if pub is None:
        return {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX", "decade": "XXX", "century": "XX"}[unit], "DATE"
    if unit == "week":
        return _week(pub + timedelta(weeks=k)), "DATE"
    if unit == "month":
        y, mo = _add_months(pub.year, pub.month, k)
        return f"{y}-{mo:02d}", "DATE"
    if unit == "year":
        return str(pub.year + k), "DATE"
    if unit == "decade":
        return str(pub.year // 10 + k), "DATE"
    return f"{pub.year // 100 + k:02d}", "DATE"


def _count(text: str) -> int | float | None:
    t = re.sub(r"\s+", " ", text.lower())
    if t in ("several", "a few", "few", "many", "some"):
        return None
    value = parse_number(t)
    return as_number(value) if value is not None else None


def _n_ago(m: re.Match, ctx: _Ctx):
    n = _count(m.group("num"))
    unit = m.group("unit").lower().rstrip("s").replace("centurie", "century")
    pub = ctx.published
    if n is None or pub is None or unit in ("hour", "minute"):
        return ("PAST_REF", "DATE") if n is None or pub is None else (pub.isoformat(), "DATE")
    if not float(n).is_integer():
        return "PAST_REF", "DATE"
    n = int(n)
    if unit == "day":
        return (pub - timedelta(days=n)).isoformat(), "DATE"
    if unit == "week":
        return _week(pub - timedelta(weeks=n)), "DATE"
    if unit == "month":
        y, mo = _add_months(pub.year, pub.month, -n)
        return f"{y}-{mo:02d}", "DATE"
    if unit == "year":
        return str(pub.year - n), "DATE"
    if unit == "decade":
        return str(pub.year - 10 * n)[:3], "DATE"
    return f"{pub.year // 100 - n:02d}", "DATE"


_RATE_BEFORE = re.compile(r"\d[\d,.]*%?(?:[ \t]+[^\W\d_][\w'-]*){0,4}[ \t]+$")


def _n_duration(m: re.Match, ctx: _Ctx):
    unit = m.group("unit").lower()
    unit = "century" if unit.startswith("centur") else unit.rstrip("s")
    after = ctx.text[m.end():m.end() + 12]
    if re.match(r"-?\s*old\b", after) and m.group("pre") is None:
        pass  # an age ("a 50-year-old man") is still a duration in TIMEX3
    if m.group("num").lower() in ("a", "an") and m.group("pre") is None and _RATE_BEFORE.search(
            ctx.text[max(0, m.start() - 60):m.start()]):
        return None  # "40 million cubic metres a day", "$50 a barrel": a rate, not a stretch of time
    n = _count(m.group("num"))
    amount = "X" if n is None else (str(n) if not isinstance(n, float) else f"{n:g}")
    if unit in _UNIT_TIME:
        return f"PT{amount}{_UNIT_TIME[unit]}", "DURATION"
    return f"P{amount}{_UNIT_CODE[unit]}", "DURATION"


_ANCHOR_UNIT = {"fortnight": ("day", 14)}


def _n_anchored(m: re.Match, ctx: _Ctx):
    """'the next day', 'a week earlier', 'five years later': an offset from the nearest preceding date of the same
    paragraph (else ``published``), resolved after every span is known: see _resolve_anchored."""
    d = m.groupdict()
    pod = None
    if d.get("dir1"):
        k, unit = (1 if d["dir1"].lower() in ("next", "following") else -1), d["u1"].lower()
        if unit != "day":
            unit, pod = "day", _POD[unit]
    elif d.get("dir2"):
        k, unit = (1 if d["dir2"].lower() == "following" else -1), d["u2"].lower()
    elif d.get("dir3"):
        k, unit = (1 if d["dir3"].lower() == "after" else -1), "day"
    else:
        n = _count(d["num"])
        if n is None or not float(n).is_integer():
            return None
        unit = d["unit"].lower()
        unit = "century" if unit.startswith("centur") else unit.rstrip("s")
        if unit not in ("day", "week", "month", "year", "decade"):
            return None
        k = int(n) * (-1 if d["dir4"].lower() == "earlier" else 1)
    return f"@{k}|{unit}|{pod or ''}", "DATE"


def _n_pastunit(m: re.Match, ctx: _Ctx):
    unit = m.group("unit").lower()
    if unit == "fortnight":
        return "P2W", "DURATION"
    return f"P1{_UNIT_CODE[unit]}", "DURATION"


_ANCHOR_VALUE = re.compile(r"(?P<y>\d{4}|XXXX)(?:-(?:W(?P<w>\d\d)|(?P<m>\d\d)(?:-(?P<d>\d\d))?))?(?:T.*)?")


def _offset_value(anchor: str | None, pub: date | None, k: int, unit: str) -> str | None:
    """The value ``k`` units from ``anchor`` (a TIMEX3 date value), or from ``pub`` when anchor is None."""
    if anchor is not None:
        a = _ANCHOR_VALUE.fullmatch(anchor)
        if a is None:
            return None
        y = None if a.group("y") == "XXXX" else int(a.group("y"))
        if a.group("d"):
            base = _date(y or 2000, int(a.group("m")), int(a.group("d")))  # 2000: a leap year for XXXX-02-29
        elif a.group("w") and y:
            base = date.fromisocalendar(y, int(a.group("w")), 1) if 1 <= int(a.group("w")) <= 53 else None
        else:
            base = None
        if base is None:  # a month or a year: only units that size or larger move it
            if y is None:
                return None
            if unit == "month" and a.group("m"):
                yy, mm = _add_months(y, int(a.group("m")), k)
                return f"{yy}-{mm:02d}"
            if unit in ("year", "decade"):
                return str(y + k * (10 if unit == "decade" else 1))[: 3 if unit == "decade" else 4]
            return None
        if y is None:  # "April 22 ... the next day": keep the year unknown
            if unit != "day":
                return None
            return "XXXX-" + (base + timedelta(days=k)).isoformat()[5:]
        pub = base
    if pub is None:
        return None
    if unit == "day":
        return (pub + timedelta(days=k)).isoformat()
    if unit == "week":
        return _week(pub + timedelta(weeks=k))
    if unit == "month":
        yy, mm = _add_months(pub.year, pub.month, k)
        return f"{yy}-{mm:02d}"
    if unit == "year":
        return str(pub.year + k)
    return str(pub.year + 10 * k)[:3]


_UNKNOWN = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX", "decade": "XXX"}
_NEEDS_DAY = {"day", "week"}


def _resolve_anchored(text: str, items: list, pub: date | None) -> list:
    """Placeholders '@k|unit|pod' from _n_anchored get values, in text order so a resolved one anchors the next."""
    out: list = []
    for s, e, value, kind in items:
        if not value.startswith("@"):
            out.append((s, e, value, kind))
            continue
        k_text, unit, pod = value[1:].split("|")
        k = int(k_text)
        para = text.rfind("\n", 0, s) + 1
        anchor = None
        for ps, pe, pv, pk in reversed(out):
            if ps < para:
                break
            a = _ANCHOR_VALUE.fullmatch(pv) if pk in ("DATE", "TIME") else None
            if a is None:
                continue
            if unit in _NEEDS_DAY and not (a.group("d") or (a.group("w") and unit == "week")):
                continue
            if unit == "month" and not (a.group("m") or a.group("d")):
                continue
            anchor = pv
            break
        result = _offset_value(anchor, pub if anchor is None else None, k, unit) or _UNKNOWN[unit]
        if pod and re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d|XXXX-XX-XX", result):
            out.append((s, e, f"{result}T{pod}", "TIME"))
        else:
            out.append((s, e, result, "DATE"))
    return out


def _n_vague(m: re.Match, ctx: _Ctx):
    pre = re.sub(r"\s+", " ", m.group("pre").lower())
    if "recent" in pre:
        return "PAST_REF", "DATE"
    if "coming" in pre or pre == "the next":
        return "FUTURE_REF", "DATE"
    return f"PX{_UNIT_CODE[m.group('unit').lower().rstrip('s')]}", "DURATION"


def _n_endof(m: re.Match, ctx: _Ctx):
    unit, pub = m.group("unit").lower(), ctx.published
    if unit == "year":
        return (str(pub.year) if pub else "XXXX"), "DATE"
    if unit == "month":
        return (f"{pub.year}-{pub.month:02d}" if pub else "XXXX-XX"), "DATE"
    return (_week(pub) if pub else "XXXX-WXX"), "DATE"


def _n_ref(m: re.Match, ctx: _Ctx):
    w = re.sub(r"\s+", " ", m.group("w").lower())
    if w in ("recently", "in the past"):
        return "PAST_REF", "DATE"
    if w == "in the near future":
        return "FUTURE_REF", "DATE"
    return "PRESENT_REF", "DATE"


def _n_set(m: re.Match, ctx: _Ctx):
    if m.group("adv"):
        return "P1Y", "SET"
    unit = (m.group("unit") or m.group("unit2")).lower()
    wd = _lex()["weekdays_lower"].get(unit.rstrip("s")) or _lex()["weekdays_lower"].get(unit)
    if wd:
        return f"XXXX-WXX-{wd}", "SET"
    unit = unit.rstrip("s")
    raw = (m.group("num") or "").lower()
    n = 2 if raw == "other" else (_count(raw) if raw else 1)
    return f"P{n if n is not None else 'X'}{_UNIT_CODE[unit]}", "SET"


def _n_weekday(m: re.Match, ctx: _Ctx):
    wd = _lex()["weekdays"][m.group("wd")]
    pod = _POD.get((m.group("pod") or "").lower())
    rel = (m.group("rel") or "").lower()
    pub = ctx.published
    if pub is None:
        base = f"XXXX-WXX-{wd}"
    else:
        back = (pub.isoweekday() - wd) % 7  # days since the latest such weekday (0: published that day)
        ahead = (wd - pub.isoweekday()) % 7 or 7
        if rel == "last" or rel == "past":
            d = pub - timedelta(days=back or 7)
        elif rel in ("next", "coming"):
            d = pub + timedelta(days=ahead)
        elif ctx.tense(m.start("x"), m.end("x")) == "future":
            d = pub + timedelta(days=(wd - pub.isoweekday()) % 7)
        else:
            d = pub - timedelta(days=back)
        base = d.isoformat()
    return (f"{base}T{pod}", "TIME") if pod else (base, "DATE")


def _n_clock(m: re.Match, ctx: _Ctx):
    t = _hhmm(m) if m.group("hh") is not None else _hhmm(m, "h12", "nomin", "ampm2")
    if t is None:
        return None
    base = ctx.published.isoformat() if ctx.published else "XXXX-XX-XX"
    return f"{base}T{t}", "TIME"


# ------------------------------------------------------------------------------------------------- the scanner
def _span(m: re.Match) -> tuple[int, int]:
    if "x" in m.re.groupindex and m.group("x") is not None:
        return m.start("x"), m.end("x")
    return m.start(), m.end()


# Cheap substring tests that let a document skip the slower patterns entirely (all lower-case).
_NEEDS = {
    "ago": ("ago", "before now"),
    "anchored": ("later", "earlier", "afterwards", "following", "previous", "preceding", "next", "the day"),
    "pastunit": ("the past", "the last"),
    "set": ("every", "each", "once", "twice", "thrice", "times", "annually", "yearly"),
    "clock": (":", "a.m", "p.m", "am", "pm"),
    "vague": ("days", "weeks", "months", "years", "decades"),
    "endof": (" of th",),
    "quarter": ("quarter", "half", "q1", "q2", "q3", "q4", "h1", "h2"),
    "century": ("century",),
    "thispod": ("morning", "afternoon", "evening", "night"),
}


def _candidates(text: str) -> list[tuple[int, int, _Pattern, re.Match]]:
    found = []
    lower = text.lower()
    for pattern in _patterns():
        needs = _NEEDS.get(pattern.name)
        if needs and not any(n in lower for n in needs):
            continue
        for m in pattern.regex.finditer(text):
            s, e = _span(m)
            if e > s:
                found.append((s, e, pattern, m))
    return found


def _resolve(text: str, ctx: _Ctx) -> list[tuple[int, int, str, str]]:
    """Longest candidate first; a candidate that fails to normalise frees its span for shorter ones."""
    chosen: list[tuple[int, int, str, str]] = []
    taken = bytearray(len(text) + 1)
    order = {p.name: i for i, p in enumerate(_patterns())}
    for s, e, pattern, m in sorted(_candidates(text), key=lambda c: (c[0] - c[1], order[c[2].name], c[0])):
        if any(taken[s:e]):
            continue
        result = pattern.normalise(m, ctx)
        if result is None:
            continue
        value, kind = result
        taken[s:e] = b"\x01" * (e - s)
        chosen.append((s, e, value, kind))
    chosen.sort()
    if any(c[2].startswith("@") for c in chosen):
        chosen = _resolve_anchored(text, chosen, ctx.published)
    return _merge_clock_with_day(text, chosen)


_DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-(?:\d\d-\d\d|XX-XX|WXX-\d)")
_CLOCK_VALUE = re.compile(r".*T(\d\d:\d\d)")
_GLUE = re.compile(r"\s*,?\s*(?:(?:GMT|UTC|[A-Z]{2,4}T|local\s+time)\s*,?\s*)?(?:at|on)?\s*")


def _merge_clock_with_day(text: str, items: list) -> list:
    """"yesterday at 14:30", "10 a.m. on Monday": one TIME whose day is the day's value."""
    out: list = []
    for item in items:
        if out and _GLUE.fullmatch(text[out[-1][1]:item[0]]):
            a, b = out[-1], item
            day, clock = (a, b) if _CLOCK_VALUE.fullmatch(b[2]) and _DAY_VALUE.fullmatch(a[2]) else (b, a)
            c = _CLOCK_VALUE.fullmatch(clock[2])
            if c and clock[3] == "TIME" and _DAY_VALUE.fullmatch(day[2]) and day[3] == "DATE":
                out[-1] = (a[0], b[1], f"{day[2]}T{c.group(1)}", "TIME")
                continue
        out.append(item)
    return out


def find_timex_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of every temporal expression (no normalisation context): used by extract.amounts so a
    year or a date is never read as a count."""
    ctx = _Ctx(published=None, pub_time=None, text=text, tense=lambda s, e: None)
    return tuple((s, e) for s, e, _, _ in _resolve(text, ctx))


# --------------------------------------------------------------------------------------------------- tense
def _tense_of(doc, start: int, end: int) -> str | None:
    span = doc.char_span(start, end) or doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    future = _lex()["future"]
    tok = span.root
    for _ in range(8):
        if tok.lemma_.lower() in future or tok.lower_ in future:
            # a plan told in the past: "had been scheduled for late March" lies before publication,
            # "was scheduled for March" says nothing either way
            told = [c for c in tok.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"]
            if any(c.lemma_ == "have" for c in told):
                return "past"
            return None if told else "future"
        if any(c.lower_ in future or c.lemma_.lower() in future for c in tok.children if c.dep_ in ("aux", "amod")):
            return "future"
        if tok.pos_ in ("VERB", "AUX"):
            aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
            if any(a.lower_ in future or a.lemma_.lower() in future for a in aux):
                return "future"
            if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
                return "past"
            if tok.tag_ == "VBN" and any(a.lemma_ == "have" for a in aux):
                return "past"
            if tok.tag_ == "VB" and any(a.lower_ == "to" for a in aux):
                pass  # "is to be held": keep climbing to the governing verb
            elif tok.dep_ != "xcomp":
                return None
        if tok.head is tok:
            return None
        tok = tok.head
    return None


# ----------------------------------------------------------------------------------------------------- public
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
    ctx = _Ctx(published=pub, pub_time=pub_time, text=text, tense=lambda s, e: _tense_of(doc, s, e))
    resolved = _resolve(text, ctx)
    doc.user_data["parley.timex_spans"] = tuple((s, e) for s, e, _, _ in resolved)
    return tuple(Timex(text=text[s:e], value=v, type=k, start=s, end=e) for s, e, v, k in resolved)


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


def shift(value: str | None, days: int) -> str | None:
    """A full date (YYYY-MM-DD, optionally with a time) moved by ``days``; None when the base is partial."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(T.*)?", value)
    if not m:
        return None
    d = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return (d + timedelta(days=days)).isoformat() if d else None

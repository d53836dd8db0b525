"""Normalisers of calendar expressions: full dates, month-days, months, years, decades, centuries,
seasons, and days/units relative to publication (yesterday, last week)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from parley.extract.timex._base import _Ctx, _POD, _SEASON_START, _add_months, _date, _hhmm, _lex, _month_num, _week


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


# A past-tense verb with a date this few days after publication tells of an arrangement for it ("the offer was
# extended to Nov. 16", "asked it to respond by Oct. 31"), not of a day a year back.
_ARRANGED_AHEAD = 31
_UNTIL = ("until", "till", "through")
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|through)\s+$", re.I)
# a term moved to a date lies ahead of the moving, however long ("the deadline was extended to Nov. 30",
# "the vote was postponed to October"), as one set "until" it does
_MOVED_TO = re.compile(r"\b(?:extend|postpon|delay|defer|push|mov|reschedul|put\s+off|set\s+back)\w*\s+"
                       r"(?:back\s+|off\s+)?(?:to|until|till)\s+(?:early\s+|late\s+|mid-?)?$", re.I)
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)


# News tells of the past more than of the future: without a tense to go by, a bare month lies at most this many
# months ahead of publication, else it is the one before (TimeBank's months and month-days without a year run from
# 8 months back to 4 ahead, hardly any 5 to 7 ahead). A month-day goes to the nearest year: its tense, read
# below, is what moves it.
_AHEAD_MONTHS = 4


def _nearest_year(month: int, day: int, pub: date, tense: str | None) -> int | None:
    options = [(abs((c - pub).days), c) for y in (pub.year - 1, pub.year, pub.year + 1)
               if (c := _date(y, month, day)) is not None]
    if not options:
        return None
    best = min(options)[1]
    if tense == "since":  # "since Oct. 23": on or before publication, whatever the verb
        return pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1
    if tense == "past" and (best - pub).days > _ARRANGED_AHEAD:
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
    tense = ctx.tense(m.start(), m.end())
    before = ctx.text[max(0, m.start() - 10):m.start()]
    if tense == "past" and _MOVED_TO.search(ctx.text[max(0, m.start() - 40):m.start()]):
        tense = "future"  # "the deadline was extended to Nov. 30"
    elif tense == "past" and _UNTIL_BEFORE.search(before):
        tense = None  # "the offer was extended until Dec. 7": the term lies ahead
    elif _SINCE_BEFORE.search(before):
        tense = "since"  # (the parse says so too, mostly: _tense)
    y = _nearest_year(month, day, ctx.published, tense)
    wd = m.groupdict().get("wd")
    if y and wd:
        y = _weekday_year(y, month, day, _lex()["weekdays"][wd]) or y
    return (f"{y}-{month:02d}-{day:02d}", "DATE") if y else None


def _weekday_year(y: int, month: int, day: int, weekday: int) -> int | None:
    """The year nearest ``y`` (within one) in which the month-day falls on the weekday said with it ("Monday, Aug.
    17" is 1998's, whatever the tense suggested); None when none does."""
    for cand in (y, y - 1, y + 1):
        d = _date(cand, month, day)
        if d is not None and d.isoweekday() == weekday:
            return cand
    return None


def _n_week_of(m: re.Match, ctx: _Ctx):
    """'the week of March 6': the ISO week of that day."""
    found = _n_month_day(m, ctx)
    if found is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", found[0]):
        return ("XXXX-WXX", "DATE") if found else None
    return _week(date.fromisoformat(found[0])), "DATE"


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
        # the month just gone is "last month": "crashed last February" in a March story is the February a year
        # before
        y = pub.year if month < pub.month - 1 else pub.year - 1
    elif rel == "next":
        y = pub.year if month > pub.month else pub.year + 1
    elif rel == "this":
        y = pub.year
    else:
        delta = month - pub.month  # months from publication's month, this year
        y = pub.year + (1 if delta <= _AHEAD_MONTHS - 12 else -1 if delta > _AHEAD_MONTHS else 0)
        tense = ctx.tense(m.start("x"), m.end("x"))
        if tense == "past" and _MOVED_TO.search(ctx.text[max(0, m.start("x") - 40):m.start("x")]):
            tense = "future"  # "the vote was postponed to October"
        elif tense == "past" and (m.group("pre") or "").lower() in _UNTIL:
            tense = None  # a term set in the past runs on: "gave them until November", "extended through January"
        if (m.group("pre") or "").lower() == "since" or tense == "since":
            tense = "past" if month != pub.month else None  # "since March": not after publication
        if tense == "past" and (y, month) > (pub.year, pub.month):
            y -= 1
        elif tense == "future" and (y, month) < (pub.year, pub.month):
            y += 1
    return f"{y}-{month:02d}", "DATE"


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
    if m.group("ry"):  # "the summer of last year"
        if ctx.published is None:
            return f"XXXX-{code}", "DATE"
        return f"{ctx.published.year + {'last': -1, 'next': 1}.get(m.group('ry').lower(), 0)}-{code}", "DATE"
    if word[0].isupper() and m.start("x") > 0 and not rel:
        # "Arab Spring", "Operation Winter": a capitalised season inside a sentence is a name
        prefix = ctx.text[max(0, m.start("season") - 2):m.start("season")]
        if not prefix.endswith(("\n", ". ")) and m.start("season") != 0:
            return None
    if m.group("x")[0].isupper() and m.start("x") > 0 and (rel or m.group("the")) and not ctx.text[
            max(0, m.start("x") - 2):m.start("x")].endswith(("\n", ". ")):
        return None  # "Last Winter", "The Summer" inside a sentence: a title; at a sentence start, a date
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
    # no tense to go by ("the low levels of the early summer"): as a bare month, the one whose start lies at most
    # _AHEAD_MONTHS ahead of publication, else the one before (winter: the one begun in December)
    delta = _SEASON_START[code] - pub.month
    y = pub.year + (1 if delta <= _AHEAD_MONTHS - 12 else -1 if delta > _AHEAD_MONTHS else 0)
    return f"{y}-{code}", "DATE"


def _n_relday(m: re.Match, ctx: _Ctx):
    w = re.sub(r"\s+", " ", m.group("w").lower())
    offset = {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1,
              "the day after tomorrow": 2}[w]
    pod = _POD.get((m.group("pod") or "").lower()) or ("NI" if w == "tonight" else None)
    base = (ctx.published + timedelta(days=offset)).isoformat() if ctx.published else "XXXX-XX-XX"
    return (f"{base}T{pod}", "TIME") if pod else (base, "DATE")


def _n_midpod(m: re.Match, ctx: _Ctx):
    """'by mid-afternoon', 'at mid-afternoon yesterday': that part of the day (of publication, unless a day is said);
    "mid" would be TimeML's mod."""
    offset = {"yesterday": -1, "tomorrow": 1}.get((m.group("w") or "").lower(), 0)
    base = (ctx.published + timedelta(days=offset)).isoformat() if ctx.published else "XXXX-XX-XX"
    return f"{base}T{_POD[m.group('pod').lower()]}", "TIME"


def _n_thispod(m: re.Match, ctx: _Ctx):
    """'this morning': that part of the day of publication; 'last night', 'last evening': of the day before (a
    story of the evening says "this evening" for its own)."""
    back = 1 if m.group(0).lower().startswith("last") else 0
    base = (ctx.published - timedelta(days=back)).isoformat() if ctx.published else "XXXX-XX-XX"
    return f"{base}T{_POD[m.group('pod').lower()]}", "TIME"


def _n_relunit(m: re.Match, ctx: _Ctx):
    if m.group("rel")[0].isupper() and m.group("unit")[0].isupper() and not _sentence_start(ctx.text, m.start()):
        return None  # "ABC's "This Week"", "Next Year in Jerusalem": a title inside a sentence, as "Arab Spring"
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


def _sentence_start(text: str, start: int) -> bool:
    """``start`` opens a sentence: before it, past spaces and opening quotes, the text begins or a sentence ends."""
    i = start
    while i > 0 and start - i < 8 and text[i - 1] in " \t\"'“‘(":
        i -= 1
    return i == 0 or text[i - 1] in "\n.!?:"

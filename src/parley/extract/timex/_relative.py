"""Normalisers of spans of time and vaguer references: N units ago, durations, anchored offsets (the next day),
references (recently), sets (every Monday), weekdays and clock times."""

from __future__ import annotations

import re
from datetime import timedelta

from parley.extract.timex._base import (_Ctx, _POD, _UNIT_CODE, _UNIT_TIME, _add_months, _count, _hhmm, _lex,
                                        _month_num, _week)
from parley.nlp import number_words


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
        y = pub.year - n
        # "two thousand years ago": before year 1, written BC as TimeML does (there is no year 0: -1 is 2 BC)
        return (f"{y:04d}" if y > 0 else f"BC{1 - y:04d}"), "DATE"
    if unit == "decade":
        y = pub.year - 10 * n
        return (str(y)[:3], "DATE") if y >= 1000 else ("PAST_REF", "DATE")  # no three-digit decade before 1000
    c = pub.year // 100 - n
    return (f"{c:02d}", "DATE") if c >= 0 else ("PAST_REF", "DATE")


_RATE_BEFORE = re.compile(r"\d[\d,.]*%?(?:[ \t]+[^\W\d_][\w'-]*){0,4}[ \t]+$")


def _n_duration(m: re.Match, ctx: _Ctx):
    unit = m.group("unit").lower()
    unit = "century" if unit.startswith("centur") else unit.rstrip("s")
    after = ctx.text[m.end():m.end() + 12]
    if re.match(r"-?\s*old\b", after) and m.group("pre") is None:
        return None  # an age ("a 50-year-old man", "six years old"): TimeBank and AQUAINT tag none (1 of 36)
    if m.group("num").lower() in ("a", "an") and m.group("pre") is None and _RATE_BEFORE.search(
            ctx.text[max(0, m.start() - 60):m.start()]):
        return None  # "40 million cubic metres a day", "$50 a barrel": a rate, not a stretch of time
    fraction = re.match(r"\s+of\b", after) and (_count(m.group("num")) or 9) < 4
    if unit == "quarter" and ("-" in m.group(0) or fraction):
        return None  # "three quarters of the vote", "a three-quarters majority" ("several quarters of losses" is time)
    # a range ("two to three weeks", "12-18 months") is valued by its lower bound, as HeidelTime's duration rules
    # (duration_r5) and TimeBank's gold value it; the span keeps the whole range
    n = _count(m.group("lo") or m.group("low") or m.group("num"))
    amount = "X" if n is None else (str(n) if not isinstance(n, float) else f"{n:g}")
    half = _HALF.get(unit) if (m.group("half") or m.group("half2")) and n is not None else None
    if (m.group("half") or m.group("half2")) and n is not None and half is None:
        # "a week and a half", "a decade and a half": no smaller unit TimeML would use, so a fraction of this one
        # (a decimal in the last component is ISO 8601), decades and centuries in years
        n = float(n) + 0.5
        if unit in ("decade", "century"):
            return f"P{n * (10 if unit == 'decade' else 100):g}Y", "DURATION"
        return f"P{n:g}{_UNIT_CODE[unit]}", "DURATION"
    if unit in _UNIT_TIME:
        return f"PT{amount}{_UNIT_TIME[unit]}{half or ''}", "DURATION"
    return f"P{amount}{_UNIT_CODE[unit]}{half or ''}", "DURATION"


# "2 1/2 years", "a minute and a half": the half in the next smaller unit, as TimeML writes it (P2Y6M, PT1M30S)
_HALF = {"year": "6M", "day": "T12H", "hour": "30M", "minute": "30S"}


def _n_pastunit(m: re.Match, ctx: _Ctx):
    """'over the past decade', 'for the last week': a stretch up to publication (DURATION); without such a
    preposition ('the past year was hard', 'in the past week') TimeBank and AQUAINT tag the unit before
    publication as a DATE, as 'last year' is."""
    unit = m.group("unit").lower()
    if unit == "fortnight":
        return "P2W", "DURATION"
    pub = ctx.published
    if (m.group("pre") or "").lower() in ("over", "for", "during", "throughout") or pub is None or unit == "century":
        return f"P1{_UNIT_CODE[unit]}", "DURATION"
    if unit == "week":
        return _week(pub - timedelta(weeks=1)), "DATE"
    if unit == "month":
        y, mo = _add_months(pub.year, pub.month, -1)
        return f"{y}-{mo:02d}", "DATE"
    if unit == "year":
        return str(pub.year - 1), "DATE"
    return str(pub.year // 10 - 1), "DATE"


def _n_vague(m: re.Match, ctx: _Ctx):
    """'for years', 'within weeks', 'over the years', 'the weeks ahead', 'weeks or months', 'for hours': a stretch of
    unknown length (PXY, PXW, PTXH: the first unit named); 'recent days' and 'coming months' are PAST_REF and
    FUTURE_REF."""
    if m.group("unit2"):
        return f"PX{_UNIT_CODE[m.group('unit2').lower().rstrip('s')]}", "DURATION"
    if not (m.group("pre") or m.group("prep") or _bare_stretch(m, ctx)):
        return None  # a bare "years" ("37 years old", "hundreds of years") is not tagged
    pre = re.sub(r"\s+", " ", (m.group("pre") or "").lower())
    # "has grown in recent years", "have expressed concerns in recent months": the present perfect measures the
    # stretch up to now, a DURATION (HeidelTime's duration_r1c reads "recent <unit>" as PX<unit> too); told in
    # another tense ("were killed in recent days", "growth in recent years") the phrase locates the past: PAST_REF
    # "past" and "future" alone are "recent" and "coming": "sell programs in past years", "tax cut in future quarters"
    if pre in ("recent", "past") and not ctx.perfect(m.start("x"), m.end("x")):
        return "PAST_REF", "DATE"
    if "coming" in pre or pre in ("the next", "future"):
        return "FUTURE_REF", "DATE"
    # "the first hours of the offensive", "in the early years": a stretch at the start of something, of unknown length
    unit = m.group("unit").lower()
    if unit in ("hours", "minutes"):
        return f"PTX{_UNIT_TIME[unit.rstrip('s')]}", "DURATION"  # "for hours", "within minutes"
    return f"PX{_UNIT_CODE['century' if unit == 'centuries' else unit.rstrip('s')]}", "DURATION"


def _n_unspecified(m: re.Match, ctx: _Ctx):
    """'for a while', 'for some time', 'for a fairly lengthy period': a stretch whose unit is not told either, PXX
    (TimeBank's value for it; the span leaves "for" out, as for "for years")."""
    return "PXX", "DURATION"


_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\"”’']|$)")
_STRETCH_OF = re.compile(r"\s+of\s+\w")
_NOT_BEFORE_OF = re.compile(r"(?:\b(?:of|the|these|those|his|her|their|its|our|my|your)|\d)\s+$", re.I)


def _bare_stretch(m: re.Match, ctx: _Ctx) -> bool:
    """A plural unit with no number that still tells a stretch of time: "for the first time in years", "the
    highest level in decades" (after "in", closing its clause), and the head of "months of talks", "after years of
    war" (not "hundreds of years of trade", "the days of the empire", "their years of service")."""
    after = ctx.text[m.end("x"):m.end("x") + 6]
    if m.group("in"):
        return bool(_CLAUSE_END.match(after))
    if not _STRETCH_OF.match(after) or m.group("unit").lower() == "quarters":  # "three quarters of the vote"
        return False
    before = ctx.text[max(0, m.start("x") - 12):m.start("x")]
    last = before.split()[-1].lower() if before.split() else ""
    return not _NOT_BEFORE_OF.search(before) and last not in number_words()  # "two quarters of 1990": a count


def _n_endof(m: re.Match, ctx: _Ctx):
    """'the end of the year', 'the beginning of next month', 'by the end of the decade': the unit's value, as
    "this/last/next <unit>" would have it (TimeML puts "end" in the mod attribute, not in the value)."""
    unit, pub = m.group("unit").lower(), ctx.published
    k = {"last": -1, "next": 1}.get(m.group("rel").lower(), 0)
    if pub is None:
        return {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "decade": "XXX", "century": "XX"}[unit], "DATE"
    if unit == "year":
        return str(pub.year + k), "DATE"
    if unit == "month":
        y, mo = _add_months(pub.year, pub.month, k)
        return f"{y}-{mo:02d}", "DATE"
    if unit == "decade":
        return str(pub.year // 10 + k), "DATE"
    if unit == "century":
        return f"{pub.year // 100 + k:02d}", "DATE"
    return _week(pub + timedelta(weeks=k)), "DATE"


# "half an hour", "a half-hour", "half a century": the half in a smaller unit, as TimeML writes a duration
_HALF_OF = {"hour": "PT30M", "minute": "PT30S", "day": "PT12H", "year": "P6M", "decade": "P5Y", "century": "P50Y"}


def _n_half(m: re.Match, ctx: _Ctx):
    return _HALF_OF[m.group("unit").lower()], "DURATION"


def _n_ref(m: re.Match, ctx: _Ctx):
    """PRESENT_REF / PAST_REF / FUTURE_REF words (nlp/data/reference_words.txt). "now that" is one too: the
    clause it opens holds now (TimeBank and AQUAINT tag each one)."""
    w = re.sub(r"\s+", " ", m.group("x").lower())
    if w == "soon" and (re.search(r"\bas\s+$", ctx.text[max(0, m.start("x") - 4):m.start("x")])
                        or re.match(r"\s+(?:after|before|as)\b", ctx.text[m.end("x"):m.end("x") + 8])):
        return None  # "as soon as", "soon after the vote": a signal joining two events, not a time
    return _lex()["references"][w], "DATE"


def _n_dayof(m: re.Match, ctx: _Ctx):
    """'today is the eighth day of the blockade', "it's the second day of an offensive": an ordinal day told in the
    present of today (or it, this) is the day of publication."""
    return (ctx.published.isoformat() if ctx.published else "XXXX-XX-XX"), "DATE"


def _n_set(m: re.Match, ctx: _Ctx):
    if m.group("adv"):  # "annually", "daily": TIMEX3 SETs (TimeML 1.2.1 guidelines)
        return {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "hourly": "PT1H"}.get(m.group("adv").lower(),
                                                                                          "P1Y"), "SET"
    if m.group("wds"):  # "Mondays", "Tuesday nights": every such day
        if m.group("wds")[0].islower():
            return None
        pod = _POD.get(m.group("pod").lower().rstrip("s")) if m.group("pod") else None
        return f"XXXX-WXX-{_lex()['weekdays_lower'][m.group('wds').lower()]}{'T' + pod if pod else ''}", "SET"
    unit = (m.group("unit") or m.group("unit2")).lower()
    wd = _lex()["weekdays_lower"].get(unit.rstrip("s")) or _lex()["weekdays_lower"].get(unit)
    if wd:
        return f"XXXX-WXX-{wd}", "SET"
    month = _month_num(unit.rstrip("s")) if unit.rstrip("s") not in _UNIT_CODE else None
    if month:
        return f"XXXX-{month:02d}", "SET"  # "each July"
    unit = unit.rstrip("s")
    raw = (m.group("num") or "").lower()
    n = 2 if raw == "other" else (_count(raw) if raw else 1)
    return f"P{n if n is not None else 'X'}{_UNIT_CODE[unit]}", "SET"


_AHEAD_BEFORE = re.compile(r"\bas\s+(?:early|soon)\s+as\s+$", re.I)


def _weekday_ahead(m: re.Match, ctx: _Ctx) -> bool:
    """A bare weekday lies ahead of publication in a future clause ("will meet Bush on Thursday", "set to resume
    Monday"), in the present tense of news ("the talks open Monday"), after "as early as" / "as soon as", and after
    "until" unless the clause is past ("until Saturday"); otherwise it is the latest such day (news tells of the
    past week: "said Tuesday")."""
    tense = ctx.tense(m.start("x"), m.end("x"))
    if tense in ("future", "present", "planned"):
        return True
    if tense == "past":
        return False
    pre = (m.group("pre") or "").lower()
    return pre in ("until", "till") or bool(_AHEAD_BEFORE.search(ctx.text[max(0, m.start() - 20):m.start()]))


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
        elif _weekday_ahead(m, ctx):
            d = pub + timedelta(days=(wd - pub.isoweekday()) % 7)
        else:
            d = pub - timedelta(days=back)
        base = d.isoformat()
    return (f"{base}T{pod}", "TIME") if pod else (base, "DATE")


def _n_weekend(m: re.Match, ctx: _Ctx):
    """'the weekend', 'last weekend', 'this weekend': YYYY-Www-WE, the week of its Saturday, which is found as a
    bare weekday would be ('Saturday')."""
    rel = (m.group("rel") or "").lower()
    pub = ctx.published
    if pub is None:
        return "XXXX-WXX-WE", "DATE"
    if pub.isoweekday() >= 6 and rel in ("this", "the", ""):
        return f"{_week(pub)}-WE", "DATE"  # published on a weekend: that one
    back = (pub.isoweekday() - 6) % 7 or 7
    if rel == "last":
        d = pub - timedelta(days=back if pub.isoweekday() < 6 else back + 7)
    elif rel in ("next", "coming") or _weekday_ahead(m, ctx):
        d = pub + timedelta(days=(6 - pub.isoweekday()) % 7 or 7)
    else:
        d = pub - timedelta(days=back)
    return f"{_week(d)}-WE", "DATE"


def _n_clock(m: re.Match, ctx: _Ctx):
    if m.group("noon"):  # "noon Thursday"; "midnight Friday" is the end of Friday, 24:00 (ISO 8601, as TimeML)
        t = "24:00" if m.group("noon").lower() == "midnight" else "12:00"
    else:
        t = _hhmm(m) if m.group("hh") is not None else _hhmm(m, "h12", "nomin", "ampm2")
    if t is None:
        return None
    base = ctx.published.isoformat() if ctx.published else "XXXX-XX-XX"
    return f"{base}T{t}", "TIME"

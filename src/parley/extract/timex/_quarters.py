"""Quarters and halves of a (fiscal) year: "the third quarter of 1989", "third-quarter", "the fiscal first quarter",
"this year's second quarter", "Q3 2024", and the reporting period an earnings story keeps referring to ("the
quarter", "the latest period", "the year-earlier quarter", "from $1.2 million a year ago").

Year of a quarter without one: the latest quarter begun by publication ("the fourth quarter" in an October story is
this year's; "the third quarter" too). Unlike month-days, the governing verb is not used: a story published after a
quarter closes tells both its results (past) and forecasts for it (future) in the same year.

Anaphoric periods are resolved once every span is known (``resolve_periods``): "the quarter", "that quarter", "the
1988 period" take the quarter named last before them (else the latest ended by publication; a quarter not yet
begun, a forecast, is none); "the latest quarter" is the latest ended by publication; "year-ago", "year-earlier", "the comparable period" and "a year ago/earlier" (once a
quarter has been named) are that quarter a year before: TimeML gives a comparison period the granularity of the
period compared, as HeidelTime's English rules do.
"""

from __future__ import annotations

import re
from datetime import date

from parley.extract.timex._base import _Ctx

_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4,
            "last": 4}
_QVALUE = re.compile(r"(\d{4})-Q([1-4])")


def _ended(pub: date) -> tuple[int, int]:
    """The latest quarter ended before ``pub``: (year, quarter)."""
    q = (pub.month - 1) // 3  # quarters wholly before the publication month's quarter
    return (pub.year, q) if q else (pub.year - 1, 4)


def _n_quarter(m: re.Match, ctx: _Ctx):
    g = m.groupdict()
    pub = ctx.published
    if g.get("qq"):
        return f"{g['year2']}-{g['qq'].upper()}", "DATE"
    word = g["q"].lower()
    if word in ("final", "last") and not g.get("det"):
        return None  # "last quarter": the previous one, not the fourth (see "latest" in resolve_periods)
    n = _ORDINAL[word]
    unit = "H" if g["qu"].lower() == "half" else "Q"
    if unit == "H" and word in ("final", "last"):
        n = 2  # "the last half of 1989"
    if unit == "H" and n > 2:
        return None
    year = g.get("year") or g.get("yb") or g.get("fy")
    own = re.match(r"(this|last|next)\s+year's", (g.get("det") or "").lower())
    rel = own.group(1) if own else (g.get("ry") or "").lower()  # "next year's first quarter", "... of last year"
    if year is None and rel:
        if pub is None:
            return f"XXXX-{unit}{n}", "DATE"
        year = str(pub.year + {"last": -1, "next": 1}.get(rel, 0))
    if year is None:
        if pub is None:
            return f"XXXX-{unit}{n}", "DATE"
        first_month = 3 * n - 2 if unit == "Q" else 6 * n - 5
        year = str(pub.year if pub.month >= first_month else pub.year - 1)  # the latest one begun
    return f"{year}-{unit}{n}", "DATE"


def _n_period(m: re.Match, ctx: _Ctx):
    """'the quarter', 'the latest period', 'the year-ago quarter', 'year-earlier': a placeholder '@Q|k|noun' (k
    years before the reference period), or the publication's own quarter for 'this quarter' / 'the current
    quarter'."""
    g = m.groupdict()
    rel = re.sub(r"[\s-]+", " ", (g.get("rel") or g.get("rel2") or "").lower())
    noun = (g.get("noun") or g.get("noun2") or "").lower()
    det = re.sub(r"\s+", " ", (g.get("det") or "").lower())
    pub = ctx.published
    if rel == "current" or (det == "this" and not rel):
        if noun != "quarter":
            return None  # "this period": too vague
        return (f"{pub.year}-Q{(pub.month - 1) // 3 + 1}" if pub else "XXXX-QX"), "DATE"
    if g.get("py"):
        return f"@Q|y{g['py']}|{noun}", "DATE"  # "the 1988 quarter": that year's quarter of the same number
    if rel == "latest" and pub is not None:
        y, q = _ended(pub)
        return f"{y}-Q{q}", "DATE"
    back = 1 if "year" in rel or det == "last year's" else 0
    if noun == "period" and not (rel or g.get("cmp")):
        return None  # "the period" alone is any stretch of time
    if g.get("cmp") and not back:
        back = 1  # "the comparable period", "the same quarter": of the year before
    return f"@Q|{back}|{noun}", "DATE"


_YEAR_BEFORE = re.compile(r"(?:a|one)\s+year\s+(?:ago|earlier|before)|year[\s-](?:ago|earlier)", re.I)
_PERIOD_VALUE = re.compile(r"(\d{4})-([QH][1-4])")
# A stretch of the year an earnings story reports on ("the first nine months", "the six months") and the year
# itself ("for the year", "the fiscal year ended June 30"): after one, a comparison is with the year before.
_YEAR_STRETCH = re.compile(r"(?:the\s+)?(?:(?:first|latest|past|last)\s+)?\S+\s+months|the\s+(?:\w+\s+)?year",
                           re.I)


def is_year_comparison(text: str) -> bool:
    """'a year ago', 'a year earlier', 'year-ago': a comparison period, not an anchor for later offsets."""
    return _YEAR_BEFORE.fullmatch(text.strip()) is not None


def _begun(year: int, part: str, pub: date | None) -> bool:
    """Whether the quarter or half ``part`` ("Q3", "H1") of ``year`` has begun by publication (always, without
    one): only such a period can be the one an earnings story reports on and compares with a year before."""
    if pub is None:
        return True
    first_month = 3 * int(part[1]) - 2 if part[0] == "Q" else 6 * int(part[1]) - 5
    return date(year, first_month, 1) <= pub


def resolve_periods(text: str, items: list, pub: date | None) -> list:
    """Placeholders '@Q|k|noun' (k years back) and '@Q|yYYYY|noun' get the period they refer to: the latest one
    named before them (a quarter for the noun 'quarter'; a quarter, half or year-long stretch otherwise), else
    the latest quarter ended by publication; "a year ago" after a period is named becomes that period a year
    before. Items are (start, end, value, type), in text order."""
    out: list = []
    quarter: tuple[int, str] | None = None  # (year, "Q3") of the latest quarter named so far
    ref: tuple[int, str] | None = None  # (year, "Q3" | "H1" | "") of the latest period of any size
    for s, e, value, kind in items:
        if value.startswith("@Q|"):
            _, arg, noun = value.split("|")
            base = quarter if noun == "quarter" else ref
            if base is None and pub is not None:
                y, q = _ended(pub)
                base = (y, f"Q{q}")
            if base is None:
                out.append((s, e, "XXXX-QX", kind))
                continue
            year = int(arg[1:]) if arg.startswith("y") else base[0] - int(arg)
            out.append((s, e, f"{year}-{base[1]}" if base[1] else str(year), kind))
            continue
        p = _PERIOD_VALUE.fullmatch(value)
        if p:
            if _begun(int(p.group(1)), p.group(2), pub):  # not a forecast ("through the third quarter of 1990")
                ref = (int(p.group(1)), p.group(2))
                if p.group(2)[0] == "Q":
                    quarter = ref
        elif ref is not None and re.fullmatch(r"\d{4}", value) and is_year_comparison(text[s:e]) \
                and int(value) == ref[0] - 1:
            value = f"{value}-{ref[1]}" if ref[1] else value
        elif pub is not None and _YEAR_STRETCH.fullmatch(text[s:e].strip()) and (
                kind == "DURATION" and re.fullmatch(r"P(?:[2-9]|1[01])M|P1Y", value)
                or kind == "DATE" and re.fullmatch(r"\d{4}", value)):
            ref = (int(value) if kind == "DATE" else pub.year, "")
        out.append((s, e, value, kind))
    return out

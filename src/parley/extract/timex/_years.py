"""The year named without its number: "the year", "the full year", "the current fiscal year", "the latest fiscal
year", "earlier in the year", "by year-end", "year's end".

News, earnings stories above all, say "the year" for the year of publication ("a high for the year", "sales for
the full year", "the first nine months of the year"); TimeML gives it that year's value (a DATE). Followed by
"ended" / "ending" / "to" and a date ("the year ended March 31", "the fiscal year ending June 30"), or after
"throughout" / "over", it is the twelve months counted, a DURATION P1Y. "The latest fiscal year" is the last one
closed: the year before publication. A year-end ("by year-end", "around year end") is the end of the year of
publication: its value is that year (its mod END: _mods); "since year-end"
reaches back to the last one. "Fiscal 1989" is read by the year pattern (``fiscal`` is in year_prepositions.txt).
"""

from __future__ import annotations

import re

from parley.extract.timex._base import _Ctx

# "the year ended March 31", "the fiscal year ending in June", "the year to March": a stretch of twelve months
_COUNTED_TO = re.compile(r"\s+(?:ended|ending|to|through)\b", re.I)
_CLAUSE_AFTER = re.compile(r"\s+(?:when|that|in\s+which|he|she|it|they|we|I|the)\b")
_OVER_BEFORE = re.compile(r"\b(?:throughout|over)\s+$", re.I)


def _n_the_year(m: re.Match, ctx: _Ctx):
    pub = ctx.published
    adj = (m.group("adj") or "").lower()
    if re.search(r"\bthe\b.*\bYear\b", m.group(0)):
        return None  # "Person of the Year", "the Year of the Dragon": a title
    if not adj and _CLAUSE_AFTER.match(ctx.text, m.end()):
        return None  # "the year the war ended", "the year when...": a year told by its clause, not publication's
    if m.group("in") is None and (_COUNTED_TO.match(ctx.text, m.end())
                                  or _OVER_BEFORE.search(ctx.text[max(0, m.start() - 12):m.start()])):
        return "P1Y", "DURATION"
    if pub is None:
        return "XXXX", "DATE"
    return str(pub.year - 1 if adj == "latest" else pub.year), "DATE"


def _n_year_end(m: re.Match, ctx: _Ctx):
    pub = ctx.published
    if pub is None:
        return "XXXX", "DATE"
    since = (m.group("pre") or "").lower() == "since"
    return str(pub.year - 1 if since else pub.year), "DATE"

"""Offsets from an anchor ('the next day', 'a year earlier'): resolved once every span of the text is known."""

from __future__ import annotations

import re
from datetime import date, timedelta

from parley.extract.timex._base import _POD, _Ctx, _add_months, _count, _date, _lex, _week
from parley.extract.timex._quarters import is_year_comparison

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
    elif d.get("dir6"):  # "the previous Friday": the latest Friday before the anchor, "the following Monday" after
        k = 1 if d["dir6"].lower() == "following" else -1
        return f"@{k}|wd{_lex()['weekdays_lower'][d['wd6'].lower()]}|", "DATE"
    elif d.get("dir3"):
        k, unit = (1 if d["dir3"].lower() == "after" else -1), "day"
    elif d.get("u5"):  # "that day", "later that year": the unit of the date last told, anywhere before
        return f"@0|{d['u5'].lower()}||that", "DATE"
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
    if unit.startswith("wd"):  # a weekday before (k < 0) or after the base day, never the base day itself
        wd = int(unit[2:])
        days = -((pub.isoweekday() - wd) % 7 or 7) if k < 0 else (wd - pub.isoweekday()) % 7 or 7
        return (pub + timedelta(days=days)).isoformat()
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


_PERIOD = re.compile(r"\d{4}-[QH]\d")  # a quarter or half: a comparison "a year earlier" takes its size
_STRETCH = re.compile(r"P(?:\d+M|1Y)")  # "the nine months", "the year ended June 30": so does a reported stretch
_UNKNOWN = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX", "decade": "XXX"}
_NEEDS_DAY = {"day", "week"}


def _paragraph_start(text: str, s: int) -> int:
    """Where the anchor of an offset at ``s`` is looked for: its paragraph, and the one before when the offset opens
    its paragraph ("In March, ... received an offer.\n\nThe following month, the company ...": the story's time
    runs on across the break)."""
    para = text.rfind("\n", 0, s) + 1
    if para and not text[para:s].strip(" \t\"'“‘("):
        para = text.rfind("\n", 0, len(text[:para].rstrip())) + 1
    return para


def _resolve_anchored(text: str, items: list, pub: date | None) -> list:
    """Placeholders '@k|unit|pod[|that]' from _n_anchored get values, in text order so a resolved one anchors the
    next."""
    out: list = []
    for s, e, value, kind in items:
        if not value.startswith("@") or value.startswith("@Q|"):  # "@Q|": a quarter, see _quarters
            out.append((s, e, value, kind))
            continue
        k_text, unit, pod, *that = value[1:].split("|")
        k = int(k_text)
        # "that day" and "the previous Friday" take the date last told anywhere before: a weekday counted from the
        # story's day ("closed lower Friday ... down 4.5% from the previous Friday"), not from publication
        para = _paragraph_start(text, s) if not that and not unit.startswith("wd") else 0
        anchor = None
        comparison = unit == "year" and is_year_comparison(text[s:e])
        for ps, pe, pv, pk in reversed(out):
            if ps < para:
                break
            if is_year_comparison(text[ps:pe]):
                continue  # "from $5 a year ago ... $7 a year earlier": both the same period, not a chain
            if comparison and (_PERIOD.fullmatch(pv) or pv.startswith("@Q|") or _STRETCH.fullmatch(pv)):
                break  # "net in the third quarter rose from $5 a year earlier": that period's (_quarters)
            a = _ANCHOR_VALUE.fullmatch(pv) if pk in ("DATE", "TIME") else None
            if a is None:
                continue
            needs_day = unit in _NEEDS_DAY or unit.startswith("wd")
            if needs_day and not (a.group("d") or (a.group("w") and unit == "week")):
                continue
            if unit == "month" and not (a.group("m") or a.group("d")):
                continue
            anchor = pv
            break
        if anchor is None and that:
            out.append((s, e, _UNKNOWN[unit], "DATE"))  # "that day" with no date told before it
            continue
        result = _offset_value(anchor, pub if anchor is None else None, k, unit) or _UNKNOWN.get(unit, "XXXX-XX-XX")
        if pod and re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d|XXXX-XX-XX", result):
            out.append((s, e, f"{result}T{pod}", "TIME"))
        else:
            out.append((s, e, result, "DATE"))
    return out

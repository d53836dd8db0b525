"""The timeline chart as inline SVG: time runs left to right, one lane per place, colour by event type.

An event dated only to a year or a month is drawn as a faint bar over the whole period it may fall in,
with its marker in the middle, so the chart never pretends to know more than the text says.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from markupsafe import escape

__all__ = ["timeline_svg", "TYPE_COLOURS", "type_colour", "type_key", "type_css"]

TYPE_COLOURS = {
    "meeting": "#2563eb", "visit": "#d9480f", "talks": "#2f9e44", "call": "#7048e8",
    "summit": "#c2255c", "agreement": "#e67700", "declaration": "#e67700",
}
OTHER_COLOUR = "#495057"
WIDTH, LEFT, RIGHT, TOP, ROW, LANE_PAD = 960, 150, 24, 34, 17, 16
CHAR = 6.1  # average width of an 11px sans-serif character


def type_colour(kind: str | None) -> str:
    return TYPE_COLOURS.get((kind or "").lower(), OTHER_COLOUR)


def type_key(kind: str | None) -> str:
    """The ``data-type`` value that colours an event type (``meeting``, ``other``): pages carry no inline
    style attributes, so that a Content-Security-Policy without 'unsafe-inline' still draws them."""
    name = (kind or "").lower()
    return name if name in TYPE_COLOURS else "other"


def type_css() -> str:
    """One rule per event type setting ``--type`` to its colour; badges and borders read ``var(--type)``."""
    rules = [f'[data-type="{name}"] {{ --type: {colour}; }}' for name, colour in TYPE_COLOURS.items()]
    return "\n".join(rules + [f'[data-type="other"] {{ --type: {OTHER_COLOUR}; }}']) + "\n"


def _surname(name: str) -> str:
    return name.split()[-1] if name.split() else name


def _label(row: Mapping[str, Any]) -> str:
    who = "–".join(_surname(p) for p in (row.get("participants") or [])[:3])
    when = row.get("date_label") or ""
    return f"{when} · {who}" if who else when


def timeline_svg(rows: Sequence[Mapping[str, Any]], href: Callable[[Mapping[str, Any]], str]) -> str:
    """Rows are ``views.timeline_row`` dicts; ``href(row)`` gives each marker's link. Undated rows are left out."""
    dated = [r for r in rows if r.get("date_start")]
    if not dated:
        return ('<svg class="timeline-chart" role="img" aria-label="No dated events" viewBox="0 0 960 40" '
                'xmlns="http://www.w3.org/2000/svg"><text x="12" y="24" font-size="13" fill="#666">'
                'No dated events to draw.</text></svg>')
    starts = [date.fromisoformat(r["date_start"]) for r in dated]
    ends = [date.fromisoformat(r["date_end"]) for r in dated]
    lo, hi = min(starts), max(ends)
    yearly = (hi - lo).days > 540
    if yearly:
        lo, hi = date(lo.year, 1, 1), date(hi.year, 12, 31)
    else:
        lo = date(lo.year, lo.month, 1)
        hi = date(hi.year + (hi.month == 12), hi.month % 12 + 1, 1)
    span_days = max((hi - lo).days, 1)
    plot = WIDTH - LEFT - RIGHT

    def x(d: date) -> float:
        return LEFT + (d.toordinal() - lo.toordinal()) / span_days * plot

    lanes: dict[str, list[Mapping[str, Any]]] = {}
    for r in sorted(dated, key=lambda r: r["date_start"]):
        lanes.setdefault(r.get("location") or "place not given", []).append(r)

    backgrounds, parts, y = [], [], TOP
    for lane_no, (lane, items) in enumerate(lanes.items()):
        placed: list[tuple[Mapping[str, Any], float, int]] = []
        row_ends: list[float] = []
        for r in items:
            mid = x(date.fromisoformat(r["date_start"])) + (x(date.fromisoformat(r["date_end"])) -
                                                            x(date.fromisoformat(r["date_start"]))) / 2
            text = _label(r)
            left = mid - 4
            right = left + 14 + len(text) * CHAR
            if right > WIDTH - 4:  # flip the label to the left of the marker near the right edge
                left, right = mid - 14 - len(text) * CHAR, mid + 4
            slot = next((i for i, end in enumerate(row_ends) if left > end + 8), len(row_ends))
            if slot == len(row_ends):
                row_ends.append(right)
            else:
                row_ends[slot] = right
            placed.append((r, mid, slot))
        height = LANE_PAD * 2 + max(1, len(row_ends)) * ROW + 6
        backgrounds.append(f'<g class="lane"><rect x="0" y="{y}" width="{WIDTH}" height="{height}" '
                     f'fill="{"#f1f3f5" if lane_no % 2 == 0 else "#ffffff"}"/>'
                     f'<text x="10" y="{y + LANE_PAD + 12}" class="lane-label" font-size="12" font-weight="600" '
                     f'fill="#343a40">{escape(lane[:22])}</text></g>')
        for r, mid, slot in placed:
            cy = y + LANE_PAD + 8 + slot * ROW
            colour = type_colour(r.get("type"))
            x0, x1 = x(date.fromisoformat(r["date_start"])), x(date.fromisoformat(r["date_end"]))
            text = _label(r)
            flip = mid + 14 + len(text) * CHAR > WIDTH - 4
            tx = mid - 10 if flip else mid + 10
            anchor = "end" if flip else "start"
            who = ", ".join(r.get("participants") or []) or "participants not given"
            tip = f"{r.get('type') or 'event'}, {r.get('date_label')}, {r.get('location') or 'place not given'}: {who}"
            bar = (f'<rect x="{x0:.1f}" y="{cy - 5}" width="{max(x1 - x0, 2):.1f}" height="10" rx="5" '
                   f'fill="{colour}" fill-opacity="0.18"/>' if x1 - x0 > 3 else "")
            dashed = ' stroke-dasharray="2 2"' if r.get("status") not in (None, "occurred") else ""
            parts.append(
                f'<a class="event-marker" href="{escape(href(r))}" data-timeline-id="{escape(str(r.get("timeline_id")))}">'
                f'<title>{escape(tip)}</title>{bar}'
                f'<circle cx="{mid:.1f}" cy="{cy}" r="6.5" fill="{colour}" stroke="#fff" stroke-width="2"{dashed}/>'
                f'<text x="{tx:.1f}" y="{cy + 4}" font-size="11" text-anchor="{anchor}" fill="#212529">'
                f'{escape(text)}</text></a>')
        y += height
    axis = _axis(lo, hi, x, TOP, y, yearly)
    legend = _legend(rows, y + 26, len(rows) - len(dated))
    total = y + 44
    return (f'<svg class="timeline-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {total}" '
            f'role="img" aria-label="Timeline of {len(dated)} dated events" font-family="system-ui, sans-serif">'
            + axis[0] + "".join(backgrounds) + axis[1] + "".join(parts) + legend + "</svg>")


def _axis(lo: date, hi: date, x: Callable[[date], float], top: int, bottom: int,
          yearly: bool) -> tuple[str, str]:
    years = hi.year - lo.year
    ticks: list[tuple[date, str]] = []
    if yearly:
        step = 1 if years <= 12 else 5 if years <= 60 else 10
        ticks = [(date(yr, 1, 1), str(yr)) for yr in range(lo.year, hi.year + 1) if yr % step == 0 or yr == lo.year]
    else:
        d = date(lo.year, lo.month, 1)
        while d <= hi:
            ticks.append((d, d.strftime("%b %Y") if d.month == 1 or d == date(lo.year, lo.month, 1) else d.strftime("%b")))
            d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    grid, labels = [], []
    for d, text in ticks:
        if not lo <= d <= hi:
            continue
        xx = x(d)
        grid.append(f'<line x1="{xx:.1f}" y1="{top - 6}" x2="{xx:.1f}" y2="{bottom}" stroke="#dee2e6"/>')
        labels.append(f'<text x="{xx + 3:.1f}" y="{top - 12}" font-size="11" fill="#495057">{escape(text)}</text>')
    return "".join(labels), "".join(grid)


def _legend(rows: Sequence[Mapping[str, Any]], y: int, undrawn: int) -> str:
    kinds = sorted({(r.get("type") or "event") for r in rows})
    out, xx = [], LEFT
    for k in kinds:
        out.append(f'<circle cx="{xx}" cy="{y - 4}" r="5" fill="{type_colour(k)}"/>'
                   f'<text x="{xx + 9}" y="{y}" font-size="11" fill="#495057">{escape(k)}</text>')
        xx += 24 + len(k) * CHAR
    note = "bars: month or year only · dashed: not (yet) occurred"
    if undrawn:
        note += f" · {undrawn} not drawn (no full date)"
    out.append(f'<text x="{xx + 8}" y="{y}" font-size="11" fill="#868e96">{escape(note)}</text>')
    return "".join(out)

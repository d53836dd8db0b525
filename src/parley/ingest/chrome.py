"""Exact chrome shapes of real pages: widget bars, image file names, credited caption bars, breadcrumbs
glued to a headline or to chrome just dropped, a lone dateline, source credits (``chrome_shape``); and
the pieces cut off a top line: glued breadcrumbs, a close button's "x", a row of page fields."""

from __future__ import annotations

import re

from parley.ingest._data import entries
from parley.ingest.dates import parse_dateline
from parley.ingest.datelines import lone_dateline, source_credit
from parley.ingest.page import TERMINAL, Dropped, PageMeta, Unit, line_key, word_count
from parley.ingest.published import UNDER_HEADLINE, DateCandidate
from parley.ingest.shapes import caption, chrome_words, outlet_alias, widget_bar

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_CLOSE_BUTTON = re.compile(r"\s+[x×✕✖]$")
_FIELDS = re.compile(r"\s+[|•]\s+")
_STAMP = re.compile(r"^(?:19|20)\d{6}\b")  # 20250113: an image file's date stamp


def strip_glued_crumbs(text: str, removed: Dropped) -> str:
    """"HomeWorldKishida visits Seoul" -> "Kishida visits Seoul": section labels glued to a headline."""
    first, _, rest = text.partition(" ")
    parts = _CAMEL.split(first)
    chrome = chrome_words()
    n = 0
    while n < len(parts) - 1 and parts[n].lower() in chrome:
        n += 1
    if n < 2:  # two glued labels at least: "WorldCup" is no breadcrumb
        return text
    removed.append("".join(parts[:n]), "breadcrumb")
    return ("".join(parts[n:]) + (" " + rest if rest else "")).strip()


def strip_close_button(text: str, removed: Dropped) -> str:
    """A close button's lone "x" glued to the end of a headline or banner."""
    m = _CLOSE_BUTTON.search(text)
    if m and word_count(text) >= 3:
        removed.append(m.group(0).strip(), "close button")
        return text[: m.start()]
    return text


def split_field_row(text: str, i: int, removed: Dropped, meta: PageMeta, dates: list[DateCandidate]) -> str:
    """A headline glued to a row of page fields: 'Title...U.S.Reuters | Ankara | Updated: ... | Created: ...'.
    The fields after the first are short and one is a date line; they go to removed (the date to the
    candidates, an agency glued to the headline to ``wire``) and the headline stays."""
    fields = _FIELDS.split(text)
    if len(fields) < 3 or word_count(fields[0]) < 4 or any(len(f.split()) > 5 for f in fields[1:]):
        return text
    row = " | ".join(fields[1:])
    published = parse_dateline(row)
    if not published:
        return text
    head = fields[0]
    for outlet in sorted(entries("known_outlets"), key=len, reverse=True):
        if head.endswith(outlet) and len(head) > len(outlet) and not head[-len(outlet) - 1].isspace():
            head = head[: -len(outlet)]
            meta.fill(wire=outlet_alias(outlet))
            removed.append(outlet, "agency credit")
            break
    removed.append(text[len(fields[0]):].strip(" |") if head == fields[0] else text[len(head):].strip(), "field row")
    dates.append(DateCandidate(UNDER_HEADLINE, i, published, "date line"))
    return head.strip()


def chrome_shape(text: str, zone: str, meta: PageMeta, units: list[Unit], i: int, first_body: int,
                 removed: Dropped) -> str | None:
    """The rule by which a line's shape is page chrome (two signals or one exact shape), or None."""
    n = word_count(text)
    if widget_bar(text, short_alone=zone != "body"):
        return "widget bar"  # "Newsletter Signup Register / Login", a counter: "371 views Politics 0"
    if zone == "top" and n <= 12 and _STAMP.match(text) and not text.endswith(TERMINAL):
        return "image name"  # an image's file name: "20250113 foreign ministers ..."
    if zone == "top" and caption(text) and re.search(r"\([A-Z][\w&.' -]{1,30}\)\s*\|\s*$", text):
        return "credited caption"  # a photo caption closed by a credit and a field bar: "... (Yonhap) |"
    if zone != "body" and n >= 3:
        key = line_key(text)
        for v in units[max(0, i - 3): i + 4]:
            other = line_key(v.text)
            if v is not units[i] and len(other.split()) >= 3 and key.endswith(other) and key != other:
                prefix = key[: len(key) - len(other)].strip()
                if prefix and len(prefix.split()) <= 3 and not prefix.endswith((".", ":", "!", "?")):
                    return "breadcrumb"  # glued to a headline printed again nearby: "News World <headline>"
        for r in removed[-6:]:
            if 2 <= len(r.split()) <= 6 and re.search(re.escape(r) + r"[A-Z]", text):
                return "glued to chrome"  # to chrome just dropped: "About Sponsored ContentThis content was ..."
    if zone == "top" and i == first_body - 1:
        place = lone_dateline(text)
        if place:
            meta.fill(dateline_place=place)
            return "dateline"  # a place in capitals on its own line right above the body: "TOKYO", "OTTAWA, Ontario"
    if zone != "body":
        wire = source_credit(text)
        if wire:
            meta.fill(wire=wire)
            return "source credit"
    return None

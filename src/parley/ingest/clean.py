"""Cleaning of scraped plain text: keep every sentence of the article, drop the page chrome.

The cascade, per line (a hard-wrapped paragraph counts as one line, ``page.units``):

1. normalise whitespace (odd spaces become plain spaces 1:1, lines stripped);
2. find the article body: the first and last *body lines* (long, sentence-terminated, not repeated)
   split the page into a top zone (headline, caption, dateline, byline), the body and a bottom zone
   (signature, byline, widgets, teasers);
3. drop separators, exact repeats, lines matching ``data/boilerplate_patterns.txt``, lines in another
   language, and short lines that recur in other files of the same batch (``CleaningContext``);
4. read metadata off the chrome it drops: dateline -> published, wire, dateline_place (``datelines``);
   date lines -> published (the article's own date wins over a page-view date above the headline,
   ``published``); byline or reporter credit -> author; signature -> outlet (``credits``); agency
   credits -> wire;
5. drop the lines in which the page speaks to its reader: appeals to subscribe or support, the
   publisher's note about itself, teasers of other stories (``promo``);
6. keep the headline once, as the first paragraph; keep a photo caption once (it can hold evidence),
   unless it is an archive photo ("FILE PHOTO:") or a credited caption bar.

A line is dropped when two signals agree (zone, length, punctuation, sentence or not, repetition; the
shapes are in ``shapes``) or it has an exact chrome shape (``chrome``); a phrase pattern alone never drops
a body sentence. Everything dropped goes verbatim into ``CleanedText.removed``, and the rule that dropped
it into ``removed_rules``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from parley.ingest.chrome import chrome_shape, split_field_row, strip_close_button, strip_glued_crumbs
from parley.ingest.credits import DOMAIN_MARK, read_metadata, signoff, strip_photo_credits
from parley.ingest.dates import find_date
from parley.ingest.datelines import strip_end_marker, strip_wire_credit, wire_dateline
from parley.ingest.detect import is_foreign_line, language
from parley.ingest.page import SENTENCE_END, TERMINAL, Dropped, PageMeta, Unit, join, line_key, word_count
from parley.ingest.page import units as split_units
from parley.ingest.promo import Line, promotion, publisher_names
from parley.ingest.published import DATELINE, DateCandidate, choose_published, date_rank
from parley.ingest.shapes import (body_like, boilerplate, boilerplate_line, caption, chrome_sentence, contact_line,
                                  headline_candidate, headline_shaped, opens, org_shaped, sentence, widget_bar)
from parley.ingest.text import split_lines

__all__ = ["CleanedText", "CleaningContext", "clean_text", "strip_chrome", "line_key"]


@dataclass(frozen=True)
class CleanedText:
    """Article text without chrome, the dropped lines, and metadata read off the chrome."""

    text: str
    removed: tuple[str, ...] = ()
    removed_rules: tuple[str, ...] = ()  # for each removed line, the rule that dropped it
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    wire: str | None = None  # the news agency the text credits; ``outlet`` falls back to it
    published_from: str | None = None  # dateline | date line | byline
    dateline_place: str | None = None


@dataclass
class CleaningContext:
    """Line statistics over one batch of plain-text files: a short line that stands alone in two or
    more different files is site chrome (menus, widgets), not article text."""

    max_words: int = 12
    line_files: Counter = field(default_factory=Counter)
    _seen: set[str] = field(default_factory=set)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> "CleaningContext":
        ctx = cls()
        for t in texts:
            ctx.add(t)
        return ctx

    def add(self, text: str) -> None:
        digest = hashlib.sha256(line_key(text).encode()).hexdigest()
        if digest in self._seen:  # an exact copy of a file says nothing about chrome
            return
        self._seen.add(digest)
        keys = {line_key(x) for x in split_lines(text)}
        for k in keys:
            if k and len(k.split()) <= self.max_words:
                self.line_files[k] += 1

    def shared(self, line: str) -> bool:
        return self.line_files.get(line_key(line), 0) >= 2


def clean_text(raw: str, source: str = "", context: CleaningContext | None = None) -> CleanedText:
    """Clean one scraped plain-text article (see the module docstring for the cascade)."""
    units = split_units(raw)
    if not units:
        return CleanedText(text="")
    removed = Dropped()
    units = [strip_end_marker(u, removed) for u in units]
    full = "\n".join(u.text for u in units)
    lang = language(full)
    keys = Counter(line_key(u.text) for u in units)
    extended = {k for k in keys if len(k.split()) >= 6 and any(o != k and o.startswith(k) for o in keys)}
    body = [i for i, u in enumerate(units)  # a line printed again, or again with a credit, is a caption
            if body_like(u) and keys[line_key(u.text)] == 1 and line_key(u.text) not in extended]
    chrome_free_body = [i for i in body if not boilerplate(units[i].text)]
    first_body = chrome_free_body[0] if chrome_free_body else len(units)
    body_text = "\n".join(units[i].text for i in chrome_free_body)
    last_body = chrome_free_body[-1] if chrome_free_body else len(units)

    kept: list[tuple[int, str]] = []  # (para, text)
    kept_at: list[int] = []  # the unit of each kept line
    zones: list[str] = []
    meta = PageMeta()
    dates: list[DateCandidate] = []
    title_index: int | None = None
    seen: set[str] = set()
    dateline_done = False
    headline_below = [  # is a headline still to come in the top zone?
        any(headline_candidate(v.text) for v in units[i + 1:first_body]) for i in range(len(units))
    ]

    for i, u in enumerate(units):
        text = u.text
        key = line_key(text)
        zone = "top" if i < first_body else "bottom" if i > last_body else "body"
        zones.append(zone)
        nwords = len(u.words)

        m = DOMAIN_MARK.match(text)
        if m:
            meta.fill(outlet=m.group(1))
            removed.append(m.group(0).strip(), "domain mark")
            text = text[m.end():]
            key = line_key(text)
            if not text:
                continue
        if not dateline_done and i <= first_body:
            text, dateline = wire_dateline(text, removed)
            if dateline is not None:
                dateline_done = True
                if dateline.published:
                    dates.append(DateCandidate(DATELINE, i, dateline.published, "dateline"))
                meta.fill(dateline_place=dateline.place, wire=dateline.wire)
                key = line_key(text)
                nwords = word_count(text)
                if not text:
                    continue
        before_credits = text
        text = strip_photo_credits(text, removed)
        credited = text != before_credits  # a photo credit was cut: the rest is a caption, not the headline
        if zone == "top":
            text = strip_close_button(strip_glued_crumbs(text, removed), removed)
            text = split_field_row(text, i, removed, meta, dates)
        if zone != "top" or i == first_body:
            text, wire = strip_wire_credit(text, removed)
            meta.fill(wire=wire)
        if text != u.text:
            key, nwords = line_key(text), word_count(text)
        if not any(c.isalpha() for c in text) and (zone != "body" or nwords <= 3) and not find_date(text):
            removed.append(u.raw, "no words")  # separators, counters: "| | 0 |"
            continue
        chrome = chrome_shape(text, zone, meta, units, i, first_body, removed)
        if chrome:
            removed.append(u.raw, chrome)
            continue
        if key in seen or zone != "body" and any(key.startswith(k) for k in seen if k in extended):
            removed.append(u.raw, "repeat")  # also a caption printed again with its credit
            continue
        seen.add(key)

        is_signoff, author = signoff(text)
        if is_signoff:
            meta.fill(author=author)
            removed.append(u.raw, "sign-off")
            continue
        if zone == "top" and meta.title is None and headline_below[i] and org_shaped(text):
            meta.fill(outlet=text)  # the publishing institution above the headline
            removed.append(u.raw, "publisher")
            continue
        found = read_metadata(text, zone, nwords, full, meta, body_text)
        if found:
            if found.published:
                dates.append(DateCandidate(date_rank(text, meta), i, found.published, found.published_from))
            meta.fill(author=found.author, outlet=found.outlet)
            removed.append(u.raw, found.rule)
            continue
        protected = zone == "top" and meta.title is None and headline_shaped(text) and nwords >= 4
        is_sentence = zone == "body" and sentence(text)  # a phrase pattern alone never drops a body sentence
        rule = (
            "pattern" if boilerplate_line(text, is_sentence)
            else "chrome sentence" if nwords <= 60 and chrome_sentence(text)
            else "other language" if is_foreign_line(text, lang)
            else "batch repeat" if context is not None and not protected and nwords <= 7 and context.shared(text)
            else None
        )
        if rule:
            removed.append(u.raw, rule)
            continue
        if zone == "top":
            if meta.title is None and headline_shaped(text) and not credited and not opens(text, body_text):
                meta.title = text
                title_index = i
            elif not caption(text) and not text.endswith(TERMINAL) and nwords < 4:
                removed.append(u.raw, "section label")
                continue
        elif zone == "bottom" and not (text.endswith(SENTENCE_END) and nwords >= 3 and not text.isupper()):
            removed.append(u.raw, "after the body")  # teaser, label, widget, company line after the last sentence
            continue
        kept.append((u.para, text))
        kept_at.append(i)

    kept = _drop_promotion(units, zones, kept, kept_at, title_index, meta, removed)
    while kept and len(kept) > 1 and kept[-1][0] != -1 and contact_line(kept[-1][1]):
        kept_at.pop()
        removed.append(kept.pop()[1], "contact")  # contact details (e-mail, telephone) closing a press release
    if title_index is not None:  # the headline opens the text, as its own paragraph
        _, title = kept.pop(kept_at.index(title_index))
        kept.insert(0, (-1, title))
    published = choose_published(dates)
    return CleanedText(
        text=join(kept),
        removed=tuple(removed),
        removed_rules=tuple(removed.rules),
        title=meta.title,
        outlet=meta.outlet or meta.wire,  # an agency's own page names no other publisher
        author=meta.author,
        published=published.value if published else None,
        wire=meta.wire,
        published_from=published.source if published else None,
        dateline_place=meta.dateline_place,
    )


def _drop_promotion(units: list[Unit], zones: list[str], kept: list[tuple[int, str]], kept_at: list[int],
                    title_at: int | None, meta: PageMeta, removed: Dropped) -> list[tuple[int, str]]:
    """Drop the lines in which the page speaks to its reader (``promo``); ``kept_at`` is updated alike."""
    at = {unit: n for n, unit in enumerate(kept_at)}
    lines = [Line(kept[at[i]][1] if i in at else u.text, i in at, zones[i]) for i, u in enumerate(units)]
    publishers = publisher_names(list(removed), (meta.outlet, meta.wire))
    found = promotion(lines, publishers, {title_at} if title_at is not None else set())
    for unit in sorted(found):
        removed.append(kept[at[unit]][1], found[unit])
    survivors = [n for n, unit in enumerate(kept_at) if unit not in found]
    kept_at[:] = [kept_at[n] for n in survivors]
    return [kept[n] for n in survivors]


def strip_chrome(text: str) -> tuple[str, tuple[str, ...]]:
    """Light cleaning for text an extractor already isolated (HTML, feeds): separators, exact repeats,
    boilerplate patterns, other-language lines and the page speaking to its reader (``promo``; all of the
    extract counts as body). Returns (text, removed lines)."""
    units = split_units(text)
    lang = language("\n".join(u.text for u in units))
    kept: list[tuple[int, str]] = []
    kept_at: list[int] = []
    removed, seen = Dropped(), set()
    for i, u in enumerate(units):
        key = line_key(u.text)
        rule = (
            "no words" if not any(c.isalpha() for c in u.text) and not find_date(u.text)
            else "repeat" if key in seen
            else "pattern" if boilerplate_line(u.text, sentence(u.text))
            else "widget bar" if widget_bar(u.text)
            else "other language" if is_foreign_line(u.text, lang)
            else None
        )
        if rule:
            removed.append(u.raw, rule)
            continue
        seen.add(key)
        kept.append((u.para, u.text))
        kept_at.append(i)
    kept = _drop_promotion(units, ["body"] * len(units), kept, kept_at, None, PageMeta(), removed)
    return join(kept), tuple(removed)

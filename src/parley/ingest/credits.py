"""Who wrote and who published a text, read off its chrome: bylines ("By Anna Schmidt | March 3, 2021"),
wire sign-offs ("Reporting by ...; Editing by ..."), reporter and desk credits, copyright and outlet
signatures, photo credits cut off a caption; and ``read_metadata``, which reads one chrome line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from parley.ingest._data import patterns
from parley.ingest.dates import find_date, parse_dateline
from parley.ingest.page import Dropped, PageMeta, word_count
from parley.ingest.shapes import (BYLINE, DOMAIN_NAME, boilerplate, chrome_words, known_outlets, name_case,
                                  name_shaped, named_in, outlet_alias, outlet_shaped)

DOMAIN_MARK = re.compile(rf"^/\s*({DOMAIN_NAME})\s*/\s*")  # "/vestnik.com/ ..."
_OUTLET_MARK = re.compile(
    r"^(?:©|\(c\)|copyright)(?:\s*©)?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?,?\s*(?P<name>[^.|]+?(?:\.[a-z]{2,4})?)"
    r"\s*(?:[.,]?\s*all rights reserved\b.*|\.\s.*|\.)?$",
    re.I,
)
# A wire sign-off: "Reporting by Tom Adams; Additional reporting by Jane Doe in Paris; Editing by Mark Smith"
_CREDIT = re.compile(
    r"^(?P<role>(?:additional\s+)?(?:reporting|writing|editing|edited|compiled|research|graphics|production"
    r"|produced|translation|translated|fact-checking|verification|text)(?:\s+and\s+\w+)?)\s+by\s+(?P<names>.+)$",
    re.I,
)
_DESK_CREDIT = re.compile(r"^(?P<name>[^/|]{3,40}?)\s*/\s*(?P<desk>[A-Za-z]{2,20})$")
_REPORTER_CREDIT = re.compile(
    r"^(?P<org>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s+(?:staff\s+)?(?:reporter|correspondent|writer)"
    r"\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})$"
)


@dataclass(frozen=True)
class LineMetadata:
    """What one chrome line states (a line that states something is dropped)."""

    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_from: str = "date line"  # or "byline"

    @property
    def rule(self) -> str:
        """The removal rule: 'metadata: ' and the fields the line states ('metadata: author, published')."""
        return "metadata: " + ", ".join(k for k in ("author", "outlet", "published") if getattr(self, k) is not None)


def read_metadata(text: str, zone: str, nwords: int, full: str, meta: PageMeta,
                  body: str = "") -> LineMetadata | None:
    """The metadata a dateline, byline or signature line states, or None when the line is none of those."""
    if zone != "body" or nwords <= 8:
        m = BYLINE.match(text)
        if m:
            names = credit_names(m.group("name"))  # "By Anna Schmidt and Paul Dupont": the first
            if names:
                dated = find_date(text[m.end("name"):])  # "By Anna Schmidt | March 3, 2021"
                if dated:
                    return LineMetadata(author=names[0], published=dated[0], published_from="byline")
                return LineMetadata(author=names[0])
    if zone != "body" or nwords <= 10:
        published = parse_dateline(text)
        if published:
            return LineMetadata(published=published)
    if zone == "top":
        m = _REPORTER_CREDIT.match(text)  # "AsiaToday reporter Lee Wook-jae"
        if m and name_shaped(m.group("name")):
            return LineMetadata(author=m.group("name"), outlet=m.group("org").strip())
        m = _DESK_CREDIT.match(text)  # "Resmi Sivaram/Agencies", "Jane Doe / Staff"
        if m and m.group("desk").lower() in chrome_words() and name_shaped(m.group("name")):
            return LineMetadata(author=m.group("name"))
    if zone != "body" or nwords <= 12:
        m = _OUTLET_MARK.match(text)
        if m and m.group("name").strip() and len(m.group("name").split()) <= 6:
            return LineMetadata(outlet=m.group("name").strip())
    if zone == "top" and text.casefold() in known_outlets():
        return LineMetadata(outlet=outlet_alias(text))
    if zone == "bottom" and not boilerplate(text):
        if meta.outlet is None and outlet_shaped(text, full):
            return LineMetadata(outlet=text)
        if meta.author is None and name_shaped(text):
            return LineMetadata(author=text)
    if zone == "top" and meta.title is not None and meta.author is None and nwords <= 3 and name_shaped(text) \
            and not named_in(text, body):  # "Mitsotakis Erdogan" under a headline is a tag line
        return LineMetadata(author=text)
    return None


def signoff(text: str) -> tuple[bool, str | None]:
    """(is this a wire sign-off line?, the reporter it names first). Every ';'-separated part must be
    "<role> by <names>" with name-shaped names ("Reporting by Tom Adams in London; Editing by Jo Lee")."""
    t = text.strip()
    if t.startswith("(") and t.endswith(")"):
        t = t[1:-1].strip()
    t = t.rstrip(". ")
    if not t or len(t.split()) > 60:
        return False, None
    author, rank = None, 9
    for seg in (x.strip() for x in t.split(";")):
        m = _CREDIT.match(seg)
        if not m:
            return False, None
        names = credit_names(m.group("names"))
        if not names:
            return False, None
        role = m.group("role").lower()
        r = 0 if role.startswith("reporting") else 1 if role.startswith(("writing", "text")) else 9
        if r < rank:
            author, rank = names[0], r
    return True, author


def credit_names(text: str) -> list[str]:
    """Names in "Tom Adams and Jane Doe in Paris, Berlin" (places after 'in'/'from' dropped); [] when a
    part is not name-shaped."""
    names: list[str] = []
    placed = False
    for part in re.split(r",\s*|\s+and\s+|\s*&\s*", text.strip()):
        part = part.strip()
        if not part:
            continue
        m = re.match(r"^(.*?)\s+(?:in|from)\s+[A-Z].*$", part)
        if m:
            part, placed = m.group(1).strip(), True
        if placed and re.fullmatch(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?", part) and not name_shaped(part):
            continue  # a further place: "in Paris and Berlin"
        if not name_shaped(part):
            return []
        names.append(name_case(part))
    return names


def strip_photo_credits(text: str, removed: Dropped) -> str:
    """Cut photo credits and gallery counters off the start or end of a (caption) line."""
    if word_count(text) > 60:
        return text
    for p in patterns("credit_patterns"):
        m = p.search(text)
        whole = m is not None and m.start() == 0 and m.end() == len(text)  # left to the line rules
        if m and not whole and (m.start() == 0 or m.end() == len(text)) and m.group(0).strip():
            removed.append(m.group(0).strip(), "photo credit")
            text = (text[: m.start()] + text[m.end():]).strip()
    return text

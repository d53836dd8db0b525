"""What a wire service prints around a story: the dateline opening it ("TOKYO (Reuters) -"), a place alone
above the body ("OTTAWA, Ontario"), an agency credit closing a paragraph ("... said. (Yonhap)"), a
"Source: Yonhap" line, an end-of-story mark ("Enditem"). They give ``wire`` and ``dateline_place``: where
the story was filed, not where its events happened."""

from __future__ import annotations

import re
from dataclasses import dataclass

from parley.ingest._data import patterns, stopwords
from parley.ingest.dates import MONTH_NAMES, find_date
from parley.ingest.page import Dropped, Unit, word_count
from parley.ingest.shapes import chrome_words, known_outlets, label_words, name_case, outlet_alias

# A wire dateline opening the first paragraph: "MOSCOW (AP) —", "PARIS, March 3 (Reuters) -",
# "WASHINGTON, June 23, 2023 (Wire) -", "MOSCOW, May 16. /TASS/.", "SEOUL --". The place is in capitals
# unless an outlet marker follows it.
_DL_MONTH = rf"(?i:{MONTH_NAMES})\.?"
_DL_DATE = rf"(?:{_DL_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_DL_MONTH})(?:(?:,\s*|\s+|/)\d{{4}})?\.?"
_DL_REGION = r"(?:,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
_WIRE_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{0,3}}){_DL_REGION}(?:,?\s*(?P<date>{_DL_DATE}))?\s*"
    r"(?:\((?P<o1>[A-Z][\w&.'’ -]{0,30}?)\)|/(?P<o2>[A-Z][\w&.'’ -]{0,30}?)/\.?)\s*(?P<dash>--|[-–—:])?(?:\s+|$)"
)
_BARE_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z'’.-]{{2,}}(?:\s+[A-Z][A-Z'’.-]+){{0,3}}){_DL_REGION}(?:,\s*(?P<date>{_DL_DATE}))?"
    r"\s*(?:--|—|–|\s-)\s+(?=[A-Z0-9\"“‘'])"
)
_LONE_DATELINE = re.compile(r"^[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,2}(?:,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?$")
# a news agency's credit after the last sentence of a paragraph: "... the ministry said. [Reuters]",
# "... the United States. (Yonhap)", "... on Monday. - PTI"
_WIRE_CREDIT = re.compile(
    r"(?<=[.!?\"”’])\s+(?:[\[(](?P<a>[A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3})[\])]"
    r"|[-–—]\s*(?P<b>[A-Z]{2,8}))\s*$"
)
_SOURCE_CREDIT = re.compile(r"^(?:source|sources|via)\s*:\s*(?P<name>[A-Z][\w&.'’ -]{1,30}?)\s*\|?\s*$", re.I)


@dataclass(frozen=True)
class Dateline:
    """What a wire dateline states: the place the story was filed, the agency in its marker, and the date
    when the dateline gives the year."""

    place: str
    wire: str | None = None
    published: str | None = None


def wire_dateline(text: str, removed: Dropped) -> tuple[str, Dateline | None]:
    """Split a wire dateline off the start of the first paragraph: (rest of the line, the dateline), or
    (text, None) when there is none."""
    m = _WIRE_DATELINE.match(text) or _BARE_DATELINE.match(text)
    if not m:
        return text, None
    rest = text[m.end():].strip()
    if rest and (word_count(rest) < 4 or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'")):
        return text, None
    groups = m.groupdict()
    outlet = groups.get("o1") or groups.get("o2")
    if outlet and (len(outlet.split()) > 4 or outlet.lower() in chrome_words()):
        return text, None
    if groups.get("o1") and not groups.get("dash") and not groups.get("date") \
            and outlet.casefold() not in known_outlets():
        return text, None  # "The Shanghai Cooperation Organisation (SCO) Secretary-General ..." is no dateline
    if groups["place"].split()[0].lower() in stopwords()["en"]:
        return text, None
    dated = find_date(groups["date"]) if groups.get("date") else None
    removed.append(text[: m.end()].strip(), "dateline")
    return rest, Dateline(place=name_case(groups["place"].strip(" ,.-")),
                          wire=outlet_alias(outlet.strip()) if outlet else None,
                          published=dated[0] if dated else None)


def lone_dateline(text: str) -> str | None:
    """The place of a dateline standing alone, in capitals ("TOKYO", "OTTAWA, Ontario"), or None."""
    if _LONE_DATELINE.match(text) and not set(text.lower().replace(",", " ").split()) & label_words():
        return name_case(text.split(",")[0].strip())
    return None


def strip_wire_credit(text: str, removed: Dropped) -> tuple[str, str | None]:
    """Cut an agency credit off the end of a paragraph: (the paragraph, the agency) or (text, None)."""
    m = _WIRE_CREDIT.search(text)
    if not m or word_count(text) < 6:
        return text, None
    name = m.group("a") or m.group("b")
    if name.lower() in chrome_words() or name.lower() in stopwords()["en"]:
        return text, None
    removed.append(m.group(0).strip(), "agency credit")
    return text[: m.start()].rstrip(), outlet_alias(name)


def source_credit(text: str) -> str | None:
    """The agency a "Source: Yonhap |" line credits, or None."""
    m = _SOURCE_CREDIT.match(text)
    return m.group("name").strip() if m else None


def strip_end_marker(u: Unit, removed: Dropped) -> Unit:
    """Cut a wire service's end-of-story mark ("Enditem", "(END)") off the end of a line."""
    for p in patterns("end_markers"):
        m = p.search(u.text)
        if m and m.start() > 0 and any(c.isalnum() for c in u.text[: m.start()]):
            removed.append(m.group(0).strip(), "end mark")
            return Unit(u.raw, u.text[: m.start()].rstrip(), u.para)
    return u

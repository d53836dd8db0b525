"""Cleaning of scraped plain text: keep every sentence of the article, drop the page chrome.

The cascade, per line (a hard-wrapped paragraph counts as one line):

1. normalise whitespace (odd spaces become plain spaces 1:1, lines stripped);
2. find the article body: the first and last *body lines* (long, sentence-terminated, not repeated)
   split the page into a top zone (headline, caption, dateline, byline), the body and a bottom zone
   (signature, byline, widgets, teasers);
3. drop separators, exact repeats, lines matching ``data/boilerplate_patterns.txt``, lines in another
   language, and short lines that recur in other files of the same batch (``CleaningContext``);
4. read metadata off the chrome it drops: dateline -> published, byline -> author, signature -> outlet;
5. keep the headline once, as the first paragraph; keep a photo caption once (it can hold evidence).

Everything dropped goes verbatim into ``CleanedText.removed``.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from parley.ingest._data import entries, patterns, stopwords
from parley.ingest.dates import find_date, parse_dateline
from parley.ingest.detect import is_foreign_line, language
from parley.ingest.text import normalise_line, split_lines

__all__ = ["CleanedText", "CleaningContext", "clean_text", "strip_chrome", "line_key"]

_TERMINAL = tuple('.!?"”’»…)')
_SENTENCE_END = tuple('.!"”’»…')
_WORD = re.compile(r"\S+")
_DOMAIN_MARK = re.compile(r"^/\s*([A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.[A-Za-z]{2,})\s*/\s*")
_DOMAIN = re.compile(r"^(?:www\.)?[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.[A-Za-z]{2,}$")
_BYLINE = re.compile(
    r"^(?:by|written by|reporting by|author|text|story by)\s*:?\s+(?P<name>[^,|;•–—(]+?)"
    r"\s*(?:(?:,|\||;|•|–|—|\(|\bfor\b|\bin\b).*)?$",
    re.IGNORECASE,
)
_OUTLET_MARK = re.compile(
    r"^(?:©|\(c\)|copyright)(?:\s*©)?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?,?\s*(?P<name>[^.|]+?(?:\.[a-z]{2,4})?)"
    r"\s*(?:[.,]?\s*all rights reserved\b.*|\.\s.*|\.)?$",
    re.I,
)
# A wire dateline opening the first paragraph: "MOSCOW (AP) —", "PARIS, March 3 (Reuters) -",
# "WASHINGTON, June 23, 2023 (Wire) -", "MOSCOW, May 16. /TASS/.", "SEOUL --". The place is in capitals
# unless an outlet marker follows it.
_DL_MONTH = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DL_DATE = rf"(?:{_DL_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_DL_MONTH})(?:,?\s*\d{{4}})?\.?"
_DL_REGION = r"(?:,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
_WIRE_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{0,3}}){_DL_REGION}(?:,?\s*(?P<date>{_DL_DATE}))?\s*"
    r"(?:\((?P<o1>[A-Z][\w&.'’ -]{0,30}?)\)|/(?P<o2>[A-Z][\w&.'’ -]{0,30}?)/\.?)\s*(?P<dash>--|[-–—:])?(?:\s+|$)"
)
_BARE_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z'’.-]{{2,}}(?:\s+[A-Z][A-Z'’.-]+){{0,3}}){_DL_REGION}(?:,\s*(?P<date>{_DL_DATE}))?"
    r"\s*(?:--|—|–|\s-)\s+(?=[A-Z0-9\"“‘'])"
)
# A wire sign-off: "Reporting by Tom Adams; Additional reporting by Jane Doe in Paris; Editing by Mark Smith"
_CREDIT = re.compile(
    r"^(?P<role>(?:additional\s+)?(?:reporting|writing|editing|edited|compiled|research|graphics|production"
    r"|produced|translation|translated|fact-checking|verification|text)(?:\s+and\s+\w+)?)\s+by\s+(?P<names>.+)$",
    re.I,
)
_BULLET = re.compile(r"^(?:[-–—•*·▪●◦]\s|\d{1,2}[.)]\s|[a-z][.)]\s)")
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b|(?:\+|\b00)\d[\d ()/.-]{7,}\d", re.I)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "„": '"'})


@dataclass(frozen=True)
class CleanedText:
    """Article text without chrome, the dropped lines, and metadata read off the chrome."""

    text: str
    removed: tuple[str, ...] = ()
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None


def line_key(line: str) -> str:
    """Comparison key of a line: case, quote marks and whitespace folded."""
    return " ".join(normalise_line(line).translate(_QUOTES).casefold().split())


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


@dataclass
class _Unit:
    raw: str  # verbatim source line(s)
    text: str  # normalised
    para: int

    @property
    def words(self) -> list[str]:
        return _WORD.findall(self.text)


def clean_text(raw: str, source: str = "", context: CleaningContext | None = None) -> CleanedText:
    """Clean one scraped plain-text article (see the module docstring for the cascade)."""
    units = _units(raw)
    if not units:
        return CleanedText(text="")
    removed: list[str] = []
    units = [_strip_end_marker(u, removed) for u in units]
    full = "\n".join(u.text for u in units)
    lang = language(full)
    keys = Counter(line_key(u.text) for u in units)
    body = [i for i, u in enumerate(units) if _body_like(u) and keys[line_key(u.text)] == 1]
    chrome_free_body = [i for i in body if not _pattern(units[i].text)]
    first_body = chrome_free_body[0] if chrome_free_body else len(units)
    last_body = chrome_free_body[-1] if chrome_free_body else len(units)

    kept: list[tuple[int, str]] = []  # (para, text)
    meta: dict[str, str | None] = {"title": None, "outlet": None, "author": None, "published": None}
    title_index: int | None = None
    seen: set[str] = set()
    dateline_done = False
    headline_below = [  # is a headline still to come in the top zone?
        any(_headline_candidate(v.text) for v in units[i + 1:first_body]) for i in range(len(units))
    ]

    for i, u in enumerate(units):
        text = u.text
        key = line_key(text)
        zone = "top" if i < first_body else "bottom" if i > last_body else "body"
        nwords = len(u.words)

        m = _DOMAIN_MARK.match(text)
        if m:
            meta["outlet"] = meta["outlet"] or m.group(1)
            removed.append(m.group(0).strip())
            text = text[m.end():]
            key = line_key(text)
            if not text:
                continue
        if not dateline_done and i <= first_body:
            text, found = _wire_dateline(text, removed)
            if found is not None:
                dateline_done = True
                for k, v in found.items():
                    meta[k] = meta[k] or v
                key = line_key(text)
                nwords = len(_WORD.findall(text))
                if not text:
                    continue
        text = _strip_credits(text, removed)
        if text != u.text:
            key, nwords = line_key(text), len(_WORD.findall(text))
        if not any(c.isalnum() for c in text):
            removed.append(u.raw)
            continue
        if key in seen:
            removed.append(u.raw)
            continue
        seen.add(key)

        signoff, author = _signoff(text)
        if signoff:
            meta["author"] = meta["author"] or author
            removed.append(u.raw)
            continue
        if zone == "top" and meta["title"] is None and headline_below[i] and _org_shaped(text):
            meta["outlet"] = meta["outlet"] or text  # the publishing institution above the headline
            removed.append(u.raw)
            continue
        drop, found = _metadata(text, zone, nwords, full, meta)
        if found:
            for k, v in found.items():
                meta[k] = meta[k] or v
        if drop:
            removed.append(u.raw)
            continue
        protected = zone == "top" and meta["title"] is None and _headline_shaped(text) and nwords >= 4
        if (
            (nwords <= 20 and _pattern(text))
            or (nwords <= 60 and _sentence_pattern(text))
            or is_foreign_line(text, lang)
            or (context is not None and not protected and nwords <= 7 and context.shared(text))
        ):
            removed.append(u.raw)
            continue
        if zone == "top":
            if meta["title"] is None and _headline_shaped(text):
                meta["title"] = text
                title_index = len(kept)
            elif not _caption(text) and not text.endswith(_TERMINAL) and nwords < 4:
                removed.append(u.raw)  # section label
                continue
        elif zone == "bottom" and not (text.endswith(_SENTENCE_END) and nwords >= 3):
            removed.append(u.raw)  # teaser, label or widget after the last sentence
            continue
        kept.append((u.para, text))

    while kept and len(kept) > 1 and kept[-1][0] != -1 and _contact_line(kept[-1][1]):
        removed.append(kept.pop()[1])  # contact details (e-mail, telephone) closing a press release
    if title_index is not None:  # the headline opens the text, as its own paragraph
        _, title = kept.pop(title_index)
        kept.insert(0, (-1, title))
    return CleanedText(
        text=_join(kept),
        removed=tuple(removed),
        title=meta["title"],
        outlet=meta["outlet"],
        author=meta["author"],
        published=meta["published"],
    )


def strip_chrome(text: str) -> tuple[str, tuple[str, ...]]:
    """Light cleaning for text an extractor already isolated (HTML, feeds): separators, exact repeats,
    boilerplate patterns and other-language lines only. Returns (text, removed lines)."""
    units = _units(text)
    lang = language("\n".join(u.text for u in units))
    kept, removed, seen = [], [], set()
    for u in units:
        key = line_key(u.text)
        if (
            not any(c.isalnum() for c in u.text)
            or key in seen
            or (len(u.words) <= 20 and _pattern(u.text))
            or is_foreign_line(u.text, lang)
        ):
            removed.append(u.raw)
            continue
        seen.add(key)
        kept.append((u.para, u.text))
    return _join(kept), tuple(removed)


# -- units -------------------------------------------------------------------------------------------


def _units(raw: str) -> list[_Unit]:
    """Non-blank lines with their paragraph number; a hard-wrapped prose block becomes one unit."""
    blocks: list[list[str]] = [[]]
    for line in split_lines(raw.lstrip("\ufeff")):
        if normalise_line(line):
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    units: list[_Unit] = []
    for para, block in enumerate(b for b in blocks if b):
        norm = [normalise_line(x) for x in block]
        if _hard_wrapped(norm):
            units.append(_Unit("\n".join(block), " ".join(norm), para))
        else:
            units.extend(_Unit(r, n, para) for r, n in zip(block, norm))
    return units


def _hard_wrapped(lines: list[str]) -> bool:
    """A block whose lines stop mid-sentence at a similar width is one wrapped paragraph."""
    if len(lines) < 2 or any(_BULLET.match(x) for x in lines):
        return False  # list items stay one per line
    inner = lines[:-1]
    width = max(len(x) for x in lines)
    for x, nxt in zip(inner, lines[1:]):
        if len(x) < 40 or len(x) + 1 + len(nxt.split()[0]) < width - 1:
            return False  # a wrapper breaks a line only where the next word would not fit
    broken = sum(1 for x in inner if not x.endswith(_TERMINAL))
    return broken * 2 >= len(inner) and len({line_key(x) for x in lines}) == len(lines)


def _join(kept: list[tuple[int, str]]) -> str:
    """Kept lines of one source paragraph stay on adjacent lines; paragraphs get one blank line."""
    out: list[str] = []
    last = None
    for para, text in kept:
        if out and para == last and para >= 0:
            out[-1] += "\n" + text
        else:
            out.append(text)
        last = para
    return "\n\n".join(out)


# -- line shapes -------------------------------------------------------------------------------------


def _body_like(u: _Unit) -> bool:
    n = len(u.words)
    return n >= 40 or (n >= 12 and u.text.endswith(_TERMINAL))


def _pattern(text: str) -> bool:
    return any(p.search(text) for p in patterns("boilerplate_patterns"))


def _sentence_pattern(text: str) -> bool:
    return any(p.search(text) for p in patterns("boilerplate_sentences"))


def _strip_end_marker(u: _Unit, removed: list[str]) -> _Unit:
    """Cut a wire service's end-of-story mark ("Enditem", "(END)") off the end of a line."""
    for p in patterns("end_markers"):
        m = p.search(u.text)
        if m and m.start() > 0 and any(c.isalnum() for c in u.text[: m.start()]):
            removed.append(m.group(0).strip())
            return _Unit(u.raw, u.text[: m.start()].rstrip(), u.para)
    return u


def _strip_credits(text: str, removed: list[str]) -> str:
    """Cut photo credits and gallery counters off the start or end of a (caption) line."""
    if len(_WORD.findall(text)) > 60:
        return text
    for p in patterns("credit_patterns"):
        m = p.search(text)
        if m and (m.start() == 0 or m.end() == len(text)) and m.group(0).strip():
            removed.append(m.group(0).strip())
            text = (text[: m.start()] + text[m.end():]).strip()
    return text


def _wire_dateline(text: str, removed: list[str]) -> tuple[str, dict[str, str] | None]:
    """Split a wire dateline off the start of the first paragraph: (rest of the line, metadata it states:
    the outlet in its marker, the date when it gives the year), or (text, None) when there is none."""
    m = _WIRE_DATELINE.match(text) or _BARE_DATELINE.match(text)
    if not m:
        return text, None
    rest = text[m.end():].strip()
    if rest and (len(_WORD.findall(rest)) < 4 or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'")):
        return text, None
    groups = m.groupdict()
    outlet = groups.get("o1") or groups.get("o2")
    if outlet and (len(outlet.split()) > 4 or outlet.lower() in entries("chrome_words")):
        return text, None
    if groups.get("o1") and not groups.get("dash") and outlet.casefold() not in _known_outlets():
        return text, None  # "The Shanghai Cooperation Organisation (SCO) Secretary-General ..." is no dateline
    if groups["place"].split()[0].lower() in stopwords()["en"]:
        return text, None
    found: dict[str, str] = {}
    if outlet:
        found["outlet"] = _outlet_alias(outlet.strip())
    if groups.get("date"):
        dated = find_date(groups["date"])
        if dated:
            found["published"] = dated[0]
    removed.append(text[: m.end()].strip())
    return rest, found


def _known_outlets() -> set[str]:
    return {o.casefold() for o in entries("known_outlets")}


def _outlet_alias(name: str) -> str:
    for line in entries("outlet_aliases"):
        short, _, full = line.partition("=")
        if short.strip().casefold() == name.casefold():
            return full.strip()
    return name


def _signoff(text: str) -> tuple[bool, str | None]:
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
        names = _credit_names(m.group("names"))
        if not names:
            return False, None
        role = m.group("role").lower()
        r = 0 if role.startswith("reporting") else 1 if role.startswith(("writing", "text")) else 9
        if r < rank:
            author, rank = names[0], r
    return True, author


def _credit_names(text: str) -> list[str]:
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
        if placed and re.fullmatch(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?", part) and not _name_shaped(part):
            continue  # a further place: "in Paris and Berlin"
        if not _name_shaped(part):
            return []
        names.append(_name_case(part))
    return names


def _name_case(name: str) -> str:
    """'MARIA KOVALENKO' -> 'Maria Kovalenko'; names in mixed case are left as written."""
    if any(c.isalpha() for c in name) and name.upper() == name:
        return "".join(w[:1] + w[1:].lower() for w in re.split(r"(?<=[\s'’-])", name))
    return name


def _headline_candidate(text: str) -> bool:
    """Headline-shaped and none of the other top-of-page lines (dateline, byline, widget, institution)."""
    return (
        _headline_shaped(text)
        and len(_WORD.findall(text)) >= 4
        and not _org_shaped(text)
        and not _pattern(text)
        and parse_dateline(text) is None
        and not _BYLINE.match(text)
    )


def _org_shaped(text: str) -> bool:
    """A title-case institution name with a publisher word ("Ministry for Foreign Affairs of Finland")."""
    words = text.split()
    if not 1 <= len(words) <= 10 or text.endswith(_TERMINAL) or not text[0].isupper():
        return False
    connectors = {"of", "for", "the", "and", "&", "on", "to", "de"}
    if not all(w[0].isupper() or w.lower() in connectors for w in words):
        return False
    named = [w.lower().strip(",") for w in words if w.lower() != "the"]
    publisher = set(entries("publisher_words"))  # "Ministry for ...", "Federal Foreign Office"; not a
    return bool(named) and (named[0] in publisher or named[-1] in publisher)  # Title Case headline


def _contact_line(text: str) -> bool:
    return len(_WORD.findall(text)) <= 40 and bool(_CONTACT.search(text))


def _caption(text: str) -> bool:
    return any(p.search(text) for p in patterns("caption_patterns"))


def _headline_shaped(text: str) -> bool:
    n = len(_WORD.findall(text))
    return 3 <= n <= 25 and not text.endswith((".", ":", ";", ",")) and not _caption(text) and text[0].isalnum() and not text[0].islower()


def _name_shaped(text: str) -> bool:
    """2-4 capitalised words (initials and particles allowed), no function or chrome words."""
    words = text.split()
    if not 2 <= len(words) <= 4:
        return False
    chrome = set(entries("chrome_words")) | set(entries("outlet_words"))
    english = stopwords()["en"]
    particles = {"de", "da", "van", "von", "der", "bin", "ibn", "al", "el", "la", "du", "di"}
    caps = 0
    for w in words:
        lw = w.lower().strip(".,")
        if lw in chrome or lw in english and lw not in particles:
            return False
        if lw in particles:
            continue
        if not re.fullmatch(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*\.?", w):
            return False
        if not w[0].isupper():
            return False
        caps += 1
    return caps >= 2


def _outlet_shaped(text: str, full: str) -> bool:
    """A signature line: a known outlet, a bare domain, or a short capitalised name the article
    itself mentions elsewhere ("... told the correspondents of Vestnik Kavkaza")."""
    if text in entries("known_outlets"):
        return True
    if _DOMAIN.match(text):
        return True
    words = text.split()
    if not 1 <= len(words) <= 4 or text.endswith(_TERMINAL):
        return False
    if not all(w[0].isupper() or not w[0].isalpha() for w in words):
        return False
    if len(words) == 1 and "." not in text:
        return False  # one capitalised word is as likely a section label
    if set(entries("outlet_words")) & {w.lower() for w in words}:
        return True
    return full.count(text) >= 2


def _metadata(text: str, zone: str, nwords: int, full: str, meta: dict) -> tuple[bool, dict[str, str]]:
    """(drop this line?, metadata it states) for datelines, bylines and signatures."""
    if zone != "body" or nwords <= 10:
        published = parse_dateline(text)
        if published:
            return True, {"published": published}
    if zone != "body" or nwords <= 8:
        m = _BYLINE.match(text)
        if m:
            names = _credit_names(m.group("name"))  # "By Anna Schmidt and Paul Dupont": the first
            if names:
                return True, {"author": names[0]}
    if zone != "body" or nwords <= 12:
        m = _OUTLET_MARK.match(text)
        if m and m.group("name").strip() and len(m.group("name").split()) <= 6:
            return True, {"outlet": m.group("name").strip()}
    if zone == "top" and text.casefold() in _known_outlets():
        return True, {"outlet": _outlet_alias(text)}
    if zone == "bottom" and not _pattern(text):
        if meta["outlet"] is None and _outlet_shaped(text, full):
            return True, {"outlet": text}
        if meta["author"] is None and _name_shaped(text):
            return True, {"author": text}
    if zone == "top" and meta["title"] is not None and meta["author"] is None and nwords <= 3 and _name_shaped(text):
        return True, {"author": text}
    return False, {}

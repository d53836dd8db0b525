"""Question understanding: what kind of question, and which people, places, dates and words it is about.

The rules are data (``search/data/*.txt``); the names come from the store (people, entities, event locations),
so nothing here knows any particular leader or country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from parley.knowledge.places import city_state
from parley.knowledge.states import state_code, state_name
from parley.search.index import Index, tokenize

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
_MONTH_RE = "|".join(MONTHS) + "|" + "|".join(m[:3] for m in MONTHS if m != "may")
_DAY_MONTH = re.compile(rf"\b(?:(\d{{1,2}})\s+({_MONTH_RE})\.?|({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?)\b"
                        rf"(?:,?\s+(\d{{4}}))?", re.I)
_MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{4}})\b", re.I)
_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")
DATE_IN_TEXT = re.compile(rf"\b(?:{_MONTH_RE})\b|\b(?:19|20)\d{{2}}\b|\b(?:today|yesterday|tomorrow|ago)\b", re.I)
_WANTS = (("date", re.compile(r"^\s*(when\b|(on |in )?what (date|day|year|month)|which (date|day|year|month))", re.I)),
          ("place", re.compile(r"^\s*(where\b|(in )?(what|which) (city|country|place|capital))", re.I)))
_ASKS_SPEAKER = re.compile(r"^\s*(who|which (official|leader|minister|analyst|person|expert))\b", re.I)
_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w'’\-]*")


@lru_cache(maxsize=None)
def data(name: str) -> tuple[str, ...]:
    text = resources.files("parley.search").joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue
        line = line.strip()
        if line:
            out.append(line)
    return tuple(out)


@lru_cache(maxsize=1)
def kind_rules() -> tuple[tuple[str, re.Pattern], ...]:
    rules = []
    for line in data("question_kinds"):
        kind, _, pattern = line.partition("|")
        rules.append((kind.strip(), re.compile(pattern.strip(), re.I)))
    return tuple(rules)


@lru_cache(maxsize=None)
def stems(name: str) -> frozenset[str]:
    return frozenset(t for toks in tokenize(list(data(name))) for t in toks)


def classify(question: str) -> str:
    for kind, pattern in kind_rules():
        if pattern.search(question):
            return kind
    return "passage"


@dataclass(frozen=True)
class DateWanted:
    year: str | None = None
    month: int | None = None
    day: int | None = None
    text: str = ""

    def matches(self, value: str | None) -> bool:
        """Does a TIMEX3 value (2017-07-21, XXXX-04-22, 2022, 2023-FA) fit this date?"""
        if not value:
            return False
        parts = value.split("-")
        if self.year and parts[0] not in (self.year,):
            return False
        if self.month is not None:
            if len(parts) < 2 or not parts[1].isdigit() or int(parts[1]) != self.month:
                return False
        if self.day is not None:
            if len(parts) < 3 or not parts[2][:2].isdigit() or int(parts[2][:2]) != self.day:
                return False
        return True

    def in_text(self, text: str) -> bool:
        """Is this date written in ``text`` ("April 22", "22 April", "2017")?"""
        if self.month is not None:
            names = [n for n, i in MONTHS.items() if i == self.month][0]
            month = rf"(?:{names}|{names[:3]})\.?"
            if self.day is not None:
                day = rf"0?{self.day}(?:st|nd|rd|th)?"
                rx = rf"\b(?:{month}\s+{day}|{day}\s+{month})\b"
            else:
                rx = rf"\b{month}\b"
            if not re.search(rx, text, re.I):
                return False
        return not self.year or re.search(rf"\b{self.year}\b", text) is not None


@dataclass
class Question:
    text: str
    kind: str
    people: list[str] = field(default_factory=list)  # canonical names known in the corpus
    places: list[str] = field(default_factory=list)  # place names known in the corpus
    dates: list[DateWanted] = field(default_factory=list)
    unknown_names: list[str] = field(default_factory=list)  # proper names the corpus never mentions
    terms: list[str] = field(default_factory=list)  # content stems, question words removed
    subject: str | None = None  # "what did X say about SUBJECT"
    wants: str | None = None  # "date" for when-questions, "place" for where-questions
    asks_speaker: bool = False  # "who said ...?": the people named are what was said, not who said it


def _is_proper(alias: str) -> bool:
    """Is some word of ``alias`` other than a leading "The" capitalised (a name, not a description)?"""
    words = alias.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return any(w[:1].isupper() for w in words)


def surname(name: str) -> str:
    """The word a person is called by on second mention: the last, skipping "II", "Jr." and the like."""
    words = name.lower().split()
    skip = set(data("name_suffixes"))
    while len(words) > 1 and words[-1].strip(".,") in skip:
        words.pop()
    return words[-1] if words else name.lower()


def state_of(name: str) -> str | None:
    """The state a name stands for as a whole ("Türkiye", "Turkey", "Turkish" -> TUR); None for a city, which
    keeps its own name (Athens is not all of Greece), and for anything else."""
    code = state_code(name)
    if code and city_state(name) and state_name(code) != name:
        return None
    return code


class Names:
    """People and places known in an index, keyed by the lower-cased ways the corpus writes them."""

    def __init__(self, idx: Index):
        counts: dict[str, int] = {}
        self.person_keys: dict[str, dict[str, int]] = {}
        self.place_keys: dict[str, str] = {}
        for person in idx.corpus.get("people") or ():
            name = person.get("name") if isinstance(person, dict) else None
            if not name:
                continue
            counts[name] = counts.get(name, 0) + int(person.get("mentions") or 1) + 1000
            for alias in [name, *(person.get("aliases") or ())]:
                # a description ("the emir", "the president") names different people in different articles
                if isinstance(alias, str) and _is_proper(alias):
                    self._add_person(alias, name, 1000)
        for facts in idx.facts:
            for e in facts.get("entities", ()):
                if e["type"] == "PERSON":
                    self._add_person(e["name"], e["name"], 1)
                elif e["type"] in ("GPE", "LOC", "FAC"):
                    self.place_keys.setdefault(e["name"].lower(), e["name"])
            for ev in facts.get("events", ()):
                if ev.get("location"):
                    self.place_keys.setdefault(ev["location"].lower(), ev["location"])
                for p in ev.get("participants") or ():
                    self._add_person(p, p, 1)
            for q in facts.get("quotes", ()):
                if q.get("speaker"):
                    self._add_person(q["speaker"], q["speaker"], 1)
        for entry in idx.corpus.get("timeline") or ():
            if isinstance(entry, dict) and isinstance(entry.get("location"), str):
                self.place_keys.setdefault(entry["location"].lower(), entry["location"])
        for place in list(self.place_keys.values()):  # a state the corpus names, asked by its short name
            code = state_of(place)  # ("Turkey" for an article's "Türkiye"); demonyms stay words, not places
            if code:
                self.place_keys.setdefault(state_name(code).lower(), place)

    def _add_person(self, alias: str, name: str, weight: int) -> None:
        alias = alias.strip()
        words = alias.split()
        keys = {alias.lower()}
        if len(words) >= 2 and alias[0].isupper():
            keys.add(surname(alias))  # the surname ("Abdullah" of "Abdullah II")
        for key in keys:
            # two letters are a name only when written capitalised as one ("Xi", "Li", "Wu"), never "of"
            if len(key) < 2 or (len(key) < 3 and not key[:1].isalpha()):
                continue
            slot = self.person_keys.setdefault(key, {})
            slot[name] = slot.get(name, 0) + weight

    def person(self, key: str) -> str | None:
        slot = self.person_keys.get(key.lower())
        if not slot:
            return None
        return max(slot.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]


_names_cache: dict[int, Names] = {}


def names_of(idx: Index) -> Names:
    key = id(idx)
    if key not in _names_cache:
        _names_cache.clear()
        _names_cache[key] = Names(idx)
    return _names_cache[key]


def _strip_possessive(word: str) -> str:
    return re.sub(r"['’]s$|['’]$", "", word)


def parse(question: str, idx: Index) -> Question:
    q = Question(text=question, kind=classify(question))
    q.wants = next((name for name, rx in _WANTS if rx.search(question)), None)
    q.asks_speaker = q.kind == "quote" and _ASKS_SPEAKER.search(question) is not None
    names = names_of(idx)
    words = [_strip_possessive(m.group(0)) for m in _WORD.finditer(question)]
    lowered = [w.lower() for w in words]
    used = [False] * len(words)
    # longest known names first: "Ilham Aliyev" before "Aliyev", "Nagorno-Karabakh" as one word
    for size in (4, 3, 2, 1):
        for i in range(len(words) - size + 1):
            if any(used[i:i + size]):
                continue
            key = " ".join(lowered[i:i + size])
            person = names.person(key) if (size > 1 or words[i][:1].isupper()) else None
            place = names.place_keys.get(key)
            if person and not place:
                if person not in q.people:
                    q.people.append(person)
            elif place and (size > 1 or words[i][:1].isupper()):
                if place not in q.places:
                    q.places.append(place)
            else:
                continue
            for j in range(i, i + size):
                used[j] = True
    vocab = _vocabulary(idx)
    skip = {w.lower() for w in data("question_words")}
    for i, w in enumerate(words):
        if used[i] or i == 0 or not w[:1].isupper() or w.lower() in skip or w.lower().rstrip(".") in MONTHS:
            continue  # a month is a date asked ("in April 2016"), matched by the dates, not a name
        toks = tokenize([w])[0]
        if toks and not any(t in vocab for t in toks):
            q.unknown_names.append(w)
    q.dates = _dates(question)
    q.terms = [t for t in dict.fromkeys(tokenize([question])[0]) if t not in stems("question_words")]
    m = re.search(r"\b(?:about|on|regarding|concerning|of)\s+(.+?)[?.!]*$", question, re.I)
    if q.kind == "quote" and m:
        q.subject = m.group(1).strip()
    return q


def _vocabulary(idx: Index) -> set[str]:
    cached = getattr(idx, "_vocab", None)
    if cached is None:
        cached = set()
        for seg in idx.segments:
            if seg.bm25 is not None:
                cached.update(seg.bm25.vocab_dict.keys())
        idx._vocab = cached  # type: ignore[attr-defined]
    return cached


def _dates(question: str) -> list[DateWanted]:
    out: list[DateWanted] = []
    for m in _DAY_MONTH.finditer(question):
        day = m.group(1) or m.group(4)
        month = m.group(2) or m.group(3)
        out.append(DateWanted(year=m.group(5), month=_month(month), day=int(day), text=m.group(0)))
    taken = " ".join(d.text for d in out)
    for m in _MONTH_YEAR.finditer(question):
        if m.group(0) not in taken:
            out.append(DateWanted(year=m.group(2), month=_month(m.group(1)), text=m.group(0)))
    taken = " ".join(d.text for d in out)
    for m in _YEAR.finditer(question):
        if m.group(0) not in taken:
            out.append(DateWanted(year=m.group(0), text=m.group(0)))
    return out


def _month(name: str) -> int:
    name = name.lower()
    for full, n in MONTHS.items():
        if full.startswith(name[:3]):
            return n
    raise ValueError(name)


def word_in(key: str, text: str) -> bool:
    """Is ``key`` in ``text`` as whole words (both lower-cased)?"""
    at = text.find(key)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(key)] if at + len(key) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        at = text.find(key, at + 1)
    return False

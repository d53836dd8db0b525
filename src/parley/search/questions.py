"""Question understanding: what kind of question, and which people, places, dates and words it is about.

The rules are data (``search/data/*.txt``); the names come from the store (people, entities, event locations),
so nothing here knows any particular leader or country.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources

from nameparser.config import CONSTANTS

from parley.knowledge.places import city_state
from parley.knowledge.states import demonym, is_state_name, state_code, state_name
from parley.nlp import table
from parley.search.index import Index, tokenize


def _month_table() -> tuple[dict[str, int], dict[str, int]]:
    """(full names, every name and abbreviation) lower-cased, from the one month table ``nlp/data/months.txt``
    that extract.timex reads too: {"april": 4, ...}, {"april": 4, "apr": 4, "sept": 9, "sep": 9, ...}."""
    full: dict[str, int] = {}
    every: dict[str, int] = {}
    for name, number in table("months").items():
        every.setdefault(name.lower().rstrip("."), int(number))
        if not name.endswith("."):
            full.setdefault(name.lower(), int(number))
    return full, every


MONTHS, MONTH_WORDS = _month_table()
TITLES = frozenset(CONSTANTS.titles)  # nameparser's titles: "president", "minister", "sheikh"
_MONTH_RE = "|".join(sorted(MONTH_WORDS, key=len, reverse=True))
_DAY_MONTH = re.compile(rf"\b(?:(\d{{1,2}})\s+({_MONTH_RE})\.?|({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?)\b"
                        rf"(?:,?\s+(\d{{4}}))?", re.I)
_MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{4}})\b", re.I)
_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")
DATE_IN_TEXT = re.compile(rf"\b(?:{_MONTH_RE})\b|\b(?:19|20)\d{{2}}\b|\b(?:today|yesterday|tomorrow|ago)\b", re.I)
_WANTS = (("date", re.compile(r"^\s*(when\b|(on |in )?what (date|day|year|month)|which (date|day|year|month))", re.I)),
          ("place", re.compile(r"^\s*(where\b|(in )?(what|which) (city|country|place|capital))", re.I)),
          ("duration", re.compile(r"\bhow long\b|\bfor how many (minutes|hours|days|weeks|months|years)\b", re.I)))
# "..., according to the ministry?": who reported it, a constraint on the sentence cited, not a person asked about
_SOURCE = re.compile(r"\b(?:according to|as reported by|reported by)\s+([^,?;]+?)\s*[?.!,;]*$", re.I)
# "On what date will X meet Y?", "When is the summit due to open?": a question about what is still to come; a
# date the articles report as past does not answer it
_FUTURE = re.compile(r"\b(?:will|shall|going to)\b|\b(?:is|are)\s+(?:due|expected|scheduled|set|planned|slated)\s+to\b",
                     re.I)
_ASKS_PERSON = re.compile(r"\b(?:who|whom)\b", re.I)
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
    # "before Iwaya's January 2025 trip", "after the talks in October 2019": the date is a point of reference,
    # and what is asked lies before it (or on or after it), not on it
    relation: str = "on"

    def matches(self, value: str | None) -> bool:
        """Does a TIMEX3 value (2017-07-21, XXXX-04-22, 2022, 2023-FA) fit this date?"""
        if not value:
            return False
        if self.relation != "on":
            return self._related(value)
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

    def _related(self, value: str) -> bool:
        """Does the value lie before (or on or after) this date? A value without a year never does."""
        start = value_start(value)
        if start is None or not self.year:
            return False
        ref = date(int(self.year), self.month or 1, self.day or 1)
        return start < ref if self.relation == "before" else start >= ref

    def in_text(self, text: str) -> bool:
        """Is this date written in ``text`` ("April 22", "22 April", "2017")? A month (and day) asked with a year
        is written in a sentence that names that month (and day) and no year at all ("on Saturday (October 5)"
        for October 2019): news leaves the year of recent dates out. A date of reference ("before ...") is
        never the date asked: only the values of a sentence's dates can be before it (``matches``)."""
        if self.relation != "on":
            return False
        if self.month is not None:
            names = "|".join(sorted((n for n, i in MONTH_WORDS.items() if i == self.month), key=len, reverse=True))
            month = rf"(?:{names})\.?"
            if self.day is not None:
                day = rf"0?{self.day}(?:st|nd|rd|th)?"
                rx = rf"\b(?:{month}\s+{day}|{day}\s+{month})\b"
            else:
                rx = rf"\b{month}\b"
            if not re.search(rx, text, re.I):
                return False
            if self.year and not _YEAR.search(text):
                return True
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
    wants: str | None = None  # "date" for when-questions, "place" for where-, "duration" for how-long-questions
    source: str | None = None  # "according to the ministry": the cited sentence must name it
    asks_speaker: bool = False  # "who said ...?": the people named are what was said, not who said it
    future: bool = False  # "when will ...": asks about an event still to come when its articles were written
    asks_person: bool = False  # "who ...?", "whom did ... support?": the answer names someone not asked about


def _is_proper(alias: str) -> bool:
    """Is some word of ``alias`` other than a leading "The" capitalised (a name, not a description)?"""
    words = alias.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return any(w[:1].isupper() for w in words)


def _only_titles(alias: str) -> bool:
    """Is every word of ``alias`` but a leading "the" a title in nameparser's list ("The President")?"""
    words = [w.strip(".,").lower() for w in alias.split()]
    if words and words[0] == "the":
        words = words[1:]
    return bool(words) and all(w in TITLES for w in words)


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
        self.person_keys: dict[str, dict[str, int]] = {}
        self.place_keys: dict[str, str] = {}
        for person in idx.corpus.get("people") or ():
            name = person.get("name") if isinstance(person, dict) else None
            if not name:
                continue
            # a word two people share (a president's surname and his mother's) names the one mentioned most
            weight = 1000 + int(person.get("mention_count") or person.get("mentions") or 1)
            for alias in [name, *(person.get("aliases") or ())]:
                # a description ("the emir", "the president") names different people in different articles
                if isinstance(alias, str) and _is_proper(alias):
                    self._add_person(alias, name, weight)
        for facts in idx.facts:
            for e in facts.get("entities", ()):
                if e["type"] == "PERSON":
                    self._add_person(e["name"], e["name"], 1)
                elif e["type"] in ("GPE", "LOC", "FAC"):
                    self.place_keys.setdefault(fold(e["name"]).lower(), e["name"])
            for ev in facts.get("events", ()):
                if ev.get("location"):
                    self.place_keys.setdefault(fold(ev["location"]).lower(), ev["location"])
                for p in ev.get("participants") or ():
                    self._add_person(p, p, 1)
            for q in facts.get("quotes", ()):
                if q.get("speaker"):
                    self._add_person(q["speaker"], q["speaker"], 1)
        for entry in idx.corpus.get("timeline") or ():
            if isinstance(entry, dict) and isinstance(entry.get("location"), str):
                self.place_keys.setdefault(fold(entry["location"]).lower(), entry["location"])
        for place in list(self.place_keys.values()):  # a state the corpus names, asked by its short name
            code = state_of(place)  # ("Turkey" for an article's "Türkiye"); demonyms stay words, not places
            if code:
                self.place_keys.setdefault(fold(state_name(code)).lower(), place)

    def _add_person(self, alias: str, name: str, weight: int) -> None:
        alias = alias.strip()
        if _only_titles(alias):  # "President", "Prime Minister": a title names whoever holds it in each article
            return
        words = alias.split()
        keys = {fold(alias).lower()}
        if len(words) >= 2 and alias[0].isupper():
            keys.add(fold(surname(alias)))  # the surname ("Abdullah" of "Abdullah II")
        for key in keys:
            # two letters are a name only when written capitalised as one ("Xi", "Li", "Wu"), never "of"
            if len(key) < 2 or (len(key) < 3 and not key[:1].isalpha()):
                continue
            slot = self.person_keys.setdefault(key, {})
            slot[name] = slot.get(name, 0) + weight

    def person(self, key: str) -> str | None:
        slot = self.person_keys.get(fold(key).lower())
        if not slot:
            return None
        return max(slot.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]


_names_cache: dict[int, Names] = {}


def names_of(idx: Index) -> Names:
    key = id(idx)
    got = _names_cache.get(key)
    if got is None:  # a local: another thread may clear the table meanwhile
        got = Names(idx)
        _names_cache.clear()
        _names_cache[key] = got
    return got


def _strip_possessive(word: str) -> str:
    return re.sub(r"['’]s$|['’]$", "", word)


def parse(question: str, idx: Index) -> Question:
    q = Question(text=question, kind=classify(question))
    q.wants = next((name for name, rx in _WANTS if rx.search(question)), None)
    q.asks_speaker = q.kind == "quote" and _ASKS_SPEAKER.search(question) is not None
    q.future = _FUTURE.search(question) is not None
    q.asks_person = _ASKS_PERSON.search(question) is not None
    names = names_of(idx)
    matches = list(_WORD.finditer(question))
    words = [_strip_possessive(m.group(0)) for m in matches]
    lowered = [fold(w).lower() for w in words]  # keys are folded: "Sahin" asks for "Şahin"
    q.dates = _dates(question)
    dated = {w.lower().rstrip(".") for d in q.dates for w in d.text.split()}
    # the month of a date asked ("in March 2023") is a date, whatever else the corpus files it as
    used = [w.lower().rstrip(".") in MONTH_WORDS and w.lower().rstrip(".") in dated for w in lowered]
    # the people and places of a phrase of reference ("before Iwaya's January 2025 trip") name the event the
    # answer is placed against, not the answer's: they are known names, but no constraint
    spans = reference_spans(question, q.dates)
    referred = [any(s <= m.start() < e for s, e, _ in spans) for m in matches]
    # longest known names first: "Ilham Aliyev" before "Aliyev", "Nagorno-Karabakh" as one word
    for size in (4, 3, 2, 1):
        for i in range(len(words) - size + 1):
            if any(used[i:i + size]):
                continue
            key = " ".join(lowered[i:i + size])
            person = names.person(key) if (size > 1 or words[i][:1].isupper()) else None
            place = names.place_keys.get(key)
            if not place and not person and words[i][:1].isupper():
                place = _state_asked(" ".join(words[i:i + size]))
            pair = _people_joined(key, names) if words[i][:1].isupper() else []
            if person and place and not _known_place(place):
                place = None  # a name filed both ways (a person tagged GPE) is a person unless a known place
            people, places = q.people, q.places
            if all(referred[i:i + size]):
                people, places = [], []  # a name of the event of reference: known, but no constraint
            if pair and not (place and _known_place(place)):
                for p in pair:  # "the Boric-Lula talks": two people, not a place
                    if p not in people:
                        people.append(p)
            elif person and not place:
                if person not in people:
                    people.append(person)
            elif place and (size > 1 or words[i][:1].isupper()):
                if place not in places:
                    places.append(place)
            else:
                continue
            for j in range(i, i + size):
                used[j] = True
    vocab = _vocabulary(idx)
    skip = {w.lower() for w in data("question_words")}
    for i, w in enumerate(words):
        if used[i] or i == 0 or not w[:1].isupper() or w.lower() in skip or w.lower().rstrip(".") in MONTH_WORDS:
            continue  # a month is a date asked ("in April 2016"), matched by the dates, not a name
        toks = tokenize([fold(w)])[0]
        if toks and not any(t in vocab for t in toks):
            q.unknown_names.append(w)
    said_by = _SOURCE.search(question)
    if said_by:
        q.source = said_by.group(1).strip()
        low = q.source.lower()
        q.people = [p for p in q.people if not word_in(surname(p), low)]
    asked = question
    for s, e, _ in sorted(spans, reverse=True):  # the words of a phrase of reference are not the answer's
        asked = asked[:s] + asked[e:]
    q.terms = [t for t in dict.fromkeys(tokenize([fold(asked)])[0]) if t not in stems("question_words")]
    if q.wants == "duration":  # "how long": the length is what is asked, not a word to find
        q.terms = [t for t in q.terms if t not in stems("duration_words")]
    m = re.search(r"\b(?:about|on|regarding|concerning|of)\s+(.+?)[?.!]*$", question, re.I)
    if q.kind == "quote" and m:
        q.subject = m.group(1).strip()
    return q


def _state_asked(phrase: str) -> str | None:
    """A state the question names by its own name ("Kenya", "the United States"), though the corpus only writes
    its demonym ("Kenyan President ..."): the state's short name. A demonym is a word, not a place."""
    if not is_state_name(phrase):
        return None
    code = state_of(phrase)
    if not code or (demonym(code) or "").lower().rstrip("s") == phrase.lower().rstrip("s"):
        return None
    return state_name(code)


def _known_place(name: str) -> bool:
    """A state, or a city the gazetteer knows: a place whatever else the corpus files it as."""
    return bool(state_code(name) or city_state(name))


def _people_joined(key: str, names: Names) -> list[str]:
    """The people of a hyphenated pair of names ("boric-lula"), when each part names one."""
    parts = key.split("-")
    if len(parts) < 2:
        return []
    people = [names.person(p) for p in parts]
    return [p for p in people if p] if all(people) else []


def _vocabulary(idx: Index) -> set[str]:
    cached = getattr(idx, "_vocab", None)
    if cached is None:
        cached = set()
        for seg in idx.segments:
            if seg.bm25 is not None:
                cached.update(seg.bm25.vocab_dict.keys())
        cached |= {fold(t) for t in cached}  # the index keeps accents; a question may leave them out
        idx._vocab = cached  # type: ignore[attr-defined]
    return cached


_VALUE = re.compile(r"^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|W(\d{2})|Q([1-4])|H([12])))?")


def value_start(value: str) -> date | None:
    """The first day a TIMEX3 value covers (2019-10-05, 2019-10, 2019, 2019-W39, 2019-Q3, 2019-H2); None when
    it has no year (XXXX-04-22) or is no date (PRESENT_REF, P2D)."""
    m = _VALUE.match(value or "")
    rest = value[m.end():] if m else ""
    if not m or (rest and not rest.startswith(("T", "-WE"))):  # a season ("2023-FA") starts no known day
        return None
    year = int(m.group(1))
    try:
        if m.group(4):
            return date.fromisocalendar(year, int(m.group(4)), 1)
        if m.group(5):
            return date(year, 3 * int(m.group(5)) - 2, 1)
        if m.group(6):
            return date(year, 1 if m.group(6) == "1" else 7, 1)
        return date(year, int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


# "before Iwaya's January 2025 trip", "shortly before their October 2019 talks in New Delhi": a phrase that names
# the event of reference, from the word of relation to the end of its clause
_RELATION = re.compile(r"\b(before|after|prior to|ahead of|following)\s+([^,;?!.]+)", re.I)
_RELATIONS = {"before": "before", "prior to": "before", "ahead of": "before", "after": "after",
              "following": "after"}


def reference_spans(question: str, dates: list[DateWanted]) -> list[tuple[int, int, str]]:
    """(start, end, relation) of each phrase of reference that holds a date asked ("before Iwaya's January 2025
    trip"); a phrase without a date ("before meeting in Brussels") names no point in time and is no reference."""
    out = []
    for m in _RELATION.finditer(question):
        phrase = m.group(2)
        if any(d.text and d.text in phrase for d in dates):
            out.append((m.start(2), m.end(2), _RELATIONS[m.group(1).lower()]))
    return out


def _dates(question: str) -> list[DateWanted]:
    found: list[tuple[int, DateWanted]] = []
    for m in _DAY_MONTH.finditer(question):
        day = m.group(1) or m.group(4)
        month = m.group(2) or m.group(3)
        found.append((m.start(), DateWanted(year=m.group(5), month=_month(month), day=int(day), text=m.group(0))))
    taken = " ".join(d.text for _, d in found)
    for m in _MONTH_YEAR.finditer(question):
        if m.group(0) not in taken:
            found.append((m.start(), DateWanted(year=m.group(2), month=_month(m.group(1)), text=m.group(0))))
    taken = " ".join(d.text for _, d in found)
    for m in _YEAR.finditer(question):
        if m.group(0) not in taken:
            found.append((m.start(), DateWanted(year=m.group(0), text=m.group(0))))
    spans = reference_spans(question, [d for _, d in found])
    out = []
    for at, d in found:
        relation = next((rel for s, e, rel in spans if s <= at < e), "on")
        out.append(replace(d, relation=relation) if relation != "on" else d)
    return out


def _month(name: str) -> int:
    return MONTH_WORDS[name.lower().rstrip(".")]


def fold(text: str) -> str:
    """``text`` without accents ("Şahin" -> "Sahin", "Türkiye" -> "Turkiye"): a name matches however an
    outlet spells its letters."""
    if text.isascii():
        return text
    text = text.replace("ı", "i").replace("İ", "I")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


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

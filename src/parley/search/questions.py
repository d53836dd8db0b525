"""Question understanding: what kind of question, and which people, places, dates and words it is about.

The rules are data (``search/data/*.txt``, read by ``wording``); the names come from the store (``question_names``),
the dates from the question's words (``question_dates``), so nothing here knows any particular leader or country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from parley.search.index import Index, tokenize
from parley.search.lemmas import lemma_stems
from parley.search.question_dates import (DATE_IN_TEXT, MONTH_WORDS, MONTHS, DateWanted, _dates, period_end,
                                          reference_spans, value_start)
from parley.search.question_names import (TITLES, Names, _is_proper, _known_place, _only_titles, _people_joined,
                                          _state_asked, fold, names_of, state_of, surname, word_in)
from parley.search.wording import data, function_stems, stems

__all__ = ["DATE_IN_TEXT", "MONTHS", "MONTH_WORDS", "TITLES", "DateWanted", "Names", "Question", "classify", "data",
           "fold", "function_stems", "names_of", "parse", "period_end", "reference_spans", "state_of", "stems",
           "surname", "value_start", "word_in", "_dates", "_is_proper", "_known_place", "_only_titles",
           "_people_joined", "_state_asked"]


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


@lru_cache(maxsize=1)
def kind_rules() -> tuple[tuple[str, re.Pattern], ...]:
    rules = []
    for line in data("question_kinds"):
        kind, _, pattern = line.partition("|")
        rules.append((kind.strip(), re.compile(pattern.strip(), re.I)))
    return tuple(rules)


def classify(question: str) -> str:
    for kind, pattern in kind_rules():
        if pattern.search(question):
            return kind
    return "passage"


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
    focus: str | None = None  # "what gift ...", "which projects ...": the stem of the kind of thing asked for


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
    skip_terms = stems("question_words") | function_stems()
    q.terms = [t for t in dict.fromkeys(lemma_stems(tokenize([fold(asked)])[0])) if t not in skip_terms]
    if q.wants == "duration":  # "how long": the length is what is asked, not a word to find
        q.terms = [t for t in q.terms if t not in stems("duration_words")]
    named = [used[i] and not dated_word for i, dated_word in enumerate(
        w.lower().rstrip(".") in MONTH_WORDS for w in lowered)]
    q.focus = _focus(question, skip_terms, words, named) if q.wants is None else None
    m = re.search(r"\b(?:about|on|regarding|concerning|of)\s+(.+?)[?.!]*$", question, re.I)
    if q.kind == "quote" and m:
        q.subject = m.group(1).strip()
    return q


_FOCUS = re.compile(r"^\s*(?:(?:in|on|at|for|to|with|from|by)\s+)?(?:what|which)\s+([^\W\d_][\w-]*)", re.I)
_AUXILIARY = re.compile(r"^(?:did|does|do|will|would|can|could|should|has|have|had)$", re.I)


def _focus(question: str, skip: frozenset[str], words: list[str], named: list[bool]) -> str | None:
    """What the answer must be about, stemmed: the noun after a leading "what" or "which" ("What gift did ...",
    "Which projects ..."), or for "what did X do" the verb after the people and places named ("What did Trump
    ask Marcos about"); None for every other question. Titles ("President") are no verb."""
    m = _FOCUS.match(question)
    if not m:
        return None
    at = next((i for i, w in enumerate(words) if w == m.group(1)), len(words))
    if _AUXILIARY.match(m.group(1)):
        at += 1
    # the first word from there that is no name, title or adjective of a state ("Which Australian ministers")
    for i in range(at, len(words)):
        if named[i] or words[i][:1].isupper() or words[i].lower() in TITLES:
            continue
        toks = lemma_stems(tokenize([fold(words[i])])[0])
        return toks[0] if len(toks) == 1 and toks[0] not in skip else None
    return None


def _vocabulary(idx: Index) -> set[str]:
    """Every stem the index's BM25 segments hold, with and without accents, built once per index."""
    return idx.derived("vocabulary", _build_vocabulary)


def _build_vocabulary(idx: Index) -> set[str]:
    vocab: set[str] = set()
    for seg in idx.segments:
        if seg.bm25 is not None:
            vocab.update(seg.bm25.vocab_dict.keys())
    return vocab | {fold(t) for t in vocab}  # the index keeps accents; a question may leave them out

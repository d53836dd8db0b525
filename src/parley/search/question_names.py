"""The people and places a question can name: those the corpus knows (people, entities, event locations), keyed
by the ways the corpus writes them, and the states the knowledge tables name; nothing here knows any particular
leader or country."""

from __future__ import annotations

import unicodedata

from nameparser.config import CONSTANTS

from parley.knowledge.places import city_state
from parley.knowledge.states import demonym, is_state_name, state_code, state_name
from parley.search.index import Index
from parley.search.wording import data


TITLES = frozenset(CONSTANTS.titles)  # nameparser's titles: "president", "minister", "sheikh"


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


def names_of(idx: Index) -> Names:
    """The index's name tables, built on first use and kept with that index (``Index.derived``): the index
    loaded after an ingest builds its own, and no other index can ever be handed this one's."""
    return idx.derived("question_names", Names)


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

"""The patterns person extraction shares: the shape of a name's words and particles ("von der Leyen", "al-Sisi"),
pronouns and their gender, and the role patterns built once from the lexicons' role expression (a title right
before a name, before a comma, after "the"; "the presidents of A and B, X and Y").
"""

from __future__ import annotations

import re

__all__ = ["OTHER_LABELS", "NAME_WORD", "PARTICLES", "UPPER", "CAP_WORD", "PARTICLE_TAIL", "HYPHEN_PARTICLE",
           "FUNCTION_WORDS", "COUNTERPART", "TRAILING_PARTICLES", "PARTICLE_HEAD", "INITIAL_NAME", "HYPHENATED_GIVEN",
           "GIVEN_PAIR", "AFTER_TITLE_NAME", "POSS", "PRONOUNS", "FEMALE_ROLE", "MALE_ROLE", "SUBJ_DEPS", "ELECT",
           "PRONOUN_RE", "GROUP_LED", "singular", "norm_role", "role_end", "role_end_comma", "role_phrase", "distrib"]

OTHER_LABELS = ("ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW")
NAME_WORD = re.compile(
    r"^(?:[A-Z][a-z’'-]*[a-z]|[A-Z]\.|[A-Z][a-z]*-[A-Z][a-z]+|[A-ZÀ-Ý][\w’'-]*"
    r"|(?:al|el|ad|an|ar|as|ash|at|az|ul|bin|ibn|abu|bint|d)[-’'][A-ZÀ-Ý][\w’'-]*)$")
# lower-case words inside names: "von der Leyen", "bin Salman", "Lula da Silva", "zu Guttenberg"
PARTICLES = {"bin", "ibn", "bint", "abu", "al", "el", "de", "da", "das", "dos", "do", "del", "della", "van", "von",
             "der", "den", "ter", "ten", "zu", "la", "le", "di", "du"}
UPPER = "A-ZÀ-ÖØ-Þ"
CAP_WORD = rf"(?:[{UPPER}][^\W\d_]+(?:-[{UPPER}]?[^\W\d_]+)?|(?:al|el|ad|an|ar|as|ash|at|az|ul)-[{UPPER}][^\W\d_]+)"
# particles, then a capitalised word: what a name the NER cut short still owes ("Ursula von der" + " Leyen")
PARTICLE_TAIL = re.compile(rf"(?:[ \t]+(?:{'|'.join(sorted(PARTICLES, key=len, reverse=True))}))+[ \t]+{CAP_WORD}"
                           rf"|[ \t]+(?:al|el|ad|an|ar|as|ash|at|az|ul)-[{UPPER}][^\W\d_]+")
HYPHEN_PARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ul)-", re.I)
FUNCTION_WORDS = {"the", "of", "and", "on", "for", "in", "at", "de", "&"}
# "his Japanese counterpart Fumio Kishida", "and Turkish counterpart Hakan Fidan", "his Saudi counterpart Prince Faisal"
COUNTERPART = re.compile(r"(?:\b(?:his|her|their|its)\s+)?(?:(?P<norp>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+)?"
                         r"(?<![\w-])counterparts?,?\s+(?:(?P<hon>[A-Z][a-z]+)\s+)?\Z")
TRAILING_PARTICLES = re.compile(rf"(?:[ \t]+(?:{'|'.join(sorted(PARTICLES, key=len, reverse=True))}))+\Z")
PARTICLE_HEAD = re.compile(rf"(?:(?<![\w-])(?:{'|'.join(sorted(PARTICLES, key=len, reverse=True))})[ \t]+)+\Z")
INITIAL_NAME = re.compile(r"(?<![\w.])([A-Z])\.\s?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
HYPHENATED_GIVEN = re.compile(rf"[{UPPER}][a-zà-ÿ]+-[{UPPER}][a-zà-ÿ]+")
# a capitalised word and the next ("Naledi Pandor"), at every word start (a lookahead: pairs may overlap)
GIVEN_PAIR = re.compile(rf"(?<![\w-])(?=([{UPPER}][^\W\d_]*(?:-[^\W\d_]+)?)[ \t]+"
                        rf"([{UPPER}][^\W\d_]*[a-zà-ÿ](?:-[{UPPER}]?[^\W\d_]+)?)(?![\w-]))")
AFTER_TITLE_NAME = re.compile(rf"[ \t]+((?:[{UPPER}][^\W\d_]*[a-zà-ÿ](?:-[{UPPER}][^\W\d_]+)?)"
                              rf"(?:[ \t]+[{UPPER}][^\W\d_]*[a-zà-ÿ](?:-[{UPPER}][^\W\d_]+)?){{0,2}})(?![\w-])")
POSS = re.compile(r"(?:['’]s?|s['’])$")
PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
FEMALE_ROLE = re.compile(r"woman\b|\bqueen\b|\bprincess\b|\bmother\b|\bdaughter\b|\bwife\b|\bsister\b", re.I)
MALE_ROLE = re.compile(r"\b\w*man\b|\bking\b|\bprince\b|\bfather\b|\bson\b|\bhusband\b|\bbrother\b", re.I)
SUBJ_DEPS = {"nsubj", "nsubjpass"}
ELECT = re.compile(r"(?<=[a-z])-elect[ \t]+\Z")
PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Ss]he|[Hh]er)\b")
GROUP_LED = re.compile(r"\b(?:group|delegation|team|number)\s+of\s+([a-z]+)\s+(?:led|headed)\s+by\s+\Z")


def singular(plural: str, gender: str | None) -> str:
    if plural.endswith("men"):
        return plural[:-3] + ("woman" if gender == "f" else "man")
    if plural.endswith("ies"):
        return plural[:-3] + "y"
    return plural[:-1] if plural.endswith("s") else plural


def norm_role(r: str) -> str:
    r = re.sub(r"^(?:the|a|an)\s+", "", r.strip().lower())
    return re.sub(r"\s+", " ", r).rstrip(",")


_CACHE: dict[str, re.Pattern] = {}


def role_end(L) -> re.Pattern:
    if "end" not in _CACHE:
        _CACHE["end"] = re.compile(L.role_re.pattern + r"[ \t]+\Z")
    return _CACHE["end"]


def role_end_comma(L) -> re.Pattern:
    if "comma" not in _CACHE:
        _CACHE["comma"] = re.compile(L.role_re.pattern + r"\s*,\s*(?:(?i:the)\s+)?\Z")
    return _CACHE["comma"]


def role_phrase(L) -> re.Pattern:
    if "phrase" not in _CACHE:
        _CACHE["phrase"] = re.compile(r"(?<![\w-])(?i:the)\s+" + L.role_re.pattern.replace(r"(?<![\w-])", "", 1))
    return _CACHE["phrase"]


def distrib(L) -> re.Pattern:
    if "distrib" not in _CACHE:
        name = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}"
        _CACHE["distrib"] = re.compile(
            rf"(?<![\w-])(?P<title>[A-Za-z]+(?:\s[A-Za-z]+)?)s\s+of\s+(?P<c1>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+and\s+"
            rf"(?P<c2>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?),\s+(?P<n1>{name})\s+and\s+(?P<n2>{name})"
        )
    return _CACHE["distrib"]

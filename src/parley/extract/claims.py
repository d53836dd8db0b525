"""Stance-bearing statements ("X may join Y", "X has no intention of joining Y") that other articles can confirm
or contradict. Predicates come from nlp/data/claim_predicates.txt, stance cues from nlp/data/claim_patterns.txt.

Each claim is a dict: key ("Azerbaijan|join|Eurasian Economic Union"), subject, predicate, object, stance
(possible | denied | affirmed | planned), start/end (the clause), text, speaker (a name or None).
Acronyms are folded to the long form the article spells out ("Eurasian Economic Union (EAEU)");
resolve.conflicts folds them across articles as well.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from parley.models import Article, Entity, Quote
from parley.nlp import lexicon

__all__ = ["extract_claims", "acronyms", "claim_key"]

_PRONOUNS = {"he", "she", "his", "her", "him"}


@lru_cache(maxsize=1)
def _predicates() -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for line in lexicon("claim_predicates"):
        base, _, forms = line.partition("\t")
        words = [base.strip()] + [f.strip() for f in forms.split(",") if f.strip()]
        words.sort(key=len, reverse=True)
        out.append((base.strip(), re.compile(r"\b(" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
                                             + r")\b", re.I)))
    return tuple(out)


@lru_cache(maxsize=1)
def _stances() -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for line in lexicon("claim_patterns"):
        stance, _, rx = line.partition("\t")
        out.append((stance.strip(), re.compile(rx.strip(), re.I)))
    return tuple(out)


@lru_cache(maxsize=1)
def _reporting() -> re.Pattern:
    words = sorted(lexicon("reporting_cues"), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def acronyms(text: str) -> dict[str, str]:
    """"Eurasian Economic Union (EAEU)" -> {"EAEU": "Eurasian Economic Union"}: the long form is the run of
    capitalised words (with of/and/the inside) whose initials spell the acronym."""
    out: dict[str, str] = {}
    for m in re.finditer(r"((?:[A-Z][\w-]*\s+(?:(?:of|and|for|the|on)\s+)*){1,8})\(([A-Z]{2,8})\)", text):
        words = m.group(1).split()
        acr = m.group(2)
        caps = [w for w in words if w[0].isupper()]
        for k in range(len(caps), 0, -1):
            tail = caps[-k:]
            if _spells(acr.lower(), [w.lower() for w in tail]):
                start = len(words) - 1 - words[::-1].index(tail[0])
                out[acr] = " ".join(words[start:])
                break
    return out


def _spells(acr: str, words: list[str]) -> bool:
    """Each word gives its initial and maybe more of its letters, in order: EAEU = "EurAsian Economic Union"."""
    if not words:
        return not acr
    if not acr or acr[0] != words[0][0]:
        return False
    word, rest = words[0], acr[1:]
    for used in range(0, len(rest) + 1):
        # letters rest[:used] must appear in order inside the rest of this word
        pos, ok = 1, True
        for ch in rest[:used]:
            pos = word.find(ch, pos) + 1
            if pos == 0:
                ok = False
                break
        if ok and _spells(rest[used:], words[1:]):
            return True
    return False


def claim_key(subject: str, predicate: str, obj: str) -> str:
    return f"{subject}|{predicate}|{obj}"


def _clean(name: str) -> str:
    name = re.sub(r"(?:'s|’s)$", "", name.strip())
    return re.sub(r"^(the|The)\s+", "", name).strip(" ,.")


def extract_claims(doc, entities: tuple[Entity, ...], quotes: tuple[Quote, ...], article: Article) -> tuple[dict[str, Any], ...]:
    text = doc.text  # computed once: spaCy rebuilds it on every access
    folds = acronyms(text)
    ents = [e for e in doc.ents if e.label_ in ("GPE", "ORG", "NORP", "PERSON", "LOC")]
    claims: list[dict[str, Any]] = []
    for sent in doc.sents:
        s0, s1 = sent.start_char, sent.end_char
        stext = text[s0:s1]
        for predicate, rx in _predicates():
            for pm in rx.finditer(stext):
                p0 = s0 + pm.start()
                obj = next((e for e in ents if e.start_char >= s0 + pm.end() and e.start_char <= s0 + pm.end() + 6
                            and e.label_ in ("ORG", "GPE")), None)
                subj = None
                for e in ents:
                    if s0 <= e.start_char and e.end_char <= p0 and e.label_ in ("GPE", "ORG", "PERSON"):
                        subj = e
                if obj is None or subj is None:
                    continue
                between = text[subj.end_char:p0]
                if len(between) > 80:
                    continue
                stance = None
                for name, srx in _stances():
                    if srx.search(between):
                        stance = name
                        break
                if stance is None:
                    continue
                obj_name = _clean(obj.text)
                obj_name = folds.get(obj_name, obj_name)
                # the parser can glue a headline's last word to the next paragraph's first ("Stoltenberg\n\nMoldova")
                start = max(subj.start_char, text.rfind("\n", 0, subj.end_char) + 1)
                if start >= subj.end_char:
                    continue
                subject = _clean(text[start:subj.end_char])
                end = obj.end_char
                claims.append({
                    "key": claim_key(subject, predicate, obj_name), "subject": subject, "predicate": predicate,
                    "object": obj_name, "stance": stance, "start": start, "end": end, "text": text[start:end],
                    "sentence": [s0, s1], "speaker": _speaker(doc, text, sent, entities, quotes, start, end),
                })
    return tuple(claims)


def _speaker(doc, text: str, sent, entities: tuple[Entity, ...], quotes: tuple[Quote, ...], start: int, end: int) -> str | None:
    for q in quotes:
        if q.start <= start and end <= q.end and q.speaker:
            return q.speaker
    s0, s1 = sent.start_char, sent.end_char
    cue = _reporting().search(text, s0, s1)
    if not cue:
        return None
    spans = sorted((m.start, m.end, e.name) for e in entities if e.type == "PERSON" for m in e.mentions)
    if not spans:
        spans = sorted((e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ == "PERSON")
    inside = [sp for sp in spans if s0 <= sp[0] < s1 and sp[0] < start]
    named = [sp for sp in inside if text[sp[0]:sp[1]].lower() not in _PRONOUNS]
    if named:
        return min(named, key=lambda sp: abs(sp[0] - cue.start()))[2]
    if inside:  # a pronoun the people step resolved
        return inside[-1][2]
    if re.search(r"\b(he|she)\b", text[max(s0, cue.start() - 12):cue.end() + 4], re.I):
        before = [sp for sp in spans if sp[1] <= s0 and text[sp[0]:sp[1]].lower() not in _PRONOUNS]
        if before:
            return before[-1][2]
    return None

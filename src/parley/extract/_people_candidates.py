"""Stage 1, candidates: spaCy's entities corrected by rules (place/demonym lexicons, role titles before a name,
given names, reporting verbs after), names the model cut short at a particle, and the initial forms ("H.
Mammadov") and given-name pairs the model misses; sources, venues and capitals in other spellings are no person
(_people_evidence).
"""

from __future__ import annotations

import re

from parley.extract._people_context import Context
from parley.extract._people_evidence import not_a_person, strip_leading_place
from parley.extract._people_patterns import (
    AFTER_TITLE_NAME,
    GIVEN_PAIR,
    HYPHENATED_GIVEN,
    INITIAL_NAME,
    NAME_WORD,
    OTHER_LABELS,
    PARTICLE_HEAD,
    PARTICLE_TAIL,
    PARTICLES,
    POSS,
    SUBJ_DEPS,
    TRAILING_PARTICLES,
    UPPER,
)
from parley.knowledge.people import surname_states

__all__ = ["Candidates"]


class Candidates(Context):
    """Stage 1: the (start, end, words) of every span that names a person."""

    def candidates(self) -> list[tuple[int, int, list[str]]]:
        text, out = self.text, []
        for s, e, label, first_the in self.ent_pieces():
            if first_the:
                s = first_the
            span = text[s:e]
            m = POSS.search(span)
            if m and len(span) > 3 and m.group(0) in ("'s", "’s", "'", "’"):
                e -= len(m.group(0))
                span = text[s:e]
            if label == "PERSON":  # "President Putin": the title is not part of the name
                while len(span.split()) > 1 and span.split()[0].lower().rstrip(".") in self.L.titles | self.L.honorifics:
                    lead = re.match(r"\S+\s+", span)
                    s += lead.end()
                    span = text[s:e]
            if label == "PERSON" or label in ("ORG", "NORP", "GPE", "PRODUCT", "FAC", "WORK_OF_ART", "LOC"):
                if label == "PERSON":
                    s, e = self.whole_name(s, e)
                cut = strip_leading_place(self, s, e)  # "President of Kazakhstan [Kazakhstan Kassym-Jomart Tokayev]"
                if cut != s and (label == "PERSON" or self.title_before(cut)):
                    words = self.name_words(text[cut:e])
                    if words and self.person_like(cut, e, text[cut:e], words, label):
                        out.append((cut, e, words))
                        continue
                span = text[s:e]
                words = self.name_words(span)
                if words and self.person_like(s, e, span, words, label):
                    out.append((s, e, words))
                    continue
            if label == "PERSON":
                label = "GPE" if span.lower() in self.L.places else "NORP" if self.is_place(span) else "ORG"
                if not self.is_place(span) and not self.org_context(s, e) and (s, e) not in self.cited:
                    continue  # an unconvincing PERSON: drop rather than guess
            if label in OTHER_LABELS or label in ("PRODUCT", "WORK_OF_ART"):
                self.nonperson_spans.append((s, e))
                if label in OTHER_LABELS:
                    self.others.append((s, e, label))
        for m in INITIAL_NAME.finditer(text):
            out.append((m.start(), m.end(), [m.group(1) + ".", m.group(2)]))
        for start, end, first, last in self.given_names(text):  # "Naledi Pandor, ..." that the model missed
            s, e = self.whole_name(start, end)
            if re.match(rf"[ \t]+[{UPPER}]", text[e:e + 2]):
                continue  # "the Heydar Aliyev International Airport": the name of something else
            before = re.search(rf"([{UPPER}][^\W\d_]*)[ \t]+\Z", text[max(0, s - 40):s])
            if before and any(self.is_place(f"{before.group(1)} {tail}") for tail in (first, f"{first} {last}")):
                continue  # "New York City": the end of a place's name, not a person's
            words = self.name_words(text[s:e])
            if words and not self.is_place(last) and not self.is_place(first) and not self.org_context(s, e) \
                    and words[-1].lower() not in self.L.org_nouns:
                out.append((s, e, words))
        for m in self.L.role_re.finditer(text):
            if m.group("comp"):
                tail = self.name_at_end(m.group("comp"), m.end())
                if tail:
                    out.append(tail)
                continue
            n = AFTER_TITLE_NAME.match(text, m.end())
            if n:
                words = n.group(1).split()
                while words and (self.is_place(words[-1]) or words[-1].lower() in self.L.org_nouns):
                    words.pop()
                if words and not self.is_place(" ".join(words)) and not any(w.lower() in self.L.titles for w in words):
                    s, e = self.whole_name(n.start(1), n.start(1) + len(" ".join(words)))
                    words = self.name_words(text[s:e]) or words
                    out.append((s, e, words))
        out.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        kept, last_end = [], -1
        for c in out:  # drop overlaps, keep the earliest, longest
            if c[0] >= last_end:
                kept.append(c)
                last_end = c[1]
        return kept

    def ent_pieces(self):
        """spaCy's entities, cut at line breaks: no name runs from a headline into the next paragraph."""
        text = self.text
        for ent in self.doc.ents:
            s, e = ent.start_char, ent.end_char
            first_the = ent[0].idx + len(ent[0]) + 1 if ent[0].lower_ == "the" and len(ent) > 1 else None
            if "\n" not in text[s:e]:
                yield s, e, ent.label_, first_the
                continue
            for m in re.finditer(r"[^\n]+", text[s:e]):
                a, b = s + m.start(), s + m.end()
                while a < b and text[a].isspace():
                    a += 1
                while b > a and text[b - 1].isspace():
                    b -= 1
                if b > a:
                    yield a, b, ent.label_, first_the if first_the and a <= first_the < b else None

    def whole_name(self, s: int, e: int) -> tuple[int, int]:
        """Complete a name the model cut short at a particle: "Ursula von der" -> "Ursula von der Leyen",
        "Mohammed Shia" -> "Mohammed Shia al-Sudani", "zu Guttenberg" -> "Karl-Theodor zu Guttenberg"."""
        text = self.text
        cut = TRAILING_PARTICLES.search(text, s, e)
        if cut and cut.start() > s:  # "Ursula von der": step back before the particles, then take the whole tail
            e = cut.start()
        for _ in range(2):
            m = PARTICLE_TAIL.match(text, e)
            if not m:
                break
            e = m.end()
        e = self.hyphen_tail(e)
        head = PARTICLE_HEAD.search(text, max(0, s - 20), s)
        if head:
            s = head.start()
        if text[s:e].split()[0] in PARTICLES:  # "zu Guttenberg": the given name before it, when capitalised
            b = re.search(rf"(?<![\w-])([{UPPER}][^\W\d_]+(?:-[{UPPER}][^\W\d_]+)?)[ \t]+\Z", text[max(0, s - 40):s])
            if b and b.group(1).lower() not in self.L.titles and not self.is_place(b.group(1)) \
                    and b.group(1).lower() not in ("the", "a", "an", "and", "but", "with", "by"):
                s = s - len(b.group(0))
        return s, e

    def hyphen_tail(self, e: int) -> int:
        """"Yoon Suk" + "-yeol", "Moon Jae" + "-in": the lower-case half of a hyphenated given name that the model left
        out of the name, when the parse makes it the head of the name's noun phrase (not the modifier of
        "Trump-era tariffs", "a Biden-backed bill")."""
        m = re.match(r"-[^\W\d_]+(?![\w-])", self.text[e:e + 20])
        if not m or not m.group(0)[1].islower():
            return e
        tok = self.token(e + 1)
        if tok is None or tok.idx + len(tok) != e + m.end() or tok.tag_ not in ("NN", "NNP"):
            return e
        return e if tok.dep_ in ("compound", "amod", "nmod", "npadvmod") else e + m.end()

    def given_names(self, text: str):
        """(start, end, given, family) of every capitalised word that is a known given name ("Naledi") followed by a
        capitalised word, or any such pair with a role in apposition after it, left to right without overlaps. A dictionary lookup per candidate pair: the list holds
        some 8,500 names (tools/build_first_names.py), too many for one alternation."""
        names = self.L.first_names
        end = 0
        for m in GIVEN_PAIR.finditer(text):
            first = m.group(1)
            if m.start() < end or first != first.capitalize():
                continue
            # a given name the list knows, or any name a role in apposition follows ("X Y, a senior fellow at ...")
            if first.lower() not in names and not self.L.appos_re.match(text, m.end(2)):
                continue
            last = m.group(2)
            cut = re.search(r"-[a-zà-ÿ]", last)  # "Whitfield-era", "Jae-in": whole_name's hyphen_tail decides
            if cut:
                last = last[:cut.start()]
            end = m.start(2) + len(last)
            yield m.start(), end, first, last

    def name_at_end(self, comp: str, end: int):
        """"Director of the Institute of Political Management Azer Gasimli": the role's complement swallowed the
        name; take its last two or three capitalised words back when they start with a given name."""
        words = comp.split()
        for k in (3, 2):
            tail = words[-k:]
            if len(words) > k and all(NAME_WORD.match(w) and w[0].isupper() for w in tail):
                if words[-k - 1][:1].islower() and words[-k - 1] not in ("of", "the", "and"):
                    continue
                if tail[0].lower() in self.L.first_names and not self.is_place(" ".join(tail)):
                    s = end - len(" ".join(tail))
                    if self.text[s:end] == " ".join(tail):
                        return (s, end, tail)
        return None

    def person_like(self, s: int, e: int, span: str, words: list[str], label: str) -> bool:
        if self.is_place(span) or any(self.is_place(w) for w in words if "-" not in w) and len(words) == 1:
            return False
        if not_a_person(self, s, e, span, words):
            self.cited.add((s, e))
            return False
        if any(w.lower() in self.L.org_nouns for w in words) or words[0].lower() in self.L.titles:
            return False
        if self.org_context(s, e):
            self.org_names.add(span.lower())
            return False
        if "-" in span and len(words) == 1:
            return False  # "Putin-Aliyev": a compound of names, resolved token by token later
        if label != "PERSON" and re.search(r"\b(?:at|of|for|from|in)\s+the\s+\Z", self.text[max(0, s - 30):s]):
            return False  # "a researcher at the Colegio de México, said": an organisation inside an apposition
        # a known given name, or a hyphenated given name before a surname the Phoenix dictionary gives a state
        # ("Kassym-Jomart Tokayev", "Frank-Walter Steinmeier": compounds too rare for the given-name list)
        known = words[0].lower() in self.L.first_names or len(words) > 1 and bool(
            HYPHENATED_GIVEN.fullmatch(words[0]) and surname_states(span))
        context = bool(self.title_before(s)) or self.followed_by_reporting(e) or known
        if label == "PERSON":
            return len(words) > 1 or context or self.looks_like_subject(s)
        return context and (len(words) > 1 or self.followed_by_reporting(e) or bool(self.title_before(s)))

    def looks_like_subject(self, s: int) -> bool:
        tok = self.token(s)
        if tok is None:
            return False
        head = tok
        while head.dep_ == "compound" and head.head is not head:
            head = head.head
        return head.dep_ in SUBJ_DEPS or (head.dep_ == "poss") or head.dep_ == "pobj" and head.head.lower_ == "by"

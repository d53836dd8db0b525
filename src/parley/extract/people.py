"""People (one canonical entity per person per article, with roles and every mention) and other named entities.

The stages, in order:
    1. candidates   spaCy's entities, corrected by rules (place/demonym lexicons, role titles before a name,
                    given names, reporting verbs after), plus initial forms ("H. Mammadov") the model misses;
                    sources, venues and capitals in other spellings are no person (_people_evidence)
    2. clusters     full names first, one cluster per person (spelling variants fold together; "Jr", "II" are no
                    surname); kin introduced as "X's father Y"; then single names to the most recent full-named
                    person with that surname, unless the article used the surname alone paragraphs before that
                    person came in (then it is a person of its own)
    3. roles        titles before a name ("Russian President Vladimir Putin"), chained with commas
                    ("Chairman of the X Party, MP Y"), appositions ("Y, a member of the Z Committee, said"),
                    never running over another name ("President of A X and President of B Y"); "-elect" kept;
                    plural titles ("former prime ministers X and Y"); counterparts ("Greek counterpart Y")
    4. role phrases "the writer", "the Russian leader", "the head of state" -> the person holding that role
    5. pronouns     he/she/his/her -> the most recent person who is a subject, outside quoted speech, and of
                    that sentence's subjects the main clause's ("He said Trump had asked ..." -> he, not Trump)
    6. the rest     ORG, GPE, LOC, FAC, NORP, EVENT, LAW merged by name
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from parley.extract._lexicons import fold, lexicons, token_index
from parley.extract._people_evidence import not_a_person, strip_leading_place
from parley.extract._quotemarks import find_marked, inside, paragraphs
from parley.knowledge.identity import name_parts, same_person
from parley.knowledge.people import surname_states
from parley.models import Entity, Mention

__all__ = ["extract_entities"]

OTHER_LABELS = ("ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW")
_NAME_WORD = re.compile(
    r"^(?:[A-Z][a-z’'-]*[a-z]|[A-Z]\.|[A-Z][a-z]*-[A-Z][a-z]+|[A-ZÀ-Ý][\w’'-]*"
    r"|(?:al|el|ad|an|ar|as|ash|at|az|ul|bin|ibn|abu|bint|d)[-’'][A-ZÀ-Ý][\w’'-]*)$")
# lower-case words inside names: "von der Leyen", "bin Salman", "Lula da Silva", "zu Guttenberg"
_PARTICLES = {"bin", "ibn", "bint", "abu", "al", "el", "de", "da", "das", "dos", "do", "del", "della", "van", "von",
              "der", "den", "ter", "ten", "zu", "la", "le", "di", "du"}
_UP = "A-ZÀ-ÖØ-Þ"
_CAP_WORD = rf"(?:[{_UP}][^\W\d_]+(?:-[{_UP}]?[^\W\d_]+)?|(?:al|el|ad|an|ar|as|ash|at|az|ul)-[{_UP}][^\W\d_]+)"
# particles, then a capitalised word: what a name the NER cut short still owes ("Ursula von der" + " Leyen")
_PARTICLE_TAIL = re.compile(rf"(?:[ \t]+(?:{'|'.join(sorted(_PARTICLES, key=len, reverse=True))}))+[ \t]+{_CAP_WORD}"
                            rf"|[ \t]+(?:al|el|ad|an|ar|as|ash|at|az|ul)-[{_UP}][^\W\d_]+")
_HYPHEN_PARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ul)-", re.I)
_FUNCTION_WORDS = {"the", "of", "and", "on", "for", "in", "at", "de", "&"}
# "his Japanese counterpart Fumio Kishida", "and Turkish counterpart Hakan Fidan", "his Saudi counterpart Prince Faisal"
_COUNTERPART = re.compile(r"(?:\b(?:his|her|their|its)\s+)?(?:(?P<norp>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+)?"
                          r"(?<![\w-])counterparts?,?\s+(?:(?P<hon>[A-Z][a-z]+)\s+)?\Z")
_TRAILING_PARTICLES = re.compile(rf"(?:[ \t]+(?:{'|'.join(sorted(_PARTICLES, key=len, reverse=True))}))+\Z")
_PARTICLE_HEAD = re.compile(rf"(?:(?<![\w-])(?:{'|'.join(sorted(_PARTICLES, key=len, reverse=True))})[ \t]+)+\Z")
_INITIAL_NAME = re.compile(r"(?<![\w.])([A-Z])\.\s?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
_HYPHENATED_GIVEN = re.compile(rf"[{_UP}][a-zà-ÿ]+-[{_UP}][a-zà-ÿ]+")
# a capitalised word and the next ("Naledi Pandor"), at every word start (a lookahead: pairs may overlap)
_GIVEN_PAIR = re.compile(rf"(?<![\w-])(?=([{_UP}][^\W\d_]*(?:-[^\W\d_]+)?)[ \t]+"
                         rf"([{_UP}][^\W\d_]*[a-zà-ÿ](?:-[{_UP}]?[^\W\d_]+)?)(?![\w-]))")
_AFTER_TITLE_NAME = re.compile(rf"[ \t]+((?:[{_UP}][^\W\d_]*[a-zà-ÿ](?:-[{_UP}][^\W\d_]+)?)"
                               rf"(?:[ \t]+[{_UP}][^\W\d_]*[a-zà-ÿ](?:-[{_UP}][^\W\d_]+)?){{0,2}})(?![\w-])")
_POSS = re.compile(r"(?:['’]s?|s['’])$")
_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_FEMALE_ROLE = re.compile(r"woman\b|\bqueen\b|\bprincess\b|\bmother\b|\bdaughter\b|\bwife\b|\bsister\b", re.I)
_MALE_ROLE = re.compile(r"\b\w*man\b|\bking\b|\bprince\b|\bfather\b|\bson\b|\bhusband\b|\bbrother\b", re.I)
_SUBJ_DEPS = {"nsubj", "nsubjpass"}
_ELECT = re.compile(r"(?<=[a-z])-elect[ \t]+\Z")
_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Ss]he|[Hh]er)\b")


@dataclass
class _Person:
    first: str | None
    last: str
    name: str
    start: int  # first mention
    derived: bool = False  # introduced only through a relative ("X's father Y"): never gets bare-surname mentions
    gender: str | None = None
    roles: list[tuple[int, str]] = field(default_factory=list)  # (offset where stated, role)
    mentions: dict[tuple[int, int], str] = field(default_factory=dict)  # (start, end) -> kind: name|role|pronoun
    words: tuple[str, ...] = ()  # the words of the full name, particles included

    def word_keys(self) -> set[str]:
        """Folded words of the full name a bare mention may use, in any position (Xi Jinping -> Xi, Kim Jong Un
        -> Kim, Abdel Fattah al-Sisi -> Sisi); particles and initials are not names on their own."""
        out = set()
        for w in self.words:
            if w.lower() in _PARTICLES or len(w.rstrip(".")) < 2:
                continue
            out.add(fold(w))
            if _HYPHEN_PARTICLE.match(w):
                out.add(fold(_HYPHEN_PARTICLE.sub("", w)))
        return out

    def surname_keys(self) -> set[str]:
        return {fold(self.last), fold(_HYPHEN_PARTICLE.sub("", self.last))}

    def add(self, s: int, e: int, kind: str = "name") -> None:
        self.mentions.setdefault((s, e), kind)
        self.start = min(self.start, s)

    def role_list(self) -> list[str]:
        seen, out = set(), []
        for _, r in sorted(self.roles):
            if r.lower() not in seen:
                seen.add(r.lower())
                out.append(r)
        return out


def extract_entities(doc) -> tuple[Entity, ...]:
    return _Extractor(doc).run()


class _Extractor:
    def __init__(self, doc):
        self.doc = doc
        self.text = doc.text
        self.L = lexicons()
        self.paras = paragraphs(self.text)
        marked = find_marked(self.text)
        self.quoted = sorted((m.start, m.end) for m in marked if m.nested_in is None)
        self.people: list[_Person] = []
        self.by_key: dict[tuple[str, str], _Person] = {}
        self.taken: list[tuple[int, int]] = []  # person name spans, to avoid double counting
        self.nonperson_spans: list[tuple[int, int]] = []
        self.others: list[tuple[int, int, str]] = []
        self._subj: dict[tuple[int, int], bool] = {}
        self.org_names: set[str] = set()  # names seen in an organisation context ("correspondents of X")
        self.cited: set[tuple[int, int]] = set()  # PERSON spans shown to be a source, a venue or a place
        # char -> token index, for dependency look-ups
        self.tok_starts, _ = token_index(doc)
        self.tok_at = {idx: i for i, idx in enumerate(self.tok_starts)}
        self.para_starts = [lo for lo, _ in self.paras]

    # ---- helpers -------------------------------------------------------------------------------------------
    def para_of(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.para_starts, pos) - 1
        return self.paras[k] if k >= 0 else (0, len(self.text))

    def token(self, pos: int):
        i = self.tok_at.get(pos)
        return self.doc[i] if i is not None else None

    def is_place(self, s: str) -> bool:
        low = s.lower()
        return low in self.L.places or low in self.L.demonym_country or low.rstrip("s") in self.L.demonym_country

    def name_words(self, s: str) -> list[str] | None:
        words = s.split()
        if not 1 <= len(words) <= 6 or len([w for w in words if w not in _PARTICLES]) > 4:
            return None
        for w in words:
            if w.lower() in _PARTICLES:
                continue
            if not _NAME_WORD.match(w) or any(ch.isdigit() for ch in w):
                return None
        return words

    def next_word(self, e: int) -> str:
        m = re.match(r"\s*([\w-]+)", self.text[e:e + 40])
        return m.group(1).lower() if m else ""

    def prev_words(self, s: int, n: int = 2) -> list[str]:
        return re.findall(r"[\w'’-]+", self.text[max(0, s - 60):s])[-n:]

    def org_context(self, s: int, e: int) -> bool:
        """A name the words around make an organisation's: "Kyodo news agency", "the Kaspi newspaper",
        "correspondents of X", and a name right after its kind ("the state news agency SPA", "state TV Al
        Ekhbariya")."""
        nxt = re.match(r"\s*([\w-]+)(?:\s+([a-z][\w-]*))?", self.text[e:e + 60])
        if nxt and nxt.group(1).lower() in self.L.org_nouns:
            return True
        if nxt and nxt.group(1).islower() and (nxt.group(2) or "") in self.L.org_nouns:
            tok = self.token(e + nxt.start(1))
            if tok is not None and tok.pos_ == "NOUN":  # "Kyodo news agency", not "X visited hospital"
                return True
        written = self.prev_words(s, 1)
        if written and written[0].lower() in self.L.org_nouns and (written[0].islower() or written[0].isupper()) \
                and re.search(r"[\w-][ \t]+\Z", self.text[max(0, s - 3):s]):
            return True  # "news agency SPA", "state TV X"; not "at the Foreign Affairs Ministry Abdul Kadir Jailani"
        prev = [w.lower() for w in self.prev_words(s, 2)]
        return len(prev) == 2 and prev[1] == "of" and prev[0] in self.L.org_nouns

    def followed_by_reporting(self, e: int) -> bool:
        tok = None
        m = re.match(r"[\s,]*", self.text[e:e + 5])
        tok = self.token(e + m.end()) if m else None
        if tok is not None and tok.pos_ == "ADV" and tok.i + 1 < len(self.doc):
            tok = self.doc[tok.i + 1]
        return bool(tok is not None and tok.lemma_.lower() in self.L.reporting and tok.pos_ in ("VERB", "AUX"))

    def title_before(self, s: int) -> re.Match | None:
        lo = max(self.para_of(s)[0], s - 250)
        window = self.text[lo:s]
        m = _role_end(self.L).search(window)
        if m and m.group("comp") and m.group("comp").split()[-1] in _FUNCTION_WORDS:
            return None  # "a researcher at the Colegio de México": the name is the organisation's
        return m

    # ---- 1. candidates ---------------------------------------------------------------------------------------
    def candidates(self) -> list[tuple[int, int, list[str]]]:
        text, out = self.text, []
        for s, e, label, first_the in self.ent_pieces():
            if first_the:
                s = first_the
            span = text[s:e]
            m = _POSS.search(span)
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
        for m in _INITIAL_NAME.finditer(text):
            out.append((m.start(), m.end(), [m.group(1) + ".", m.group(2)]))
        for start, end, first, last in self.given_names(text):  # "Naledi Pandor, ..." that the model missed
            s, e = self.whole_name(start, end)
            if re.match(rf"[ \t]+[{_UP}]", text[e:e + 2]):
                continue  # "the Heydar Aliyev International Airport": the name of something else
            before = re.search(rf"([{_UP}][^\W\d_]*)[ \t]+\Z", text[max(0, s - 40):s])
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
            n = _AFTER_TITLE_NAME.match(text, m.end())
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
        cut = _TRAILING_PARTICLES.search(text, s, e)
        if cut and cut.start() > s:  # "Ursula von der": step back before the particles, then take the whole tail
            e = cut.start()
        for _ in range(2):
            m = _PARTICLE_TAIL.match(text, e)
            if not m:
                break
            e = m.end()
        e = self.hyphen_tail(e)
        head = _PARTICLE_HEAD.search(text, max(0, s - 20), s)
        if head:
            s = head.start()
        if text[s:e].split()[0] in _PARTICLES:  # "zu Guttenberg": the given name before it, when capitalised
            b = re.search(rf"(?<![\w-])([{_UP}][^\W\d_]+(?:-[{_UP}][^\W\d_]+)?)[ \t]+\Z", text[max(0, s - 40):s])
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
        for m in _GIVEN_PAIR.finditer(text):
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
            if len(words) > k and all(_NAME_WORD.match(w) and w[0].isupper() for w in tail):
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
            _HYPHENATED_GIVEN.fullmatch(words[0]) and surname_states(span))
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
        return head.dep_ in _SUBJ_DEPS or (head.dep_ == "poss") or head.dep_ == "pobj" and head.head.lower_ == "by"

    # ---- 2. clusters -----------------------------------------------------------------------------------------
    def cluster(self, cands) -> None:
        singles, multi = [], []
        for s, e, words in cands:
            if self.text[s:e].lower() in self.org_names:
                continue
            core = [w for w in words if w.lower().rstrip(".") not in self.L.honorifics]
            if len(core) >= 2:
                multi.append((s, e, core))
            elif core:
                singles.append((s, e, core[0]))
        # longest names first, so that "Lula da Silva" or "Bin Salman" finds the full name it is part of
        for s, e, core in sorted(multi, key=lambda c: (-len(c[2]), c[0])):
            first, last = core[0], core[-1]
            if len(core) > 2 and name_parts(" ".join(core)).suffix:  # "Ferdinand Marcos Jr": the surname is Marcos
                last = core[-2]
            if first.endswith(".") and len(first) == 2:
                p = self.initial_match(first[0], last) or self.new_person(None, last, f"{first} {last}", s)
                if p.first is None:
                    p.first = first
            else:
                p = self.containing(core)
                if p is None and first.lower() in _PARTICLES:  # "von der Leyen" with no full name
                    key = ("", fold(" ".join(core)))
                    p = self.by_key.get(key) or self.new_person(None, " ".join(core), " ".join(core), s)
                    self.by_key[key] = p
                elif p is None:
                    key = (fold(first), fold(last))
                    p = self.by_key.get(key)
                    if p is None:
                        p = self.initial_person(first, last) or self.new_person(first, last, " ".join(core), s)
                        self.by_key[key] = p
            p.add(s, e)
            self.taken.append((s, e))
        self.known_names_in_other_entities()
        self.kin()
        self.name_tails()
        self.single_names(singles)

    def containing(self, core: list[str]) -> _Person | None:
        """The one person already seen that this name is, by the person identity: a shorter form of a longer name
        ("Tayyip Erdogan", "Abiy Ahmed"), the family name first, a hyphen or a full stop written otherwise. An initial
        form ("F. Sadikhov") is left to initial_person, which gives it the full name."""
        name = " ".join(core)
        found = [p for p in self.people if not name_parts(p.name).partial and same_person(name, p.name)]
        return found[0] if len(found) == 1 else None

    def name_tails(self) -> None:
        """Surnames of several words used alone: "von der Leyen", "bin Salman", "Lula da Silva", "López Obrador"."""
        taken = sorted(self.taken)
        for p in list(self.people):
            words = list(p.words)
            if len(words) < 3 or p.derived or not p.first:
                continue
            tails = set()
            for i, w in enumerate(words[1:], 1):
                if w.lower() in _PARTICLES:
                    tails.add(" ".join(words[i:]))
                    if i >= 2:
                        tails.add(" ".join(words[i - 1:]))
                    break
            else:
                tails.add(" ".join(words[-2:]))
            for tail in tails:
                pat = re.compile(rf"(?<![\w-])(?i:{re.escape(tail[0])}){re.escape(tail[1:])}(?![\w-])")
                for m in pat.finditer(self.text):
                    if not inside(taken, m.start()):
                        p.add(m.start(), m.end())
                        self.taken.append((m.start(), m.end()))
            taken = sorted(self.taken)

    def known_names_in_other_entities(self) -> None:
        """A full name the model labelled ORG once and PERSON elsewhere is the same person everywhere."""
        keep_others, keep_spans = [], []
        for s, e, label in self.others:
            words = self.text[s:e].split()
            p = self.by_key.get((fold(words[0]), fold(words[-1]))) if len(words) >= 2 else None
            if p is not None and not inside(sorted(self.taken), s):
                p.add(s, e)
                self.taken.append((s, e))
            else:
                keep_others.append((s, e, label))
        taken = sorted(self.taken)
        self.others = keep_others
        self.nonperson_spans = [(s, e) for s, e in self.nonperson_spans if not inside(taken, s)]

    def new_person(self, first, last, name, s, derived=False) -> _Person:
        p = _Person(first, last, name, s, derived, words=tuple(name.split()))
        if first and not first.endswith("."):
            p.gender = {"m": "m", "f": "f"}.get(self.L.first_names.get(first.lower(), ""))
        self.people.append(p)
        return p

    def initial_match(self, initial: str, last: str) -> _Person | None:
        for p in self.people:
            if fold(p.last) == fold(last) and p.first and p.first[0] == initial:
                return p
        return None

    def initial_person(self, first: str, last: str) -> _Person | None:
        """A full name seen after an initial form ("F. Sadikhov" ... "Fikret Sadikhov") joins it."""
        for p in self.people:
            if fold(p.last) == fold(last) and p.first and p.first.endswith(".") and p.first[0] == first[0]:
                p.first, p.name = first, f"{first} {last}"
                p.words = (first, last)
                return p
        return None

    def by_surname(self, word: str, pos: int, include_derived: bool = False) -> _Person | None:
        f = fold(word)
        f2 = fold(_HYPHEN_PARTICLE.sub("", word))
        cands = [p for p in self.people if p.surname_keys() & {f, f2} and (include_derived or not p.derived)]
        if not cands:
            cands = [p for p in self.people if p.first and fold(p.first) == f and p.derived]
            if len(cands) == 1:
                return cands[0]
            # any word of exactly one full name: Xi (Jinping), Kim (Jong Un), Lula (da Silva), Prince Faisal
            if self.is_place(word):
                return None
            cands = [p for p in self.people if p.first and not p.derived and p.word_keys() & {f, f2}]
            return cands[0] if len(cands) == 1 else None
        if len(cands) == 1:
            return None if self.introduced_later(cands[0], word, pos) else cands[0]

        def last_before(p: _Person) -> int:
            before = [a for (a, _), k in p.mentions.items() if a < pos and k == "name"]
            return max(before) if before else -1

        scored = sorted(cands, key=lambda p: (last_before(p), len(p.mentions)), reverse=True)
        if last_before(scored[0]) >= 0:
            return scored[0]
        return max(cands, key=lambda p: (len(p.mentions), -p.start))

    def introduced_later(self, p: _Person, word: str, pos: int) -> bool:
        """A surname the article uses on its own, again and again, paragraphs before the only full name that has it
        ("President Marcos said ..." long before "former first lady Imelda Marcos"): another person of that name,
        not the one introduced later."""
        if p.start <= pos or self._para_index(p.start) - self._para_index(pos) <= 2:
            return False
        again = re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", self.text[pos:p.start])
        return len(again) >= 2

    def kin(self) -> None:
        kin = "|".join(sorted(self.L.kinship, key=len, reverse=True))
        pat = re.compile(rf"\b([A-Z][\w-]+)['’]s\s+(?:late\s+)?({kin})\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")
        for m in pat.finditer(self.text):
            owner = self.by_surname(m.group(1), m.start())
            if owner is None:
                continue
            owner.add(m.start(1), m.end(1))
            words = m.group(3).split()
            first, last = words[0], words[-1] if len(words) > 1 else owner.last
            key = (fold(first), fold(last))
            p = self.by_key.get(key) or self.new_person(first, last, f"{first} {last}", m.start(3), derived=len(words) == 1)
            self.by_key[key] = p
            p.add(m.start(3), m.end(3))
            p.roles.append((m.start(3), f"{m.group(2).lower()} of {owner.name}"))
            if m.group(2).lower() in ("father", "son", "brother", "husband", "uncle", "nephew", "grandfather", "grandson"):
                p.gender = "m"
            elif m.group(2).lower() not in ("cousin",):
                p.gender = "f"
            self.taken.append((m.start(1), m.end(1)))
            self.taken.append((m.start(3), m.end(3)))

    def single_names(self, singles) -> None:
        taken = sorted(self.taken)
        blocked = [(s, e) for s, e in self.nonperson_spans if self._blocks(s, e)]
        known = {fold(p.last) for p in self.people} | {fold(p.first) for p in self.people if p.first and p.derived}
        known |= {k for p in self.people if p.first and not p.derived for k in p.surname_keys() | p.word_keys()}
        known -= {fold(w) for p in self.people for w in p.words if self.is_place(w)}
        positions = {s: (s, e, w) for s, e, w in singles}
        spots = dict(positions)
        for m in re.finditer(rf"(?<![\w-])(?:(?i:al|el|ad|an|ar|as|ash|at|az|ul)-)?[{_UP}][^\W\d_]*[a-zà-ÿ][^\W\d_]*",
                             self.text):
            w = m.group(0)
            if m.start() not in spots and fold(w) in known and m.start() in self.tok_at:
                spots[m.start()] = (m.start(), m.end(), w)
        for pos in sorted(spots):
            s, e, w = spots[pos]
            if pos not in positions and not w.replace("-", "").isalpha():
                continue
            if inside(taken, s) or any(a <= s < b for a, b in blocked):
                continue
            p = self.by_surname(w, s)
            if p is None:
                if pos not in positions:
                    continue
                key = ("", fold(w))
                p = self.by_key.get(key) or self.new_person(None, w, w, s)
                self.by_key[key] = p
                known.add(fold(w))
            p.add(s, e)

    def _blocks(self, s: int, e: int) -> bool:
        """A non-person entity hides the names inside it ("Heydar Aliyev International Airport") unless it is only
        names joined by hyphens ("the Putin-Aliyev talks")."""
        words = [w for w in re.split(r"[\s-]+", self.text[s:e]) if w and w.lower() != "the"]
        words = [re.sub(r"['’]s$", "", w) for w in words]
        return len(words) >= 2 and not all(any(fold(w) == fold(p.last) for p in self.people) for w in words)

    # ---- 3. roles --------------------------------------------------------------------------------------------
    def roles(self) -> None:
        for p in self.people:
            for (s, e), kind in list(p.mentions.items()):
                if kind != "name":
                    continue
                elect = _ELECT.search(self.text, max(0, s - 12), s)
                prefix = self.prefix_roles(elect.start() + 1 if elect else s)
                for k, (at, r) in enumerate(prefix):
                    if k == 0 and elect:  # "US President-elect Donald Trump": the title he is to hold
                        self.add_role(p, s, re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", r.group("role").strip()) + "-elect")
                    else:
                        self.add_role(p, s, r)
                    if k == 0:  # "Russian President Vladimir Putin" is a titled mention of him
                        p.add(at, e, "titled")
                if not prefix and re.match(r"\s*[,.;]", self.text[e:e + 3]):
                    r = self.comma_role(s)  # "His foreign minister, Fuad Hussein, said"
                    if r:
                        self.add_role(p, s, r)
                m = self.L.appos_re.match(self.text, e)
                if m:
                    self.add_role(p, e, m)
                g = _GROUP_LED.search(self.text[max(0, s - 120):s])
                if g:
                    self.add_role(p, s, _singular(g.group(1), p.gender))
        self.distributive()
        self.plural_titles()
        self.counterparts()

    def comma_role(self, s: int):
        lo = max(self.para_of(s)[0], s - 300)
        m = _role_end_comma(self.L).search(self.text[lo:s])
        if not m or (m.group("comp") and m.group("comp").split()[-1] in _FUNCTION_WORDS):
            return None
        before = self.text[max(lo, lo + m.start() - 40):lo + m.start()]
        # the role opens a clause or follows a possessive: "His foreign minister, X", "South Africa's Minister of ..., X"
        if not re.search(r"(?:^|[.!?;:]\s+|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he)\s+|['’]s?\s+)\Z", before):
            return None
        return m

    def counterparts(self) -> None:
        """"Modi and his Japanese counterpart Fumio Kishida": the counterpart holds the other's title."""
        for p in self.people:
            for (s, e), kind in list(p.mentions.items()):
                if kind != "name":
                    continue
                c = _COUNTERPART.search(self.text, max(self.para_of(s)[0], s - 60), s)
                if not c or c.group("hon") and c.group("hon").lower() not in self.L.honorifics | self.L.titles:
                    continue
                lo = self.para_of(s)[0]
                others = [(a, q) for q in self.people if q is not p for (a, _), k in q.mentions.items()
                          if lo <= a < c.start() and k in ("name", "titled")]
                if not others:
                    continue
                other = max(others, key=lambda x: x[0])[1]
                for _, r in sorted(other.roles):
                    t = self.L.title_re.search(r)
                    if t and t.group("title").lower() in self.L.titles:
                        title = t.group("title")
                        norp = c.group("norp")
                        country = norp and (self.L.demonym_country.get(norp.lower())
                                            or (norp if norp.lower() in self.L.countries else None))
                        if country:  # "his Bangladeshi counterpart", "his Bangladesh counterpart"
                            p.roles.append((s, f"{norp} {title}"))
                            p.roles.append((s, f"{title} of {country}"))
                        else:
                            p.roles.append((s, title))
                        break

    def prefix_roles(self, s: int) -> list[tuple[int, re.Match]]:
        """The titles before the name at s, nearest last; s may also be the space that stands for "-elect"."""
        lo = max(self.para_of(s)[0], s - 300)
        out, end, comma = [], s, False
        hon = re.search(r"(?<![\w.])([A-Z][a-z]{1,4})\.?[ \t]+\Z", self.text[lo:s])
        if hon and hon.group(1).lower() in self.L.honorifics:  # "Health Minister Dr Joe Phaahla"
            end = lo + hon.start() + 1 if self.text[lo + hon.start()] == " " else lo + hon.start()
        adjacent = True
        while True:
            window = self.text[lo:end]
            if end == s and self.text.startswith("-elect", s - 1):
                window = self.text[lo:end - 1] + " "
            m = _role_end(self.L).search(window) if adjacent else None
            if m is None and comma:
                m = _role_end_comma(self.L).search(window)
            if not m:
                break
            inner = [b for a, b in self.taken if lo + m.start("role") <= a and b <= end]
            if inner:  # "President of Kazakhstan X and President of China Y": no role runs over another name
                lo = max(inner)
                continue
            out.append((lo + m.start("role"), m))
            end = lo + m.start("role")
            # "Saudi Foreign Minister Prince Faisal": a one-word title may follow another one directly
            adjacent = len(m.group("role").split()) == 1 and not comma
            comma = True
        return out

    def add_role(self, p: _Person, pos: int, m) -> None:
        if isinstance(m, str):
            p.roles.append((pos, m))
            return
        role = m.group("role").strip().rstrip(",")
        role = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", role)
        norp = m.group("norp")
        title = m.group("title")
        p.roles.append((pos, role))
        if norp:
            country = self.L.demonym_country.get(norp.lower())
            if country and role.strip() == f"{norp} {title}":
                p.roles.append((pos, f"{title} of {country}"))
        # a nationality inside the organisation ("member of the Azerbaijani Milli Majlis ...") as "... of Azerbaijan"
        inner = re.search(r"\b(?:the\s+)?([A-Z][a-z]+)\s+(?=[A-Z])", role[len(title):] if title else role)
        if inner and inner.group(1).lower() in self.L.demonym_country and not norp:
            country = self.L.demonym_country[inner.group(1).lower()]
            plain = role.replace(inner.group(1) + " ", "", 1)
            p.roles.append((pos, f"{plain} of {country}"))
        low = role.lower()
        if _FEMALE_ROLE.search(low):
            p.gender = p.gender or "f"

    def plural_titles(self) -> None:
        """"former prime ministers Scott Morrison and Jacinda Ardern": a plural title before two names joined by
        "and" is each one's title."""
        at_start = {a: q for q in self.people for (a, _), k in q.mentions.items() if k == "name"}
        for p in self.people:
            for (s, e), kind in list(p.mentions.items()):
                nxt = re.match(r"[ \t]+and[ \t]+(?:([A-Z][a-z]{1,4})\.?[ \t]+)?", self.text[e:e + 20])
                if kind != "name" or not nxt or nxt.group(1) and nxt.group(1).lower() not in self.L.honorifics:
                    continue
                q = at_start.get(e + nxt.end())
                lo = max(self.para_of(s)[0], s - 200)
                plural = re.search(r"[a-z]s[ \t]+\Z", self.text[lo:s])
                if q is None or q is p or not plural:
                    continue
                m = _role_end(self.L).search(self.text[lo:lo + plural.start() + 1] + " ")
                if m and m.group("title").lower().split()[-1] in self.L.titles and not m.group("comp"):
                    role = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", m.group("role").strip())
                    p.roles.append((s, role))
                    q.roles.append((e + nxt.end(), role))

    def distributive(self) -> None:
        """"the presidents of Russia and Azerbaijan, Vladimir Putin and Ilham Aliyev": each gets one title."""
        for m in _distrib(self.L).finditer(self.text):
            names = [m.start("n1"), m.start("n2")]
            title = m.group("title")
            if title.lower() not in self.L.titles:
                title = title.split()[-1]
                if title.lower() not in self.L.titles:
                    continue
            for pos, country in zip(names, (m.group("c1"), m.group("c2"))):
                for p in self.people:
                    if any(a == pos for a, _ in p.mentions):
                        p.roles.append((pos, f"{title[:1].upper()}{title[1:]} of {country}"))

    # ---- 4. role phrases -------------------------------------------------------------------------------------
    def role_phrases(self) -> None:
        holders_any = {}
        for p in self.people:
            for _, r in p.roles:
                holders_any.setdefault(_norm_role(r), set()).add(id(p))
        pat = _role_phrase(self.L)
        for m in pat.finditer(self.text):
            s, e = m.start(), m.end()
            if inside(self.quoted, s):
                continue
            if _AFTER_TITLE_NAME.match(self.text, e):
                continue  # "the Russian President Vladimir Putin": a prefix, handled with the name
            phrase = _norm_role(m.group("role"))
            title = _norm_role(m.group("title"))
            norp = (m.group("norp") or "").lower()
            self._phrase_end = e
            p = self.resolve_phrase(phrase, title, norp, s, holders_any)
            if p is not None:
                p.add(s, e, "role")

    def resolve_phrase(self, phrase, title, norp, pos, holders_any) -> _Person | None:
        def established(p):
            return [_norm_role(r) for at, r in p.roles if at <= pos]

        generic = self.L.generic_roles.get(title)
        country = self.L.demonym_country.get(norp, "").lower()
        matches = []
        for p in self.people:
            roles = established(p)
            if phrase in roles or any(r.endswith(" " + phrase) or r == phrase for r in roles):
                matches.append(p)
            elif generic or norp:
                for r in roles:
                    base, _, of = r.partition(" of ")
                    base_title = base.split()[-1] if base else ""
                    titles_ok = (generic and (base in generic or base_title in generic)) or base == title or base.endswith(" " + title)
                    country_ok = not norp or of == country or r.startswith(norp + " ")
                    if titles_ok and country_ok:
                        matches.append(p)
                        break
        if len(matches) >= 1:
            return self.most_recent(matches, pos)
        if generic or norp:
            # nobody holds it: the one salient person without any title, when there is exactly one
            rolefree = [p for p in self.people if not p.roles and not p.derived and len(p.mentions) >= 2]
            return rolefree[0] if len(rolefree) == 1 else None
        if phrase in holders_any:
            return None  # someone is introduced with this role later: do not guess
        if not self.subject_like(pos, self._phrase_end) and not re.search(r"(?i)according\s+to\s+\Z",
                                                                           self.text[max(0, pos - 20):pos]):
            return None  # "including the chief executive of Airbus": someone else, not the last speaker
        p = self.recent_subject(pos, paras_back=2)
        if p is not None and self.holds_other_office(p, title):
            return None  # "the emir" is not the president who was the last subject: a second head of state
        if p is not None:
            p.roles.append((pos, phrase))
        return p

    def holds_other_office(self, person: _Person, title: str) -> bool:
        """Whether ``title`` is a head-of-state title and the person already holds a different one."""
        offices = self.L.generic_roles.get("head of state") or set()
        if title not in offices:
            return False
        held = {w for _, r in person.roles for w in offices if re.search(rf"\b{re.escape(w)}\b", r.lower())}
        return bool(held - {title})

    def most_recent(self, people, pos) -> _Person:
        def last(p):
            before = [a for a, _ in p.mentions if a < pos]
            return max(before) if before else -1

        return max(people, key=last)

    # ---- 5. pronouns -----------------------------------------------------------------------------------------
    def subject_like(self, s: int, e: int) -> bool:
        tok = self.token(s)
        if tok is None:
            return False
        span = self.doc.char_span(s, e, alignment_mode="expand")
        root = span.root if span is not None else tok
        return root.dep_ in _SUBJ_DEPS or self.followed_by_reporting(e)

    def recent_subject(self, pos: int, paras_back: int = 2, gender: str | None = None) -> _Person | None:
        lo_idx = max(0, self._para_index(pos) - paras_back)
        lo = self.paras[lo_idx][0] if self.paras else 0
        best, fallback = None, None
        subjects: list[tuple[int, _Person]] = []
        for p in self.people:
            if gender and p.gender and p.gender != gender:
                continue
            for (s, e), kind in p.mentions.items():
                if not lo <= s < pos or inside(self.quoted, s):
                    continue
                if fallback is None or s > fallback[0]:
                    fallback = (s, p)
                if self._subj.get((s, e)) is None:
                    self._subj[(s, e)] = kind == "pronoun-subj" or self.subject_like(s, e)
                if self._subj[(s, e)]:
                    subjects.append((s, p))
                    if best is None or s > best[0]:
                        best = (s, p)
        if best:
            return self.main_subject(best, subjects)[1]
        return fallback[1] if fallback else None

    def main_subject(self, best: tuple[int, _Person], subjects: list[tuple[int, _Person]]) -> tuple[int, _Person]:
        """Of the subjects in the sentence of the latest one, the subject of its main clause: in "He said Trump had
        asked about his mother", a following "he" is the one who said it, not Trump (the embedded subject)."""
        tok = self.token(best[0])
        if tok is None:
            return best
        sent = tok.sent
        same = [(s, p) for s, p in subjects if sent.start_char <= s < sent.end_char]
        return min(same, key=lambda sp: (self.depth(sp[0]), -sp[0]), default=best)

    def depth(self, pos: int) -> int:
        tok = self.token(pos)
        n = 0
        while tok is not None and tok.head.i != tok.i and n < 50:
            tok = tok.head
            n += 1
        return n

    def _para_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def pronouns(self) -> None:

        for m in _PRONOUN_RE.finditer(self.text):
            i = self.tok_at.get(m.start())
            if i is None or inside(self.quoted, m.start()):
                continue
            tok = self.doc[i]
            g = _PRONOUNS.get(tok.lower_)
            if g is None:
                continue
            p = self.recent_subject(tok.idx, paras_back=1, gender=g)
            if p is not None and g and p.gender != g and self._para_index(tok.idx) >= 2:
                # '"...," she added' after a paragraph of speech: the speaker two paragraphs up, when her gender is known
                q = self.recent_subject(tok.idx, paras_back=2, gender=g)
                if q is not None and q.gender == g:
                    p = q
            elif p is None:
                p = self.recent_subject(tok.idx, paras_back=2, gender=g)
            if p is not None:
                kind = "pronoun-subj" if tok.dep_ in _SUBJ_DEPS else "pronoun"
                p.add(tok.idx, tok.idx + len(tok.text), kind)

    # ---- 6. assemble -----------------------------------------------------------------------------------------
    def run(self) -> tuple[Entity, ...]:
        self.cluster(self.candidates())
        self.roles()
        self.role_phrases()
        self.pronouns()
        text = self.text
        people = [p for p in self.people if p.mentions]
        for p in people:
            if p.first and p.first.endswith("."):
                p.name = f"{p.first} {p.last}"
        people.sort(key=lambda p: p.start)
        out, n = [], 0
        for p in people:
            n += 1
            mentions = tuple(Mention(s, e, text[s:e]) for s, e in sorted(p.mentions))
            out.append(Entity(id=f"e{n}", name=p.name, type="PERSON", roles=tuple(p.role_list()), mentions=mentions))
        person_spans = sorted(se for p in people for se in p.mentions)
        groups: dict[str, list] = {}
        order = []
        for s, e, label in sorted(self.others):
            if inside(person_spans, s):
                continue
            name = re.sub(r"^[Tt]he\s+", "", text[s:e]).strip()
            name = re.sub(r"['’]s?$", "", name)
            if not name:
                continue
            key = name.lower()
            if key not in groups:
                groups[key] = []
                order.append(key)
            groups[key].append((s, e, label, name))
        for key in order:
            items = groups[key]
            label = self.other_label(key, items)
            n += 1
            out.append(Entity(id=f"e{n}", name=items[0][3], type=label, roles=(),
                              mentions=tuple(Mention(s, e, text[s:e]) for s, e, _, _ in items)))
        return tuple(out)

    def other_label(self, key: str, items) -> str:
        if key in self.L.demonym_country or key.rstrip("s") in self.L.demonym_country:
            return "NORP"
        if key in self.L.countries:
            return "GPE"
        counts: dict[str, int] = {}
        for _, _, label, _ in items:
            counts[label] = counts.get(label, 0) + 1
        return max(sorted(counts), key=lambda k: counts[k])


_GROUP_LED = re.compile(r"\b(?:group|delegation|team|number)\s+of\s+([a-z]+)\s+(?:led|headed)\s+by\s+\Z")


def _singular(plural: str, gender: str | None) -> str:
    if plural.endswith("men"):
        return plural[:-3] + ("woman" if gender == "f" else "man")
    if plural.endswith("ies"):
        return plural[:-3] + "y"
    return plural[:-1] if plural.endswith("s") else plural


def _norm_role(r: str) -> str:
    r = re.sub(r"^(?:the|a|an)\s+", "", r.strip().lower())
    return re.sub(r"\s+", " ", r).rstrip(",")


_CACHE: dict[str, re.Pattern] = {}



def _role_end(L) -> re.Pattern:
    if "end" not in _CACHE:
        _CACHE["end"] = re.compile(L.role_re.pattern + r"[ \t]+\Z")
    return _CACHE["end"]


def _role_end_comma(L) -> re.Pattern:
    if "comma" not in _CACHE:
        _CACHE["comma"] = re.compile(L.role_re.pattern + r"\s*,\s*(?:(?i:the)\s+)?\Z")
    return _CACHE["comma"]


def _role_phrase(L) -> re.Pattern:
    if "phrase" not in _CACHE:
        _CACHE["phrase"] = re.compile(r"(?<![\w-])(?i:the)\s+" + L.role_re.pattern.replace(r"(?<![\w-])", "", 1))
    return _CACHE["phrase"]


def _distrib(L) -> re.Pattern:
    if "distrib" not in _CACHE:
        name = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}"
        _CACHE["distrib"] = re.compile(
            rf"(?<![\w-])(?P<title>[A-Za-z]+(?:\s[A-Za-z]+)?)s\s+of\s+(?P<c1>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+and\s+"
            rf"(?P<c2>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?),\s+(?P<n1>{name})\s+and\s+(?P<n2>{name})"
        )
    return _CACHE["distrib"]

"""Stage 2, clusters: full names first, one person per full name (spelling variants and initial forms fold together;
"Jr", "II" are no surname); kin introduced as "X's father Y"; surnames of several words used alone; then single
names to the most recent full-named person with that surname, unless the article used the surname alone
paragraphs before that person came in (then it is a person of its own).
"""

from __future__ import annotations

import re

from parley.extract._lexicons import fold
from parley.extract._people_context import Context
from parley.extract._people_patterns import HYPHEN_PARTICLE, PARTICLES, UPPER
from parley.extract._people_person import Person
from parley.extract._quotemarks import inside
from parley.knowledge.identity import name_parts, same_person

__all__ = ["Clusters"]


class Clusters(Context):
    """Stage 2: the candidates grouped into people."""

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
                if p is None and first.lower() in PARTICLES:  # "von der Leyen" with no full name
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

    def containing(self, core: list[str]) -> Person | None:
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
                if w.lower() in PARTICLES:
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

    def new_person(self, first, last, name, s, derived=False) -> Person:
        p = Person(first, last, name, s, derived, words=tuple(name.split()))
        if first and not first.endswith("."):
            p.gender = {"m": "m", "f": "f"}.get(self.L.first_names.get(first.lower(), ""))
        self.people.append(p)
        return p

    def initial_match(self, initial: str, last: str) -> Person | None:
        for p in self.people:
            if fold(p.last) == fold(last) and p.first and p.first[0] == initial:
                return p
        return None

    def initial_person(self, first: str, last: str) -> Person | None:
        """A full name seen after an initial form ("F. Sadikhov" ... "Fikret Sadikhov") joins it."""
        for p in self.people:
            if fold(p.last) == fold(last) and p.first and p.first.endswith(".") and p.first[0] == first[0]:
                p.first, p.name = first, f"{first} {last}"
                p.words = (first, last)
                return p
        return None

    def by_surname(self, word: str, pos: int, include_derived: bool = False) -> Person | None:
        f = fold(word)
        f2 = fold(HYPHEN_PARTICLE.sub("", word))
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

        def last_before(p: Person) -> int:
            before = [a for (a, _), k in p.mentions.items() if a < pos and k == "name"]
            return max(before) if before else -1

        scored = sorted(cands, key=lambda p: (last_before(p), len(p.mentions)), reverse=True)
        if last_before(scored[0]) >= 0:
            return scored[0]
        return max(cands, key=lambda p: (len(p.mentions), -p.start))

    def introduced_later(self, p: Person, word: str, pos: int) -> bool:
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
        for m in re.finditer(rf"(?<![\w-])(?:(?i:al|el|ad|an|ar|as|ash|at|az|ul)-)?"
                             rf"[{UPPER}][^\W\d_]*[a-zà-ÿ][^\W\d_]*", self.text):
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

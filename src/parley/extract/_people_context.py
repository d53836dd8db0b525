"""The state person extraction shares across its stages, and the look-ups on the text and the parse that all of
them use: paragraphs, tokens, places, name words, organisation context, a reporting verb after, a title before.
"""

from __future__ import annotations

import bisect
import re

from parley.extract._lexicons import lexicons, token_index
from parley.extract._people_patterns import FUNCTION_WORDS, NAME_WORD, PARTICLES, role_end
from parley.extract._people_person import Person
from parley.extract._quotemarks import find_marked, paragraphs

__all__ = ["Context"]


class Context:
    """The article being read (text, parse, paragraphs, quoted spans), what the stages found so far, and the
    look-ups every stage shares."""

    def __init__(self, doc):
        self.doc = doc
        self.text = doc.text
        self.L = lexicons()
        self.paras = paragraphs(self.text)
        marked = find_marked(self.text)
        self.quoted = sorted((m.start, m.end) for m in marked if m.nested_in is None)
        self.people: list[Person] = []
        self.by_key: dict[tuple[str, str], Person] = {}
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
        if not 1 <= len(words) <= 6 or len([w for w in words if w not in PARTICLES]) > 4:
            return None
        for w in words:
            if w.lower() in PARTICLES:
                continue
            if not NAME_WORD.match(w) or any(ch.isdigit() for ch in w):
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
        m = role_end(self.L).search(window)
        if m and m.group("comp") and m.group("comp").split()[-1] in FUNCTION_WORDS:
            return None  # "a researcher at the Colegio de México": the name is the organisation's
        return m

    def _para_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

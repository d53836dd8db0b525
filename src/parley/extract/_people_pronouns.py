"""Stage 5, pronouns: he/she/his/her -> the most recent person who is a subject, outside quoted speech, and of
that sentence's subjects the main clause's ("He said Trump had asked ..." -> he, not Trump).
"""

from __future__ import annotations

from parley.extract._people_context import Context
from parley.extract._people_patterns import PRONOUN_RE, PRONOUNS, SUBJ_DEPS
from parley.extract._people_person import Person
from parley.extract._quotemarks import inside

__all__ = ["Pronouns"]


class Pronouns(Context):
    """Stage 5: pronouns as mentions of the people they stand for."""

    def subject_like(self, s: int, e: int) -> bool:
        tok = self.token(s)
        if tok is None:
            return False
        span = self.doc.char_span(s, e, alignment_mode="expand")
        root = span.root if span is not None else tok
        return root.dep_ in SUBJ_DEPS or self.followed_by_reporting(e)

    def recent_subject(self, pos: int, paras_back: int = 2, gender: str | None = None) -> Person | None:
        lo_idx = max(0, self._para_index(pos) - paras_back)
        lo = self.paras[lo_idx][0] if self.paras else 0
        best, fallback = None, None
        subjects: list[tuple[int, Person]] = []
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

    def main_subject(self, best: tuple[int, Person], subjects: list[tuple[int, Person]]) -> tuple[int, Person]:
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

    def pronouns(self) -> None:

        for m in PRONOUN_RE.finditer(self.text):
            i = self.tok_at.get(m.start())
            if i is None or inside(self.quoted, m.start()):
                continue
            tok = self.doc[i]
            g = PRONOUNS.get(tok.lower_)
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
                kind = "pronoun-subj" if tok.dep_ in SUBJ_DEPS else "pronoun"
                p.add(tok.idx, tok.idx + len(tok.text), kind)

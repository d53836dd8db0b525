"""Whose words a cue reports: the person mention that is the cue verb's subject, whatever the parser made of the
clause ("X, a senior fellow at Y, said", "Spokeswoman X, asked whether ..., said", "Director of the Institute ...
X said"), and the person or organisation a source phrase names at its head ("Foreign Minister X", "the X
campaign"; not one in a modifier: "a spokesman for X")."""

from __future__ import annotations

import bisect
import re

from parley.extract._quotelookup import Lookup
from parley.extract._quotesources import participle_head

__all__ = ["Speakers"]

_APPOSITION = re.compile(r",[^,.;:!?\"“”\n]{3,140},\s*(?:[a-z]+ly\s+)?")
_MODIFIER = re.compile(r"\b(?:of|for|to|with|from|at|by|and|or)\b|[’']s\b|,")


class Speakers(Lookup):
    def subject_of(self, verb, lo: int, hi: int):
        """The person mention that is the verb's subject, else the nearest person mention in [lo, hi)."""
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                a = child.left_edge.idx
                b = child.right_edge.idx + len(child.right_edge.text)
                m = self.mention_in(a, b, prefer=child.idx) or self.head_mention(child, a, b) or self.covering(child.idx)
                if m:
                    return m
        if verb.dep_ in ("conj",) and verb.head.i != verb.i:
            for child in verb.head.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    m = self.mention_in(child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text))
                    if m:
                        return m
        m = self.appositive_subject(verb)
        if m:
            return m
        head = participle_head(verb)
        if head is not None:  # '"...," X said, adding that ...': the participle's speaker is the clause's subject
            return self.subject_of(head, lo, hi)
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            # "Spokeswoman Mao Ning, asked whether ..., said ...": the parser hung the subject on the clause before
            for child in verb.lefts:
                if child.dep_ in ("ccomp", "advcl", "parataxis") and child.idx >= lo:
                    for sub in child.children:
                        if sub.dep_ in ("nsubj", "nsubjpass") and sub.i < child.i:
                            m = self.mention_in(sub.left_edge.idx, sub.right_edge.idx + len(sub.right_edge.text),
                                                prefer=sub.idx)
                            if m:
                                return m
        return None

    def appositive_subject(self, verb):
        """"Tanvi Madan, a senior fellow at the Brookings Institution, said": the name that opens the clause
        before a comma-enclosed apposition, whatever the parser made of it (it is never the organisation)."""
        lo = max(0, verb.idx - 200)
        i = bisect.bisect_left(self.mention_starts, lo)
        best = None
        while i < len(self.mentions) and self.mentions[i][0] < verb.idx:
            s, e, eid = self.mentions[i]
            if _APPOSITION.fullmatch(self.text, e, verb.idx):
                if best is None or e - s > best[1] - best[0] or s < best[0]:
                    best = self.mentions[i]
            i += 1
        if best is not None:
            head = self.text[max(0, best[0] - 3):best[0]]
            if head and not re.search(r"(?:^|[.!?:;\n]\s*|^\s*)$", head) and not head.endswith(("\n", ". ")):
                # the name must open its sentence or clause
                before = self.text[max(0, best[0] - 40):best[0]]
                if not re.search(r"(?:[.!?;:\n][\"”’']?\s*|\A)(?:[A-Z][\w-]*\s+){0,4}\Z", before):
                    return None
        return best

    def head_mention(self, child, a: int, b: int):
        """A person mention inside the subject phrase that is not buried in a prepositional or possessive modifier
        ("MP Fazil Mustafa" yes; "the frequency of meetings between Putin and Aliyev" no)."""
        i = bisect.bisect_left(self.mention_starts, a)
        while i < len(self.mentions) and self.mentions[i][0] < b:
            s, e, eid = self.mentions[i]
            tok = self.doc[self.tok_at[s]] if s in self.tok_at else None
            ok = tok is not None
            steps = 0
            while ok and tok.i != child.i and steps < 20:
                if tok.dep_ in ("prep", "pobj", "poss", "relcl", "acl", "dobj") or tok.head.i == tok.i:
                    ok = False
                tok = tok.head
                steps += 1
            if ok and e <= b:
                return self.mentions[i]
            if e == b and self.role_before(a, s):  # "Director of the Institute ... Azer Gasimli"
                return self.mentions[i]
            i += 1
        return None

    def role_before(self, a: int, s: int) -> bool:
        m = re.match(r"(?i:the\s+)?", self.text[a:s])
        r = self.L.role_re.match(self.text, a + m.end())
        return bool(r) and r.end() >= s - 1

    def named_in_source(self, source):
        """The person, else organisation, that a source phrase names at its head: "Foreign Minister X", "the
        X campaign"; not one in a modifier ("a spokesman for X", "X's lawyer")."""
        a, b = source[0], source[1]
        for pool in (self.mentions, self.org_mentions):
            for s, e, eid in pool:
                if a <= s and e == b and not _MODIFIER.search(self.text, a, s):
                    return s, e, eid
        return None

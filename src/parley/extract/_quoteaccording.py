"""Attribution without a cue verb: "according to X" (a person mention, or a source phrase such as "according to
a new poll") and a headline line of a person's name, a colon and a claim ("Senator X: Budget ‘Is a Disgrace’")."""

from __future__ import annotations

import re

from parley.extract._quotebuild import Builder
from parley.extract._quotelookup import MIN_WORDS_INDIRECT, QUOTE_CHARS
from parley.extract._quotesources import phrase_source
from parley.models import Quote

__all__ = ["According"]

# a line of a name (up to five capitalised words), a colon and a claim: "Senator X: Budget ‘Is a Disgrace’"
_HEADLINE_CLAIM = re.compile(r"(?m)^(?P<source>(?:[A-Z][\w.’'-]*[ \t]?){1,5}): (?P<content>[^\n]+?)\s*$")


class According(Builder):
    def according(self, acc, sent) -> Quote | None:
        mm = self.first_mention_at(acc.end())
        source = None
        src_end = mm[1] if mm else None
        if mm is None:
            source = self.according_source(self.tok_at.get(acc.start()))
            if not self.speaks_alone(source):
                return None
            src_end = source[1]
        comma = self.text.find(",", src_end, sent.end_char)
        if acc.start() - sent.start_char <= 2 and comma >= 0:
            start = comma + 1
            end = self.content_end(start, sent.end_char)
        else:
            start = sent.start_char
            end = self.content_end(start, sent.end_char)
            if not self.text[src_end:sent.end_char].strip(" .\n\t\"”"):  # "..., according to a new poll."
                end = min(end, acc.start())
                while end > start and self.text[end - 1] in " ,—–":
                    end -= 1
        if len(self.text[start:end].split()) < MIN_WORDS_INDIRECT:
            return None
        kind = "mixed" if any(ch in self.text[start:end] for ch in QUOTE_CHARS) else "indirect"
        if self.medium_alone(mm, source, kind):
            return None
        return self.make(start, end, kind, mm, acc.group("cue"), source)

    def according_source(self, i: int | None):
        """The object of "according to" (its first token at index i) as a source ("according to a new poll")."""
        if i is None or i + 1 >= len(self.doc):
            return None
        to = self.doc[i + 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None and i + 2 < len(self.doc) and self.doc[i + 2].pos_ in ("NOUN", "PROPN", "PRON"):
            obj = self.doc[i + 2]
        return phrase_source(obj) if obj is not None else None

    def headline_claims(self) -> list[Quote]:
        """"Senator X: Budget ‘Is a Disgrace’": a line that is a person's name, a colon and what they said
        (a headline shape of several outlets on PolNeAR train: 113 of its 246 such lines are gold attributions, the
        rest names that are no person's: "The Latest:", "Q:", "Editor's Note:"). Only a PERSON the record holds
        opens the line, so a label, a place or a transcript's SPEAKER is none; PolNeAR calls them indirect."""
        out = []
        for m in _HEADLINE_CLAIM.finditer(self.text):
            name = self.mention_in(m.start("source"), m.end("source"))
            if name is None or name[1] != m.end("source") or m.group("source").isupper():
                continue
            a, b = m.start("content"), m.end("content")
            if len(self.text[a:b].split()) < MIN_WORDS_INDIRECT:
                continue
            q = self.make(a, b, "indirect", name, ":", (m.start("source"), m.end("source"), "person"))
            if q is not None:
                out.append(q)
        return out

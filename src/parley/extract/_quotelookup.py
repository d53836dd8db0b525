"""What the quote finders look up in one parsed article: the person and organisation mentions of the record by
offset, tokens and sentences by offset, the passages in marks, and whether a token is a cue of reported speech
(extract._quotecues).

``Lookup`` holds the article's indexes. The quote finders are mixins over it (extract._quotespeakers,
_quotebuild, _quotedirect, _quoteindirect, _quotearound, _quoteaccording, _quotelearned), combined into one finder
in extract.quotes; a method of one may call another's through ``self``."""

from __future__ import annotations

import bisect
import re

from parley.extract._lexicons import lexicons, token_index
from parley.extract._quotecues import cues
from parley.extract._quotemarks import ascii_marks, find_marked
from parley.extract._quotesources import source_of

__all__ = ["Lookup", "QUOTE_CHARS", "MIN_WORDS_INDIRECT", "ACCORDING", "SENT_END", "jaccard"]

QUOTE_CHARS = "\"“”„«»"
MIN_WORDS_INDIRECT = 3  # reported content shorter than this is no quote
# "According to X" and its cue words
ACCORDING = re.compile(r"\b(?P<cue>[Aa]ccording to)\s+")
# the end of a sentence inside a paragraph
SENT_END = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z\"“'‘])|[.!?]\s*$")


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    """The overlap of two character spans over their union."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


class Lookup:
    def __init__(self, doc, entities):
        self.doc = doc
        self.raw = doc.text  # the article as written: a quote's text
        self.text = ascii_marks(self.raw)  # the rules read ASCII pairs ('' ``) as one mark; offsets as in raw
        self.L = lexicons()
        self.C = cues()
        self.ents = {e.id: e for e in entities if e.type == "PERSON"}
        ms = []
        for e in entities:
            if e.type == "PERSON":
                for m in e.mentions:
                    ms.append((m.start, m.end, e.id))
        ms.sort()
        self.org_ents = {e.id: e for e in entities if e.type == "ORG"}
        self.org_mentions = sorted((m.start, m.end, e.id) for e in entities if e.type == "ORG" for m in e.mentions)
        self.mentions = ms
        self.mention_starts = [m[0] for m in ms]
        self._tok_starts, self._sent_starts = token_index(doc)
        self.tok_at = {idx: i for i, idx in enumerate(self._tok_starts)}
        self.marked = find_marked(self.text)
        self.regions = sorted((m.start - 1, m.end + 1) for m in self.marked if m.nested_in is None)

    def mention_in(self, lo: int, hi: int, prefer: int | None = None):
        """The person mention inside [lo, hi): the one covering `prefer` if any, else the last one."""
        i = bisect.bisect_left(self.mention_starts, lo)
        found = covering = None
        while i < len(self.mentions) and self.mentions[i][0] < hi:
            s, e, eid = self.mentions[i]
            if e <= hi:
                if prefer is not None and s <= prefer < e:
                    if covering is None or e - s < covering[1] - covering[0]:
                        covering = self.mentions[i]  # the name rather than "title + name"
                found = self.mentions[i]
            i += 1
        return found if prefer is None else covering

    def covering(self, pos: int):
        """The mention the token at pos is part of ("al" of "al-Sudani", split by the tokenizer)."""
        i = bisect.bisect_right(self.mention_starts, pos) - 1
        while i >= 0 and self.mentions[i][0] > pos - 80:
            if self.mentions[i][0] <= pos < self.mentions[i][1]:
                return self.mentions[i]
            i -= 1
        return None

    def nearest(self, lo: int, hi: int, before: bool):
        i = bisect.bisect_left(self.mention_starts, lo)
        best = None
        while i < len(self.mentions) and self.mentions[i][0] < hi:
            if self.mentions[i][1] <= hi:
                best = self.mentions[i] if before or best is None else best
            i += 1
        return best

    def first_mention_at(self, pos: int):
        """A person mention starting at pos, or after a determiner at pos."""
        i = bisect.bisect_left(self.mention_starts, pos)
        if i < len(self.mentions):
            s = self.mentions[i][0]
            if s == pos or re.fullmatch(r"(?i)(?:the|a|an)\s+", self.text[pos:s]):
                return self.mentions[i]
        return None

    def tokens_between(self, lo: int, hi: int):
        i = bisect.bisect_left(self._tok_starts, lo)
        while i < len(self.doc) and self.doc[i].idx < hi:
            yield self.doc[i]
            i += 1

    def sentence_ends(self, lo: int, hi: int):
        """The SENT_END matches in text[lo:hi], less those whose period closes an abbreviation token of the parse
        ("Mr.", "Sen.", "Gov.": spaCy's tokenizer exceptions keep such a period in the word, so '," Mr. Hale said'
        is one clause)."""
        for m in SENT_END.finditer(self.text, lo, hi):
            k = bisect.bisect_right(self._tok_starts, m.start()) - 1
            tok = self.doc[k] if k >= 0 else None
            if tok is not None and m.string[m.start()] == "." and tok.idx + len(tok.text) == m.start() + 1 \
                    and len(tok.text) > 1 and tok.text[0].isalpha():
                continue
            yield m

    def sentence_of(self, i: int):
        k = bisect.bisect_right(self._sent_starts, i) - 1
        a = self._sent_starts[k] if k >= 0 else 0
        b = self._sent_starts[k + 1] if k + 1 < len(self._sent_starts) else len(self.doc)
        return self.doc[a:b]

    def after_break(self, start: int, end: int) -> int:
        """Content never reaches back across a line break (a headline the parser ran into the sentence)."""
        nl = self.text.rfind("\n", start, end)
        return start if nl < 0 else nl + 1

    def is_cue(self, tok) -> bool:
        if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "VB", "VBG"):
            return False
        lemma = tok.lemma_.lower()
        if lemma in self.C.document_only:
            src = source_of(tok)
            return src is not None and src[2] == "document"
        if lemma in self.C.verbs:
            return True
        for words in self.C.phrases.get(lemma, ()):
            nxt = [t.lower_ for t in self.doc[tok.i + 1: tok.i + 1 + len(words)]]
            if tuple(nxt) == words:
                return True
        if lemma in self.C.naming:  # "called him divisive", "called the plan a disaster"
            deps = {c.dep_ for c in tok.children if c.i > tok.i}
            return "dobj" in deps and "oprd" in deps
        return False

    def cue_end(self, tok) -> int:
        lemma = tok.lemma_.lower()
        for words in self.C.phrases.get(lemma, ()):
            nxt = self.doc[tok.i + 1: tok.i + 1 + len(words)]
            if tuple(t.lower_ for t in nxt) == words:
                return nxt[-1].idx + len(nxt[-1])
        return tok.idx + len(tok.text)

    def cue_lemma_ids(self) -> set[int]:
        from spacy.strings import hash_string

        return {hash_string(w) for w in self.C.lemmas()}

"""Where reported content lies around its cue: before it ("At least 30 people were missing, he said."), around
it ("This campaign, he says, is different."), and where it stops inside its own clause (before the speaker's next
act, a reporting participle, a coordinated cue, or ", but" and a clause of another subject)."""

from __future__ import annotations

from parley.extract._quotebuild import Builder
from parley.extract._quotelookup import QUOTE_CHARS
from parley.extract._quotesources import participle_head, subject_token

__all__ = ["Around"]



class Around(Builder):
    def content_around(self, verb, sent) -> tuple[int, int] | None:
        """"This campaign, he says, is different.": an attribution set off by commas inside its content."""
        lo, hi = verb.left_edge.i, verb.right_edge.i
        if lo <= sent.start or hi + 1 >= sent.end:
            return None
        if "," not in (self.doc[lo].text, self.doc[lo - 1].text) or "," not in (self.doc[hi].text,
                                                                                 self.doc[hi + 1].text):
            return None
        end = sent.end_char
        while end > sent.start_char and self.text[end - 1] in " .\n\t":
            end -= 1
        return self.after_break(sent.start_char, verb.idx), end

    def content_before(self, verb, sent) -> tuple[int, int] | None:
        """"At least 30 people were missing, he said." / "..., said the official in a statement.": the content is
        the clause before the attribution, which closes the sentence after a comma or dash."""
        if any(c.dep_ in ("ccomp", "xcomp", "dobj", "dative", "conj") and c.i > verb.i for c in verb.children):
            return None
        subj = subject_token(verb)
        if subj is None or subj.head.i != verb.i:
            return None
        tail = self.doc[verb.i + 1: sent.end]
        if any(t.is_quote or t.text in QUOTE_CHARS for t in tail) or any(self.is_cue(t) for t in tail):
            return None
        left = [c for c in verb.lefts if c.dep_ in ("ccomp", "parataxis") and c.i < subj.i]
        if verb.dep_ == "parataxis" and verb.head.i > verb.i and not left:
            return self.content_around(verb, sent)
        if left:
            content_lo = left[0].left_edge
        elif verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i and verb.head.dep_ == "ROOT":
            content_lo = self.doc[sent.start]
        else:
            return None
        first = min(subj.left_edge.i, verb.i, *(c.left_edge.i for c in verb.lefts if c.i > content_lo.i
                                                 and c not in left and not c.is_punct))
        if first <= content_lo.i:
            return None
        sep = self.doc[first - 1]
        if sep.text not in (",", "—", "–"):
            return None
        start, end = content_lo.idx, sep.idx
        if self.doc[content_lo.i].is_punct or self.doc[content_lo.i].text in QUOTE_CHARS:
            return None  # a direct quote's closing part: handled by its marks
        return self.after_break(start, end), end

    def inner_end(self, verb, start: int, end: int) -> int:
        """Where reported content stops inside its own clause: before the speaker's next act, a reporting participle
        or a coordinated cue verb with no subject of its own ("the plan was sound, telling the board that ...", "she
        backs the deal and urges others to ..."), or before ", but" and a clause of another subject ("the tax was
        fair, but for farmers it is ..."). On PolNeAR train (first
        150) content F1 at overlap 0.8 0.550 -> 0.555, at 0.3 0.730 -> 0.732; dev 0.514 -> 0.516, 0.690 -> 0.691."""
        for tok in self.tokens_between(start, end):
            head = tok.head
            if head.i == verb.i or head.i == tok.i or not start <= head.idx < end or tok.idx <= head.idx:
                continue
            cut = None
            if tok.dep_ in ("advcl", "xcomp", "conj") and participle_head(tok) is not None and self.is_cue(tok):
                cut = tok.i
            elif tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and self.is_cue(tok) \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                cut = tok.left_edge.i
            elif tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") \
                    and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
                cc = [c for c in head.children if c.dep_ == "cc" and c.lower_ == "but" and c.i < tok.left_edge.i]
                if cc and cc[-1].i > 0 and self.doc[cc[-1].i - 1].text == ",":
                    cut = cc[-1].i
            if cut is not None:
                i = cut
                while i > 0 and (self.doc[i - 1].is_punct and self.doc[i - 1].text not in QUOTE_CHARS
                                 or self.doc[i - 1].dep_ == "cc"):
                    i -= 1
                if self.doc[i].idx > start:
                    return min(end, self.doc[i].idx)
        return end

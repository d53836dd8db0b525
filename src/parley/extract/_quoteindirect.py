"""Indirect speech: a cue verb (extract._quotecues) with its content after it ("X noted that ...", "X stressed
...", "X urged Y to ...", "X called the plan a disaster"), in a relative clause ("which he said ..."), after
"As X noted, ..." or a few words on ("said in Pyongyang before the trip that ..."); content before or around the
cue is extract._quotearound's, "according to X" and headline claims extract._quoteaccording's."""

from __future__ import annotations

import bisect
import re

from parley.extract._quotebuild import Builder
from parley.extract._quotecontent import clause_end, unparsed_clause, withheld
from parley.extract._quotelookup import ACCORDING, MIN_WORDS_INDIRECT, QUOTE_CHARS
from parley.extract._quotemarks import inside
from parley.extract._quotesources import source_of
from parley.models import Quote

__all__ = ["Indirect"]



class Indirect(Builder):
    def indirect(self) -> list[Quote]:
        out = []
        lemmas = self.cue_lemma_ids()
        from spacy.attrs import LEMMA

        lem = self.doc.to_array([LEMMA]) if len(self.doc) else []
        cue_at = [i for i, x in enumerate(lem) if int(x) in lemmas]
        for i in cue_at:
            tok = self.doc[i]
            if inside(self.regions, tok.idx) or not self.is_cue(tok):
                continue
            nxt = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
            if tok.i in self.cue_tokens and (nxt is None or nxt.lower_ != "that"):
                continue
            sent = self.sentence_of(i)
            try:
                q = self.reported(tok, sent)
            except Exception:
                q = None
            if q is not None:
                out.append(q)
        for acc in ACCORDING.finditer(self.text):
            if inside(self.regions, acc.start()) or acc.start() not in self.tok_at:
                continue
            sent = self.sentence_of(self.tok_at[acc.start()])
            q = self.according(acc, sent)
            if q is not None:
                out.append(q)
        out.extend(self.headline_claims())
        return out

    def content_end(self, a: int, hi: int) -> int:
        """Reported content stops at a colon or quote mark that opens direct speech, or the sentence end."""
        seg = self.text[a:hi]
        m = re.search(r":\s*[\"“]|[\"“](?=[A-Z])", seg)
        end = a + m.start() if m else hi
        while end > a and self.text[end - 1] in " .\n\t":
            end -= 1
        return end

    def reported(self, verb, sent) -> Quote | None:
        subj = self.subject_of(verb, sent.start_char, verb.idx)
        source = source_of(verb) if subj is None else None
        if source is not None:  # "Foreign Minister X" after a headline the parser ran into the sentence
            source = (self.after_break(source[0], source[1]), source[1], source[2])
            named = self.named_in_source(source)
            subj = named if named is not None and named[2] in self.ents else None
        if subj is None and not self.speaks_alone(source):
            return None
        lemma = verb.lemma_.lower()
        start = None
        children = list(verb.rights)
        mark_as = any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) or (
            verb.i >= 2 and self.doc[max(sent.start, verb.i - 4):verb.i].text.lower().startswith("as "))
        if mark_as:  # "As X noted (later), <content>"
            comma = self.text.find(",", self.cue_end(verb), sent.end_char)
            if comma < 0:
                return None
            start = comma + 1
        else:
            nxt = self.doc[verb.i + 1] if verb.i + 1 < len(self.doc) else None
            if nxt is not None and nxt.lower_ == "that":
                start = nxt.idx + len(nxt.text)
            elif any(c.dep_ == "ccomp" for c in children):
                cc = next(c for c in children if c.dep_ == "ccomp")
                start = cc.left_edge.idx
                obj = [c for c in children if c.dep_ == "dobj" and verb.i < c.i < cc.left_edge.i]
                if obj and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in cc.children):
                    start = obj[0].left_edge.idx  # "says Canada along with others were ...": the parser took the
                    # clause's subject for the verb's object
                if start < verb.idx:
                    # "the wall, which he said Mexico would pay for": the relative clause is the content
                    if cc.left_edge.lower_ in ("which", "that", "what") and verb.dep_ == "relcl":
                        end = cc.right_edge.idx + len(cc.right_edge.text)
                        return self.make_reported(start, end, verb, subj, source)
                    return None
            elif lemma in self.C.naming:
                start = verb.idx
            elif lemma in self.C.obj and (self.cue_end(verb) > verb.idx + len(verb.text) or any(
                    c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > verb.i for c in verb.children)):
                start = verb.idx  # "stressed the importance of ...": the object is the content, not "announced
                # during the talks" (the object is elsewhere: "the declaration the leaders will announce")
            elif unparsed_clause(verb) is not None:
                start = unparsed_clause(verb)
            else:
                start = self.late_that(verb, sent)
                if start is None:
                    before = self.content_before(verb, sent)
                    if before is None:
                        return None
                    return self.make_reported(before[0], before[1], verb, subj, source)
        if subj is None and source[2] == "organisation" and start == verb.idx:
            return None  # "the ministry announced a plan": an organisation's act, not its words
        whole = self.content_end(start, sent.end_char)
        end = min(whole, clause_end(verb, start) or whole)
        end = self.inner_end(verb, start, end)
        if len(self.text[start:end].split()) < MIN_WORDS_INDIRECT or self.marked_only(start, end):
            return None
        if withheld(verb, self.doc[self.tok_at[start]] if start in self.tok_at else None):
            return None
        kind = "mixed" if any(ch in self.text[start:end] for ch in QUOTE_CHARS) else "indirect"
        if self.medium_alone(subj, source, kind):
            return None
        cue = verb.text if start != verb.idx else self.text[verb.idx:self.cue_end(verb)]
        q = self.make(start, end, kind, subj, cue, source)
        if q is not None:
            self.covered.append((start, whole))
        return q

    def marked_only(self, start: int, end: int) -> bool:
        """Whether reported content starting at `start` lies inside direct speech: it starts in a marked passage
        and does not go on past it by a few words ('says “the wind is at our backs” despite the loss' goes on:
        the clause is the content, marked words and all)."""
        k = bisect.bisect_right(self.regions, (start, float("inf"))) - 1
        if k < 0 or not self.regions[k][0] <= start < self.regions[k][1]:
            return False
        if self.text[self.regions[k][0]:start].strip(QUOTE_CHARS + " "):
            return True  # starts inside the quoted words, not at their opening mark
        return len(re.findall(r"\w+", self.text[self.regions[k][1]:end])) < MIN_WORDS_INDIRECT

    def late_that(self, verb, sent) -> int | None:
        """"said in Pyongyang before the trip that ...": a that-clause a few words after the verb, no comma between."""
        for tok in self.doc[verb.i + 1: min(sent.end, verb.i + 10)]:
            if tok.is_punct or tok.is_quote:
                return None
            if tok.lower_ == "that" and tok.dep_ == "mark":
                return tok.idx + len(tok.text)
            if self.is_cue(tok):
                return None
        return None

"""Direct speech: each passage in marks (extract._quotemarks) looks for its cue after the closing mark ('"...," he
said', "'...'- Putin remarked") or before the opening one ('Markov said: "..."', 'X said that ...: "..."', 'the
headline reads: "..."', a paragraph closing with 'Cruz continued:'); the next passage of a paragraph and a
paragraph that is only a quote continue the previous speaker; a name after a dash signs the quote before it
('"..." ― Maria Jensen', reader voices and embedded posts). A passage that a sentence runs into is mixed; one that
opens a line stands alone, and its cue is never on the next line (pages that break paragraphs with one line break:
with the signature rule, PolNeAR direct F1 with the learned cue dev 0.832 -> 0.849, train 0.866 -> 0.869). Any
verb in the slot after a passage closed by a comma ('"...," the judge exclaimed') is its cue; a cue after a passage
that ends its sentence and reports something of its own ('"A." He added, "B."', '"A." She noted a rally ...') opens
the next attribution instead of closing this one (with the learned cue, PolNeAR train direct 0.869 -> 0.870)."""

from __future__ import annotations

import re
from dataclasses import replace

from parley.extract._quotebuild import Builder
from parley.extract._quotelookup import ACCORDING, QUOTE_CHARS, SENT_END
from parley.extract._quotemarks import Marked, inside
from parley.extract._quotesources import participle_head, source_of, subject_token
from parley.models import Quote

__all__ = ["Direct"]

_MIN_WORDS_NO_CUE = 6

# a dash after a closing mark, then the signing name
_SIGNED = re.compile(r"[^\S\n]*([―—–])[^\S\n]*(?P<name>[A-Z][\w.’'-]*(?:[^\S\n]+[A-Z][\w.’'-]*){0,4}?)"
                     r"\.?[^\S\n]*(?=$|\n|\(|,)")


class Direct(Builder):
    def direct(self, m: Marked, prev):
        text = self.text
        words = len(text[m.start:m.end].split())
        lo_para, hi_para = m.para
        source = None
        limit = hi_para
        if m.nested_in is not None:
            limit = self.marked[m.nested_in].end
        mention, cue, cue_tok = None, None, None
        found = False
        # cue after the closing mark: '"...," he said', "'...'- Putin remarked"
        if m.close_mark is not None:
            after_lo = m.close_mark + 1
            stop = next(self.sentence_ends(after_lo, limit), None)
            after_hi = stop.start() + 1 if stop else limit
            after_hi = min(after_hi, after_lo + 120)
            nl = text.find("\n", after_lo, after_hi)
            if nl >= 0:  # the cue of a quote that closes its line is never on the next line (a paragraph of its own)
                after_hi = nl
            closed = text[m.start:m.close_mark].rstrip()[-1:]  # the passage's last mark inside: , . ? !
            for tok in self.tokens_between(after_lo, after_hi):
                if tok.text in QUOTE_CHARS:
                    break
                if (self.is_cue(tok) or self.speech_slot(tok, after_lo, closed)) \
                        and participle_head(tok) is None:  # '"...", promising X': X is its content
                    if closed in (".", "!", "?") and self.has_own_content(tok):
                        break  # '"A." He added, "B."', '"A." She noted a rally ...': the next sentence's cue
                    gap = text[after_lo:tok.idx]
                    g0 = after_lo + len(gap) - len(gap.lstrip(" ,.-–—\n\t"))
                    between = text[g0:tok.idx]
                    if not between.strip():  # '"...," said Markov'
                        m_after = re.match(r"\s*", text[self.cue_end(tok):])
                        mention = self.first_mention_at(self.cue_end(tok) + m_after.end())
                    elif len(between.split()) > 10 or re.search(r",\s*and\b|;", between):
                        break  # another clause, not the attribution of this quote
                    else:
                        mention = self.subject_of(tok, g0, tok.idx) or self.first_mention_at(g0)
                    found, cue, cue_tok = True, tok.text, tok
                    if self.standalone(m):
                        self.cue_tokens.add(tok.i)
                    break
        if not found and m.close_mark is not None and self.standalone(m):
            # '"..." ― Edwin Monroy': a name after a dash signs the quote (reader voices, pull quotes, embedded posts)
            sign = _SIGNED.match(text, m.close_mark + 1)
            if sign:
                found, cue = True, sign.group(1)
                mention = self.first_mention_at(sign.start("name"))
                if mention is None:  # a name the record does not hold: the signature is the source as written
                    source = (sign.start("name"), sign.end("name") - sign.group("name").endswith("."), "person")
        # cue before the opening mark: 'Markov said: "..."', 'X said that ...: "..."'
        if not found and m.open_mark is not None:
            lo = lo_para if m.nested_in is None else self.marked[m.nested_in].start
            ends = list(self.sentence_ends(lo, m.open_mark))
            before_lo = ends[-1].end() if ends else lo
            intro = text[before_lo:m.open_mark].rstrip()
            if intro and (intro[-1] in ":,—–-" or len(intro.split()) <= 6 or not self.standalone(m)):
                unnamed = None  # "The MP stressed ...:" before any MP is named: a cue without a known speaker
                for tok in reversed(list(self.tokens_between(before_lo, m.open_mark))):
                    if self.is_cue(tok) and not inside(self.regions, tok.idx):
                        subj = self.subject_of(tok, before_lo, tok.idx)
                        if subj is None:
                            if unnamed is None and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                                unnamed = tok
                            continue
                        found, cue, mention = True, tok.text, subj
                        if self.standalone(m):
                            self.cue_tokens.add(tok.i)
                        break
                if not found and unnamed is not None and intro[-1] in ":," and self.standalone(m):
                    found, cue, mention, cue_tok = True, unnamed.text, None, unnamed
                    self.cue_tokens.add(unnamed.i)
                if not found:
                    acc = ACCORDING.search(intro)
                    if acc:
                        mm = self.first_mention_at(before_lo + acc.end())
                        if mm:
                            found, cue, mention = True, acc.group("cue"), mm
                        else:
                            source = self.according_source(self.tok_at.get(before_lo + acc.start()))
                            if source is not None:
                                found, cue = True, acc.group("cue")
                if not found and intro[-1] == ":" and self.standalone(m):
                    verb = self.colon_verb(before_lo + len(intro) - 1)
                    if verb is not None:
                        found, cue, cue_tok = True, verb.text, verb
                        mention = self.subject_of(verb, before_lo, verb.idx)
        if not found and m.nested_in is None and m.open_mark is not None and not text[lo_para:m.open_mark].strip():
            # 'Cruz continued:' closing the paragraph before: the speaker of a quote that is a paragraph of its own
            colon = text[:lo_para].rstrip()
            if colon.endswith(":"):
                verb = self.colon_verb(len(colon) - 1)
                if verb is not None:
                    found, cue, cue_tok = True, verb.text, verb
                    mention = self.subject_of(verb, verb.sent.start_char, verb.idx)
        if not found and m.nested_in is None and prev is not None and prev[0] == m.para and self.standalone(m):
            # '"...," he said. "More words."': the next quote in the paragraph is the same speaker's
            between = text[prev[2].end:m.open_mark if m.open_mark is not None else m.start]
            if not any(self.is_cue(t) and not inside(self.regions, t.idx) for t in self.doc.char_span(
                    prev[2].end, prev[2].end + len(between), alignment_mode="expand") or ()) or len(between) < 80:
                found, mention, source = True, prev[1], prev[3]
        if not found and m.nested_in is None:
            # a paragraph that is only speech continues the previous paragraph's speaker
            para_only = m.open_mark is None or not text[lo_para:m.open_mark].strip()
            if para_only and prev is not None and words >= _MIN_WORDS_NO_CUE:
                if prev[0][1] <= lo_para and lo_para - prev[0][1] < 400:
                    found, mention, source = True, prev[1], prev[3]
        kind = "direct" if self.standalone(m) else "mixed"
        if not found and (words < _MIN_WORDS_NO_CUE or m.nested_in is not None or kind == "mixed"):
            return None, None
        if mention is None and cue_tok is not None:
            source = source_of(cue_tok)
        elif mention is not None and source is not None and not (source[0] <= mention[0] < source[1]):
            source = None
        return self.make(m.start, m.end, kind, mention, cue, source), mention

    def speech_slot(self, tok, after_lo: int, closed: str) -> bool:
        """'"...," the judge exclaimed', '"...?" Bennett shot back': a finite verb whose subject alone stands between
        a passage closed by a comma, question or exclamation mark and the verb, and that takes no object or clause
        of its own, is that passage's cue whatever its lemma (the lists cannot hold every manner of speaking)."""
        if closed not in (",", "?", "!") or tok.tag_ not in ("VBD", "VBZ", "VBP") or tok.pos_ != "VERB":
            return False
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subj or subj[0].left_edge.idx < after_lo or subj[0].i > tok.i:
            return False
        if self.text[after_lo:subj[0].left_edge.idx].strip(" ,\"”’'"):
            return False  # other words before the subject: another clause
        if len(self.text[after_lo:tok.idx].split()) > 5:
            return False
        return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative") for c in tok.children)

    def has_own_content(self, tok) -> bool:
        """Whether a cue after a passage that ends its sentence reports something of its own, so that it opens a
        new attribution rather than closing this one: the next passage ('He added, “...', 'she said: “'), a clause
        or an object ('She noted a planned rally ...', 'He said that ...')."""
        rest = self.text[self.cue_end(tok):self.cue_end(tok) + 80]
        if re.match(r"[^.!?\"“”\n]{0,60}?[,:]\s*[\"“]", rest):
            return True
        return any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > tok.i for c in tok.children)

    def standalone(self, m: Marked) -> bool:
        """Whether the passage stands as a sentence of its own: it opens its paragraph or line, or follows a
        sentence end, a colon, comma or dash (else a sentence runs into it: mixed)."""
        if m.open_mark is None:
            return True
        before = self.text[m.para[0]:m.open_mark]
        if not before[before.rfind("\n") + 1:].strip():  # it opens a line (pages that break paragraphs by one)
            return True
        before = before.rstrip()
        return not before or before[-1] in ":,.!?—–-\"“'‘"

    def split_around(self, parent_q: Quote, inner: Marked) -> list[Quote]:
        """The enclosing speaker's words before and after a nested quote by someone else."""
        out = []
        text = self.text
        a, b = parent_q.start, (inner.open_mark if inner.open_mark is not None else inner.start)
        after = inner.close_mark + 1 if inner.close_mark is not None else inner.end
        stop = SENT_END.search(text, after, parent_q.end)
        c = stop.end() if stop else parent_q.end
        for lo, hi in ((a, b), (c, parent_q.end)):
            while lo < hi and text[lo].isspace():
                lo += 1
            while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in QUOTE_CHARS):
                hi -= 1
            if len(text[lo:hi].split()) >= 2:
                out.append(replace(parent_q, text=self.raw[lo:hi], start=lo, end=hi))
        return out

    def colon_verb(self, colon: int):
        """The verb whose clause a colon closes ("Cruz continued:", "the headline reads:"), when it has a subject."""
        i = self.tok_at.get(colon)
        if i is None:
            return None
        sent = self.sentence_of(i)
        for tok in reversed(self.doc[sent.start:i]):
            if tok.pos_ in ("VERB", "AUX") and tok.tag_ != "VBG" and subject_token(tok) is not None:
                return tok if source_of(tok) is not None else None
        return None

"""Direct, indirect and mixed quotes with speakers resolved to named people.

Direct speech is found by its marks (extract._quotemarks); each passage then looks for its cue after the closing
mark ('"...," he said', "'...'- Putin remarked") or before the opening one ('Markov said: "..."', 'X said that ...:
"..."'); a paragraph that is only a quote continues the previous speaker. Indirect speech is a reporting verb whose
subject is a person ("X noted that ...", "X stressed ...", "X drew attention to ..."), "according to X, ..." and
"as X noted, ...". Speakers are whatever entity (name, role phrase or pronoun) people.py tied that mention to.

One odd passage never costs the document: each quote is built on its own and a failure drops only that quote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from parley.extract._lexicons import lexicons, token_index
from parley.extract._quotemarks import Marked, find_marked, inside
from parley.models import Entity, Quote, SpeakerMention

__all__ = ["extract_quotes"]

_SENT_END = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z\"“'‘])|[.!?]\s*$")
_ACCORDING = re.compile(r"\b(?P<cue>[Aa]ccording to)\s+")
_APPOSITION = re.compile(r",[^,.;:!?\"“”\n]{3,140},\s*(?:[a-z]+ly\s+)?")
_MIN_WORDS_NO_CUE = 6
_MIN_WORDS_INDIRECT = 3
_QUOTE_CHARS = "\"“”„«»"


def extract_quotes(doc, entities: tuple[Entity, ...]) -> tuple[Quote, ...]:
    try:
        q = _Quoter(doc, entities)
    except Exception:  # never let quotes break the record
        return ()
    return q.run()


class _Quoter:
    def __init__(self, doc, entities):
        self.doc = doc
        self.text = doc.text
        self.L = lexicons()
        self.ents = {e.id: e for e in entities if e.type == "PERSON"}
        ms = []
        for e in entities:
            if e.type == "PERSON":
                for m in e.mentions:
                    ms.append((m.start, m.end, e.id))
        ms.sort()
        self.mentions = ms
        self.mention_starts = [m[0] for m in ms]
        self._tok_starts, self._sent_starts = token_index(doc)
        self.tok_at = {idx: i for i, idx in enumerate(self._tok_starts)}
        self.marked = find_marked(self.text)
        self.regions = sorted((m.start - 1, m.end + 1) for m in self.marked if m.nested_in is None)

    # ---- look-ups --------------------------------------------------------------------------------------------
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

    def is_cue(self, tok) -> bool:
        if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "VB", "VBG"):
            return False
        lemma = tok.lemma_.lower()
        if lemma in self.L.reporting:
            return True
        for words in self.L.reporting_phrases.get(lemma, ()):
            nxt = [t.lower_ for t in self.doc[tok.i + 1: tok.i + 1 + len(words)]]
            if tuple(nxt) == words:
                return True
        return False

    def cue_end(self, tok) -> int:
        lemma = tok.lemma_.lower()
        for words in self.L.reporting_phrases.get(lemma, ()):
            nxt = self.doc[tok.i + 1: tok.i + 1 + len(words)]
            if tuple(t.lower_ for t in nxt) == words:
                return nxt[-1].idx + len(nxt[-1])
        return tok.idx + len(tok.text)

    def subject_of(self, verb, lo: int, hi: int):
        """The person mention that is the verb's subject, else the nearest person mention in [lo, hi)."""
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                a = child.left_edge.idx
                b = child.right_edge.idx + len(child.right_edge.text)
                m = self.mention_in(a, b, prefer=child.idx) or self.head_mention(child, a, b) or self.covering(child.idx)
                if m:
                    return m
        if verb.dep_ in ("conj",) and verb.head is not verb:
            for child in verb.head.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    m = self.mention_in(child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text))
                    if m:
                        return m
        m = self.appositive_subject(verb)
        if m:
            return m
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

    def covering(self, pos: int):
        """The mention the token at pos is part of ("al" of "al-Sudani", split by the tokenizer)."""
        i = bisect.bisect_right(self.mention_starts, pos) - 1
        while i >= 0 and self.mentions[i][0] > pos - 80:
            if self.mentions[i][0] <= pos < self.mentions[i][1]:
                return self.mentions[i]
            i -= 1
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
            while ok and tok is not child and steps < 20:
                if tok.dep_ in ("prep", "pobj", "poss", "relcl", "acl", "dobj") or tok.head is tok:
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

    def nearest(self, lo: int, hi: int, before: bool):
        i = bisect.bisect_left(self.mention_starts, lo)
        best = None
        while i < len(self.mentions) and self.mentions[i][0] < hi:
            if self.mentions[i][1] <= hi:
                best = self.mentions[i] if before or best is None else best
            i += 1
        return best

    def tokens_between(self, lo: int, hi: int):
        i = bisect.bisect_left(self._tok_starts, lo)
        while i < len(self.doc) and self.doc[i].idx < hi:
            yield self.doc[i]
            i += 1

    # ---- building ----------------------------------------------------------------------------------------------
    def make(self, a: int, b: int, kind: str, mention, cue: str | None) -> Quote | None:
        text = self.text
        while a < b and (text[a].isspace() or text[a] in _QUOTE_CHARS):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in _QUOTE_CHARS + ",;:"):
            b -= 1
        nl = text.find("\n", a, b)
        if nl >= 0:  # no quote runs across a line or paragraph break
            b = nl
            while b > a and (text[b - 1].isspace() or text[b - 1] in _QUOTE_CHARS + ",;:"):
                b -= 1
            if len(text[a:b].split()) < _MIN_WORDS_INDIRECT:
                return None
        if b <= a:
            return None
        speaker = speaker_id = role = None
        sm = None
        if mention is not None:
            s, e, eid = mention
            ent = self.ents.get(eid)
            if ent is not None:
                speaker, speaker_id = ent.name, ent.id
                role = self.role_for(ent, text[s:e])
                sm = SpeakerMention(s, e)
        return Quote(text=text[a:b], kind=kind, start=a, end=b, speaker=speaker, speaker_id=speaker_id, cue=cue,
                     speaker_mention=sm, speaker_role=role)

    @staticmethod
    def role_for(ent: Entity, said: str) -> str | None:
        low = re.sub(r"^(?:the|a|an)\s+", "", said.lower())
        for r in ent.roles:
            if r.lower() == low:
                return r
        return ent.roles[0] if ent.roles else None

    def run(self) -> tuple[Quote, ...]:
        self.cue_tokens: set[int] = set()
        found: dict[int, Quote] = {}
        prev: tuple | None = None  # (paragraph, mention) of the previous direct quote
        for k, m in enumerate(self.marked):
            try:
                q, mention = self.direct(m, prev)
            except Exception:
                continue
            if q is not None:
                found[k] = q
                if m.nested_in is None:
                    prev = (m.para, mention, m)
        for k, q in list(found.items()):
            parent = self.marked[k].nested_in
            if q.kind == "mixed" and q.speaker_id is None:
                del found[k]  # a phrase in quote marks that nobody is said to have said: not a quote
                continue
            if parent is not None and parent in found and q.speaker_id is not None \
                    and found[parent].speaker_id != q.speaker_id:
                parent_q = found.pop(parent)
                for n, part in enumerate(self.split_around(parent_q, self.marked[k])):
                    found[(parent, n)] = part
        out = list(found.values())
        try:
            reported = self.indirect()
        except Exception:
            reported = []
        if reported:  # a phrase in marks inside reported speech is part of that quote, not a quote of its own
            spans = sorted((q.start, q.end) for q in reported)
            out = [q for q in out if q.kind != "mixed" or not any(a <= q.start and q.end <= b for a, b in spans)]
        out.extend(reported)
        out.sort(key=lambda q: (q.start, q.end))
        return tuple(out)

    def split_around(self, parent_q: Quote, inner: Marked) -> list[Quote]:
        """The enclosing speaker's words before and after a nested quote by someone else."""
        out = []
        text = self.text
        a, b = parent_q.start, (inner.open_mark if inner.open_mark is not None else inner.start)
        after = inner.close_mark + 1 if inner.close_mark is not None else inner.end
        stop = _SENT_END.search(text, after, parent_q.end)
        c = stop.end() if stop else parent_q.end
        for lo, hi in ((a, b), (c, parent_q.end)):
            while lo < hi and text[lo].isspace():
                lo += 1
            while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in _QUOTE_CHARS):
                hi -= 1
            if len(text[lo:hi].split()) >= 2:
                out.append(replace(parent_q, text=text[lo:hi], start=lo, end=hi))
        return out

    # ---- direct speech ---------------------------------------------------------------------------------------
    def direct(self, m: Marked, prev):
        text = self.text
        words = len(text[m.start:m.end].split())
        lo_para, hi_para = m.para
        limit = hi_para
        if m.nested_in is not None:
            limit = self.marked[m.nested_in].end
        mention, cue = None, None
        found = False
        # cue after the closing mark: '"...," he said', "'...'- Putin remarked"
        if m.close_mark is not None:
            after_lo = m.close_mark + 1
            seg = text[after_lo:limit]
            stop = _SENT_END.search(seg)
            after_hi = after_lo + (stop.start() + 1 if stop else len(seg))
            after_hi = min(after_hi, after_lo + 120)
            for tok in self.tokens_between(after_lo, after_hi):
                if tok.text in _QUOTE_CHARS:
                    break
                if self.is_cue(tok):
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
                    found, cue = True, tok.text
                    if self.standalone(m):
                        self.cue_tokens.add(tok.i)
                    break
        # cue before the opening mark: 'Markov said: "..."', 'X said that ...: "..."'
        if not found and m.open_mark is not None:
            lo = lo_para if m.nested_in is None else self.marked[m.nested_in].start
            seg = text[lo:m.open_mark]
            ends = list(_SENT_END.finditer(seg))
            before_lo = lo + (ends[-1].end() if ends else 0)
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
                if not found and unnamed is not None and intro[-1] == ":":
                    found, cue, mention = True, unnamed.text, None
                    self.cue_tokens.add(unnamed.i)
                if not found:
                    acc = _ACCORDING.search(intro)
                    if acc:
                        mm = self.first_mention_at(before_lo + acc.end())
                        if mm:
                            found, cue, mention = True, acc.group("cue"), mm
        if not found and m.nested_in is None and prev is not None and prev[0] == m.para and self.standalone(m):
            # '"...," he said. "More words."': the next quote in the paragraph is the same speaker's
            between = text[prev[2].end:m.open_mark if m.open_mark is not None else m.start]
            if not any(self.is_cue(t) and not inside(self.regions, t.idx) for t in self.doc.char_span(
                    prev[2].end, prev[2].end + len(between), alignment_mode="expand") or ()) or len(between) < 80:
                found, mention = True, prev[1]
        if not found and m.nested_in is None:
            # a paragraph that is only speech continues the previous paragraph's speaker
            para_only = m.open_mark is None or not text[lo_para:m.open_mark].strip()
            if para_only and prev is not None and words >= _MIN_WORDS_NO_CUE:
                if prev[0][1] <= lo_para and lo_para - prev[0][1] < 400:
                    found, mention = True, prev[1]
        kind = "direct" if self.standalone(m) else "mixed"
        if not found and (words < _MIN_WORDS_NO_CUE or m.nested_in is not None or kind == "mixed"):
            return None, None
        return self.make(m.start, m.end, kind, mention, cue), mention

    def standalone(self, m: Marked) -> bool:
        if m.open_mark is None:
            return True
        before = self.text[m.para[0]:m.open_mark].rstrip()
        return not before or before[-1] in ":,.!?—–-\"“'‘"

    # ---- indirect speech -------------------------------------------------------------------------------------
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
        for acc in _ACCORDING.finditer(self.text):
            if inside(self.regions, acc.start()) or acc.start() not in self.tok_at:
                continue
            sent = self.sentence_of(self.tok_at[acc.start()])
            q = self.according(acc, sent)
            if q is not None:
                out.append(q)
        return out

    def sentence_of(self, i: int):
        k = bisect.bisect_right(self._sent_starts, i) - 1
        a = self._sent_starts[k] if k >= 0 else 0
        b = self._sent_starts[k + 1] if k + 1 < len(self._sent_starts) else len(self.doc)
        return self.doc[a:b]

    def cue_lemma_ids(self) -> set[int]:
        from spacy.strings import hash_string

        return {hash_string(w) for w in self.L.reporting | set(self.L.reporting_phrases)}

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
        if subj is None:
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
                if start < verb.idx:
                    return None
            elif lemma in self.L.reporting_obj:
                start = verb.idx
            else:
                start = self.late_that(verb, sent)
                if start is None:
                    return None
        end = self.content_end(start, sent.end_char)
        if len(self.text[start:end].split()) < _MIN_WORDS_INDIRECT:
            return None
        if inside(self.regions, start):
            return None
        kind = "mixed" if any(ch in self.text[start:end] for ch in _QUOTE_CHARS) else "indirect"
        return self.make(start, end, kind, subj, verb.text if start != verb.idx else self.text[verb.idx:self.cue_end(verb)])

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

    def first_mention_at(self, pos: int):
        """A person mention starting at pos, or after a determiner at pos."""
        i = bisect.bisect_left(self.mention_starts, pos)
        if i < len(self.mentions):
            s = self.mentions[i][0]
            if s == pos or re.fullmatch(r"(?i)(?:the|a|an)\s+", self.text[pos:s]):
                return self.mentions[i]
        return None

    def according(self, acc, sent) -> Quote | None:
        mm = self.first_mention_at(acc.end())
        if mm is None:
            return None
        comma = self.text.find(",", mm[1], sent.end_char)
        if acc.start() - sent.start_char <= 2 and comma >= 0:
            start = comma + 1
        else:
            start = sent.start_char
        end = self.content_end(start, sent.end_char)
        if len(self.text[start:end].split()) < _MIN_WORDS_INDIRECT:
            return None
        kind = "mixed" if any(ch in self.text[start:end] for ch in _QUOTE_CHARS) else "indirect"
        return self.make(start, end, kind, mm, acc.group("cue"))

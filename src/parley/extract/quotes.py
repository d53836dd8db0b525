"""Direct, indirect and mixed quotes: source, cue and content, with speakers resolved to people where the text allows.

Direct speech is found by its marks (extract._quotemarks); each passage then looks for its cue after the closing
mark ('"...," he said', "'...'- Putin remarked") or before the opening one ('Markov said: "..."', 'X said that ...:
"..."', 'the headline reads: "..."', a paragraph closing with 'Cruz continued:'); a paragraph that is only a quote
continues the previous speaker. Indirect speech is a cue verb (extract._quotecues: nlp/data/reporting_verbs.txt and
quote_cues.txt, with their senses) with its content after it ("X noted that ...", "X stressed ...", "X urged Y to
...", "X called the plan a disaster"), before it ("..., he said."), around it ("This, he says, is ...") or in a
relative clause ("which he said ..."), plus "according to X" and "as X noted, ...". A participle after a comma goes
on with the clause's speaker ("X said A, adding that B": two quotes, as PolNeAR has them; joining them cost 0.002
F1 on its train split), and content stops where the speaker goes on to a second predicate (extract._quotecontent).
A clause that opens with marked words and goes on after them ('X says “the wind is at our backs” despite the
loss') is one mixed quote, the whole clause.

Every quote keeps its source as written (``source_span``, ``source_kind``, from extract._quotesources): a person,
organisation, document, group or anonymous source. ``speaker`` is the entity people.py tied the source mention to
(name, role phrase or pronoun), or the person or organisation entity a source phrase names at its head ("Foreign
Minister X", "the Liberal Party"). Indirect speech needs a person, group, anonymous or document source
("a new poll shows ...", "according to a count by ...") or an organisation ("the ministry said ..."; _INDIRECT_SOURCES).

With ``learned=True`` a trained cue (extract._quotemodel, weights from tools/train_attributions.py on PolNeAR train)
adds what PolNeAR counts as attribution beyond speech: stance, belief and intent ("the governor endorsed X",
"Democrats want to ..."), from every verb with a source subject whose content the rules left. It is off by
default: the team's news gold counts few of these as quotes (on news-a, at the model's threshold, indirect quotes
18/21 -> 20/21 but their precision 0.45 -> 0.19; news-b 24/37 -> 27/37, 0.48 -> 0.22; at 0.9 still 0.43 and 0.47;
keeping only the model's speech-kind quotes still gives news-a 20/21 at 0.34).

Every quote carries its ``cue_kind`` (extract._quotecues.cue_kind, nlp/data/quote_cue_kinds.txt): speech, document,
stance or belief. ``extract_quotes`` returns speech and documents by default (``SPOKEN``: what a reader and the news
gold call quotes); ``kinds=None`` gives every attribution, as PolNeAR's scoring (bench/polnear.py) counts them.
A line of a name, a colon and a claim ("Senator X: Budget ‘Is a Disgrace’") is that person's
(headline_claims).

One odd passage never costs the document: each quote is built on its own and a failure drops only that quote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from parley.extract._lexicons import lexicons, token_index
from parley.extract._quotecontent import clause_end, unparsed_clause, withheld
from parley.extract._quotemodel import Candidate, features, model
from parley.extract._quotecues import SPOKEN, cue_kind, cues
from parley.extract._quotemarks import Marked, find_marked, inside
from parley.extract._quotesources import is_medium, participle_head, phrase_source, source_of, subject_token
from parley.models import Entity, Quote, SpeakerMention

__all__ = ["extract_quotes", "attribution_candidates", "SPOKEN"]

_SENT_END = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z\"“'‘])|[.!?]\s*$")
_ACCORDING = re.compile(r"\b(?P<cue>[Aa]ccording to)\s+")
_APPOSITION = re.compile(r",[^,.;:!?\"“”\n]{3,140},\s*(?:[a-z]+ly\s+)?")
_MODIFIER = re.compile(r"\b(?:of|for|to|with|from|at|by|and|or)\b|[’']s\b|,")
# a title or name in marks inside a sentence ("told “Good Morning America”", "the “Orange Is the New Black”
# star"): up to six words (run), each capitalised but the short function words between them
_TITLE = re.compile(r"[A-Z][\w’'-]*(?:[ ,]+(?:[A-Z][\w’'-]*|of|the|a|an|and|in|on|for|to|is|at|by|with))*"
                    r"[?!.]?(?<=\S)")
# a line of a name (up to five capitalised words), a colon and a claim: "Senator X: Budget ‘Is a Disgrace’"
_HEADLINE_CLAIM = re.compile(r"(?m)^(?P<source>(?:[A-Z][\w.’'-]*[ \t]?){1,5}): (?P<content>[^\n]+?)\s*$")
_MIN_WORDS_NO_CUE = 6
_MIN_WORDS_INDIRECT = 3
_QUOTE_CHARS = "\"“”„«»"
# Kinds of source not resolved to a person that still carry indirect speech ("he said ...", "officials said ...",
# "according to experts", "the poll shows ...", "the ministry said ...", "Kyodo news agency said ..."). An
# organisation speaks through a clause or content before its cue, not through an object ("the ministry announced
# a plan" is its act); a place standing for a government ("Baku and Yerevan said", speaks_alone) and a news medium
# reporting without marks ("the state news agency said", medium_alone: the channel of the news, whose reports the
# real-news gold does not list) are left out. On PolNeAR train (first 150) organisations add 0.008 F1 (all).
_INDIRECT_SOURCES = frozenset({"person", "group", "anonymous", "document", "organisation"})


def extract_quotes(doc, entities: tuple[Entity, ...], learned: bool = False,
                   kinds: frozenset[str] | None = SPOKEN) -> tuple[Quote, ...]:
    """The quotes of a parsed article, each with its ``cue_kind`` (speech, document, stance, belief:
    extract._quotecues). ``learned`` adds the attributions the learned cue finds beside the rules
    (extract._quotemodel): PolNeAR's wider sense of attribution, stance and intent included ("X supports ...",
    "Democrats want to ..."). ``kinds`` keeps only quotes of those cue kinds: by default ``SPOKEN`` (speech and
    documents), what the team's news gold and a reader count as quotes (on news-a it drops two "thinks"/"believes"
    clauses, none of them gold: indirect precision 0.47 -> 0.50); None keeps all, as PolNeAR's scoring does."""
    try:
        q = _Quoter(doc, entities)
    except Exception:  # never let quotes break the record
        return ()
    out = q.run(learned)
    return out if kinds is None else tuple(x for x in out if x.cue_kind in kinds)


class _Quoter:
    def __init__(self, doc, entities):
        self.doc = doc
        self.text = doc.text
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
    def make(self, a: int, b: int, kind: str, mention, cue: str | None, source=None) -> Quote | None:
        """The quote text[a:b] (marks and edge punctuation trimmed); `source` is (start, end, kind) of the source
        as written when it is known apart from a person mention."""
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
        if source is not None:
            source = (self.after_break(source[0], source[1]), source[1], source[2])
            if mention is None:
                mention = self.named_in_source(source)
            if mention is not None and mention[2] in self.ents:
                source = (source[0], source[1], "person")
        if mention is not None and mention[2] in self.org_ents:
            org = self.org_ents[mention[2]]
            return Quote(text=text[a:b], kind=kind, start=a, end=b, speaker=org.name, speaker_id=org.id, cue=cue,
                         speaker_mention=SpeakerMention(mention[0], mention[1]),
                         source_span=SpeakerMention(source[0], source[1]), source_kind="organisation")
        if mention is not None:
            s, e, eid = mention
            ent = self.ents.get(eid)
            if ent is not None:
                speaker, speaker_id = ent.name, ent.id
                role = self.role_for(ent, text[s:e])
                sm = SpeakerMention(s, e)
        src = src_kind = None
        if source is not None:
            src, src_kind = SpeakerMention(source[0], source[1]), source[2]
        elif sm is not None:
            src, src_kind = sm, "person"
        return Quote(text=text[a:b], kind=kind, start=a, end=b, speaker=speaker, speaker_id=speaker_id, cue=cue,
                     speaker_mention=sm, speaker_role=role, source_span=src, source_kind=src_kind)

    def speaks_alone(self, source) -> bool:
        """Whether an unresolved source carries indirect speech: a person, group, anonymous, document or
        organisation source ("he", "officials", "a spokesman for X", "a new poll", "the ministry"), not a place
        standing for its government ("Oslo and Stockholm said") nor a name the record does not hold as a person."""
        if source is None or source[2] not in _INDIRECT_SOURCES:
            return False
        if self.text[source[0]:source[1]].lower() in ("i", "we", "you"):
            return False  # a speech transcribed without marks: the speaker is the article's, not resolved here
        # a name that the record does not hold as a person ("Kyodo said", "SPA said") is no person's voice
        head = self.doc.char_span(source[0], source[1], alignment_mode="expand")
        if source[2] == "organisation":  # "the ministry said"; not a place ("Baku and Yerevan hint")
            return head is None or head.root.ent_type_ not in ("GPE", "LOC")
        return head is None or head.root.pos_ != "PROPN" or self.covering(head.root.idx) is not None

    def named_in_source(self, source):
        """The person, else organisation, that a source phrase names at its head: "Foreign Minister X", "the
        X campaign"; not one in a modifier ("a spokesman for X", "X's lawyer")."""
        a, b = source[0], source[1]
        for pool in (self.mentions, self.org_mentions):
            for s, e, eid in pool:
                if a <= s and e == b and not _MODIFIER.search(self.text, a, s):
                    return s, e, eid
        return None

    @staticmethod
    def role_for(ent: Entity, said: str) -> str | None:
        low = re.sub(r"^(?:the|a|an)\s+", "", said.lower())
        for r in ent.roles:
            if r.lower() == low:
                return r
        return ent.roles[0] if ent.roles else None

    def rules(self) -> list[Quote]:
        self.cue_tokens: set[int] = set()
        self.covered: list[tuple[int, int]] = []  # reported content to the sentence end, before clause_end cut it
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
                    prev = (m.para, mention, m, q.source_span and (q.source_span.start, q.source_span.end,
                                                                   q.source_kind))
        for k, q in list(found.items()):
            parent = self.marked[k].nested_in
            if q.kind == "mixed" and (q.speaker_id is None or len(q.text.split()) <= 6 and _TITLE.fullmatch(q.text)):
                del found[k]  # a phrase in quote marks that nobody is said to have said, or a title: not a quote
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
            spans = sorted([(q.start, q.end) for q in reported] + self.covered)
            out = [q for q in out if q.kind != "mixed" or not any(a <= q.start and q.end <= b for a, b in spans)]
        out.extend(reported)
        out.sort(key=lambda q: (q.start, q.end))
        return out

    def run(self, learned: bool = False) -> tuple[Quote, ...]:
        out = [self.with_kind(q) for q in self.rules()]
        try:
            out.extend(self.learned(out) if learned else ())
        except Exception:
            pass  # the rules' quotes stand without the model's
        out.sort(key=lambda q: (q.start, q.end))
        return tuple(out)

    def with_kind(self, q: Quote) -> Quote:
        """A rule quote with its cue kind: words in marks are speech (or a document's); reported content takes the
        sense of its cue verb ("he thinks ..." belief), the nearest token written as its cue."""
        if q.kind == "direct" or q.cue is None:
            return replace(q, cue_kind=cue_kind("say", q.source_kind, True))
        tok = self.cue_token(q)
        lemma = tok.lemma_ if tok is not None else q.cue.split()[0]
        return replace(q, cue_kind=cue_kind(lemma, q.source_kind, True))

    def cue_token(self, q: Quote):
        """The token nearest the quote whose text is its cue's first word."""
        word = q.cue.split()[0]
        best = None
        for tok in self.tokens_between(max(0, q.start - 300), min(len(self.text), q.end + 300)):
            if tok.text == word:
                d = 0 if q.start <= tok.idx < q.end else min(abs(tok.idx - q.start), abs(tok.idx - q.end))
                if best is None or d < best[0]:
                    best = (d, tok)
        return best[1] if best else None

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
        source = None
        limit = hi_para
        if m.nested_in is not None:
            limit = self.marked[m.nested_in].end
        mention, cue, cue_tok = None, None, None
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
                if self.is_cue(tok) and participle_head(tok) is None:  # '"...", promising X': X is its content
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
                if not found and unnamed is not None and intro[-1] in ":," and self.standalone(m):
                    found, cue, mention, cue_tok = True, unnamed.text, None, unnamed
                    self.cue_tokens.add(unnamed.i)
                if not found:
                    acc = _ACCORDING.search(intro)
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
        out.extend(self.headline_claims())
        return out

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
            if len(self.text[a:b].split()) < _MIN_WORDS_INDIRECT:
                continue
            q = self.make(a, b, "indirect", name, ":", (m.start("source"), m.end("source"), "person"))
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

        return {hash_string(w) for w in self.C.lemmas()}

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
        if len(self.text[start:end].split()) < _MIN_WORDS_INDIRECT or self.marked_only(start, end):
            return None
        if withheld(verb, self.doc[self.tok_at[start]] if start in self.tok_at else None):
            return None
        kind = "mixed" if any(ch in self.text[start:end] for ch in _QUOTE_CHARS) else "indirect"
        if self.medium_alone(subj, source, kind):
            return None
        cue = verb.text if start != verb.idx else self.text[verb.idx:self.cue_end(verb)]
        q = self.make(start, end, kind, subj, cue, source)
        if q is not None:
            self.covered.append((start, whole))
        return q

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
                while i > 0 and (self.doc[i - 1].is_punct and self.doc[i - 1].text not in _QUOTE_CHARS
                                 or self.doc[i - 1].dep_ == "cc"):
                    i -= 1
                if self.doc[i].idx > start:
                    return min(end, self.doc[i].idx)
        return end

    def marked_only(self, start: int, end: int) -> bool:
        """Whether reported content starting at `start` lies inside direct speech: it starts in a marked passage
        and does not go on past it by a few words ('says “the wind is at our backs” despite the loss' goes on:
        the clause is the content, marked words and all)."""
        k = bisect.bisect_right(self.regions, (start, float("inf"))) - 1
        if k < 0 or not self.regions[k][0] <= start < self.regions[k][1]:
            return False
        if self.text[self.regions[k][0]:start].strip(_QUOTE_CHARS + " "):
            return True  # starts inside the quoted words, not at their opening mark
        return len(re.findall(r"\w+", self.text[self.regions[k][1]:end])) < _MIN_WORDS_INDIRECT

    def make_reported(self, start: int, end: int, verb, subj, source) -> Quote | None:
        if len(self.text[start:end].split()) < _MIN_WORDS_INDIRECT or inside(self.regions, start):
            return None
        kind = "mixed" if any(ch in self.text[start:end] for ch in _QUOTE_CHARS) else "indirect"
        if self.medium_alone(subj, source, kind):
            return None
        return self.make(start, end, kind, subj, verb.text, source)

    def medium_alone(self, subj, source, kind: str) -> bool:
        """A news medium's own report with no words of anyone in marks ("the state news agency said the two met"):
        the channel of the news, not a voice in it (nlp/data/quote_media.txt). Its words in marks are still a
        quote ('state TV reported that they met to “discuss the agreement”')."""
        return subj is None and kind == "indirect" and source is not None and source[2] == "organisation" \
            and is_medium(self.text[source[0]:source[1]])

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
        if any(t.is_quote or t.text in _QUOTE_CHARS for t in tail) or any(self.is_cue(t) for t in tail):
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
        if self.doc[content_lo.i].is_punct or self.doc[content_lo.i].text in _QUOTE_CHARS:
            return None  # a direct quote's closing part: handled by its marks
        return self.after_break(start, end), end

    def after_break(self, start: int, end: int) -> int:
        """Content never reaches back across a line break (a headline the parser ran into the sentence)."""
        nl = self.text.rfind("\n", start, end)
        return start if nl < 0 else nl + 1

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
        if len(self.text[start:end].split()) < _MIN_WORDS_INDIRECT:
            return None
        kind = "mixed" if any(ch in self.text[start:end] for ch in _QUOTE_CHARS) else "indirect"
        if self.medium_alone(mm, source, kind):
            return None
        return self.make(start, end, kind, mm, acc.group("cue"), source)

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

    def according_source(self, i: int | None):
        """The object of "according to" (its first token at index i) as a source ("according to a new poll")."""
        if i is None or i + 1 >= len(self.doc):
            return None
        to = self.doc[i + 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None and i + 2 < len(self.doc) and self.doc[i + 2].pos_ in ("NOUN", "PROPN", "PRON"):
            obj = self.doc[i + 2]
        return phrase_source(obj) if obj is not None else None

    # ---- learned cues ----------------------------------------------------------------------------------------
    def learned(self, found: list[Quote]) -> list[Quote]:
        """Attributions the rules missed whose cue the model (extract._quotemodel) scores at or above its
        threshold; of candidates with nearly the same content, the likelier one."""
        m = model()
        if m is None:
            return []
        scored = sorted(((m.probability(c.features), c) for c in self.candidates(found)),
                        key=lambda pc: (-pc[0], pc[1].start, pc[1].verb))
        taken: list[tuple[int, int]] = []
        out = []
        for p, c in scored:
            if p < m.threshold:
                break
            if any(_jaccard((c.start, c.end), t) >= 0.5 for t in taken):
                continue
            verb = self.doc[c.verb]
            source = source_of(verb)  # the subject phrase as written, not the nearest name before it
            subj = self.subject_of(verb, self.sentence_of(c.verb).start_char, verb.idx)
            if subj is not None and not (source[0] <= subj[0] and subj[1] <= source[1]):
                subj = None
            kind = "mixed" if any(ch in self.text[c.start:c.end] for ch in _QUOTE_CHARS) else "indirect"
            q = self.make(c.start, c.end, kind, subj, verb.text, source)
            if q is not None:
                taken.append((c.start, c.end))
                out.append(replace(q, cue_kind=cue_kind(verb.lemma_, q.source_kind, self.is_cue(verb))))
        return out

    def candidates(self, found: list[Quote]) -> list[Candidate]:
        """Every verb with a source subject and a content span of its own that no quote in `found` already holds
        (a content inside a found quote is a nested candidate: "X said Democrats want ..."). On PolNeAR train,
        keeping only the sources the rules take for reported speech (``speaks_alone``) cost 0.02 F1 on dev."""
        from spacy.attrs import POS

        spans = sorted((q.start, q.end) for q in found)
        pos = self.doc.to_array([POS]) if len(self.doc) else []
        verb_pos = {self.doc.vocab.strings["VERB"], self.doc.vocab.strings["AUX"]}
        out = []
        for i in (i for i, x in enumerate(pos) if int(x) in verb_pos):
            verb = self.doc[i]
            if verb.dep_ in ("aux", "auxpass") or inside(self.regions, verb.idx):
                continue
            src = source_of(verb)
            if src is None:
                continue
            content = self.candidate_content(verb, self.sentence_of(i))
            if content is None:
                continue
            a, b, shape = content
            if any(_jaccard((a, b), s) >= 0.3 for s in spans):
                continue
            nested = any(s <= a and b <= e for s, e in spans)
            feats = features(verb, subject_token(verb), src[2], shape, a, b, self.text[a:b], self.is_cue(verb), nested)
            out.append(Candidate(i, a, b, (src[0], src[1]), shape, feats))
        return out

    def candidate_content(self, verb, sent) -> tuple[int, int, str] | None:
        """The content a candidate cue reports and its shape: a that-clause, a complement clause, an unparsed
        clause, the complements after the verb (its object, "to ..." clause, "of ..." phrase), or the clause before
        "..., he said"; cut where the rules cut reported content."""
        nxt = self.doc[verb.i + 1] if verb.i + 1 < len(self.doc) else None
        comps = [c for c in verb.rights if c.dep_ in _COMPLEMENTS]
        right_end = None
        if nxt is not None and nxt.lower_ == "that" and nxt.dep_ == "mark":
            start, shape = nxt.idx + len(nxt.text), "that"
        elif any(c.dep_ == "ccomp" for c in comps):
            start, shape = next(c for c in comps if c.dep_ == "ccomp").left_edge.idx, "ccomp"
        elif unparsed_clause(verb) is not None:
            start, shape = unparsed_clause(verb), "clause"
        elif comps:
            first = comps[0]
            start = first.left_edge.idx
            shape = f"comp:{first.dep_}" + (f":{first.lower_}" if first.dep_ == "prep" else "")
            last = comps[-1].right_edge
            right_end = last.idx + len(last.text)
        else:
            before = self.content_before(verb, sent)
            return None if before is None else (before[0], before[1], "before")
        if start <= verb.idx:
            return None
        whole = self.content_end(start, sent.end_char)
        end = min(whole, clause_end(verb, start) or whole, right_end or whole)
        while end > start and self.text[end - 1] in " ,;:.\n\t":
            end -= 1
        if len(self.text[start:end].split()) < 2 or "\n" in self.text[start:end]:
            return None
        return start, end, shape


# the dependents after a verb that hold what it reports: its object, clause, complement, "of ..." phrase
_COMPLEMENTS = frozenset({"ccomp", "xcomp", "dobj", "prep", "acomp", "attr", "oprd", "dative", "advcl", "pcomp"})


def _jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def attribution_candidates(doc, entities: tuple[Entity, ...]) -> tuple[tuple[Quote, ...], tuple[Candidate, ...]]:
    """The rules' quotes and the candidates the learned model scores beside them: what
    tools/train_attributions.py learns from."""
    q = _Quoter(doc, entities)
    found = q.rules()
    return tuple(found), tuple(q.candidates(found))

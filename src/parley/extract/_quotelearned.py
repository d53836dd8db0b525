"""The candidates of the learned cue and what it adds: every verb with a source subject and a content span of its
own that no rule quote holds, scored by extract._quotemodel; those at or above its threshold become quotes, with
the cue kind of their verb (stance and belief for most: "the governor endorsed X", "Democrats want to ...")."""

from __future__ import annotations

from dataclasses import replace

from parley.extract._quotebuild import Builder
from parley.extract._quotecontent import clause_end, unparsed_clause
from parley.extract._quotecues import cue_kind
from parley.extract._quotelookup import QUOTE_CHARS, jaccard
from parley.extract._quotemarks import inside
from parley.extract._quotemodel import Candidate, features, model
from parley.extract._quotesources import source_of, subject_token
from parley.models import Quote

__all__ = ["Learned"]

# the dependents after a verb that hold what it reports: its object, clause, complement, "of ..." phrase
_COMPLEMENTS = frozenset({"ccomp", "xcomp", "dobj", "prep", "acomp", "attr", "oprd", "dative", "advcl", "pcomp"})


class Learned(Builder):
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
            if any(jaccard((c.start, c.end), t) >= 0.5 for t in taken):
                continue
            verb = self.doc[c.verb]
            source = source_of(verb)  # the subject phrase as written, not the nearest name before it
            subj = self.subject_of(verb, self.sentence_of(c.verb).start_char, verb.idx)
            if subj is not None and not (source[0] <= subj[0] and subj[1] <= source[1]):
                subj = None
            kind = "mixed" if any(ch in self.text[c.start:c.end] for ch in QUOTE_CHARS) else "indirect"
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
            if any(jaccard((a, b), s) >= 0.3 for s in spans):
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

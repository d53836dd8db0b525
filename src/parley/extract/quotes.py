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

A trained cue (extract._quotemodel, weights from tools/train_attributions.py on PolNeAR train) adds what PolNeAR
counts as attribution beyond speech: stance, belief and intent ("the governor endorsed X", "Democrats want to
..."), from every verb with a source subject whose content the rules left. It works by default where every kind of
attribution is asked for (``kinds=None``: PolNeAR dev all 0.610 -> 0.718, direct 0.827 -> 0.864, speaker 0.904
-> 0.902; train all 0.593 -> 0.720, direct 0.832 -> 0.870) and not in the spoken view that ``parley extract`` shows, where
its stance and belief are not shown and what it adds of speech kind is mostly false cues for the news gold: on
news-a 22 quotes, 2 of them gold ("stressed the need to ...", "expressed his gratitude", "spoke by phone with
...", "declared martial law"), on news-b 15, 2 gold; with them indirect precision fell (measured before the account kind: news-a 0.49 ->
0.34, news-b 0.50 -> 0.42). ``learned=True`` or ``False`` forces it either way.

Every quote carries its ``cue_kind`` (extract._quotecues.cue_kind, nlp/data/quote_cue_kinds.txt): speech, document,
stance or belief. ``extract_quotes`` returns speech and documents by default (``SPOKEN``: what a reader and the news
gold call quotes); ``kinds=None`` gives every attribution, as PolNeAR's scoring (bench/polnear.py) counts them.
A line of a name, a colon and a claim ("Senator X: Budget ‘Is a Disgrace’") is that person's
(headline_claims).

The finder is one class of mixins, a module each: extract._quotelookup (the article's indexes),
_quotespeakers (whose words), _quotebuild (a Quote from spans), _quotedirect, _quoteindirect, _quotearound (content
before or around the cue), _quoteaccording ("according to X", headline claims) and _quotelearned (the learned cue's
candidates); this module runs them in order and gives each quote its cue kind.

One odd passage never costs the document: each quote is built on its own and a failure drops only that quote.
"""

from __future__ import annotations

import re
from dataclasses import replace

from parley.extract._quoteaccording import According
from parley.extract._quotearound import Around
from parley.extract._quotecues import SPOKEN, account_kind, cue_kind
from parley.extract._quotedirect import Direct
from parley.extract._quoteindirect import Indirect
from parley.extract._quotelearned import Learned
from parley.extract._quotemodel import Candidate
from parley.models import Entity, Quote

__all__ = ["extract_quotes", "attribution_candidates", "SPOKEN"]

# a title or name in marks inside a sentence ("told “Good Morning America”", "the “Orange Is the New Black”
# star"): up to six words (run), each capitalised but the short function words between them
_TITLE = re.compile(r"[A-Z][\w’'-]*(?:[ ,]+(?:[A-Z][\w’'-]*|of|the|a|an|and|in|on|for|to|is|at|by|with))*"
                    r"[?!.]?(?<=\S)")


def extract_quotes(doc, entities: tuple[Entity, ...], learned: bool | None = None,
                   kinds: frozenset[str] | None = SPOKEN) -> tuple[Quote, ...]:
    """The quotes of a parsed article, each with its ``cue_kind`` (speech, document, stance, belief:
    extract._quotecues). ``learned`` adds the attributions the learned cue finds beside the rules
    (extract._quotemodel): PolNeAR's wider sense of attribution, stance and intent included ("X supports ...",
    "Democrats want to ..."); by default (None) it is on when ``kinds`` asks for more than speech and documents
    (``kinds=None``, every attribution) and off for the spoken view, where its additions of speech kind are mostly
    false (news-a 2 gold of 22, news-b 2 of 15) and those of stance and belief are not shown. ``kinds`` keeps only
    quotes of those cue kinds: by default ``SPOKEN`` (speech and documents), what the team's news gold and a reader
    count as quotes (on news-a it drops two "thinks"/"believes" clauses, none of them gold: indirect precision 0.47
    -> 0.50); None keeps all, as PolNeAR's scoring does."""
    if learned is None:
        learned = kinds is None or bool(kinds - SPOKEN)
    try:
        q = _Quoter(doc, entities)
    except Exception:  # never let quotes break the record
        return ()
    out = q.run(learned)
    return out if kinds is None else tuple(x for x in out if x.cue_kind in kinds)


class _Quoter(Direct, Indirect, Around, According, Learned):
    """One article's quote finder: the rules in order (direct speech, then reported speech), then the learned cue."""

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
            if q.kind == "mixed" and (q.speaker_id is None and (q.source_span is None or parent is not None)
                                      or len(q.text.split()) <= 6 and _TITLE.fullmatch(q.text)):
                del found[k]  # a phrase in quote marks that nobody is said to have said, or a title: not a quote
                # (a source as written is someone: '... to expand cooperation “in any field ...,” the statement
                # said'; inside another quote only a person is: "Everyone says 'the door is open', but ...")
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
            added = self.learned(out) if learned else []
        except Exception:
            added = []  # the rules' quotes stand without the model's
        if added:  # a phrase in marks inside a learned attribution is part of it ('warned against the “...” of X')
            out = [q for q in out if q.kind != "mixed" or not any(a.start <= q.start and q.end <= a.end
                                                                  for a in added)]
            out.extend(added)
        out.sort(key=lambda q: (q.start, q.end))
        return tuple(out)

    def with_kind(self, q: Quote) -> Quote:
        """A rule quote with its cue kind: words in marks are speech (or a document's); reported content takes the
        sense of its cue verb ("he thinks ..." belief), the nearest token written as its cue; an organisation's
        account of the facts before its cue ("..., the ministry said") is an account (extract._quotecues)."""
        if q.kind == "direct" or q.cue is None:
            return replace(q, cue_kind=cue_kind("say", q.source_kind, True))
        if account_kind(q.kind, q.source_kind, q.end, q.source_span.start if q.source_span else None):
            return replace(q, cue_kind="account")
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


def attribution_candidates(doc, entities: tuple[Entity, ...]) -> tuple[tuple[Quote, ...], tuple[Candidate, ...]]:
    """The rules' quotes and the candidates the learned model scores beside them: what
    tools/train_attributions.py learns from."""
    q = _Quoter(doc, entities)
    found = q.rules()
    return tuple(found), tuple(q.candidates(found))

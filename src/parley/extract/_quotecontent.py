"""Where reported content starts and ends in the parse, apart from the cue that found it: a clause the parser left
unattached after "said", the point where the speaker goes on to a second predicate, and an open question that is
no statement ("did not say whether ...")."""

from __future__ import annotations

from parley.extract._quotesources import participle_head

__all__ = ["unparsed_clause", "clause_end", "withheld"]

_QUOTE_CHARS = "\"“”„«»"


def unparsed_clause(verb) -> int | None:
    """"said getting fit again had lifted the squad": a clause the parser hung on the verb as a gerund (xcomp,
    csubj) right after it, with a finite verb of its own; its start offset."""
    doc = verb.doc
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is None or nxt.tag_ != "VBG" or nxt.head.i not in (verb.i, *(c.i for c in verb.rights)):
        return None
    clause = nxt if nxt.head.i == verb.i else nxt.head
    if clause.dep_ not in ("xcomp", "csubj", "ccomp") and nxt.dep_ not in ("xcomp", "csubj"):
        return None
    finite = any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in clause.subtree if t.i > nxt.i)
    return nxt.idx if finite else None


def clause_end(verb, start: int) -> int | None:
    """Where reported content that starts at `start` ends when the speaker goes on to a second predicate after it
    ("..., but argues that ...", "..., telling X that ...", "... and tells the crowd ..."): before that predicate;
    in a relative clause ("Trump, who has expressed his doubts, will take office"), the clause's end. None when
    nothing but the sentence end bounds the content."""
    doc = verb.doc
    nxt = [c for c in verb.rights if c.left_edge.idx > start and c.pos_ in ("VERB", "AUX")
           and (c.dep_ == "conj" or participle_head(c) is not None)]
    if not nxt:
        if verb.dep_ in ("relcl", "acl") and verb.right_edge.idx >= start:
            return verb.right_edge.idx + len(verb.right_edge.text)
        return None
    i = min(c.left_edge.i for c in nxt)
    while i > verb.i + 1 and (doc[i - 1].is_punct and doc[i - 1].text not in _QUOTE_CHARS
                              or doc[i - 1].dep_ == "cc" or doc[i - 1].is_space):
        i -= 1
    return doc[i].idx if i > verb.i + 1 else None


def withheld(verb, first) -> bool:
    """"X did not say whether ...", "X declined to say if ...": an open question the speaker left unanswered, not a
    statement. `first` is the content's first token."""
    if first is None or first.lower_ not in ("whether", "if"):
        return False
    return any(c.dep_ == "neg" for c in verb.children) or (
        verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("decline", "refuse"))

"""Tense of the clause that governs a temporal expression, from the spaCy parse."""

from __future__ import annotations

from parley.extract.timex._base import _lex


_TIME_NOUNS = frozenset({"night", "morning", "afternoon", "evening", "day", "eve", "week", "weekend", "end",
                         "beginning", "start", "middle"})


# --------------------------------------------------------------------------------------------------- tense
def _tense_of(doc, start: int, end: int) -> str | None:
    """'past', 'future', 'present', 'planned', 'since' or None for the clause of the expression at [start, end).
    Future cues (future_cues.txt) count anywhere on the way up; a past-tense verb counts only when it governs the date through
    prepositions and the date's own words: "payable Dec. 7" in "declared a dividend payable Dec. 7" is timed by
    "payable", not by the past tense of "declared" (the noun in between takes the date out of that verb's clause).
    'present' (a present-tense verb, "the talks open Monday") and 'planned' (a plan told in the past: "was
    scheduled for March" says nothing of the year, but a weekday planned lies ahead) are read only by weekdays."""
    span = doc.char_span(start, end) or doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    future = _lex()["future"]
    tok = span.root
    crossed = False  # a noun or adjective between the date and the verb
    prospective = False  # a to-infinitive between them: its event lies after the governing verb's
    for _ in range(8):
        if tok.i < span.start or tok.i >= span.end:
            if tok.lower_ == "since" and tok.dep_ in ("prep", "mark"):
                return "since"  # "since shortly after the Oct. 23 killing": on or before publication
            # a noun of time does not take the date out of the clause: "was shot on the night of Oct. 23"
            crossed = crossed or tok.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "PRON") and tok.lemma_ not in _TIME_NOUNS
        if tok.lemma_ == "set" and tok.tag_ == "VBN" and (_has_for(tok) or any(
                c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in tok.children)):
            return "future"  # "set to resume Monday", "is set for Thursday" ("a record set on Aug. 6" is not)
        if tok.lemma_.lower() in future or tok.lower_ in future:
            return _plan(tok.head if tok.dep_ == "acomp" else tok)  # "had been due to expire Friday"
        if any(c.lower_ in future or c.lemma_.lower() in future for c in tok.children if c.dep_ in ("aux", "amod")):
            return "future"
        if tok.pos_ in ("VERB", "AUX"):
            aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
            if any(a.lower_ in future or a.lemma_.lower() in future for a in aux):
                return "future"
            if any(a.lower_ == "would" for a in aux) and not any(a.lemma_ == "have" for a in aux):
                # the future of a past telling ("said the talks would resume Thursday"): ahead of the telling,
                # nothing said of the year; "would have met Monday" is past
                return "planned"
            if any(c.dep_ == "acomp" and c.lemma_.lower() in future for c in tok.children):
                return _plan(tok)  # "payments are due by Dec. 31": the date hangs on the verb, the cue beside it
            if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux) or _past_as_present(tok, aux):
                return None if crossed or prospective else "past"
            if tok.tag_ == "VBN" and any(a.lemma_ == "have" for a in aux):
                return None if crossed or prospective else "past"
            if tok.tag_ == "VBN" and not aux and any(c.dep_ == "nsubj" for c in tok.children):
                # a participle with an active subject and no auxiliary is a simple past the tagger misread ("The
                # plant opened in April")
                return None if crossed or prospective else "past"
            if tok.tag_ == "VBN" and tok.dep_ == "acl" and not aux and not _has_for(tok):
                # a reduced relative: "the year ended March 31", "a high set on Aug. 6" ("a summit set for
                # April" names its target: not past)
                return None if crossed or prospective else "past"
            if prospective and tok.lemma_ == "be" and tok.tag_ in ("VBZ", "VBP") and not crossed:
                return "future"  # "he is to step down in January", "the talks are to resume in March": an arrangement
            if not crossed and (tok.tag_ in ("VBZ", "VBP") or (tok.tag_ == "VBG" and any(
                    a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in aux))):
                return "present"  # "the talks open Monday", "they are meeting Monday"
            if tok.tag_ == "VB" and any(a.lower_ == "to" for a in aux):
                # "is to be held": keep climbing to the governing verb, for a future cue; a past one does not
                # move the date back ("subpoenaed him to testify on Feb. 10", "decided to admit them in March")
                prospective = True
            elif tok.dep_ != "xcomp":
                return None
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def _perfect_of(doc, start: int, end: int) -> bool:
    """The verb the expression at [start, end) hangs on (through prepositions) is in the present perfect ("has grown
    in recent years", "have been falling in recent weeks"): the clause measures a stretch up to now."""
    span = doc.char_span(start, end) or doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(4):
        if tok.head is tok:
            return False
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
            return tok.tag_ in ("VBN", "VBG") and any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in aux)
        if tok.dep_ not in ("prep", "pobj"):
            return False
    return False


def _past_as_present(verb, aux) -> bool:
    """A verb whose past is its base form ("hurt", "cut", "set", "put") tagged VBP although its subject is one
    singular common noun ("Weakness in tech stocks hurt the composite"): the present would be "hurts", so it is the
    past. Not for a subject with a conjunct ("India and China sign", "Iran, Saudi Arabia meet": plural), a name
    ("England play France on Saturday") or "be"."""
    return verb.tag_ == "VBP" and not aux and verb.lemma_ != "be" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "NN" and not any(g.dep_ in ("conj", "cc") for g in c.children)
        for c in verb.children)


def _plan(verb) -> str:
    """A plan told in the past lies before publication when the telling is perfect ("had been scheduled for late
    March", "had been due to expire Friday"); told in the simple past ("was scheduled for March") it says nothing of
    the year but lies ahead of the telling ('planned'); otherwise it lies ahead ('future')."""
    told = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"]
    if verb.tag_ == "VBD" and verb.lemma_ == "be":
        told.append(verb)  # "were due to expire Friday"
    if any(c.lemma_ == "have" for c in told):
        return "past"
    return "planned" if told else "future"  # "were planning to drive there on Monday"


def _has_for(verb) -> bool:
    """The participle takes "for" ("a summit set for Washington in April", "planned for March 3"): it names a target,
    not a time told."""
    return any(c.lower_ == "for" and c.dep_ == "prep" for c in verb.children)

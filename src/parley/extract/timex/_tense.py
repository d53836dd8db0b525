"""Tense of the clause that governs a temporal expression, from the spaCy parse."""

from __future__ import annotations

from parley.extract.timex._base import _lex


# --------------------------------------------------------------------------------------------------- tense
def _tense_of(doc, start: int, end: int) -> str | None:
    """'past', 'future', 'present' or None for the clause of the expression at [start, end). Future cues
    (future_cues.txt) count anywhere on the way up; a past-tense verb counts only when it governs the date through
    prepositions and the date's own words: "payable Dec. 7" in "declared a dividend payable Dec. 7" is timed by
    "payable", not by the past tense of "declared" (the noun in between takes the date out of that verb's clause).
    'present' (a present-tense verb, "the talks open Monday") is read only by weekdays."""
    span = doc.char_span(start, end) or doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    future = _lex()["future"]
    tok = span.root
    crossed = False  # a noun or adjective between the date and the verb
    for _ in range(8):
        if tok.i < span.start or tok.i >= span.end:
            crossed = crossed or tok.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "PRON")
        if tok.lemma_.lower() in future or tok.lower_ in future:
            # a plan told in the past: "had been scheduled for late March" lies before publication,
            # "was scheduled for March" says nothing either way
            told = [c for c in tok.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"]
            if any(c.lemma_ == "have" for c in told):
                return "past"
            return None if told else "future"
        if any(c.lower_ in future or c.lemma_.lower() in future for c in tok.children if c.dep_ in ("aux", "amod")):
            return "future"
        if tok.pos_ in ("VERB", "AUX"):
            aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
            if any(a.lower_ in future or a.lemma_.lower() in future for a in aux):
                return "future"
            if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
                return None if crossed else "past"
            if tok.tag_ == "VBN" and any(a.lemma_ == "have" for a in aux):
                return None if crossed else "past"
            if not crossed and (tok.tag_ in ("VBZ", "VBP") or (tok.tag_ == "VBG" and any(
                    a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in aux))):
                return "present"  # "the talks open Monday", "they are meeting Monday"
            if tok.tag_ == "VB" and any(a.lower_ == "to" for a in aux):
                pass  # "is to be held": keep climbing to the governing verb
            elif tok.dep_ != "xcomp":
                return None
        if tok.head is tok:
            return None
        tok = tok.head
    return None

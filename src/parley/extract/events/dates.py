"""The date of a mention: a timex of its phrase or sentence (parley.extract.timex is the one normaliser)."""

from __future__ import annotations

import re

from parley.extract.events.clause import HOST_VERBS, LIGHT_VERBS, MOTION_VERBS, noun_slot
from parley.extract.events.doc import is_verbal
from parley.extract.events.lexicons import reporting_verbs
from parley.extract.events.mentions import Mention
from parley.extract.timex import first_date
from parley.models import EventDate, Timex


def find_date(doc, m: Mention, timexes: tuple[Timex, ...], published: str | None) -> None:
    lo, hi = m.wstart, m.wend
    tail = _predicate_after(doc, m)
    if tail and timexes:
        hi = m.wend + len(tail)
    if timexes:
        best = None
        for t in timexes:
            if t.start >= lo and t.end <= hi and re.match(r"^(\d{4}|XXXX)", t.value or "") \
                    and re.search(r"\d", t.value) and not in_name(doc, t) and not since_date(doc, t, m.start):
                d = abs(t.start - m.start)
                if best is None or d < best[0]:
                    best = (d, t)
        if best:
            t = _restated(doc.text, best[1], timexes)
            m.date = EventDate(t.value, t.text)
        return
    found = _fallback_date(doc.text[lo:hi], published) or _fallback_date(_predicate_after(doc, m), published)
    if found:
        m.date = EventDate(*found)


_PREDICATE = re.compile(r"\s*(?:,\s*(?:which|that)\s+)?(?:is|was|were|are|will be|has been|had been|will)?\s*"
                        r"(?:scheduled|planned|set|held|expected|due|slated|to be held|took place|take place|"
                        r"takes place|will take place)\b[^.;:!?]{0,40}", re.I)


_NAME_LABELS = {"ORG", "EVENT", "FAC", "WORK_OF_ART", "PRODUCT", "LAW"}


def in_name(doc, t: Timex) -> bool:
    """A year inside a name ("the Baku 2015 European Games Operation Committee", "Expo 2020 Dubai") dates nothing."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if any(tok.ent_type_ in _NAME_LABELS for tok in span):
        return True
    before = span[0].nbor(-1) if span[0].i > 0 else None
    after = span[-1].nbor(1) if span[-1].i + 1 < len(doc) else None
    return bool(before is not None and after is not None and before.pos_ == "PROPN" and after.pos_ == "PROPN"
                and re.fullmatch(r"\d{4}", t.text.strip()))


def since_date(doc, t: Timex, after: int = 0) -> bool:
    """A date under "since" ("the first visit since his re-election on November 20, 2022") is where a period
    starts, not when the event took place: "since" on the way from the date up to the clause's verb, at or after
    character ``after`` (the event's mention: "held in Queenstown since 2021, when the leaders met" dates the
    meeting that follows it)."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    for _ in range(8):
        if tok.lower_ == "since":
            return tok.idx >= after
        if tok.head.i == tok.i or tok is not span.root and is_verbal(tok):
            break
        tok = tok.head
    # the parser often hangs "on DATE" on the main verb: "since" before the date with no verb, comma or
    # conjunction between them is the same reading
    for prev in reversed(doc[span.sent.start:span.start]):
        if prev.lower_ == "since":
            return prev.idx >= after
        if prev.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ") or prev.text in ",;:()":
            return False
    return False


def _restated(text: str, t: Timex, timexes: tuple[Timex, ...]) -> Timex:
    """"today (Wednesday 12 July)", "on Sunday (May 7)": a date the text restates in brackets right after it is
    the text's own calendar date, which wins over a day counted from the publication date."""
    after = re.match(r"\s*\(", text[t.end:t.end + 3])
    if not after:
        return t
    start = t.end + after.end()
    inner = [o for o in timexes if start <= o.start < start + 12 and ")" in text[o.end:o.end + 2]
             and re.match(r"^\d{4}-\d{2}", o.value or "")]
    return inner[0] if inner else t


_NO_DAY = re.compile(r"XXXX-(?:WXX-\d|XX-XX)(?:T.*)?")


def fixes_a_day(value: str | None) -> bool:
    """The value places the event in the calendar: a year, a month or a day of one. A bare weekday ("XXXX-WXX-6":
    "on Saturday" in a page with no publication date) or a bare time ("XXXX-XX-XXT13:00") does not, and the gold's
    rule for such a date is null ("null when the text alone does not fix it"): the event keeps no date, and the
    weekday stays with its mentions, where it still tells one event of the article from another."""
    return bool(value) and not _NO_DAY.fullmatch(value)


def _predicate_after(doc, m: Mention) -> str:
    """"the meeting ... is scheduled for autumn": the predicate that dates a subject noun."""
    g = _PREDICATE.match(doc.text, m.wend, m.sent[1])
    return g.group(0) if g else ""


def _fallback_date(window: str, published: str | None) -> tuple[str, str] | None:
    """Only used when no timexes were given (a caller that ran no date step): the timex layer's first calendar
    date of the window, so there is one normaliser and one year rule."""
    t = first_date(window, published) if window else None
    return (t.value, t.text) if t is not None and t.value else None


def _told_by(m: Mention, verb) -> bool:
    """The event noun is the object of a verb that only speaks of it ("described his phone call as good",
    "announced the meeting on Tuesday"): that verb's date is when it was spoken of, not when the event took place;
    a verb that carries the event (held talks, paid a visit: nlp/data/event_light_verbs.txt, motion and hosting
    verbs) shares its date."""
    if m.verbal or verb.i == m.head.i:
        return False
    slot = noun_slot(m.head)
    return slot.dep_ == "dobj" and slot.head.i == verb.i \
        and verb.lemma_.lower() not in LIGHT_VERBS | MOTION_VERBS | HOST_VERBS


def sentence_dates(doc, mentions: list[Mention], timexes: tuple[Timex, ...], published: str | None = None) -> None:
    """"Biden rolled out the red carpet for Modi on Thursday, as the two leaders agreed ... during talks": an event
    whose own phrase has no date takes the nearest date of its sentence that no other event of the sentence holds
    in its phrase and that does not date a reporting verb ("said on Thursday that ..."), unless the report is of
    the day the article is published and tells of what took place: the wire lede "X said on Wednesday he had
    talks with Y", filed that Wednesday, dates the talks to the day of the report."""
    dated = [t for t in timexes if re.match(r"^(\d{4}|XXXX)", t.value or "") and re.search(r"\d", t.value)
             and not in_name(doc, t)]
    if not dated:
        return
    reporting = reporting_verbs()
    for m in mentions:
        if m.date is not None or m.generic or m.caption:
            continue
        chain, a = {m.head.i: False}, m.head
        clausal = False  # reached through a clause ("said that he held talks"), not a phrase ("said during a visit")
        while a.head.i != a.i:
            clausal = clausal or a.dep_ in ("ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "parataxis")
            a = a.head
            chain[a.i] = clausal
        others = [(o.wstart, o.wend) for o in mentions if o is not m and o.sent == m.sent and not o.generic]
        best = None
        for t in dated:
            if t.start < m.sent[0] or t.end > m.sent[1] or any(a <= t.start and t.end <= b for a, b in others):
                continue
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None and len(span):
                gov = span.root.head
                while gov.head.i != gov.i and not is_verbal(gov):
                    gov = gov.head
                if since_date(doc, t, m.start):
                    continue
                said = gov.lemma_.lower() in reporting and gov.i != m.head.i
                same_day = said and _same_day_report(t, published, m) and _reported_directly(m.head, gov)
                if gov.i not in chain and not (same_day and gov.head.i in chain):
                    continue  # "... talks since the agreement, which collapsed in July": another clause's date
                if said and chain.get(gov.i, True) and not same_day:
                    continue
                if _told_by(m, gov):
                    continue
            d = abs(t.start - m.start)
            if best is None or d < best[0]:
                best = (d, t)
        if best:
            m.date = EventDate(best[1].value, best[1].text)


def _same_day_report(t: Timex, published: str | None, m: Mention) -> bool:
    return bool(published) and t.value == (published or "")[:10] and m.status in (None, "occurred")


def _reported_directly(tok, gov) -> bool:
    """The event is what the report says, not a clause inside it ("would not return ... until the West met its
    demands"): no adverbial or relative clause on the way up to the reporting verb (or to the verb it is
    coordinated with: "X discussed Y at their talks, a source told Sputnik")."""
    for _ in range(10):
        if tok.i == gov.i or tok.i == gov.head.i:
            return True
        if tok.dep_ in ("advcl", "relcl", "acl", "mark") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False

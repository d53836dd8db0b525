"""Reports of one timeline entry that tell it differently: how many texts were signed, how long and what kind of
visit it was.

    count       "signed at least 20 agreements" in one article, "approximately 15 agreements" in another. A count is
                a number (digits, number words, a range "six to seven", a bound "at least", "more than", "up to")
                before an agreement noun (the agreement rows of nlp/data/event_triggers.txt and the count rows of
                nlp/data/account_words.txt), in or next to the evidence sentences of the entry's events; the
                record's amounts are read first, the text fills in what they leave (number words under ten, ranges).
                Two articles disagree when no count of one can be a count of the other.
    count estimate
                counts that can be one number, but one article gives firm figures only ("seven agreements") and
                the other estimates only (a range, a bound, "about": "six to seven pacts"): a soft disagreement an
                analyst weighs (an advance estimate against the count after the signing).
                An article with no count next to its events lends its one figure from anywhere in its text (the
                count of "the" signing), when all its counts can be one number.
    duration    "a two-day visit" / "a three-day visit": the lengths the entry's visit events give
                (resolve._days.visit_length) differ.
    first since "the first since 2018" / "for the first time in 12 years": when the last time before the event
                was, in or next to the evidence sentences of the entry's events (resolve._firsts).
    visit kind  "state visit" / "official visit" / "working visit" (account_words.txt) in the evidence sentences of
                the entry's visit events; two articles disagree when they name no kind in common. An article of a
                visit entry that names no kind there lends the one kind its text names, if it names one only.

Each conflict has a side per article and value: the sentence that gives it, with the value as its stance.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from parley.models import Event, Record
from parley.nlp import lexicon, number_words
from parley.nlp.numbers import parse_number
from parley.resolve._days import visit_length
from parley.resolve._firsts import first_time_sides

__all__ = ["account_disagreements", "Account", "Count", "counts_in", "visit_kinds_in", "counts_agree"]

# the bound a qualifier puts on the number after it ("at least 20" is 20 or more); words not here (about,
# approximately, some) leave the number as given
_LOWER = ("at least", "more than", "over", "upwards of")
_UPPER = ("up to", "as many as", "fewer than", "less than", "no more than")
_NEAR = ("nearly", "almost")  # just under the number
_ABOUT = ("about", "approximately", "around", "roughly", "some")  # no bound, but no firm figure either


@dataclass(frozen=True)
class Account:
    """One disagreement: its kind, a summary, and (article_id, start, end, sentence, value) per side."""
    kind: str  # count | count estimate | duration | first since | visit kind
    summary: str
    sides: tuple[tuple[str, int, int, str, str], ...]


@dataclass(frozen=True)
class Count:
    low: float
    high: float
    text: str
    start: int
    end: int
    estimate: bool = False  # a range, a bound or an approximation ("six to seven", "at least 20", "about 15")


@lru_cache(maxsize=1)
def _words(kind: str) -> tuple[str, ...]:
    rows = [line.split("\t") for line in lexicon("account_words")]
    return tuple(w.strip() for k, w in rows if k.strip() == kind)


@lru_cache(maxsize=1)
def _nouns() -> tuple[frozenset[str], frozenset[str]]:
    """(singular, plural) agreement nouns: the agreement rows of event_triggers.txt, plus account_words.txt."""
    singular, plural = set(), set()
    rows = [("agreement", w, "") for w in _words("count")]
    for line in lexicon("event_triggers"):
        parts = [p.strip() for p in line.split("\t")] + [""]
        rows.append((parts[0], parts[1], parts[2]))
    for kind, word, flags in rows:
        word = word.lower()
        if kind != "agreement" or " " in word:
            continue
        if "plural" in flags or word.endswith("s"):
            plural.add(word)
        else:
            singular.add(word)
            plural.add(word[:-1] + "ies" if word.endswith("y") else word + "s")
    return frozenset(singular), frozenset(plural)


def count_nouns() -> frozenset[str]:
    return _nouns()[0] | _nouns()[1]


@lru_cache(maxsize=1)
def _count_rx() -> re.Pattern:
    word = "(?:" + "|".join(re.escape(w) for w in sorted(number_words(), key=len, reverse=True)) + ")"
    num = rf"(?:\d+|{word}(?:[\s-]+{word})?)"
    qual = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in _LOWER + _UPPER + _NEAR + _ABOUT)
    nouns = "|".join(re.escape(n) for n in sorted(count_nouns(), key=len, reverse=True))
    # up to three modifiers between the number and the noun ("seven bilateral agreements", "20 trade and investment
    # deals"); no partitive or determiner ("two of the agreements" counts a part, not the whole), no number, and
    # no word shaped as a verb or a plural noun ("two countries signed eight agreements": the count is eight)
    mod = (rf"(?!(?:of|the|these|those|its|their|{word})\b)(?![a-z]+(?:ed|ing|[^s']s)\b)[A-Za-z][\w-]*")
    return re.compile(rf"(?<![\w-])(?:(?P<qual>{qual})\s+)?(?P<a>{num})(?:\s*(?:to|or|-|–)\s*(?P<b>{num}))?"
                      rf"\s+(?:{mod}\s+){{0,3}}?(?P<noun>{nouns})(?![\w-])", re.I)


def _number(text: str) -> float | None:
    value = parse_number(text)
    return None if value is None else float(value)


def counts_in(text: str, start: int, end: int, record: Record | None = None) -> list[Count]:
    """Counts of agreement nouns in text[start:end]: the record's amounts there, then the text's own."""
    out: list[Count] = []
    for m in _count_rx().finditer(text, start, end):
        a = _number(m.group("a"))
        b = _number(m.group("b")) if m.group("b") else a
        if a is None or b is None or a <= 0:
            continue
        if m.group("noun").lower() not in _nouns()[1] and (a != 1 or b != 1):
            continue  # "the 2015 deal", "the 123 Agreement": a name or a year, not a count
        low, high = min(a, b), max(a, b)
        qual = re.sub(r"\s+", " ", (m.group("qual") or "").lower())
        if qual in _LOWER:
            high = math.inf
        elif qual in _UPPER:
            low = 1
        elif qual in _NEAR:
            low, high = math.floor(low * 0.8), high - 1 if high > 1 else high
        out.append(Count(low, high, m.group(0), m.start(), m.end(), estimate=bool(qual) or a != b))
    nouns = count_nouns()
    for amt in (record.amounts if record else ()):
        if (start <= amt.start < end and amt.unit.lower() in nouns
                and (amt.unit.lower() in _nouns()[1] or amt.value == 1)
                and not any(c.start <= amt.start < c.end for c in out)):
            out.append(Count(float(amt.value), float(amt.value), amt.text, amt.start, amt.end))
    return sorted(out, key=lambda c: c.start)


def counts_agree(a: Sequence[Count], b: Sequence[Count]) -> bool:
    """Some count of one can be a count of the other (the ranges overlap)."""
    return any(x.low <= y.high and y.low <= x.high for x in a for y in b)


@lru_cache(maxsize=1)
def _visit_rx() -> re.Pattern:
    kinds = sorted(_words("visit"), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in kinds) + r")(?![\w-])",
                      re.I)


def visit_kinds_in(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """(kind, offset) of each protocol category of a visit named in text[start:end]."""
    return [(re.sub(r"\s+", " ", m.group(1).lower()), m.start()) for m in _visit_rx().finditer(text, start, end)]


def _sentences(record: Record, event: Event, around: int) -> list[tuple[int, int]]:
    """The sentences of the event's evidence, with `around` sentences either side."""
    sents = list(record.sentences) or [(0, len(record.article.text))]
    hit = [i for i, (s, e) in enumerate(sents) for ev in event.evidence if s < ev.end and ev.start < e]
    keep = sorted({j for i in hit for j in range(i - around, i + around + 1) if 0 <= j < len(sents)})
    return [sents[j] for j in keep]


def _sentence_of(record: Record, offset: int) -> tuple[int, int]:
    for s, e in record.sentences or [(0, len(record.article.text))]:
        if s <= offset < e:
            return s, e
    return offset, offset


def _label(entry) -> str:
    return f"{str(entry.type).capitalize()} of {', '.join(entry.participants) or 'unnamed parties'}"


def _article_count(record: Record) -> list[Count]:
    """The article's one figure for its signing, wherever it stands: its counts when they can all be one number
    ("six to seven pacts" ... "six to seven documents"), none when the article counts two things."""
    text = record.article.text
    found = counts_in(text, 0, len(text), record)
    if any(not counts_agree([x], [y]) for i, x in enumerate(found) for y in found[i + 1:]):
        return []
    return found


def _estimate_against_figure(a: Sequence[Count], b: Sequence[Count]) -> bool:
    """One article gives only firm figures, the other only estimates (a range, a bound, "about"): "seven" against
    "six to seven". They can be one number, but an analyst weighs a firm count against an advance estimate."""
    firm = [c for c in (*a, *b) if not c.estimate]
    return bool(a and b) and ((all(c.estimate for c in a) and not any(c.estimate for c in b))
                              or (all(c.estimate for c in b) and not any(c.estimate for c in a))) and bool(firm)


def _count_account(kind: str, entry, counted: Sequence[tuple[Record, list[Count]]]) -> Account:
    sides = []
    for rec, found in counted:
        for c in found:
            s, e = _sentence_of(rec, c.start)
            sides.append((rec.article.id, s, e, rec.article.text[s:e], c.text))
    if kind == "count estimate":  # say which side is the estimate
        firm = sorted({c.text for _, found in counted for c in found if not c.estimate}, key=str.lower)
        rough = sorted({c.text for _, found in counted for c in found if c.estimate}, key=str.lower)
        summary = f"{_label(entry)}: reports give {', '.join(firm)}; an estimate gives {', '.join(rough)}"
        return Account(kind, summary, tuple(sides))
    values = sorted({v for *_, v in sides}, key=str.lower)
    return Account(kind, f"{_label(entry)}: reports give " + " vs ".join(values), tuple(sides))


def _duration_accounts(members: Sequence[tuple[Record, Event]], entry) -> list[Account]:
    """Reports of one visit that give it different lengths ("a two-day visit" / "a three-day visit"): one side per
    article and length, citing the sentence of its duration (resolve._days.visit_days)."""
    lengths: dict[str, tuple[Record, int, tuple[int, int]]] = {}
    for rec, ev in sorted(members, key=lambda m: (m[0].article.id, m[1].id)):
        found = visit_length(rec, ev)
        if found is not None and rec.article.id not in lengths:
            lengths[rec.article.id] = (rec, found[0], _sentence_of(rec, found[1].start))
    if len({days for _, days, _ in lengths.values()}) < 2:
        return []
    sides = tuple((aid, s, e, rec.article.text[s:e], f"{days} days")
                  for aid, (rec, days, (s, e)) in sorted(lengths.items()))
    values = sorted({v for *_, v in sides})
    return [Account("duration", f"{_label(entry)}: reports give " + " vs ".join(values), sides)]


def account_disagreements(members: Sequence[tuple[Record, Event]], entry) -> list[Account]:
    """The count and visit-kind disagreements between the articles of one timeline entry's members."""
    out = []
    counts: dict[str, tuple[Record, list[Count]]] = {}
    kinds: dict[str, tuple[Record, list[tuple[str, int]]]] = {}
    for rec, ev in sorted(members, key=lambda m: (m[0].article.id, m[1].id)):
        aid, text = rec.article.id, rec.article.text
        for s, e in _sentences(rec, ev, 1):
            for c in counts_in(text, s, e, rec):
                if c not in counts.setdefault(aid, (rec, []))[1]:
                    counts[aid][1].append(c)
        if ev.type == "visit":
            for s, e in _sentences(rec, ev, 0):
                for k in visit_kinds_in(text, s, e):
                    if k not in kinds.setdefault(aid, (rec, []))[1]:
                        kinds[aid][1].append(k)
    for rec, _ in members:
        if counts and not (counts.get(rec.article.id) or (None, []))[1]:
            whole = _article_count(rec)
            if whole:
                counts[rec.article.id] = (rec, whole)
    ids = sorted(a for a in counts if counts[a][1])
    pairs = [(x, y) for i, x in enumerate(ids) for y in ids[i + 1:]]
    if any(not counts_agree(counts[x][1], counts[y][1]) for x, y in pairs):
        out.append(_count_account("count", entry, [counts[a] for a in ids]))
    elif any(_estimate_against_figure(counts[x][1], counts[y][1]) for x, y in pairs):
        out.append(_count_account("count estimate", entry, [counts[a] for a in ids]))
    out.extend(_duration_accounts(members, entry))
    firsts = first_time_sides(members, entry, lambda rec, ev: _sentences(rec, ev, 1))
    if firsts:
        sides = []
        for rec, found in firsts:
            for t in found:
                s, e = _sentence_of(rec, t.start)
                sides.append((rec.article.id, s, e, rec.article.text[s:e], t.text))
        values = sorted({v for *_, v in sides}, key=str.lower)
        out.append(Account("first since", f"{_label(entry)}: reports date the last time before it "
                           + " vs ".join(values), tuple(sides)))
    if entry.type == "visit" and kinds:
        for rec, _ in members:
            if not (kinds.get(rec.article.id) or (None, []))[1]:
                whole = visit_kinds_in(rec.article.text, 0, len(rec.article.text))
                if len({k for k, _ in whole}) == 1:  # the article's one kind of visit, wherever it says it
                    kinds[rec.article.id] = (rec, whole)
    ids = sorted(a for a in kinds if kinds[a][1])
    if any(not {k for k, _ in kinds[x][1]} & {k for k, _ in kinds[y][1]} for i, x in enumerate(ids) for y in ids[i + 1:]):
        sides = []
        for aid in ids:
            rec, found = kinds[aid]
            for kind in dict.fromkeys(k for k, _ in found):
                s, e = _sentence_of(rec, next(o for k, o in found if k == kind))
                sides.append((aid, s, e, rec.article.text[s:e], kind))
        values = sorted({v for *_, v in sides})
        out.append(Account("visit kind", f"{_label(entry)}: reports give " + " vs ".join(values), tuple(sides)))
    return out

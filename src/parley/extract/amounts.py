"""Money, counts, areas and percentages, each with the object it measures where the sentence says it.

    extract_amounts(doc) -> tuple[Amount, ...]

Four passes over one Doc, first match wins a span:
  1. money      regexes over doc.text built from nlp/data/currencies.txt and scales.txt:
                "4 billion dollars", "$6bn", "€1.2 million", "AZN 300 million", "$ 45,000", "$NZ35 billion"
                -> value, ISO code
  2. ages       "a 95-year-old mother" -> 95 "years" (other lengths of time are DURATION timexes: extract.timex)
  3. measures   number + unit from nlp/data/units.txt: "1,000 square kilometers", "5 bcm", "15%", "15 percent"
  4. counts     a number that the parse attaches (nummod) to a noun: "more than 40 Azerbaijani military officers"
                -> 40 "officials" (head noun through nlp/data/count_categories.txt, else the noun as written);
                "signed seven agreements" -> 7 "agreements"; a range keeps its lower bound ("six to seven
                pacts" -> 6). Not counts: a number after a determiner or possessive ("the two countries", "their
                three sons": a reference), "one", a number word joined by a hyphen ("two-way trade"), years,
                dates and clock times (extract.timex spans, "11.30 a.m.").
The object: the subject of the verb that takes the amount when that verb is a measuring verb (amount_verbs.txt:
"the trade turnover ... exceeds 4 billion dollars" -> "trade turnover"), or the noun an amount modifies or
complements ("investments of $6 billion", "a $6bn deal").
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from parley.extract._numbers import as_number, number_word_regex, number_words, parse_number, scale_words
from parley.models import Amount
from parley.nlp import lexicon

__all__ = ["extract_amounts"]

_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_OBJECT_DROP = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis"}
_CLOCK = {"a.m", "p.m", "am", "pm"}  # "at 11.30 a.m.": a time of day
_TIME_NOUNS = {"day", "week", "month", "year", "decade", "century", "hour", "minute", "second", "time", "times"}


def _aliases(name: str) -> list[tuple[str, str, Decimal]]:
    """(alias, canonical, factor) from 'canonical: alias | alias *factor' lines."""
    out = []
    for line in lexicon(name):
        key, _, rest = line.partition(":")
        for alias in rest.split("|"):
            alias = alias.strip()
            if not alias:
                continue
            factor = Decimal(1)
            if "*" in alias:
                alias, _, f = alias.partition("*")
                alias, factor = alias.strip(), Decimal(f.strip())
            out.append((alias, key.strip(), factor))
    return out


def _is_name(alias: str) -> bool:
    """Names ('dollars') match in any case; codes ('USD') and symbols ('$', 'km') only as written."""
    return alias.isalpha() and not alias.isupper() and len(alias) > 3 or " " in alias


def _alternation(aliases) -> str:
    parts = []
    for alias in sorted(set(aliases), key=len, reverse=True):
        esc = re.escape(alias).replace(r"\ ", r"\s+")
        parts.append(f"(?i:{esc})" if _is_name(alias) else esc)
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=1)
def _rules():
    currencies = _aliases("currencies")
    units = _aliases("units")
    cur_code = {a.lower() if _is_name(a) else a: c for a, c, _ in currencies}
    unit_code = {(a.lower() if _is_name(a) else a): (c, f) for a, c, f in units}
    scales = scale_words()
    long_scales = [s for s in scales if len(s) > 3]
    short_scales = [s for s in scales if len(s) <= 3]
    words = number_word_regex()
    # a range keeps its lower bound as the value and the whole range as the span: "$3-4 billion" -> 3e9
    number = (rf"(?P<num>{_NUM}|(?i:{words})|(?i:an?)(?=\s+(?i:{_alternation(long_scales)[3:-1]})))"
              rf"(?:\s?[-–]\s?{_NUM}(?![\d,]))?")
    scale = (rf"(?:(?:\s*|-)(?P<scale>(?i:{_alternation(long_scales)[3:-1]})(?:\s+(?i:{_alternation(long_scales)[3:-1]}))?)\b|"
             rf"\s?(?P<sscale>{'|'.join(sorted(map(re.escape, short_scales), key=len, reverse=True))})\b)?")
    # symbols and codes go before the figure: "$", "US$", "AZN", and short mixed-case abbreviations "Rs", "KSh"
    symbols = [a for a, _, _ in currencies if not a.isalpha() or a.isupper() or (len(a) <= 3 and a[0].isupper())]
    names = [a for a, _, _ in currencies]
    prefix = re.compile(rf"(?<![\w$€£])(?P<cur>{_alternation(symbols)})\s?{number}{scale}")
    suffix = re.compile(rf"(?<![\w.,]){number}{scale}\s*(?:of\s+)?(?P<cur>{_alternation(names)})(?![\w$])")
    measure = re.compile(rf"(?<![\w.,]){number}(?:(?:\s*|-)(?P<scale>(?i:{_alternation(long_scales)[3:-1]})))?"
                         rf"[\s-]*(?P<unit>{_alternation([a for a, _, _ in units])})(?!\w)")
    cats = {}
    for line in lexicon("count_categories"):
        key, _, rest = line.partition(":")
        for noun in rest.split("|"):
            if noun.strip():
                cats[noun.strip().lower()] = key.strip()
    return {
        "prefix": prefix,
        "suffix": suffix,
        "measure": measure,
        "cur_code": cur_code,
        "unit_code": unit_code,
        "categories": cats,
        "verbs": frozenset(lexicon("amount_verbs")),
        "scales": scales,
    }


def _lookup(table: dict, alias: str):
    alias = re.sub(r"\s+", " ", alias)
    return table.get(alias) or table.get(alias.lower())


def _value(m: re.Match) -> Decimal | None:
    value = parse_number(m.group("num"))
    if value is None:
        return None
    scale = m.groupdict().get("scale") or m.groupdict().get("sscale")
    if scale:
        for part in scale.split():  # "1.2 lakh crore": every scale word multiplies
            factor = _rules()["scales"].get(part) or _rules()["scales"].get(part.lower())
            if factor is None:
                return None
            value *= factor
    return value


# ----------------------------------------------------------------------------------------------------- object
def _phrase(doc, head, span, stop: int | None = None) -> str | None:
    """The noun phrase headed by ``head``, without the amount itself, relative clauses, appositions, anything from
    token ``stop`` on, or a leading determiner."""
    if head.pos_ == "PRON" or span.start <= head.i < span.end:
        return None
    limit = stop if stop is not None else len(doc)
    keep = {head.i}
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in _OBJECT_DROP or child.i in keep or child.i >= limit:
                continue
            if span.start <= child.i < span.end or child.lower_ == "worth":
                continue
            keep.add(child.i)
            stack.append(child)
    lo, hi = min(keep), max(keep)
    while lo < hi and (doc[lo].dep_ in ("det", "predet") or doc[lo].is_punct):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].pos_ in ("ADP", "CCONJ")):
        hi -= 1
    if hi - lo > 12 or any(span.start <= k < span.end for k in range(lo, hi + 1)):
        # a long clause is not a usable label: keep the head noun and its compounds
        lo = min([c.i for c in head.lefts if c.dep_ in ("compound", "amod")] + [head.i])
        hi = head.i
    return doc[lo:hi + 1].text or None


def _subject(verb):
    for _ in range(4):
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0]
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
            verb = verb.head
        else:
            return None
    return None


_LEAD_IN = {"to", "at", "of", "around", "about", "over", "nearly", "almost", "more", "than", "some", "up",
            "approximately", "roughly", "by", "under", "just", "only", "an", "a", "estimated", "less", "below", "above"}


def _measuring_verb_before(doc, span):
    """The measuring verb just before the amount ("amount to", "exceeds", "stood at"), even where the parser took
    it for a noun ("investments ... amount to": 'amount' tagged NN)."""
    verbs = _rules()["verbs"]
    i = span.start - 1
    steps = 0
    while i >= 0 and steps < 4 and doc[i].lower_ in _LEAD_IN:
        i -= 1
        steps += 1
    if i < 0:
        return None
    tok = doc[i]
    if tok.lemma_.lower() in verbs or tok.lower_ in verbs or tok.lower_.rstrip("s") in verbs:
        return tok
    return None


def _object_of(doc, start: int, end: int) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    verbs = _rules()["verbs"]
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep":
        owner = head.head
        if owner.pos_ in ("NOUN", "PROPN") and head.lower_ in ("of", "worth") and owner.i < head.i:
            return _phrase(doc, owner, span)  # "investments of $6 billion"
        head = owner
    if head.lower_ == "worth" and head.head.pos_ in ("NOUN", "PROPN"):
        return _phrase(doc, head.head, span)  # "trade worth $4 billion"
    if head.lower_ == "worth" and head.i > 0 and doc[head.i - 1].pos_ in ("NOUN", "PROPN"):
        return _phrase(doc, doc[head.i - 1], span)  # "offered loans worth ...": 'worth' hung on the verb
    if root.dep_ in ("compound", "nmod", "amod", "nummod") and head.pos_ == "NOUN" and head.i >= span.end:
        return _phrase(doc, head, span)  # "a $6bn deal"
    if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in verbs:
        subj = _subject(head)
        if subj is not None:
            return _phrase(doc, subj, span)
    verb = _measuring_verb_before(doc, span)
    if verb is None:
        return None
    if verb.pos_ in ("VERB", "AUX"):
        subj = _subject(verb)
        return _phrase(doc, subj, span) if subj is not None else None
    tok = verb  # mis-parsed as a noun: its subject is the noun phrase it hangs from
    while tok.dep_ in ("pobj", "prep", "compound") and tok.head is not tok:
        tok = tok.head
    if tok.pos_ in ("NOUN", "PROPN") and tok.i < verb.i:
        lo = tok.left_edge.i
        while lo < verb.i and (doc[lo].dep_ in ("det", "predet", "cc") or doc[lo].is_punct):
            lo += 1
        if 0 < verb.i - lo <= 12:
            return doc[lo:verb.i].text
        return _phrase(doc, tok, span, stop=verb.i)
    return None


# ----------------------------------------------------------------------------------------------------- passes
def _money(text: str, taken: bytearray, found: list) -> None:
    rules = _rules()
    hits = []
    for regex in (rules["prefix"], rules["suffix"]):
        for m in regex.finditer(text):
            hits.append(m)
    for m in sorted(hits, key=lambda m: (m.start() - m.end(), m.start())):
        s, e = m.start(), m.end()
        if any(taken[s:e]):
            continue
        code = _lookup(rules["cur_code"], m.group("cur"))
        value = _value(m)
        if code is None or value is None:
            continue
        taken[s:e] = b"\x01" * (e - s)
        found.append((s, e, value, code, True))


def _measures(text: str, taken: bytearray, found: list) -> None:
    rules = _rules()
    for m in rules["measure"].finditer(text):
        s, e = m.start(), m.end()
        if any(taken[s:e]):
            continue
        unit = _lookup(rules["unit_code"], m.group("unit"))
        value = _value(m)
        if unit is None or value is None:
            continue
        canonical, factor = unit
        taken[s:e] = b"\x01" * (e - s)
        found.append((s, e, value * factor, canonical, True))


@lru_cache(maxsize=1)
def _age_shape() -> re.Pattern:
    return re.compile(rf"(?<![\w.,])(?P<num>{_NUM}|(?i:{number_word_regex()}))-(?P<unit>year|month|week)s?-old\b")


def _ages(text: str, taken: bytearray, found: list) -> None:
    """Ages, "a 95-year-old mother" -> 95 "years". Other lengths of time ("lasted two hours", "a two-day visit")
    are DURATION timexes (extract.timex), not amounts."""
    for m in _age_shape().finditer(text):
        s, e = m.start(), m.end()
        value = parse_number(m.group("num"))
        if value is None or value <= 0 or any(taken[s:e]):
            continue
        taken[s:e] = b"\x01" * (e - s)
        found.append((s, e, value, m.group("unit").lower() + "s", False))


def _counts(doc, taken: bytearray, found: list) -> None:
    rules = _rules()
    words = number_words()
    scales = rules["scales"]
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if not (tok.like_num or tok.pos_ == "NUM" or tok.lower_ == "dozen") or any(taken[tok.idx:tok.idx + len(tok)]):
            i += 1
            continue
        first = i
        if i >= 1 and doc[i - 1].lower_ in ("a", "an") and (tok.lower_ in scales or tok.lower_ == "dozen"):
            first = i - 1
            if i >= 2 and doc[i - 2].lower_ == "half":
                first = i - 2
        j = i
        while j + 1 < n and (doc[j + 1].like_num or doc[j + 1].text in scales or doc[j + 1].lower_ in scales
                             or doc[j + 1].lower_ == "dozen"
                             or (doc[j + 1].lower_ == "and" and j + 2 < n and doc[j + 2].lower_ in words)):
            j += 1
        last = doc[j]
        phrase = doc[i:j + 1].text
        i = j + 1
        value = parse_number(phrase)
        if first < tok.i and value is not None:
            value = value / 2 if doc[first].lower_ == "half" else value
            phrase = doc[first:j + 1].text
        if value is not None and first >= 2 and doc[first - 1].lower_ in ("to", "-", "–") \
                and parse_number(doc[first - 2].text) is not None:
            low = parse_number(doc[first - 2].text)
            if low < value:  # "six to seven pacts": a range keeps its lower bound, as money does
                first, value = first - 2, low
        if value is None or value <= 0:
            continue
        in_words = not any(ch.isdigit() for ch in phrase)
        if in_words and (value == 1 or (j + 1 < n and doc[j + 1].text in "-–")):
            continue  # "one agreement": an article; "two-way trade", "one-on-one talks": a compound word
        before = doc[first - 1] if first > 0 else None
        if in_words and before is not None and before.dep_ in ("det", "poss") and before.lower_ not in ("a", "an"):
            continue  # "the two countries", "their three children": a reference, not a count
        noun = last.head if last.dep_ in ("nummod", "quantmod", "compound") else None
        if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.i <= last.i or noun.i - last.i > 6:
            continue
        if noun.lemma_.lower() in _TIME_NOUNS or noun.lower_ in _TIME_NOUNS or noun.lower_.strip(".") in _CLOCK:
            continue
        s, e = doc[first].idx, noun.idx + len(noun)
        if any(taken[s:e]):
            continue
        unit = rules["categories"].get(noun.lemma_.lower()) or rules["categories"].get(noun.lower_) or noun.lower_
        taken[s:e] = b"\x01" * (e - s)
        found.append((s, e, value, unit, False))


def extract_amounts(doc) -> tuple[Amount, ...]:
    """Every money amount, measure, percentage and counted figure in doc.text, in text order."""
    from parley.extract.timex import doc_text, find_timex_spans  # here: timex imports this package's numbers

    text = doc_text(doc)
    taken = bytearray(len(text) + 1)
    spans = doc.user_data.get("parley.timex_spans")
    if spans is None:
        spans = find_timex_spans(text)
    found: list = []
    _money(text, taken, found)  # money first: "$2015" is money even where it looks like a year
    _ages(text, taken, found)  # before the timex spans: "a 95-year-old" is an age even where timex saw a duration
    for s, e in spans:
        if not any(taken[s:e]):
            taken[s:e] = b"\x01" * (e - s)
    _measures(text, taken, found)
    _counts(doc, taken, found)
    out = []
    for s, e, value, unit, with_object in sorted(found):
        obj = _object_of(doc, s, e) if with_object else None
        out.append(Amount(value=as_number(value), unit=unit, text=text[s:e], start=s, end=e, object=obj))
    return tuple(out)

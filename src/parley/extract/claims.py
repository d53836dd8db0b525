"""Stance-bearing statements ("X may join Y", "X has no intention of joining Y") that other articles can confirm
or contradict. Predicates come from nlp/data/claim_predicates.txt, stance cues from nlp/data/claim_patterns.txt.

Each claim is a dict: key ("Azerbaijan|join|Eurasian Economic Union"), subject, predicate, object, stance
(possible | denied | affirmed | planned | figure), tense (past for a done deed: "visited", "has not signed";
else future), start/end (the clause), text, speaker (a name or None).
A figure claim ("trade between Russia and India reached $65 billion in 2023") also has value (a float), currency
and figure (the amount as written); its key's object is the year.
A visit's length ("arrived on a four-day visit", "who is on a four-day state visit": a duration of days before a
visit noun, in a visit event's evidence: visit_duration) is a claim of the visiting state, keyed by its length and
the host ("Bangladesh|visit of 4 days|India"), which other reports of the visit confirm; reports of one visit that
give other lengths are told apart by resolve._accounts ("duration"), not here.
Acronyms are folded to the long form the article spells out ("Eurasian Economic Union (EAEU)");
resolve.conflicts folds them across articles as well.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from parley.models import Article, Entity, Event, Quote, Timex
from parley.knowledge.places import capital_of
from parley.knowledge.states import state_name, state_names
from parley.nlp import lexicon

__all__ = ["extract_claims", "acronyms", "claim_key", "fold_place", "spells", "visit_duration"]

_PRONOUNS = {"he", "she", "his", "her", "him"}


@lru_cache(maxsize=1)
def _predicates() -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for line in lexicon("claim_predicates"):
        base, _, forms = line.partition("\t")
        words = [base.strip()] + [f.strip() for f in forms.split(",") if f.strip()]
        words.sort(key=len, reverse=True)
        out.append((base.strip(), re.compile(r"\b(" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
                                             + r")\b", re.I)))
    return tuple(out)


@lru_cache(maxsize=None)
def _keyed_patterns(name: str) -> tuple[tuple[str, re.Pattern], ...]:
    """A data file of ``key <TAB> regex`` lines, the regex searched case-insensitively."""
    out = []
    for line in lexicon(name):
        key, _, rx = line.partition("\t")
        out.append((key.strip(), re.compile(rx.strip(), re.I)))
    return tuple(out)


def _stances() -> tuple[tuple[str, re.Pattern], ...]:
    return _keyed_patterns("claim_patterns")


@lru_cache(maxsize=1)
def _reporting() -> re.Pattern:
    words = sorted(lexicon("reporting_cues"), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def acronyms(text: str) -> dict[str, str]:
    """"Eurasian Economic Union (EAEU)" -> {"EAEU": "Eurasian Economic Union"}: the long form is the run of
    capitalised words (with of/and/the inside) whose initials spell the acronym."""
    out: dict[str, str] = {}
    for m in re.finditer(r"((?:[A-Z][\w-]*\s+(?:(?:of|and|for|the|on)\s+)*){1,8})\(([A-Z]{2,8})\)", text):
        words = m.group(1).split()
        acr = m.group(2)
        caps = [w for w in words if w[0].isupper()]
        for k in range(len(caps), 0, -1):
            tail = caps[-k:]
            if _spells(acr.lower(), [w.lower() for w in tail]):
                start = len(words) - 1 - words[::-1].index(tail[0])
                out[acr] = " ".join(words[start:])
                break
    return out


def _spells(acr: str, words: list[str]) -> bool:
    """Each word gives its initial and maybe more of its letters, in order: EAEU = "EurAsian Economic Union"."""
    if not words:
        return not acr
    if not acr or acr[0] != words[0][0]:
        return False
    word, rest = words[0], acr[1:]
    for used in range(0, len(rest) + 1):
        # letters rest[:used] must appear in order inside the rest of this word
        pos, ok = 1, True
        for ch in rest[:used]:
            pos = word.find(ch, pos) + 1
            if pos == 0:
                ok = False
                break
        if ok and _spells(rest[used:], words[1:]):
            return True
    return False


spells = _spells  # public: resolve.conflicts folds acronyms across articles with it


def claim_key(subject: str, predicate: str, obj: str) -> str:
    return f"{subject}|{predicate}|{obj}"


def _clean(name: str) -> str:
    name = re.sub(r"\s*\(\s*[A-Z][\w+]*\)?$", "", name.strip())  # "Shanghai Cooperation Organisation (SCO"
    name = re.sub(r"(?:'s|’s)$", "", name)
    return re.sub(r"^(the|The)\s+", "", name).strip(" ,.")


@lru_cache(maxsize=1)
def _places() -> tuple[dict[str, str], re.Pattern]:
    """lower-cased state name, demonym or capital -> the state's short name (parley.knowledge), and a pattern
    finding any of them: "Ankara has no plans to ..." speaks for Turkey. Abbreviations ("US", "UK") match in
    capitals only, other names in any case."""
    index: dict[str, str] = {}
    written: set[str] = set()
    for name, code in state_names().items():
        index.setdefault(name.lower(), state_name(code))
        written.add(name)
    for code in dict.fromkeys(state_names().values()):  # each state once, in table order
        capital = capital_of(code)
        if capital:
            index.setdefault(capital.lower(), state_name(code))
            written.add(capital)
    upper = sorted((n for n in written if n.isupper()), key=len, reverse=True)
    other = sorted((n for n in written if not n.isupper()), key=len, reverse=True)
    alt = "|".join([re.escape(n) for n in upper] + ["(?i:" + re.escape(n) + ")" for n in other])
    return index, re.compile(r"(?<![\w.])(" + alt + r")(?![\w])")


def fold_place(name: str) -> str:
    """A country, its other names and its capital -> the country ("New Delhi" -> "India"); anything else as is."""
    return _places()[0].get(_clean(name).lower(), name)


@lru_cache(maxsize=1)
def _objects() -> tuple[tuple[str, re.Pattern], ...]:
    """Common-noun objects (claim_objects.txt): canonical <TAB> words; 'a free trade agreement' -> agreement."""
    out = []
    for line in lexicon("claim_objects"):
        canon, _, forms = line.partition("\t")
        words = sorted({canon.strip(), *(f.strip() for f in forms.split(",") if f.strip())}, key=len, reverse=True)
        out.append((canon.strip(), re.compile(r"^\s*(?:(?:an?|the|any|its|their)\s+)?(?:[\w-]+\s+){0,3}?("
                                              + "|".join(re.escape(w) for w in words) + r")\b", re.I)))
    return tuple(out)


@lru_cache(maxsize=1)
def _outcomes() -> tuple[tuple[str, str, re.Pattern], ...]:
    """claim_outcomes.txt: stance <TAB> predicate <TAB> regex; the object follows the match and the parties are the
    coordinated names before it ("talks between India and Britain collapsed without an agreement")."""
    out = []
    for line in lexicon("claim_outcomes"):
        stance, predicate, rx = (p.strip() for p in line.split("\t", 2))
        out.append((stance, predicate, re.compile(rx, re.I)))
    return tuple(out)


def _firsts() -> tuple[tuple[str, re.Pattern], ...]:
    """claim_firsts.txt: anchor ("year" or "in office") <TAB> regex of a first time since the anchor."""
    return _keyed_patterns("claim_firsts")


@lru_cache(maxsize=1)
def _descriptions() -> tuple[re.Pattern, ...]:
    """claim_descriptions.txt: how an exchange with someone was ("the call with Trump was “very productive”")."""
    return tuple(re.compile(rx) for rx in lexicon("claim_descriptions"))


_EXCHANGE = re.compile(r"\b(?:call|conversation|meeting|talks) with\b")  # cheap test before the descriptions
_NOT_FIRST = re.compile(r"\b(?:not|never|no\s+longer)\s+(?:\w+\s+){0,2}$", re.I)


def _first_party(text: str, cands, m: re.Match, anchor: str, ents) -> tuple[int, int, str] | None:
    """Whom or where a first time is about: for a year, the place named between "first" and "since" ("the first
    time the meeting has been held in Queenstown since 2021"), else the party before; for a time in office, the
    person before ("Biden's first trip"), by family name, as reports name them differently ("Joe Biden")."""
    if anchor == "year":
        inside = [c for c in cands if m.start("what") <= c[0] and c[1] <= m.end("what")]
        if inside:
            return inside[-1]
        return _party(text, cands, m.start())
    people = [(e.start_char, e.end_char) for e in ents if e.label_ == "PERSON" and e.end_char <= m.start() + 1]
    people = [p for p in people if "\n" not in text[p[1]:m.start()]]
    if not people:
        return None
    start, end = people[-1]
    name = _clean(text[start:end]).split()
    return (start, end, name[-1]) if name else None


@lru_cache(maxsize=1)
def _figures() -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for line in lexicon("claim_figures"):
        quantity, _, rx = line.partition("\t")
        out.append((quantity.strip(), re.compile(rx.strip(), re.I)))
    return tuple(out)


_LEVEL = re.compile(r"\s*(?:\w+\s+){0,3}?(?:reached|reach|stood\s+at|stands\s+at|totall?ed|amounted\s+to|was|were|hit|"
                    r"rose\s+to|fell\s+to|grew\s+to|climbed\s+to|dropped\s+to|was\s+worth|were\s+worth)\s+(?:about\s+|"
                    r"around\s+|nearly\s+|almost\s+|some\s+|roughly\s+|more\s+than\s+|over\s+)?", re.I)
_AMOUNT = re.compile(r"((?:US)?\$|€|£)?\s?(\d[\d,]*(?:\.\d+)?)\s*(trillion|billion|bn|million|mn|m)?\b"
                     r"(?:\s+(dollars|euros|pounds|yuan|rubles|roubles|rupees))?", re.I)
_SCALE = {"trillion": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "mn": 1e6, "m": 1e6}


def _amount(text: str, pos: int, limit: int) -> tuple[int, float, str, str] | None:
    """An amount at `pos`: (end, value, currency, its text) — "$65 billion" -> 6.5e10 in "$"."""
    m = _AMOUNT.match(text, pos, limit)
    if not m or not (m.group(1) or m.group(4)) or not (m.group(3) or m.group(1)):
        return None
    value = float(m.group(2).replace(",", "")) * _SCALE.get((m.group(3) or "").lower(), 1.0)
    currency = (m.group(1) or m.group(4) or "").lower().replace("us$", "$").replace("dollars", "$")
    return m.end(), value, currency, m.group(0)


def _stance_rx(name: str) -> re.Pattern | None:
    for stance, rx in _stances():
        if stance == name:
            return rx
    return None


_SUBJECT_LABELS = ("GPE", "ORG", "PERSON", "NORP")
_OBJECT_LABELS = ("ORG", "GPE", "LOC")


def _candidates(text: str, s0: int, s1: int, ents, names: dict[tuple[int, int], str]) -> list[tuple[int, int, str]]:
    """Names in the sentence that can be a claim's party: spaCy entities plus any country/capital parley.knowledge knows
    (the small model misses "Chisinau"); each as (start, end, folded name)."""
    out: dict[int, tuple[int, int, str]] = {}
    for e in ents:
        if s0 <= e.start_char and e.end_char <= s1 and e.label_ in _SUBJECT_LABELS + ("LOC",):
            start = max(e.start_char, text.rfind("\n", 0, e.end_char) + 1)
            if start >= e.end_char:
                continue
            name = names.get((e.start_char, e.end_char)) or _clean(text[start:e.end_char])
            out[start] = (start, e.end_char, fold_place(name))
    for m in _places()[1].finditer(text, s0, s1):
        if not any(a <= m.start() < b for a, b, _ in out.values()):
            out[m.start()] = (m.start(), m.end(), fold_place(m.group(0)))
    return sorted(out.values())


def _party(text: str, cands: list[tuple[int, int, str]], before: int) -> tuple[int, int, str] | None:
    """The last name ending before `before` on the same line, joined with a coordinated one before it
    ("Thailand and Cambodia" -> "Cambodia & Thailand")."""
    prior = [c for c in cands if c[1] <= before and "\n" not in text[c[1]:before]]
    if not prior:
        return None
    last = prior[-1]
    if len(prior) > 1 and re.fullmatch(r"\s*(?:and|&)\s+(?:the\s+)?", text[prior[-2][1]:last[0]]):
        first = prior[-2]
        if first[2] != last[2]:
            return (first[0], last[1], " & ".join(sorted({first[2], last[2]})))
    return last


def _object(text: str, ents, end: int, limit: int) -> tuple[int, str] | None:
    """What follows a predicate: a named organisation or place, an all-capitals acronym (OPEC+), a country or
    capital, or a common-noun object (ceasefire, agreement); as (end offset, folded name)."""
    after = text[end:min(limit, end + 60)]
    for e in ents:
        if end <= e.start_char <= end + 6 and e.label_ in _OBJECT_LABELS and e.end_char <= limit \
                and not re.search(r"\b(?:that|whether|if|when|how)\b", text[end:e.start_char], re.I):
            stop = e.end_char + (1 if text[e.end_char:e.end_char + 1] == "+" else 0)
            paren = text.find(" (", e.start_char, stop)  # the model glues "(SCO" to the long name
            return (paren if paren > 0 else stop), _clean(text[e.start_char:stop])
    m = re.match(r"\s+(?:the\s+)?([A-Z][A-Z0-9]{1,7}\+?)(?![\w+])", after)
    if m:
        return end + m.end(1), m.group(1)
    m = re.match(r"\s+(?:the\s+)?", after)
    pm = _places()[1].match(after, m.end() if m else 0)
    if pm:
        return end + pm.end(), fold_place(pm.group(0))
    for canon, rx in _objects():
        m = rx.match(after)
        if m:
            return end + m.end(1), canon
    return None


_IRREGULAR_PAST = {"went", "left", "quit", "withdrew", "became", "inked"}


def _tense(verb: str, between: str) -> str:
    """past for a done deed ("visited", "has not visited", "have agreed to"), else future (a plan, a possibility,
    a refusal of what is to come): "has not visited Turkey since 2019" does not answer "will he visit Turkey"."""
    first = verb.split()[0].lower()
    if (first.endswith("ed") or first in _IRREGULAR_PAST) and not re.search(
            r"\b(?:will|would|shall|to|may|might|could|can)\b", between, re.I):
        return "past"
    return "future"


def _stance_of(between: str, prefix: str, verb: str) -> str | None:
    stance = None
    for name, srx in _stances():
        if name in ("reported_denied", "qualified"):
            continue
        if srx.search(between):
            stance = name
            break
    if stance is None and re.search(r"ed$", verb.split()[0], re.I) and len(between.strip().split()) <= 2 \
            and re.fullmatch(r"\s*(?:(?:has|have|had|also|now|finally|formally|officially)\s+)*", between, re.I):
        stance = "affirmed"  # "Kenya and Ethiopia signed an agreement", "have agreed to a ceasefire"
    denial = _stance_rx("reported_denied")
    if stance and stance != "denied" and denial is not None and denial.search(prefix):
        stance = "denied"  # "the Kremlin denied that Putin plans to visit ..."
    return stance


_MAX_VISIT_DAYS = 14  # a state visit lasts days, not weeks: a longer "visit" is a stay, not one event's span


@lru_cache(maxsize=1)
def _visit_noun() -> re.Pattern:
    """A visit noun after a duration, up to two words between ("four-day state visit", "two-day official trip"):
    the one-word visit triggers of event_triggers.txt that are nouns."""
    words = set()
    for line in lexicon("event_triggers"):
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) >= 2 and parts[0] == "visit" and " " not in parts[1] and not parts[1].endswith(("ed", "ing")):
            words.add(parts[1].lower())
    nouns = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"\s+(?:[A-Za-z-]+\s+){{0,2}}?(?:{nouns})\b", re.I)


def visit_duration(text: str, timexes: tuple[Timex, ...], event: Event) -> tuple[int, Timex, int] | None:
    """Days of a visit event (2 to 14), the duration that says so ("four-day" before a visit noun, in the event's
    evidence) and where its visit noun ends, or None."""
    if event.type != "visit":
        return None
    for t in timexes:
        m = re.fullmatch(r"P(\d{1,2})D", t.value or "") if t.type == "DURATION" else None
        if not m or not 2 <= int(m.group(1)) <= _MAX_VISIT_DAYS:
            continue
        if any(s.start <= t.start and t.end <= s.end for s in event.evidence):
            noun = _visit_noun().match(text, t.end)
            if noun:
                return int(m.group(1)), t, noun.end()
    return None


def _visit_claims(doc, text: str, events: tuple[Event, ...], timexes: tuple[Timex, ...], entities, quotes):
    """One claim per visit event whose evidence gives its length, of one visiting state and a host."""
    for ev in events:
        found = visit_duration(text, timexes, ev) if ev.host else None
        guests = [a for a in ev.actors if a != ev.host and len(a) == 3 and a.isupper()]
        if found is None or len(guests) != 1:
            continue
        days, t, end = found
        sent = next((s for s in doc.sents if s.start_char <= t.start < s.end_char), None)
        if sent is None:
            continue
        yield {
            "key": claim_key(state_name(guests[0]), f"visit of {days} days", state_name(ev.host)),
            "subject": state_name(guests[0]), "predicate": f"visit of {days} days", "object": state_name(ev.host),
            "stance": "affirmed", "tense": "future" if ev.status == "planned" else "past", "start": t.start,
            "end": end, "text": text[t.start:end], "sentence": [sent.start_char, sent.end_char],
            "speaker": _speaker(doc, text, sent, entities, quotes, t.start, end),
        }


def extract_claims(doc, entities: tuple[Entity, ...], quotes: tuple[Quote, ...], article: Article,
                   events: tuple[Event, ...] = (), timexes: tuple[Timex, ...] = ()) -> tuple[dict[str, Any], ...]:
    text = doc.text  # computed once: spaCy rebuilds it on every access
    folds = acronyms(text)
    ents = [e for e in doc.ents if e.label_ in ("GPE", "ORG", "NORP", "PERSON", "LOC")]
    names = {(m.start, m.end): e.name for e in entities if e.type == "PERSON" for m in e.mentions}
    claims: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()

    def add(subj, predicate, obj_name, stance, end, sent, s0, s1, tense):
        start = subj[0]
        if (start, end) in seen:
            return
        seen.add((start, end))
        obj_name = fold_place(folds.get(obj_name, obj_name))
        claims.append({
            "key": claim_key(subj[2], predicate, obj_name), "subject": subj[2], "predicate": predicate,
            "object": obj_name, "stance": stance, "tense": tense, "start": start, "end": end, "text": text[start:end],
            "sentence": [s0, s1], "speaker": _speaker(doc, text, sent, entities, quotes, start, end),
        })

    for sent in doc.sents:
        s0, s1 = sent.start_char, sent.end_char
        stext = text[s0:s1]
        cands = None
        for predicate, rx in _predicates():
            for pm in rx.finditer(stext):
                p0, p1 = s0 + pm.start(), s0 + pm.end()
                obj = _object(text, ents, p1, s1)
                if obj is None:
                    continue
                if cands is None:
                    cands = _candidates(text, s0, s1, ents, names)
                subj = _party(text, cands, p0)
                if subj is None:
                    continue
                between = text[subj[1]:p0]
                if len(between) > 80:
                    continue
                stance = _stance_of(between, text[s0:subj[0]], pm.group(0))
                if stance is None:
                    continue
                qualified = _stance_rx("qualified")
                if qualified is not None and qualified.match(text, obj[0], s1):
                    continue  # "joined the SCO as a dialogue partner" answers another question
                add(subj, predicate, obj[1], stance, obj[0], sent, s0, s1, _tense(pm.group(0), between))
        for quantity, frx in _figures():
            for fm in frx.finditer(text, s0, s1):
                if cands is None:
                    cands = _candidates(text, s0, s1, ents, names)
                after = [c for c in cands if c[0] >= fm.end() and c[0] <= fm.end() + 40]
                if not after:
                    continue
                pend = after[0][1]
                if len(after) > 1 and re.fullmatch(r"\s*(?:and|&)\s+(?:the\s+)?", text[after[0][1]:after[1][0]]):
                    parties = " & ".join(sorted({after[0][2], after[1][2]}))
                    pend = after[1][1]
                else:
                    parties = after[0][2]
                lm = _LEVEL.match(text, pend, s1)
                amount = _amount(text, lm.end(), s1) if lm else None
                year = re.search(r"\b(?:in|for|during|of)\s+((?:19|20)\d\d)\b", text[s0:s1])
                if amount is None or year is None:
                    continue
                start, end = fm.start(), amount[0]
                if (start, end) in seen:
                    continue
                seen.add((start, end))
                claims.append({
                    "key": claim_key(parties, quantity, year.group(1)), "subject": parties, "predicate": quantity,
                    "object": year.group(1), "stance": "figure", "value": amount[1], "currency": amount[2],
                    "figure": amount[3].strip(), "start": start, "end": end, "text": text[start:end],
                    "sentence": [s0, s1], "speaker": _speaker(doc, text, sent, entities, quotes, start, end),
                })
        lowered = stext.lower()
        for anchor, frx in _firsts() if "first" in lowered else ():
            for fm in frx.finditer(text, s0, s1):
                if _NOT_FIRST.search(text, max(s0, fm.start() - 30), fm.start()):
                    continue  # "not the first time since 2019" says another thing
                if cands is None:
                    cands = _candidates(text, s0, s1, ents, names)
                party = _first_party(text, cands, fm, anchor, ents)
                if party is None:
                    continue
                since = fm.group("year") if anchor == "year" else anchor
                add((min(party[0], fm.start()), party[1], party[2]), "first since", since, "affirmed", fm.end(),
                    sent, s0, s1, "past")
        for drx in _descriptions() if " with " in lowered and _EXCHANGE.search(lowered) else ():
            for dm in drx.finditer(text, s0, s1):
                party = _clean(dm.group("party")).split()
                subject = (dm.start("party"), dm.end("party"), party[-1]) if party else None
                if subject is not None:  # keyed by whom, by family name, and the exchange: "Trump|described|call"
                    add((dm.start(), dm.end("party"), subject[2]), "described", dm.group("noun").lower(),
                        "affirmed", dm.end(), sent, s0, s1, "past")
        for stance, predicate, orx in _outcomes():
            for om in orx.finditer(text, s0, s1):
                obj = _object(text, ents, om.end(), s1)
                if obj is None:
                    continue
                if cands is None:
                    cands = _candidates(text, s0, s1, ents, names)
                subj = _party(text, cands, om.start())
                if subj is None:
                    continue
                add(subj, predicate, obj[1], stance, obj[0], sent, s0, s1, "past")
    for claim in _visit_claims(doc, text, events, timexes, entities, quotes):
        if (claim["start"], claim["end"]) not in seen:
            seen.add((claim["start"], claim["end"]))
            claims.append(claim)
    return tuple(claims)


def _speaker(doc, text: str, sent, entities: tuple[Entity, ...], quotes: tuple[Quote, ...], start: int, end: int) -> str | None:
    for q in quotes:
        if q.start <= start and end <= q.end and q.speaker:
            return q.speaker
    s0, s1 = sent.start_char, sent.end_char
    cue = _reporting().search(text, s0, s1)
    if not cue:
        return None
    spans = sorted((m.start, m.end, e.name) for e in entities if e.type == "PERSON" for m in e.mentions)
    if not spans:
        spans = sorted((e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ == "PERSON")
    inside = [sp for sp in spans if s0 <= sp[0] < s1 and sp[0] < start]
    named = [sp for sp in inside if text[sp[0]:sp[1]].lower() not in _PRONOUNS]
    if named:
        return min(named, key=lambda sp: abs(sp[0] - cue.start()))[2]
    if inside:  # a pronoun the people step resolved
        return inside[-1][2]
    if re.search(r"\b(he|she)\b", text[max(s0, cue.start() - 12):cue.end() + 4], re.I):
        before = [sp for sp in spans if sp[1] <= s0 and text[sp[0]:sp[1]].lower() not in _PRONOUNS]
        if before:
            return before[-1][2]
    return None

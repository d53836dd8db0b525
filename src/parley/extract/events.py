"""Meetings, visits, talks, calls, summits and agreements with participants, place, date, status and agenda.

One linear pass over the regex/lexicon hits of the triggers in nlp/data/event_triggers.txt:

    1. mentions     each trigger with its phrase window (the noun phrase or clause around it), generic uses
                    ("frequent meetings", "met more than once") kept only as references for agenda topics
    2. attributes   participants (canonical people from ``entities``, role phrases such as "the presidents of
                    Russia and Azerbaijan", pronouns), location ("in X", "to X", "the Sochi meeting"), date (from
                    ``timexes``, or a tiny fallback when none were given), status (nlp/data/status_cues.txt)
    3. merging      mentions of the same event in one article become one Event with several evidence spans;
                    "24 days after his meeting" links two events and dates one from the other when it can
    4. agenda       topics (extract.topics) from agenda sentences, given to the event they name or the main event

Photo captions (a verbless first paragraph such as "Putin-Aliyev meeting in Sochi. 2022") keep their own date and
never become the article's main event.
"""

from __future__ import annotations

import contextvars
import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from parley.extract.actors import PersonStates, clause_states, event_actors
from parley.extract.topics import country_of, demonym_pattern, find_topics, is_country
from parley.models import Article, Entity, Event, EventDate, Evidence, Timex
from parley.nlp import lexicon, search_fold

__all__ = ["extract_events", "FAMILY", "family", "triggers", "venue_city"]

FAMILY = {"meeting": "meeting", "visit": "meeting", "talks": "meeting", "summit": "meeting", "call": "call",
          "agreement": "agreement"}

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": 3}
_PRONOUNS = {"he", "his", "him", "she", "her", "hers", "they", "their", "them", "it", "its", "i", "we", "you"}
_UNIT_DAYS = {"day": 1, "week": 7}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_GENERIC_DET = {"every", "each", "any", "such", "many", "several", "frequent", "regular", "numerous", "all"}
_HABITUAL = re.compile(r"\b(more than once|several times|many times|repeatedly|regularly|often|frequently|"
                       r"never|every year|each year|from time to time)\b", re.I)
_PARTICIPLES = {"signed", "held", "concluded", "scheduled", "planned", "hosted", "organized", "organised", "due"}
_SIGN = re.compile(r"\b(sign(s|ed|ing)?|ink(s|ed|ing)?|concluded)\b", re.I)
_RELATIVE = re.compile(r"\b(\d+|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                       r"(day|week|month|year)s?\s+(after|before)\s+$", re.I)


def family(event_type: str) -> str:
    return FAMILY.get(event_type, event_type)


# ---------------------------------------------------------------- lexicons

@lru_cache(maxsize=1)
def _trigger_rows() -> tuple[tuple[str, str, frozenset[str]], ...]:
    """(word form, type, flags) for every line of event_triggers.txt, longest phrase first."""
    rows = []
    for line in lexicon("event_triggers"):
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) < 2:
            continue
        etype, form = parts[0], parts[1]
        flags = frozenset(parts[2].split(",")) if len(parts) > 2 and parts[2] else frozenset()
        rows.append((form, etype, flags))
    rows.sort(key=lambda r: -len(r[0]))
    return tuple(rows)


@lru_cache(maxsize=1)
def triggers() -> tuple[tuple[re.Pattern, str, frozenset[str]], ...]:
    """(pattern, type, flags) for every line of event_triggers.txt, longest phrase first."""
    return tuple((re.compile(r"(?<![\w-])" + re.escape(f).replace(r"\ ", r"\s+") + r"(?![\w-])", re.I), t, fl)
                 for f, t, fl in _trigger_rows())


@lru_cache(maxsize=1)
def _trigger_first_words() -> tuple[str, ...]:
    """The lower-cased first word of each trigger of triggers(), in the same order: where a match can begin."""
    return tuple(f.split(" ")[0].lower() for f, _, _ in _trigger_rows())


@lru_cache(maxsize=None)
def _rx(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile``, kept for good: the patterns holding demonym_pattern() take milliseconds to compile, and re's
    own cache of 512 evicts them as the other steps' patterns come through."""
    return re.compile(pattern, flags)


@lru_cache(maxsize=1)
def _status_cues() -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for line in lexicon("status_cues"):
        status, _, rx = line.partition("\t")
        out.append((status.strip(), re.compile(rx.strip(), re.I)))
    return tuple(out)


@lru_cache(maxsize=1)
def _agenda_cue() -> re.Pattern:
    return re.compile("|".join(f"(?:{x})" for x in lexicon("agenda_cues")), re.I)


@lru_cache(maxsize=1)
def _anaphor_cue() -> re.Pattern:
    return re.compile("|".join(f"(?:{x})" for x in lexicon("event_anaphora")), re.I)


@lru_cache(maxsize=1)
def _reporting_cue() -> re.Pattern:
    words = sorted(lexicon("reporting_cues"), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


@lru_cache(maxsize=1)
def _venues() -> dict[str, str]:
    out = {}
    for line in lexicon("venues"):
        venue, _, city = line.partition("\t")
        out[venue.strip().lower()] = city.strip()
    return out


def venue_city(place: str | None) -> str | None:
    """The city a venue stands for ("Kremlin" -> "Moscow"), else the place itself."""
    if not place:
        return place
    key = re.sub(r"^the\s+", "", place.strip(), flags=re.I).lower()
    return _venues().get(key, place)


@lru_cache(maxsize=1)
def _leader_titles() -> re.Pattern:
    words = sorted(lexicon("leader_titles"), key=len, reverse=True)
    return re.compile(r"(" + "|".join(re.escape(w) for w in words) + r")", re.I)


def _title_kind(title: str) -> str:
    t = title.lower()
    return "pm" if ("prime" in t or "premier" in t or "chancellor" in t) else "head"


# ---------------------------------------------------------------- people in the article

@dataclass
class _People:
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, canonical name), sorted
    leaders: dict[tuple[str, str], str] = field(default_factory=dict)  # (country, head|pm) -> name
    titles: dict[str, list[str]] = field(default_factory=dict)  # canonical name -> its roles, lower case
    pair: list[str] = field(default_factory=list)  # the article's two most mentioned people ("the two leaders")

    def leader(self, country: str, kind: str = "head") -> str | None:
        return self.leaders.get((country, kind)) or (self.leaders.get((country, "pm")) if kind == "head" else None)

    def in_range(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return [s for s in self.spans if s[0] >= start and s[1] <= end]

    def before(self, pos: int, exclude: set[str]) -> str | None:
        for s, e, name in reversed(self.spans):
            if e <= pos and name not in exclude:
                return name
        return None


_ROLE_PREFIX = None


def _people(doc, entities: tuple[Entity, ...]) -> _People:
    text = doc.text
    ppl = _People()
    persons = [e for e in entities if e.type == "PERSON"]
    if any(e.mentions for e in persons):
        for e in persons:
            for m in e.mentions:
                if m.text.lower() not in _PRONOUNS:  # pronouns are resolved here, for the event's own clause
                    ppl.spans.append((m.start, m.end, e.name))
        for e in persons:
            for role in e.roles:
                _leader_from_role(ppl, role, e.name)
            for m in e.mentions:  # "the Russian president" resolved by the people step
                if m.text.lower().startswith("the "):
                    _leader_from_role(ppl, m.text, e.name)
        # names the people step left out ("Putin" alone) still count, from the parser's own person entities
        taken = [(s, e) for s, e, _ in ppl.spans]
        for s, e, name in _fallback_person_spans(doc):
            if not any(a < e and s < b for a, b in taken) and len(name) > 2 and not country_of(name) \
                    and not re.search(r"\b(?:in|to|at|of|from|near)\s+(?:the\s+)?$", text[max(0, s - 12):s]):
                ppl.spans.append((s, e, name))
    else:
        ppl.spans.extend(_fallback_person_spans(doc))
    dem = demonym_pattern()
    # "Azerbaijani President Ilham Aliyev", "his Russian counterpart Vladimir Putin"
    for s, e, name in list(ppl.spans):
        m = _rx(r"\b(" + dem + r")\s+(President|Prime Minister|Premier|Chancellor|leader|president|"
                r"counterpart|prime minister)\s*$").search(text[max(0, s - 60):s])
        if m:
            c = country_of(m.group(1))
            if c:
                ppl.leaders.setdefault((c, _title_kind(m.group(2))), name)
    # "the presidents of Russia and Azerbaijan, Vladimir Putin and Ilham Aliyev"
    for m in _rx(r"\b(presidents|leaders|prime ministers|heads of state) of (?:the )?(" + dem + r") and (?:the )?("
                 + dem + r"),\s*", re.I).finditer(text):
        names = [sp for sp in ppl.spans if sp[0] >= m.end() and sp[0] <= m.end() + 60]
        if len(names) >= 2 and names[0][2] != names[1][2]:
            for country_text, sp in zip((m.group(2), m.group(3)), names[:2]):
                c = country_of(country_text)
                if c:
                    ppl.leaders.setdefault((c, _title_kind(m.group(1))), sp[2])
    # role phrases "the Russian leader" become mentions of the leader when no entity list gave them
    known = {(s, e) for s, e, _ in ppl.spans}
    for m in _rx(r"\bthe (" + dem + r") (president|leader|head of state|prime minister|premier)\b", re.I).finditer(text):
        c = country_of(m.group(1))
        name = ppl.leader(c, _title_kind(m.group(2))) if c else None
        if name and not any(s <= m.start() < e for s, e in known):
            ppl.spans.append((m.start(), m.end(), name))
    # "Putin-Aliyev meeting": each half of a hyphenated pair of surnames is a person of the article
    surnames = {}
    for _, _, name in ppl.spans:
        if len(name.split()) >= 2:
            surnames.setdefault(name.split()[-1], name)
    for m in re.finditer(r"\b([A-Z][\w’']+)[-–]([A-Z][\w’']+)\b", text):
        for g in (1, 2):
            name = surnames.get(m.group(g))
            if name and not any(s <= m.start(g) < e and n == name for s, e, n in ppl.spans):
                ppl.spans = [sp for sp in ppl.spans if not (sp[0] <= m.start(g) < sp[1])]
                ppl.spans.append((m.start(g), m.end(g), name))
    # "Azerbaijani" tagged as a person; "met the Jordanian king Tuesday": a weekday is no one
    ppl.spans = sorted(sp for sp in ppl.spans if not country_of(sp[2]) and sp[2].lower() not in _weekdays())
    _SPAN_TEXT.set(text)
    _link_short_names(ppl)
    for e in persons:
        ppl.titles[e.name] = [r.lower() for r in e.roles]
    counts = Counter(n for _, _, n in ppl.spans)
    top = [n for n, k in counts.most_common(3) if k >= 2]
    if len(top) >= 2 and (len(top) == 2 or counts[top[1]] > counts[top[2]]):
        ppl.pair = top[:2]
    return ppl


_SPAN_TEXT: contextvars.ContextVar = contextvars.ContextVar("span_text", default="")


def _link_short_names(ppl: _People) -> None:
    """A one-word name ("Xi") that is a word of exactly one fuller name of the article ("Xi Jinping") is that person
    (the people step sometimes leaves them apart; surnames come first in Chinese and Korean names)."""
    text_of = _SPAN_TEXT.get()
    cut = []
    glued = {n for s, e, n in ppl.spans if text_of and "\n" in text_of[s:e]}
    for s, e, n in ppl.spans:  # a name glued across a paragraph break ("Xi\n\nFrench") is its first line
        t = text_of[s:e] if text_of else ""
        if "\n" in t and t.split("\n")[0].strip():
            first = t.split("\n")[0].rstrip()
            cut.append((s, s + len(first), _clean_name(first)))
        elif n not in glued:  # other mentions the glued entity collected are not that person
            cut.append((s, e, n))
    ppl.spans = cut
    full = {n for _, _, n in ppl.spans if len(n.split()) >= 2 and "\n" not in n}
    out = []
    for s, e, n in ppl.spans:
        if len(n.split()) == 1:
            owners = [f for f in full if n in f.split()]
            if len(owners) == 1:
                n = owners[0]
        out.append((s, e, n))
    ppl.spans = out


def _leader_from_role(ppl: _People, role: str, name: str) -> None:
    if re.search(r"\b(deputy|vice|former|ex-|foreign|minister of)\b", role, re.I) and "prime" not in role.lower():
        return
    t = _leader_titles().search(role)
    if not t:
        return
    m = _rx(r"\b(" + demonym_pattern() + r")\b").search(role)
    c = country_of(m.group(1)) if m else None
    if c:
        ppl.leaders.setdefault((c, _title_kind(t.group(1))), name)


def _clean_name(text: str) -> str:
    text = re.sub(r"(?:'s|’s|'|’)$", "", text.strip())
    return re.sub(r"^(the|The)\s+", "", text).strip()


def _fallback_person_spans(doc) -> list[tuple[int, int, str]]:
    """spaCy PERSON entities as canonical names: a surname alone maps to the full name used elsewhere."""
    raw = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        raw.append((ent.start_char, ent.end_char, ent.text))
    full: dict[str, str] = {}
    for _, _, t in raw:
        name = _clean_name(t)
        parts = name.split()
        if len(parts) >= 2 and "-" not in name:
            full.setdefault(parts[-1].lower(), name)
    out = []
    for s, e, t in raw:
        name = _clean_name(t)
        if "-" in name and " " not in name:  # "Putin-Aliyev meeting"
            pos = s
            for part in name.split("-"):
                i = doc.text.find(part, pos, e)
                if i >= 0 and part.lower() in full:
                    out.append((i, i + len(part), full[part.lower()]))
                    pos = i + len(part)
            continue
        parts = name.split()
        if len(parts) == 1 and parts[0].lower() in full:
            name = full[parts[0].lower()]
        elif len(parts) >= 2 and parts[-1].lower() in full and len(full[parts[-1].lower()].split()) >= len(parts):
            name = full[parts[-1].lower()]
        end = s + len(t.rstrip())
        m = re.search(r"(?:'s|’s)$", t)
        if m:
            end = s + m.start()
        out.append((s, end, name))
    return out


# ---------------------------------------------------------------- mentions

@dataclass
class _Mention:
    type: str
    start: int  # trigger characters
    end: int
    wstart: int  # window characters
    wend: int
    sent: tuple[int, int]
    caption: bool = False
    generic: bool = False
    participants: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    location: str | None = None
    date: EventDate | None = None
    status: str | None = None
    strength: int = 0  # 2: explicit cue, 1: tense of the governing verb, 0: none
    at_phrase: bool = False  # "at the SCO summit": takes the participants of the clause
    inherited: bool = False
    definite: bool = False  # "the meeting", "this visit", "his talks": may refer back to a known event
    noun: str = ""  # agreement noun ("declaration"), which tells agreements apart
    relation: tuple[int, int, str] | None = None  # (index of the other mention, signed days or 0, text)
    cluster: int | None = None
    apart: set = field(default_factory=set)  # indices of mentions of other events (the summit a meeting was beside)
    hosting: bool = False  # "X hosted Y": only an event when a person is hosted


def _is_verbal(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def _np_left(tok, sent_start: int):
    """First token of the noun phrase a noun trigger heads (determiners, adjectives, possessors, compounds)."""
    i = tok.i
    doc = tok.doc
    while i - 1 >= sent_start:
        t = doc[i - 1]
        if t.is_space:
            break
        if (t.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PART") or t.tag_ in ("POS", "PRP$", "HYPH")
                or t.dep_ in ("amod", "compound", "poss", "det", "nummod", "case")
                or (t.pos_ == "ADV" and t.dep_ == "advmod" and t.head.i >= i)):
            if t.tag_ in ("VBD", "VBZ", "VBP", "MD") or t.lower_ in ("that", "which", "who"):
                break
            i -= 1
            continue
        break
    return i


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    """The line around ``pos`` (paragraphs and headlines are separated by newlines in cleaned text)."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, (len(text) if b < 0 else b)


def _clause_left(tok, sent_start: int, trig_start: int):
    i = trig_start
    doc = tok.doc
    while i - 1 >= sent_start:
        t = doc[i - 1]
        if "\n" in t.text or "\n" in t.whitespace_:
            break
        if t.text in (";", ":", "—", "–") or t.lower_ in ("that", "which", "who", "while", "whereas", "but"):
            break
        if _is_verbal(t) and not (t.dep_ in ("aux", "auxpass", "neg") or t.tag_ == "MD"
                                   or (t.head.i == tok.i)):
            break
        i -= 1
    return i


def _right(doc, first: int, sent_end: int, limit_char: int, fronted: bool = False) -> int:
    """Index one past the last token of the window that starts growing at token ``first``."""
    i = first
    relative = False
    while i < sent_end and i - first < 18:
        t = doc[i]
        if t.idx >= limit_char or (fronted and t.text == ","):
            break
        if t.text in (";", ":", "—", "?", "!", "\"", "“", "”") or (t.text == "." and i > first):
            break
        if t.lower_ in ("which", "that", "who") and i > first and doc[i - 1].text == ",":
            relative = True
        elif t.text == "," and relative:
            break
        elif _is_verbal(t) and not relative and t.lower_ not in _PARTICIPLES and t.dep_ not in ("amod", "compound"):
            if not (t.tag_ == "VBG" and t.dep_ in ("pcomp",) and False):
                break
        if t.is_space and "\n" in t.text:
            break
        i += 1
    return i


def _trigger_matches(pattern: re.Pattern, text: str, folded: str, first: str):
    """``pattern.finditer(text)``, tried only where the trigger's first word ``first`` is found in the folded text
    (search_fold); a match at a position sees the character before it as a search does. Scanning every character
    for each of the 66 triggers was a third of the step."""
    if not first.isascii():
        yield from pattern.finditer(text)
        return
    pos = folded.find(first)
    while pos >= 0:
        m = pattern.match(text, pos)
        if m:
            yield m
            pos = folded.find(first, m.end())
        else:
            pos = folded.find(first, pos + 1)


def _find_mentions(doc, article: Article) -> list[_Mention]:
    text = doc.text
    sents = list(doc.sents)
    captions = _caption_ranges(doc)
    hits = []
    taken: list[tuple[int, int]] = []
    folded = search_fold(text)
    for (pattern, etype, flags), first in zip(triggers(), _trigger_first_words()):
        for m in _trigger_matches(pattern, text, folded, first):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            hits.append((m.start(), m.end(), etype, flags))
    hits.sort()
    mentions: list[_Mention] = []
    for start, end, etype, flags in hits:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        head = span[0] if (len(span) > 1 and _is_verbal(span[0])) else span[-1]  # "spoke by phone", "phone call"
        sent = head.sent
        verbal = _is_verbal(head)
        if head.tag_ == "NNS" and "plural" not in flags and not verbal:
            generic = True
        else:
            generic = False
        if etype == "agreement":
            around = text[max(sent.start_char, start - 60):min(sent.end_char, end + 40)]
            if not _SIGN.search(around):
                continue
        if verbal:
            left = _clause_left(head, sent.start, span.start)
        else:
            left = _np_left(span[0], sent.start)
            # "he signed the Declaration ...": the clause of the signing verb gives the signers
            if etype == "agreement" and left - 1 >= sent.start and _SIGN.fullmatch(doc[left - 1].text):
                left = _clause_left(doc[left - 1], sent.start, left - 1)
        # a headline or caption line glued to the next paragraph by the parser is not one sentence with it
        pa, pb = _paragraph(text, start)
        sbounds = (max(sent.start_char, pa), min(sent.end_char, pb))
        mentions.append(_Mention(
            type=etype, start=start, end=end, wstart=max(doc[left].idx, sbounds[0]), wend=0,
            sent=sbounds, generic=generic,
            caption=any(s <= start < e for s, e in captions),
        ))
        if etype == "agreement":
            mentions[-1].noun = head.lemma_.lower()
        mentions[-1]._head = head  # type: ignore[attr-defined]
        mentions[-1].hosting = "host" in flags
        # a headline (the text's first line, without a closing full stop) restates the lede in other words
        mentions[-1]._headline = pa == 0 and pb < len(text) and not re.search(  # type: ignore[attr-defined]
            r"[.!?][\"'’”]?\s*$", text[pa:pb])
        mentions[-1]._right_from = span.end  # type: ignore[attr-defined]
        mentions[-1]._verbal = verbal  # type: ignore[attr-defined]
    # windows stop where the next trigger's window starts
    for k, m in enumerate(mentions):
        nxt = next((n.wstart for n in mentions[k + 1:] if n.sent == m.sent and n.wstart >= m.end), m.sent[1])
        sent_end_tok = m._head.sent.end  # type: ignore[attr-defined]
        first = doc.char_span(m.wstart, m.start + 1, alignment_mode="expand")
        fronted = first is not None and first.start - 1 >= 0 and doc[first.start - 1].pos_ == "ADP" and \
            doc[first.start - 1].i == m._head.sent.start  # type: ignore[attr-defined]
        r = _right(doc, m._right_from, sent_end_tok, nxt, fronted)  # type: ignore[attr-defined]
        m.wend = doc[r - 1].idx + len(doc[r - 1].text) if r > m._right_from else m.end  # type: ignore[attr-defined]
        m.wend = max(m.wend, m.end)
        m.wstart = min(m.wstart, m.start)
        prev_end = max((p.end for p in mentions[:k] if p.sent == m.sent and p.end <= m.start), default=m.sent[0])
        m.wstart = max(m.wstart, prev_end if prev_end > m.sent[0] else m.wstart)
        if m.caption:  # a caption is dated by its own paragraph ("... in Sochi. 2022")
            for s, e in captions:
                if s <= m.start < e:
                    m.wend = max(m.wend, e)
        _mark_generic(doc, m)
        m.definite = m._verbal or bool(re.search(  # type: ignore[attr-defined]
            r"\b(the|this|these|that|those|his|her|their|its|today'?s?)\b|['’]s\b", doc.text[m.wstart:m.start], re.I))
    return mentions


def _caption_ranges(doc) -> list[tuple[int, int]]:
    """Verbless short paragraphs (photo captions such as "Putin-Aliyev meeting in Sochi. 2022")."""
    out = []
    text = doc.text
    pos = 0
    for para in re.split(r"(\n\s*\n|\n)", text):
        start, end = pos, pos + len(para)
        pos = end
        stripped = para.strip()
        if not stripped or len(stripped) > 160 or stripped.endswith("?"):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        if not any(_is_verbal(t) and t.tag_ != "VBG" for t in span if not t.is_space):
            out.append((start, end))
    return out


def _mark_generic(doc, m: _Mention) -> None:
    window = doc.text[m.wstart:m.wend]
    before = doc.text[max(m.sent[0], m.wstart - 20):m.start].lower()
    phrase = doc.text[m.wstart:m.start].lower()
    if any(re.search(rf"\b{w}\b", phrase) for w in _GENERIC_DET) or (
            re.search(r"\b(frequency|series) of\s*$", before) and m.type != "agreement"):
        m.generic = True  # ("signed a series of agreements" is one signing)
    if m._verbal and _HABITUAL.search(window):  # type: ignore[attr-defined]
        m.generic = True
    head = m._head  # type: ignore[attr-defined]
    if m._verbal and any(c.dep_ == "neg" for c in head.children):  # type: ignore[attr-defined]
        m.generic = True  # "Putin has not visited Turkey since 2020" reports no visit
    if m._verbal and head.tag_ in ("VBG", "VB") and head.head.lemma_ in ("avoid", "refuse", "stop", "fear"):  # type: ignore[attr-defined]
        m.generic = True
    if m._verbal and head.tag_ == "VB" and m.type != "agreement":  # type: ignore[attr-defined]
        prev = doc[head.i - 1] if head.i > 0 else None
        if prev is not None and prev.lower_ == "to" and head.head.lemma_ not in (
                "plan", "expect", "intend", "schedule", "agree", "go", "want", "hope", "decide", "due", "invitation",
                "invite", "accept", "prepare", "promise", "pledge"):
            m.generic = True
    prev_word = re.search(r"(\w+)\s+(?:the\s+)?$", doc.text[max(m.sent[0], m.wstart - 12):m.wstart])
    if prev_word and prev_word.group(1).lower() == "at" and m.type in ("summit", "talks", "meeting"):
        m.at_phrase = True


# ---------------------------------------------------------------- attributes

def _participants(doc, m: _Mention, ppl: _People) -> None:
    text = doc.text
    window = text[m.wstart:m.wend]
    names: list[str] = []
    for s, e, name in ppl.in_range(m.wstart, m.wend):
        if name not in names:
            names.append(name)
    dem = demonym_pattern()
    for g in _rx(r"\b(presidents|leaders|prime ministers|heads of state) of (?:the )?(" + dem +
                 r")((?:, (?:the )?(?:" + dem + r"))*) and (?:the )?(" + dem + r")", re.I).finditer(window):
        countries = [g.group(2)] + _rx(dem).findall(g.group(3) or "") + [g.group(4)]
        _add_states(names, countries, _title_kind(g.group(1)), ppl)
    for g in _rx(r"\b(" + dem + r")((?:, (?:" + dem + r"))*) and (" + dem +
                 r") (presidents|leaders|prime ministers|heads of state)\b", re.I).finditer(window):
        countries = [g.group(1)] + _rx(dem).findall(g.group(2) or "") + [g.group(3)]
        _add_states(names, countries, _title_kind(g.group(4)), ppl)
    # possessive or subject pronoun in the window: "his meeting with X", "he signed"
    for p in re.finditer(r"\b(his|her|he|she)\b", text[m.wstart:m.start], re.I):
        pos = m.wstart + p.start()
        who = ppl.before(pos, set(names) | set(_excluded_after(ppl, m)))
        if who and who not in names:
            names.insert(0, who)
        break
    head = m._head  # type: ignore[attr-defined]
    if not m._verbal and head.dep_ == "dobj" and not names and head.head.lemma_.lower() in _carriers():  # type: ignore[attr-defined]
        # "Putin postponed an official visit", "Aliyev paid a visit": the subject of the verb (not of "criticised
        # the visit", which comments on the article's event)
        for child in head.head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
                found = [n for _, _, n in ppl.in_range(lo, hi)]
                if not found and child.lower_ in ("he", "she"):
                    who = ppl.before(child.idx, set())
                    found = [who] if who else []
                for n in found:
                    if n not in names:
                        names.append(n)
                        if m.type == "visit":
                            m.roles.setdefault(n, "visitor")
    if m.type == "agreement":
        w = re.search(r"\bwith\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)", text[m.end:m.wend])
        if w:
            c = country_of(w.group(1))
            if c and c not in names:
                names.append(c)
            m.roles.setdefault(c or w.group(1), "counterpart")
    syn = _syntactic_participants(doc, m, ppl)
    if syn is not None:
        subj, objs = syn
        names = list(dict.fromkeys(subj + objs + [n for n in names if is_country(n) and n not in subj + objs]))
        verb = _verb_of(m)
        passive = verb is not None and any(c.dep_ == "nsubjpass" for c in verb.children)
        if verb is not None and verb.lemma_.lower() in _HOST_VERBS and family(m.type) == "meeting" and passive:
            for n in subj:  # "X was received in Paris": the subject visits
                m.roles.setdefault(n, "visitor")
        elif verb is not None and verb.lemma_.lower() in _HOST_VERBS and family(m.type) == "meeting" and objs:
            for n in subj:  # "Biden hosted Modi for talks": the subject hosts, the object visits
                m.roles.setdefault(n, "host")
            for n in objs:
                m.roles.setdefault(n, "visitor")
        elif m.type == "visit" and not m.hosting:
            for n in subj:
                m.roles.setdefault(n, "visitor")
    m.participants = names
    if m.hosting:
        if "visitor" not in m.roles.values() and not any(c.dep_ == "nsubjpass" for c in head.children):
            # "Qatar hosted Macron in Doha": a state hosts the person it names as object
            for c in head.children:
                if c.dep_ == "dobj":
                    for n in _people_in(c, ppl, doc, m):
                        m.roles[n] = "visitor"
                        if n not in names:
                            names.append(n)
        m.participants = names
        if "visitor" not in m.roles.values():  # "hosted a dinner", "welcomed the decision": no visit
            m.generic = True
        return
    if m.type == "visit":
        _visit_roles(doc, m, ppl)


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    return frozenset(w.strip().lower() for line in lexicon("weekdays") for w in line.partition(":")[2].split(","))


@lru_cache(maxsize=1)
def _pair_phrase() -> re.Pattern:
    return re.compile(r"^(?:" + "|".join(f"(?:{x})" for x in lexicon("event_pairs")) + r")$", re.I)


_OBJECT_PREPS = {"with", "between", "to", "and"}
# verbs that only carry an event noun ("held talks", "paid a visit") and verbs of going ("arrived for talks")
_LIGHT_VERBS = {"hold", "pay", "make", "have", "conduct", "begin", "start", "open", "continue", "resume", "host",
                "attend", "sign", "conclude", "seal", "ink", "complete", "end", "wrap"}
_MOTION_VERBS = {"arrive", "travel", "come", "go", "fly", "head", "leave", "set", "return"}
_HOST_VERBS = {"host", "receive", "welcome", "invite", "greet"}
_QUANTITY_NOUNS = {"series", "number", "set", "raft", "slew", "package", "range", "string", "host", "pair", "couple",
                   "total", "dozen", "batch", "bundle"}


@lru_cache(maxsize=1)
def _carriers() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon("event_carriers"))


def _noun_slot(head):
    """The token standing for a trigger noun in its clause: "a series of agreements" -> "series"."""
    t = head
    for _ in range(2):
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in _QUANTITY_NOUNS:
            t = t.head.head
        else:
            break
    return t
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _verb_of(m: _Mention):
    """The verb whose subject does the event: the trigger verb, or the verb a trigger noun is the object of
    ("held talks", "paid a visit", "made a return visit", "arrived ... for talks")."""
    head = m._head  # type: ignore[attr-defined]
    if m._verbal:  # type: ignore[attr-defined]
        return head
    if any(c.dep_ == "poss" for c in head.children):  # "the Russian president's visit": the possessor, not the clause
        return None
    head = _noun_slot(head)
    if head.dep_ == "dobj" and head.head.lemma_ in _LIGHT_VERBS:
        return head.head
    if head.dep_ == "pobj" and head.head.lower_ in ("for", "on") and head.head.head.lemma_ in _MOTION_VERBS | _HOST_VERBS:
        return head.head.head  # "arrived in Tokyo for talks", "Biden hosted Modi for talks"
    if head.dep_ == "pobj" and head.head.lower_ == "during" and _is_verbal(head.head.head) \
            and head.head.head.lemma_.lower() not in _reporting_verbs():
        return head.head.head  # "the two leaders agreed ... during talks"
    return None


@lru_cache(maxsize=1)
def _reporting_verbs() -> frozenset[str]:
    return frozenset(w.split()[0].lower() for w in lexicon("reporting_verbs") if w.split())


def _subjects_of(verb) -> list:
    """nsubj of the verb, of the verb it is an open complement of ("is expected to travel"), or of the verb it is
    coordinated with when it has none of its own. The parser sometimes gives a verb several subjects ("ANKARA,
    Sept 5 (Reuters) - X held ...", "X and Y signed" parsed as two subjects): all of them, nearest first."""
    t = verb
    for _ in range(4):
        subj = [c for c in t.children if c.dep_ in _SUBJECT_DEPS]
        if subj:
            return sorted(subj, key=lambda c: abs(t.i - c.i))
        if t.dep_ == "acl" and t.head.lemma_ in ("invitation", "offer", "plan", "decision") \
                and t.head.dep_ in ("dobj", "nsubjpass") and _is_verbal(t.head.head):
            t = t.head.head  # "X accepted an invitation to visit Y": X visits
            continue
        if t.dep_ in ("xcomp", "conj", "advcl") and t.head is not t and _is_verbal(t.head):
            if t.dep_ == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
                return []
            t = t.head
            continue
        return []
    return []


def _people_in(tok, ppl: _People, doc, m: _Mention) -> list[str]:
    """People a subject or object phrase names: names, the article's pair, a pronoun or a role phrase."""
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    # stop at a relative clause or apposition comma so "X, who met Y" gives X only
    cut = [c.left_edge.idx for c in tok.children if c.dep_ in ("relcl", "acl") and c.i > tok.i]
    if cut:
        hi = min(hi, min(cut))
    found = [n for _, _, n in ppl.in_range(lo, hi)]
    conj = [c for c in tok.children if c.dep_ == "conj"]
    if conj and len(set(found)) < 1 + len(conj):
        # "The emir and Macron": each conjunct on its own, so a role phrase beside a name is resolved too
        out: list[str] = []
        own_hi = min([c.left_edge.idx for c in tok.children if c.dep_ in ("cc", "conj", "punct") and c.i > tok.i]
                     + [hi])
        for part, (a, b) in [(tok, (lo, own_hi))] + [(c, (c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)))
                                                      for c in conj]:
            names = [n for _, _, n in ppl.in_range(a, b)]
            if not names:
                r = re.fullmatch(r"(?:the|The)\s+(?:(\w+)\s+)?(\w+(?: \w+)?)", doc.text[a:b].strip())
                names = _title_person(r, ppl, part) if r else []
            out += [n for n in names if n not in out]
        if out:
            return out
    if found:
        return list(dict.fromkeys(found))
    phrase = doc.text[lo:hi].strip()
    if _pair_phrase().match(phrase):
        # "the two presidents": people whose roles carry that title come first (the sentence's, the paragraph's,
        # the article's), then "the two leaders": the two people the sentence (else its paragraph) names, else the
        # article's pair
        fits = _role_fits(phrase, ppl)
        if fits is not None:
            before_ = [n for s, e, n in ppl.spans if e <= lo and n in fits]
            for a, b in ((m.sent[0], m.sent[1]), _paragraph(doc.text, tok.idx), (0, lo)):
                named = list(dict.fromkeys(n for s, e, n in ppl.in_range(a, b) if not (lo <= s < hi) and n in fits))
                if len(named) == 2:
                    return named
            recent = list(dict.fromkeys(reversed(before_)))[:2]
            if len(recent) == 2:  # the last two such people named before the phrase
                return recent[::-1]
        for a, b in ((m.sent[0], m.sent[1]), _paragraph(doc.text, tok.idx)):
            named = list(dict.fromkeys(n for s, e, n in ppl.in_range(a, b) if not (lo <= s < hi)))
            if len(named) == 2:
                return named
        if ppl.pair:
            return list(ppl.pair)
    if tok.lower_ in ("he", "she"):
        who = ppl.before(tok.idx, set())
        return [who] if who else []
    r = re.fullmatch(r"(?:the|The)\s+(?:(\w+)\s+)?(\w+(?: \w+)?)", phrase) or re.fullmatch(
        r"(?:the|The)\s+(?:(\w+)\s+)?(\w+(?: \w+)?)", doc.text[lo:tok.idx + len(tok.text)].strip())
    return _title_person(r, ppl, tok) if r else []  # "the emir at the palace": the phrase up to its noun


_PLURAL_TITLE = re.compile(r"\b(presidents|prime ministers|premiers|chancellors|(?:foreign |defen[cs]e |finance |trade )?"
                           r"ministers|secretaries of state|kings|emirs|monarchs)$", re.I)


def _role_fits(phrase: str, ppl: _People) -> set[str] | None:
    """"the two presidents" -> the people whose roles carry "president" ("vice president" does not count, nor
    "prime minister" for "ministers"); None when the phrase names no title ("the two leaders", "both sides")."""
    t = _PLURAL_TITLE.search(phrase.strip())
    if not t:
        return None
    word = t.group(1).lower()
    single = "secretary of state" if word.startswith("secretaries") else word[:-1]
    rx = re.compile(r"(?<!vice )(?<!vice-)(?<!deputy )\b" + re.escape(single) + r"\b", re.I)
    out = set()
    for name, roles in ppl.titles.items():
        for r in roles:
            if rx.search(r) and not (single == "minister" and re.search(r"\bprime minister", r)):
                out.add(name)
    return out


def _title_person(r, ppl: _People, tok) -> list[str]:
    if r:  # "the chancellor", "The Moldovan president", "the emir": the last person of the article with that title
        title = r.group(2).lower()
        country = country_of(r.group(1)) if r.group(1) else None
        if country:
            who = ppl.leader(country, _title_kind(title))
            if who:
                return [who]
        cands = [n for n, roles in ppl.titles.items() if any(re.search(rf"\b{re.escape(title)}\b", x) for x in roles)]
        if cands:
            # "Macron welcomed the emir": a role phrase does not stand for someone its own sentence has just named
            sent0 = tok.sent.start_char
            named_here = {n for s, e, n in ppl.spans if sent0 <= s and e <= tok.idx}
            for pool in ([c for c in cands if c not in named_here], cands):
                for _, e, n in reversed(ppl.spans):
                    if e <= tok.idx and n in pool:
                        return [n]
                if pool:
                    return [pool[0]]
    return []


def _syntactic_participants(doc, m: _Mention, ppl: _People):
    """(subject people, object people) from the parse of the trigger's clause, or None when the subject names
    no one (the window rules then decide)."""
    verb = _verb_of(m)
    if verb is None:
        return None
    subj: list[str] = []
    for subj_tok in _subjects_of(verb):
        if subj_tok.idx >= m.sent[0]:
            subj += [n for n in _people_in(subj_tok, ppl, doc, m) if n not in subj]
    if verb.idx <= m.start:
        # "X and Y signed ..." misparsed as a lone subject: the names of the verbless stretch right before the verb
        # (a noun trigger's window starts after its verb: "X and Y signed a series of agreements"; the stretch then
        # starts at the sentence, which a headline glued on by the parser no longer reaches)
        lo = max(m.wstart, m.sent[0]) if verb.idx >= m.wstart else m.sent[0]
        before = [sp for sp in ppl.in_range(lo, verb.idx)]
        if before:
            stretch = doc.char_span(before[0][0], verb.idx, alignment_mode="expand")
            if stretch is not None and not any(_is_verbal(t) or t.text in (";", ":") for t in stretch) \
                    and (re.search(r"\band\b|&", doc.text[before[0][0]:verb.idx]) or not subj):
                subj = list(dict.fromkeys([n for _, _, n in before] + subj))
    if not subj:
        return None
    objs: list[str] = []
    heads = [verb]
    head = m._head  # type: ignore[attr-defined]
    if head is not verb:
        heads.append(head)
    for h in heads:
        for c in h.children:
            if c.dep_ in ("dobj", "dative") and (h.lemma_ not in ("hold", "pay", "make", "have", "sign") or c.i != head.i):
                if c.i == head.i:
                    continue
                objs += _people_in(c, ppl, doc, m)
            elif c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS:
                for g in c.children:
                    if g.dep_ == "pobj":
                        objs += _people_in(g, ppl, doc, m)
            elif c.dep_ == "prep" and c.lower_ == "by" and h.lemma_ in ("phone", "telephone"):
                pass
        if h is verb and h is not head:
            continue
    # "spoke by phone with X": the with-phrase may hang on the prepositional object
    for t in verb.subtree:
        if t.dep_ == "prep" and t.lower_ in ("with", "between") and t.head.dep_ == "pobj" and t.head.head.head == verb:
            for g in t.children:
                if g.dep_ == "pobj":
                    objs += _people_in(g, ppl, doc, m)
    return subj, [o for o in dict.fromkeys(objs) if o not in subj]


def _excluded_after(ppl: _People, m: _Mention) -> list[str]:
    return [n for s, e, n in ppl.in_range(m.start, m.wend)]


def _add_states(names: list[str], countries: list[str], kind: str, ppl: _People) -> None:
    for c_text in countries:
        c = country_of(c_text)
        if not c:
            continue
        who = ppl.leader(c, kind) or c
        if who not in names:
            names.append(who)


def _visit_roles(doc, m: _Mention, ppl: _People) -> None:
    text = doc.text
    visitor = host = None
    before = text[m.wstart:m.start]
    after = text[m.end:m.wend]
    in_before = ppl.in_range(m.wstart, m.start)
    if in_before:
        visitor = in_before[-1][2]
    elif re.search(r"\b(his|her)\b", before, re.I) and m.participants:
        visitor = m.participants[0]
    of = re.match(r"\s+(?:of|by)\s+", after)
    if of and not visitor:
        first = ppl.in_range(m.end, m.wend)
        if first:
            visitor = first[0][2]
    to = re.search(r"\bto\s+(?:the\s+)?", after)
    if to:
        target = [sp for sp in ppl.in_range(m.end + to.end(), m.wend) if sp[0] == m.end + to.end()]
        if target:
            host = target[0][2]
    if not visitor and m._verbal:  # type: ignore[attr-defined]
        subj = ppl.in_range(m.wstart, m.start)
        if subj:
            visitor = subj[-1][2]
    if visitor:
        m.roles[visitor] = "visitor"
        if visitor not in m.participants:
            m.participants.insert(0, visitor)
    if host and host != visitor:
        m.roles[host] = "host"
        if host not in m.participants:
            m.participants.append(host)


def _location(doc, m: _Mention, ents_by_start, people: "_People") -> None:
    text = doc.text
    cands = []
    for ent in ents_by_start:
        if ent.start_char < m.wstart or ent.end_char > m.wend:
            continue
        if ent.label_ in ("NORP", "PERSON", "DATE", "CARDINAL") or (
                ent.label_ not in ("GPE", "LOC", "FAC") and not (country_of(ent.text) or _venues().get(ent.text.lower()))):
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e, _ in people.spans):
            continue
        if _in_topic_phrase(ent.root, m):
            continue
        name = _clean_name(ent.text)
        prev = re.search(r"(\w+)\s+(?:the\s+)?$", text[max(m.wstart, ent.start_char - 12):ent.start_char])
        prep = prev.group(1).lower() if prev else ""
        compound = not m._verbal and ent.end_char <= m.start and re.fullmatch(r"[\s\w'’-]*", text[ent.end_char:m.start] or "") \
            and text[ent.end_char:m.start].strip() == ""
        if prep == "of":  # "in the border city of Tapachula", "to the Black Sea resort of Sochi"
            fr = _FRAME_OF.search(text[max(m.wstart, ent.start_char - 60):ent.start_char])
            if fr:
                prep = fr.group(1).lower()
        if prep in ("visit", "visited", "visiting", "visits", "toured", "tour") and m.type == "visit":
            prep = "to"
        if m._verbal and ent.end_char <= m.start and prep != "to":  # type: ignore[attr-defined]
            continue  # the place of another clause: "drew criticism in Kyiv after he spoke by phone"
        if prep in ("in", "to", "at") or compound:
            cands.append((0 if (prep == "to" and m.type == "visit") else 1, ent.start_char, name))
    taken = {c[1] for c in cands}
    for g in _place_cue().finditer(text, m.wstart, m.wend):  # places the small model did not tag
        if g.start(2) in taken or any(s < g.end(2) and g.start(2) < e for s, e, _ in people.spans):
            continue
        if g.start(2) < m.start and m._verbal:  # type: ignore[attr-defined]
            continue  # "drew criticism in Kyiv after he spoke by phone": not the call's place
        span = doc.char_span(g.start(2), g.end(2), alignment_mode="expand")
        if span is not None and len(span) and _in_topic_phrase(span.root, m):
            continue
        prep = g.group(1).lower()
        cands.append((0 if (m.type == "visit" and prep not in ("in", "at")) else 1, g.start(2), g.group(2)))
        taken.add(g.start(2))
    # "in the border city of Tapachula": a capitalised name after a place frame is a place whatever the tagger said
    for g in _FRAMED_NAME.finditer(text, m.wstart, m.wend):
        if g.start(2) in taken or any(s < g.end(2) and g.start(2) < e for s, e, _ in people.spans):
            continue
        if g.start(2) < m.start and m._verbal:  # type: ignore[attr-defined]
            continue
        prep = g.group(1).lower()
        cands.append((0 if (m.type == "visit" and prep == "to") else 1, g.start(2), g.group(2)))
    if cands:
        cands.sort(key=lambda c: (c[0], is_country(c[2]), c[1]))
        place = cands[0][2]
        pos = next(c[1] for c in cands if c[2] == place)
        of = re.match(r"[\w\s'’-]{0,30}?\b(?:resort|city|town|capital|port|village|region|enclave) of (?:the )?"
                      r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)", text[pos + len(place):m.wend])
        if of and of.group(1).lower() in _places():  # "the Black Sea resort of Sochi"
            place = of.group(1)
        m.location = place
        return
    verb = _verb_of(m)
    if verb is not None and verb.i != m._head.i:  # type: ignore[attr-defined]
        m.location = _verb_place(doc, verb, m, ents_by_start, people)
    elif not m._verbal:  # type: ignore[attr-defined]
        # "The summit is scheduled to take place in Seoul", "the talks will be held in Doha": the place of the
        # predicate whose subject the event noun is
        head = _noun_slot(m._head)  # type: ignore[attr-defined]
        if head.dep_ in ("nsubj", "nsubjpass") and _is_verbal(head.head):
            t = head.head
            for _ in range(3):
                if t.lemma_ in _VENUE_PREDICATES:
                    m.location = _verb_place(doc, t, m, ents_by_start, people)
                    break
                nxt = next((c for c in t.children if c.dep_ == "xcomp"), None)
                if nxt is None:
                    break
                t = nxt


def _verb_place(doc, verb, m: _Mention, ents, people: "_People") -> str | None:
    """"Biden hosted Modi at the White House for talks": the place of the verb that carries the event noun."""
    for c in verb.subtree:  # "at" on the verb or, misparsed, on its object ("hosted Y at the Elysee Palace")
        if c.dep_ != "prep" or c.lower_ not in ("in", "at") or c.idx < m.sent[0] or c.idx >= m.sent[1]:
            continue
        t, ok = c.head, True
        while t.i != verb.i and ok:
            ok = not _is_verbal(t) and t.dep_ not in ("relcl", "acl", "appos")
            t = t.head
        if not ok:
            continue
        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if obj is None or obj.i == m._head.i:  # type: ignore[attr-defined]
            continue
        lo, hi = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge.text)
        if any(s < hi and lo < e for s, e, _ in people.spans):
            continue
        phrase = _clean_name(doc.text[lo:hi])
        if _venues().get(phrase.lower()) or country_of(phrase) or phrase.lower() in _places():
            return phrase
        for ent in ents:
            if ent.start_char >= lo and ent.end_char <= hi and ent.label_ in ("GPE", "LOC", "FAC"):
                return _clean_name(ent.text)
    return None


_VENUE_PREDICATES = {"take", "hold", "convene", "open", "begin", "start", "resume", "close", "end", "continue"}
_FRAME_OF = re.compile(r"\b(in|to|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:city|town|resort|capital|port|village|"
                       r"region|enclave|province|state|island|district)\s+of\s+$", re.I)
_FRAMED_NAME = re.compile(r"\b(in|to|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:city|town|resort|capital|port|"
                          r"village|enclave|island)\s+of\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)")
_TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning", "around", "into"}
_LIGHT_OBJECTS = {"talks", "talk", "meeting", "visit", "trip", "summit", "call", "conversation", "discussion",
                  "discussions", "negotiations", "consultations", "agreement", "deal"}


def _in_topic_phrase(tok, m: _Mention) -> bool:
    """The place sits inside what the event is about, not where it happens: "talks on the war in Ukraine",
    "a summit on Gaza", "discussed the situation in Myanmar" (a place hanging on the object of the trigger verb).
    Only the path from the place up to where it joins the trigger's own chain of heads counts, and "on the
    sidelines of" (nlp/data/place_frames.txt) frames the place rather than the topic."""
    head = m._head  # type: ignore[attr-defined]
    chain = {head.i}
    a = head
    while a.head.i != a.i:  # spaCy makes a new Token object on every access: compare indices
        a = a.head
        chain.add(a.i)
    frames = _place_frames()
    t = tok
    for _ in range(12):
        if t.i in chain or t.head.i == t.i:
            return False
        parent = t.head
        if parent.dep_ == "prep" and parent.lower_ in _TOPIC_PREPS and t.lemma_.lower() not in frames \
                and t.lower_ not in frames:
            return True
        # "discussed the situation in Myanmar": a place on a noun that is the object of the trigger verb
        obj = parent.head
        if t.dep_ == "pobj" and parent.dep_ == "prep" and obj.pos_ == "NOUN" and obj.dep_ == "dobj" \
                and obj.head.i == head.i and m._verbal and not (m.start <= obj.idx < m.end) \
                and obj.lemma_.lower() not in _LIGHT_OBJECTS:  # type: ignore[attr-defined]
            return True
        t = parent
    return False


@lru_cache(maxsize=1)
def _place_frames() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon("place_frames"))


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    return frozenset(p.lower() for p in lexicon("places"))


@lru_cache(maxsize=1)
def _place_cue() -> re.Pattern:
    names = sorted({p for p in lexicon("places") if p[:1].isupper()}, key=len, reverse=True)
    return re.compile(r"\b(in|to|at|visit|visited|visiting|visits|toured)\s+(?:the\s+)?(" +
                      "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def _date(doc, m: _Mention, timexes: tuple[Timex, ...], published: str | None) -> None:
    lo, hi = m.wstart, m.wend
    tail = _predicate_after(doc, m)
    if tail and timexes:
        hi = m.wend + len(tail)
    if timexes:
        best = None
        for t in timexes:
            if t.start >= lo and t.end <= hi and re.match(r"^(\d{4}|XXXX)", t.value or "") \
                    and re.search(r"\d", t.value) and not _in_name(doc, t):
                d = abs(t.start - m.start)
                if best is None or d < best[0]:
                    best = (d, t)
        if best:
            m.date = EventDate(best[1].value, best[1].text)
        return
    found = _fallback_date(doc.text[lo:hi], published) or _fallback_date(_predicate_after(doc, m), published)
    if found:
        m.date = EventDate(*found)


_PREDICATE = re.compile(r"\s*(?:,\s*(?:which|that)\s+)?(?:is|was|were|are|will be|has been|had been|will)?\s*"
                        r"(?:scheduled|planned|set|held|expected|due|slated|to be held|took place|take place|"
                        r"takes place|will take place)\b[^.;:!?]{0,40}", re.I)


_NAME_LABELS = {"ORG", "EVENT", "FAC", "WORK_OF_ART", "PRODUCT", "LAW"}


def _in_name(doc, t: Timex) -> bool:
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


def _predicate_after(doc, m: _Mention) -> str:
    """"the meeting ... is scheduled for autumn": the predicate that dates a subject noun."""
    g = _PREDICATE.match(doc.text, m.wend, m.sent[1])
    return g.group(0) if g else ""


def _fallback_date(window: str, published: str | None) -> tuple[str, str] | None:
    """Only used when the date step gave no timexes: month-day, year, season and "today"."""
    pub_year = int(published[:4]) if published and published[:4].isdigit() else None
    mon = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
    m = re.search(r"\b" + mon + r"\s+(\d{1,2})(?:,?\s+(\d{4}))?\b", window) or \
        re.search(r"\b(\d{1,2})\s+" + mon + r"(?:,?\s+(\d{4}))?\b", window)
    if m:
        if m.group(1).isdigit():
            day, month, year = int(m.group(1)), _MONTHS[m.group(2).lower()], m.group(3)
        else:
            month, day, year = _MONTHS[m.group(1).lower()], int(m.group(2)), m.group(3)
        if year is None and pub_year:
            year = pub_year
            if published and f"{pub_year:04d}-{month:02d}-{day:02d}" > published[:10]:
                year -= 1
        y = f"{int(year):04d}" if year else "XXXX"
        return f"{y}-{month:02d}-{day:02d}", m.group(0)
    m = re.search(r"\b(spring|summer|autumn|fall|winter)\b", window, re.I)
    if m and re.search(r"\b(for|in|this|next|until)\s+(the\s+)?" + m.group(1), window, re.I):
        year = re.search(r"\b(19|20)\d{2}\b", window)
        y = year.group(0) if year else (str(pub_year) if pub_year else "XXXX")
        return f"{y}-{_SEASONS[m.group(1).lower()]}", m.group(0)
    m = re.search(r"(?<![\d,.])\b((?:19|20)\d{2})\b(?![\d,])", window)
    if m:
        return m.group(1), m.group(0)
    m = re.search(r"\btoday'?s?\b", window, re.I)
    if m and published:
        return published[:10], m.group(0)
    return None


def _status(doc, m: _Mention) -> None:
    text = doc.text
    best = None
    if not m._verbal:  # type: ignore[attr-defined]
        # "An Arab summit on Gaza, originally set for February 27 in Cairo, has been postponed": the predicate of
        # the event noun says what became of it, however far the cue is
        t = _noun_slot(m._head)  # type: ignore[attr-defined]
        if t.dep_ in ("nsubj", "nsubjpass") and _is_verbal(t.head):
            v = t.head
            phrase = text[v.idx:v.idx + len(v.text) + 6]
            for status, rx in _status_cues():
                if status in ("cancelled", "postponed") and rx.match(phrase):
                    m.status, m.strength = status, 2
                    return
    lo, hi = max(m.sent[0], m.wstart - 30), min(m.sent[1], m.wend + 40)
    for status, rx in _status_cues():
        for c in rx.finditer(text, lo, hi):
            if c.start() < m.end and c.end() > m.start and not m._verbal:  # type: ignore[attr-defined]
                continue
            d = c.start() - m.end if c.start() >= m.end else m.start - c.end()
            # cues inside the phrase ("today's talks", "upcoming negotiations") count before the clause around it
            d = d if (c.start() >= m.wstart and c.end() <= m.wend) else d + 100
            if best is None or d < best[0]:
                best = (d, status)
    if best:
        status = best[1]
        if status in ("planned", "occurred"):
            # "a planned trip ... was postponed", "had been scheduled ... but was called off": the outcome wins
            for s2 in ("cancelled", "postponed"):
                if any(s == s2 and rx.search(text, lo, hi) for s, rx in _status_cues()):
                    status = s2
                    break
        m.status, m.strength = status, 2
        return
    head = m._head  # type: ignore[attr-defined]
    t = head
    for _ in range(4):
        if _is_verbal(t) and t is not head or (t is head and m._verbal):  # type: ignore[attr-defined]
            break
        if t.head is t:
            break
        t = t.head
    aux = [c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")]
    if "will" in aux or t.lower_ == "will":
        m.status, m.strength = "planned", 1
    elif t.tag_ == "VBD" or (t.tag_ == "VBN" and any(a in ("has", "have", "had", "was", "were") for a in aux)):
        m.status, m.strength = "occurred", 1


def _relations(doc, mentions: list[_Mention]) -> None:
    text = doc.text
    for k, m in enumerate(mentions):
        r = _RELATIVE.search(text[max(m.sent[0], m.wstart - 40):m.wstart])
        if not r:
            continue
        outer = next((j for j in range(k - 1, -1, -1) if mentions[j].sent == m.sent and not mentions[j].generic), None)
        if outer is None:
            continue
        n = r.group(1).lower()
        count = int(n) if n.isdigit() else _NUMBERS.get(n, 1)
        unit = _UNIT_DAYS.get(r.group(2).lower(), 0)
        days = count * unit * (1 if r.group(3).lower() == "after" else -1)
        phrase = text[max(m.sent[0], m.wstart - 40) + r.start():m.wend]
        mentions[outer].relation = (k, days, phrase.strip())


# ---------------------------------------------------------------- merging

def _date_parts(value: str | None) -> list[str] | None:
    if not value or not re.match(r"^(\d{4}|XXXX)", value):
        return None
    return value.split("-")


def _day_part(part: str) -> str:
    """The day of a day with its time or part of day: "07TMO", "07T14:30" -> "07"."""
    return part[:2] if len(part) > 2 and part[:2].isdigit() and not part.isdigit() else part


def _weekday_fits(week: list[str], other: list[str]) -> bool:
    """A weekday value ("XXXX-WXX-2", Tuesday) against a calendar date: the date's weekday must be it."""
    if len(week) < 3 or not week[2][:1].isdigit() or len(other) < 3 or not all(
            x[:2].isdigit() for x in other[:3]) or other[1].startswith("W"):
        return True
    try:
        day = _dt.date(int(other[0]), int(other[1]), int(other[2][:2]))
    except ValueError:
        return True
    return day.isoweekday() == int(week[2][:1])


def dates_compatible(a: str | None, b: str | None) -> bool:
    pa, pb = _date_parts(a), _date_parts(b)
    if pa is None or pb is None:
        return True
    weeks = [p for p in (pa, pb) if len(p) > 1 and p[1].startswith("W")]
    if len(weeks) == 1:  # a weekday and a day of the month are told apart by the calendar, not digit by digit
        week, other = (pa, pb) if weeks[0] is pa else (pb, pa)
        return (week[0] == other[0] or "X" in week[0] or "X" in other[0]) and _weekday_fits(week, other)
    for x, y in zip(pa, pb):
        x, y = _day_part(x), _day_part(y)
        if "X" in x or "X" in y:
            continue
        if x != y:
            if not (x.isdigit() and y.isdigit()):
                continue  # season against month: keep it simple
            return False
    return True


def places_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    a, b = venue_city(a), venue_city(b)
    if a.lower() == b.lower():
        return True
    ca, cb = is_country(a), is_country(b)
    if ca and cb:
        return country_of(a) == country_of(b)
    if ca or cb:
        country, place = (a, b) if ca else (b, a)
        pc = country_of(place)
        return pc is None or pc == country_of(country)
    return False


def participants_compatible(a, b, country_of_person=None) -> bool:
    """One side's people include the other's. A state named for want of its leader ("Russia") fits the other
    side when it names that state too, or a person of that state, or a person whose state is not known."""
    sa, sb = {x for x in a if not is_country(x)}, {x for x in b if not is_country(x)}
    if sa and sb and not (sa <= sb or sb <= sa):
        return False
    lookup = country_of_person or (lambda name: None)
    for one, other, people in ((a, b, sb), (b, a, sa)):
        for state in (x for x in one if is_country(x)):
            st = country_of(state)
            if any(is_country(o) and country_of(o) == st for o in other):
                continue
            countries = {lookup(p) for p in people}
            if st in countries or None in countries:
                continue
            if not other:
                continue
            return False
    return True


_COUNTRY_OF: contextvars.ContextVar = contextvars.ContextVar("country_of_person", default=None)


@dataclass
class _Cluster:
    mentions: list[int]
    participants: list[str]
    location: str | None
    date: str | None
    family: str
    caption: bool
    nouns: set = field(default_factory=set)
    statuses: set = field(default_factory=set)  # (status class, strength) of its mentions


def _compatible(c: _Cluster, m: _Mention, k: int, mentions: list[_Mention]) -> bool:
    if c.family != family(m.type):
        return False
    headline = getattr(m, "_headline", False) or any(getattr(mentions[j], "_headline", False) for j in c.mentions)
    if c.family == "agreement" and c.nouns and m.noun not in c.nouns and not (headline and m.participants):
        return False
    for j in c.mentions:
        if j in m.apart or k in mentions[j].apart:
            return False
        rel = mentions[j].relation
        if (rel and rel[0] == k) or (m.relation and m.relation[0] == j):
            return False
    return (participants_compatible(c.participants, m.participants, _COUNTRY_OF.get()) and places_compatible(c.location, m.location)
            and dates_compatible(c.date, m.date.value if m.date else None) and _statuses_compatible(c, m))


_STATUS_CLASS = {"occurred": "past", "occurring": "past", "planned": "future", "postponed": "future",
                 "cancelled": "future"}


def _statuses_compatible(c: _Cluster, m: _Mention) -> bool:
    """A postponed or cancelled event is not the one that took place: a mention whose own clause says it was called
    off (an explicit cue) does not join an event said to have happened or to be planned, nor the other way round.
    ("will" and "planned" cues are too loose across clauses to split on alone; dates tell those apart.)"""
    if not m.status or not m.strength:
        return True
    mine = _STATUS_CLASS.get(m.status)
    called_off = m.status in ("cancelled", "postponed") and m.strength >= 2
    return not any(cls != mine and (called_off or (cls == "off" and st >= 2)) for cls, st in c.statuses)


def _absorb(c: _Cluster, m: _Mention, k: int) -> None:
    c.mentions.append(k)
    if m.status and m.strength:
        off = m.status in ("cancelled", "postponed")
        c.statuses.add(("off" if off else _STATUS_CLASS.get(m.status), m.strength))
    if m.noun:
        c.nouns.add(m.noun)
    for p in m.participants:
        if p not in c.participants:
            c.participants.append(p)
    if m.location and (not c.location or (is_country(c.location) and not is_country(m.location))):
        c.location = m.location
    if m.date and m.date.value and (not c.date or _precision(m.date.value) > _precision(c.date)):
        c.date = m.date.value
    m.cluster = id(c)


def _precision(value: str | None) -> int:
    parts = _date_parts(value)
    if not parts:
        return 0
    return sum(2 if ("X" not in p) else 1 for p in parts)


def _positive_match(c: _Cluster, m: _Mention) -> bool:
    """A mention that names no one joins an event only when it names the same place or the same day."""
    if m.location and c.location and venue_city(m.location).lower() == venue_city(c.location).lower():
        return True
    mv = m.date.value if m.date else None
    return bool(mv and c.date and _precision(mv) >= 5 and _precision(c.date) >= 5 and dates_compatible(mv, c.date))


def _cluster(mentions: list[_Mention]) -> tuple[list[_Cluster], int | None]:
    main_k = next((k for k, m in enumerate(mentions) if not m.caption and not m.generic and m.participants
                   and family(m.type) in ("meeting", "call")), None)
    if main_k is None:
        main_k = next((k for k, m in enumerate(mentions) if not m.caption and not m.generic), None)
    clusters: list[_Cluster] = []
    main_c: _Cluster | None = None
    bare = []
    for k, m in enumerate(mentions):
        if m.generic:
            continue
        if not m.participants and not m.location and not (m.date and m.date.value) and k != main_k:
            if m.definite:
                bare.append(k)
            continue
        fits = [c for c in clusters if _compatible(c, m, k, mentions) and not c.caption and not m.caption
                and (m.participants or _positive_match(c, m))]
        if fits:
            fits.sort(key=lambda c: (c is not main_c, -len(set(c.participants) & set(m.participants)),
                                     -c.mentions[-1]))
            _absorb(fits[0], m, k)
            if k == main_k:
                main_c = fits[0]
            continue
        c = _Cluster([], [], None, None, family(m.type), m.caption)
        _absorb(c, m, k)
        clusters.append(c)
        if k == main_k:
            main_c = c
    for k in bare:
        m = mentions[k]
        target = None
        if main_c is not None and _compatible(main_c, m, k, mentions):
            target = main_c
        else:
            target = next((c for c in reversed(clusters) if c.mentions[0] < k and _compatible(c, m, k, mentions)
                           and not c.caption), None)
        if target is not None:
            _absorb(target, m, k)
    main_index = clusters.index(main_c) if main_c is not None else None
    return clusters, main_index


def _cluster_status(c: _Cluster, mentions: list[_Mention], etype: str, published: str | None) -> str:
    ms = [mentions[k] for k in c.mentions]
    for s in ("cancelled", "postponed"):
        if any(m.status == s and m.strength == 2 for m in ms):
            return s
    dated = [m for m in ms if m.date and m.date.value and _precision(m.date.value) >= 3]
    if dated:
        m = dated[0]
        if published and re.match(r"^\d{4}-\d{2}-\d{2}$", m.date.value):
            if m.date.value == published[:10]:
                # the day of publication: "met ... on Thursday" is over, "is meeting today" is not
                if m.status == "occurred" and not any(x.status == "occurring" and x.strength == 2 for x in ms):
                    return "occurred"
                return "occurring"
            return "occurred" if m.date.value < published[:10] else "planned"
        return m.status if m.status and m.strength == 2 else "occurred"
    for m in ms:
        if m.status == "occurring" and m.strength == 2:
            return "occurring"
    for pick in ((2, True), (1, True), (2, False), (1, False)):
        for m in ms:
            if m.strength == pick[0] and (m.type == etype) == pick[1] and m.status:
                return m.status
    return "occurred"


# ---------------------------------------------------------------- agenda topics

def _topics(doc, mentions: list[_Mention], events_by_cluster: dict[int, int], main: int | None,
            exclude_countries: dict[int, set[str]], ppl: _People, main_participants: list[str],
            built: list[dict] | None = None):
    """topic labels and evidence per event index."""
    out: dict[int, dict[str, tuple[str, list[tuple[int, int]]]]] = {}
    sents = list(doc.sents)
    agenda, anaphor, reporting = _agenda_cue(), _anaphor_cue(), _reporting_cue()
    prev_qualified_reporting = False
    for si, sent in enumerate(sents):
        s0, s1 = sent.start_char, sent.end_char
        stext = doc.text[s0:s1]
        here = [m for m in mentions if s0 <= m.start < s1]
        cue = bool(agenda.search(stext))
        speaker_here = any(n in main_participants for _, _, n in ppl.in_range(s0, s1))
        rep = bool(reporting.search(stext)) and (speaker_here or (prev_qualified_reporting and re.match(
            r"\s*(He|She)\b", stext)))
        prev_qualified_reporting = rep
        if not (cue or here or rep):
            continue
        hits = [(tid, label, s0 + a, s0 + b) for tid, label, a, b in find_topics(stext)]
        spans = [(s0, s1)]
        if anaphor.search(stext) and si > 0 and sents[si - 1].text.strip():
            p = sents[si - 1]
            prev_hits = [(tid, label, p.start_char + a, p.start_char + b) for tid, label, a, b in find_topics(p.text)]
            if prev_hits:
                hits = prev_hits + hits
                spans.insert(0, (p.start_char, p.end_char))
        if cue or here:
            hits += _np_topics(doc, sent, hits, agenda)
        fallback = main
        if not any(m.cluster in events_by_cluster for m in here if m.cluster is not None):
            fallback = _anaphor_target(doc, s0, s1, stext, built or [], main, ppl)
        for tid, label, a, b in hits:
            target = _topic_target(a, here, events_by_cluster, fallback)
            if target is None:
                continue
            if tid.startswith("country:") and label in exclude_countries.get(target, set()):
                continue
            entry = out.setdefault(target, {})
            if tid not in entry:
                entry[tid] = (label, [])
            ev = entry[tid][1]
            for sp in spans if a < s0 else [(s0, s1)]:
                if sp not in ev:
                    ev.append(sp)
    return out


_EVENT_NOUN = re.compile(r"\b(?:the|this|that|their|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's|Saturday's|"
                         r"Sunday's|today's|yesterday's)\s+(?:(?:phone|telephone|video|two-hour|hour-long|bilateral|"
                         r"closed-door|one-on-one)\s+)?(call|conversation|talks|meeting|visit|trip|summit|"
                         r"negotiations|discussions?|consultations)\b", re.I)
_NOUN_FAMILY = {"call": "call", "conversation": "call"}


def _anaphor_target(doc, s0: int, s1: int, stext: str, built: list[dict], main: int | None, ppl: _People):
    """The event an agenda sentence without an event mention of its own speaks of: "the call" / "the talks" is the
    main event when it is of that kind, else the latest such event told before the sentence; "the two leaders" or
    the people it names are the event they all took part in (the main event first, then the latest before)."""
    if not built:
        return main
    order = ([main] if main is not None else []) + sorted(
        (n for n, b in enumerate(built) if n != main and b["evidence"] and b["evidence"][0][0] < s0),
        key=lambda n: -built[n]["evidence"][0][0])
    a = _EVENT_NOUN.search(stext)
    if a:
        fam = _NOUN_FAMILY.get(a.group(1).lower(), "meeting")
        for n in order:
            if family(built[n]["type"]) == fam and built[n]["status"] != "cancelled":
                return n
        return main
    named = set(n for _, _, n in ppl.in_range(s0, s1))
    if named:
        for n in order:
            if named <= set(built[n]["participants"]):
                return n
        for n in order:
            if named & set(built[n]["participants"]):
                return n
    return main


@lru_cache(maxsize=1)
def _np_stop() -> tuple[frozenset[str], frozenset[str]]:
    """(head nouns, empty leading modifiers) from nlp/data/agenda_np_stop.txt."""
    roots, mods = set(), set()
    for line in lexicon("agenda_np_stop"):
        kind, _, word = line.partition("\t")
        (roots if kind.strip() == "root" else mods).add(word.strip().lower())
    return frozenset(roots), frozenset(mods)


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    return frozenset(w for p, _, _ in triggers() for w in re.findall(r"[a-z]+", p.pattern.lower()) if len(w) > 3) | {
        "conversation", "memorandum", "understanding", "statement"}


_AGENDA_VERBS = {"discuss", "focus", "cover", "touch", "devote", "dedicate", "review", "address", "center", "centre",
                 "concentrate", "exchange"}


_AGENDA_VERB_RX = re.compile(r"\b(discuss|focus|cover|touch|devot|dedicat|review|address|cent|concentrat|exchang)",
                             re.I)


def _np_topics(doc, sent, hits, agenda: re.Pattern) -> list[tuple[str, str, int, int]]:
    """Free noun-phrase topics of an agenda sentence that the taxonomy does not cover: the noun chunks after the
    agenda cue ("discussed ... the construction of the Akkuyu nuclear power plant" -> "Akkuyu nuclear power plant"),
    except people, places, pronouns and generic words ("the two sides", "issues")."""
    text = doc.text
    s0 = sent.start_char
    if not _AGENDA_VERB_RX.search(text, s0, sent.end_char):
        return []  # cheap check before walking the parse
    verbs = [t for t in sent if t.lemma_.lower() in _AGENDA_VERBS and t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return []
    head = verbs[0]
    lo, hi = head.idx + len(head.text), head.right_edge.idx + len(head.right_edge.text)
    out = []
    for chunk in sent.noun_chunks:
        if chunk.start_char < lo or chunk.end_char > hi or chunk.root.ent_type_ in ("PERSON", "GPE", "NORP", "FAC"):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in chunk.root.children) or chunk.root.text.lower() in (
                _trigger_words()):
            continue  # "the construction of X": X is the topic; "the call" is no topic
        if chunk.root.pos_ == "PRON" or chunk.root.ent_type_ in ("PERSON", "DATE", "TIME", "CARDINAL", "MONEY"):
            continue
        toks = [t for t in chunk if t.dep_ not in ("det", "poss", "predet", "case") and t.pos_ not in ("PRON", "NUM")]
        if not toks:
            continue
        a, b = toks[0].idx, chunk.end_char
        roots, mods = _np_stop()
        if chunk.root.lower_ in roots:
            continue
        while toks and toks[0].lower_ in mods:
            toks = toks[1:]
        if not toks:
            continue
        a = toks[0].idx
        if any(h[2] < b and a < h[3] for h in hits) and not any(
                t.pos_ == "PROPN" and not any(h[2] <= t.idx < h[3] for h in hits) for t in toks):
            continue  # covered by the taxonomy, unless it names something of its own ("the Maya Train railway")
        label = text[a:b]
        if len(label) < 4 or "\n" in label or not any(t.pos_ in ("NOUN", "PROPN") for t in toks) or (
                len(toks) < 2 and chunk.root.pos_ != "PROPN"):  # one plain noun ("people", "wars") says little
            continue
        out.append(("np:" + label.lower(), label, a, b))
    return out


def _topic_target(pos: int, here: list[_Mention], events_by_cluster: dict[int, int], main: int | None):
    live = [m for m in here if m.cluster is not None and m.cluster in events_by_cluster]
    if live:
        before = [m for m in live if m.start <= pos]
        m = before[-1] if before else live[0]
        return events_by_cluster[m.cluster]
    return main


# ---------------------------------------------------------------- the step

def extract_events(doc, entities: tuple[Entity, ...], timexes: tuple[Timex, ...], article: Article) -> tuple[Event, ...]:
    """Events of one article, ids ev1, ev2, ... in order of first mention."""
    doc = _CachedDoc(doc)
    ppl = _people(doc, entities)
    mentions = _find_mentions(doc, article)
    if not mentions:
        return ()
    ents = [e for e in doc.ents]
    for m in mentions:
        _participants(doc, m, ppl)
        _location(doc, m, ents, ppl)
        _date(doc, m, timexes, article.published)
        _status(doc, m)
    _sentence_dates(doc, mentions, timexes)
    _inherit_clause_participants(mentions)
    _sidelines_place(mentions)
    _also_on_the_trip(mentions)
    _relations(doc, mentions)
    _their_participants(doc, mentions)
    _COUNTRY_OF.set(lambda name: _leader_country(ppl, name))
    clusters, main = _cluster(mentions)
    clusters_order = sorted(range(len(clusters)), key=lambda i: mentions[clusters[i].mentions[0]].start)
    events_by_cluster = {id(clusters[i]): n for n, i in enumerate(clusters_order)}
    main_event = events_by_cluster[id(clusters[main])] if main is not None else None

    built = []
    exclude: dict[int, set[str]] = {}
    for n, i in enumerate(clusters_order):
        built.append(_build_event(n, clusters[i], mentions, ppl, article, doc, clusters, main_event, built))
        exclude[n] = _own_countries(built[-1], ppl)
    _date_from_previous_paragraph(doc.text, built)
    _date_from_lede(doc.text, built, main_event, timexes, ppl)
    _agreement_occasion(doc.text, built, main_event)
    main_participants = list(built[main_event]["participants"]) if main_event is not None else []
    actors = _actors(doc, mentions, clusters, clusters_order, built, ppl, article)
    topics = _topics(doc, mentions, events_by_cluster, main_event, exclude, ppl, main_participants, built)
    events = []
    for n, b in enumerate(built):
        t = topics.get(n, {})
        labels = tuple(v[0] for v in t.values())
        tev = sorted({_trim(doc.text, *sp) for v in t.values() for sp in v[1]})
        events.append(Event(
            id=f"ev{n + 1}", type=b["type"], participants=tuple(b["participants"]), roles=b["roles"],
            location=b["location"], date=b["date"], status=b["status"], topics=labels,
            evidence=tuple(Evidence(s, e) for s, e in b["evidence"]), confidence=b["confidence"],
            topic_evidence=tuple(Evidence(s, e) for s, e in tev), actors=actors[n][0], host=actors[n][1],
        ))
    return tuple(events)


def _actors(doc, mentions, clusters, clusters_order, built, ppl: _People, article: Article):
    """(actors, host) of each built event (extract.actors), from its participants and its mentions' clauses."""
    people = PersonStates(doc._doc, ppl.spans, ppl.titles, {n: c for (c, _), n in ppl.leaders.items()},
                          article.published)
    out = []
    seen: dict = {}  # sentence start -> its state tokens
    for n, i in enumerate(clusters_order):
        clause: list[str] = []
        for k in sorted(clusters[i].mentions):
            m = mentions[k]
            head = getattr(m, "_head", None)
            verb = _verb_of(m) if head is not None else None
            if verb is None and head is not None and head.dep_ in ("dobj", "nsubjpass") \
                    and head.head.lemma_ in _LIGHT_VERBS:
                # "Peruvian diplomats held their first meeting with ...", "an agreement was signed between A and B"
                verb = head.head
            clause += clause_states(doc, head, verb, seen)
        b = built[n]
        out.append(event_actors(b["participants"], b["roles"], b["location"], b["type"], clause, people))
    return out


class _CachedDoc:
    """The Doc with ``text`` and ``sents`` computed once (spaCy rebuilds both on every access)."""

    def __init__(self, doc):
        self._doc = doc
        self.text = doc.text
        self._sents = list(doc.sents)

    @property
    def sents(self):
        return iter(self._sents)

    def __getitem__(self, i):
        return self._doc[i]

    def __len__(self):
        return len(self._doc)

    def __getattr__(self, name):
        return getattr(self._doc, name)


def _sentence_dates(doc, mentions: list[_Mention], timexes: tuple[Timex, ...]) -> None:
    """"Biden rolled out the red carpet for Modi on Thursday, as the two leaders agreed ... during talks": an event
    whose own phrase has no date takes the nearest date of its sentence that no other event of the sentence holds
    in its phrase and that does not date a reporting verb ("said on Thursday that ...")."""
    dated = [t for t in timexes if re.match(r"^(\d{4}|XXXX)", t.value or "") and re.search(r"\d", t.value)
             and not _in_name(doc, t)]
    if not dated:
        return
    reporting = _reporting_verbs()
    for m in mentions:
        if m.date is not None or m.generic or m.caption:
            continue
        chain, a = {m._head.i: False}, m._head  # type: ignore[attr-defined]
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
                while gov.head.i != gov.i and not _is_verbal(gov):
                    gov = gov.head
                if gov.i not in chain:  # "... talks since the agreement, which collapsed in July": another clause's date
                    continue
                if gov.lemma_.lower() in reporting and gov.i != m._head.i and chain[gov.i]:  # type: ignore[attr-defined]
                    continue
            d = abs(t.start - m.start)
            if best is None or d < best[0]:
                best = (d, t)
        if best:
            m.date = EventDate(best[1].value, best[1].text)


def _inherit_clause_participants(mentions: list[_Mention]) -> None:
    """"Aliyev and Putin have met ... at the SCO summit in Samarkand": the summit takes the clause's people."""
    for m in mentions:
        if m.at_phrase and not m.participants:
            src = next((o for o in mentions if o is not m and o.sent == m.sent and o._verbal  # type: ignore[attr-defined]
                        and o.participants and o.start < m.start and family(o.type) == "meeting"), None)
            if src:
                m.participants = list(src.participants)
                m.type = src.type
                m.inherited = True
                if m.status is None:
                    m.status, m.strength = src.status, src.strength


def _their_participants(doc, mentions: list[_Mention]) -> None:
    """"X held talks with Y ..., two weeks after their first meeting": a "their" event that names no one has the
    people of the event named before it in the same sentence."""
    for k, m in enumerate(mentions):
        if m.participants or m.generic or not re.search(r"\btheir\b", doc.text[m.wstart:m.start], re.I):
            continue
        src = next((o for o in reversed(mentions[:k]) if o.sent == m.sent and len(o.participants) >= 2
                    and family(o.type) == family(m.type)), None)
        if src:
            m.participants = list(src.participants)


def _sidelines_place(mentions: list[_Mention]) -> None:
    """"X met Y on the sidelines of the G20 summit in Rio on Monday": the meeting happened where and when the
    summit did (a summit hanging on a frame noun of nlp/data/place_frames.txt under the meeting verb)."""
    frames = _place_frames()
    for m in mentions:
        if not m._verbal or m.location:  # type: ignore[attr-defined]
            continue
        verb = m._head  # type: ignore[attr-defined]
        for j, o in enumerate(mentions):
            if o is m or o.sent != m.sent or o.start < m.end or o._verbal or family(o.type) != "meeting":  # type: ignore[attr-defined]
                continue
            t, hops = o._head, 0  # type: ignore[attr-defined]
            while t.head.i != t.i and hops < 4 and t.head.i != verb.i:
                t, hops = t.head, hops + 1
            if t.head.i == verb.i and t.dep_ == "prep" and any(c.lemma_.lower() in frames for c in t.children):
                m.location = m.location or o.location
                if m.date is None:
                    m.date = o.date
                m.apart.add(j)  # the summit is its own event
                break


def _also_on_the_trip(mentions: list[_Mention]) -> None:
    """"X also met Y" with no place or time of its own, said of someone of the lede's event after it, happened on
    the same trip: the lede's place and date."""
    lede = next((m for m in mentions if not m.generic and not m.caption and m.participants and m.location
                 and m.date and m.date.value and m.status in (None, "occurred", "occurring")), None)
    if lede is None:
        return
    for m in mentions:
        if m is lede or m.start < lede.start or not m._verbal or m.location or (m.date and m.date.value):  # type: ignore[attr-defined]
            continue
        head = m._head  # type: ignore[attr-defined]
        if not any(c.dep_ == "advmod" and c.lower_ == "also" for c in head.children):
            continue
        if head.tag_ != "VBD" or not set(m.participants) & set(lede.participants):
            continue
        m.location, m.date = lede.location, lede.date


def _own_countries(b: dict, ppl: _People) -> set[str]:
    own = set()
    for (country, _), name in ppl.leaders.items():
        if name in b["participants"]:
            own.add(country)
    for p in b["participants"]:
        if is_country(p):
            own.add(country_of(p))
    if b["location"]:
        c = country_of(venue_city(b["location"]))
        if c:
            own.add(c)
    return own


def _build_event(n, c: _Cluster, mentions, ppl: _People, article: Article, doc, clusters, main_event, built) -> dict:
    ms = [mentions[k] for k in sorted(c.mentions)]
    types = Counter(m.type for m in ms)
    if "visit" in types:
        etype = "visit"
    else:
        etype = max(types, key=lambda t: (types[t], -min(m.start for m in ms if m.type == t)))
    participants = list(c.participants)
    roles: dict[str, str] = {}
    for m in ms:
        for name, role in m.roles.items():
            roles.setdefault(name, role)
    location = venue_city(c.location) if c.location else c.location  # "the White House" is in Washington
    persons = [p for p in participants if not is_country(p)]
    if len(persons) >= 2:  # states stood in for leaders the text names elsewhere
        participants = [p for p in participants if not is_country(p) or roles.get(p) in ("host", "counterpart")]
    if etype == "visit":
        visitors = [p for p, r in roles.items() if r == "visitor"]
        hosts = [p for p, r in roles.items() if r == "host"]
        if visitors and not hosts:
            others = [p for p in participants if p not in visitors]
            if len(others) == 1:
                roles[others[0]] = "host"
            elif not others and location:
                country = country_of(venue_city(location))
                host = ppl.leader(country) if country and country != country_of(
                    _leader_country(ppl, visitors[0]) or "") else None
                # the host country's leader joins the visit only when the visit's own paragraphs name them ("is
                # expected to visit Russia" says nothing of meeting Putin, named three paragraphs earlier)
                paras = {_paragraph(doc.text, m.start) for m in ms}
                if host and any(a <= s < b and n == host for s, _, n in ppl.spans for a, b in paras):
                    roles[host] = "host"
                    participants.append(host)
    # an agreement signed by one named party with no "with X": the counterpart is the main event's other party
    inferred = False
    if (etype == "agreement" and len(participants) == 1 and "counterpart" not in roles.values()
            and main_event is not None and main_event < len(built)):
        pair = [p for p in built[main_event]["participants"] if not is_country(p)]
        if participants[0] in pair and len(pair) == 2:
            participants.append(next(p for p in pair if p != participants[0]))
            inferred = True
    date_value = c.date
    date_text = None
    for m in ms:
        if m.date and m.date.value == date_value:
            date_text = m.date.text
            break
    event_date = EventDate(date_value, date_text) if date_value else None
    for m in ms:
        if m.relation:
            other = mentions[m.relation[0]]
            other_c = next((x for x in clusters if id(x) == other.cluster), None)
            other_date = other_c.date if other_c else None
            if not date_value:
                shifted = _shift(other_date, m.relation[1]) if other_date and m.relation[1] else None
                event_date = EventDate(shifted, m.relation[2])
    if not date_value:
        # "held talks in Tokyo on Thursday, two weeks after their first meeting in Rio": this event is the anchor of
        # another mention's relation, so its date is that event's date moved back
        for k in c.mentions:
            for o in mentions:
                if o.relation and o.relation[0] == k and o.relation[1] and o.cluster is not None:
                    other_c = next((x for x in clusters if id(x) == o.cluster), None)
                    moved = _shift(other_c.date, -o.relation[1]) if other_c and other_c.date else None
                    if moved:
                        event_date = EventDate(moved, o.relation[2])
                        date_value = moved
                        break
            if date_value:
                break
    status = _cluster_status(c, mentions, etype, article.published)
    evidence = []
    for m in ms:
        span = (m.sent[0], m.sent[1]) if not m.caption else (m.wstart, m.wend)
        span = _trim(doc.text, *span)
        if span not in evidence:
            evidence.append(span)
    conf = 0.4 + (0.2 if participants else 0) + (0.1 if len(participants) > 1 else 0) + (0.1 if location else 0) \
        + (0.1 if date_value else 0) + 0.05 * min(len(ms) - 1, 2) - (0.15 if c.caption else 0) \
        - (0.1 if any(m.inherited for m in ms) or inferred else 0)
    return {"type": etype, "participants": participants, "roles": roles, "location": location, "date": event_date,
            "status": status, "evidence": evidence, "confidence": round(max(0.05, min(conf, 0.98)), 2)}


def _date_from_previous_paragraph(text: str, built: list[dict]) -> None:
    """Same-article coreference of an undated event: "X and Y signed agreements in Washington on June 22." followed
    by "Y hosted X at the White House for talks." -- the talks are the occasion of the dated event. An undated event
    that took place takes the date of a dated event of the same or the paragraph right before it that has the same
    people (at least two) and names the same place."""
    for b in built:
        if b["date"] is not None or b["status"] != "occurred" or not b["location"] or not b["evidence"]:
            continue
        people = {p for p in b["participants"] if not is_country(p)}
        if len(people) < 2:
            continue
        pa, _ = _paragraph(text, b["evidence"][0][0])
        for o in built:
            if o is b or o["date"] is None or o["status"] != "occurred" or not o["location"] or not o["evidence"]:
                continue
            if {p for p in o["participants"] if not is_country(p)} != people:
                continue
            if venue_city(o["location"]).lower() != venue_city(b["location"]).lower():
                continue
            oa, ob = _paragraph(text, o["evidence"][-1][0])
            if o["evidence"][0][0] < b["evidence"][0][0] and (oa == pa or not text[ob:pa].strip()):
                b["date"] = o["date"]
                b["confidence"] = round(min(b["confidence"] + 0.05, 0.98), 2)
                break


_OWN_TIME = re.compile(r"\b(1[89]|20)\d\d\b|\b(days?|weeks?|months?|years?)\s+(before|after|ago|earlier|later)\b|"
                       r"\b(before|since|until|last|previous)\b|\bin\s+(January|February|March|April|May|June|July|"
                       r"August|September|October|November|December)\b", re.I)


def _date_from_lede(text: str, built: list[dict], main: int | None, timexes: tuple[Timex, ...], ppl: _People) -> None:
    """"Putin told Erdogan on Monday that ...  The two leaders met in Sochi ...": the article's main event, undated,
    said to have taken place, takes the day of the paragraph right before it when that paragraph names the same two
    people with one day-precise date."""
    if main is None:
        return
    b = built[main]
    if b["date"] is not None or b["status"] != "occurred" or not b["evidence"]:
        return
    people = {p for p in b["participants"] if not is_country(p)}
    if len(people) < 2:
        return
    pa, _ = _paragraph(text, b["evidence"][0][0])
    if pa < 2:
        return
    qa, qb = _paragraph(text, pa - 2)
    if text[qb:pa].strip():
        return
    days = {t.value: t for t in timexes if qa <= t.start < qb and t.type == "DATE"
            and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value or "")}
    if any(o is not b and o["date"] is not None and any(qa <= a < qb for a, _ in o["evidence"]) for o in built):
        return  # the paragraph tells an event of its own ("signed ... in Perth on October 22"): its date is that one's
    if len(days) == 1 and people <= {n for _, _, n in ppl.in_range(qa, qb)}:
        t = next(iter(days.values()))
        b["date"] = EventDate(t.value, t.text)


def _agreement_occasion(text: str, built: list[dict], main: int | None) -> None:
    """An agreement that names neither date nor place, signed by people of the article's main event after it is
    told ("After the talks, the two leaders signed ..."), was signed on that occasion: its date and place."""
    if main is None:
        return
    o = built[main]
    if o["status"] not in ("occurred", "occurring") or o["date"] is None or not o["evidence"]:
        return
    theirs = {p for p in o["participants"] if not is_country(p)}
    for b in built:
        if b is o or b["type"] != "agreement" or b["date"] is not None or b["location"] or not b["evidence"]:
            continue
        people = {p for p in b["participants"] if not is_country(p)}
        if b["status"] != "occurred" or not people or not people <= theirs:
            continue
        if any(_OWN_TIME.search(text[a:z]) for a, z in b["evidence"]):
            continue  # "two days before the war, he signed ...": a time of its own, left unresolved
        if b["evidence"][-1][0] > o["evidence"][0][0]:
            b["date"], b["location"] = o["date"], o["location"]


def _leader_country(ppl: _People, name: str) -> str | None:
    for (country, _), who in ppl.leaders.items():
        if who == name:
            return country
    return None


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _shift(value: str | None, days: int) -> str | None:
    """A full date moved by ``days``; the date step's shift() when it exists, else this fallback."""
    try:
        from parley.extract.timex import shift  # type: ignore[attr-defined]

        out = shift(value, days)
        if out:
            return out
    except ImportError:
        pass
    if not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    y, mo, d = (int(x) for x in value.split("-"))
    return (date(y, mo, d) + timedelta(days=days)).isoformat()

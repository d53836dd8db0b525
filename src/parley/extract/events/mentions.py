"""Trigger mentions: each trigger hit with its phrase window, sentence, caption and generic flags."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from parley.extract.events.doc import is_verbal, paragraph
from parley.extract.events.lexicons import modality_words
from parley.extract.events.triggers import trigger_first_words, trigger_matches, triggers
from parley.models import EventDate
from parley.nlp import search_fold


_GENERIC_DET = {"every", "each", "any", "such", "many", "several", "frequent", "regular", "numerous", "all"}


_HABITUAL = re.compile(r"\b(more than once|several times|many times|repeatedly|regularly|often|frequently|"
                       r"never|every year|each year|from time to time)\b", re.I)


_PARTICIPLES = {"signed", "held", "concluded", "scheduled", "planned", "hosted", "organized", "organised", "due"}


# words besides the modality table (event_modality.txt) after which "to meet" still reports an event
_TO_EVENT = {"agree", "go", "decide", "invitation", "invite", "accept"}


_SIGN = re.compile(r"\b(sign(s|ed|ing)?|ink(s|ed|ing)?|concluded)\b", re.I)


@dataclass
class Mention:
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
    governed: bool = False  # the status is the parse's: a word governing the trigger ("is expected to hold talks")
    at_phrase: bool = False  # "at the SCO summit": takes the participants of the clause
    inherited: bool = False
    definite: bool = False  # "the meeting", "this visit", "his talks": may refer back to a known event
    noun: str = ""  # agreement noun ("declaration"), which tells agreements apart
    relation: tuple[int, int, str] | None = None  # (index of the other mention, signed days or 0, text)
    cluster: int | None = None
    apart: set[int] = field(default_factory=set)  # indices of mentions of other events (a summit it was beside)
    hosting: bool = False  # "X hosted Y": only an event when a person is hosted
    head: Any = field(default=None, repr=False, compare=False)  # the trigger's head token
    verbal: bool = False  # the head is a verb ("met"), not a noun ("the meeting")
    headline: bool = False  # on the text's first line, a headline without a closing full stop
    right_from: int = 0  # token index where the window starts growing to the right
    occasion: int | None = None  # an agreement "signed during the state visit": the index of that visit's mention


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


def _clause_left(tok, sent_start: int, trig_start: int):
    i = trig_start
    doc = tok.doc
    while i - 1 >= sent_start:
        t = doc[i - 1]
        if "\n" in t.text or "\n" in t.whitespace_:
            break
        if t.text in (";", ":", "—", "–") or t.lower_ in ("that", "which", "who", "while", "whereas", "but"):
            break
        if is_verbal(t) and not (t.dep_ in ("aux", "auxpass", "neg") or t.tag_ == "MD"
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
        if t.dep_ == "mark" and t.head.i > t.i and is_verbal(t.head):
            break  # "their first meeting since Biden took office": the clause after "since" is another time
        if t.lower_ in ("which", "that", "who") and i > first and doc[i - 1].text == ",":
            relative = True
        elif t.text == "," and relative:
            break
        elif is_verbal(t) and not relative and t.lower_ not in _PARTICIPLES and t.dep_ not in ("amod", "compound"):
            break
        if t.is_space and "\n" in t.text:
            break
        i += 1
    return i


def find_mentions(doc) -> list[Mention]:
    text = doc.text
    captions = _caption_ranges(doc)
    hits = []
    taken: list[tuple[int, int]] = []
    folded = search_fold(text)
    for (pattern, etype, flags), first in zip(triggers(), trigger_first_words()):
        for m in trigger_matches(pattern, text, folded, first):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            hits.append((m.start(), m.end(), etype, flags))
    hits.sort()
    mentions: list[Mention] = []
    for start, end, etype, flags in hits:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        head = span[0] if (len(span) > 1 and is_verbal(span[0])) else span[-1]  # "spoke by phone", "phone call"
        if "speak" in flags:
            head = _speaking_verb(span)  # "X spoke with Y over the phone": the call is the speaking
            if head is None:
                continue
        sent = head.sent
        verbal = is_verbal(head)
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
        pa, pb = paragraph(text, start)
        sbounds = (max(sent.start_char, pa), min(sent.end_char, pb))
        mentions.append(Mention(
            type=etype, start=start, end=end, wstart=max(doc[left].idx, sbounds[0]), wend=0,
            sent=sbounds, generic=generic,
            caption=any(s <= start < e for s, e in captions),
            noun=head.lemma_.lower() if etype == "agreement" else "",
            head=head, hosting="host" in flags, right_from=span.end, verbal=verbal,
            # a headline (the text's first line, without a closing full stop) restates the lede in other words
            headline=pa == 0 and pb < len(text) and not re.search(r"[.!?][\"'’”]?\s*$", text[pa:pb]),
        ))
    # windows stop where the next trigger's window starts
    for k, m in enumerate(mentions):
        nxt = next((n.wstart for n in mentions[k + 1:] if n.sent == m.sent and n.wstart >= m.end), m.sent[1])
        sent_end_tok = m.head.sent.end
        first = doc.char_span(m.wstart, m.start + 1, alignment_mode="expand")
        fronted = first is not None and first.start - 1 >= 0 and doc[first.start - 1].pos_ == "ADP" and \
            doc[first.start - 1].i == m.head.sent.start
        r = _right(doc, m.right_from, sent_end_tok, nxt, fronted)
        m.wend = doc[r - 1].idx + len(doc[r - 1].text) if r > m.right_from else m.end
        m.wend = max(m.wend, m.end)
        m.wstart = min(m.wstart, m.start)
        prev_end = max((p.end for p in mentions[:k] if p.sent == m.sent and p.end <= m.start), default=m.sent[0])
        m.wstart = max(m.wstart, prev_end if prev_end > m.sent[0] else m.wstart)
        if m.caption:  # a caption is dated by its own paragraph ("... in Sochi. 2022")
            for s, e in captions:
                if s <= m.start < e:
                    m.wend = max(m.wend, e)
        _mark_generic(doc, m)
        m.definite = m.verbal or bool(re.search(
            r"\b(the|this|these|that|those|his|her|their|its|today'?s?)\b|['’]s\b", doc.text[m.wstart:m.start], re.I))
    return mentions


def _speaking_verb(span):
    """The verb a phone phrase ("over the phone", "by telephone") hangs on when it is one of CAMEO 041's speaking
    verbs with a party after "with"/"to" ("spoke with X over the phone"), else None ("told reporters by phone")."""
    t = span.root
    for _ in range(3):
        if is_verbal(t) or t.head is t:
            break
        t = t.head
    if not is_verbal(t) or t.lemma_.lower() not in _SPEAKING:
        return None
    if not any(c.dep_ == "prep" and c.lower_ in ("with", "to") for c in t.children) and t.lemma_.lower() != "hold":
        return None
    return t


_SPEAKING = {"speak", "talk", "confer", "converse", "chat", "hold"}  # CAMEO 040/041 SPEAK, TALK, CONFER


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
        if not any(is_verbal(t) and t.tag_ != "VBG" for t in span if not t.is_space) and not _title_case(stripped):
            out.append((start, end))
    return out


def _title_case(line: str) -> bool:
    """A headline set in title case ("PM Kishida Departs Tokyo for Talks With President Yoon"), where the parser
    takes the capitalised verb for a name: every word of four letters or more capitalised, three at least. A photo
    caption is written in sentence case ("Putin-Aliyev meeting in Sochi")."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if len(w) >= 4]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _mark_generic(doc, m: Mention) -> None:
    window = doc.text[m.wstart:m.wend]
    before = doc.text[max(m.sent[0], m.wstart - 20):m.start].lower()
    phrase = doc.text[m.wstart:m.start].lower()
    if any(re.search(rf"\b{w}\b", phrase) for w in _GENERIC_DET) or (
            re.search(r"\b(frequency|series) of\s*$", before) and m.type != "agreement"):
        m.generic = True  # ("signed a series of agreements" is one signing)
    if m.verbal and _HABITUAL.search(window):
        m.generic = True
    head = m.head
    if m.verbal and any(c.dep_ == "neg" for c in head.children):
        m.generic = True  # "Putin has not visited Turkey since 2020" reports no visit
    if m.verbal and head.tag_ in ("VBG", "VB") and head.head.lemma_ in ("avoid", "stop", "fear"):
        m.generic = True  # ("refused to meet" is an event with its status, rejected: status.modality)
    if m.verbal and head.tag_ == "VB" and m.type != "agreement":
        prev = doc[head.i - 1] if head.i > 0 else None
        gov = head.head
        if prev is not None and prev.lower_ == "to" and gov.lemma_ not in _TO_EVENT and \
                gov.lemma_.lower() not in modality_words() and gov.lower_ not in modality_words():
            m.generic = True
    prev_word = re.search(r"(\w+)\s+(?:the\s+)?$", doc.text[max(m.sent[0], m.wstart - 12):m.wstart])
    if prev_word and prev_word.group(1).lower() == "at" and m.type in ("summit", "talks", "meeting"):
        m.at_phrase = True

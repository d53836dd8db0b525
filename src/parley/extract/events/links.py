"""Passes over the mentions of one article: one mention lends another its people, place, date or relation."""

from __future__ import annotations

import re

from parley.extract.events.lexicons import place_frames
from parley.extract.events.mentions import Mention
from parley.extract.events.triggers import family


_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": 3}


_UNIT_DAYS = {"day": 1, "week": 7}


_RELATIVE = re.compile(r"\b(\d+|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                       r"(day|week|month|year)s?\s+(after|before)\s+$", re.I)


def relations(doc, mentions: list[Mention]) -> None:
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


def inherit_clause_participants(mentions: list[Mention]) -> None:
    """"Aliyev and Putin have met ... at the SCO summit in Samarkand": the summit takes the clause's people."""
    for m in mentions:
        if m.at_phrase and not m.participants:
            src = next((o for o in mentions if o is not m and o.sent == m.sent and o.verbal
                        and o.participants and o.start < m.start and family(o.type) == "meeting"), None)
            if src:
                m.participants = list(src.participants)
                m.type = src.type
                m.inherited = True
                if m.status is None:
                    m.status, m.strength = src.status, src.strength


def their_participants(doc, mentions: list[Mention]) -> None:
    """"X held talks with Y ..., two weeks after their first meeting": a "their" event that names no one has the
    people of the event named before it in the same sentence."""
    for k, m in enumerate(mentions):
        if m.participants or m.generic or not re.search(r"\btheir\b", doc.text[m.wstart:m.start], re.I):
            continue
        src = next((o for o in reversed(mentions[:k]) if o.sent == m.sent and len(o.participants) >= 2
                    and family(o.type) == family(m.type)), None)
        if src:
            m.participants = list(src.participants)


def sidelines_place(mentions: list[Mention]) -> None:
    """"X met Y on the sidelines of the G20 summit in Rio on Monday": the meeting happened where and when the
    summit did (a summit hanging on a frame noun of nlp/data/place_frames.txt under the meeting verb)."""
    frames = place_frames()
    for m in mentions:
        if not m.verbal or m.location:
            continue
        verb = m.head
        for j, o in enumerate(mentions):
            if o is m or o.sent != m.sent or o.start < m.end or o.verbal or family(o.type) != "meeting":
                continue
            t, hops = o.head, 0
            while t.head.i != t.i and hops < 4 and t.head.i != verb.i:
                t, hops = t.head, hops + 1
            if t.head.i == verb.i and t.dep_ == "prep" and any(c.lemma_.lower() in frames for c in t.children):
                m.location = m.location or o.location
                if m.date is None:
                    m.date = o.date
                m.apart.add(j)  # the summit is its own event
                break


def also_on_the_trip(mentions: list[Mention]) -> None:
    """"X also met Y" with no place or time of its own, said of someone of the lede's event after it, happened on
    the same trip: the lede's place and date."""
    lede = next((m for m in mentions if not m.generic and not m.caption and m.participants and m.location
                 and m.date and m.date.value and m.status in (None, "occurred", "occurring")), None)
    if lede is None:
        return
    for m in mentions:
        if m is lede or m.start < lede.start or not m.verbal or m.location or (m.date and m.date.value):
            continue
        head = m.head
        if not any(c.dep_ == "advmod" and c.lower_ == "also" for c in head.children):
            continue
        if head.tag_ != "VBD" or not set(m.participants) & set(lede.participants):
            continue
        m.location, m.date = lede.location, lede.date


def signed_at(mentions: list[Mention]) -> None:
    """"X and Y will sign 20 agreements at the council meeting in Athens on December 7": agreements signed at a
    meeting of the same sentence are signed where and when it is held; "47 documents were signed during the state
    visit of X to Y": by its people, when the signing names no one."""
    for m in mentions:
        if m.type != "agreement" or m.head is None:
            continue
        for k, o in enumerate(mentions):
            if o is m or o.sent != m.sent or o.verbal or family(o.type) != "meeting" or o.head is None:
                continue
            t, hops = o.head, 0
            while t.head.i != t.i and hops < 4 and not (t.dep_ == "prep" and t.lower_ in _SIGNED_AT):
                t, hops = t.head, hops + 1
            if t.dep_ == "prep" and t.lower_ in _SIGNED_AT and t.head.i in (m.head.i, m.head.head.i):
                m.occasion = k  # the occasion's own date may come from another of its mentions (step)
                if m.date and m.location and m.participants:
                    break
                m.location = m.location or o.location
                if m.date is None:
                    m.date = o.date
                if not m.participants:
                    m.participants = list(o.participants)
                break


_SIGNED_AT = ("at", "during")

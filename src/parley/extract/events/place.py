"""The place of a mention: "in X", "to X", "the Sochi meeting", the venue of the verb that carries it."""

from __future__ import annotations

import re
from functools import lru_cache

from parley.extract.events.clause import HOST_VERBS, LIGHT_VERBS, MOTION_VERBS, noun_slot, verb_of
from parley.extract.events.doc import clean_name, is_verbal, paragraph
from parley.extract.events.lexicons import place_frames, venues
from parley.extract.events.mentions import Mention
from parley.extract.events.people import People
from parley.extract.topics import country_of, is_country
from parley.knowledge.places import city_state, continents
from parley.knowledge.states import adjectives
from parley.nlp import table


def find_location(doc, m: Mention, ents_by_start, people: People) -> None:
    text = doc.text
    cands = []
    for ent in ents_by_start:
        if ent.start_char < m.wstart or ent.end_char > m.wend:
            continue
        if ent.label_ in ("NORP", "PERSON", "DATE", "CARDINAL") or (
                ent.label_ not in ("GPE", "LOC", "FAC") and not (country_of(ent.text) or venues().get(ent.text.lower()))):
            continue
        if _of_person(text, ent.start_char, ent.end_char, people):
            continue
        if in_topic_phrase(ent.root, m):
            continue
        if another_clause(ent.root, m):
            continue
        name = clean_name(ent.text)
        prev = re.search(r"(\w+)\s+(?:the\s+)?$", text[max(m.wstart, ent.start_char - 12):ent.start_char])
        prep = prev.group(1).lower() if prev else ""
        owner = _OWNER.search(text, max(m.wstart, ent.start_char - 40), ent.start_char)
        if owner and is_country(owner.group(2)):  # "to China's Xi'an", "in Russia's Sochi": the city's own cue
            prep = owner.group(1).lower()
        compound = not m.verbal and ent.end_char <= m.start and re.fullmatch(r"[\s\w'’-]*", text[ent.end_char:m.start] or "") \
            and text[ent.end_char:m.start].strip() == ""
        if prep == "of":  # "in the border city of Tapachula", "to the Black Sea resort of Sochi"
            fr = _FRAME_OF.search(text[max(m.wstart, ent.start_char - 60):ent.start_char])
            if fr:
                prep = fr.group(1).lower()
        elif prep in _FRAME_NOUNS:  # "in the Chinese capital Beijing", "to the port city Aden"
            fr = _FRAME_BEFORE.search(text[max(m.wstart, ent.start_char - 60):ent.start_char])
            if fr:
                prep = fr.group(1).lower()
        if prep in ("visit", "visited", "visiting", "visits", "toured", "tour") and m.type == "visit":
            prep = "to"
        if m.verbal and ent.end_char <= m.start and prep != "to" and not on_trigger(ent.root, m):
            continue  # the place of another clause: "drew criticism in Kyiv after he spoke by phone"
        if compound and prep not in ("in", "to", "at") and not (_is_place(name) or venues().get(name.lower())):
            continue  # "a G7 summit", "the NATO meeting": an organisation naming its meeting is no place
        if prep in ("in", "to", "at") or compound:
            cands.append((0 if (prep == "to" and m.type == "visit") else 1, ent.start_char, name))
    taken = {c[1] for c in cands}
    for cue, start, end, name in _untagged_places(doc, m.wstart, m.wend):  # places the small model did not tag
        if start in taken or _of_person(text, start, end, people):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if start < m.start and m.verbal and not (span is not None and len(span) and on_trigger(span.root, m)):
            continue  # "drew criticism in Kyiv after he spoke by phone": not the call's place
        if span is not None and len(span) and (in_topic_phrase(span.root, m) or another_clause(span.root, m)):
            continue
        prep = cue.lower()
        cands.append((0 if (m.type == "visit" and prep not in ("in", "at")) else 1, start, name))
        taken.add(start)
    # "in the border city of Tapachula": a capitalised name after a place frame is a place whatever the tagger said
    for g in _FRAMED_NAME.finditer(text, m.wstart, m.wend):
        if g.start(2) in taken or _of_person(text, g.start(2), g.end(2), people):
            continue
        if g.start(2) < m.start and m.verbal:
            continue
        prep = g.group(1).lower()
        cands.append((0 if (m.type == "visit" and prep == "to") else 1, g.start(2), g.group(2)))
    if cands:
        cands.sort(key=lambda c: (c[0], is_country(c[2]), c[1]))
        place = cands[0][2]
        pos = next(c[1] for c in cands if c[2] == place)
        of = re.match(r"[\w\s'’-]{0,30}?\b(?:resort|city|town|capital|port|village|region|enclave) of (?:the )?"
                      r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)", text[pos + len(place):m.wend])
        if of and _is_place(of.group(1)):  # "the Black Sea resort of Sochi"
            place = of.group(1)
        m.location = _city_after(text, pos, place, m.wend)
        return
    verb = verb_of(m)
    if verb is not None and verb.i != m.head.i:
        m.location = _verb_place(doc, verb, m, ents_by_start, people)
    elif not m.verbal:
        # "The summit is scheduled to take place in Seoul", "the talks will be held in Doha": the place of the
        # predicate whose subject the event noun is
        head = noun_slot(m.head)
        if head.dep_ in ("nsubj", "nsubjpass") and is_verbal(head.head):
            t = head.head
            for _ in range(3):
                if t.lemma_ in _VENUE_PREDICATES:
                    m.location = _verb_place(doc, t, m, ents_by_start, people)
                    break
                nxt = next((c for c in t.children if c.dep_ == "xcomp"), None)
                if nxt is None:
                    break
                t = nxt


_COMMA_NAME = re.compile(r",\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)")


def _city_after(text: str, pos: int, place: str, end: int) -> str:
    """"at the presidential office in Yongsan, Seoul": a place GeoNames does not know as a city, followed by a city it
    knows, is a district of that city; the city is the event's place."""
    if city_state(place) or is_country(place):
        return place
    after = _COMMA_NAME.match(text, pos + len(place), end)
    if after and text[pos:pos + len(place)] == place and city_state(after.group(1)) and not is_country(after.group(1)):
        return after.group(1)
    return place


def _of_person(text: str, start: int, end: int, people: People) -> bool:
    """The name overlaps a person's mention, unless that mention stops inside one of its words: "Xi" (Xi Jinping)
    matched in "Xi'an" is no person there."""
    return any(s < end and start < e and not (start <= s and e < end and (text[e].isalnum() or text[e] in "'’"))
               for s, e, _ in people.spans)


_OWNER = re.compile(r"\b(in|to|at)\s+(?:the\s+)?([A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,2})['’]s\s+$")


_CLAUSE_DEPS = {"advcl", "relcl", "acl", "ccomp", "xcomp", "conj", "parataxis", "csubj"}


def on_trigger(tok, m: Mention) -> bool:
    """The place hangs on the trigger verb itself, through its preposition, whatever the order: "At the Tashkent
    airport, Tokayev was met by Mirziyoyev" (a fronted phrase of the verb), not "drew criticism in Kyiv after he
    spoke by phone" (the place of the verb that the trigger's clause hangs on)."""
    t = tok
    for _ in range(6):
        if t.head.i == t.i or is_verbal(t):
            return False
        if t.dep_ == "prep" and t.head.i == m.head.i:
            return True
        t = t.head
    return False


def another_clause(tok, m: Mention) -> bool:
    """The place belongs to a clause of its own between it and the trigger: "announced the meeting after López
    Obrador chose not to attend the Summit of the Americas in Los Angeles" (the summit's place, under "chose"),
    found by walking up from the place until the trigger's own chain of heads; verbs that carry an event (hold,
    attend, sign: nlp/data/event_light_verbs.txt), take one somewhere (arrive, travel: event_motion_verbs.txt) or
    host it are not a clause of their own for this."""
    chain = {m.head.i}
    a = m.head
    while a.head.i != a.i:
        a = a.head
        chain.add(a.i)
    carriers = LIGHT_VERBS | MOTION_VERBS | HOST_VERBS | _VENUE_PREDICATES
    t = tok
    for _ in range(12):
        if t.i in chain:
            return False
        if t is not tok and is_verbal(t) and t.dep_ in _CLAUSE_DEPS and t.lemma_.lower() not in carriers:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _verb_place(doc, verb, m: Mention, ents, people: People) -> str | None:
    """"Biden hosted Modi at the White House for talks": the place of the verb that carries the event noun."""
    for c in verb.subtree:  # "at" on the verb or, misparsed, on its object ("hosted Y at the Elysee Palace")
        if c.dep_ != "prep" or c.lower_ not in ("in", "at") or c.idx < m.sent[0] or c.idx >= m.sent[1]:
            continue
        t, ok = c.head, True
        while t.i != verb.i and ok:
            ok = not is_verbal(t) and t.dep_ not in ("relcl", "acl", "appos")
            t = t.head
        if not ok:
            continue
        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if obj is None or obj.i == m.head.i:
            continue
        lo, hi = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge.text)
        if any(s < hi and lo < e for s, e, _ in people.spans):
            continue
        phrase = clean_name(doc.text[lo:hi])
        if venues().get(phrase.lower()) or _is_place(phrase):
            return phrase
        for ent in ents:
            if ent.start_char >= lo and ent.end_char <= hi and ent.label_ in ("GPE", "LOC", "FAC"):
                return clean_name(ent.text)
    return None


_VENUE_PREDICATES = {"take", "hold", "convene", "open", "begin", "start", "resume", "close", "end", "continue",
                     "sign", "conclude", "ink", "seal"}  # "an agreement was signed ... in Beijing"


_FRAME_NOUNS = {"city", "town", "capital", "port", "resort", "village", "island"}


_FRAME_BEFORE = re.compile(r"\b(in|to|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:city|town|capital|port|resort|"
                           r"village|island)\s+$", re.I)


_FRAME_OF = re.compile(r"\b(in|to|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:city|town|resort|capital|port|village|"
                       r"region|enclave|province|state|island|district)\s+of\s+$", re.I)


_FRAMED_NAME = re.compile(r"\b(in|to|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:city|town|resort|capital|port|"
                          r"village|enclave|island)\s+of\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)")


_TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning", "around", "into"}


_LIGHT_OBJECTS = {"talks", "talk", "meeting", "visit", "trip", "summit", "call", "conversation", "discussion",
                  "discussions", "negotiations", "consultations", "agreement", "deal"}


def in_topic_phrase(tok, m: Mention) -> bool:
    """The place sits inside what the event is about, not where it happens: "talks on the war in Ukraine",
    "a summit on Gaza", "discussed the situation in Myanmar" (a place hanging on the object of the trigger verb).
    Only the path from the place up to where it joins the trigger's own chain of heads counts, and "on the
    sidelines of" (nlp/data/place_frames.txt) frames the place rather than the topic."""
    head = m.head
    chain = {head.i}
    a = head
    while a.head.i != a.i:  # spaCy makes a new Token object on every access: compare indices
        a = a.head
        chain.add(a.i)
    frames = place_frames()
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
                and obj.head.i == head.i and m.verbal and not (m.start <= obj.idx < m.end) \
                and obj.lemma_.lower() not in _LIGHT_OBJECTS:
            return True
        t = parent
    return False


def _is_place(name: str) -> bool:
    """A state, a capital, a major place Phoenix names, a continent, or a city of 15,000 or more (parley.knowledge);
    not a demonym ("in Chinese capital Beijing")."""
    if name in adjectives():
        return False
    return bool(country_of(name) or city_state(name) or name.lower() in _continents())


@lru_cache(maxsize=1)
def _continents() -> frozenset[str]:
    return frozenset(c.lower() for c in continents())


_PLACE_CUE = re.compile(r"\b((?i:in|to|at)|visit|visited|visiting|visits|toured)\s+(?:[Tt]he\s+)?"
                        r"(?:[A-Z][\w.-]*['’]s\s+)?"  # "to China's Xi'an": the city after its state
                        r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})")


def _untagged_places(doc, lo: int, hi: int):
    """(cue, start, end, name) of each place after "in", "to", "at", "visited" ... that parley.knowledge knows,
    the longest run of capitalised words that names one, whatever the small model tagged ("visited Samarkand")."""
    text = doc.text
    for g in _PLACE_CUE.finditer(text, lo, hi):
        words = g.group(2).split()
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n]).rstrip(".")
            if name.lower() in _calendar_words() or not _is_place(name):
                continue
            span = doc.char_span(g.start(2), g.start(2) + len(name), alignment_mode="expand")
            if span is not None and any(t.ent_type_ in ("DATE", "TIME", "PERSON", "ORG") for t in span):
                break
            yield g.group(1), g.start(2), g.start(2) + len(name), name
            break


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """Months and weekdays (nlp/data): "in May", "on Monday" are no places, though towns bear those names."""
    return frozenset(w.lower() for f in ("months", "weekdays") for w in table(f))


def venue_town(doc, location: str | None, spans: list[tuple[int, int]], dateline: str | None) -> str | None:
    """The town of a venue no gazetteer knows ("the Presidential Mansion", "Jomo Kenyatta International Airport",
    "the presidential office in Yongsan"): the one city the event's own paragraphs name, else the city of the
    dateline (where the story was filed, so where the venue is when nothing else is said); else the venue."""
    if not location or is_country(location) or city_state(location):
        return location
    labels = {e.label_ for e in doc.ents if clean_name(e.text) == location}
    if not labels or not labels <= {"FAC", "ORG"} or len(location.split()) < 2:
        return location  # a town the gazetteer lacks ("Xian", "Thessaloniki") is no venue: only a name of several
        # words the parser calls a facility or an institution is ("the Presidential Mansion", "the National Palace")
    paras = {paragraph(doc.text, s) for s, _ in spans}
    towns = []
    for ent in doc.ents:
        if ent.label_ == "GPE" and any(a <= ent.start_char < b for a, b in paras):
            name = clean_name(ent.text)
            if city_state(name) and not is_country(name) and name not in towns:
                towns.append(name)
    if len(towns) == 1:
        return towns[0]
    if not towns and dateline and city_state(dateline) and not is_country(dateline):
        return dateline
    return location


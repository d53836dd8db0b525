"""The status of a mention (nlp/data/status_cues.txt, else the tense of its verb) and of a whole event."""

from __future__ import annotations

import re
from functools import lru_cache

from parley.extract.events.clause import noun_slot, verb_of
from parley.extract.events.cluster import Cluster
from parley.extract.events.compat import precision
from parley.extract.events.doc import is_verbal
from parley.extract.events.lexicons import modality_words, reporting_verbs
from parley.extract.events.mentions import Mention
from parley.nlp import lexicon


@lru_cache(maxsize=1)
def _status_cues() -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for line in lexicon("status_cues"):
        status, _, rx = line.partition("\t")
        out.append((status.strip(), re.compile(rx.strip(), re.I)))
    return tuple(out)


# statuses of what has not taken place and may never: a word governing the event says which (event_modality.txt)
UNREALISED = ("offered", "proposed", "demanded", "conditional")
REFUSED = ("rejected", "denied")


def modality(m: Mention) -> str | None:
    """The status the word governing an event verb gives it: "is expected to visit", "plans to meet" -> planned,
    "offered to host" -> offered, "refused to meet" -> rejected; an event noun as the object of such a word
    ("demanded a meeting of the Security Council", "proposed a summit") takes its status too, and a refusal above
    an offer is the refusal ("rejected an offer to host a summit")."""
    if m.head is None:
        return None
    words = modality_words()
    t = m.head
    if not m.verbal:  # "are expected to hold talks", "... as well as chair the meeting"
        slot = noun_slot(t)
        if slot.dep_ != "dobj" or not is_verbal(slot.head):
            return None
        status = _word_status(slot.head, words)
        if status in UNREALISED + REFUSED and slot.head.dep_ != "xcomp":
            return status
        t = slot.head
    if t.dep_ == "conj" and is_verbal(t.head):
        t = t.head
    if t.dep_ not in ("xcomp", "acl"):
        return None
    gov = t.head
    status = _word_status(gov, words)
    if status is None or (t.dep_ == "acl" and status not in UNREALISED + REFUSED):
        return None
    if status in UNREALISED and gov.dep_ == "dobj" and _word_status(gov.head, words) in REFUSED:
        return _word_status(gov.head, words)
    return status


def _word_status(tok, words: dict[str, str]) -> str | None:
    return words.get(tok.lemma_.lower()) or words.get(tok.lower_)


_CONDITION_MARKS = {"if", "unless", "provided"}  # the subordinators of a condition, a closed class of English


def conditional(m: Mention) -> bool:
    """"would meet ... if", "could visit ... unless": a modal verb that carries the event under a condition of its
    own clause."""
    if m.head is None:
        return False
    t = m.head if m.verbal else noun_slot(m.head).head
    if not is_verbal(t) or not any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in t.children):
        return False
    return any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in _CONDITION_MARKS for g in c.children)
               for c in t.children)


def _told_before(m: Mention) -> bool:
    """The word that governs the trigger is in the past ("were expected to hold talks", "had planned to visit"):
    the plan is told from before the event, which may since have taken place. Not so in reported speech, whose past
    is the speaker's present ("Marcos said he planned to see Trump", "told reporters he was expected to visit")."""
    t = m.head if m.verbal else noun_slot(m.head).head
    while t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
        t = t.head
    if t.dep_ == "ccomp" and t.head.lemma_.lower() in reporting_verbs() and not any(
            c.dep_ == "aux" and c.lower_ == "had" for c in t.children):
        return False
    return t.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "had")
                                  for c in t.children)


def _headline_infinitive(m: Mention) -> str | None:
    """A headline's bare infinitive is news style for what is to come ("Kishida to visit Seoul", "Greece, Turkey
    to sign 20 agreements"): planned."""
    if not m.headline or m.head is None:
        return None
    t = m.head if m.verbal else m.head.head
    if t.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) \
            and not any(c.dep_ == "aux" and c.lower_ != "to" for c in t.children):
        return "planned"
    return None


def find_status(doc, m: Mention) -> None:
    text = doc.text
    best = None
    if conditional(m):
        m.status, m.strength, m.governed = "conditional", 2, True
        return
    governed = modality(m) or _headline_infinitive(m)
    if governed and not any(s in ("cancelled", "postponed") and rx.search(text, m.sent[0], m.sent[1])
                            for s, rx in _status_cues()):
        m.status, m.strength, m.governed = governed, 2, not _told_before(m)
        return
    if not m.verbal:
        # "An Arab summit on Gaza, originally set for February 27 in Cairo, has been postponed": the predicate of
        # the event noun says what became of it, however far the cue is
        t = noun_slot(m.head)
        if t.dep_ in ("nsubj", "nsubjpass") and is_verbal(t.head):
            v = t.head
            phrase = text[v.idx:v.idx + len(v.text) + 6]
            for status, rx in _status_cues():
                if status in ("cancelled", "postponed") and rx.match(phrase):
                    m.status, m.strength = status, 2
                    return
    lo, hi = max(m.sent[0], m.wstart - 30), min(m.sent[1], m.wend + 40)
    for status, rx in _status_cues():
        for c in rx.finditer(text, lo, hi):
            if c.start() < m.end and c.end() > m.start and not m.verbal:
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
    head = m.head
    t = head
    for _ in range(4):
        if is_verbal(t) and t is not head or (t is head and m.verbal):
            break
        if t.head is t:
            break
        t = t.head
    aux = [c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")]
    if not m.verbal and t.tag_ == "VB" and aux in ([], ["to"]):
        v = verb_of(m)  # "discussed their desire to strengthen ties in a phone call": the tense of "discussed"
        if v is not None and v is not t:
            t = v
            aux = [c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")]
    if "will" in aux or t.lower_ == "will":
        m.status, m.strength = "planned", 1
    elif t.tag_ == "VBD" or (t.tag_ == "VBN" and any(a in ("has", "have", "had", "was", "were") for a in aux)):
        m.status, m.strength = "occurred", 1


def cluster_status(c: Cluster, mentions: list[Mention], etype: str, published: str | None) -> str:
    ms = [mentions[k] for k in c.mentions]
    for s in ("cancelled", "postponed") + REFUSED:
        if any(m.status == s and m.strength == 2 for m in ms):
            return s
    told_past = any(m.status in ("occurred", "occurring") and m.strength == 2 for m in ms)
    for m in ms:  # what was only offered, proposed, demanded or set under a condition, whatever its date
        if m.status in UNREALISED and m.strength == 2 and not told_past:
            return m.status
    dated = [m for m in ms if m.date and m.date.value and precision(m.date.value) >= 3]
    if dated:
        m = dated[0]
        if published and re.match(r"^\d{4}-\d{2}-\d{2}$", m.date.value):
            if m.date.value == published[:10]:
                # the day of publication: "met ... on Thursday" is over, "is meeting today" is not, "will meet at
                # 11.30 a.m." (an explicit cue of its own mention) is still ahead
                if m.status == "planned" and m.strength == 2 and not any(
                        x.status in ("occurred", "occurring") and x.strength == 2 for x in ms):
                    return "planned"
                if m.status == "occurred" and not any(x.status == "occurring" and x.strength == 2 for x in ms):
                    return "occurred"
                return "occurring"
            return "occurred" if m.date.value < published[:10] else "planned"
        # no publication date to place the day against: an explicit cue, else a future tense ("will sign ... at the
        # meeting in Athens on December 7"), else it happened
        return m.status if m.status and (m.strength == 2 or m.status == "planned") else "occurred"
    for m in ms:
        if m.status == "occurring" and m.strength == 2:
            return "occurring"
    for pick in ((2, True), (1, True), (2, False), (1, False)):
        for m in ms:
            if m.strength == pick[0] and (m.type == etype) == pick[1] and m.status:
                return m.status
    return "occurred"

"""The participants of a mention and their roles (visitor, host, counterpart)."""

from __future__ import annotations

import re
from functools import lru_cache

from parley.extract.events.clause import HOST_VERBS, subjects_of, verb_of
from parley.extract.events.doc import is_verbal
from parley.extract.events.lexicons import compiled, reporting_verbs, title_kind
from parley.extract.events.mentions import Mention
from parley.extract.events.people import People
from parley.extract.events.references import people_in
from parley.extract.events.triggers import family
from parley.extract.topics import country_of, demonym_pattern, is_country
from parley.nlp import lexicon


_OBJECT_PREPS = {"with", "between", "to", "and"}
_SINCE = re.compile(r"\bsince\b", re.I)


@lru_cache(maxsize=1)
def _carriers() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon("event_carriers"))


def find_participants(doc, m: Mention, ppl: People) -> None:
    text = doc.text
    window = text[m.wstart:m.wend]
    names: list[str] = []
    since = _SINCE.search(text, m.end, m.wend)  # "the first meeting since X's election": X is when, not who
    for s, e, name in ppl.in_range(m.wstart, since.start() if since else m.wend):
        if name not in names:
            names.append(name)
    dem = demonym_pattern()
    for g in compiled(r"\b(presidents|leaders|prime ministers|heads of state) of (?:the )?(" + dem +
                 r")((?:, (?:the )?(?:" + dem + r"))*) and (?:the )?(" + dem + r")", re.I).finditer(window):
        countries = [g.group(2)] + compiled(dem).findall(g.group(3) or "") + [g.group(4)]
        _add_states(names, countries, title_kind(g.group(1)), ppl)
    for g in compiled(r"\b(" + dem + r")((?:, (?:" + dem + r"))*) and (" + dem +
                 r") (presidents|leaders|prime ministers|heads of state)\b", re.I).finditer(window):
        countries = [g.group(1)] + compiled(dem).findall(g.group(2) or "") + [g.group(3)]
        _add_states(names, countries, title_kind(g.group(4)), ppl)
    # possessive or subject pronoun in the window: "his meeting with X", "he signed"
    for p in re.finditer(r"\b(his|her|he|she)\b", text[m.wstart:m.start], re.I):
        pos = m.wstart + p.start()
        who = ppl.pronoun(pos, set(names) | set(_excluded_after(ppl, m)), m.sent[0])
        if who and who not in names:
            names.insert(0, who)
        break
    head = m.head
    carrier = None
    if not m.verbal and head.dep_ == "dobj" and head.head.lemma_.lower() in _carriers():
        # "Putin postponed an official visit", "Aliyev paid a visit": the subject of the verb (not of "criticised
        # the visit", which comments on the article's event)
        carrier = head.head
    elif (not m.verbal and m.type == "visit" and head.dep_ == "pobj" and head.head.lower_ in ("for", "on")
          and is_verbal(head.head.head)):
        carrier = head.head.head  # "X departed Tokyo for a two-day trip", "X arrived on a state visit": X travels
    if carrier is not None and not names:
        for child in carrier.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
                found = [n for _, _, n in ppl.in_range(lo, hi)]
                if not found and child.lower_ in ("he", "she"):
                    who = ppl.pronoun(child.idx, set(), m.sent[0])
                    found = [who] if who else []
                for n in found:
                    if n not in names:
                        names.append(n)
                        if m.type == "visit":
                            m.roles.setdefault(n, "visitor")
    if not m.verbal and not names:
        names += _agents(doc, head, ppl, m)
        if head.dep_ == "nsubjpass" and head.head.lemma_.lower() in _carriers():
            names += [n for n in _agents(doc, head.head, ppl, m, own=True) if n not in names]
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
        verb = verb_of(m)
        passive = verb is not None and any(c.dep_ == "nsubjpass" for c in verb.children)
        if verb is not None and verb.lemma_.lower() in HOST_VERBS and family(m.type) == "meeting" and passive:
            for n in subj:  # "X was received in Paris": the subject visits
                m.roles.setdefault(n, "visitor")
        elif verb is not None and verb.lemma_.lower() in HOST_VERBS and family(m.type) == "meeting" and objs:
            for n in subj:  # "Biden hosted Modi for talks": the subject hosts, the object visits
                m.roles.setdefault(n, "host")
            for n in objs:
                m.roles.setdefault(n, "visitor")
        elif m.type == "visit" and not m.hosting:
            for n in subj:
                m.roles.setdefault(n, "visitor")
    for n in _reporter(doc, m, ppl, names):
        names.insert(0, n)
    m.participants = names
    if m.hosting:
        if "visitor" not in m.roles.values() and not any(c.dep_ == "nsubjpass" for c in head.children):
            # "Qatar hosted Macron in Doha": a state hosts the person it names as object
            for c in head.children:
                if c.dep_ == "dobj":
                    for n in people_in(c, ppl, doc, m):
                        m.roles[n] = "visitor"
                        if n not in names:
                            names.append(n)
        m.participants = names
        if "visitor" not in m.roles.values():  # "hosted a dinner", "welcomed the decision": no visit
            m.generic = True
        return
    if m.type == "visit":
        _visit_roles(doc, m, ppl)


def _reporter(doc, m: Mention, ppl: People, names: list[str]) -> list[str]:
    """"X told reporters the call with Y was very friendly", "X said the talks with Y were productive": an event noun
    with a with-phrase, subject of what a person reports, is the reporter's own call or talks."""
    head = m.head
    if m.verbal or head is None or head.dep_ not in ("nsubj", "nsubjpass") or not names:
        return []
    if not any(c.dep_ == "prep" and c.lower_ == "with" for c in head.children):
        return []
    clause = head.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in reporting_verbs():
        return []
    out: list[str] = []
    for subj in subjects_of(clause.head):
        out += [n for n in people_in(subj, ppl, doc, m) if n not in names and n not in out]
    return out[:1]


def _agents(doc, head, ppl: People, m: Mention, own: bool = False) -> list[str]:
    """"The fifth meeting of the Council, chaired by X and Y, will be held in Athens": the agent of a carrier verb's
    participle on the event noun (nlp/data/event_carriers.txt: chaired, attended, held by); with ``own``, the agent
    of ``head`` itself, the carrier verb whose passive subject the event noun is ("the last visit ... was made by
    X in 2018")."""
    out: list[str] = []
    verbs = [head] if own else [c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"
                                and c.lemma_.lower() in _carriers()]
    for a in (a for c in verbs for a in c.children if a.dep_ == "agent"):
        for g in a.children:
            if g.dep_ == "pobj":
                out += [n for n in people_in(g, ppl, doc, m) if n not in out]
    return out


def _syntactic_participants(doc, m: Mention, ppl: People):
    """(subject people, object people) from the parse of the trigger's clause, or None when the subject names
    no one (the window rules then decide)."""
    verb = verb_of(m)
    if verb is None:
        return None
    subj: list[str] = []
    for subj_tok in subjects_of(verb):
        if subj_tok.idx >= m.sent[0]:
            subj += [n for n in people_in(subj_tok, ppl, doc, m) if n not in subj]
    if verb.idx <= m.start:
        # "X and Y signed ..." misparsed as a lone subject: the names of the verbless stretch right before the verb
        # (a noun trigger's window starts after its verb: "X and Y signed a series of agreements"; the stretch then
        # starts at the sentence, which a headline glued on by the parser no longer reaches)
        top = _governing(verb, m.sent[0])
        lo = max(m.wstart, m.sent[0]) if verb.idx >= m.wstart and top is verb else m.sent[0]
        before = [sp for sp in ppl.in_range(lo, top.idx)]
        if before:
            stretch = doc.char_span(before[0][0], top.idx, alignment_mode="expand")
            if stretch is not None and not any(_verbal_in_stretch(t) or t.text in (";", ":") for t in stretch) \
                    and (re.search(r"\band\b|&", doc.text[before[0][0]:verb.idx]) or not subj):
                subj = list(dict.fromkeys([n for _, _, n in before] + subj))
    if not subj:
        subj = _state_subjects(verb, m) or _states_before(verb, m)  # "Norway, Chile and Kenya met on Friday"
    if not subj:
        return None
    objs: list[str] = []
    heads = [verb]
    head = m.head
    if head is not verb:
        heads.append(head)
    for h in heads:
        for c in h.children:
            if c.dep_ in ("dobj", "dative") and (h.lemma_ not in ("hold", "pay", "make", "have", "sign") or c.i != head.i):
                if c.i == head.i:
                    continue
                objs += people_in(c, ppl, doc, m)
            elif c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS:
                for g in c.children:
                    if g.dep_ == "pobj":
                        objs += people_in(g, ppl, doc, m)
    # "spoke by phone with X": the with-phrase may hang on the prepositional object
    for t in verb.subtree:
        if t.dep_ == "prep" and t.lower_ in ("with", "between") and t.head.dep_ == "pobj" and t.head.head.head == verb:
            for g in t.children:
                if g.dep_ == "pobj":
                    objs += people_in(g, ppl, doc, m)
    return subj, [o for o in dict.fromkeys(objs) if o not in subj]


def _governing(verb, sent_start: int):
    """The verb whose subject the event's verb shares, before it in the sentence: "X and Y have agreed to hold a
    meeting" (hold -> agreed), "X and Y gave a press conference after meeting" (meeting -> gave)."""
    top = verb
    for _ in range(4):
        if top.dep_ == "xcomp" and sent_start <= top.head.idx < top.idx:
            top = top.head
        elif top.dep_ == "pcomp" and top.head.lower_ in _AFTER_WORDS and is_verbal(top.head.head) \
                and sent_start <= top.head.head.idx < top.idx:
            top = top.head.head
        else:
            break
    return top


_AFTER_WORDS = ("after", "following")


def _verbal_in_stretch(t) -> bool:
    """A verb that ends a verbless stretch of names: not an auxiliary ("have agreed"), nor a photo's side."""
    return is_verbal(t) and t.dep_ not in ("aux", "auxpass") and not _caption_side(t)


def _caption_side(t) -> bool:
    """"X, left, and his counterpart Y": a photo's side between commas, no verb of the clause."""
    doc = t.doc
    return t.lower_ in ("left", "right", "center", "centre") and 0 < t.i < len(doc) - 1 \
        and doc[t.i - 1].text in (",", "(") and doc[t.i + 1].text in (",", ")")


def _state_subjects(verb, m: Mention) -> list[str]:
    """The states a subject made only of state names (or their capitals) stands for: "Greece and Turkey",
    "Teheran and Riyadh". A subject with any other word ("Greek officials", "the Iranian side") gives none."""
    out: list[str] = []
    for subj_tok in subjects_of(verb):
        if subj_tok.idx < m.sent[0]:
            continue
        states: list[str] = []
        for t in subj_tok.subtree:
            if t.dep_ in ("cc", "punct", "det") or t.is_space:
                continue
            if t.ent_type_ != "GPE":
                c = country_of(t.text)  # the parser leaves some state names untagged ("Türkiye")
                if not c or t.pos_ != "PROPN":
                    return []
                if c not in states:
                    states.append(c)
                continue
            if t.ent_iob_ == "B" or t.i == subj_tok.left_edge.i:
                ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
                c = country_of(ent.text) if ent is not None else None
                if not c:
                    return []
                if c not in states:
                    states.append(c)
        out += [c for c in states if c not in out]
    return out if len(out) >= 2 else []


def _states_before(verb, m: Mention) -> list[str]:
    """"Greece and Türkiye will sign ..." parsed with no subject: the states of a stretch before the verb that holds
    only state names (and "and", commas, auxiliaries), at least two of them."""
    doc = verb.doc
    states: list[str] = []
    i = verb.i - 1
    while i >= 0 and doc[i].idx >= m.sent[0]:
        t = doc[i]
        if t.dep_ in ("cc", "punct", "aux", "det") or t.is_space:
            i -= 1
            continue
        c = country_of(t.text) if t.pos_ == "PROPN" else None
        if not c:
            break
        if c not in states:
            states.insert(0, c)
        i -= 1
    # the stretch opens the sentence, or follows the comma of an opening phrase ("Based on the latest update from
    # the palace, Greece and Turkey will sign ...")
    start_ok = i < 0 or doc[i].idx < m.sent[0] or doc[i].is_sent_start or doc[i + 1].text == ","
    return states if len(states) >= 2 and start_ok else []


def _excluded_after(ppl: People, m: Mention) -> list[str]:
    return [n for s, e, n in ppl.in_range(m.start, m.wend)]


def _add_states(names: list[str], countries: list[str], kind: str, ppl: People) -> None:
    """"the presidents of Russia and Azerbaijan": each state's leader the article gives, else the one person of the
    article the actor dictionary places in that state, else the state."""
    for c in (c for c in map(country_of, countries) if c):
        who = ppl.leader(c, kind) or ppl.only_person_of(c) or c
        if who not in names:
            names.append(who)


def _visit_roles(doc, m: Mention, ppl: People) -> None:
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
    if not visitor and m.verbal:
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

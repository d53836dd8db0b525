"""Free noun-phrase topics of an agenda sentence, read off the dependency parse: the objects of the verbs and nouns
that say what was discussed, agreed, signed or aimed at ("discussed X", "agreed to revive X", "talks on X",
"to boost X"), one topic per item of a coordinated list, "the reopening of the embassies" kept with its object.

    np_topics(doc, sent, hits) -> list[(topic_id, label, start, end)]   ("np:<lower label>", label, offsets)
    content_clause(sent) -> bool   "the agreement's provisions include X": an agenda sentence with no cue word

Heads, stop words and modifiers are data (nlp/data/agenda_np_stop.txt); the cue verbs below are the agenda verbs
of English reporting (discuss, focus on, agree, sign, exchange views, negotiate) and purpose clauses ("to"
infinitives, "-ing" clauses of the event verb), so no word of any one article decides a topic."""

from __future__ import annotations

import re
from functools import lru_cache

from parley.extract.events.clause import LIGHT_VERBS
from parley.extract.events.lexicons import reporting_verbs
from parley.extract.events.triggers import triggers
from parley.nlp import lexicon

# verbs whose objects are the agenda ("discussed X", "agreed on X", "signed pacts on X", "the talks covered X")
_AGENDA_VERBS = frozenset({"discuss", "focus", "cover", "touch", "devote", "dedicate", "review", "address", "center",
                           "centre", "concentrate", "exchange", "agree", "sign", "decide", "negotiate", "range",
                           "talk", "include"})
# nouns whose "on/about/over/in" complement is the agenda ("talks on X", "an agreement on X", "cooperation in X")
_AGENDA_NOUNS = frozenset({"discussion", "talk", "negotiation", "agreement", "deal", "pact", "memorandum", "accord",
                           "treaty", "consultation", "cooperation", "dialogue", "exchange", "view", "opinion"})
# nouns whose "of" complement is the frame of a visit ("in the context of", "within the framework of")
_FRAME_NOUNS = frozenset({"context", "framework"})
# nouns of the talks themselves, whose "in" complement is a place or a format ("talks in Tashkent in an expanded
# format"), not a subject
_TALK_NOUNS = frozenset({"discussion", "talk", "negotiation", "consultation", "dialogue", "exchange"})
_AGENDA_PREPS = frozenset({"on", "about", "over", "in", "regarding", "concerning"})
# cheap test on the text before walking the parse
_CHEAP = re.compile(r"\b(?:discuss|focus|cover|touch|devot|dedicat|review|address|cent|concentrat|exchang|agree|"
                    r"sign|decid|negotiat|rang|talk|includ|context|framework|to\s|\w+ing\b)", re.I)
_SKIP_ENTS = frozenset({"PERSON", "GPE", "NORP", "FAC", "DATE", "TIME", "CARDINAL", "MONEY", "ORDINAL", "PERCENT",
                        "QUANTITY"})


@lru_cache(maxsize=1)
def _np_stop() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(head nouns never a topic, heads that are one only with a modifier of their own, empty modifiers)."""
    kinds: dict[str, set[str]] = {"root": set(), "weak": set(), "mod": set()}
    for line in lexicon("agenda_np_stop"):
        kind, _, word = line.partition("\t")
        kinds.setdefault(kind.strip(), set()).add(word.strip().lower())
    return frozenset(kinds["root"]), frozenset(kinds["weak"]), frozenset(kinds["mod"])


@lru_cache(maxsize=1)
def _role_titles() -> frozenset[str]:
    """One-word titles of people (nlp/data/role_titles.txt): "the Indonesian ambassador" is a person, no topic."""
    return frozenset(w.lower() for w in lexicon("role_titles") if " " not in w)


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    return frozenset(w for p, _, _ in triggers() for w in re.findall(r"[a-z]+", p.pattern.lower()) if len(w) > 3) | {
        "conversation", "memorandum", "understanding", "statement"}


def _is_purpose(t) -> bool:
    """A "to" infinitive or an "-ing" clause hanging on another verb: what the event is for or brought about
    ("met to boost trade", "held a summit, restoring shuttle diplomacy")."""
    if t.pos_ != "VERB" or t.dep_ not in ("xcomp", "advcl", "relcl", "acl"):
        return False
    if t.dep_ in ("relcl", "acl"):  # "the two look to deepen ...", parsed as a relative clause
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
    return t.tag_ == "VBG" if t.dep_ == "advcl" and not any(c.lower_ == "to" for c in t.children) else any(
        c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


# nouns that name the agenda itself (as nlp/data/agenda_cues.txt: "on the agenda", "the main topic", "their aim")
_AGENDA_HEADS = frozenset({"agenda", "topic", "aim", "purpose", "goal", "objective"})


def _agenda_subject(t):
    """The subject of the clause ``t`` heads when it names the agenda ("Other things on the agenda for the meeting
    are X", "One of the things that will be discussed is X", "Their aim will be to X"): what the clause says of
    it is the agenda."""
    if t.dep_ not in ("ROOT", "ccomp") or t.pos_ not in ("VERB", "AUX"):
        return None
    for c in t.children:
        if c.dep_ == "nsubj" and c.i < t.i and any(
                w.lemma_.lower() in _AGENDA_HEADS or (w.pos_ == "VERB" and w.lemma_.lower() in _AGENDA_VERBS)
                for w in c.subtree):
            return c
    return None


# agenda verbs that tell what a talk or an agreement contains ("the talks covered X", "its provisions include X")
_CONTENT_VERBS = frozenset({"include", "cover", "range", "touch", "address"})


def content_clause(sent) -> bool:
    """The sentence says what an event or an agreement held: a content verb whose subject names one ("The
    agreement's provisions include X", "The talks covered X"), an agenda sentence with no cue word of its own."""
    nouns = _AGENDA_NOUNS | _trigger_words() | {"provision", "text", "document"}
    for t in sent:
        if t.pos_ == "VERB" and t.lemma_.lower() in _CONTENT_VERBS:
            for c in t.children:
                if c.dep_ == "nsubj" and any(w.lemma_.lower() in nouns for w in c.subtree):
                    return True
    return False


def _ranges(sent, told_at: bool = False) -> list[tuple[int, int]]:
    """Character ranges of the sentence that name the agenda: what follows an agenda verb or a purpose verb up to
    the end of its clause, and the complement of an agenda noun; with ``told_at`` (the sentence names the event
    it was said at: "X said after meeting Y that Canada will provide police training", "At the talks, X stressed
    progress in cooperation"), what a reporting verb reports."""
    out = []
    for t in sent:
        lemma = t.lemma_.lower()
        if told_at and t.pos_ == "VERB" and lemma in reporting_verbs():
            for c in t.children:
                # what is stressed or said; the object of "tell" is who heard it
                if (c.dep_ == "ccomp" or c.dep_ == "dobj" and lemma != "tell") and c.pos_ in ("VERB", "AUX", "NOUN"):
                    out.append((c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)))
        subject = _agenda_subject(t)
        if subject is not None:  # "other things on the agenda are X", "one of the things to be discussed is X"
            end = t.right_edge.idx + len(t.right_edge.text)
            out.append((subject.right_edge.idx + len(subject.right_edge.text), end))
        if (t.pos_ in ("VERB", "AUX") and lemma in _AGENDA_VERBS) or _is_purpose(t):
            edge = t.head.right_edge if t.dep_ == "amod" and t.tag_ == "VBD" else t.right_edge
            # "The pair discussed world conflicts, trade ..." parsed with the verb as a modifier of its object
            out.append((t.idx + len(t.text), edge.idx + len(edge.text)))
        if t.pos_ == "VERB" and lemma in _AGENDA_VERBS:
            holder = t.head if t.dep_ == "xcomp" else t  # "documents are expected to be signed"
            for c in [*t.children, *(holder.children if holder is not t else ())]:  # "trade was discussed"
                if c.dep_ == "nsubjpass":  # the whole subject: "a number of bilateral documents"
                    out.append((c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)))
        if t.pos_ == "NOUN" and lemma in _FRAME_NOUNS:
            for c in t.children:  # "in the context of the Cooperation Council"
                if c.dep_ == "prep" and c.lower_ == "of":
                    out.append((c.idx, c.right_edge.idx + len(c.right_edge.text)))
        elif t.pos_ == "NOUN" and lemma in _AGENDA_NOUNS:
            for c in t.children:  # "talks in Tashkent" is where, "cooperation in energy" what
                if c.dep_ == "prep" and c.lower_ in _AGENDA_PREPS and not (c.lower_ == "in" and lemma in _TALK_NOUNS):
                    out.append((c.idx, c.right_edge.idx + len(c.right_edge.text)))
    stext, base = sent.text, sent.start_char  # the ranges lie in the sentence; ``doc.text`` rejoins the whole doc
    return [_in_paragraph(stext, base, lo, hi) for lo, hi in out]


def _in_paragraph(stext: str, base: int, lo: int, hi: int) -> tuple[int, int]:
    """The range cut at a line break (``stext``: the sentence's text, starting at ``base`` in the doc): a headline
    the parser ran into the first paragraph ("X and Y signed the Treaty\n\nPresident X and President Y held talks
    in ...") names no agenda past its own line."""
    cut = stext.find("\n", lo - base, hi - base)
    return (lo, cut + base) if cut >= 0 else (lo, hi)


@lru_cache(maxsize=1)
def _future() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon("future_cues"))


def planned_agenda(sent) -> bool:
    """The sentence's agenda verb is governed by a future cue (nlp/data/future_cues.txt): "are expected to continue
    exchanging views on", "will discuss" speak of an event still to come."""
    future = _future()
    for t in sent:
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in _AGENDA_VERBS:
            chain = [t, *t.ancestors]
            if any(x.lemma_.lower() in future or any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in future
                                                      for c in x.children) for x in chain):
                return True
            return False
    return False


def past_agenda(sent) -> bool:
    """The sentence's agenda verb is told as past ("agreed to hold", "have discussed"), with no future cue above it."""
    for t in sent:
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in _AGENDA_VERBS:
            return t.tag_ == "VBD" or (t.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have"
                                                                for c in t.children))
    return False


def _in_list(root) -> bool:
    """An item of a coordinated list ("trade, connectivity and culture")."""
    return root.dep_ == "conj" or any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in root.children)


def _bare_item(chunk, root) -> bool:
    """A bare word between other items of a list of subjects ("trade, transport, development, culture"): a field
    of its own there, unlike "other issues" or "the situation" closing a list."""
    return len(chunk) == 1 and root.dep_ == "conj" and root.lower_ not in _trigger_words() and any(
        c.dep_ == "conj" for c in root.children)


def _kept(chunk) -> list:
    """The chunk's words without determiners, possessives, numbers and empty leading modifiers."""
    _, _, mods = _np_stop()
    toks = [t for t in chunk if t.dep_ not in ("det", "poss", "predet", "case", "punct") and t.pos_ not in (
        "PRON", "NUM", "PUNCT") and t.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")]
    while toks:
        n = next((n for n in (2, 1) if "-".join(t.lower_ for t in toks[:n]) in mods), 0)  # "so-called": so, called
        if not n and toks[0].pos_ in ("ADV", "CCONJ", "ADP"):  # "also the plan", "and trade"
            n = 1
        if not n:
            break
        toks = toks[n:]
    return toks


_QUOTES = re.compile("[\"“”«»]|‘(?=\\w)|(?<=\\w)’(?!\\w)")


def _clean(label: str) -> str:
    """The label without quotation marks ("restart “shuttle diplomacy”" names restarting shuttle diplomacy)."""
    return re.sub(r"\s+", " ", _QUOTES.sub("", label)).strip()


def _words(toks) -> str:
    """The kept words with the spacing of the text between neighbours ("capacity-building", "El Chapo Guzmán")."""
    out = []
    for k, t in enumerate(toks):
        if k and toks[k - 1].idx + len(toks[k - 1].text) != t.idx:
            out.append(" ")
        out.append(t.text)
    return "".join(out)


def _of_object(root, chunks_by_root):
    """The chunk after "of" of a head ("the reopening of the embassies and consulates"), with its conjuncts."""
    for c in root.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.i in chunks_by_root:
                roots = _np_stop()[0]
                items = [obj] + [g for g in obj.children if g.dep_ == "conj" and g.i in chunks_by_root]
                return [chunks_by_root[i.i] for i in items if i.lower_ not in roots]
    return None


_PP_HEADS = frozenset({"on", "over", "in", "to", "for", "against"})


def _pp_object(root, chunks_by_root):
    """The noun phrase of a complement that says what a plain noun is about ("war on drugs", "stability in South
    Asia", "access to citizenship"), not a person, a time or a pronoun."""
    if root.lemma_.lower() in _AGENDA_NOUNS or (root.dep_ == "pobj" and root.head.lower_ == "in" and not any(
            c.dep_ == "det" for c in root.children)):
        return None  # "pacts on trade": the complement is the topic; "in addition to", "in response to": a frame
    roots, weak, _ = _np_stop()
    for c in root.children:
        if c.dep_ == "prep" and c.lower_ in _PP_HEADS:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is None or obj.i not in chunks_by_root or obj.ent_type_ in ("PERSON", "DATE", "TIME", "CARDINAL"):
                return None
            chunk = chunks_by_root[obj.i]
            return (c, chunk) if _kept(chunk) and obj.lower_ not in roots | weak else None
    return None


def _idiom(root) -> bool:
    """A bare noun between prepositions, a prepositional idiom rather than a subject: "in front of", "in addition
    to", "by means of" ("agreements on establishment of X" names X's establishment)."""
    return root.dep_ == "pobj" and root.head.lower_ in ("in", "by", "with") and not any(
        c.dep_ in ("det", "poss", "amod", "compound") for c in root.children) and any(
        c.dep_ == "prep" and c.lower_ in ("of", "to", "with") for c in root.children)


def _list_adjective(t) -> bool:
    """An adjective standing as an item of a list of nouns ("cooperation in trade, energy, financial, transport")."""
    return t.pos_ == "ADJ" and t.dep_ == "conj" and t.head.pos_ in ("NOUN", "PROPN")


_MOD_DEPS = frozenset({"det", "amod", "compound", "nummod", "poss", "nmod", "predet", "quantmod"})


def _phrases(sent) -> dict[int, object]:
    """Every noun phrase of the sentence by the index of its head: the head with the modifiers before it ("the
    Joint Comprehensive Plan"); spaCy's noun_chunks skip a noun coordinated with a verb's object."""
    out = {}
    for t in sent:
        if not _list_adjective(t) and (t.pos_ not in ("NOUN", "PROPN")
                                       or t.dep_ in ("compound", "amod", "nmod", "poss")):
            continue
        mods = [c for c in t.lefts if c.dep_ in _MOD_DEPS and c.tag_ != "VBD"]  # a misparsed verb is no modifier
        start = min([c.left_edge.i for c in mods] + [t.i])
        out[t.i] = sent.doc[max(start, sent.start):t.i + 1]
    return out


def np_topics(doc, sent, hits, people: tuple[tuple[int, int], ...] = (), told_at: bool = False,
              text: str | None = None) -> list[tuple[str, str, int, int]]:
    """Noun-phrase topics of an agenda sentence the taxonomy hits do not already cover, except people (the
    article's named ``people`` spans among them), places, pronouns and generic words ("the two sides", "issues");
    ``told_at``: the sentence names the event its reporting verb's words were said at; ``text``: ``doc.text``, where
    the caller holds it (spaCy rebuilds it on each access)."""
    text = doc.text if text is None else text
    if not told_at and not _CHEAP.search(text, sent.start_char, sent.end_char):
        return []
    ranges = _ranges(sent, told_at)
    if not ranges:
        return []
    reported = []
    if told_at:  # the ranges only the reporting verb gives
        plain = _ranges(sent)
        reported = [r for r in ranges if r not in plain]
    roots, weak, _ = _np_stop()
    by_root = {i: c for i, c in _phrases(sent).items()
               if any(lo <= c.start_char and c.end_char <= hi for lo, hi in ranges)}
    out: list[tuple[str, str, int, int]] = []
    named: set[int] = set()
    for i, chunk in by_root.items():
        root = doc[i]
        if any(a < chunk.end_char and chunk.start_char < b for a, b in people):
            continue
        if root.ent_type_ in _SKIP_ENTS or root.pos_ == "PRON" or root.lower_ in roots or (
                root.lemma_.lower() in _role_titles() or root.lower_ in _role_titles()) or _idiom(root):
            continue
        if root.lemma_.lower() in _trigger_words() and any(lo <= root.idx < hi for lo, hi in reported):
            continue  # "X called it a good telephone conversation": the event itself, as the speaker saw it
        toks = _kept(chunk)
        if any(t.ent_type_ == "PERSON" for t in toks) or root.ent_type_ == "ORG" and root.lower_ in roots:
            continue
        if not toks or not any(t.pos_ in ("NOUN", "PROPN") or _list_adjective(t) for t in toks):
            continue
        modified = len(toks) > 1
        if (root.lower_ in weak or root.lower_ in _trigger_words()) and not (
                modified and toks[0].pos_ in ("ADJ", "PROPN", "NOUN", "VERB")) and not _bare_item(chunk, root):
            continue  # "issues", "the call" say nothing; "pending issues", "reciprocal visits" do
        if i in named:
            continue
        of = _of_object(root, by_root)
        if of and root.pos_ == "PROPN" and all(doc[c.end - 1].pos_ == "PROPN" for c in of):
            named.update(c.end - 1 for c in of)  # "the Joint Plan of Action (JCPOA)": one name, kept whole
            end = max(c.end_char for c in of)
            if end < sent.end_char - 1 and text[end:end + 2] == " (":
                close = text.find(")", end, sent.end_char)
                end = close + 1 if 0 < close - end < 16 else end
            named.update(j for j in range(i, sent.end) if doc[j].idx < end)
            label = _clean(text[toks[0].idx:end])
            out.append(("np:" + label.lower(), label, toks[0].idx, end))
            continue
        if of is not None:
            if root.lower_ in weak:
                continue  # "areas of mutual cooperation": the object is the topic, found on its own
            objs = [_kept(c) for c in of]
            objs = [o for o in objs if o]
            if objs:
                end = max(c.end_char for c in of)
                label = _clean(_words(toks) + " of " + " and ".join(_words(o) for o in objs))
                out.append(("np:" + label.lower(), label, toks[0].idx, end))
                continue
        a, b = toks[0].idx, chunk.end_char
        if any(h[2] < b and a < h[3] for h in hits) and not any(
                t.pos_ == "PROPN" and not any(h[2] <= t.idx < h[3] for h in hits) for t in toks):
            continue  # covered by the taxonomy, unless it names something of its own ("the Maya Train railway")
        label = _clean(text[a:b])
        if "\n" in label:
            continue
        pp = _pp_object(root, by_root) if not modified and root.pos_ != "PROPN" else None
        if pp is not None:  # "the war on drugs", "stability in the region": the plain noun with what it is of
            prep, obj = pp
            label = _clean(_words(toks) + " " + prep.lower_ + " " + _words(_kept(obj)))
            if "\n" not in text[a:obj.end_char]:
                out.append(("np:" + label.lower(), label, a, obj.end_char))
            continue
        if not modified and root.pos_ != "PROPN" and not _in_list(root):
            continue  # one plain noun ("people", "wars") says little, unless it is an item of an agenda list
        if len(label) < 4:
            continue
        out.append(("np:" + label.lower(), label, a, b))
    return out + _verb_topics(sent, ranges, hits + out, people)


def _gerund(verb) -> str:
    """The verb as an activity ("strengthen" -> "strengthening", "improve" -> "improving", "plan" -> "planning"),
    by the spelling rules of English; a verb written as one is kept."""
    if verb.tag_ == "VBG":
        return verb.lower_
    lemma = verb.lemma_.lower()
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")) and len(lemma) > 2:
        return lemma[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", lemma):
        return lemma + lemma[-1] + "ing"
    return lemma + "ing"


def _vague_object(verb):
    """The object of ``verb`` ("strengthen the relationship", "improve on their relations", "implement the
    agreement") when it says little by itself: a weak head ("relations", "cooperation") or an event word."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not objs:  # "improve on their relations"
        objs = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children
                if g.dep_ == "pobj"]
    if len(objs) != 1:
        return None
    o = objs[0]
    roots, weak, _ = _np_stop()
    if o.pos_ != "NOUN" or o.ent_type_ in _SKIP_ENTS or o.lower_ in roots or _in_list(o) or any(
            c.ent_type_ == "ORDINAL" for c in o.lefts):  # "marking his first trip": the event itself
        return None
    return o if o.lower_ in weak or o.lemma_.lower() in weak or o.lemma_.lower() in _trigger_words() else None


def _verb_topics(sent, ranges, covered, people) -> list[tuple[str, str, int, int]]:
    """What the event is to do to a vague object, as an activity: "met to discuss strengthening their relations"
    -> "strengthening relations", "their desire to strengthen the relationship" -> "strengthening the
    relationship". The object alone ("relations") is no topic, the verb says which way the agenda goes; the agenda
    verbs themselves, light verbs and trigger words ("to hold talks") say nothing of it."""
    out = []
    for v in sent:
        if v.pos_ != "VERB" or not (_is_purpose(v) or any(lo <= v.idx < hi for lo, hi in ranges)):
            continue
        lemma = v.lemma_.lower()
        if lemma in _AGENDA_VERBS or lemma in LIGHT_VERBS or lemma in _trigger_words() or lemma in _future():
            continue
        o = _vague_object(v)
        if o is None or any(a < o.idx + len(o.text) and o.idx < b for a, b in people):
            continue
        if any(h[2] <= o.idx < h[3] for h in covered):
            continue  # "to boost trade": the taxonomy's topic already says it
        words = [t for t in sent.doc[o.left_edge.i:o.i + 1] if t.dep_ not in ("poss", "case") and t.tag_ != "PRP$"]
        label = _clean(_gerund(v) + " " + _words(words))
        out.append(("np:" + label.lower(), label, v.idx, o.idx + len(o.text)))
    return out

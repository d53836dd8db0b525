"""Who a subject or object phrase names: names, pronouns, role phrases, "the two leaders"."""

from __future__ import annotations

import re
from functools import lru_cache

from parley.extract.events.doc import paragraph
from parley.extract.events.lexicons import title_kind
from parley.extract.events.mentions import Mention
from parley.extract.events.people import People
from parley.extract.topics import country_of
from parley.nlp import lexicon


@lru_cache(maxsize=1)
def _pair_phrase() -> re.Pattern:
    return re.compile(r"^(?:" + "|".join(f"(?:{x})" for x in lexicon("event_pairs")) + r")$", re.I)


_PLURAL_TITLE = re.compile(r"\b(presidents|prime ministers|premiers|chancellors|(?:foreign |defen[cs]e |finance |trade )?"
                           r"ministers|secretaries of state|kings|emirs|monarchs)$", re.I)


def people_in(tok, ppl: People, doc, m: Mention) -> list[str]:
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
            if not names and part.lower_ in ("he", "she"):  # "he and Trump discussed ...": the pronoun's person
                who = ppl.pronoun(part.idx, set(found), m.sent[0])
                names = [who] if who else []
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
        fits = _role_fits(phrase, ppl, doc.text)
        if fits == set() and re.search(r"\bof (?:the )?(?:two|both)\b", phrase):
            return []  # "the foreign ministers of the two countries" when no foreign minister is named: not the pair
        if fits is not None:
            before_ = [n for s, e, n in ppl.spans if e <= lo and n in fits]
            for a, b in ((m.sent[0], m.sent[1]), paragraph(doc.text, tok.idx), (0, lo)):
                named = list(dict.fromkeys(n for s, e, n in ppl.in_range(a, b) if not (lo <= s < hi) and n in fits))
                if len(named) == 2:
                    return named
            recent = list(dict.fromkeys(reversed(before_)))[:2]
            if len(recent) == 2:  # the last two such people named before the phrase
                return recent[::-1]
        for a, b in ((m.sent[0], m.sent[1]), paragraph(doc.text, tok.idx)):
            named = list(dict.fromkeys(n for s, e, n in ppl.in_range(a, b) if not (lo <= s < hi)))
            if len(named) == 2:
                return named
        if ppl.pair:
            return list(ppl.pair)
    if tok.lower_ in ("he", "she"):
        who = ppl.pronoun(tok.idx, set(), m.sent[0])
        return [who] if who else []
    r = re.fullmatch(r"(?:the|The)\s+(?:(\w+)\s+)?(\w+(?: \w+)?)", phrase) or re.fullmatch(
        r"(?:the|The)\s+(?:(\w+)\s+)?(\w+(?: \w+)?)", doc.text[lo:tok.idx + len(tok.text)].strip())
    return _title_person(r, ppl, tok) if r else []  # "the emir at the palace": the phrase up to its noun


def _role_fits(phrase: str, ppl: People, text: str = "") -> set[str] | None:
    """"the two presidents" -> the people whose roles carry "president" ("vice president" does not count, nor
    "prime minister" for "ministers"), and, when someone has that title, the people named as a "counterpart" (who
    hold the title of the one whose counterpart they are: "talks with his Russian counterpart Sergey Lavrov");
    None when the phrase names no title ("the two leaders", "both sides")."""
    # "the foreign ministers of the two countries" is titled as "the two foreign ministers"; "the top diplomats"
    # are the foreign ministers
    phrase = re.sub(r"\s+of (?:the )?(?:two|both) \w+$", "", phrase.strip())
    phrase = re.sub(r"\b(?:top )?diplomats$", "foreign ministers", phrase)
    t = _PLURAL_TITLE.search(phrase)
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
    if out and text:
        out |= {n for s, _, n in ppl.spans if _COUNTERPART.search(text, max(0, s - 30), s)}
    return out


_COUNTERPART = re.compile(r"\bcounterparts?,?\s+$", re.I)


def _title_person(r, ppl: People, tok) -> list[str]:
    if r:  # "the chancellor", "The Moldovan president", "the emir": the last person of the article with that title
        title = r.group(2).lower()
        country = country_of(r.group(1)) if r.group(1) else None
        if country:
            who = ppl.leader(country, title_kind(title))
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

"""The article's people as the event step sees them: name spans, leaders of states, titles, its pair."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from parley.extract.events.doc import clean_name
from parley.extract.events.lexicons import compiled, title_kind
from parley.extract.topics import country_of, demonym_pattern
from parley.knowledge import city_state, person_states, state_code, surname_states
from parley.models import Entity
from parley.nlp import lexicon, table


_PRONOUNS = {"he", "his", "him", "she", "her", "hers", "they", "their", "them", "it", "its", "i", "we", "you"}


@dataclass
class People:
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, canonical name), sorted
    leaders: dict[tuple[str, str], str] = field(default_factory=dict)  # (country, head|pm) -> name
    titles: dict[str, list[str]] = field(default_factory=dict)  # canonical name -> its roles, lower case
    pair: list[str] = field(default_factory=list)  # the article's two most mentioned people ("the two leaders")
    pronouns: dict[int, str] = field(default_factory=dict)  # start of "he", "his", ... -> the people step's person
    persons: list[Entity] = field(default_factory=list)  # the people step's persons

    def only_person_of(self, country: str) -> str | None:
        """The one person of the article the Phoenix actor dictionary places in ``country`` (a name), if one."""
        return _only_person_of(country, self.persons)

    def leader(self, country: str, kind: str = "head") -> str | None:
        return self.leaders.get((country, kind)) or (self.leaders.get((country, "pm")) if kind == "head" else None)

    def in_range(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return [s for s in self.spans if s[0] >= start and s[1] <= end]

    def pronoun(self, pos: int, exclude: set[str], sent_start: int) -> str | None:
        """Who the pronoun at ``pos`` is: the last person its own sentence names before it ("the Russian leader's
        visit ... after his meeting"); else the people step's reading, which weighs the article's subject ("He
        will then have a meeting" after a paragraph on someone met in passing); else the last person named."""
        own = self.before(pos, exclude)
        if own and any(sent_start <= s and e <= pos and n == own for s, e, n in self.spans):
            return own
        who = self.pronouns.get(pos)
        return who if who and who not in exclude else own

    def before(self, pos: int, exclude: set[str]) -> str | None:
        for s, e, name in reversed(self.spans):
            if e <= pos and name not in exclude:
                return name
        return None


def article_people(doc, entities: tuple[Entity, ...]) -> People:
    text = doc.text
    ppl = People()
    # "Chile Gabriel Boric" (of "President of Chile Gabriel Boric"): the person is the name after the state
    persons = [replace(e, name=_without_state(None, 0, e.name)[1]) for e in entities if e.type == "PERSON"]
    ppl.persons = persons
    if any(e.mentions for e in persons):
        for e in persons:
            for m in e.mentions:
                if m.text.lower() not in _PRONOUNS:  # pronouns are resolved here, for the event's own clause
                    ppl.spans.append(_own_conjunct(text, m.start, m.end, e.name))
                else:
                    ppl.pronouns[m.start] = e.name
        for e in persons:
            for role in e.roles:
                _leader_from_role(ppl, role, e.name)
            for m in e.mentions:  # "the Russian president" resolved by the people step
                if m.text.lower().startswith("the "):
                    _leader_from_role(ppl, m.text, e.name)
        # names the people step left out ("Putin" alone) still count, from the parser's own person entities
        taken = [(s, e) for s, e, _ in ppl.spans]
        known = frozenset(p.name.split()[-1].lower() for p in persons if p.name.split())
        for s, e, name in _fallback_person_spans(doc, known):
            if not any(a < e and s < b for a, b in taken) and len(name) > 2 and not country_of(name) \
                    and not re.search(r"\b(?:in|to|at|of|from|near)\s+(?:the\s+)?$", text[max(0, s - 12):s]):
                ppl.spans.append((s, e, name))
    else:
        ppl.spans.extend(_fallback_person_spans(doc))
    dem = demonym_pattern()
    # "Azerbaijani President Ilham Aliyev", "his Russian counterpart Vladimir Putin"
    for s, e, name in list(ppl.spans):
        m = compiled(r"\b(" + dem + r")\s+(President|Prime Minister|Premier|Chancellor|leader|president|"
                r"counterpart|prime minister)\s*$").search(text[max(0, s - 60):s])
        if m:
            c = country_of(m.group(1))
            if c:
                ppl.leaders.setdefault((c, title_kind(m.group(2))), name)
    # "the presidents of Russia and Azerbaijan, Vladimir Putin and Ilham Aliyev"
    for m in compiled(r"\b(presidents|leaders|prime ministers|heads of state) of (?:the )?(" + dem + r") and (?:the )?("
                 + dem + r"),\s*", re.I).finditer(text):
        names = [sp for sp in ppl.spans if sp[0] >= m.end() and sp[0] <= m.end() + 60]
        if len(names) >= 2 and names[0][2] != names[1][2]:
            for country_text, sp in zip((m.group(2), m.group(3)), names[:2]):
                c = country_of(country_text)
                if c:
                    ppl.leaders.setdefault((c, title_kind(m.group(1))), sp[2])
    # role phrases "the Russian leader" become mentions of the leader when no entity list gave them
    known = {(s, e) for s, e, _ in ppl.spans}
    for m in compiled(r"\bthe (" + dem + r") (president|leader|head of state|prime minister|premier)\b", re.I).finditer(text):
        c = country_of(m.group(1))
        name = (ppl.leader(c, title_kind(m.group(2))) or ppl.only_person_of(c)) if c else None
        if name and not any(s <= m.start() < e for s, e in known):
            ppl.spans.append((m.start(), m.end(), name))
    # "Putin-Aliyev meeting": each half of a hyphenated pair of surnames is a person of the article
    # (and "the meeting between Erdogan and Mitsotakis", where the tagger may see neither surname as a person)
    surnames: dict[str, str] = {}
    bearers: dict[str, set[str]] = {}
    for _, _, name in ppl.spans:
        if len(name.split()) >= 2:
            surnames.setdefault(name.split()[-1], name)
            bearers.setdefault(name.split()[-1], set()).add(name)
    for m in re.finditer(r"\b([A-Z][\w’']+)[-–]([A-Z][\w’']+)\b|\bbetween ([A-Z][\w’']+) and ([A-Z][\w’']+)\b", text):
        for g in ((1, 2) if m.group(1) else (3, 4)):
            name = surnames.get(m.group(g))
            if g > 2 and len(bearers.get(m.group(g), ())) != 1:
                continue  # after "between", only a surname one person of the article bears
            if name and not any(s <= m.start(g) < e and n == name for s, e, n in ppl.spans):
                ppl.spans = [sp for sp in ppl.spans if not (sp[0] <= m.start(g) < sp[1])]
                ppl.spans.append((m.start(g), m.end(g), name))
    # "Azerbaijani" tagged as a person; "met the Jordanian king Tuesday": a weekday is no one
    ppl.spans = sorted(sp for sp in ppl.spans if not country_of(sp[2]) and sp[2].lower() not in _weekdays())
    for e in persons:
        ppl.titles[e.name] = [r.lower() for r in e.roles]
    _link_short_names(ppl, text)
    _bare_surnames(ppl, text)
    counts = Counter(n for _, _, n in ppl.spans)
    top = [n for n, k in counts.most_common(3) if k >= 2]
    if len(top) >= 2 and (len(top) == 2 or counts[top[1]] > counts[top[2]]):
        ppl.pair = top[:2]
    return ppl


def _only_person_of(country: str, persons: list[Entity]) -> str | None:
    """"the Turkish president" in an article that gives no one that title: the one person of the article the
    Phoenix actor dictionary places in that state (by full name, else by surname), when there is exactly one."""
    found = []
    for e in persons:
        codes = person_states(e.name) if len(e.name.split()) >= 2 else ()
        if len(codes) != 1:
            codes = surname_states(e.name)
        if codes == (state_code(country),):
            found.append(e.name)
    return found[0] if len(found) == 1 else None


def _own_conjunct(text: str, start: int, end: int, name: str) -> tuple[int, int, str]:
    """A mention that runs two titled people together ("President of Kazakhstan Kassym-Jomart Tokayev and President
    of China Xi Jinping") is cut to the conjunct that holds the person's own surname, so the other stays free for
    the parser's own entity of that person."""
    words = name.split()
    if not words:
        return start, end, name
    parts = list(re.finditer(r"\s+and\s+", text[start:end]))
    if not parts:
        return start, end, name
    surname = re.compile(r"\b" + re.escape(words[-1]) + r"\b")
    first, last = text[start:start + parts[0].start()], text[start + parts[-1].end():end]
    if surname.search(last) and not surname.search(first):
        return start + parts[-1].end(), end, name
    if surname.search(first) and not surname.search(last):
        return start, start + parts[0].start(), name
    return start, end, name


def _without_state(doc, start: int, text: str) -> tuple[int, str]:
    """A parser's person entity with a state glued in front ("Kazakhstan Kassym-Zhomart Tokayev" of "President of
    Kazakhstan Kassym-Zhomart Tokayev", "Chile Gabriel Boric"): the name after the state, with its offset."""
    words = text.split()
    for k in (3, 2, 1):
        if len(words) > k + 1 or (len(words) == k + 1 and k == 1 and "-" in words[-1]):
            head = " ".join(words[:k])
            if country_of(head) and not country_of(" ".join(words[:k + 1])):
                i = text.find(words[k], len(head))
                return start + i, text[i:]
    return start, text


def _link_short_names(ppl: People, text_of: str) -> None:
    """A one-word name ("Xi") that is a word of exactly one fuller name of the article ("Xi Jinping") is that person
    (the people step sometimes leaves them apart; surnames come first in Chinese and Korean names), unless the people
    step gave the one-word name a title the fuller name lacks: "President Marcos" is not "Imelda Marcos", his mother
    named once."""
    cut = []
    glued = {n for s, e, n in ppl.spans if text_of and "\n" in text_of[s:e]}
    for s, e, n in ppl.spans:  # a name glued across a paragraph break ("Xi\n\nFrench") is its first line
        t = text_of[s:e] if text_of else ""
        if "\n" in t and t.split("\n")[0].strip():
            first = t.split("\n")[0].rstrip()
            cut.append((s, s + len(first), clean_name(first)))
        elif n not in glued:  # other mentions the glued entity collected are not that person
            cut.append((s, e, n))
    ppl.spans = cut
    full = {n for _, _, n in ppl.spans if len(n.split()) >= 2 and "\n" not in n}
    out = []
    for s, e, n in ppl.spans:
        if len(n.split()) == 1:
            owners = [f for f in full if n in f.split()]
            if len(owners) == 1 and not (ppl.titles.get(n) and not ppl.titles.get(owners[0])):
                n = owners[0]
        out.append((s, e, n))
    ppl.spans = out


def _bare_surnames(ppl: People, text: str) -> None:
    """A later bare mention of a person's one-word name or surname that the tagger took for something else ("had
    visited Hasina" tagged a place) is that person, when one person of the article bears the word, the word stands
    alone (no capitalised word beside it) and no gazetteer knows it as a place. People are titled before this
    (``ppl.titles``), so a one-word name counts only when the people step gave it a role."""
    if not ppl.spans:
        return
    bearers: dict[str, set[str]] = {}
    for _, _, name in ppl.spans:
        if len(name.split()) >= 2 or ppl.titles.get(name):  # a bare word with no title may be no one ("Twitter")
            bearers.setdefault(name.split()[-1], set()).add(name)
    first = ppl.spans[0][0]
    added = []
    for word, names in bearers.items():
        if len(names) != 1 or len(word) < 3 or not word[:1].isupper():
            continue
        pos = text.find(word, first)
        checked = False
        while pos >= 0:
            end = pos + len(word)
            if _stands_alone(text, pos, end) and not any(s < end and pos < e for s, e, _ in ppl.spans):
                if not checked:  # the gazetteers only for a word that would become a mention
                    if city_state(word) or country_of(word):
                        break
                    checked = True
                added.append((pos, end, next(iter(names))))
            pos = text.find(word, end)
    if added:
        ppl.spans = sorted(ppl.spans + added)


def _stands_alone(text: str, start: int, end: int) -> bool:
    """The word is whole and no part of a longer name ("Hasina Wajed", 'Joaquín "El Chapo" Guzmán')."""
    if (start and (text[start - 1].isalnum() or text[start - 1] in "'’.-")) \
            or (end < len(text) and (text[end].isalnum() or text[end] in "'’-")):
        return False
    before, after = text[max(0, start - 30):start], text[end:end + 30]
    return not (re.search(r"[A-Z][\w.’'-]*[”\"]?\s*$", before) or re.match(r"\s*(?:[A-Z]|['’]s\s+[A-Z])", after))


def _leader_from_role(ppl: People, role: str, name: str) -> None:
    if re.search(r"\b(deputy|vice|former|ex-|foreign|minister of|elect|designate)\b", role, re.I) \
            and "prime" not in role.lower():
        return  # a president-elect or designate leads no state yet
    t = _leader_titles().search(role)
    if not t:
        return
    m = compiled(r"\b(" + demonym_pattern() + r")\b").search(role)
    c = country_of(m.group(1)) if m else None
    if c:
        ppl.leaders.setdefault((c, title_kind(t.group(1))), name)


@lru_cache(maxsize=1)
def _leader_titles() -> re.Pattern:
    words = sorted(lexicon("leader_titles"), key=len, reverse=True)
    return re.compile(r"(" + "|".join(re.escape(w) for w in words) + r")", re.I)


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    return frozenset(w.lower() for w in table("weekdays"))


def _fallback_person_spans(doc, known: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """spaCy PERSON entities as canonical names: a surname alone maps to the full name used elsewhere. ``known``:
    the lower-cased surnames of the people step's persons."""
    raw = []
    surnames = {clean_name(e.text).split()[-1].lower() for e in doc.ents if e.label_ == "PERSON" and e.text.split()}
    surnames |= known
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        start, name = _without_state(doc, ent.start_char, ent.text)
        # the parser tags a name glued to its state as an organisation: a person when the rest is a known surname
        if ent.label_ == "ORG" and (start == ent.start_char or name.split()[-1].lower() not in surnames):
            continue
        raw.append((start, ent.end_char, name))
    full: dict[str, str] = {}
    for _, _, t in raw:
        name = clean_name(t)
        parts = name.split()
        if len(parts) >= 2 and "-" not in name:
            full.setdefault(parts[-1].lower(), name)
    out = []
    for s, e, t in raw:
        name = clean_name(t)
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


def leader_country(ppl: People, name: str) -> str | None:
    for (country, _), who in ppl.leaders.items():
        if who == name:
            return country
    return None

"""Stage 4, role phrases: "the writer", "the Russian leader", "the head of state" -> the person holding that role.
"""

from __future__ import annotations

import re

from parley.extract._people_context import Context
from parley.extract._people_patterns import AFTER_TITLE_NAME, norm_role, role_phrase
from parley.extract._people_person import Person
from parley.extract._quotemarks import inside
from parley.knowledge import state_code
from parley.knowledge.people import person_states, surname_states

__all__ = ["RolePhrases"]


def _dictionary_states(name: str) -> tuple[str, ...]:
    """The states the Phoenix actor dictionary gives a person: by full name, else by surname (one state or none)."""
    codes = person_states(name) if len(name.split()) >= 2 else ()
    if len(codes) != 1:
        codes = surname_states(name)
    return codes if len(codes) == 1 else ()


class RolePhrases(Context):
    """Stage 4: role phrases as mentions of the people holding the role."""

    def role_phrases(self) -> None:
        holders_any = {}
        for p in self.people:
            for _, r in p.roles:
                holders_any.setdefault(norm_role(r), set()).add(id(p))
        pat = role_phrase(self.L)
        for m in pat.finditer(self.text):
            s, e = m.start(), m.end()
            if inside(self.quoted, s):
                continue
            if AFTER_TITLE_NAME.match(self.text, e):
                continue  # "the Russian President Vladimir Putin": a prefix, handled with the name
            phrase = norm_role(m.group("role"))
            title = norm_role(m.group("title"))
            norp = (m.group("norp") or "").lower()
            self._phrase_end = e
            p = self.resolve_phrase(phrase, title, norp, s, holders_any)
            if p is not None:
                p.add(s, e, "role")

    def resolve_phrase(self, phrase, title, norp, pos, holders_any) -> Person | None:
        def established(p):
            return [norm_role(r) for at, r in p.roles if at <= pos]

        generic = self.L.generic_roles.get(title)
        country = self.L.demonym_country.get(norp, "").lower()
        matches = []
        for p in self.people:
            roles = established(p)
            if phrase in roles or any(r.endswith(" " + phrase) or r == phrase for r in roles):
                matches.append(p)
            elif generic or norp:
                for r in roles:
                    base, _, of = r.partition(" of ")
                    base_title = base.split()[-1] if base else ""
                    titles_ok = (generic and (base in generic or base_title in generic)) or base == title or base.endswith(" " + title)
                    country_ok = not norp or of == country or r.startswith(norp + " ")
                    if titles_ok and country_ok:
                        matches.append(p)
                        break
        if len(matches) >= 1:
            return self.most_recent(matches, pos)
        if generic or norp:
            # nobody holds it: the one salient person without any title, when there is exactly one; "the Turkish
            # president" is none whom the Phoenix actor dictionary places in another state, and is the one person
            # of the article it places in Turkey
            code = state_code(self.L.demonym_country.get(norp, "")) if norp else None
            rolefree = [p for p in self.people if not p.roles and not p.derived]
            if code:
                own = [p for p in rolefree if _dictionary_states(p.name) == (code,)]
                if len(own) == 1:
                    return own[0]
                rolefree = [p for p in rolefree if _dictionary_states(p.name) in ((), (code,))]
            rolefree = [p for p in rolefree if len(p.mentions) >= 2]
            return rolefree[0] if len(rolefree) == 1 else None
        if phrase in holders_any:
            return None  # someone is introduced with this role later: do not guess
        if not self.subject_like(pos, self._phrase_end) and not re.search(r"(?i)according\s+to\s+\Z",
                                                                           self.text[max(0, pos - 20):pos]):
            return None  # "including the chief executive of Airbus": someone else, not the last speaker
        p = self.recent_subject(pos, paras_back=2)
        if p is not None and self.holds_other_office(p, title):
            return None  # "the emir" is not the president who was the last subject: a second head of state
        if p is not None:
            p.roles.append((pos, phrase))
        return p

    def holds_other_office(self, person: Person, title: str) -> bool:
        """Whether ``title`` is a head-of-state title and the person already holds a different one."""
        offices = self.L.generic_roles.get("head of state") or set()
        if title not in offices:
            return False
        held = {w for _, r in person.roles for w in offices if re.search(rf"\b{re.escape(w)}\b", r.lower())}
        return bool(held - {title})

    def most_recent(self, people, pos) -> Person:
        def last(p):
            before = [a for a, _ in p.mentions if a < pos]
            return max(before) if before else -1

        return max(people, key=last)

"""Stage 3, roles: titles before a name ("Russian President Vladimir Putin"), chained with commas ("Chairman of the
X Party, MP Y"), never running over another name, "-elect" kept; a role before a comma; appositions ("Y, a member
of the Z Committee, said"); plural and distributive titles; counterparts ("Greek counterpart Y").
"""

from __future__ import annotations

import re

from parley.extract._people_context import Context
from parley.extract._people_patterns import (
    COUNTERPART,
    distrib,
    ELECT,
    FEMALE_ROLE,
    FUNCTION_WORDS,
    GROUP_LED,
    role_end,
    role_end_comma,
    singular,
)
from parley.extract._people_person import Person

__all__ = ["Roles"]


class Roles(Context):
    """Stage 3: each person's roles, with where each was stated."""

    def roles(self) -> None:
        for p in self.people:
            for (s, e), kind in list(p.mentions.items()):
                if kind != "name":
                    continue
                elect = ELECT.search(self.text, max(0, s - 12), s)
                prefix = self.prefix_roles(elect.start() + 1 if elect else s)
                for k, (at, r) in enumerate(prefix):
                    if k == 0 and elect:  # "US President-elect Donald Trump": the title he is to hold
                        self.add_role(p, s, re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", r.group("role").strip()) + "-elect")
                    else:
                        self.add_role(p, s, r)
                    if k == 0:  # "Russian President Vladimir Putin" is a titled mention of him
                        p.add(at, e, "titled")
                if not prefix and re.match(r"\s*[,.;]", self.text[e:e + 3]):
                    r = self.comma_role(s)  # "His foreign minister, Fuad Hussein, said"
                    if r:
                        self.add_role(p, s, r)
                m = self.L.appos_re.match(self.text, e)
                if m:
                    self.add_role(p, e, m)
                g = GROUP_LED.search(self.text[max(0, s - 120):s])
                if g:
                    self.add_role(p, s, singular(g.group(1), p.gender))
        self.distributive()
        self.plural_titles()
        self.counterparts()

    def comma_role(self, s: int):
        lo = max(self.para_of(s)[0], s - 300)
        m = role_end_comma(self.L).search(self.text[lo:s])
        if not m or (m.group("comp") and m.group("comp").split()[-1] in FUNCTION_WORDS):
            return None
        before = self.text[max(lo, lo + m.start() - 40):lo + m.start()]
        # the role opens a clause or follows a possessive: "His foreign minister, X", "South Africa's Minister of ..., X"
        if not re.search(r"(?:^|[.!?;:]\s+|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he)\s+|['’]s?\s+)\Z", before):
            return None
        return m

    def counterparts(self) -> None:
        """"Modi and his Japanese counterpart Fumio Kishida": the counterpart holds the other's title."""
        for p in self.people:
            for (s, e), kind in list(p.mentions.items()):
                if kind != "name":
                    continue
                c = COUNTERPART.search(self.text, max(self.para_of(s)[0], s - 60), s)
                if not c or c.group("hon") and c.group("hon").lower() not in self.L.honorifics | self.L.titles:
                    continue
                lo = self.para_of(s)[0]
                others = [(a, q) for q in self.people if q is not p for (a, _), k in q.mentions.items()
                          if lo <= a < c.start() and k in ("name", "titled")]
                if not others:
                    continue
                other = max(others, key=lambda x: x[0])[1]
                for _, r in sorted(other.roles):
                    t = self.L.title_re.search(r)
                    if t and t.group("title").lower() in self.L.titles:
                        title = t.group("title")
                        norp = c.group("norp")
                        country = norp and (self.L.demonym_country.get(norp.lower())
                                            or (norp if norp.lower() in self.L.countries else None))
                        if country:  # "his Bangladeshi counterpart", "his Bangladesh counterpart"
                            p.roles.append((s, f"{norp} {title}"))
                            p.roles.append((s, f"{title} of {country}"))
                        else:
                            p.roles.append((s, title))
                        break

    def prefix_roles(self, s: int) -> list[tuple[int, re.Match]]:
        """The titles before the name at s, nearest last; s may also be the space that stands for "-elect"."""
        lo = max(self.para_of(s)[0], s - 300)
        out, end, comma = [], s, False
        hon = re.search(r"(?<![\w.])([A-Z][a-z]{1,4})\.?[ \t]+\Z", self.text[lo:s])
        if hon and hon.group(1).lower() in self.L.honorifics:  # "Health Minister Dr Joe Phaahla"
            end = lo + hon.start() + 1 if self.text[lo + hon.start()] == " " else lo + hon.start()
        adjacent = True
        while True:
            window = self.text[lo:end]
            if end == s and self.text.startswith("-elect", s - 1):
                window = self.text[lo:end - 1] + " "
            m = role_end(self.L).search(window) if adjacent else None
            if m is None and comma:
                m = role_end_comma(self.L).search(window)
            if not m:
                break
            inner = [b for a, b in self.taken if lo + m.start("role") <= a and b <= end]
            if inner:  # "President of Kazakhstan X and President of China Y": no role runs over another name
                lo = max(inner)
                continue
            out.append((lo + m.start("role"), m))
            end = lo + m.start("role")
            # "Saudi Foreign Minister Prince Faisal": a one-word title may follow another one directly
            adjacent = len(m.group("role").split()) == 1 and not comma
            comma = True
        return out

    def add_role(self, p: Person, pos: int, m) -> None:
        if isinstance(m, str):
            p.roles.append((pos, m))
            return
        role = m.group("role").strip().rstrip(",")
        role = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", role)
        norp = m.group("norp")
        title = m.group("title")
        p.roles.append((pos, role))
        if norp:
            country = self.L.demonym_country.get(norp.lower())
            if country and role.strip() == f"{norp} {title}":
                p.roles.append((pos, f"{title} of {country}"))
        # a nationality inside the organisation ("member of the Azerbaijani Milli Majlis ...") as "... of Azerbaijan"
        inner = re.search(r"\b(?:the\s+)?([A-Z][a-z]+)\s+(?=[A-Z])", role[len(title):] if title else role)
        if inner and inner.group(1).lower() in self.L.demonym_country and not norp:
            country = self.L.demonym_country[inner.group(1).lower()]
            plain = role.replace(inner.group(1) + " ", "", 1)
            p.roles.append((pos, f"{plain} of {country}"))
        low = role.lower()
        if FEMALE_ROLE.search(low):
            p.gender = p.gender or "f"

    def plural_titles(self) -> None:
        """"former prime ministers Scott Morrison and Jacinda Ardern": a plural title before two names joined by
        "and" is each one's title."""
        at_start = {a: q for q in self.people for (a, _), k in q.mentions.items() if k == "name"}
        for p in self.people:
            for (s, e), kind in list(p.mentions.items()):
                nxt = re.match(r"[ \t]+and[ \t]+(?:([A-Z][a-z]{1,4})\.?[ \t]+)?", self.text[e:e + 20])
                if kind != "name" or not nxt or nxt.group(1) and nxt.group(1).lower() not in self.L.honorifics:
                    continue
                q = at_start.get(e + nxt.end())
                lo = max(self.para_of(s)[0], s - 200)
                plural = re.search(r"[a-z]s[ \t]+\Z", self.text[lo:s])
                if q is None or q is p or not plural:
                    continue
                m = role_end(self.L).search(self.text[lo:lo + plural.start() + 1] + " ")
                if m and m.group("title").lower().split()[-1] in self.L.titles and not m.group("comp"):
                    role = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", m.group("role").strip())
                    p.roles.append((s, role))
                    q.roles.append((e + nxt.end(), role))

    def distributive(self) -> None:
        """"the presidents of Russia and Azerbaijan, Vladimir Putin and Ilham Aliyev": each gets one title."""
        for m in distrib(self.L).finditer(self.text):
            names = [m.start("n1"), m.start("n2")]
            title = m.group("title")
            if title.lower() not in self.L.titles:
                title = title.split()[-1]
                if title.lower() not in self.L.titles:
                    continue
            for pos, country in zip(names, (m.group("c1"), m.group("c2"))):
                for p in self.people:
                    if any(a == pos for a, _ in p.mentions):
                        p.roles.append((pos, f"{title[:1].upper()}{title[1:]} of {country}"))

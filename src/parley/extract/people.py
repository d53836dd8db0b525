"""People (one canonical entity per person per article, with roles and every mention) and other named entities.

The stages, in order:
    1. candidates   spaCy's entities, corrected by rules (place/demonym lexicons, role titles before a name,
                    given names, reporting verbs after), plus initial forms ("H. Mammadov") the model misses;
                    sources, venues and capitals in other spellings are no person (_people_evidence)
    2. clusters     full names first, one cluster per person (spelling variants fold together; "Jr", "II" are no
                    surname); kin introduced as "X's father Y"; then single names to the most recent full-named
                    person with that surname, unless the article used the surname alone paragraphs before that
                    person came in (then it is a person of its own)
    3. roles        titles before a name ("Russian President Vladimir Putin"), chained with commas
                    ("Chairman of the X Party, MP Y"), appositions ("Y, a member of the Z Committee, said"),
                    never running over another name ("President of A X and President of B Y"); "-elect" kept;
                    plural titles ("former prime ministers X and Y"); counterparts ("Greek counterpart Y")
    4. role phrases "the writer", "the Russian leader", "the head of state" -> the person holding that role
    5. pronouns     he/she/his/her -> the most recent person who is a subject, outside quoted speech, and of
                    that sentence's subjects the main clause's ("He said Trump had asked ..." -> he, not Trump)
    6. the rest     ORG, GPE, LOC, FAC, NORP, EVENT, LAW merged by name

Each stage is a module of its own (_people_candidates, _people_clusters, _people_roles, _people_phrases,
_people_pronouns) over the shared state and look-ups of _people_context; this one joins them and assembles the
entities.
"""

from __future__ import annotations

import re

from parley.extract._people_candidates import Candidates
from parley.extract._people_clusters import Clusters
from parley.extract._people_phrases import RolePhrases
from parley.extract._people_pronouns import Pronouns
from parley.extract._people_roles import Roles
from parley.extract._quotemarks import inside
from parley.models import Entity, Mention

__all__ = ["extract_entities"]


def extract_entities(doc) -> tuple[Entity, ...]:
    return _Extractor(doc).run()


class _Extractor(Candidates, Clusters, Roles, RolePhrases, Pronouns):
    """The five stages over one article, then the entities they found."""

    # ---- 6. assemble -----------------------------------------------------------------------------------------
    def run(self) -> tuple[Entity, ...]:
        self.cluster(self.candidates())
        self.roles()
        self.role_phrases()
        self.pronouns()
        text = self.text
        people = [p for p in self.people if p.mentions]
        for p in people:
            if p.first and p.first.endswith("."):
                p.name = f"{p.first} {p.last}"
        people.sort(key=lambda p: p.start)
        out, n = [], 0
        for p in people:
            n += 1
            mentions = tuple(Mention(s, e, text[s:e]) for s, e in sorted(p.mentions))
            out.append(Entity(id=f"e{n}", name=p.name, type="PERSON", roles=tuple(p.role_list()), mentions=mentions))
        person_spans = sorted(se for p in people for se in p.mentions)
        groups: dict[str, list] = {}
        order = []
        for s, e, label in sorted(self.others):
            if inside(person_spans, s):
                continue
            name = re.sub(r"^[Tt]he\s+", "", text[s:e]).strip()
            name = re.sub(r"['’]s?$", "", name)
            if not name:
                continue
            key = name.lower()
            if key not in groups:
                groups[key] = []
                order.append(key)
            groups[key].append((s, e, label, name))
        for key in order:
            items = groups[key]
            label = self.other_label(key, items)
            n += 1
            out.append(Entity(id=f"e{n}", name=items[0][3], type=label, roles=(),
                              mentions=tuple(Mention(s, e, text[s:e]) for s, e, _, _ in items)))
        return tuple(out)

    def other_label(self, key: str, items) -> str:
        if key in self.L.demonym_country or key.rstrip("s") in self.L.demonym_country:
            return "NORP"
        if key in self.L.countries:
            return "GPE"
        counts: dict[str, int] = {}
        for _, _, label, _ in items:
            counts[label] = counts.get(label, 0) + 1
        return max(sorted(counts), key=lambda k: counts[k])

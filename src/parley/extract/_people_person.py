"""One person of an article while it is being extracted: the name, gender, roles with where each was stated,
and every mention with its kind (name, titled, role, pronoun).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parley.extract._lexicons import fold
from parley.extract._people_patterns import HYPHEN_PARTICLE, PARTICLES

__all__ = ["Person"]


@dataclass
class Person:
    first: str | None
    last: str
    name: str
    start: int  # first mention
    derived: bool = False  # introduced only through a relative ("X's father Y"): never gets bare-surname mentions
    gender: str | None = None
    roles: list[tuple[int, str]] = field(default_factory=list)  # (offset where stated, role)
    mentions: dict[tuple[int, int], str] = field(default_factory=dict)  # (start, end) -> kind: name|role|pronoun
    words: tuple[str, ...] = ()  # the words of the full name, particles included

    def word_keys(self) -> set[str]:
        """Folded words of the full name a bare mention may use, in any position (Xi Jinping -> Xi, Kim Jong Un
        -> Kim, Abdel Fattah al-Sisi -> Sisi); particles and initials are not names on their own."""
        out = set()
        for w in self.words:
            if w.lower() in PARTICLES or len(w.rstrip(".")) < 2:
                continue
            out.add(fold(w))
            if HYPHEN_PARTICLE.match(w):
                out.add(fold(HYPHEN_PARTICLE.sub("", w)))
        return out

    def surname_keys(self) -> set[str]:
        return {fold(self.last), fold(HYPHEN_PARTICLE.sub("", self.last))}

    def add(self, s: int, e: int, kind: str = "name") -> None:
        self.mentions.setdefault((s, e), kind)
        self.start = min(self.start, s)

    def role_list(self) -> list[str]:
        seen, out = set(), []
        for _, r in sorted(self.roles):
            if r.lower() not in seen:
                seen.add(r.lower())
                out.append(r)
        return out

"""The cue verbs of reported speech, read once: the shared reporting verbs (nlp/data/reporting_verbs.txt, which
events also read) plus the cues only quotes use (nlp/data/quote_cues.txt: speech acts such as "urge", "call for",
"criticize"). Both files have one lemma a line, with the words that must follow it ("call for") and "+obj" when
its direct object is the reported content ("criticized the plan"); "@document" marks a cue that reports only
when its subject is a document ("the poll shows that ...", "a study found ...", not "he showed his papers"), and
"@naming" a verb that reports only as it names something ("called the plan a disaster", not "called Marcos").

Each cue also has a kind (``cue_kind``): speech, document, stance or belief, from nlp/data/quote_cue_kinds.txt
(PolNeAR's sense of attribution, which counts what a source thinks or takes a side on beside what it says), or
account: an organisation's account of the story's facts, its content before the cue ("The two met in Lima, the
ministry said.", "..., according to the ministry"), which news reports as the channel of the news, not as anyone's
quote (``account_kind``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from parley.nlp import lexicon

__all__ = ["Cues", "cues", "cue_kind", "account_kind", "SPOKEN", "KINDS"]

KINDS = ("speech", "document", "stance", "belief", "account")
SPOKEN = frozenset({"speech", "document"})  # the kinds a user sees as quotes


@dataclass(frozen=True)
class Cues:
    verbs: frozenset[str]  # single-word lemmas
    phrases: dict[str, tuple[tuple[str, ...], ...]]  # lemma -> the word sequences that must follow it, longest first
    obj: frozenset[str]  # lemmas (or phrase heads) whose direct object is the reported content
    document_only: frozenset[str]  # lemmas that are cues only with a document as their subject
    naming: frozenset[str]  # lemmas that are cues only with an object and what it is called: "called him divisive"

    def lemmas(self) -> frozenset[str]:
        return self.verbs | frozenset(self.phrases) | self.naming


@lru_cache(maxsize=1)
def cues() -> Cues:
    verbs, phrases, obj, document, naming = set(), {}, set(), set(), set()
    for name in ("reporting_verbs", "quote_cues"):
        for line in lexicon(name):
            words = line.lower().split()
            if words[-1] == "@document":
                words = words[:-1]
                document.add(words[0])
            if words[-1] == "@naming":
                naming.add(words[0])
                continue
            if words[-1] == "+obj":
                words = words[:-1]
                obj.add(words[0])
            if len(words) == 1:
                verbs.add(words[0])
            else:
                phrases.setdefault(words[0], set()).add(tuple(words[1:]))
    return Cues(frozenset(verbs), {k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()},
                frozenset(obj), frozenset(document), frozenset(naming))


@lru_cache(maxsize=1)
def _senses() -> dict[str, str]:
    out = {}
    for line in lexicon("quote_cue_kinds"):
        kind, _, lemma = line.partition(" ")
        out[lemma.strip().lower()] = kind
    return out


def cue_kind(lemma: str, source_kind: str | None, listed: bool) -> str:
    """The kind of attribution a cue makes: document when its source is a document ("the poll shows"), else the
    sense of its lemma in quote_cue_kinds.txt, else speech for a cue of the lists (``listed``: "said", "urged",
    "according to") and stance for a verb only the learned cue takes ("endorsed", "voted")."""
    if source_kind == "document":
        return "document"
    sense = _senses().get(lemma.lower())
    if sense is not None:
        return sense
    return "speech" if listed else "stance"


def account_kind(kind: str, source_kind: str | None, content_end: int, source_start: int | None) -> bool:
    """Whether reported content is an organisation's account ("The talks covered trade, the ministry said."): no
    words in marks, an organisation source, the content before it. On the news sets these are narration, not quotes
    (news-a: seven such, from four outlets, none of them gold; news-b none); PolNeAR counts them as attributions,
    so they keep their place where every kind is asked for (``kinds=None``)."""
    return kind == "indirect" and source_kind == "organisation" and source_start is not None \
        and source_start >= content_end

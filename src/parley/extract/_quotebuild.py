"""Building a Quote from a content span, its speaker mention and its source as written: marks and edge
punctuation trimmed, never across a line break, the speaker resolved to the record's person or organisation
entity; and which sources not resolved to a person carry reported speech (``speaks_alone``, ``medium_alone``)."""

from __future__ import annotations

import re

from parley.extract._quotelookup import MIN_WORDS_INDIRECT, QUOTE_CHARS
from parley.extract._quotemarks import inside
from parley.extract._quotesources import is_medium
from parley.extract._quotespeakers import Speakers
from parley.models import Entity, Quote, SpeakerMention

__all__ = ["Builder"]

# Kinds of source not resolved to a person that still carry indirect speech ("he said ...", "officials said ...",
# "according to experts", "the poll shows ...", "the ministry said ...", "Kyodo news agency said ..."). An
# organisation speaks through a clause or content before its cue, not through an object ("the ministry announced
# a plan" is its act); a place standing for a government ("Baku and Yerevan said", speaks_alone) and a news medium
# reporting without marks ("the state news agency said", medium_alone: the channel of the news, whose reports the
# real-news gold does not list) are left out. On PolNeAR train (first 150) organisations add 0.008 F1 (all).
_INDIRECT_SOURCES = frozenset({"person", "group", "anonymous", "document", "organisation"})

_OPENS, _CLOSES = "“«", "”»"


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    """[a, b) less the spaces and quote marks at its edges (and commas, semicolons, colons at its end), but a mark
    that pairs with one inside stays ('said A was “a matter of when, not if.”' keeps its closing mark)."""
    while a < b and (text[a].isspace() or text[a] in QUOTE_CHARS) and not _pairs_inside(text[a], text[a + 1:b]):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in QUOTE_CHARS + ",;:") \
            and not _pairs_inside(text[b - 1], text[a:b - 1]):
        b -= 1
    return a, b


def _pairs_inside(mark: str, rest: str) -> bool:
    """Whether the quote mark at an edge of a quote pairs with a mark in the rest of it."""
    if mark == '"':
        return rest.count('"') % 2 == 1
    opens, closes = sum(rest.count(c) for c in _OPENS), sum(rest.count(c) for c in _CLOSES)
    return opens > closes if mark in _CLOSES else closes > opens if mark in _OPENS else False


class Builder(Speakers):
    def make(self, a: int, b: int, kind: str, mention, cue: str | None, source=None) -> Quote | None:
        """The quote text[a:b] (marks and edge punctuation trimmed); `source` is (start, end, kind) of the source
        as written when it is known apart from a person mention."""
        text = self.text
        a, b = _trimmed(text, a, b)
        nl = text.find("\n", a, b)
        if nl >= 0:  # no quote runs across a line or paragraph break
            a, b = _trimmed(text, a, nl)
            if len(text[a:b].split()) < MIN_WORDS_INDIRECT:
                return None
        if b <= a:
            return None
        speaker = speaker_id = role = None
        sm = None
        if source is not None:
            source = (self.after_break(source[0], source[1]), source[1], source[2])
            if mention is None:
                mention = self.named_in_source(source)
            if mention is not None and mention[2] in self.ents:
                source = (source[0], source[1], "person")
        if mention is not None and mention[2] in self.org_ents:
            org = self.org_ents[mention[2]]
            return Quote(text=self.raw[a:b], kind=kind, start=a, end=b, speaker=org.name, speaker_id=org.id, cue=cue,
                         speaker_mention=SpeakerMention(mention[0], mention[1]),
                         source_span=SpeakerMention(source[0], source[1]), source_kind="organisation")
        if mention is not None:
            s, e, eid = mention
            ent = self.ents.get(eid)
            if ent is not None:
                speaker, speaker_id = ent.name, ent.id
                role = self.role_for(ent, text[s:e])
                sm = SpeakerMention(s, e)
        src = src_kind = None
        if source is not None:
            src, src_kind = SpeakerMention(source[0], source[1]), source[2]
        elif sm is not None:
            src, src_kind = sm, "person"
        return Quote(text=self.raw[a:b], kind=kind, start=a, end=b, speaker=speaker, speaker_id=speaker_id, cue=cue,
                     speaker_mention=sm, speaker_role=role, source_span=src, source_kind=src_kind)

    def speaks_alone(self, source) -> bool:
        """Whether an unresolved source carries indirect speech: a person, group, anonymous, document or
        organisation source ("he", "officials", "a spokesman for X", "a new poll", "the ministry"), not a place
        standing for its government ("Oslo and Stockholm said") nor a name the record does not hold as a person."""
        if source is None or source[2] not in _INDIRECT_SOURCES:
            return False
        if self.text[source[0]:source[1]].lower() in ("i", "we", "you"):
            return False  # a speech transcribed without marks: the speaker is the article's, not resolved here
        # a name that the record does not hold as a person ("Kyodo said", "SPA said") is no person's voice
        head = self.doc.char_span(source[0], source[1], alignment_mode="expand")
        if source[2] == "organisation":  # "the ministry said"; not a place ("Baku and Yerevan hint")
            return head is None or head.root.ent_type_ not in ("GPE", "LOC")
        return head is None or head.root.pos_ != "PROPN" or self.covering(head.root.idx) is not None

    @staticmethod
    def role_for(ent: Entity, said: str) -> str | None:
        low = re.sub(r"^(?:the|a|an)\s+", "", said.lower())
        for r in ent.roles:
            if r.lower() == low:
                return r
        return ent.roles[0] if ent.roles else None

    def medium_alone(self, subj, source, kind: str) -> bool:
        """A news medium's own report with no words of anyone in marks ("the state news agency said the two met"):
        the channel of the news, not a voice in it (nlp/data/quote_media.txt). Its words in marks are still a
        quote ('state TV reported that they met to “discuss the agreement”')."""
        return subj is None and kind == "indirect" and source is not None and source[2] == "organisation" \
            and is_medium(self.text[source[0]:source[1]])

    def make_reported(self, start: int, end: int, verb, subj, source) -> Quote | None:
        if len(self.text[start:end].split()) < MIN_WORDS_INDIRECT or inside(self.regions, start):
            return None
        kind = "mixed" if any(ch in self.text[start:end] for ch in QUOTE_CHARS) else "indirect"
        if self.medium_alone(subj, source, kind):
            return None
        return self.make(start, end, kind, subj, verb.text, source)

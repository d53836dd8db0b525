"""The learned attribution cue: a logistic model that scores a verb of the parse as the cue of an attribution the
rules did not find ("they are critical of ...", "Democrats want to ...", "the campaign has endorsed ...").

PolNeAR counts stance and belief as attributions ("support", "want", "be focused on", "decline to"), cues no
word list keeps up with; whether a verb reports is learned instead from what the parse shows around it. A
candidate is a verb with a source subject (extract._quotesources.source_of) and a content span built from its
clause as the rules build it (a that-clause, a complement clause, the object and complements after the verb, or
the clause before "..., he said"); its features are the verb's lemma, the shape of that content, the kind of
subject, tense and the words around (``features``). The weights live in nlp/data/attribution_model.json, written
by ``tools/train_attributions.py`` from PolNeAR train only (a reproducible command: sorted inputs, fixed solver),
and are applied here with plain arithmetic, so run time needs nothing beyond the parse.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Candidate", "Model", "model", "features", "MODEL_FILE"]

MODEL_FILE = "attribution_model.json"
_PRONOUNS = {"he", "she", "they", "we", "i", "you", "it"}


@dataclass(frozen=True)
class Candidate:
    """A verb the model may take as a cue: its token index, the content span it would report and its source (the
    subject phrase; character offsets), the content's shape ("that", "ccomp", "before", "comp:dobj", ...) and the
    features scored."""

    verb: int
    start: int
    end: int
    source: tuple[int, int]
    shape: str
    features: tuple[str, ...]


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float  # the probability at or above which a candidate becomes a quote

    def probability(self, feats: tuple[str, ...]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def model() -> Model | None:
    """The shipped model, or None when the file is absent (the rules then work alone)."""
    try:
        raw = resources.files("parley.nlp").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    d = json.loads(raw)
    return Model({k: float(v) for k, v in d["weights"].items()}, float(d["bias"]), float(d["threshold"]))


def _bucket(n: int) -> str:
    return "1-2" if n <= 2 else "3-5" if n <= 5 else "6-12" if n <= 12 else "13-25" if n <= 25 else "26+"


def features(verb, subj, source_kind: str, shape: str, start: int, end: int, text: str, is_cue: bool,
             in_quote: bool) -> tuple[str, ...]:
    """The features of one candidate: verb `verb` (a Token), its subject token `subj`, the source kind of the
    subject phrase, the content shape, span and `text`, whether the rules' cue list holds the verb, and whether the
    content lies inside a quote the rules already made (nested attributions: "X said Democrats want ...")."""
    doc = verb.doc
    lemma = verb.lemma_.lower()
    words = len(text.split())
    head = verb.head
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    low = subj.lower_
    out = [
        f"lemma={lemma}", f"shape={shape}", f"lemma+shape={lemma}|{shape}", f"kind={source_kind}",
        f"lemma+kind={lemma}|{source_kind}", f"tag={verb.tag_}", f"dep={verb.dep_}", f"len={_bucket(words)}",
        f"shape+kind={shape}|{source_kind}", f"subj_ent={subj.ent_type_ or '-'}",
        f"subj={low if low in _PRONOUNS else subj.pos_}",
    ]
    if is_cue:
        out.append("cue_list")
        out.append(f"cue_list+shape={shape}")
    if in_quote:
        out.append("nested")
        out.append(f"nested+lemma={lemma}")
    if verb.dep_ in ("xcomp", "ccomp", "conj", "advcl") and head.i != verb.i:
        out.append(f"head={head.lemma_.lower()}")
        out.append(f"dep+head={verb.dep_}|{head.lemma_.lower()}")
    for a in aux:
        out.append(f"aux={a.lower_}")
    if any(c.dep_ == "neg" for c in verb.children):
        out.append("neg")
    first = doc.char_span(start, end, alignment_mode="expand") if start > verb.idx else None
    first = first[0] if first is not None and len(first) else None
    if first is not None:
        out.append(f"first={first.lower_ if first.is_stop else first.pos_}")
        out.append(f"lemma+first={lemma}|{first.lower_ if first.is_stop else first.pos_}")
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is not None and nxt.dep_ == "prep":
        out.append(f"lemma+prep={lemma}|{nxt.lower_}")
    if any(ch in text for ch in "\"“”"):
        out.append("marks_in_content")
    return tuple(out)

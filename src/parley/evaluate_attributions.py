"""Scoring attributions (source, cue, content) against PolNeAR-shaped gold.

Gold is JSONL, one article a line (../shared/corpus/polnear/README.md)::

    {"doc_id", "text", "quotes": [{"spans": [[s, e], ...], "is_direct", "speaker", "speaker_span": [s, e] | null}]}

How it is scored:

content     a predicted attribution (parley's quotes that share a source mention, see ``predicted_from``) and a
            gold attribution match when their *overlap* reaches the threshold (0.3 and
            0.8 are reported). Overlap is the Jaccard ratio of the two sets of letter and digit positions, so quote
            marks, a leading "that" boundary of one character or trailing punctuation barely move it. Matching is
            one-to-one, best overlap first. Recall counts gold attributions matched, precision predicted quotes
            matched; "direct" and "indirect" split recall by the gold kind and precision by the predicted kind
            (parley's ``mixed``, a reported clause holding a marked phrase, counts as direct as in PolNeAR), so a
            kind confusion costs neither side twice.
speaker     on the pairs matched at overlap 0.3 whose gold has a ``speaker_span``: *mention* is right when the
            predicted source span (``Quote.source_span``, else ``speaker_mention``) overlaps the gold span;
            *name* is scored only where the gold mention holds a capitalised name word and is right when the
            predicted resolved speaker shares one of those words (PolNeAR's gold is the mention, not an entity).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from parley.errors import GoldError
from parley.models import Quote

__all__ = ["GoldAttribution", "GoldArticle", "Predicted", "AttributionScore", "load_polnear", "predicted_from",
           "overlap", "score_attributions", "THRESHOLDS"]

THRESHOLDS = (0.3, 0.8)
_LEAD_GAP = 4  # characters between a reported lead and its quote: ': "'
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its", "their"}


@dataclass(frozen=True)
class GoldAttribution:
    spans: tuple[tuple[int, int], ...]
    is_direct: bool
    speaker: str | None
    speaker_span: tuple[int, int] | None


@dataclass(frozen=True)
class GoldArticle:
    doc_id: str
    text: str
    attributions: tuple[GoldAttribution, ...]


@dataclass(frozen=True)
class Predicted:
    """What the scorer needs of one extracted quote."""

    spans: tuple[tuple[int, int], ...]
    is_direct: bool
    source_span: tuple[int, int] | None
    speaker: str | None


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0
    matched_predicted: int = 0

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


@dataclass
class Ratio:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class AttributionScore:
    documents: int = 0
    content: dict[tuple[float, str], Counts] = field(default_factory=dict)  # (threshold, all|direct|indirect)
    speaker_mention: Ratio = field(default_factory=Ratio)
    speaker_name: Ratio = field(default_factory=Ratio)
    misses: list[str] = field(default_factory=list)

    def counts(self, threshold: float, kind: str) -> Counts:
        return self.content.setdefault((threshold, kind), Counts())

    def table(self) -> str:
        rows = [f"{'':24}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}"]
        for t in THRESHOLDS:
            for kind in ("all", "direct", "indirect"):
                c = self.counts(t, kind)
                rows.append(f"content@{t:<4} {kind:<10}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}"
                            f"{c.gold:7d}{c.predicted:7d}")
        rows.append(f"speaker (mention span)  {self.speaker_mention.value:7.3f}   of {self.speaker_mention.total}")
        rows.append(f"speaker (resolved name) {self.speaker_name.value:7.3f}   of {self.speaker_name.total}")
        return "\n".join(rows)


def load_polnear(path: Path, limit: int | None = None) -> list[GoldArticle]:
    """The articles of a PolNeAR JSONL file (the first `limit` when given, in file order)."""
    out: list[GoldArticle] = []
    try:
        with Path(path).open(encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if limit is not None and len(out) >= limit:
                    break
                if line.strip():
                    out.append(_article(json.loads(line)))
    except (OSError, json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise GoldError(f"{path}: not PolNeAR JSONL ({exc})") from None
    return out


def _article(d: dict) -> GoldArticle:
    atts = []
    for q in d.get("quotes") or ():
        spans = q.get("spans") or [q["span"]]
        sp = q.get("speaker_span")
        atts.append(GoldAttribution(tuple((int(a), int(b)) for a, b in spans), bool(q.get("is_direct")),
                                    q.get("speaker"), (int(sp[0]), int(sp[1])) if sp else None))
    return GoldArticle(str(d["doc_id"]), d["text"], tuple(atts))


def predicted_from(quotes: Iterable[Quote]) -> list[Predicted]:
    """parley's quotes as attributions: direct quotes that share one source mention (the parts of '"A," she said,
    "B."', the paragraphs of a long quote that continue it) are one attribution with several content spans, as in
    PolNeAR, and so are a reported lead and the quote it runs into ('X said that A: "B"'). A part with a cue of its
    own is not ('"A," she said, adding, "B"': two cues, two attributions), and reported speech is not merged
    otherwise: "X says A but argues that B" is two attributions of one source."""
    out: list[Predicted] = []
    at: dict[tuple[int, int], int] = {}
    cue_of: dict[tuple[int, int], str | None] = {}
    last_end = -1
    for q in quotes:
        src = q.source_span or q.speaker_mention
        key = (src.start, src.end) if src is not None else None
        lead = out and key is not None and out[-1].source_span == key and not out[-1].is_direct \
            and q.kind == "direct" and 0 <= q.start - last_end <= _LEAD_GAP
        last_end = q.end
        # a part with a cue of its own ('"A," she said, adding "B"') is another attribution of the same source
        own_cue = key in cue_of and q.cue is not None and cue_of[key] is not None and q.cue != cue_of[key]
        if lead or (key is not None and key in at and q.kind != "indirect" and not own_cue):
            k = len(out) - 1 if lead else at[key]
            p = out[k]
            out[k] = Predicted(p.spans + ((q.start, q.end),), True, key, p.speaker or q.speaker)
            at[key] = k
            continue
        if key is not None and q.kind == "direct":
            at[key] = len(out)
            cue_of[key] = q.cue
        out.append(Predicted(((q.start, q.end),), q.kind != "indirect", key, q.speaker))
    return out


def _positions(text: str, spans: Sequence[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for a, b in spans for i in range(max(0, a), min(len(text), b)) if text[i].isalnum())


def overlap(text: str, a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> float:
    """Jaccard ratio of the letter and digit positions covered by span lists a and b."""
    pa, pb = _positions(text, a), _positions(text, b)
    union = len(pa | pb)
    return len(pa & pb) / union if union else 0.0


def _pairs(article: GoldArticle, predicted: Sequence[Predicted], threshold: float) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs at or above threshold, best overlap first."""
    cands = []
    for gi, g in enumerate(article.attributions):
        for pi, p in enumerate(predicted):
            o = overlap(article.text, g.spans, p.spans)
            if o >= threshold:
                cands.append((-o, gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


_TITLES = {"the", "a", "an", "mr.", "mrs.", "ms.", "dr.", "sen.", "gov.", "rep."}


def _name_words(text: str, mention: str | None, span: tuple[int, int]) -> set[str]:
    """The capitalised words of a gold mention that are names: not pronouns or titles, and, when the mention opens
    its sentence, its first word only if the article also writes it capitalised inside a sentence."""
    out = set()
    pos = span[0]
    for w in (mention or "").split():
        at = text.find(w, pos, span[1] + 1)
        pos = at + len(w) if at >= 0 else pos
        bare = w.replace("’s", "").replace("'s", "").strip(".,")
        if not bare[:1].isupper() or w.lower() in _PRONOUNS or w.lower() in _TITLES:
            continue
        opens = at >= 0 and (at == 0 or text[:at].rstrip()[-1:] in ".!?\n\"“" or not text[:at].strip())
        if opens and not re.search(r"[a-z,] " + re.escape(bare) + r"\b", text):
            continue
        out.add(bare.lower())
    return out


def score_article(score: AttributionScore, article: GoldArticle, predicted: Sequence[Predicted]) -> None:
    score.documents += 1
    for t in THRESHOLDS:
        pairs = _pairs(article, predicted, t)
        gold_hit = {gi for gi, _ in pairs}
        pred_hit = {pi for _, pi in pairs}
        for kind, want in (("all", None), ("direct", True), ("indirect", False)):
            c = score.counts(t, kind)
            c.gold += sum(1 for g in article.attributions if want is None or g.is_direct == want)
            c.predicted += sum(1 for p in predicted if want is None or p.is_direct == want)
            c.matched_gold += sum(1 for gi in gold_hit if want is None or article.attributions[gi].is_direct == want)
            c.matched_predicted += sum(1 for pi in pred_hit if want is None or predicted[pi].is_direct == want)
        if t == THRESHOLDS[0]:
            _score_speakers(score, article, predicted, pairs)
            for gi, g in enumerate(article.attributions):
                if gi not in gold_hit:
                    a, b = g.spans[0]
                    score.misses.append(f"{article.doc_id}: missed {'direct' if g.is_direct else 'indirect'} "
                                        f"[{a}:{b}] (speaker {g.speaker!r})")


def _score_speakers(score, article, predicted, pairs) -> None:
    for gi, pi in pairs:
        g, p = article.attributions[gi], predicted[pi]
        if g.speaker_span is None:
            continue
        score.speaker_mention.total += 1
        if p.source_span is not None and p.source_span[0] < g.speaker_span[1] and g.speaker_span[0] < p.source_span[1]:
            score.speaker_mention.right += 1
        words = _name_words(article.text, g.speaker, g.speaker_span)
        if words:
            score.speaker_name.total += 1
            if words & {w.strip(".,").lower() for w in (p.speaker or "").split()}:
                score.speaker_name.right += 1


def score_attributions(articles: Sequence[GoldArticle],
                       predictions: Sequence[Sequence[Predicted]]) -> AttributionScore:
    """Scores of predictions[i] against articles[i], summed over the articles."""
    score = AttributionScore()
    for article, predicted in zip(articles, predictions, strict=True):
        score_article(score, article, predicted)
    return score

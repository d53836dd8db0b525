"""Train the learned attribution cue (parley.extract._quotemodel) on PolNeAR train and write its weights.

    python tools/train_attributions.py [--cache DIR] [--out src/parley/nlp/data/attribution_model.json]

Reads ``../shared/corpus/polnear/train.jsonl`` (or $PARLEY_SHARED/corpus/polnear; dev is never read). For each
article it runs parley's entities and rule quotes, and takes every candidate cue the rules left (a verb with a
source subject and a content span of its own, ``parley.extract.quotes.attribution_candidates``). A candidate is
positive when its content overlaps (at 0.3, the scorer's ratio) a gold attribution that no rule quote matched and
its source overlaps that attribution's speaker mention (a right content with the wrong speaker is no gain).
A logistic regression (scikit-learn, L2, lbfgs: deterministic for the same input) learns the weights from the
features seen in at least ``--min-count`` candidates; the threshold is the one that gives the best attribution F1
(all, at 0.3) on out-of-fold probabilities (5 folds by article), so it is not tuned on what the model saw.
Articles are read in file order and features sorted, so the same train split gives the same file byte for byte.
``--cache DIR`` keeps the parsed Docs as bench/polnear.py does (the texts stay outside the project).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "parley" / "nlp" / "data" / "attribution_model.json"
FOLDS = 5


def examples(articles, docs):
    """(article index, features, label) of every candidate, and the rule baseline counts (gold, predicted,
    matched) at overlap 0.3."""
    from parley.evaluate_attributions import _pairs, overlap, predicted_from
    from parley.extract.people import extract_entities
    from parley.extract.quotes import attribution_candidates

    rows, gold_n, pred_n, hit_n = [], 0, 0, 0
    for k, (art, doc) in enumerate(zip(articles, docs, strict=True)):
        found, cands = attribution_candidates(doc, extract_entities(doc))
        preds = predicted_from(found)
        matched = {gi for gi, _ in _pairs(art, preds, 0.3)}
        gold_n, pred_n, hit_n = gold_n + len(art.attributions), pred_n + len(preds), hit_n + len(matched)
        left = [g for gi, g in enumerate(art.attributions) if gi not in matched]
        for c in cands:
            label = any(overlap(art.text, g.spans, [(c.start, c.end)]) >= 0.3 and _same_source(g, c.source)
                        for g in left)
            rows.append((k, c.features, int(label), c.start, c.end))
    return rows, (gold_n, pred_n, hit_n)


def _same_source(gold, source: tuple[int, int]) -> bool:
    """Whether the candidate's source overlaps the gold speaker mention (a gold attribution without one: yes)."""
    sp = gold.speaker_span
    return sp is None or (source[0] < sp[1] and sp[0] < source[1])


def matrix(rows, vocab):
    import numpy as np
    from scipy.sparse import csr_matrix

    index = {f: i for i, f in enumerate(vocab)}
    data, cols, ptr = [], [], [0]
    for _, feats, _, _, _ in rows:
        js = sorted({index[f] for f in feats if f in index})
        cols.extend(js)
        data.extend([1.0] * len(js))
        ptr.append(len(cols))
    return csr_matrix((np.array(data), np.array(cols, dtype=np.int64), np.array(ptr, dtype=np.int64)),
                      shape=(len(rows), len(vocab)))


def fit(X, y, c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, solver="lbfgs", max_iter=2000, tol=1e-6).fit(X, y)


def best_threshold(rows, probs, baseline) -> tuple[float, float]:
    """The threshold with the best F1 (all, at 0.3) when every candidate at or above it is added to the rules'
    predictions, one candidate per article and content (the nearly-same content of two candidates counts once)."""
    gold_n, pred_n, hit_n = baseline
    order = sorted(range(len(rows)), key=lambda i: (-probs[i], rows[i][0], rows[i][3]))
    best = (2 * hit_n / (gold_n + pred_n), 1.0)
    tp = fp = 0
    seen: set[tuple[int, int, int]] = set()
    for i in order:
        k, _, label, a, b = rows[i]
        key = (k, a // 20, b // 20)  # near-duplicate content of one article: the first (likeliest) one counts
        if key in seen:
            continue
        seen.add(key)
        tp, fp = tp + label, fp + (1 - label)
        f1 = 2 * (hit_n + tp) / (gold_n + pred_n + tp + fp)
        if f1 > best[0]:
            best = (f1, round(float(probs[i]), 4))
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=None, help="keep parsed Docs here (as bench/polnear.py)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--c", type=float, default=0.3, help="inverse L2 strength")
    ap.add_argument("--limit", type=int, default=None, help="first N train articles (a quick run)")
    args = ap.parse_args(argv)

    import numpy as np

    sys.path.insert(0, str(ROOT / "bench"))
    from polnear import parse, shared  # the same parse and cache as the benchmark

    from parley import nlp as parley_nlp
    from parley.evaluate_attributions import load_polnear

    path = shared() / "corpus" / "polnear" / "train.jsonl"
    if not path.exists():
        print(f"no PolNeAR train split at {path} (set PARLEY_SHARED)", file=sys.stderr)
        return 2
    articles = load_polnear(path, args.limit)
    docs = parse(parley_nlp.load(), [a.text for a in articles], args.cache)
    rows, baseline = examples(articles, docs)
    counts: dict[str, int] = {}
    for _, feats, _, _, _ in rows:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= args.min_count)
    X, y = matrix(rows, vocab), np.array([r[2] for r in rows])
    folds = np.array([r[0] % FOLDS for r in rows])
    oof = np.zeros(len(rows))
    for f in range(FOLDS):
        m = fit(X[folds != f], y[folds != f], args.c)
        oof[folds == f] = m.predict_proba(X[folds == f])[:, 1]
    f1, threshold = best_threshold(rows, oof, baseline)
    final = fit(X, y, args.c)
    weights = {f: round(float(w), 4) for f, w in zip(vocab, final.coef_[0], strict=True) if round(float(w), 4)}
    out = {
        "about": "learned attribution cue for parley.extract._quotemodel: logistic weights over candidate features",
        "command": "python tools/train_attributions.py" + (f" --limit {args.limit}" if args.limit else ""),
        "trained_on": f"PolNeAR train ({len(articles)} articles, {len(rows)} candidates, {int(y.sum())} positive)",
        "c": args.c, "min_count": args.min_count,
        "out_of_fold_f1_all": round(f1, 4),
        "bias": round(float(final.intercept_[0]), 4), "threshold": threshold, "weights": weights,
    }
    args.out.write_text(json.dumps(out, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(rows)} candidates ({int(y.sum())} positive), {len(weights)} weights; rules alone F1 "
          f"{2 * baseline[2] / (baseline[0] + baseline[1]):.3f}, with the model (out of fold) {f1:.3f} at "
          f"threshold {threshold}; wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

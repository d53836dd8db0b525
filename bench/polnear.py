"""Who said what on PolNeAR: parley's quotes scored as attributions (source, cue, content).

    python bench/polnear.py [--split dev|train] [--limit N] [--cache DIR] [--rules] [--json]

Reads ``../shared/corpus/polnear/{split}.jsonl`` (or $PARLEY_SHARED/corpus/polnear), runs parley's entity and
quote extraction over each text and prints one table: content P/R/F1 at overlap 0.3 and 0.8, all, direct and
indirect, then speaker accuracy by mention span and by resolved name (parley.evaluate_attributions says how).
``--limit N`` takes the first N articles in file order (the tuning sample on train is ``--limit 150``).
``--cache DIR`` keeps the parsed Docs (spaCy DocBin) so reruns skip parsing; the texts stay outside the project.
Every cue kind counts (speech, document, stance, belief: ``kinds=None``), as PolNeAR's guidelines count
attributions, and so, as in ``extract_quotes(doc, entities, kinds=None)``, the learned attribution cue
(parley.extract._quotemodel, trained by tools/train_attributions.py on train only) works beside the rules;
``--rules`` scores the rules alone (``--learned``, the default, is kept for older command lines).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared() -> Path:
    env = os.environ.get("PARLEY_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def parse(nlp, texts: list[str], cache: Path | None):
    from spacy.tokens import DocBin

    key = hashlib.sha1(("\0".join(texts) + nlp.meta.get("version", "")).encode()).hexdigest()[:16]
    path = cache / f"polnear-{key}.spacy" if cache else None
    if path is not None and path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=16))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=True, docs=docs).to_disk(path)
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--learned", action="store_true", help="the learned attribution cue beside the rules (the default)")
    ap.add_argument("--rules", action="store_true", help="the rules alone, without the learned attribution cue")
    ap.add_argument("--misses", type=int, default=0, help="print the first N missed gold attributions")
    args = ap.parse_args(argv)

    from parley import nlp as parley_nlp
    from parley.evaluate_attributions import load_polnear, predicted_from, score_attributions
    from parley.extract.people import extract_entities
    from parley.extract.quotes import extract_quotes

    path = shared() / "corpus" / "polnear" / f"{args.split}.jsonl"
    if not path.exists():
        print(f"no PolNeAR split at {path} (set PARLEY_SHARED)", file=sys.stderr)
        return 2
    articles = load_polnear(path, args.limit)
    nlp = parley_nlp.load()
    docs = parse(nlp, [a.text for a in articles], args.cache)
    predictions = []
    for doc in docs:
        entities = extract_entities(doc)
        predictions.append(predicted_from(extract_quotes(doc, entities, learned=not args.rules, kinds=None)))
    score = score_attributions(articles, predictions)
    label = f"PolNeAR {args.split}" + (f", first {args.limit}" if args.limit else "") \
        + f" ({score.documents} articles)" + (", rules" if args.rules else ", rules and learned cue")
    if args.json:
        print(json.dumps({"label": label, "content": {f"{t}/{k}": vars(c) | {"f1": c.f1}
                                                      for (t, k), c in score.content.items()},
                          "speaker_mention": score.speaker_mention.value, "speaker_name": score.speaker_name.value}))
    else:
        print(label)
        print(score.table())
    for line in score.misses[:args.misses]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())

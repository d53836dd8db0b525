"""Issue 16, duplicates at size: an ingest finds a stored near-duplicate through the MinHash band keys the store
keeps (dup_bands), never by loading every stored signature, and marks it as the full index would."""

from __future__ import annotations

from pathlib import Path

from parley import pipeline
from parley.ingest.dedup import DuplicateIndex, mark_duplicates
from parley.models import Article
from parley.store import Store

STORY = (
    "ANKARA - Turkish Foreign Minister Hakan Fidan met his Hungarian counterpart Peter Szijjarto in Ankara on "
    "Tuesday to discuss energy transit, the war in Ukraine and a planned visit by Hungary's prime minister.\n\n"
    "The two ministers signed a memorandum on natural gas supplies routed through the TurkStream pipeline, "
    "according to a statement from the Turkish foreign ministry.\n\n"
    "Szijjarto told reporters that Hungary counts on Turkish support to keep gas flowing through the winter, "
    "while Fidan said the two countries would hold a high-level strategic council meeting later this year."
)
REPOST = STORY.replace("ANKARA - ", "") + "\n\nThis story was first published by our partner agency."
OTHER = (
    "NAIROBI - Kenyan President William Ruto received Ethiopian Prime Minister Abiy Ahmed at State House on "
    "Monday for talks on regional security, trade and the Lamu port corridor, officials said.\n\n"
    "The leaders agreed to speed up construction of the road linking Isiolo to Moyale, Ruto's office said."
)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_repost_in_a_later_ingest_is_found_through_the_band_keys(tmp_path, monkeypatch):
    first = _write(tmp_path, "story.txt", STORY)
    other = _write(tmp_path, "other.txt", OTHER)
    repost = _write(tmp_path, "repost.txt", REPOST)
    with Store(tmp_path / "d.duckdb") as store:
        pipeline.ingest([first, other], store)
        assert store.con.execute("SELECT count(DISTINCT article_id) FROM dup_bands").fetchone()[0] == 2

        def every_signature():
            raise AssertionError("an ingest loaded every stored signature")

        monkeypatch.setattr(store, "signatures", every_signature)
        report = pipeline.ingest([repost], store)
        assert report.added == 1 and report.duplicates == 1
        (added,) = [a for a in store.articles() if a.source.endswith("repost.txt")]
        (original,) = [a for a in store.articles() if a.source.endswith("story.txt")]
        assert added.duplicate_of == original.id


def test_the_band_lookup_marks_what_the_whole_index_marks():
    articles = [Article(id=f"a{k}", source=f"{k}.txt", text=t)
                for k, t in enumerate([STORY, OTHER, REPOST, OTHER + "\n\nAll rights reserved."])]
    whole = DuplicateIndex()
    for a in articles[:2]:
        whole.add(a.id, a.text)
    expected = mark_duplicates(articles[2:], whole)

    stored = DuplicateIndex()
    rows = {a.id: (k, stored.signature_bytes(a.text)) for k, a in enumerate(articles[:2])}
    bands = {(b, key): aid for aid, (_, sig) in rows.items() for b, key in stored.band_keys(sig)}
    asked = []

    def lookup(keys):
        asked.extend(keys)
        found = sorted({bands[k] for k in keys if k in bands})
        return [(aid, rows[aid][0], rows[aid][1]) for aid in found]

    got = mark_duplicates(articles[2:], DuplicateIndex(), lookup)
    assert [a.duplicate_of for a in got] == [a.duplicate_of for a in expected] == ["a0", "a1"]
    assert len(asked) == 2 * DuplicateIndex()._lsh.b  # one lookup of every band of both new articles

"""Search index behaviour on small stores written directly (no spaCy), and the search/ask CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from parley.errors import QueryError
from parley.models import Amount, Article, Entity, Event, EventDate, Evidence, Mention, Quote, Record
from parley.search import ask, search, update_index
from parley.search.index import read_manifest
from parley.store import Store

TEXT_A = (
    "Chancellor Anna Berg met Prime Minister Tomas Varga in Vienna on March 3.\n\n"
    "The two leaders discussed gas pipelines and border controls. "
    "\"We agreed to double the capacity of the interconnector,\" Berg said. "
    "Bilateral trade reached 12 billion euros last year."
)
TEXT_B = (
    "Prime Minister Tomas Varga visited Warsaw to discuss grain exports. "
    "Polish farmers protested against cheap imports during the visit. "
    "Varga told reporters that the grain corridor would stay open."
)
TEXT_C = "Fishing quotas in the Baltic were cut again, the ministry said. Trawler owners called the decision unfair."


def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1] in " \n"):
            end = i + 1
            if text[start:end].startswith('"') is False and text[start:end].strip():
                pass
            s = start
            while text[s] in " \n":
                s += 1
            out.append((s, end))
            start = end
    return tuple(out)


def _span(text: str, snippet: str) -> tuple[int, int]:
    start = text.index(snippet)
    return start, start + len(snippet)


def _record_a() -> Record:
    art = Article(id="a" * 16, source="a.txt", text=TEXT_A, title="Berg meets Varga", outlet="Danube Post",
                  published="2024-03-03")
    s, e = _span(TEXT_A, "Chancellor Anna Berg met Prime Minister Tomas Varga in Vienna on March 3.")
    ts, te = _span(TEXT_A, "The two leaders discussed gas pipelines and border controls.")
    qs, qe = _span(TEXT_A, "We agreed to double the capacity of the interconnector,")
    ms, me = _span(TEXT_A, "12 billion euros")
    return Record(
        article=art,
        sentences=_sentences(TEXT_A),
        entities=(
            Entity("e1", "Anna Berg", "PERSON", ("Chancellor",), (Mention(11, 20, "Anna Berg"),)),
            Entity("e2", "Tomas Varga", "PERSON", ("Prime Minister",), (Mention(40, 51, "Tomas Varga"),)),
            Entity("e3", "Vienna", "GPE"),
        ),
        quotes=(Quote(text=TEXT_A[qs:qe], kind="direct", start=qs, end=qe, speaker="Anna Berg", speaker_id="e1",
                      cue="said"),),
        events=(Event(id="ev1", type="meeting", participants=("Anna Berg", "Tomas Varga"), location="Vienna",
                      date=EventDate("2024-03-03", "March 3"), topics=("gas pipelines", "border controls"),
                      evidence=(Evidence(s, e),), topic_evidence=(Evidence(ts, te),)),),
        amounts=(Amount(value=12e9, unit="EUR", text="12 billion euros", start=ms, end=me, object="bilateral trade"),),
    )


def _record_b() -> Record:
    art = Article(id="b" * 16, source="b.txt", text=TEXT_B, title="Varga in Warsaw", outlet="Vistula Daily",
                  published="2024-05-10")
    s, e = _span(TEXT_B, "Prime Minister Tomas Varga visited Warsaw to discuss grain exports.")
    return Record(
        article=art, sentences=_sentences(TEXT_B),
        entities=(Entity("e1", "Tomas Varga", "PERSON"), Entity("e2", "Warsaw", "GPE")),
        events=(Event(id="ev1", type="visit", participants=("Tomas Varga",), location="Warsaw",
                      date=EventDate(None), topics=("grain exports",), evidence=(Evidence(s, e),),
                      topic_evidence=(Evidence(s, e),)),),
    )


def _record_c() -> Record:
    art = Article(id="c" * 16, source="c.txt", text=TEXT_C, title="Quotas cut", outlet="Danube Post",
                  published="2023-11-20")
    return Record(article=art, sentences=_sentences(TEXT_C))


@pytest.fixture()
def small_store(tmp_path):
    with Store(tmp_path / "small.duckdb") as store:
        store.write_records([_record_a(), _record_b()])
        store.replace_corpus(people=[], timeline=[], conflicts=[])
        update_index(store)
        yield store


def _assert_cites_resolve(store, answer) -> None:
    for part in answer.parts:
        assert part.citations, part
        for c in part.citations:
            assert store.article(c.article_id).text[c.start:c.end] == c.text


def test_search_returns_verbatim_sentences_best_first(small_store):
    hits = search(small_store, "grain exports corridor", limit=3)
    assert hits, "expected hits"
    assert hits[0].article_id == "b" * 16
    assert "grain" in hits[0].text
    for h in hits:
        assert small_store.article(h.article_id).text[h.start:h.end] == h.text
        assert h.title and h.outlet and h.published
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_search_filters_by_outlet_and_dates(small_store):
    assert all(h.outlet == "Danube Post" for h in search(small_store, "Varga", outlet="danube"))
    assert all(h.published >= "2024-04" for h in search(small_store, "Varga", since="2024-04"))
    early = search(small_store, "grain", until="2024-03-31")
    assert all(h.published <= "2024-03-31" and "grain" not in h.text for h in early)
    with pytest.raises(QueryError):
        search(small_store, "grain", since="last week")
    with pytest.raises(QueryError):
        search(small_store, "   ")


def test_index_is_updated_incrementally_not_rebuilt(small_store):
    index_dir = small_store.index_dir
    before = read_manifest(index_dir)
    assert before["articles"] == 2
    assert not [h for h in search(small_store, "fishing quotas trawler") if h.article_id == "c" * 16]
    small_store.write_records([_record_c()])
    assert update_index(small_store) == 1
    after = read_manifest(index_dir)
    assert after["segments"][: len(before["segments"])] == before["segments"]  # old segments kept as they were
    assert len(after["segments"]) == len(before["segments"]) + 1
    assert search(small_store, "fishing quotas trawler")[0].article_id == "c" * 16
    assert update_index(small_store) == 0  # nothing new: nothing rebuilt


def test_search_indexes_articles_stored_after_the_last_update(small_store):
    small_store.write_records([_record_c()])  # no update_index call: search notices the store grew
    assert search(small_store, "Baltic trawler")[0].article_id == "c" * 16


def test_ask_meeting_from_events(small_store):
    answer = ask(small_store, "When did Berg and Varga meet?")
    assert answer.answered and answer.kind == "meeting"
    assert "2024-03-03" in answer.parts[0].text and "Vienna" in answer.parts[0].text
    assert "met Prime Minister Tomas Varga in Vienna" in answer.parts[0].citations[0].text
    _assert_cites_resolve(small_store, answer)


def test_ask_agenda_cites_topic_evidence(small_store):
    answer = ask(small_store, "What did Berg and Varga discuss in Vienna?")
    assert answer.answered and answer.kind == "agenda"
    cited = " ".join(c.text for p in answer.parts for c in p.citations)
    assert "gas pipelines and border controls" in cited
    assert "grain" not in cited  # the Warsaw visit is another event
    _assert_cites_resolve(small_store, answer)


def test_ask_quote_keeps_the_extracted_speaker(small_store):
    answer = ask(small_store, "What did Berg say about the interconnector?")
    assert answer.answered and answer.kind == "quote"
    assert answer.parts[0].text.startswith("Anna Berg")
    assert "double the capacity" in answer.parts[0].citations[0].text
    # Varga is not the speaker of any quote: no quote may be attributed to him
    answer = ask(small_store, "What did Varga say about the interconnector?")
    assert not answer.answered
    _assert_cites_resolve(small_store, answer)


def test_ask_figure_and_unknowns(small_store):
    answer = ask(small_store, "How much was bilateral trade worth?")
    assert answer.answered and answer.kind == "figure"
    assert "12 billion euros" in answer.parts[0].citations[0].text
    _assert_cites_resolve(small_store, answer)
    for question in ("When did Varga visit Lisbon?", "What did Macron say about grain?",
                     "How much did the new submarine fleet cost?"):
        answer = ask(small_store, question)
        assert not answer.answered, (question, answer)
        assert "does not say" in answer.note


def test_ask_respects_filters(small_store):
    assert ask(small_store, "When did Varga visit Warsaw?").answered
    assert not ask(small_store, "When did Varga visit Warsaw?", until="2024-04-01").answered


def test_cli_search_and_ask(small_store, tmp_path):
    from parley.cli.main import app

    db = str(small_store.path)
    small_store.close()
    runner = CliRunner()
    result = runner.invoke(app, ["search", "grain exports", "--db", db, "--json", "--limit", "2"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert len(hits) <= 2 and "grain" in hits[0]["text"]
    result = runner.invoke(app, ["ask", "When did Berg and Varga meet?", "--db", db])
    assert result.exit_code == 0, result.output
    assert "Vienna" in result.stdout and "Danube Post" in result.stdout
    result = runner.invoke(app, ["ask", "When did Varga visit Lisbon?", "--db", db, "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["answered"] is False
    result = runner.invoke(app, ["search", "grain", "--db", db, "--since", "yesterday"])
    assert result.exit_code == 2
    result = runner.invoke(app, ["search", "grain", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 1

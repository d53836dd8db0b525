"""`parley eval` on the real-news gold format (../shared/gold/README.md, "Real-news development sets").

The gold files here are written by the tests themselves: small hand-built records for the scoring rules
(participants_accept, accept_locations, accept_status, location_null_ok, timeline.uncertain, disagreements,
claims), a two-article corpus run through the real pipeline for sources.json and the questions, and, when
../shared is there, one run of the real eval on news-a (no floors on its figures: other issues tune them).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.evaluate import EvalReport, Score, combine, evaluate_gold, score_records
from parley.evaluate_news import load_sources, locate, with_source
from parley.models import Article, Event, EventDate, Record

ROOT = Path(__file__).resolve().parents[1]
from _paths import SHARED  # noqa: E402


# -- hand-built records ----------------------------------------------------------------------------------

def _record(name: str, text: str = "", events=(), claims=()) -> Record:
    return Record(article=Article(id=f"id-{name}", source=f"/corpus/{name}", text=text), events=tuple(events),
                  claims=tuple(claims))


def _event(kind: str, participants, location=None, date=None, status="occurred", timeline_id=None) -> Event:
    return Event(id=f"ev-{kind}-{location}", type=kind, participants=tuple(participants), location=location,
                 date=EventDate(date) if date else None, status=status, timeline_id=timeline_id)


def _gold_event(key: str, kind: str, participants, location=None, **extra) -> dict:
    return {"key": key, "type": kind, "participants": list(participants), "location": location, "date": None,
            "status": "occurred", **extra}


def _score(events_gold, events_predicted):
    gold = {"documents": [{"file": "a.txt", "events": events_gold}]}
    return score_records(gold, {"a.txt": _record("a.txt", events=events_predicted)})


def test_participants_accept_is_matched_by_the_alternative_set():
    gold = [_gold_event("irsa-deal", "agreement", [], "Beijing", participants_accept=[["Iran", "Saudi Arabia"]])]
    report = _score(gold, [_event("agreement", ["Iran", "Saudi Arabia"], "Beijing")])
    assert report.scores["events.found"].matched == 1
    assert report.scores["events"].matched == 1, report.misses


def test_an_empty_participant_list_with_accept_sets_does_not_match_any_event():
    gold = [_gold_event("irsa-deal", "agreement", [], "Beijing", participants_accept=[["Iran", "Saudi Arabia"]])]
    report = _score(gold, [_event("agreement", ["China", "Iran"], "Beijing")])
    assert report.scores["events.found"].matched == 0
    assert any("event not found: irsa-deal" in m and "Iran, Saudi Arabia" in m for m in report.misses)


def test_participants_and_accept_sets_are_alternatives():
    gold = [_gold_event("deal", "agreement", ["Narendra Modi", "Sheikh Hasina"], "New Delhi",
                        participants_accept=[["Narendra Modi", "Sheikh Hasina"], ["India", "Bangladesh"]])]
    assert _score(gold, [_event("agreement", ["Narendra Modi", "Sheikh Hasina"], "New Delhi")]).scores["events"].matched
    assert _score(gold, [_event("agreement", ["India", "Bangladesh"], "New Delhi")]).scores["events"].matched


def test_accept_locations_and_accept_status():
    accepting = _gold_event("visit", "visit", ["Kassym-Jomart Tokayev"], "Tashkent", status="occurring",
                            accept_locations=["Tashkent", "Uzbekistan"], accept_status=["occurring", "occurred"])
    predicted = [_event("visit", ["Kassym-Jomart Tokayev"], "Uzbekistan", status="occurred")]
    assert _score([accepting], predicted).scores["events"].matched == 1
    strict = {k: v for k, v in accepting.items() if not k.startswith("accept_")}
    report = _score([strict], predicted)
    assert report.scores["events"].matched == 0
    assert any("location 'Uzbekistan' != 'Tashkent'" in m and "status 'occurred' != 'occurring'" in m
               for m in report.misses), report.misses


def test_location_null_ok():
    predicted = [_event("summit", ["Fumio Kishida", "Yoon Suk-yeol"], None)]
    ok = _gold_event("summit", "summit", ["Fumio Kishida", "Yoon Suk-yeol"], "Tokyo", location_null_ok=True)
    assert _score([ok], predicted).scores["events"].matched == 1
    report = _score([dict(ok, location_null_ok=False)], predicted)
    assert report.scores["events"].matched == 0
    assert any("location None != 'Tokyo'" in m for m in report.misses)


@pytest.mark.parametrize("value, right", [("2023-05-07TMO", True), ("2023-05-07T14:30", True), ("2023-05-07", True),
                                          ("2023-05-08TMO", False), ("2023-05", False)])
def test_a_time_within_the_gold_day_is_the_right_date(value, right):
    gold = [_gold_event("summit", "summit", ["Fumio Kishida", "Yoon Suk-yeol"], "Seoul", date="2023-05-07")]
    report = _score(gold, [_event("summit", ["Fumio Kishida", "Yoon Suk-yeol"], "Seoul", date=value)])
    assert report.scores["events"].matched == int(right), report.misses


def _timeline_gold(uncertain: list) -> dict:
    docs = [{"file": "a.txt", "events": [_gold_event("plan", "meeting", ["Erdogan", "Mitsotakis"], "Thessaloniki")]},
            {"file": "b.txt", "events": [_gold_event("council", "meeting", ["Erdogan", "Mitsotakis"], "Athens")]}]
    return {"documents": docs, "timeline": {"merged": [], "distinct": [["plan", "council"]], "uncertain": uncertain}}


def test_timeline_uncertain_pairs_are_scored_neither_way():
    both_one_entry = {"a.txt": _record("a.txt", events=[_event("meeting", ["Erdogan", "Mitsotakis"], "Thessaloniki",
                                                                timeline_id="t1")]),
                      "b.txt": _record("b.txt", events=[_event("meeting", ["Erdogan", "Mitsotakis"], "Athens",
                                                                timeline_id="t1")])}
    scored = score_records(_timeline_gold([]), both_one_entry)
    assert scored.scores["timeline"].gold == 1 and scored.scores["timeline"].matched == 0
    assert any("wrongly merged" in m for m in scored.misses)
    for uncertain in ([{"keys": ["council", "plan"], "note": "probably one council, venue changed"}],
                      [["plan", "council"]]):
        report = score_records(_timeline_gold(uncertain), both_one_entry)
        assert report.scores["timeline"].gold == 0
        assert not any("timeline" in m for m in report.misses), report.misses


# -- disagreements and claims ------------------------------------------------------------------------

TEXT_A = "Greece and Türkiye will sign at least 20 agreements in Athens on Thursday, officials said."
TEXT_B = "The leaders are expected to sign approximately 15 bilateral agreements during the visit."
DISAGREEMENT = {"about": "how many agreements", "files": ["a.txt", "b.txt"],
                "sides": [["at least 20 agreements", "At least twenty agreements"],
                          ["approximately 15 bilateral agreements"]]}


def _side(name: str, text: str, snippet: str) -> dict:
    start = text.index(snippet)
    return {"article_id": f"id-{name}", "start": start, "end": start + len(snippet), "text": snippet}


def _disagreement_report(conflicts: list[dict]) -> EvalReport:
    gold = {"documents": [{"file": "a.txt"}, {"file": "b.txt"}], "disagreements": [DISAGREEMENT]}
    by_file = {"a.txt": _record("a.txt", TEXT_A), "b.txt": _record("b.txt", TEXT_B)}
    return score_records(gold, by_file, conflicts)


def test_a_disagreement_is_found_when_a_conflict_cites_each_side():
    conflict = {"kind": "claim", "key": "agreements", "summary": "",
                "sides": [_side("a.txt", TEXT_A, "sign at least 20"), _side("b.txt", TEXT_B, "15 bilateral")]}
    score = _disagreement_report([conflict]).scores["disagreements"]
    assert (score.gold, score.matched, score.predicted, score.precision) == (1, 1, 1, 1.0)


def test_a_disagreement_is_not_found_when_the_sides_cite_other_text():
    unrelated = {"kind": "date", "key": "t1", "summary": "",
                 "sides": [_side("a.txt", TEXT_A, "in Athens on Thursday"), _side("b.txt", TEXT_B, "during the visit")]}
    one_sided = {"kind": "claim", "key": "agreements", "summary": "",
                 "sides": [_side("a.txt", TEXT_A, "at least 20 agreements")]}
    report = _disagreement_report([unrelated, one_sided])
    score = report.scores["disagreements"]
    assert (score.gold, score.matched, score.predicted, score.precision) == (1, 0, 2, 0.0)
    assert any("disagreements: not found: 'how many agreements'" in m for m in report.misses)


def test_claims_confirmed_across_files_need_one_shared_key():
    text_a, text_b = "Marcos said the call was very productive.", "It was very productive, Marcos told reporters."
    gold = {"documents": [{"file": "a.txt"}, {"file": "b.txt"}],
            "claims": [{"about": "the call was productive", "files": ["a.txt", "b.txt"],
                        "statements": [{"file": "a.txt", "contains": "very productive", "stance": "confirms"},
                                       {"file": "b.txt", "contains": "very productive", "stance": "confirms"}]}]}

    def claim(text: str, key: str) -> dict:
        start = text.index("very productive")
        return {"key": key, "stance": "affirmed", "start": start, "end": start + 15, "text": "very productive"}

    same = {"a.txt": _record("a.txt", text_a, claims=[claim(text_a, "call|be|productive")]),
            "b.txt": _record("b.txt", text_b, claims=[claim(text_b, "Call|be|productive")])}
    assert score_records(gold, same).scores["claims"].matched == 1
    apart = {"a.txt": same["a.txt"], "b.txt": _record("b.txt", text_b, claims=[claim(text_b, "talks|be|good")])}
    report = score_records(gold, apart)
    assert report.scores["claims"].matched == 0
    assert any(m.startswith("claims: not found") for m in report.misses)


def test_seeds_style_gold_gets_no_news_rows():
    report = score_records({"documents": [{"file": "a.txt"}]}, {"a.txt": _record("a.txt")})
    assert not {"disagreements", "claims", "questions", "questions.refused"} & set(report.scores)


def test_locate_folds_case_quotes_and_space():
    text = "He called it a \u201cserious\u201d threat\nto peace."
    start, end = locate('a "Serious" threat to peace', text)
    assert text[start:end] == "a \u201cserious\u201d threat\nto peace"
    assert locate("no such words", text) is None


# -- sources.json ------------------------------------------------------------------------------------

def test_sources_fill_only_what_the_text_left_empty():
    sources = {"a.txt": {"published": "2023-04-30", "outlet": "Japan Today (Reuters)", "url": "https://x.org/a"}}
    stated = Article(id="1", source="/c/a.txt", text="t", published="2023-05-01", outlet="Reuters")
    got = with_source(stated, sources)
    assert (got.published, got.outlet, got.url) == ("2023-05-01", "Reuters", "https://x.org/a")
    bare = with_source(Article(id="2", source="/c/a.txt", text="t"), sources)
    assert (bare.published, bare.outlet) == ("2023-04-30", "Japan Today (Reuters)")
    other = Article(id="3", source="/c/b.txt", text="t")
    assert with_source(other, sources) is other


def test_load_sources(tmp_path):
    assert load_sources(tmp_path) == {}
    (tmp_path / "sources.json").write_text('{"a.txt": {"url": "https://x.org"}}')
    assert load_sources(tmp_path) == {"a.txt": {"url": "https://x.org"}}
    (tmp_path / "sources.json").write_text("[1, 2]")
    with pytest.raises(Exception, match="sources.json"):
        load_sources(tmp_path)


def test_combine_adds_the_rows_of_each_set():
    a = EvalReport(2, {"events": Score(4, 2, 5, 3), "metadata": Score(8, 8)}, ["x"], gold="/g/news-a.json")
    b = EvalReport(3, {"events": Score(6, 3, 5), "questions": Score(2, 1, 2)}, ["y"], gold="/g/news-b.json")
    both = combine([a, b])
    assert both.documents == 5
    assert (both.scores["events"].gold, both.scores["events"].matched, both.scores["events"].predicted) == (10, 5, 10)
    assert both.scores["events"].precision == pytest.approx(6 / 10)  # 3 true positives + 3 matched
    assert both.scores["metadata"].predicted is None and both.scores["metadata"].recall == 1.0
    assert both.scores["questions"].gold == 2
    assert both.misses == ["news-a: x", "news-b: y"]


# -- a small corpus through the real pipeline ------------------------------------------------------

ARTICLES = {
    "a1_oslo.txt": """Norway and Chile agree to deepen cooperation on renewable energy

Published: 12 March 2024

Norwegian Foreign Minister Espen Barth Eide met Chilean Foreign Minister Alberto van Klaveren in Oslo on Monday.

The two ministers discussed trade, renewable energy and Antarctic research, the Norwegian foreign ministry said.

"Chile is a key partner for Norway in South America," Eide told reporters after the talks.
""",
    "a2_oslo.txt": """Chilean minister ends Nordic tour in Oslo

Chilean Foreign Minister Alberto van Klaveren ended his Nordic tour in Oslo on Monday, where he held talks with Norwegian Foreign Minister Espen Barth Eide.

Van Klaveren said Chile wanted more Norwegian investment in green hydrogen.
""",
}
# a1 states its date, so the page's (wrong) date must not replace it; a2 states none and gets the page's
SOURCES = {"a1_oslo.txt": {"published": "2020-01-01", "outlet": "Oslo Daily", "url": "https://example.org/a1"},
           "a2_oslo.txt": {"published": "2024-03-13", "outlet": "Nordic Wire", "url": "https://example.org/a2"}}
MEETING = {"type": "meeting", "participants": ["Espen Barth Eide", "Alberto van Klaveren"], "location": "Oslo",
           "location_null_ok": True, "date": "2024-03-11", "status": "occurred"}
TINY_GOLD = {
    "format": "parley-gold/1",
    "documents": [
        {"file": "a1_oslo.txt", "outlet": "Oslo Daily", "published": "2024-03-12",
         "published_from": "text 'Published: 12 March 2024'",
         "events": [{"key": "oslo-talks", **MEETING, "evidence": "in Oslo on Monday"}]},
        # "on Monday" is 2024-03-11 only when the date from sources.json was there before the analysis
        {"file": "a2_oslo.txt", "outlet": "Nordic Wire", "published": "2024-03-13", "published_from": "store metadata",
         "events": [{"key": "oslo-talks", **MEETING, "type": "talks", "evidence": "held talks with Norwegian"}]},
    ],
    "timeline": {"merged": [{"key": "oslo-talks", "files": ["a1_oslo.txt", "a2_oslo.txt"]}], "distinct": []},
    "questions": [{"q": "Where did Eide meet van Klaveren?", "expect": ["in Oslo on Monday"]},
                  {"q": "How much did Norway invest in Peru?", "expect": None}],
}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    """gold/tiny.json with its corpus in corpus/tiny/ (found as ../corpus/<stem>), sources.json beside it."""
    root = tmp_path_factory.mktemp("evalnews")
    folder = root / "corpus" / "tiny"
    folder.mkdir(parents=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "sources.json").write_text(json.dumps(SOURCES), encoding="utf-8")
    (root / "gold").mkdir()
    gold = root / "gold" / "tiny.json"
    gold.write_text(json.dumps(TINY_GOLD), encoding="utf-8")
    return gold


@pytest.fixture(scope="module")
def tiny_report(tiny) -> EvalReport:
    return evaluate_gold(tiny)


def test_sources_json_metadata_is_applied_where_the_text_states_none(tiny_report):
    metadata = tiny_report.scores["metadata"]
    assert (metadata.gold, metadata.matched) == (4, 4), tiny_report.misses
    events = tiny_report.scores["events"]
    assert (events.gold, events.matched) == (2, 2), tiny_report.misses


def test_questions_answered_and_refused(tiny_report):
    answered, refused = tiny_report.scores["questions"], tiny_report.scores["questions.refused"]
    assert (answered.gold, answered.matched, answered.predicted) == (1, 1, 1), tiny_report.misses
    assert (refused.gold, refused.matched, refused.predicted) == (1, 1, 1), tiny_report.misses
    retrieved = tiny_report.scores["questions.recall@10"]  # only answerable questions count
    assert (retrieved.gold, retrieved.matched) == (1, 1), tiny_report.misses


def test_cli_reports_each_gold_and_both_together(tiny, tiny_report):
    from parley.cli.main import app

    other = tiny.with_name("tiny2.json")  # the same corpus (given with --corpus), only the second article
    other.write_text(json.dumps(dict(TINY_GOLD, documents=TINY_GOLD["documents"][1:], questions=[],
                                     timeline={})), encoding="utf-8")
    folder = tiny.parent.parent / "corpus" / "tiny"
    result = CliRunner().invoke(app, ["eval", "--gold", str(tiny), "--gold", str(other), "--corpus", str(folder),
                                      "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [s["gold"] for s in data["sets"]] == [str(tiny), str(other)]
    assert data["documents"] == 3
    first, second = (s["scores"] for s in data["sets"])
    assert data["scores"]["metadata"]["gold"] == first["metadata"]["gold"] + second["metadata"]["gold"]
    assert data["scores"]["questions"]["gold"] == 1 and "questions" not in second
    table = CliRunner().invoke(app, ["eval", "--gold", str(tiny), "--gold", str(other), "--corpus", str(folder)])
    assert table.exit_code == 0, table.output
    assert "from 2 gold files together" in table.output and "tiny2.json" in table.output


# -- the real news-a development set ---------------------------------------------------------------------

NEWS_A = SHARED / "gold" / "news-a.json"
CATEGORIES = ["metadata", "boilerplate", "preserved", "people", "roles", "quotes.direct", "quotes.indirect",
              "speakers", "amounts", "events", "events.found", "actors", "topics", "timeline", "conflicts", "disagreements",
              "questions", "questions.refused", "questions.recall@10"]


@pytest.fixture(scope="module")
def news_a() -> EvalReport:
    if not NEWS_A.exists():
        pytest.skip(f"real-news gold not found at {NEWS_A} (set PARLEY_SHARED to the shared folder)")
    return evaluate_gold(NEWS_A)


def test_news_a_report_has_every_category(news_a):
    gold = json.loads(NEWS_A.read_text(encoding="utf-8"))
    assert news_a.documents == len(gold["documents"])
    assert list(news_a.scores) == CATEGORIES
    for name in CATEGORIES:
        score = news_a.scores[name]
        assert score.gold > 0 and 0 <= score.matched <= score.gold, (name, score.to_dict())
    assert news_a.scores["questions"].gold == sum(q["expect"] is not None for q in gold["questions"])
    assert news_a.scores["questions.refused"].gold == sum(q["expect"] is None for q in gold["questions"])
    assert news_a.scores["disagreements"].gold == len(gold["disagreements"])


def test_news_a_sources_json_is_applied(news_a):
    """A date or outlet the page gave only outside its text is never a miss as 'None'."""
    sources = load_sources(SHARED / "corpus" / "news-a")
    assert sources, "news-a has a sources.json"
    for name, given in sources.items():
        for key in ("published", "outlet"):
            if given.get(key):
                assert not any(m.startswith(f"{name}: {key} None ") for m in news_a.misses), (name, key)

"""The JSON API and the HTML pages over real HTTP (uvicorn + httpx), on a corpus written by hand."""

from __future__ import annotations

import concurrent.futures

import httpx
import pytest

from test_web_corpus import EVIL, TEXT_A, TEXT_B, build_handmade_store, running_server

A, B, C, D = ("a" * 16, "b" * 16, "c" * 16, "d" * 16)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    db = build_handmade_store(tmp_path_factory.mktemp("api") / "handmade.duckdb")
    with running_server(db) as url:
        yield url


@pytest.fixture(scope="module")
def http(base_url):
    with httpx.Client(base_url=base_url, timeout=20) as client:
        yield client


def assert_error(response: httpx.Response, *statuses: int) -> dict:
    assert response.status_code in statuses, (response.status_code, response.text[:300])
    body = response.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"status", "code", "message"}
    assert err["status"] == response.status_code
    assert isinstance(err["code"], str) and err["code"]
    assert isinstance(err["message"], str) and err["message"]
    return err


# -- listings, filters, paging -----------------------------------------------------------------

def test_stats_count_what_was_stored(http):
    stats = http.get("/api/stats").json()
    assert stats["articles"] == 4 and stats["timeline"] == 3 and stats["conflicts"] == 1
    assert stats["earliest"] == "2019-03-02" and stats["latest"] == "2021-06-10"


def test_articles_page_through_with_limit_and_offset(http):
    first = http.get("/api/articles", params={"limit": 2}).json()
    second = http.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 4
    ids = [a["id"] for a in first["items"] + second["items"]]
    assert ids == [A, B, C, D]


def test_articles_filter_by_outlet_dates_and_actor(http):
    andes = http.get("/api/articles", params={"outlet": "andes"}).json()["items"]
    assert [a["id"] for a in andes] == [B, C]
    in_2019 = http.get("/api/articles", params={"since": "2019", "until": "2019-12"}).json()["items"]
    assert [a["id"] for a in in_2019] == [A, B]
    keller = http.get("/api/articles", params={"actor": "Keller"}).json()["items"]
    assert [a["id"] for a in keller] == [A, B, C]


def test_article_by_prefix_with_a_cited_span(http):
    start, end = 0, TEXT_A.index(".") + 1
    body = http.get(f"/api/articles/{A[:6]}", params={"start": start, "end": end}).json()
    assert body["id"] == A and body["format"] == "parley/1"
    assert body["cited"]["text"] == TEXT_A[start:end]
    assert body["text"][body["quotes"][0]["start"]:body["quotes"][0]["end"]] == body["quotes"][0]["text"]


def test_timeline_is_in_date_order_and_filters(http):
    rows = http.get("/api/timeline").json()["items"]
    assert [r["timeline_id"] for r in rows] == ["t-vienna-2019", "t-evil", "t-lima-2021"]
    assert rows[0]["date_label"] == "1 March 2019"
    assert {s["outlet"] for s in rows[0]["sources"]} == {"Danube Courier", "Andes Daily"}
    by_actor = http.get("/api/timeline", params={"actor": "keller"}).json()["items"]
    assert [r["timeline_id"] for r in by_actor] == ["t-vienna-2019", "t-lima-2021"]
    by_place = http.get("/api/timeline", params={"place": "lima"}).json()["items"]
    assert [r["timeline_id"] for r in by_place] == ["t-lima-2021"]
    since = http.get("/api/timeline", params={"since": "2020"}).json()["items"]
    assert [r["timeline_id"] for r in since] == ["t-evil", "t-lima-2021"]
    outlet = http.get("/api/timeline", params={"outlet": "danube"}).json()["items"]
    assert [r["timeline_id"] for r in outlet] == ["t-vienna-2019"]


def test_event_shows_each_source_with_verbatim_evidence_and_agenda(http):
    ev = http.get("/api/timeline/t-vienna-2019").json()
    assert [acc["article"]["id"] for acc in ev["accounts"]] == [A, B]
    texts = {A: TEXT_A, B: TEXT_B}
    for acc in ev["accounts"]:
        assert acc["evidence"], acc
        for s in acc["evidence"]:
            assert texts[s["article_id"]][s["start"]:s["end"]] == s["text"]
    assert ev["accounts"][1]["date_text"] == "Friday"
    agenda = {item["topic"]: item for item in ev["agenda"]}
    assert "gas transit" in agenda["gas transit"]["evidence"][0]["text"]
    rail_quotes = agenda["rail link"]["quotes"]
    assert [q["speaker"] for q in rail_quotes] == ["Tomas Reyes"]
    assert "rail link was not on the agenda" in rail_quotes[0]["text"]


def test_people_and_person_pages(http):
    names = [p["name"] for p in http.get("/api/people").json()["items"]]
    assert names[:2] == ["Tomas Reyes", "Maria Keller"]
    reyes = http.get("/api/people/Reyes").json()
    assert reyes["name"] == "Tomas Reyes" and reyes["roles"] == ["President"]
    assert [q["text"] for q in reyes["quotes"]] == [
        "Our countries have never been closer,", "the rail link was not on the agenda of the talks in Vienna"]
    assert {e["timeline_id"] for e in reyes["events"]} == {"t-vienna-2019", "t-lima-2021", "t-evil"}


def test_quotes_and_per_article_events(http):
    quotes = http.get("/api/quotes", params={"speaker": "keller"}).json()
    assert quotes["total"] == 2 and all(q["speaker"] == "Maria Keller" for q in quotes["items"])
    assert quotes["items"][0]["href"].startswith(f"/articles/{A}?start=")
    events = http.get("/api/events", params={"actor": "Reyes", "place": "Vienna"}).json()["items"]
    assert sorted(e["article"]["id"] for e in events) == [A, B]
    assert {e["type"] for e in events} == {"meeting", "talks"}
    assert events[0]["evidence_text"][0]["text"].startswith(("Chancellor Maria Keller met", "Tomas Reyes and"))


def test_conflicts_carry_both_sides_with_sources(http):
    conflicts = http.get("/api/conflicts").json()["items"]
    assert len(conflicts) == 1
    sides = conflicts[0]["sides"]
    assert [s["stance"] for s in sides] == ["yes", "no"]
    assert [s["article"]["outlet"] for s in sides] == ["Danube Courier", "Andes Daily"]


def test_openapi_describes_every_endpoint(http):
    paths = http.get("/openapi.json").json()["paths"]
    for p in ("/api/articles", "/api/articles/{article_id}", "/api/people", "/api/people/{name}", "/api/quotes",
              "/api/events", "/api/timeline", "/api/timeline/{timeline_id}", "/api/conflicts", "/api/search",
              "/api/ask", "/api/stats"):
        assert p in paths, p
    assert not any(not p.startswith("/api") for p in paths)


# -- errors: one shape, never a 500 ---------------------------------------------------------------

@pytest.mark.parametrize("url", ["/api/articles/zzzz", "/api/timeline/no-such-event", "/api/people/Nobody Known",
                                 "/api/nowhere", "/api/articles/" + "f" * 60])
def test_unknown_ids_are_404(http, url):
    assert_error(http.get(url), 404)


@pytest.mark.parametrize("value", ["2019-13", "2019-02-30", "19", "yesterday", "2019/03/01", "2019-3-1",
                                   "<script>", "0000-00-00"])
@pytest.mark.parametrize("endpoint", ["/api/timeline", "/api/articles", "/api/quotes", "/api/events"])
def test_malformed_dates_are_rejected(http, endpoint, value):
    err = assert_error(http.get(endpoint, params={"since": value}), 400, 422)
    assert "since" in err["message"]


@pytest.mark.parametrize("params", [{"limit": 201}, {"limit": 10**12}, {"limit": 0}, {"limit": "many"},
                                    {"offset": -1}, {"offset": 10**15}])
def test_bad_page_sizes_are_rejected(http, params):
    err = assert_error(http.get("/api/articles", params=params), 422)
    assert err["code"] == "invalid_parameter"


def test_overlong_and_empty_queries_are_rejected(http):
    for endpoint in ("/api/search", "/api/ask"):
        assert_error(http.get(endpoint, params={"q": "x" * 501}), 422)
        assert_error(http.get(endpoint, params={"q": "   "}), 400, 422)
        assert_error(http.get(endpoint), 422)
    assert_error(http.get("/api/timeline", params={"actor": "a" * 1000}), 422)


def test_cited_span_outside_the_article_is_rejected(http):
    assert_error(http.get(f"/api/articles/{A}", params={"start": 10, "end": 10_000}), 400)
    assert_error(http.get(f"/api/articles/{A}", params={"start": 20, "end": 10}), 400)
    assert_error(http.get(f"/api/articles/{A}", params={"start": -1, "end": 10}), 422)


def test_wrong_method_has_the_error_shape(http):
    assert_error(http.post("/api/stats"), 405)


def test_html_pages_answer_errors_in_html(http):
    r = http.get("/articles/zzzz", headers={"Accept": "text/html"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "no article with id" in r.text
    r = http.get("/", params={"since": "2019-99"}, headers={"Accept": "text/html"})
    assert r.status_code == 400 and "is not a date" in r.text


def test_parallel_requests_share_the_store_safely(base_url):
    urls = ["/api/timeline", "/api/people", "/api/quotes", f"/api/articles/{A}", "/api/timeline/t-vienna",
            "/events/t-lima-2021", "/", "/api/stats"] * 4

    def get(url):
        with httpx.Client(base_url=base_url, timeout=30) as c:
            return c.get(url).status_code

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        assert set(pool.map(get, urls)) == {200}


# -- pages: content and escaping --------------------------------------------------------------------

def test_article_page_marks_the_cited_sentence(http):
    start = TEXT_B.index("\"Our countries")
    end = TEXT_B.index("reporters.") + len("reporters.")
    html = http.get(f"/articles/{B}", params={"start": start, "end": end}).text
    assert f'<mark id="cite" tabindex="-1">{TEXT_B[start:end].replace(chr(34), "&#34;")}</mark>' in html


def test_event_page_links_each_source_sentence_to_its_place(http):
    html = http.get("/events/t-vienna-2019").text
    ev = http.get("/api/timeline/t-vienna-2019").json()
    for acc in ev["accounts"]:
        s = acc["evidence"][0]
        assert f'/articles/{s["article_id"]}?start={s["start"]}&amp;end={s["end"]}#cite' in html
    assert "Danube Courier" in html and "Andes Daily" in html


@pytest.mark.parametrize("url", ["/", "/events/t-evil", f"/articles/{D}", f"/articles/{D}?start=0&end=60", "/people",
                                 "/quotes", "/articles", "/conflicts", "/report", "/search?q=" + EVIL,
                                 "/ask?q=" + EVIL, "/people/Tomas Reyes"])
def test_markup_from_articles_and_queries_is_escaped(http, url):
    r = http.get(url, headers={"Accept": "text/html"})
    assert r.status_code in (200, 501), r.text[:300]
    assert "<script>window.__pwned" not in r.text
    assert "<img src=x" not in r.text
    assert "<b>Evil</b>" not in r.text


def test_evil_strings_are_shown_as_text(http):
    html = http.get("/events/t-evil").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    dossier = http.get("/report").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in dossier


# -- the sample corpus through the real pipeline: search and ask --------------------------------------

@pytest.fixture(scope="module")
def seeds_http(seeds_db):
    with running_server(seeds_db) as url, httpx.Client(base_url=url, timeout=60) as client:
        yield client


def test_search_returns_verbatim_sentences_with_links(seeds_http):
    body = seeds_http.get("/api/search", params={"q": "North-South Transport Corridor", "limit": 3}).json()
    assert 1 <= body["total"] <= 3
    for hit in body["items"]:
        article = seeds_http.get(f"/api/articles/{hit['article_id']}").json()
        assert article["text"][hit["start"]:hit["end"]] == hit["text"]
        assert hit["href"] == f"/articles/{hit['article_id']}?start={hit['start']}&end={hit['end']}#cite"
    assert "Corridor" in body["items"][0]["text"]


def test_ask_answers_with_numbered_citations(seeds_http):
    body = seeds_http.get("/api/ask", params={"q": "When did Putin and Aliyev meet in Sochi?"}).json()
    assert body["parts"] and body["citations"]
    assert any("2017-07-21" in p["text"] or "21 July 2017" in p["text"] for p in body["parts"])
    for part in body["parts"]:
        for n in part["refs"]:
            assert body["citations"][n - 1]["n"] == n
    c = body["citations"][0]
    cited = seeds_http.get(f"/api/articles/{c['article_id']}", params={"start": c["start"], "end": c["end"]}).json()
    assert cited["cited"]["text"] == c["text"]


def test_ask_page_links_each_citation_to_its_sentence(seeds_http):
    html = seeds_http.get("/ask", params={"q": "What did Markov say?"}).text
    assert 'class="citation" href="/articles/' in html and "Markov" in html


def test_serve_command_serves_and_fails_cleanly(seeds_db, tmp_path):
    import socket
    import subprocess
    import sys
    import time

    missing = subprocess.run([sys.executable, "-m", "parley.cli.main", "serve", "--db", str(tmp_path / "no.duckdb")],
                             capture_output=True, text=True, timeout=60)
    assert missing.returncode == 1 and len(missing.stderr.strip().splitlines()) == 1
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "parley.cli.main", "serve", "--db", str(seeds_db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and proc.poll() is None, "serve did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["articles"] == 5
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_stats_are_read_from_the_store_once_and_each_caller_gets_a_copy(seeds_db):
    from parley.api.corpus import Corpus

    corpus = Corpus(seeds_db)
    try:
        calls = []
        real = corpus.store.stats
        corpus.store.stats = lambda: calls.append(1) or real()
        first = corpus.stats()
        first["articles"] = -1
        second = corpus.stats()
        assert second["articles"] == 5 and second["timeline"] >= 1
        assert len(calls) == 1
    finally:
        corpus.close()

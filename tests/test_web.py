"""The web page in a real browser: Debian's Chromium driven by Playwright against a live uvicorn server.

The store is built by the real pipeline from the sample corpus plus one hostile article whose text carries a
<script>; screenshots land in test-artifacts/ for a human to look at.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from _servers import chromium
from test_web_corpus import EVIL, build_handmade_store, running_server

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
HOSTILE = (
    "Envoys meet in Geneva\n\n"
    "Foreign Minister Anna Berg met Foreign Minister Omar Haddad in Geneva on 3 May 2023 to discuss grain exports. "
    f"A leaflet handed out outside read {EVIL} and nothing else. "
    "\"We agreed to meet again,\" Berg said.\n"
)


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def site(tmp_path_factory, seeds_dir):
    """Sample corpus + a hostile article, ingested by the real pipeline, served by uvicorn."""
    from parley import pipeline
    from parley.store import Store

    folder = tmp_path_factory.mktemp("corpus")
    for f in seeds_dir.glob("*.txt"):
        shutil.copy(f, folder / f.name)
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    db = folder / "web.duckdb"
    with Store(db) as store:
        report = pipeline.ingest([folder], store, published="2024-05-01")
    assert report.added == 6, report.errors
    with running_server(db) as url:
        yield url


@pytest.fixture()
def page(browser):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert not errors, errors


def test_timeline_event_to_cited_sentence(page, site):
    page.goto(site + "/")
    chart = page.locator("svg.timeline-chart")
    assert chart.is_visible()
    assert page.locator("svg.timeline-chart a.event-marker").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "web-timeline.png"), full_page=True)

    # follow the first listed event with a source sentence to its page
    page.locator("a.event-link").first.click()
    page.wait_for_url("**/events/**")
    assert page.locator("article.account").count() >= 1
    evidence = page.locator("article.account blockquote.evidence").first
    sentence = evidence.evaluate("el => el.firstChild.textContent").strip()
    assert sentence
    page.screenshot(path=str(ARTIFACTS / "web-event.png"), full_page=True)

    evidence.locator("a.cite-link").click()
    page.wait_for_url("**/articles/**")
    mark = page.locator("mark#cite")
    assert mark.count() == 1
    assert mark.inner_text().strip() == sentence
    # scrolled into view: the mark sits inside the viewport
    box = mark.bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    page.screenshot(path=str(ARTIFACTS / "web-article-cited.png"))


def test_ask_shows_an_answer_with_a_citation_link(page, site):
    page.goto(site + "/")
    page.fill("#ask-q", "When did Putin and Aliyev meet in Sochi?")
    page.click("#ask-form button")
    page.wait_for_selector("#ask-result .answer")
    parts = page.locator("#ask-result .answer-part")
    assert parts.count() >= 1
    assert "Sochi" in parts.first.inner_text()
    link = page.locator("#ask-result a.citation").first
    cited = link.inner_text().strip()
    page.screenshot(path=str(ARTIFACTS / "web-ask.png"), full_page=True)
    link.click()
    page.wait_for_url("**/articles/**")
    assert page.locator("mark#cite").inner_text().strip() == cited


def test_hostile_markup_never_runs(page, site, tmp_path):
    page.goto(site + "/search?q=" + EVIL)
    page.goto(site + "/articles")
    page.get_by_text("Envoys meet in Geneva").first.click()
    page.wait_for_url("**/articles/**")
    assert EVIL in page.locator(".article-text").inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.goto(site + "/")
    page.fill("#ask-q", EVIL)
    page.click("#ask-form button")
    page.wait_for_selector("#ask-result p, #ask-result .answer")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.goto(site + "/report")
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_handmade_hostile_fields_stay_text(browser, tmp_path):
    """Title, outlet, speaker, place and topic all carry markup in this corpus; none of it may run."""
    db = build_handmade_store(tmp_path / "hostile.duckdb")
    with running_server(db) as url:
        pg = browser.new_page()
        for path in ("/", "/events/t-evil", "/people", "/quotes", "/conflicts", "/report", "/articles/dddd",
                     "/people/Tomas Reyes"):
            pg.goto(url + path)
            assert pg.evaluate("typeof window.__pwned") == "undefined", path
        pg.goto(url + "/events/t-evil")
        assert EVIL in pg.locator("h1").inner_text()
        pg.screenshot(path=str(ARTIFACTS / "web-hostile-event.png"), full_page=True)
        pg.close()

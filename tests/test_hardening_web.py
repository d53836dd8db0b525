"""Issue 9, the web cases: stored links with hostile schemes (1), the CSP and security headers (1), HEAD, the
Host check and offline API docs (14), and `serve` on a busy port (15).

The store is built by the real pipeline from a JSONL file written here, each record carrying a hostile `url`;
the server is a real uvicorn on 127.0.0.1 with the Host policy `serve` uses; the browser is Debian's Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from _servers import CHROMIUM, chromium, free_port, serving

# what a hostile feed or JSONL file can put in `url`; each would run script (or load a document) if linked
HOSTILE_URLS = [
    "javascript:window.name='pwned';document.title='pwned';void 0",
    "JaVaScRiPt:alert(document.domain)",
    "\tjavascript:alert(1)",
    "java\nscript:alert(2)",
    "\x01 javascript:document.title='pwned'",
    "  JAVASCRIPT:window.name='pwned'",
    "data:text/html,<script>alert(4)</script>",
    "vbscript:msgbox(5)",
    "https:javascript:alert(6)",
]
SAFE_URL = "https://example.org/news/envoys-meet?id=1&x=2"
CITIES = ["Geneva", "Vienna", "Oslo", "Helsinki", "Lisbon", "Madrid", "Prague", "Warsaw", "Dublin", "Riga"]
NAMES = [("Anna Berg", "Omar Haddad"), ("Lena Vogt", "Ravi Menon"), ("Marta Kral", "Jonas Eklund"),
         ("Ines Duarte", "Pavel Novak"), ("Clara Moss", "Tariq Aziz"), ("Eva Lind", "Hugo Brandt"),
         ("Nora Quinn", "Sami Kallio"), ("Rita Sousa", "Ivan Petrov"), ("Olga Berzina", "Liam Walsh"),
         ("Mila Horvat", "Kenji Sato")]


def _text(i: int) -> str:
    a, b = NAMES[i]
    city = CITIES[i]
    return (f"Foreign Minister {a} met Foreign Minister {b} in {city} on {i + 3} May 2023 to discuss "
            f"{['grain exports', 'border crossings', 'fishing rights', 'energy prices', 'visa rules'][i % 5]}. "
            f"\"We agreed to meet again in {CITIES[(i + 1) % len(CITIES)]},\" {a.split()[1]} said after the talks. "
            f"Officials in {city} said {i + 2} working groups would report by the end of the year.")


# -- the store and the server ---------------------------------------------------------------------------------


def _build_store(folder: Path) -> tuple[Path, dict[str, str]]:
    """The real pipeline over a JSONL file; then every article's stored url is made exactly the hostile
    one, whatever the ingest side keeps, because the pages must be safe for whatever is stored."""
    from parley import pipeline
    from parley.store import Store

    urls = [*HOSTILE_URLS, SAFE_URL]
    source = folder / "hostile.jsonl"
    source.write_text("".join(json.dumps({"text": _text(i), "title": f"Hostile link {i}", "url": u,
                                          "outlet": "Test Wire", "published": "2023-05-10"}) + "\n"
                              for i, u in enumerate(urls)), encoding="utf-8")
    db = folder / "hostile.duckdb"
    with Store(db) as store:
        report = pipeline.ingest([source], store)
        assert report.added == len(urls), report.errors
        by_title = {r.article.title: r for r in store.records()}
        wanted = {by_title[f"Hostile link {i}"].article.id: u for i, u in enumerate(urls)}
        drifted = [replace(r, article=replace(r.article, url=wanted[r.article.id]))
                   for r in by_title.values() if r.article.url != wanted[r.article.id]]
        if drifted:
            store.update_records(drifted)
            with store.transaction() as con:
                for r in drifted:
                    con.execute("UPDATE articles SET url = ? WHERE id = ?", [r.article.url, r.article.id])
    with Store(db, read_only=True) as store:
        assert {aid: store.article(aid).url for aid in wanted} == wanted
        assert {aid: store.record(aid).article.url for aid in wanted} == wanted
    return db, wanted




@pytest.fixture(scope="module")
def store(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    return _build_store(tmp_path_factory.mktemp("hostile-links"))


@pytest.fixture(scope="module")
def server(store):
    """The app as `serve --host 127.0.0.1 --allow-host parley.test` builds it, on a free port."""
    from parley.api import create_app
    from parley.api.hosts import host_policy

    port = free_port()
    app = create_app(store[0], allowed_hosts=host_policy("127.0.0.1", port, ["parley.test"]))
    with serving(app, port) as url:
        yield app, url, port


@pytest.fixture(scope="module")
def http(server):
    with httpx.Client(base_url=server[1], timeout=60) as client:
        yield client


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


class Watch:
    """What a page did that it must not: dialogs, CSP violations, script errors, requests or navigations
    anywhere but the server under test."""

    def __init__(self, context, page, origin: str) -> None:
        self.origin = origin
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        self.offsite: list[str] = []
        self.navigations: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda m: self.console.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("framenavigated", lambda f: self.navigations.append(f.url))
        context.route("**/*", self._route)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.origin + "/") or url.startswith("file://"):
            route.continue_()
        else:
            self.offsite.append(url)
            route.abort()

    def csp_violations(self) -> list[str]:
        return [m for m in self.console if "Content Security Policy" in m or "Refused to" in m]

    def assert_clean(self) -> None:
        assert not self.dialogs, self.dialogs
        assert not self.errors, self.errors
        assert not self.csp_violations(), self.csp_violations()
        assert not self.offsite, self.offsite
        bad = [u for u in self.navigations if not re.match(r"(https?://|about:blank$|file://)", u)]
        assert not bad, bad


@pytest.fixture()
def watched(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = Watch(context, page, server[1])
    yield page, watch
    context.close()


# -- 1. links only with http(s) schemes ------------------------------------------------------------------------


@pytest.mark.parametrize("value", [*HOSTILE_URLS, "javascript://example.org/%0aalert(1)", " \r\njavascript:x",
                                   "\x00javascript:alert(1)", "jav\tascript:alert(1)", "DATA:text/html,x",
                                   "file:///etc/passwd", "ftp://example.org/x", "//example.org/x",
                                   "/articles/x", "example.org", "http://", "https://[::1", "", None, 42,
                                   "https://exa mple.org/", "https://example.org/\x7f"])
def test_safe_url_refuses_every_scheme_but_http_and_https(value):
    from parley.links import safe_url

    assert safe_url(value) is None


@pytest.mark.parametrize("value,expected", [
    (SAFE_URL, SAFE_URL), ("HTTP://Example.org/a", "HTTP://Example.org/a"),
    ("  https://example.org/x\n", "https://example.org/x"), ("ht\ttps://example.org/", "https://example.org/"),
    ("https://[::1]:8080/p", "https://[::1]:8080/p")])
def test_safe_url_keeps_http_and_https_as_a_browser_reads_them(value, expected):
    from parley.links import safe_url

    assert safe_url(value) == expected


def test_article_pages_link_only_http_urls(http, store):
    _, wanted = store
    for article_id, url in wanted.items():
        html = http.get(f"/articles/{article_id}").text
        hrefs = re.findall(r'href="([^"]*)"', html)
        assert all(h.startswith(("/", "#", "http://", "https://")) for h in hrefs), (url, hrefs)
        assert not re.search(r"(?i)(java|vb)\s*script|data:text", " ".join(hrefs)), hrefs
        if url == SAFE_URL:
            assert 'class="original" href="https://example.org/news/envoys-meet?id=1&amp;x=2"' in html
        else:
            assert 'class="original"' not in html and "stored link, not followed" in html


def test_clicking_every_link_on_hostile_article_pages_runs_no_script(watched, server, store):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page, watch = watched
    origin = server[1]
    _, wanted = store
    clicked: set[str] = set()
    for article_id, url in wanted.items():
        if url == SAFE_URL:
            continue
        article = f"{origin}/articles/{article_id}"
        page.goto(article)
        assert page.locator(".url-text").count() == 1
        targets = page.eval_on_selector_all(
            "[href], [src], [action], [formaction]",
            "els => els.map(e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action') "
            "|| e.getAttribute('formaction'))")
        assert all(t.startswith(("/", "#")) for t in targets), targets  # every link and resource is local
        links = page.eval_on_selector_all(
            "a", "els => els.map(e => [e.getAttribute('href'), !!e.closest('article.reader')])")
        page.locator(".url-text").click()  # the stored url itself is text: clicking it does nothing
        for index, (href, in_reader) in enumerate(links):
            kind = re.sub(r"[0-9a-f]{12,}|\d+", "#", href)  # the same link on the next article's page
            if kind in clicked and not in_reader:
                continue
            clicked.add(kind)
            page.goto(article)
            page.locator("a").nth(index).click()
            try:  # a javascript: link would not navigate; every link on the page should
                page.wait_for_url(lambda u: u != article, timeout=3000)
            except PlaywrightTimeout:
                pass
            page.wait_for_load_state()
            assert page.evaluate("window.name") != "pwned", href
            assert "pwned" not in page.title(), href
            assert not watch.dialogs, (href, watch.dialogs)
            assert page.url != article and page.url.startswith(origin + "/"), (href, page.url)
    assert len(clicked) >= 10  # the nav bar, the citations, the events, the JSON twin
    page.goto(f"{origin}/articles")
    assert page.evaluate("window.name") != "pwned"
    watch.assert_clean()


def test_dossier_links_only_http_urls_and_forbids_script(http, store, watched, tmp_path):
    from parley.report import markdown

    _, wanted = store
    html = http.get("/report").text
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(h.startswith(("#", "https://")) for h in hrefs), hrefs
    assert 'href="https://example.org/news/envoys-meet?id=1&amp;x=2"' in html
    assert "<script" not in html.lower()
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert meta, "the dossier carries its own policy"
    policy = meta.group(1).replace("&#39;", "'")
    assert "default-src 'none'" in policy and "script-src" not in policy
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy

    # opened as a file (the meta policy alone) and over HTTP: styled, nothing refused, nothing fetched
    page, watch = watched
    saved = tmp_path / "dossier.html"
    saved.write_text(html, encoding="utf-8")
    for where in (saved.as_uri(), http.base_url.join("/report")):
        page.goto(str(where))
        assert page.eval_on_selector("h1", "e => getComputedStyle(e).color") == "rgb(28, 78, 128)"
        badge = page.locator("span.type").first
        assert badge.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(37, 99, 235)"  # a meeting
    watch.assert_clean()

    md = markdown.md_link
    assert md(SAFE_URL) == f"<{SAFE_URL}>"
    for url in HOSTILE_URLS:
        out = md(url)
        assert not out.startswith("<") and "](" not in out, out


# -- 1. CSP and security headers everywhere --------------------------------------------------------------------

HEADERS = {"content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options",
           "cross-origin-opener-policy", "permissions-policy"}


def _flat_routes(routes) -> list:
    """The routes, with those of included routers (FastAPI wraps them, without a prefix here) spliced in."""
    out = []
    for route in routes:
        inner = getattr(route, "original_router", None)
        out += _flat_routes(inner.routes) if inner is not None else [route]
    return out


def _get_paths(app, store) -> list[str]:
    """Every GET route of the app with its path parameters filled with real ids from the store."""
    from fastapi.routing import APIRoute
    from starlette.routing import Mount, Route

    from parley.store import Store

    with Store(store[0], read_only=True) as st:
        article_id = next(iter(store[1]))
        timeline_id = st.timeline()[0]["timeline_id"]
        person = st.people()[0]["name"]
    values = {"article_id": article_id, "timeline_id": timeline_id, "name": person}
    paths = []
    for route in _flat_routes(app.routes):
        if isinstance(route, Mount):
            paths += [route.path + "/style.css", route.path + "/app.js", route.path + "/missing.css"]
        elif isinstance(route, (APIRoute, Route)) and "GET" in (route.methods or ()):
            params = re.findall(r"{(\w+)}", route.path)
            assert all(p in values for p in params), route.path
            paths.append(route.path.format(**values))
    return paths


def test_security_headers_on_every_route_error_and_static_file(server, http, store):
    app = server[0]
    paths = _get_paths(app, store) + ["/no/such/page", "/api/no-such", "/api/articles/zzzz",
                                      "/api/articles?limit=999", "/articles/" + "f" * 200]
    assert len(paths) >= 25
    statuses = {}
    for path in paths:
        for accept in ("application/json", "text/html"):
            r = http.get(path, params={"q": "Geneva"} if "?" not in path else None, headers={"accept": accept})
            statuses[path] = r.status_code
            assert r.status_code < 500, (path, r.text[:200])
            missing = HEADERS - set(r.headers)
            assert not missing, (path, missing)
            assert r.headers["x-content-type-options"] == "nosniff"
            assert r.headers["x-frame-options"] == "DENY"
            assert r.headers["referrer-policy"] == "no-referrer"
            assert r.headers["cross-origin-opener-policy"] == "same-origin"
            csp = r.headers["content-security-policy"]
            assert "frame-ancestors 'none'" in csp and "base-uri 'none'" in csp
            if path != "/report":
                assert csp.startswith("default-src 'self'; script-src 'self';"), path
                assert "object-src 'none'" in csp and "form-action 'self'" in csp and "unsafe" not in csp
            else:
                assert "default-src 'none'" in csp and "script-src" not in csp
    assert statuses["/static/missing.css"] == 404 and statuses["/no/such/page"] == 404
    assert statuses["/static/style.css"] == 200 and statuses["/docs"] == 200


def test_pages_have_no_inline_script_style_or_handler(http, store):
    from parley.report.svg import type_css

    css = http.get("/static/style.css").text
    assert type_css() in css  # type colours come from classes, not style attributes
    for path in ("/", "/articles", "/people", "/quotes", "/conflicts", "/docs", "/search?q=Geneva",
                 "/ask?q=Geneva", f"/articles/{next(iter(store[1]))}"):
        html = http.get(path).text
        assert "style=" not in html and "<style" not in html, path
        assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", html), path
        assert not re.search(r"\son[a-z]+=", html), path
        assert not re.search(r'(src|href|action)="(https?:)?//', html.replace(SAFE_URL.replace("&", "&amp;"), "")), path


def test_every_page_renders_in_the_browser_without_a_csp_violation(watched, server, store):
    page, watch = watched
    origin = server[1]
    for path in ("/", "/articles", "/people", "/quotes", "/conflicts", "/docs", "/search?q=Geneva",
                 f"/articles/{next(iter(store[1]))}"):
        page.goto(origin + path)
    page.goto(origin + "/")
    badge = page.locator(".event-row .badge").first
    assert badge.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(37, 99, 235)"  # a meeting
    page.fill("#ask-q", "Who met in Geneva?")  # app.js still runs under the policy
    page.click("#ask-form button")
    page.wait_for_selector("#ask-result .answer, #ask-result p")
    watch.assert_clean()


# -- 14. HEAD, the Host check, docs offline --------------------------------------------------------------------


def test_head_is_answered_wherever_get_is(server, http, store):
    for path in _get_paths(server[0], store):
        get = http.get(path, params={"q": "Geneva"})
        head = http.head(path, params={"q": "Geneva"})
        assert head.status_code == get.status_code, path
        assert head.content == b"", path
        assert head.headers.get("content-type") == get.headers.get("content-type"), path
        if "content-length" in get.headers:
            assert head.headers["content-length"] == get.headers["content-length"], path
        assert "content-security-policy" in head.headers
    r = http.post("/api/stats")
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"
    assert "HEAD" in r.headers["allow"] and "GET" in r.headers["allow"]


@pytest.mark.parametrize("host,status", [
    ("127.0.0.1:{port}", 200), ("localhost:{port}", 200), ("[::1]:{port}", 200), ("LOCALHOST.:{port}", 200),
    ("localhost", 200), ("parley.test:{port}", 200),
    ("evil.example", 400), ("evil.example:{port}", 400), ("localhost:1", 400), ("127.0.0.1.evil.example", 400),
    ("localhost@evil.example", 400), ("", 400), ("[::1", 400)])
def test_host_header_must_name_the_bound_address(server, http, host, status):
    port = server[2]
    r = http.get("/api/stats", headers={"host": host.format(port=port)})
    assert r.status_code == status, r.text
    assert HEADERS <= set(r.headers)
    if status == 400:
        err = r.json()["error"]
        assert err["status"] == 400 and err["code"] == "bad_host" and "--allow-host" in err["message"]
    page = http.get("/", headers={"host": host.format(port=port), "accept": "text/html"})
    assert page.status_code == status
    if status == 400:
        assert "text/html" in page.headers["content-type"] and "--allow-host" in page.text
        assert http.head("/", headers={"host": host.format(port=port)}).content == b""


def test_host_policy_for_other_binds():
    from parley.api.hosts import HostPolicy, host_policy

    lan = host_policy("192.168.1.20", 8000)
    assert lan.allows("192.168.1.20:8000") and not lan.allows("localhost:8000") and not lan.allows("evil:8000")
    v6 = host_policy("::1", 8000)
    assert v6.allows("[::1]:8000") and v6.allows("localhost:8000")
    anywhere = host_policy("0.0.0.0", 8000, ["news.example:443"])
    assert anywhere.allows("127.0.0.1:8000") and anywhere.allows(socket.gethostname() + ":8000")
    assert anywhere.allows("news.example:443") and not anywhere.allows("news.example:444")
    assert not anywhere.allows("evil.example:8000")
    assert host_policy("127.0.0.1", 8000, ["*"]).allows("anything.example")
    with pytest.raises(ValueError):
        HostPolicy.from_names(["bad host/name"])


def test_test_clients_and_library_use_need_no_host(store):
    from fastapi.testclient import TestClient

    from parley.api import create_app

    with TestClient(create_app(store[0])) as client:  # Host "testserver", no policy
        assert client.get("/api/stats").status_code == 200
    with TestClient(create_app(store[0], allowed_hosts=["parley.test"])) as client:
        assert client.get("/api/stats").status_code == 400
        assert client.get("/api/stats", headers={"host": "parley.test"}).status_code == 200


def test_docs_work_with_no_network(watched, server, http):
    page, watch = watched
    origin = server[1]
    assert http.get("/redoc").status_code == 404
    schema = http.get("/openapi.json").json()
    page.goto(origin + "/docs")
    text = page.locator("main").inner_text()
    for path in schema["paths"]:
        assert path in text, path
    assert page.locator("a[href='/api/stats']").count() == 1
    resources = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert resources and all(r.startswith(origin + "/") for r in resources), resources
    assert page.locator("a[href='/openapi.json']").count() >= 1
    watch.assert_clean()


# -- 15. serve on a busy port; --allow-host on the real command -------------------------------------------------


def _parley(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "parley.cli.main", *args], capture_output=True, text=True,
                          timeout=120, **kw)


def test_serve_on_a_busy_port_says_so_in_one_line(store):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        r = _parley("serve", "--db", str(store[0]), "--port", str(port))
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == [f"error: cannot listen on 127.0.0.1:{port} (address already in use)"]
    assert "serving" not in r.stdout + r.stderr
    bad = _parley("serve", "--db", str(store[0]), "--port", str(port), "--allow-host", "no such/host")
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1 and "--allow-host" in bad.stderr


def test_serve_checks_host_and_takes_allow_host(store):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "parley.cli.main", "serve", "--db", str(store[0]), "--port",
                             str(port), "--allow-host", "parley.test"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                ok = httpx.get(base + "/api/stats", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and proc.poll() is None, "serve did not start"
                time.sleep(0.2)
        assert ok.status_code == 200 and "content-security-policy" in ok.headers
        assert httpx.get(base + "/api/stats", headers={"host": f"parley.test:{port}"}).status_code == 200
        assert httpx.get(base + "/api/stats", headers={"host": f"localhost:{port}"}).status_code == 200
        rebound = httpx.get(base + "/api/stats", headers={"host": f"attacker.example:{port}"})
        assert rebound.status_code == 400 and rebound.json()["error"]["code"] == "bad_host"
        assert httpx.head(base + "/").status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=20)

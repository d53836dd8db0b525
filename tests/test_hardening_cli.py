"""Issue 9, the terminal and the store: hostile stored text printed literally (6, 7), one line instead of a
traceback for a full disk, a foreign or newer schema and an unwritable --out (8), --published checked (10), a
busy store named with what to do (12), and one checker for every date filter with LIKE wildcards taken
literally (13). Every hostile store, file and second process is made here by the test."""

from __future__ import annotations

import contextlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import duckdb
import httpx
import pytest
from typer.testing import CliRunner

from parley.cli import _common
from parley.cli._common import json_text, visible
from parley.cli.main import app
from parley.errors import QueryError
from parley.resolve.query import check_date, check_published
from parley.store import Store
from parley.store.busy import command_name
from parley.store.schema import LATEST

ESC_SEQUENCES = ("\x1b[2J", "\x1b]0;pwned\x07", "\x1b]8;;http://evil.example/\x1b\\", "\x1b[8m", "\x9b31m", "\u202e")
TITLE = "Markup [/bold] close tag [link=x]y[/link] :thumbs_up: \x1b[2J\x1b]0;pwned\x07\u202eexe.txt"
OUTLET = "Evil [red]Outlet\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\"
AUTHOR = "A. [/] Author\x1b[8mhidden\x1b[0m\x9b31m"
SPEAKER = "[/italic]Speaker\x1b[2J"
HOSTILE_ID = "ffff0000hostile0000"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


def count(db: Path) -> int:
    with Store(db, read_only=True) as store:
        return store.count()


@pytest.fixture(autouse=True)
def wide(monkeypatch):
    """Rich tables fold long cells at 80 columns; a wide console keeps each hostile string on one line."""
    for console in (_common.console, _common.err_console):
        monkeypatch.setattr(console, "_width", 1000)


@pytest.fixture()
def seeds_copy(seeds_db, tmp_path) -> Path:
    path = tmp_path / "store.duckdb"
    shutil.copy(seeds_db, path)
    return path


@pytest.fixture()
def hostile_db(seeds_copy) -> Path:
    """The five samples plus one article whose title, outlet, author and quote speaker are hostile, written
    with Store.write_records and the corpus results recomputed over all six."""
    from parley.pipeline import resolve_corpus

    with Store(seeds_copy) as store:
        base = next(iter(store.records()))
        article = replace(base.article, id=HOSTILE_ID, title=TITLE, outlet=OUTLET, author=AUTHOR,
                          source="hostile.jsonl:1")
        quotes = tuple(replace(q, speaker=SPEAKER) for q in base.quotes)
        assert store.write_records([replace(base, article=article, quotes=quotes)]) == 1
        records, people, timeline, conflicts = resolve_corpus(list(store.records()))
        store.replace_corpus(people=people, timeline=timeline, conflicts=conflicts, records=records)
    return seeds_copy


def assert_literal(out: str) -> None:
    """No hostile sequence reached the terminal raw; the markup is shown as written."""
    for seq in ESC_SEQUENCES:
        assert seq not in out, (seq, out[:2000])
    assert "\\x1b" in out


# -- 6 and 7: stored text is printed literally, control characters visible ----------------------------------
@pytest.mark.parametrize("command, expect", [
    (["articles"], ["Markup [/bold] close tag", "Evil [red]Outlet", "A. [/] Author"]),
    (["show", HOSTILE_ID[:12]], ["Markup [/bold] close tag [link=x]y[/link] :thumbs_up:", "outlet: Evil [red]Outlet",
                                 "author: A. [/] Author\\x1b[8mhidden\\x1b[0m\\x9b31m"]),
    (["quotes", "--speaker", "speaker"], ["[/italic]Speaker\\x1b[2J", "Evil [red]Outlet"]),
    (["timeline"], ["Evil [red]Outlet\\x1b]8;;http://evil.example/\\x1b\\click"]),
])
def test_hostile_stored_text_is_printed_literally(hostile_db, command, expect):
    code, out, err = run(*command, "--db", str(hostile_db))
    assert code == 0, err
    assert_literal(out)
    for text in expect:
        assert text in out, (text, out[:3000])
    assert count(hostile_db) == 6


def test_show_keeps_the_layout_of_the_article_text(hostile_db):
    code, out, _ = run("show", HOSTILE_ID[:12], "--db", str(hostile_db))
    assert code == 0
    assert "\\u202eexe.txt" in out and "\\x0a" not in out  # the body's own newlines stay newlines


def test_json_output_stays_exact_json_without_raw_controls(hostile_db):
    code, out, _ = run("articles", "--json", "--db", str(hostile_db))
    assert code == 0
    for raw in ("\x1b", "\x9b", "\u202e", "\x07"):
        assert raw not in out
    hostile = next(a for a in json.loads(out) if a["id"] == HOSTILE_ID)
    assert (hostile["title"], hostile["outlet"], hostile["author"]) == (TITLE, OUTLET, AUTHOR)
    assert json.loads(json_text({"s": "\x7f\x9b\u202e\u2028"})) == {"s": "\x7f\x9b\u202e\u2028"}


def test_visible_escapes_every_control_character():
    assert visible("a\x1b[2Jb\x00\x7f\x85\x9b\u202e\u2066\r") == "a\\x1b[2Jb\\x00\\x7f\\x85\\x9b\\u202e\\u2066\\x0d"
    assert visible("one\ntwo\tthree\n", multiline=True) == "one\ntwo\tthree\n"
    assert visible("one\ntwo") == "one\\x0atwo"
    plain = "Пресс-служба «Кремля» 北京 ‘quoted’ — ok"
    assert visible(plain) == plain


def test_ingest_summary_and_error_lines_are_literal(tmp_path, monkeypatch):
    monkeypatch.setenv("PARLEY_SEARCH_SEMANTIC", "0")  # no embedding model: this test is about the summary
    text = ("The foreign minister met his counterpart in Vienna on Monday. "
            "\"We will talk again,\" the minister said after the meeting. ") * 3
    feed = tmp_path / "hostile[bold].jsonl"
    feed.write_text(json.dumps({"text": text, "title": TITLE, "outlet": OUTLET, "author": AUTHOR,
                                "published": "2024-03-04"}) + "\n" + "{not json\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    code, out, err = run("ingest", str(feed), "--db", str(db), "-q")
    assert code == 1  # the broken second line is an error; the good article is stored
    assert_literal(out)
    assert "Markup [/bold] close tag" in out and "Evil [red]Outlet" in out
    assert "hostile[bold].jsonl:2" in err and "\x1b" not in err
    assert count(db) == 1


# -- 8: one line instead of a traceback ----------------------------------------------------------------------
def _limit_file_size() -> None:  # in the child, before exec: writes past 4 KiB fail with EFBIG, not SIGXFSZ
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_full_disk_at_commit_is_one_line_and_keeps_the_store(seeds_copy, tmp_path):
    """The store's write-ahead log cannot grow (RLIMIT_FSIZE: the same failed write(2) at the WAL as a full
    disk, without root or a mount); the ingest says so in one line, exit 1, the five articles intact."""
    article = tmp_path / "new.txt"
    article.write_text("\n\n".join(f"Minister {n} met the envoy of country {n} in Geneva on Monday to discuss "
                                   f"grain exports and a ceasefire, officials said in statement number {n}."
                                   for n in range(40)), encoding="utf-8")
    with Store(seeds_copy, read_only=True) as store:
        ids_before = store.article_ids()
    out = subprocess.run([sys.executable, "-m", "parley.cli.main", "ingest", str(article), "--db", str(seeds_copy),
                          "-q"], capture_output=True, text=True, timeout=300, preexec_fn=_limit_file_size)
    assert out.returncode == 1, out.stderr
    line = one_line(out.stderr)
    assert f"{seeds_copy}: cannot write to the store" in line and "File too large" in line
    assert "rolled back" in line
    with Store(seeds_copy, read_only=True) as store:
        assert store.article_ids() == ids_before and store.count() == 5


# SQL another program or another schema leaves in the file (the first one on a fresh file, not the store)
ANOTHER_TOOL = "CREATE TABLE articles (id VARCHAR, body VARCHAR); INSERT INTO articles VALUES ('x', 'kept')"


def _damage(path: Path, sql: str) -> None:
    con = duckdb.connect(str(path))
    con.execute(sql)
    con.close()


@pytest.mark.parametrize("damage, message", [
    (ANOTHER_TOOL, "not a parley store, or made by another schema (it has tables but no schema_migrations)"),
    ("ALTER TABLE articles DROP COLUMN seq", "not a parley store, or made by another schema (table articles lacks column seq)"),
    ("DROP TABLE quotes", "not a parley store, or made by another schema (it has no table quotes)"),
    ("ALTER TABLE articles ADD COLUMN extra VARCHAR", "not a parley store, or made by another schema (table articles has a column extra "),
    (f"INSERT INTO schema_migrations VALUES ({LATEST + 1}, 'from the future')",
     f"made by a newer parley (schema {LATEST + 1}, this one knows {LATEST}); upgrade parley"),
])
@pytest.mark.parametrize("command", [["articles"], ["ingest", "missing-file.txt"]])
def test_a_store_of_another_schema_is_refused_in_one_line(seeds_copy, tmp_path, damage, message, command):
    db = seeds_copy if damage is not ANOTHER_TOOL else tmp_path / "other.duckdb"
    _damage(db, damage)
    before = duckdb.connect(str(db), read_only=True)
    tables = before.execute("SELECT table_name, estimated_size FROM duckdb_tables() ORDER BY 1").fetchall()
    before.close()
    code, _, err = run(*command, "--db", str(db))
    assert code == 1
    line = one_line(err)
    assert line.startswith(f"error: {db}: ") and message in line
    after = duckdb.connect(str(db), read_only=True)
    assert after.execute("SELECT table_name, estimated_size FROM duckdb_tables() ORDER BY 1").fetchall() == tables
    after.close()


def test_export_to_an_unwritable_path_is_one_line(seeds_copy):
    code, _, err = run("export", "--db", str(seeds_copy), "--out", "/proc/nope/x.jsonl")
    assert code == 1
    assert one_line(err) == "error: /proc/nope/x.jsonl: cannot write (No such file or directory)"
    assert count(seeds_copy) == 5


# -- 10: --published is a real date, checked before anything is read ------------------------------------------
@pytest.mark.parametrize("value", ["2024-13-45", "next tuesday", "2024-02-30", "２０２４-01-01", "2024-01-01T25:00",
                                   "2024-01-01\n"])
@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_published_must_be_a_real_date(seeds_copy, tmp_path, value, command):
    db_args = ["--db", str(seeds_copy)] if command == "ingest" else []
    code, out, err = run(command, str(tmp_path / "not-read-at-all.txt"), "--published", value, *db_args)
    assert code == 2 and out == ""
    line = one_line(err)
    assert "--published" in line and "is not a date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM" in line
    assert "no such file" not in line
    assert count(seeds_copy) == 5


def test_check_published_accepts_what_the_store_keeps():
    assert check_published("2024-02-29") == "2024-02-29"
    assert check_published("2024-02-29T23:59") == "2024-02-29T23:59"
    assert check_published(None) is None
    for bad in ("2023-02-29", "2024-2-9", "2024-02-29 10:00", "2024"):
        with pytest.raises(QueryError):
            check_published(bad)


# -- 12: a busy store is one line naming the holder; readers share with `parley serve` -----------------------
HOLDER = textwrap.dedent("""\
    import sys
    from parley.store import Store
    store = Store(sys.argv[2], read_only=sys.argv[1] == "serve")
    print("ready", flush=True)
    sys.stdin.read()
    store.close()
""")


@contextlib.contextmanager
def holding(tmp_path: Path, db: Path, command: str) -> Iterator[subprocess.Popen]:
    """A second process holding the store the way `parley <command>` does, until the block ends; its argv
    reads like the console script's (`python .../bin/parley serve ...`), so the message can name it."""
    script = tmp_path / "bin" / "parley"
    script.parent.mkdir(exist_ok=True)
    script.write_text(HOLDER, encoding="utf-8")
    child = subprocess.Popen([sys.executable, str(script), command, str(db)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        yield child
    finally:
        child.stdin.close()
        child.wait(timeout=30)


def test_reading_beside_serve_works_and_writing_is_refused_in_one_line(seeds_copy, tmp_path):
    with holding(tmp_path, seeds_copy, "serve") as child:
        code, out, err = run("articles", "--json", "--db", str(seeds_copy))
        assert code == 0, err
        assert len(json.loads(out)) == 5
        code, _, err = run("ingest", str(tmp_path / "x.txt"), "--db", str(seeds_copy))
        assert code == 1
        line = one_line(err)
        assert f"is busy: parley serve (PID {child.pid}) has it open for reading" in line
        assert "stop it or wait for it to finish" in line and "-readonly" not in line
    assert count(seeds_copy) == 5


@pytest.mark.parametrize("command", [["articles"], ["ingest", "x.txt"], ["quotes"]])
def test_a_store_being_written_is_one_line_naming_the_writer(seeds_copy, tmp_path, command):
    with holding(tmp_path, seeds_copy, "ingest") as child:
        code, _, err = run(*command, "--db", str(seeds_copy))
        assert code == 1
        line = one_line(err)
        assert f"{seeds_copy} is busy: parley ingest (PID {child.pid}) is writing to it" in line
        assert "wait for it to finish or stop it" in line and "-readonly" not in line
    assert count(seeds_copy) == 5


def test_holder_names_from_argv():
    assert command_name(["/venv/bin/python", "/venv/bin/parley", "serve", "--db", "x"]) == "parley serve"
    assert command_name(["python", "-m", "parley.cli.main", "ingest", "a.txt"]) == "parley ingest"
    assert command_name(["python", "-c", "import duckdb"]) is None


# -- 13: one date checker, literal substrings ------------------------------------------------------------------
@pytest.mark.parametrize("command", [["articles"], ["quotes"], ["export"], ["timeline"], ["search", "Putin"]])
@pytest.mark.parametrize("value", ["20-20", "２０２４", "2024\n"])
def test_every_since_goes_through_one_checker(seeds_copy, command, value):
    code, out, err = run(*command, "--since", value, "--db", str(seeds_copy))
    assert code == 2 and out == ""
    assert "--since" in one_line(err) and "is not a date: use YYYY, YYYY-MM or YYYY-MM-DD" in err


def test_check_date_takes_ascii_digits_only():
    assert check_date("2024-02-29") == "2024-02-29"
    for bad in ("２０２４", "٢٠٢٤", "2024\n", "2023-02-29"):
        with pytest.raises(QueryError):
            check_date(bad)


def test_like_wildcards_are_literal_in_the_cli(hostile_db):
    def rows(*args: str) -> list:
        code, out, err = run(*args, "--json", "--db", str(hostile_db))
        assert code == 0, err
        return json.loads(out)

    assert len(rows("quotes")) > 5 and [a["id"] for a in rows("articles", "--outlet", "[RED]")] == [HOSTILE_ID]
    for args in (["articles", "--outlet", "%"], ["articles", "--outlet", "_"], ["quotes", "--speaker", "_"],
                 ["quotes", "--speaker", "%"], ["quotes", "--outlet", "%"]):
        assert rows(*args) == [], args
    code, out, _ = run("export", "--outlet", "_", "--db", str(hostile_db))
    assert code == 0 and out == ""


def test_api_dates_and_substrings_are_strict(hostile_db, monkeypatch):
    from test_web_corpus import running_server

    monkeypatch.setenv("PARLEY_SEARCH_SEMANTIC", "0")  # the server completes the index on start: keep it cheap

    with running_server(hostile_db) as url, httpx.Client(base_url=url, timeout=20) as http:
        assert http.get("/api/articles").json()["total"] == 6
        assert http.get("/api/articles", params={"outlet": "[red]"}).json()["total"] == 1
        for endpoint in ("/api/articles", "/api/quotes", "/api/timeline"):
            response = http.get(endpoint, params={"since": "２０２４"})
            assert response.status_code in (400, 422) and "since" in response.json()["error"]["message"]
        assert http.get("/api/articles", params={"outlet": "%"}).json()["total"] == 0
        assert http.get("/api/quotes", params={"speaker": "_"}).json()["total"] == 0
        assert http.get("/api/quotes", params={"outlet": "%"}).json()["total"] == 0

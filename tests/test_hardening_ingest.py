"""Issue 9, the readers: hostile files written here, each one error line naming the file (and line or
record), the rest of the batch stored, what was stored before intact, exit 1, and memory bounded.

One real `parley ingest` (a child process that reports its own peak memory) reads a folder holding
every hostile file beside good ones; the tests below each check their case in its output and store."""

from __future__ import annotations

import ctypes
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from parley.errors import CorruptInputError, InputError, MissingPathError, OversizeInputError
from parley.ingest import Limits, article_id, read_file, read_paths
from parley.models import Article

MIB = 1024 * 1024
PEAK_MB = 1536  # bound on the ingest's peak resident memory

CHILD = r"""
import atexit, resource, sys
atexit.register(lambda: sys.stderr.write(f"\nMAXRSS_KB {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\n"))
sys.argv = ["parley", *sys.argv[1:]]
from parley.cli.main import main
main()
"""

STORIES = {
    "base": ["The prime ministers of Portugal and Ghana met in Lisbon on Monday to discuss cocoa tariffs.",
             "Officials said a trade council would meet twice a year from 2025, starting in Accra."],
    "good": ["Ministers from Norway and Chile met in Oslo on Tuesday to discuss fisheries and Antarctic research.",
             "Their delegations signed a memorandum on salmon farming standards and polar shipping."],
    "line1": ["Kenya and Tanzania signed a port agreement in Mombasa on Wednesday, officials said.",
              "The deal cuts customs checks at the border crossing near Namanga by half."],
    "line2": ["Envoys of Peru and Japan discussed copper exports during a meeting in Lima on Thursday.",
              "Both sides agreed to set up a working group on mining investment before March."],
    "line3": ["The Austrian chancellor hosted his Swiss counterpart in Vienna to talk about winter energy supplies.",
              "They pledged to link their gas storage systems and to share reserves in an emergency."],
    "page1": ["Iceland and Canada held talks in Reykjavik on Arctic shipping lanes and search and rescue.",
              "The coast guards of both countries will run a joint exercise in the Denmark Strait next summer.",
              "Ministers said the cooperation would also cover ice charts and satellite data."],
    "page2": ["Finland and South Korea discussed ice breaker orders at a meeting in Helsinki on Friday.",
              "A shipyard in Turku is expected to bid for two vessels, the trade minister said.",
              "Talks on a research agreement for polar science will continue in Seoul in October."],
    "perm1": ["Delegates of Morocco and Senegal met in Dakar to discuss fishing licences off the Atlantic coast.",
              "A joint patrol agreement is due to be signed at a summit in Rabat in November."],
    "perm2": ["The foreign ministers of Estonia and Georgia met in Tallinn to review a digital services accord.",
              "Officials said online tax filing would be linked between the two countries next year."],
}
ONE_LINE = "The talks went on. " * 263_158  # 5 MB in one line
LONG_TEXT = "Talks went on. " * 93_334  # 1.4 million characters
SURROGATE = "Ministers met in Rome \ud800 on Monday to talk about grain."
RUSSIAN = ("Министры иностранных дел России и Казахстана встретились в Москве во вторник и обсудили вопросы "
           "безопасности, торговли и транспорта.\n\nПо словам министра, стороны договорились продолжить "
           "переговоры в следующем месяце в Астане.\n\nДелегации также подписали меморандум о сотрудничестве "
           "в области энергетики и железнодорожных перевозок.")
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>Lol</title>
<item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>"""
ATT_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire &amp; Cable Weekly</title>
<item><title>AT&amp;T and Mexico sign a telecoms pact</title><link>https://wire.example/att?a=1&amp;b=2</link>
<description>AT&amp;T officials met the Mexican economy minister in Monterrey on Monday to discuss spectrum &amp; towers in rural areas. The minister said the pact would be signed in June.</description></item>
</channel></rss>"""


def story(key: str) -> str:
    return "\n\n".join(STORIES[key])


def page(key: str) -> str:
    paras = "\n".join(f"<p>{p}</p>" for p in STORIES[key])
    return (f"<!DOCTYPE html><html><head><title>{STORIES[key][0][:40]}</title></head>"
            f"<body><article><h1>{STORIES[key][0][:40]}</h1>{paras}</article></body></html>")


# -- hostile files -----------------------------------------------------------------------------------


def gzip_bomb(path: Path, total: int = 1 << 30) -> Path:
    """A real bomb: ``total`` bytes of text as gzip members of 1 MiB each (about 3 MB on disk),
    built without ever holding more than one member."""
    chunk = (b"The ministers met in Geneva and agreed to meet again. " * 20000)[:MIB]
    member = gzip.compress(chunk, compresslevel=9)
    with open(path, "wb") as fh:
        for _ in range(total // MIB):
            fh.write(member)
    return path


def sparse_file(path: Path, head: bytes, size: int) -> Path:
    """A file of ``size`` bytes that starts with ``head`` (the rest a hole: no disk, no time)."""
    with open(path, "wb") as fh:
        fh.write(head)
        fh.truncate(size)
    return path


def warc_with_bomb_record(path: Path) -> Path:
    """A .warc.gz: a good page, a response whose gzip Content-Encoding inflates to 100 MiB, a good page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    bomb = io.BytesIO()
    with gzip.GzipFile(fileobj=bomb, mode="wb", compresslevel=1) as gz:
        chunk = b"<p>" + b"lol " * (MIB // 4 - 1) + b"</p>"
        gz.write(b"<html><body>")
        for _ in range(100):
            gz.write(chunk)
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, body, extra in [("https://ledger.example/one", page("page1").encode(), []),
                                 ("https://ledger.example/bomb", bomb.getvalue(), [("Content-Encoding", "gzip")]),
                                 ("https://ledger.example/two", page("page2").encode(), [])]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), *extra],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    return path


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def record(key: str, **extra) -> str:
    return json.dumps({"text": story(key), **extra})


# -- running the real CLI ----------------------------------------------------------------------------


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def peak_mb(self) -> float:
        line = [x for x in self.stderr.splitlines() if x.startswith("MAXRSS_KB ")][-1]
        return int(line.split()[1]) / 1024

    @property
    def errors(self) -> list[str]:
        return [x.removeprefix("error: ") for x in self.stderr.splitlines() if x.startswith("error: ")]


def parley(*args: str | Path, env: dict | None = None, preexec=None, timeout: int = 240) -> Run:
    full_env = {**os.environ, "COLUMNS": "500", "PYTHONUNBUFFERED": "1", **(env or {})}
    for name in ("PARLEY_MAX_FILE_MB", "PARLEY_MAX_ARTICLE_CHARS"):
        if name not in (env or {}):
            full_env.pop(name, None)
    proc = subprocess.run([sys.executable, "-c", CHILD, *map(str, args)], capture_output=True, text=True,
                          env=full_env, preexec_fn=preexec, timeout=timeout)
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    return Run(proc.returncode, proc.stdout, proc.stderr)


def stored(db: Path) -> dict[str, Article]:
    """Articles in the store by source."""
    from parley.store import Store

    with Store(db, read_only=True) as store:
        return {a.source: a for a in store.articles()}


def one_error(run: Run, start: str) -> str:
    found = [e for e in run.errors if e.startswith(start)]
    assert len(found) == 1, (start, run.errors)
    return found[0]


@dataclass
class Batch:
    root: Path
    db: Path
    before: dict[str, Article]
    after: dict[str, Article]
    run: Run
    files: dict[str, Path]

    def assert_stored_around(self, *good: str) -> None:
        """What was stored before is intact and the good files beside the bad ones are stored."""
        assert len(self.before) == 1 and set(self.before) <= set(self.after)
        assert all(self.after[s].id == a.id for s, a in self.before.items())
        assert len(self.after) == 1 + len(EXPECTED_GOOD), sorted(self.after)
        for source in good:
            assert source in self.after, (source, sorted(self.after))
        assert self.run.code == 1


EXPECTED_GOOD = ["good.txt", "russian.txt", "att.rss#entry-1", "hostile.jsonl:3", "oversized.jsonl:1",
                 "long_line.jsonl:2", "https://ledger.example/one", "https://ledger.example/two"]


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Batch:
    root = tmp_path_factory.mktemp("hostile")
    db = root / "store" / "parley.duckdb"
    db.parent.mkdir()
    base = root / "base.txt"
    base.write_text(story("base"), encoding="utf-8")
    first = parley("ingest", "-q", "--db", db, base)
    assert first.code == 0, first.stderr
    before = stored(db)

    inbox = root / "inbox"
    inbox.mkdir()
    files = {
        "good": inbox / "good.txt",
        "bomb": gzip_bomb(inbox / "bomb.txt.gz"),
        "one_line": inbox / "one_line.txt",
        "oversized": write_jsonl(inbox / "oversized.jsonl", [
            record("line1"),
            json.dumps({"text": LONG_TEXT}),
            json.dumps({"text": story("line2"), "title": "T" * 2_000_000}),
        ]),
        "long_line": inbox / "long_line.jsonl",
        "hostile": write_jsonl(inbox / "hostile.jsonl", [
            json.dumps({"text": SURROGATE}),  # written as the escape "\ud800"
            "[" * 100_000,
            record("line3"),
        ]),
        "warc": warc_with_bomb_record(inbox / "crawl.warc.gz"),
        "html": sparse_file(inbox / "huge.html", b"<!DOCTYPE html><html><body><p>", 65 * MIB),
        "feed": sparse_file(inbox / "huge.rss", b"<?xml version='1.0'?><rss><channel>", 65 * MIB),
        "lol": inbox / "lol.rss",
        "att": inbox / "att.rss",
        "russian": inbox / "russian.txt",
        "loop": root / "loop",
        "dangling": root / "dangling",
    }
    files["good"].write_text(story("good"), encoding="utf-8")
    files["one_line"].write_text(ONE_LINE, encoding="utf-8")
    with open(files["long_line"], "w", encoding="utf-8") as fh:  # a 65 MiB first line, then a good one
        fh.write('{"text": "' + "a" * (65 * MIB) + '"}\n' + record("line2") + "\n")
    files["lol"].write_text(BILLION_LAUGHS, encoding="utf-8")
    files["att"].write_text(ATT_FEED, encoding="utf-8")
    files["russian"].write_bytes(RUSSIAN.encode("cp1251"))
    os.symlink(root / "loop2", files["loop"])
    os.symlink(files["loop"], root / "loop2")
    os.symlink(root / "nowhere.txt", files["dangling"])

    run = parley("ingest", "-q", "--db", db, inbox, files["loop"], files["dangling"])
    for name in ("long_line", "one_line"):
        files[name].unlink()  # 70 MB of disk back
    return Batch(root, db, before, stored(db), run, files)


def source(batch: Batch, name: str) -> str:
    if name.startswith("https://"):
        return name
    return str(batch.root / "inbox" / name)


# -- 2. decompression bombs and oversized files ------------------------------------------------------


def test_gzip_bomb_is_one_error_and_memory_stays_bounded(batch):
    line = one_error(batch.run, f"{batch.files['bomb']}: ")
    assert "decompressed data larger than the limit of 64.0 MiB" in line
    assert "--max-file-mb" in line and "PARLEY_MAX_FILE_MB" in line
    assert batch.run.peak_mb < PEAK_MB, batch.run.peak_mb
    batch.assert_stored_around(source(batch, "good.txt"))


def test_oversized_warc_record_is_one_error_and_the_archive_goes_on(batch):
    line = one_error(batch.run, f"{batch.files['warc']}#record-")
    assert "(https://ledger.example/bomb)" in line and "record payload larger than the limit of 64.0 MiB" in line
    assert not [e for e in batch.run.errors if "truncated" in e]
    batch.assert_stored_around("https://ledger.example/one", "https://ledger.example/two")


def test_oversized_html_and_feed_are_refused_from_their_size(batch):
    for name in ("html", "feed"):
        line = one_error(batch.run, f"{batch.files[name]}: ")
        assert "file too large: 65.0 MiB, over the limit of 64.0 MiB" in line
    batch.assert_stored_around(source(batch, "good.txt"))


# -- 3. oversized articles ---------------------------------------------------------------------------


def test_oversized_articles_are_error_lines_and_the_batch_is_stored(batch):
    line = one_error(batch.run, f"{source(batch, 'one_line.txt')}: ")
    assert f"article too long: {len(ONE_LINE):,} characters, over the limit of 500,000" in line
    oversized = batch.files["oversized"]
    line = one_error(batch.run, f"{oversized}:2: ")
    assert f"article too long: {len(LONG_TEXT):,} characters, over the limit of 500,000" in line
    assert "headline too long: 2,000,000 characters, over the limit of 2,000" in one_error(batch.run, f"{oversized}:3: ")
    assert batch.run.peak_mb < PEAK_MB, batch.run.peak_mb
    batch.assert_stored_around(f"{oversized}:1", source(batch, "good.txt"))


def test_jsonl_is_streamed_and_each_line_is_bounded(batch):
    long_line = batch.files["long_line"]
    assert "JSONL line larger than the limit of 64.0 MiB" in one_error(batch.run, f"{long_line}:1: ")
    batch.assert_stored_around(f"{long_line}:2")  # the file is over 64 MiB; its good line is stored


def test_analyse_never_hands_spacy_an_article_over_the_limit(nlp):
    from parley import pipeline

    small = Article(id="a" * 16, source="small.txt", text=story("good"))
    big = Article(id="b" * 16, source="big.txt", text="Talks went on. " * 40)
    limits = Limits(max_article_chars=400)
    out = list(pipeline.analyse([big, small], limits=limits))
    assert [type(x).__name__ for x in out] == ["OversizeInputError", "Record"]
    assert str(out[0]) == "big.txt: article too long: 600 characters, over the limit of 400 " \
                          "(--max-article-chars, PARLEY_MAX_ARTICLE_CHARS)"
    assert out[1].article.source == "small.txt"
    assert nlp.max_length == 400
    list(pipeline.analyse([small]))  # the default limit again
    assert nlp.max_length == Limits().max_article_chars
    with pytest.raises(ValueError):
        Limits(max_article_chars=1_000_001)  # spaCy's own ceiling


# -- 4. JSONL lines that crashed the reader ----------------------------------------------------------


def test_surrogate_and_deep_nesting_are_error_lines(batch):
    hostile = batch.files["hostile"]
    line = one_error(batch.run, f"{hostile}:1: ")
    at = SURROGATE.index("\ud800")
    assert f"field 'text' holds a lone surrogate (\\ud800 at character {at}), not valid Unicode" in line
    assert one_error(batch.run, f"{hostile}:2: ").endswith("invalid JSON (nested too deeply)")
    batch.assert_stored_around(f"{hostile}:3")


def test_extract_reports_bad_lines_and_limits_and_writes_the_rest(batch, tmp_path):
    medium = tmp_path / "medium.txt"
    medium.write_text("The talks went on. " * 12_000, encoding="utf-8")  # 228,000 characters
    big = sparse_file(tmp_path / "two_mib.html", b"<html><body><p>", 2 * MIB)
    run = parley("extract", "--max-article-chars", "200000", batch.files["hostile"], medium, big,
                 env={"PARLEY_MAX_FILE_MB": "1"})
    assert run.code == 1
    hostile = batch.files["hostile"]
    assert "lone surrogate" in one_error(run, f"{hostile}:1: ")
    assert "nested too deeply" in one_error(run, f"{hostile}:2: ")
    assert "article too long: 228,000 characters, over the limit of 200,000" in one_error(run, f"{medium}: ")
    assert "file too large: 2.0 MiB, over the limit of 1.0 MiB" in one_error(run, f"{big}: ")
    records = [json.loads(x) for x in run.stdout.splitlines() if x.strip()]
    assert [r["source"] for r in records] == [f"{hostile}:3"]


def test_article_id_never_raises_on_a_lone_surrogate(tmp_path):
    assert len(article_id("Talks \ud800 in Rome")) == 16
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"text": story("good"), "title": "Rome \udfff talks"}) + "\n", encoding="utf-8")
    [err] = list(read_paths([path]))
    assert isinstance(err, CorruptInputError) and str(err).startswith(f"{path}:1: field 'title' holds a lone surrogate")


@pytest.mark.parametrize("ref", ["&#xD800;", "&#55296;", "&#x110000;", "&#99999999999;", "&#0;"])
def test_feed_char_refs_to_invalid_code_points_become_replacement_chars(tmp_path, ref):
    path = tmp_path / "refs.rss"  # feedparser itself raises on these (UnicodeEncodeError, ValueError, ...)
    path.write_text(ATT_FEED.replace("telecoms pact", f"telecoms {ref} pact"), encoding="utf-8")
    [a] = read_file(path)
    assert a.title == "AT&T and Mexico sign a telecoms \ufffd pact"
    assert a.id == article_id(a.text)


# -- 9. unreadable files and folders -----------------------------------------------------------------

PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2


def _drop_read_override() -> None:
    """preexec_fn: root keeps its uid but loses the capabilities that ignore file permissions."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) refused")


def _unprivileged(probe: Path):
    """The preexec_fn under which ``probe`` (mode 000) cannot be read, or a skip saying why not."""
    if os.geteuid() != 0:
        return None
    try:
        check = subprocess.run([sys.executable, "-c", f"open({str(probe)!r}, 'rb').read()"],
                               preexec_fn=_drop_read_override, capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"running as root and cannot drop CAP_DAC_OVERRIDE here ({exc}), so mode 000 blocks nothing")
    if check.returncode == 0:
        pytest.skip("running as root and a mode-000 file stays readable even without CAP_DAC_OVERRIDE")
    return _drop_read_override


def test_unreadable_file_and_subfolder_are_error_lines(batch, tmp_path):
    db = tmp_path / "store" / "parley.duckdb"
    shutil.copytree(batch.db.parent, db.parent)
    before = stored(db)
    locked = tmp_path / "locked.txt"
    locked.write_text(story("line1").replace("Kenya", "Uganda"), encoding="utf-8")
    beside = tmp_path / "beside.txt"
    beside.write_text(story("perm1"), encoding="utf-8")
    folder = tmp_path / "folder"
    (folder / "closed").mkdir(parents=True)
    (folder / "closed" / "hidden_away.txt").write_text(story("line3"), encoding="utf-8")
    (folder / "open.txt").write_text(story("perm2"), encoding="utf-8")
    locked.chmod(0)
    (folder / "closed").chmod(0)
    try:
        preexec = _unprivileged(locked)
        run = parley("ingest", "-q", "--db", db, locked, beside, folder, preexec=preexec)
    finally:
        (folder / "closed").chmod(0o755)
        locked.chmod(0o644)
    assert run.code == 1, run.stderr
    assert run.errors == [f"{locked}: permission denied", f"{folder / 'closed'}: permission denied"]
    after = stored(db)
    assert set(after) == set(before) | {str(beside), str(folder / "open.txt")}


# -- 11. legacy code pages ---------------------------------------------------------------------------


def test_cp1251_cyrillic_is_decoded(batch, tmp_path):
    a = batch.after[source(batch, "russian.txt")]
    assert a.text.startswith("Министры иностранных дел России") and a.language == "ru"
    [b] = read_file(write_bytes(tmp_path / "ru.txt", RUSSIAN.encode("cp1251")))
    assert b.text == a.text
    text = "Caf\u00e9 diplomacy \u2013 the ministers met for \u201cfrank\u201d talks in Geneva on Friday afternoon."
    [c] = read_file(write_bytes(tmp_path / "fr.txt", text.encode("cp1252")))  # Latin stays cp1252
    assert "Café diplomacy – the ministers" in c.text
    batch.assert_stored_around(source(batch, "russian.txt"))


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# -- 15. symbolic links ------------------------------------------------------------------------------


def test_symlink_loop_and_broken_link_are_named(batch, tmp_path):
    assert one_error(batch.run, f"{batch.files['loop']}: ") == f"{batch.files['loop']}: symbolic link loop"
    assert one_error(batch.run, f"{batch.files['dangling']}: ") == (
        f"{batch.files['dangling']}: broken symbolic link (points to {batch.root / 'nowhere.txt'}, which does not exist)")
    folder = tmp_path / "links"
    folder.mkdir()
    os.symlink(folder / "b", folder / "a")
    os.symlink(folder / "a", folder / "b")
    (folder / "story.txt").write_text(story("good"), encoding="utf-8")
    items = list(read_paths([folder]))
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert errors == [f"{folder / 'a'}: symbolic link loop", f"{folder / 'b'}: symbolic link loop"]
    assert all(isinstance(i, MissingPathError) for i in items if isinstance(i, InputError))
    assert [i.source for i in items if isinstance(i, Article)] == [str(folder / "story.txt")]
    batch.assert_stored_around(source(batch, "good.txt"))


# -- 16. feeds with entities -------------------------------------------------------------------------


def test_entity_feed_is_refused_and_entities_are_decoded_once(batch, tmp_path):
    line = one_error(batch.run, f"{batch.files['lol']}: ")
    assert line.endswith("feed declares XML entities (<!ENTITY in its DOCTYPE); refused")
    a = batch.after[f"{batch.files['att']}#entry-1"]
    assert a.title == "AT&T and Mexico sign a telecoms pact"
    assert "AT&T officials met" in a.text and "spectrum & towers" in a.text and "&amp;" not in a.text
    assert a.outlet == "Wire & Cable Weekly" and a.url == "https://wire.example/att?a=1&b=2"
    undeclared = tmp_path / "undeclared.rss"  # no DOCTYPE: only unexpanded references left
    undeclared.write_text(BILLION_LAUGHS.split("]>\n")[1], encoding="utf-8")
    items = [str(i) for i in read_paths([undeclared])]
    assert items == [f"{undeclared}#entry-1: feed entry holds only unexpanded XML entity references"]
    batch.assert_stored_around(f"{batch.files['att']}#entry-1")


def test_oversize_errors_have_their_own_class(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text(story("good"), encoding="utf-8")
    with pytest.raises(OversizeInputError, match="over the limit of 10 "):
        read_file(path, limits=Limits(max_article_chars=10))

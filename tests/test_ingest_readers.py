"""Each reader on inputs written here, and each kind of bad input: one one-line InputError naming the
file, and the rest of the batch still comes through."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from parley.errors import (
    BinaryInputError,
    CorruptInputError,
    DecodeError,
    EmptyInputError,
    InputError,
    MissingPathError,
)
from parley.ingest import article_id, read_file, read_paths
from parley.models import Article

PARAS = [
    "The foreign ministers of Norway and Chile met in Oslo on Tuesday to discuss fisheries and Antarctic research.",
    "\u201cWe agreed to open a joint research station by 2026,\u201d Minister Ana Ruiz told reporters after the talks.",
    "Her Norwegian counterpart, Erik Lund, said both governments would fund the project equally and share all data.",
    "The two delegations also signed a memorandum on salmon farming standards and on cooperation in polar shipping.",
]


def page(title: str = "Norway and Chile agree on polar research", paras=PARAS) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | The Northern Ledger</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="The Northern Ledger">
<meta name="author" content="Kari Nordmann">
<meta property="article:published_time" content="2023-05-16T08:30:00+00:00">
<link rel="canonical" href="https://ledger.example/polar">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
{body}
</article>
<footer>Follow us on social networks. Copyright 2023 The Northern Ledger.</footer>
</body></html>"""


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>https://harbour.example</link>
<description>News</description>
<item><title>Kenya and Tanzania sign port deal</title><link>https://harbour.example/ports</link>
<author>desk@harbour.example (Amina Otieno)</author>
<pubDate>Wed, 03 Mar 2021 09:15:00 GMT</pubDate>
<description><![CDATA[<p>The presidents of Kenya and Tanzania signed a port agreement in Mombasa on Wednesday.</p><p>The deal cuts customs checks at the border.</p>]]></description></item>
<item><title>Second story</title><link>https://harbour.example/second</link>
<pubDate>Thu, 04 Mar 2021 10:00:00 GMT</pubDate>
<description>Officials in Dodoma said the railway link would open next year.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Alpine Courier</title><id>urn:x</id><updated>2022-09-01T12:00:00Z</updated>
<entry><title>Swiss and Austrian chancellors meet in Vienna</title><id>urn:1</id>
<link href="https://alpine.example/vienna"/><author><name>Lukas Huber</name></author>
<published>2022-09-01T11:45:00Z</published><updated>2022-09-01T12:00:00Z</updated>
<content type="html">&lt;p&gt;The leaders of Switzerland and Austria met in Vienna to discuss energy supplies for the winter.&lt;/p&gt;</content>
</entry></feed>"""


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def build_warc(gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    pages = [
        ("https://ledger.example/a", page("Norway and Chile agree on polar research")),
        ("https://ledger.example/b", page("Iceland and Canada talk Arctic shipping", [p.replace("Chile", "Canada").replace("Norway", "Iceland") for p in PARAS])),
        ("https://ledger.example/c", page("Finland and Japan discuss ice breakers", [p.replace("Chile", "Japan").replace("Norway", "Finland") for p in PARAS])),
    ]
    for uri, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
        writer.write_record(rec)
    # a non-HTML record is skipped
    headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://ledger.example/x.png", "response",
                                                  payload=io.BytesIO(b"\x89PNG...."), http_headers=headers))
    return buf.getvalue()


def assert_one_line(err: InputError, path: Path | str) -> None:
    msg = str(err)
    assert "\n" not in msg
    assert str(path) in msg


# -- readers -----------------------------------------------------------------------------------------


def test_html_page(tmp_path):
    [a] = read_file(write(tmp_path / "polar.html", page()))
    assert a.format == "html"
    assert a.title == "Norway and Chile agree on polar research"
    assert a.text.split("\n\n")[0] == a.title
    assert a.author == "Kari Nordmann"
    assert a.published == "2023-05-16"
    assert a.outlet == "The Northern Ledger"
    for p in PARAS:
        assert p in a.text
    assert "Home" not in a.text and "Follow us" not in a.text
    assert a.id == article_id(a.text)
    assert a.language == "en"


def test_html_sniffed_without_extension(tmp_path):
    [a] = read_file(write(tmp_path / "saved_page", page()))
    assert a.format == "html" and PARAS[0] in a.text


def test_rss_feed(tmp_path):
    path = write(tmp_path / "feed.rss", RSS)
    first, second = read_file(path)
    assert first.format == "feed"
    assert first.title == "Kenya and Tanzania sign port deal"
    assert first.text.startswith(first.title + "\n\n")
    assert "signed a port agreement in Mombasa on Wednesday." in first.text
    assert "<p>" not in first.text
    assert first.outlet == "Harbour Gazette"
    assert first.published == "2021-03-03T09:15"
    assert first.url == "https://harbour.example/ports"
    assert first.source == f"{path}#entry-1"
    assert second.source == f"{path}#entry-2" and "railway link" in second.text


def test_atom_feed_sniffed_from_xml(tmp_path):
    [a] = read_file(write(tmp_path / "alpine.xml", ATOM))
    assert a.title == "Swiss and Austrian chancellors meet in Vienna"
    assert a.author == "Lukas Huber"
    assert a.published == "2022-09-01T11:45"
    assert a.outlet == "Alpine Courier"
    assert "energy supplies for the winter" in a.text


def test_jsonl_with_a_bad_line(tmp_path):
    lines = [
        json.dumps({"text": PARAS[0] + "\n\n" + PARAS[1], "title": "Oslo talks", "url": "https://x.example/1",
                    "published": "2023-05-16T08:30:00Z", "outlet": "Wire", "author": "Ann Lee"}),
        "{not json",
        json.dumps({"title": "no text here"}),
        "",
        json.dumps({"text": PARAS[2], "published": "16 May 2023"}),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines))
    items = list(read_paths([path]))
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, InputError)]
    assert len(arts) == 2 and len(errs) == 2
    assert str(errs[0]).startswith(f"{path}:2: ") and isinstance(errs[0], CorruptInputError)
    assert str(errs[1]).startswith(f"{path}:3: ") and "text" in str(errs[1])
    a, b = arts
    assert (a.title, a.url, a.published, a.outlet, a.author) == ("Oslo talks", "https://x.example/1", "2023-05-16T08:30", "Wire", "Ann Lee")
    assert a.text.startswith("Oslo talks\n\n") and PARAS[1] in a.text
    assert b.published == "2023-05-16" and a.format == b.format == "jsonl"
    with pytest.raises(CorruptInputError):
        read_file(path)


@pytest.mark.parametrize("gz", [False, True])
def test_warc(tmp_path, gz):
    path = write(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), build_warc(gz))
    arts = read_file(path)
    assert [a.url for a in arts] == ["https://ledger.example/a", "https://ledger.example/b", "https://ledger.example/c"]
    assert all(a.format == "warc" and a.source == a.url for a in arts)
    assert arts[1].title == "Iceland and Canada talk Arctic shipping"
    assert "Finland" in arts[2].text


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_warc_yields_what_it_can_then_an_error(tmp_path, gz):
    data = build_warc(gz)
    path = write(tmp_path / ("cut.warc.gz" if gz else "cut.warc"), data[: int(len(data) * 0.6)])
    items = list(read_paths([path]))
    arts = [i for i in items if isinstance(i, Article)]
    assert 1 <= len(arts) < 3
    assert isinstance(items[-1], CorruptInputError)
    assert "truncated" in str(items[-1])
    assert_one_line(items[-1], path)


def test_gzipped_text(tmp_path):
    [a] = read_file(write(tmp_path / "note.txt.gz", gzip.compress("\n\n".join(PARAS).encode())))
    assert PARAS[3] in a.text


def test_cp1252_text_is_decoded(tmp_path):
    text = "Caf\u00e9 diplomacy \u2013 the ministers met for \u201cfrank\u201d talks in Geneva on Friday afternoon."
    [a] = read_file(write(tmp_path / "old.txt", text.encode("cp1252")))
    assert "Café diplomacy – the ministers" in a.text


def test_utf8_bom(tmp_path):
    [a] = read_file(write(tmp_path / "bom.txt", "\ufeff" + PARAS[0]))
    assert a.text == PARAS[0]


# -- bad inputs --------------------------------------------------------------------------------------

BAD = {
    "empty.txt": (b"", EmptyInputError, "empty"),
    "blank.txt": (b" \n\n\t \n", EmptyInputError, "empty"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, BinaryInputError, "binary"),
    "mojibake.txt": (b"Talks \x81\x8d\x8f\x90\x9d held \x81\x9d in \x8f the \x90 capital " * 3, DecodeError, "undecodable"),
    "cut.txt.gz": (gzip.compress(" ".join(PARAS).encode())[:40], CorruptInputError, "truncated"),
    "broken.html": (b"<html><body><div><script>var x = 1;</script></di", CorruptInputError, "no article text"),
    "broken.rss": (b"<?xml version='1.0'?><rss><channel><title>x</title><item><title>unclosed", CorruptInputError, "malformed feed"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_one_error_and_the_batch_goes_on(tmp_path, name):
    data, kind, words = BAD[name]
    bad = write(tmp_path / "in" / name, data)
    good = write(tmp_path / "in" / "zz_good.txt", "\n\n".join(PARAS))
    items = list(read_paths([tmp_path / "in"]))
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1, errors
    err = errors[0]
    assert isinstance(err, kind)
    assert words in str(err).lower()
    assert_one_line(err, bad)
    arts = [i for i in items if isinstance(i, Article)]
    assert len(arts) == 1 and arts[0].source == str(good)
    with pytest.raises(kind):
        read_file(bad)


def test_missing_path_and_empty_folder(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    write(empty / ".hidden.txt", "\n\n".join(PARAS))  # hidden files are skipped
    write(empty / "README.md", "\n\n".join(PARAS))  # documentation is skipped
    good = write(tmp_path / "one.txt", "\n\n".join(PARAS))
    items = list(read_paths([tmp_path / "nope", empty, good]))
    assert isinstance(items[0], MissingPathError)
    assert_one_line(items[0], tmp_path / "nope")
    assert isinstance(items[1], EmptyInputError)
    assert_one_line(items[1], empty)
    assert isinstance(items[2], Article)
    assert len(items) == 3


def test_folder_of_only_bad_files_names_the_folder(tmp_path):
    folder = tmp_path / "junk"
    write(folder / "a.txt", b"")
    items = list(read_paths([folder]))
    assert [type(i) for i in items] == [EmptyInputError, EmptyInputError]
    assert str(items[-1]).startswith(str(folder) + ":")


def test_folders_are_read_recursively_in_sorted_order(tmp_path):
    write(tmp_path / "b" / "2.txt", PARAS[1])
    write(tmp_path / "a" / "z.txt", PARAS[0])
    write(tmp_path / "b" / "1.txt", PARAS[2])
    srcs = [Path(a.source).relative_to(tmp_path).as_posix() for a in read_paths([tmp_path])]
    assert srcs == ["a/z.txt", "b/1.txt", "b/2.txt"]


@pytest.mark.parametrize(
    "text, code",
    [
        ("Les ministres des affaires étrangères se sont réunis à Paris pour discuter de la paix et du commerce.", "fr"),
        ("Министры иностранных дел встретились в Москве и обсудили вопросы безопасности.", "ru"),
        (PARAS[0] + " " + PARAS[2], "en"),
    ],
)
def test_language_is_detected(tmp_path, text, code):
    [a] = read_file(write(tmp_path / "x.txt", text))
    assert a.language == code

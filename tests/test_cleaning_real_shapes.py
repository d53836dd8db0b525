"""Shapes of real news pages (issue 10), on page texts written for these tests: date lines of many sites,
a page-view date beside the article's own date, wire datelines and credits, login bars, teasers, glued
breadcrumbs, captions and counters; and the body sentences that look like chrome but must survive."""

from __future__ import annotations

import pytest
from _helpers import page

from parley.ingest import clean_text
from parley.ingest.dates import parse_dateline

HEAD = "Chile and Argentina agree to reopen mountain border crossings"
P1 = ("Chilean President Gabriel Boric and Argentine President Javier Milei agreed on Tuesday to reopen three "
      "mountain border crossings that were closed during the winter storms, officials said.")
P2 = ("The two leaders also discussed copper and lithium exports, and asked their foreign ministers to prepare "
      "a joint plan on road maintenance before the end of the year.")
P3 = "Boric said the agreement would help thousands of truck drivers on both sides of the Andes."


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def rule_of(c, line: str) -> str:
    return dict(zip(c.removed, c.removed_rules))[line]


# -- date lines ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, value", [
    ("POLITICS 16:54 / 21.12.2022", "2022-12-21T16:54"),       # section label, time, day.month.year
    ("WORLD 09:05 / 03.02.2024 1520", "2024-02-03T09:05"),     # ... and a view counter
    ("Created: 24-03-2021", "2021-03-24"),
    ("Updated: 25-03-2021 10:02 IST | Created: 24-03-2021 15:54 IST", "2021-03-24T15:54"),  # created wins
    ("11:25 JST, May 7, 2023", "2023-05-07T11:25"),             # time zone named before the date
    ("Fri 19th March 2021 | 03:10 PM", "2021-03-19T15:10"),
    ("Published March 24,2021", "2021-03-24"),                  # no space after the comma
    ("Wednesday, 3 June 2024", "2024-06-03"),
    ("This Article is From Jun 4, 2021", "2021-06-04"),        # never the title
])
def test_date_line_shapes_are_read(line, value):
    assert parse_dateline(line) == value
    c = clean_text(page(HEAD, line, P1, P2, P3))
    assert (c.published, c.published_from) == (value, "date line")
    assert line in c.removed and line not in c.text


def test_a_sentence_with_a_date_is_no_date_line():
    assert parse_dateline("The talks were first held on March 24, 2021 in Ankara.") is None


def test_the_articles_own_date_wins_over_the_page_view_date():
    """A bare date above the headline is the day the page was viewed; the date under the headline is
    the article's. Both lines go, and the article's date is the publication date."""
    c = clean_text(page("Monday, 3 June 2024", HEAD, "By Ana Ruiz", "Published: 28 May 2024", P1, P2, P3))
    assert (c.published, c.published_from, c.author) == ("2024-05-28", "date line", "Ana Ruiz")
    assert "Monday, 3 June 2024" in c.removed and "Published: 28 May 2024" in c.removed
    assert paragraphs(c.text) == [HEAD, P1, P2, P3]


def test_a_page_view_date_alone_still_dates_the_article():
    c = clean_text(page("Monday, 3 June 2024", HEAD, P1, P2, P3))
    assert c.published == "2024-06-03"


def test_a_dateline_date_wins_over_a_date_line():
    c = clean_text(page(HEAD, "Updated: 30 May 2024", f"SANTIAGO, May 28, 2024 (Reuters) - {P1}", P2, P3))
    assert (c.published, c.published_from) == ("2024-05-28", "dateline")


def test_a_date_on_the_byline():
    c = clean_text(page(HEAD, "By Ana Ruiz | May 28, 2024", P1, P2, P3))
    assert (c.author, c.published, c.published_from) == ("Ana Ruiz", "2024-05-28", "byline")


# -- datelines and wire services -------------------------------------------------------------------------

@pytest.mark.parametrize("dateline, wire, place, published", [
    ("TOKYO (Reuters) -", "Reuters", "Tokyo", None),
    ("ANKARA, March 19 (AA)", "AA", "Ankara", None),              # no dash: the date is the second signal
    ("Nairobi March 3/2022 (KNA) -", "KNA", "Nairobi", "2022-03-03"),
    ("LIMA, Nov. 14, 2024 (Xinhua) --", "Xinhua", "Lima", "2024-11-14"),
])
def test_wire_datelines(dateline, wire, place, published):
    c = clean_text(page(HEAD, f"{dateline} {P1}", P2, P3))
    assert paragraphs(c.text)[1] == P1
    assert (c.wire, c.dateline_place, c.published) == (wire, place, published)
    assert c.outlet == wire  # the page names no other publisher: the agency is its outlet
    assert rule_of(c, dateline) == "dateline"


@pytest.mark.parametrize("credit, wire", [
    ("[Reuters]", "Reuters"),
    ("(Yonhap)", "Yonhap"),
    ("(UNI)", "UNI"),
    ("- PTI", "PTI"),
])
def test_agency_credit_closing_the_story(credit, wire):
    c = clean_text(page(HEAD, P1, P2, f"{P3} {credit}"))
    assert paragraphs(c.text)[-1] == P3
    assert c.wire == wire and credit in c.removed


def test_the_outlet_credit_line_beside_the_wire():
    c = clean_text(page(HEAD, f"SANTIAGO (Reuters) - {P1}", P2, P3, "Andes Herald"))
    assert (c.outlet, c.wire) == ("Andes Herald", "Reuters")


def test_a_source_credit_names_the_wire():
    c = clean_text(page(HEAD, "Source: Yonhap |", P1, P2, P3))
    assert c.wire == "Yonhap" and "Source: Yonhap |" not in c.text


def test_parenthesised_words_closing_a_sentence_are_no_wire():
    last = "Boric thanked the truck drivers (and their families)."
    c = clean_text(page(HEAD, P1, P2, last))
    assert last in c.text and c.wire is None


# -- page chrome -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("chrome", [
    "Newsletter Signup Register / Login",
    "Subscribe | Login",
    "0 Comments",
    "| | 0 |",
    "482 views Politics 0",
    "Read also: Peru and Bolivia sign a water treaty",
])
def test_top_chrome_goes_and_the_headline_is_found(chrome):
    c = clean_text(page(chrome, HEAD, P1, P2, P3))
    assert c.title == HEAD and chrome not in c.text and chrome in c.removed


def test_breadcrumb_glued_to_the_headline():
    c = clean_text(page(f"HomeWorld{HEAD}", P1, P2, P3))
    assert c.title == HEAD and "HomeWorld" in c.removed


def test_breadcrumb_with_spaces_before_a_repeated_headline():
    c = clean_text(page(f"News World {HEAD}", HEAD, P1, P2, P3))
    assert c.title == HEAD and f"News World {HEAD}" in c.removed
    assert rule_of(c, f"News World {HEAD}") == "breadcrumb"


def test_headline_glued_to_a_row_of_page_fields():
    c = clean_text(page(f"{HEAD} in talks with Argentina's U.S.Reuters | Santiago | Updated: 29-05-2024 "
                        "08:15 IST | Created: 28-05-2024 21:40 IST", P1, P2, P3))
    assert c.title == f"{HEAD} in talks with Argentina's U.S."
    assert (c.wire, c.published) == ("Reuters", "2024-05-28T21:40")
    assert "Created" not in c.text


def test_close_button_after_the_headline():
    c = clean_text(page(f"{HEAD} x", P1, P2, P3))
    assert c.title == HEAD and "x" in c.removed


def test_file_photo_caption_and_photo_credit():
    caption = "FILE PHOTO: Chilean President Gabriel Boric speaks at a news conference in Santiago"
    c = clean_text(page(caption, "Chilean President Gabriel Boric Photo: Reuters/POOL", HEAD, P1, P2, P3))
    assert caption not in c.text and "Photo: Reuters/POOL" not in c.text
    assert c.title == HEAD  # the caption's leftover name is no headline


def test_caption_closed_by_a_source_credit_keeps_its_words():
    caption = "Boric and Milei shake hands at La Moneda palace in Santiago on May 28, 2024."
    c = clean_text(page(f"{caption}/ Source: Yonhap |", HEAD, P1, P2, P3))
    assert "Source: Yonhap" not in c.text and caption in c.text


def test_reporter_credit_is_the_author_not_the_title():
    c = clean_text(page("AndesToday reporter Kim Min-ji", P1, P2, P3))
    assert (c.title, c.author, c.outlet) == (None, "Kim Min-ji", "AndesToday")


def test_a_tag_line_of_the_stories_people_is_no_byline():
    c = clean_text(page(HEAD, "Boric Milei", P1, P2, P3))
    assert c.author is None and "Boric Milei" in c.removed


def test_sponsored_block_after_the_story():
    c = clean_text(page(HEAD, P1, P2, P3, "Sponsored Content",
                        "About Sponsored ContentThis content was commissioned by the bank's studio."))
    assert c.author is None and "Sponsored" not in c.text
    assert rule_of(c, "About Sponsored ContentThis content was commissioned by the bank's studio.") == \
        "glued to chrome"


# -- body sentences that look like chrome ------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Next month the two presidents will meet again in Ankara.",
    '"Share this message with every driver: the passes are open again," the minister told reporters.',
    "Read also the joint statement, which runs to twelve pages, the spokesman told reporters.",
])
def test_real_sentences_that_start_like_chrome_survive(sentence):
    c = clean_text(page(HEAD, P1, sentence, P2, P3))
    assert sentence in paragraphs(c.text)


def test_every_dropped_line_says_which_rule_dropped_it():
    c = clean_text(page("Newsletter Signup Register / Login", HEAD, "0 Comments", f"TOKYO (Reuters) - {P1}",
                        P2, P3, "Related News"))
    assert len(c.removed) == len(c.removed_rules) >= 4
    assert all(c.removed_rules)
    assert rule_of(c, "Newsletter Signup Register / Login") == "widget bar"


# -- the same cleaning for extracted text (HTML, feeds, WARC), and the new fields kept ---------------------

def test_extracted_text_keeps_sentences_and_drops_widget_bars():
    from parley.ingest.clean import strip_chrome

    sentence = "Next month the two presidents will meet again in Ankara."
    text, removed = strip_chrome("\n".join([P1, "Newsletter Signup Register / Login", sentence, "0 Comments", P2]))
    assert sentence in text and P1 in text and P2 in text
    assert "Newsletter Signup Register / Login" in removed and "0 Comments" in removed


def test_new_article_fields_survive_the_record_format_and_the_store(tmp_path):
    from parley.ingest import read_paths
    from parley.models import Record
    from parley.store import Store

    path = tmp_path / "page.txt"
    path.write_text(page("0 Comments", HEAD, f"SANTIAGO, May 28, 2024 (Reuters) - {P1}", P2, P3), encoding="utf-8")
    (article,) = list(read_paths([path]))
    assert (article.wire, article.dateline_place, article.published, article.published_from) == \
        ("Reuters", "Santiago", "2024-05-28", "dateline")
    assert len(article.removed_rules) == len(article.removed) >= 2
    record = Record(article=article)
    assert Record.from_dict(record.to_dict()).article == article
    with Store(tmp_path / "s.duckdb") as store:
        store.write_records([record])
        assert store.article(article.id) == article


@pytest.mark.parametrize("line, place", [("SANTIAGO", "Santiago"), ("MENDOZA, Argentina", "Mendoza")])
def test_a_dateline_on_its_own_line_above_the_body(line, place):
    c = clean_text(page(HEAD, "By Ana Ruiz", line, P1, P2, P3))
    assert c.dateline_place == place and line not in c.text
    assert paragraphs(c.text) == [HEAD, P1, P2, P3]


def test_a_section_label_above_the_body_is_no_dateline():
    c = clean_text(page(HEAD, "POLITICS", P1, P2, P3))
    assert c.dateline_place is None


def test_a_headline_that_echoes_the_lede_is_still_the_title():
    head = "Boric and Milei agree to reopen the passes"
    c = clean_text(page(head, f"{head} on Tuesday, officials in both capitals said, ending a month of closures.",
                        P2, P3))
    assert c.title == head


def test_a_label_above_the_body_is_no_dateline_place():
    c = clean_text(page(HEAD, "EXCLUSIVE", P1, P2, P3))
    assert c.dateline_place is None


def test_a_short_body_sentence_with_a_date_stays():
    sentence = "It was signed on 3 June 2024."
    c = clean_text(page(HEAD, P1, sentence, P2, P3))
    assert sentence in paragraphs(c.text) and c.published is None

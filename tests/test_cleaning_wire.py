"""Wire-service and page furniture on articles written here (not the dev set): datelines, sign-offs,
photo credits, end marks, press-release contacts, and the body lines that look alike but must stay."""

from __future__ import annotations

import pytest
from _helpers import page

from parley.ingest import clean_text

HEAD = "Lula and Ramaphosa agree to expand farm trade"
P1 = ("Brazilian President Luiz Inacio Lula da Silva and South African President Cyril Ramaphosa agreed on "
      "Tuesday to expand trade in farm goods and to coordinate their positions before the next BRICS summit.")
P2 = ("The two leaders also discussed the war in Sudan, officials said, and asked their foreign ministers to "
      "prepare a joint proposal on humanitarian access.")
P3 = "Ramaphosa said the partnership between the two countries had never been more important."


@pytest.mark.parametrize("dateline, outlet, published", [
    ("PRETORIA, Aug 20, 2024 (Reuters) -", "Reuters", "2024-08-20"),
    ("PRETORIA, 20 August 2024 (AFP) —", "AFP", "2024-08-20"),
    ("PRETORIA, Aug. 20 (Xinhua) --", "Xinhua", None),  # no year stated: no date
    ("PRETORIA (AP) —", "Associated Press", None),       # short marker spelled out (data/outlet_aliases.txt)
    ("Pretoria, Aug 20 (Interfax) –", "Interfax", None),
    ("PRETORIA, August 20. /TASS/.", "TASS", None),
    ("CAPE TOWN --", None, None),
])
def test_wire_dateline_is_split_off_the_first_paragraph(dateline, outlet, published):
    c = clean_text(page(HEAD, f"{dateline} {P1}", P2, P3))
    assert c.text.split("\n\n")[1] == P1  # the sentence itself stays whole
    assert dateline in c.removed
    assert (c.outlet, c.published) == (outlet, published)


@pytest.mark.parametrize("first", [
    "The Southern African Development Community (SADC) Secretary-General Elias Magosi said the bloc "
    "would meet in Harare in August to discuss the crisis in eastern Congo.",
    "Ramaphosa (centre) said on Tuesday that the bloc would meet in Harare in August.",
    "NATO — the alliance Brazil has never joined — was not on the agenda, officials said on Tuesday.",
])
def test_sentences_that_open_like_a_dateline_stay(first):
    c = clean_text(page(HEAD, first, P2, P3))
    assert first in c.text and c.outlet is None


@pytest.mark.parametrize("signoff, author", [
    ("Reporting by Nomvula Dlamini; Editing by Peter Graff", "Nomvula Dlamini"),
    ("(Reporting by Nomvula Dlamini in Johannesburg and Carla Souza in Brasilia; Additional reporting by "
     "Tim Cocks; Editing by Alison Williams)", "Nomvula Dlamini"),
    ("Writing by Carla Souza; Editing by Peter Graff", "Carla Souza"),
    ("By Nomvula Dlamini", "Nomvula Dlamini"),
    ("By NOMVULA DLAMINI and CARLA SOUZA", "Nomvula Dlamini"),
])
def test_signoff_gives_the_author_and_goes(signoff, author):
    c = clean_text(page(HEAD, P1, P2, P3, signoff))
    assert c.author == author
    assert c.text.split("\n\n")[1:] == [P1, P2, P3]
    assert signoff in c.removed


def test_credit_like_body_sentence_stays():
    odd = "Reporting by the state broadcaster SABC suggested that the deal had been agreed weeks ago."
    c = clean_text(page(HEAD, P1, odd, P2, P3))
    assert odd in c.text and c.author is None


def test_contributor_lines_and_end_marks_go_but_their_sentence_stays():
    c = clean_text(page(HEAD, P1, P2, f"{P3} Enditem",
                        "Associated Press writers Ana Reis in Brasilia and Sam Mokoena contributed to this report."))
    assert c.text.split("\n\n")[1:] == [P1, P2, P3]
    assert "Enditem" in c.removed


def test_photo_credit_is_cut_off_the_caption_only():
    caption = "President Cyril Ramaphosa greets President Lula at the Union Buildings in Pretoria"
    c = clean_text(page(HEAD, f"Item 1 of 3 {caption} REUTERS/Thabo Mokoena", P1, P2, "(Photo by Thabo Mokoena / AFP)", P3))
    assert caption in c.text
    for chrome in ("Item 1 of 3", "REUTERS/Thabo Mokoena", "Photo by"):
        assert chrome not in c.text
    assert c.text.endswith(P3)


def test_lists_and_short_paragraphs_are_not_joined_or_dropped():
    items = ["- a joint committee on agriculture;", "- lower tariffs on citrus and beef;",
             "- a shipping route between Durban and Santos."]
    c = clean_text(page(HEAD, P1, "The two sides agreed on:\n" + "\n".join(items), "It was their first meeting.",
                        '"Yes," Ramaphosa said.', P3))
    assert "The two sides agreed on:\n" + "\n".join(items) in c.text  # one item per line, as written
    assert "It was their first meeting." in c.text and '"Yes," Ramaphosa said.' in c.text


def test_hard_wrapped_paragraph_is_one_paragraph_and_chrome_block_is_not():
    import textwrap

    wrapped = textwrap.fill(P1 + " " + P2, width=68)
    chrome = "Sign up for the Africa Briefing newsletter today\nYour email address\nSubscribe"
    c = clean_text(page(HEAD, wrapped, chrome, P3))
    assert c.text.split("\n\n")[1] == P1 + " " + P2
    assert "newsletter" not in c.text and "Your email address" not in c.text


def test_newspaper_page_chrome_and_metadata():
    c = clean_text(page(
        "Home › World › Africa",
        HEAD,
        "By Carla Souza, Africa Correspondent",
        "Published: 20 August 2024 | Updated: 21 August 2024",
        "This website uses cookies to give you the best experience. By continuing to use the site you agree to our use of cookies.",
        "Manage settings",
        P1, P2, "Updated 3 hours ago", P3,
        "© 2024 The Cape Ledger. All rights reserved.",
    ))
    assert (c.title, c.author, c.published, c.outlet) == (HEAD, "Carla Souza", "2024-08-20", "The Cape Ledger")
    assert c.text.split("\n\n") == [HEAD, P1, P2, P3]


def test_press_release_publisher_and_contacts():
    c = clean_text(page(
        "Press release",
        "Department of International Relations and Cooperation",
        HEAD,
        "20 August 2024",
        P1, P2, P3,
        "Enquiries: Thandi Nkosi, +27 12 000 0000",
        "For media queries please write to media.desk@example.gov.za",
    ))
    assert (c.title, c.outlet, c.published) == (HEAD, "Department of International Relations and Cooperation", "2024-08-20")
    assert c.text.split("\n\n") == [HEAD, P1, P2, P3]


@pytest.mark.parametrize("dateline, published", [
    ("TEHRAN, November 11, 2024", "2024-11-11"),
    ("Kuala Lumpur, 27 June 2025", "2025-06-27"),
    ("Nairobi, 3 March 2023 09:40", "2023-03-03T09:40"),
])
def test_place_then_date_on_its_own_line_is_a_dateline(dateline, published):
    cleaned = clean_text(page("Leaders agree to reopen the border crossing", dateline, P3))
    assert cleaned.published == published
    assert dateline in cleaned.removed
    assert P3 in cleaned.text and dateline not in cleaned.text


def test_a_body_line_that_starts_with_a_place_and_a_comma_is_not_a_dateline():
    line = "Moscow, which hosted the talks on 27 June 2025, said nothing about the outcome."
    cleaned = clean_text(page("Leaders agree to reopen the border crossing", line, P3))
    assert line in cleaned.text and cleaned.published is None

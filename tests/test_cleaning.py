"""Cleaning of scraped plain text on articles written here, with chrome unlike the sample corpus:
the rules are general (position, repetition, language, data-file patterns), not fitted to five files."""

from __future__ import annotations

import pytest

from parley.ingest import CleaningContext, clean_text, read_paths
from parley.models import Article

HEADLINE = "Estonia and Finland pledge closer energy ties"
BODY = [
    "The prime ministers of Estonia and Finland met in Tallinn on Wednesday and agreed to build a second "
    "undersea power cable across the Gulf of Finland by 2030, officials said.",
    "\u201cOur grids are stronger together,\u201d Estonian Prime Minister Kaja Kallas told the Baltic Observer "
    "after the talks, adding that the cable would cost about 400 million euros.",
    "Finnish Prime Minister Petteri Orpo said the two governments would also cooperate on hydrogen "
    "production and on protecting critical infrastructure on the seabed.",
    "The talks resume in Helsinki on Friday.",
]


def scraped(*, top=(), middle=(), bottom=()) -> str:
    lines = [*top, BODY[0], BODY[1], *middle, BODY[2], BODY[3], *bottom]
    return "\n\n".join(lines) + "\n"


def test_generic_site_chrome_is_removed_and_metadata_read():
    raw = scraped(
        top=["World", HEADLINE, "By Jane Smith", HEADLINE, "March 3, 2021 09:15"],
        middle=["Read more: Baltic states brace for a cold winter", "Share this article"],
        bottom=[
            "Partagez cet article sur les réseaux sociaux",
            "Читайте также: новости региона",
            "Subscribe to our newsletter",
            "Baltic Observer",
            "Most read",
        ],
    )
    c = clean_text(raw, "site.txt")
    assert c.title == HEADLINE
    assert c.author == "Jane Smith"
    assert c.published == "2021-03-03T09:15"
    assert c.outlet == "Baltic Observer"
    paras = c.text.split("\n\n")
    assert paras[0] == HEADLINE and c.text.count(HEADLINE) == 1
    assert paras[1:] == BODY  # every sentence kept, in order, nothing else
    for chrome in ["World", "By Jane Smith", "March 3, 2021", "Read more", "Share this", "Partagez",
                   "Читайте", "Subscribe", "Most read"]:
        assert chrome not in c.text
        assert any(line.startswith(chrome) for line in c.removed), chrome


def test_odd_whitespace_is_replaced_one_for_one():
    raw = f"{HEADLINE}\n\n" + BODY[0].replace(" ", "\u00a0", 3) + "\u00a0\u2009 \n\n\n\n\n" + BODY[2] + "\t\n"
    c = clean_text(raw)
    assert c.text == f"{HEADLINE}\n\n{BODY[0]}\n\n{BODY[2]}"


@pytest.mark.parametrize(
    "dateline, expected",
    [
        ("25 July 2017, 16:53 870", "2017-07-25T16:53"),
        ("July 25, 2017 16:53", "2017-07-25T16:53"),
        ("2017-07-25 16:53", "2017-07-25T16:53"),
        ("25.07.2017 16:53", "2017-07-25T16:53"),
        ("Published: Tuesday, 25 July 2017 | 1,204 views", "2017-07-25"),
        ("Updated 2 hours ago", None),  # relative: never resolved against today's date
    ],
)
def test_datelines(dateline, expected):
    c = clean_text(scraped(top=[HEADLINE, dateline]))
    assert c.published == expected
    if expected:
        assert dateline not in c.text and dateline in c.removed


def test_a_date_inside_a_sentence_is_not_a_dateline():
    c = clean_text(scraped(top=[HEADLINE]))
    assert c.published is None
    sentence = "The summit was first held on 25 July 2017 in Riga, and the leaders meet there every year."
    c = clean_text(f"{HEADLINE}\n\n{sentence}\n\n{BODY[0]}")
    assert sentence in c.text and c.published is None


def test_signature_and_byline_at_the_end():
    c = clean_text(scraped(bottom=["Tags: Estonia, Finland, energy", "Maria Gonzalez"]))
    assert c.author == "Maria Gonzalez"
    assert "Maria Gonzalez" not in c.text and "Tags:" not in c.text
    assert c.text.endswith(BODY[3])  # a short closing sentence is body, not chrome


def test_domain_marker_gives_the_outlet_and_leaves_the_sentence():
    first = "/baltic-observer.example/ " + BODY[0]
    c = clean_text(f"{HEADLINE}\n\n{first}\n\n{BODY[1]}")
    assert c.outlet == "baltic-observer.example"
    assert BODY[0] in c.text and "/baltic-observer.example/" not in c.text


def test_capitalised_last_line_is_an_outlet_when_named_so_or_mentioned():
    c = clean_text(scraped(bottom=["Nordic Wire"]))  # an outlet word, though the body never names it
    assert (c.outlet, c.author) == ("Nordic Wire", None)
    c = clean_text(scraped(bottom=["Kallas Orpo"]))  # two capitalised words: a name, not an outlet
    assert (c.outlet, c.author) == (None, "Kallas Orpo")
    c = clean_text(scraped(bottom=["Politics"]))  # one word: a section label
    assert (c.outlet, c.author) == (None, None)
    assert "Politics" not in c.text


def test_caption_first_is_kept_once_and_is_not_the_title():
    caption = "Kaja Kallas and Petteri Orpo at the government house in Tallinn. 2024"
    c = clean_text(scraped(top=[caption, caption, HEADLINE]))
    assert c.title == HEADLINE
    assert c.text.split("\n\n")[:2] == [HEADLINE, caption]
    assert c.text.count(caption) == 1


def test_no_headline_means_no_title():
    c = clean_text(scraped())
    assert c.title is None
    assert c.text.split("\n\n") == BODY


def test_hard_wrapped_paragraphs_are_one_paragraph():
    wrapped = "\n".join([
        "The prime ministers of Estonia and Finland met in Tallinn on",
        "Wednesday and agreed to build a second undersea power cable across",
        "the Gulf of Finland by 2030, officials said.",
    ])
    c = clean_text(f"{HEADLINE}\n\n{wrapped}\n\n{BODY[2]}\n\nFollow us on Telegram")
    assert c.text == f"{HEADLINE}\n\n{BODY[0]}\n\n{BODY[2]}"


def test_lines_shared_by_files_of_one_batch_are_chrome():
    promo = "Watch live: our Baltic coverage"
    a = scraped(top=[HEADLINE], middle=[promo])
    b = "\n\n".join(["Latvia hosts NATO drills", BODY[2].replace("Finnish", "Latvian"), promo,
                     BODY[0].replace("Estonia", "Latvia")])
    assert promo in clean_text(a).text  # alone, a short mid-body line is kept
    ctx = CleaningContext.from_texts([a, b])
    c = clean_text(a, context=ctx)
    assert promo not in c.text and promo in c.removed
    assert c.title == HEADLINE  # the headline is in one file only


def test_read_paths_uses_the_whole_batch(tmp_path):
    promo = "Watch live: our Baltic coverage"
    (tmp_path / "a.txt").write_text(scraped(top=[HEADLINE], middle=[promo]), encoding="utf-8")
    (tmp_path / "b.txt").write_text(scraped(top=["Latvia hosts NATO drills"], middle=[promo]), encoding="utf-8")
    arts = [x for x in read_paths([tmp_path]) if isinstance(x, Article)]
    assert len(arts) == 2
    assert all(promo not in a.text for a in arts)
    assert [a.title for a in arts] == [HEADLINE, "Latvia hosts NATO drills"]


def test_exact_copies_in_a_batch_keep_their_headline():
    text = scraped(top=[HEADLINE, "Baltic news"])
    ctx = CleaningContext.from_texts([text, text])
    assert clean_text(text, context=ctx).title == HEADLINE

"""The page speaking to its reader (issue 10, ``ingest.promo``), on page texts written for these tests:
subscription and support appeals, a syndicator's note about itself, teasers of other stories closed by
"read more", a save-for-later box under the headline, a newsletter line inside the body; and the report's
own sentences that say "you", "we" or the outlet's name, which must stay."""

from __future__ import annotations

import pytest
from _helpers import page

from parley.ingest import clean_text

HEAD = "Ghana and Togo agree to build a second border bridge"
P1 = ("Ghanaian President John Mahama and Togolese President Faure Gnassingbe agreed on Thursday to build a "
      "second bridge across the border river, their offices said in a joint statement.")
P2 = ("The two leaders also discussed cross-border trade and customs checks, and asked their transport "
      "ministers to report on the costs of the project before the end of the year.")
P3 = ("Mahama said the new bridge would shorten the journey of thousands of traders who cross the border "
      "every week with goods for the markets of Lome and Accra.")
PROMO = {"reader call", "reader address", "promotion block"}


def rule_of(c, line: str) -> str:
    return dict(zip(c.removed, c.removed_rules))[line]


def test_a_support_appeal_after_the_story_goes_with_its_heading():
    appeal = ("Independent journalism costs money. Your contribution keeps our reporters in the field, and "
              "we promise to keep bringing you the news as it is, without fear or favour.")
    c = clean_text(page(HEAD, P1, P2, P3, "Back Our Reporting", "We need you: every gift counts.", appeal))
    for line in ("Back Our Reporting", "We need you: every gift counts.", appeal):
        assert line not in c.text and rule_of(c, line) == "promotion block"
    assert P3 in c.text and P1 in c.text


def test_a_syndicators_note_and_the_original_outlets_link_go():
    note = ("Sahel Wire carries about 400 stories a day from more than 80 partner newsrooms. We distribute "
            "the reports of the publishers named above, who are responsible for their own content.")
    c = clean_text(page(HEAD, "Accra Daily Voice", P1, P2, P3, "Read the original article on Accra Daily Voice.",
                        "Copyright © 2024 Accra Daily Voice. Distributed by Sahel Wire (sahelwire.com).", note))
    assert "Read the original article on Accra Daily Voice." not in c.text
    assert note not in c.text and rule_of(c, note) == "promotion block"
    assert P3 in c.text


def test_a_teaser_of_another_story_under_a_section_heading_goes():
    teaser = ("The port authority says a new container terminal will double capacity by the end of the decade, "
              "though shippers still complain of long waits at the gate.")
    c = clean_text(page(HEAD, P1, P2, P3, "More Analysis", "Why Lome's port keeps growing", teaser, "Read more >",
                        "Coastal erosion in the Gulf of Guinea"))
    for line in ("More Analysis", "Why Lome's port keeps growing", teaser):
        assert line not in c.text
    assert P3 in c.text


def test_a_save_for_later_box_under_the_headline_goes():
    c = clean_text(page(HEAD, "Keep this story for later",
                        "Add stories to your reading list and come back to them whenever you like.", P1, P2, P3))
    assert c.title == HEAD
    assert "Keep this story for later" not in c.text
    assert "Add stories to your reading list and come back to them whenever you like." not in c.text
    assert P1 in c.text


def test_a_newsletter_line_inside_the_body_goes():
    line = "The day's top stories from across the region, sent to your email every morning."
    c = clean_text(page(HEAD, P1, line, P2, P3))
    assert line not in c.text and rule_of(c, line) == "reader call"
    assert P2 in c.text


def test_a_short_call_heading_above_a_subscription_bar_goes_but_a_short_last_sentence_stays():
    c = clean_text(page(HEAD, P1, P2, P3, "Talks resume in March.", "Never miss a story.",
                        "Subscribe today for unlimited digital access."))
    assert "Never miss a story." not in c.text
    assert "Talks resume in March." in c.text


@pytest.mark.parametrize("last", [
    "“You cannot cross a river on promises,” Mahama told reporters after the signing.",  # quoted "you"
    "“We will start work before the rains,” Gnassingbe said, adding that we should expect delays in the north.",
    "Earlier, the Accra Daily Voice reported that the two governments had set aside funds for the bridge.",
    "We look forward to welcoming the Togolese delegation in Accra next month, the statement said.",
])
def test_the_reports_own_last_sentence_stays(last):
    c = clean_text(page(HEAD, "Accra Daily Voice", P1, P2, P3, last, "Copyright © 2024 Accra Daily Voice."))
    assert last in c.text
    assert not PROMO & set(c.removed_rules)


def test_a_truncated_page_keeps_its_paragraphs_before_read_more():
    c = clean_text(page(HEAD, P1, P2, "Read more"))
    assert P1 in c.text and P2 in c.text


def test_a_columnist_addressing_the_reader_at_length_stays():
    long = ("If you have ever waited at the old bridge at dawn, you know why traders cheered: the queue of "
            "lorries there can stretch for miles, and nobody on either side has found a way to shorten it.")
    c = clean_text(page(HEAD, P1, long, P2, P3))
    assert long in c.text


def test_text_extracted_from_html_loses_the_appeal_too():
    from parley.ingest.clean import strip_chrome
    appeal = "Enjoyed this report? Your support keeps our newsroom independent, and you can give in a minute."
    text, removed = strip_chrome(page(P1, P2, P3, "Support independent journalism", appeal))
    assert appeal in removed and appeal not in text
    assert P3 in text

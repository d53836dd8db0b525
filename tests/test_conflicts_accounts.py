"""Disagreements between reports of one timeline entry beyond date and place, on articles written for these tests:
the number of agreements signed and the kind of visit (resolve._accounts, via find_conflicts)."""

from __future__ import annotations

import pytest

from _helpers import records_of

from parley.models import Article
from parley.resolve._accounts import counts_agree, counts_in
from parley.resolve.conflicts import find_conflicts
from parley.resolve.timeline import build_timeline

# one signing ceremony told by two outlets with different counts
COUNT_A = ("Georgian Prime Minister Irakli Kobakhidze and Armenian Prime Minister Nikol Pashinyan met in Tbilisi on "
           "March 4, 2024. The two leaders signed at least 20 agreements on trade, transport and energy.")
COUNT_B = ("Pashinyan and Kobakhidze held talks in Tbilisi on 4 March 2024. After the talks the sides signed "
           "approximately 15 bilateral agreements, the government said.")
# the same meeting, counts that can be the same number
COUNT_C = ("Irakli Kobakhidze and Nikol Pashinyan met in Tbilisi on March 4, 2024. They signed seven documents on "
           "customs and energy.")
COUNT_D = ("Kobakhidze and Pashinyan held talks in Tbilisi on 4 March 2024. The sides were expected to sign six to "
           "seven agreements.")
# one trip: a state visit in one report, an official visit in another
VISIT_A = ("Kazakh President Kassym-Jomart Tokayev arrived in Baku on June 10, 2024 on a state visit at the invitation "
           "of Azerbaijani President Ilham Aliyev.")
VISIT_B = ("Tokayev arrived in Baku on 10 June 2024 on an official visit. Aliyev met him at the airport.")
VISIT_C = ("President Tokayev arrived in Baku on June 10, 2024 for a state visit, the Akorda press service said.")


def _records(*texts_and_dates):
    return records_of(texts_and_dates, prefix="a")


def _accounts(records, kind):
    tl = build_timeline(records)
    assert any(len({m.article_id for m in e.mentions}) == len(records) for e in tl), "the reports did not merge"
    return [c for c in find_conflicts(records, tl) if c.kind == kind]


def test_counts_that_cannot_be_equal_are_a_conflict():
    recs = _records((COUNT_A, "2024-03-05"), (COUNT_B, "2024-03-05"))
    found = _accounts(recs, "count")
    assert len(found) == 1
    sides = found[0].sides
    assert {s.article_id for s in sides} == {"a0", "a1"}
    for s in sides:
        text = recs[int(s.article_id[1])].article.text
        assert text[s.start:s.end] == s.text and s.stance in s.text
    assert any("at least 20" in s.stance for s in sides) and any("15" in s.stance for s in sides)
    assert "at least 20 agreements" in found[0].summary and " vs " in found[0].summary


def test_a_range_overlapping_a_count_is_no_conflict():
    recs = _records((COUNT_C, "2024-03-05"), (COUNT_D, "2024-03-05"))
    assert _accounts(recs, "count") == []


def test_the_same_count_is_no_conflict():
    recs = _records((COUNT_A, "2024-03-05"), (COUNT_A.replace("at least 20", "more than 20"), "2024-03-05"))
    assert _accounts(recs, "count") == []


def test_state_visit_against_official_visit():
    recs = _records((VISIT_A, "2024-06-10"), (VISIT_B, "2024-06-11"))
    found = _accounts(recs, "visit kind")
    assert len(found) == 1
    assert {(s.article_id, s.stance) for s in found[0].sides} == {("a0", "state visit"), ("a1", "official visit")}
    assert found[0].summary.startswith("Visit of ")
    assert found[0].summary.endswith("reports give official visit vs state visit")
    for s in found[0].sides:
        assert recs[int(s.article_id[1])].article.text[s.start:s.end] == s.text


def test_same_kind_of_visit_is_no_conflict():
    recs = _records((VISIT_A, "2024-06-10"), (VISIT_C, "2024-06-10"))
    assert _accounts(recs, "visit kind") == []


@pytest.mark.parametrize("text, low, high", [
    ("signed seven bilateral agreements", 7, 7),
    ("signed six to seven pacts", 6, 7),
    ("signed more than 10 deals", 10, float("inf")),
    ("signed up to five memoranda", 1, 5),
    ("signed twenty-five documents", 25, 25),
    ("signed one hundred memoranda", 100, 100),  # the number parser of extraction: a hundred is no sum of words
    ("signed a dozen agreements", 12, 12),
])
def test_count_reading(text, low, high):
    (c,) = counts_in(text, 0, len(text))
    assert (c.low, c.high) == (low, high)


def test_the_count_is_the_number_before_the_noun_not_an_earlier_one():
    text = "The three leaders signed five agreements on energy."
    assert [(c.low, c.text) for c in counts_in(text, 0, len(text))] == [(5, "five agreements")]


@pytest.mark.parametrize("text", ["two of the agreements concern trade", "the 2015 deal holds", "a treaty was signed",
                                  "two ministers signed agreements"])
def test_not_counts(text):
    assert counts_in(text, 0, len(text)) == []


def test_counts_agree_on_overlap_only():
    (a,) = counts_in("at least 20 agreements", 0, 22)
    (b,) = counts_in("approximately 15 agreements", 0, 27)
    (c,) = counts_in("22 agreements", 0, 13)
    assert not counts_agree([a], [b]) and counts_agree([a], [c])


def test_a_firm_count_against_an_estimate_is_a_soft_disagreement():
    """"seven" against "six to seven": the ranges meet, so no count conflict, but an analyst weighs a firm figure
    against an advance estimate: reported as its own kind, both sentences cited."""
    recs = _records((COUNT_C, "2024-03-05"), (COUNT_D, "2024-03-05"))
    (found,) = _accounts(recs, "count estimate")
    assert {(s.article_id, s.stance) for s in found.sides} == {("a0", "seven documents"),
                                                                ("a1", "six to seven agreements")}
    assert found.summary.endswith("reports give seven documents; an estimate gives six to seven agreements")
    for s in found.sides:
        assert recs[int(s.article_id[1])].article.text[s.start:s.end] == s.text


def test_two_firm_counts_or_two_estimates_are_no_soft_disagreement():
    firm = _records((COUNT_C, "2024-03-05"), (COUNT_C.replace("seven documents", "7 documents"), "2024-03-05"))
    assert _accounts(firm, "count estimate") == []
    both = _records((COUNT_D, "2024-03-05"), (COUNT_D.replace("six to seven", "about seven"), "2024-03-05"))
    assert _accounts(both, "count estimate") == [] and _accounts(both, "count") == []


# the count stands sentences after the report of the talks: the article's one figure is the signing's
FAR_A = ("Kobakhidze and Pashinyan held talks in Tbilisi on 4 March 2024. The leaders discussed the railway through "
         "the border region. Energy prices were also raised, officials said. Reporters were told that the governments "
         "had signed approximately 15 bilateral agreements.")


def test_a_count_far_from_the_event_is_the_articles_figure():
    recs = _records((COUNT_A, "2024-03-05"), (FAR_A, "2024-03-05"))
    (found,) = _accounts(recs, "count")
    assert {s.stance for s in found.sides} == {"at least 20 agreements", "approximately 15 bilateral agreements"}


def test_an_article_counting_two_things_lends_no_figure():
    two = FAR_A + " A year earlier they had signed three agreements on visas."
    recs = _records((COUNT_A, "2024-03-05"), (two, "2024-03-05"))
    assert _accounts(recs, "count") == []


@pytest.mark.parametrize("text, estimate", [
    ("signed seven bilateral agreements", False), ("signed six to seven pacts", True),
    ("signed at least 20 agreements", True), ("signed approximately 15 agreements", True),
    ("signed about 12 documents", True), ("signed a dozen agreements", False)])
def test_a_count_says_whether_it_is_an_estimate(text, estimate):
    (c,) = counts_in(text, 0, len(text))
    assert c.estimate is estimate


# one trip told as two days in one report, three in another
LENGTH_A = ("Kazakh President Kassym-Jomart Tokayev arrived in Baku on June 10, 2024 on a two-day visit at the "
            "invitation of Azerbaijani President Ilham Aliyev.")
LENGTH_B = ("Tokayev arrived in Baku on 10 June 2024 for a three-day visit, the Akorda press service said. Aliyev met "
            "him at the airport.")


def test_two_lengths_of_one_visit_are_a_disagreement():
    recs = _records((LENGTH_A, "2024-06-10"), (LENGTH_B, "2024-06-10"))
    (found,) = _accounts(recs, "duration")
    assert {(s.article_id, s.stance) for s in found.sides} == {("a0", "2 days"), ("a1", "3 days")}
    for s in found.sides:
        text = recs[int(s.article_id[1])].article.text
        assert text[s.start:s.end] == s.text and "-day visit" in s.text


def test_the_same_length_is_no_disagreement():
    recs = _records((LENGTH_A, "2024-06-10"), (LENGTH_B.replace("three-day", "two-day"), "2024-06-10"))
    assert _accounts(recs, "duration") == []


def _hand_report(aid: str, text: str, evidence_end: int, etype: str):
    from parley.models import Event, EventDate, Evidence, Record

    event = Event(id="ev1", type=etype, participants=("Kassym-Jomart Tokayev", "Ilham Aliyev"), location="Baku",
                  date=EventDate("2024-06-10", None), evidence=(Evidence(0, evidence_end),), actors=("KAZ", "AZE"))
    sentences, start = [], 0
    for part in text.split(". "):
        end = min(len(text), start + len(part) + 1)
        sentences.append((start, end))
        start = end + 1
    return Record(article=Article(id=aid, source=f"{aid}.txt", text=text, published="2024-06-10"), events=(event,),
                  sentences=tuple(sentences))


def test_the_one_kind_of_visit_an_article_names_away_from_its_event():
    """The talks of one article are its event; the kind of visit stands three sentences on: the article names one
    kind only, so it is the kind of the visit the entry is."""
    talks = ("Tokayev and Aliyev held talks in Baku on June 10, 2024. They discussed the Middle Corridor. Transit "
             "tariffs were raised. Tokayev is in Azerbaijan on an official visit.")
    recs = [_hand_report("a0", VISIT_A, len(VISIT_A), "visit"), _hand_report("a1", talks, 53, "talks")]
    (found,) = _accounts(recs, "visit kind")
    assert {(s.article_id, s.stance) for s in found.sides} == {("a0", "state visit"), ("a1", "official visit")}
    both = talks.replace("Transit tariffs", "His state visit of 2019 was recalled and tariffs")  # two kinds: none lent
    recs = [_hand_report("a0", VISIT_A, len(VISIT_A), "visit"), _hand_report("a1", both, 53, "talks")]
    assert _accounts(recs, "visit kind") == []

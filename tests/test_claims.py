"""Claim rules on short written sentences: capitals standing for their country, coordinated parties, negation and
modality cues, a denied report, outcomes without the predicate, qualified membership, acronyms folded across
articles. Each article is run through the real pipeline pieces."""

from __future__ import annotations

import pytest

from parley.extract import build_record
from parley.extract.claims import fold_place
from parley.models import Article
from parley.resolve.conflicts import find_conflicts
from parley.resolve.timeline import build_timeline


@pytest.fixture()
def records(nlp):
    def make(*texts):
        return [build_record(Article(id=f"k{i}", source=f"s{i}", text=t, published="2024-05-01"), nlp(t))
                for i, t in enumerate(texts)]
    return make


def _claims(rec):
    return {(c["key"], c["stance"]) for c in rec.claims}


def _claim_conflicts(recs):
    return [c for c in find_conflicts(recs, build_timeline(recs)) if c.kind == "claim"]


def test_capitals_fold_to_their_country():
    assert fold_place("New Delhi") == "India"
    assert fold_place("Ankara") == fold_place("Turkey") == fold_place("Türkiye") == fold_place("Turkish")
    assert fold_place("Britain") == "United Kingdom"
    assert fold_place("Shanghai Cooperation Organisation") == "Shanghai Cooperation Organisation"


def test_capital_against_country_is_one_question(records):
    recs = records("Officials said Kazakhstan might join the Organization of Turkic States next year.",
                   "Astana has no plans to join the Organization of Turkic States, the foreign ministry said.")
    assert ("Kazakhstan|join|Organization of Turkic States", "possible") in _claims(recs[0])
    assert ("Kazakhstan|join|Organization of Turkic States", "denied") in _claims(recs[1])
    conflicts = _claim_conflicts(recs)
    assert [c.key for c in conflicts] == ["Kazakhstan|join|Organization of Turkic States"]
    assert {s.article_id for s in conflicts[0].sides} == {"k0", "k1"}


@pytest.mark.parametrize("sentence,stance", [
    ("Pakistan is expected to join BRICS next year.", "planned"),
    ("Pakistan is considering joining BRICS.", "possible"),
    ("Pakistan ruled out joining BRICS on Monday.", "denied"),
    ("Pakistan will not join BRICS this year.", "denied"),
    ("Pakistan has not applied and does not want to join BRICS.", "denied"),
    ("Pakistan will become a member of BRICS in January.", "affirmed"),
])
def test_modality_and_negation_cues(records, sentence, stance):
    (rec,) = records(sentence)
    assert ("Pakistan|join|BRICS", stance) in _claims(rec)


def test_denied_report_turns_a_plan_into_a_denial(records):
    (rec,) = records("The Elysee on Friday denied reports that Emmanuel Macron plans to visit Beijing in March.")
    assert _claims(rec) == {("Emmanuel Macron|visit|China", "denied")}


def test_coordinated_parties_and_common_noun_objects(records):
    recs = records("Ethiopia and Eritrea signed a peace agreement in Riyadh on Sunday.",
                   "Talks between Eritrea and Ethiopia broke down without an agreement, diplomats said.")
    assert ("Eritrea & Ethiopia|sign|agreement", "affirmed") in _claims(recs[0])
    assert ("Eritrea & Ethiopia|sign|agreement", "denied") in _claims(recs[1])
    assert [c.key for c in _claim_conflicts(recs)] == ["Eritrea & Ethiopia|sign|agreement"]


def test_ceasefire_agreed_against_not_agreed(records):
    recs = records("Israel and Hezbollah have agreed to a truce, mediators said.",
                   "Israel and Hezbollah have not agreed to any ceasefire, an Israeli official said.")
    assert [c.key for c in _claim_conflicts(recs)] == ["Hezbollah & Israel|agree|ceasefire"]


def test_qualified_membership_is_not_membership(records):
    (rec,) = records("Egypt joined the Shanghai Cooperation Organisation as a dialogue partner in 2022.")
    assert rec.claims == ()


def test_acronym_folds_to_a_long_name_another_article_uses(records):
    recs = records("Serbia may join the European Union by 2030, officials said.",
                   "Belgrade will not join the EU while the Kosovo dispute lasts, the president said.")
    conflicts = _claim_conflicts(recs)
    assert [c.key for c in conflicts] == ["Serbia|join|European Union"]


def test_agreeing_capital_and_country_are_no_conflict(records):
    recs = records("Vietnam could join BRICS as a full member, analysts said.",
                   "Hanoi is weighing joining BRICS, according to diplomats.")
    assert _claim_conflicts(recs) == []


def test_spans_are_verbatim(records):
    recs = records("Talks between Eritrea and Ethiopia collapsed without a deal.\n\nAnkara has no plans to join BRICS.")
    for c in recs[0].claims:
        assert recs[0].article.text[c["start"]:c["end"]] == c["text"]
    assert len(recs[0].claims) == 2


def test_two_figures_for_one_quantity_are_a_conflict(records):
    recs = records("Bilateral trade between China and Brazil reached $157 billion in 2023, Chinese customs said.",
                   "Trade between Brazil and China stood at about $181 billion in 2023, according to Brasilia.",
                   "Trade between China and Brazil was $160 billion in 2023, analysts estimated.")
    figures = [c for r in recs for c in r.claims if c["stance"] == "figure"]
    assert {c["key"] for c in figures} == {"Brazil & China|trade|2023"}
    assert sorted(c["value"] for c in figures) == [157e9, 160e9, 181e9]
    conflicts = _claim_conflicts(recs)
    assert len(conflicts) == 1
    assert {s.stance for s in conflicts[0].sides} >= {"$157 billion", "$181 billion"}


def test_close_figures_or_different_years_are_no_conflict(records):
    close = records("Trade between Japan and India reached $22 billion in 2022.",
                    "Trade between India and Japan reached $23 billion in 2022, officials said.")
    assert _claim_conflicts(close) == []
    years = records("Trade between Japan and India reached $22 billion in 2022.",
                    "Trade between India and Japan reached $30 billion in 2024, officials said.")
    assert _claim_conflicts(years) == []
    (undated,) = records("Trade between Japan and India reached $22 billion, officials said.")
    assert undated.claims == ()


def test_a_past_deed_does_not_answer_a_plan(records):
    recs = records("Vladimir Putin has not visited Turkey since the war began, the paper noted.",
                   "Vladimir Putin will visit Turkey in the autumn, the Kremlin said.")
    assert [(c["stance"], c["tense"]) for c in recs[0].claims] == [("denied", "past")]
    assert [(c["stance"], c["tense"]) for c in recs[1].claims] == [("affirmed", "future")]
    assert _claim_conflicts(recs) == []


def test_agreeing_that_something_is_no_agreement_claim(records):
    (rec,) = records("Ramaphosa and Tinubu agreed that the African Union should take the lead in mediation.")
    assert rec.claims == ()


# a visit's length: a claim of the visiting state, by its length and host, which another outlet's wording confirms
VISIT_ONE = ("Kenyan President Wanjiru Otieno arrived in Accra on Monday on a three-day state visit, the presidency "
             "said. She held talks with Ghanaian President Kofi Mensah-Boateng.")
VISIT_OTHER = ("Ghanaian President Kofi Mensah-Boateng received Kenyan President Wanjiru Otieno, who is on a "
               "three-day visit to Ghana, at the Jubilee House in Accra on Monday.")
VISIT_LONGER = ("Kenyan President Wanjiru Otieno arrived in Accra on Monday on a four-day state visit, the presidency "
                "said. She held talks with Ghanaian President Kofi Mensah-Boateng.")


def _visit_keys(rec):
    return {c["key"] for c in rec.claims if c["predicate"].startswith("visit of")}


def test_the_length_of_a_visit_is_a_claim_two_wordings_share(records):
    one, other, longer = records(VISIT_ONE, VISIT_OTHER, VISIT_LONGER)
    assert _visit_keys(one) == _visit_keys(other) == {"Kenya|visit of 3 days|Ghana"}
    assert _visit_keys(longer) == {"Kenya|visit of 4 days|Ghana"}
    claim = next(c for c in one.claims if c["predicate"] == "visit of 3 days")
    assert one.article.text[claim["start"]:claim["end"]] == "three-day state visit"
    # another length is another claim, not a claim conflict: reports of one visit that differ are a "duration"
    # disagreement of the timeline entry
    assert not _claim_conflicts([one, longer])


def test_a_duration_that_is_no_visit_gives_no_visit_claim(records):
    (rec,) = records("Kenyan President Wanjiru Otieno met Ghanaian President Kofi Mensah-Boateng in Accra on Monday "
                     "after a three-day conference on trade.")
    assert not _visit_keys(rec)

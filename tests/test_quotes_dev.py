"""People and quotes beyond the samples: the hand-annotated dev set in tests/data/dev_quotes (written and annotated
before parley ran on it) and passages that break naive rules: names with particles, family-name-first names,
headlines running into the lede, appositions naming an organisation, pronoun attributions."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.evaluate import evaluate_gold
from parley.extract.people import extract_entities
from parley.extract.quotes import extract_quotes

DEV = Path(__file__).parent / "data" / "dev_quotes"


@pytest.fixture(scope="module")
def report():
    return evaluate_gold(DEV / "dev_quotes.json", DEV)


# floors a little under what the extraction reaches (people 1.0/0.98, roles 1.0, direct 1.0/1.0,
# indirect 1.0/0.96, speakers 1.0 at the time of writing); before this work they were people 0.91,
# roles 0.70, direct 0.98, indirect 0.79, speakers 0.89
@pytest.mark.parametrize("name,recall,precision", [
    ("people", 0.95, 0.9),
    ("roles", 0.9, None),
    ("quotes.direct", 0.95, 0.9),
    ("quotes.indirect", 0.9, 0.85),
    ("speakers", 0.95, None),
])
def test_dev_figures(report, name, recall, precision):
    score = report.scores[name]
    assert score.gold > 0
    assert score.recall >= recall, [m for m in report.misses if "event" not in m]
    if precision is not None:
        assert score.precision >= precision


def _run(nlp, text):
    doc = nlp(text)
    ents = extract_entities(doc)
    return ents, extract_quotes(doc, ents)


def _people(ents):
    return {e.name: e for e in ents if e.type == "PERSON"}


def test_no_span_crosses_a_line_break(nlp):
    text = ("Macron arrives in Beijing for talks with Xi\n\nFrench President Emmanuel Macron met Chinese President "
            "Xi Jinping on Thursday. He added that Europe must remain united.\n\nEuropean Commission President "
            "Ursula von der Leyen, who joins the visit, said that the trade deficit had grown.")
    ents, quotes = _run(nlp, text)
    for e in ents:
        for m in e.mentions:
            assert "\n" not in m.text, m
    for q in quotes:
        assert "\n" not in q.text, q
        assert text[q.start:q.end] == q.text
    people = _people(ents)
    assert "Ursula von der Leyen" in people
    assert {m.text for m in people["Xi Jinping"].mentions} >= {"Xi", "Xi Jinping"}
    united = [q for q in quotes if "Europe must remain united" in q.text]
    assert united and united[0].speaker == "Emmanuel Macron"


@pytest.mark.parametrize("full,short", [
    ("Ursula von der Leyen", "von der Leyen"),
    ("Mohammed bin Salman", "Bin Salman"),
    ("Mohammed Shia al-Sudani", "al-Sudani"),
    ("Luiz Inácio Lula da Silva", "Lula"),
    ("Kim Jong Un", "Kim"),
    ("Li Qiang", "Li"),
    ("Karl-Theodor zu Guttenberg", "Guttenberg"),
    ("Abdel Fattah al-Sisi", "Sisi"),
])
def test_names_whole_and_short_forms_linked(nlp, full, short):
    text = (f"The talks in the capital on Monday were attended by {full} and several ministers.\n\n"
            f"{short} said the meeting had been useful for both countries.")
    ents, quotes = _run(nlp, text)
    people = _people(ents)
    assert full in people, list(people)
    assert any(m.text == short for m in people[full].mentions), [m.text for m in people[full].mentions]
    assert [q.speaker for q in quotes if "meeting had been useful" in q.text] == [full]


def test_apposition_with_organisation_and_female_pronoun(nlp):
    text = ("Tanvi Madan, a senior fellow at the Brookings Institution, said the visit showed how far relations had "
            "come. According to her, both governments now see China as the main reason to deepen ties.\n\n"
            "Foreign policy analyst Selim Koru, a fellow at the Economic Policy Research Foundation of Turkey, "
            "said Ankara was hedging.")
    ents, quotes = _run(nlp, text)
    people = _people(ents)
    assert "Brookings Institution" not in people
    assert any("senior fellow at the Brookings Institution" in r for r in people["Tanvi Madan"].roles)
    assert "fellow at the Economic Policy Research Foundation of Turkey" in people["Selim Koru"].roles
    speakers = {q.text: q.speaker for q in quotes}
    assert speakers.get("the visit showed how far relations had come") == "Tanvi Madan"
    assert speakers.get("both governments now see China as the main reason to deepen ties") == "Tanvi Madan"
    assert speakers.get("Ankara was hedging") == "Selim Koru"


def test_counterpart_and_comma_roles(nlp):
    text = ("Chinese Foreign Minister Wang Yi and his Russian counterpart Sergei Lavrov met in Beijing on Tuesday. "
            "South Africa's Minister of International Relations and Cooperation, Ronald Lamola, said the talks "
            "had been useful.")
    ents, _ = _run(nlp, text)
    people = _people(ents)
    assert any("Foreign Minister" in r for r in people["Sergei Lavrov"].roles)
    assert any("Minister of International Relations and Cooperation" in r for r in people["Ronald Lamola"].roles)


def test_scare_quotes_and_unattributed_nested_quotes_are_not_quotes(nlp):
    text = ('Kishida used the trip to unveil a plan for a "free and open Indo-Pacific", promising new loans.\n\n'
            '"Everyone in Brussels says \'the door is open\', but nobody says when anyone may walk through it," '
            'Steinmeier said.')
    ents, quotes = _run(nlp, text)
    assert not any("free and open" in q.text for q in quotes)
    whole = [q for q in quotes if "nobody says when anyone may walk through it" in q.text]
    assert whole and whole[0].speaker and whole[0].speaker.endswith("Steinmeier")
    assert not any(q.text == "the door is open" for q in quotes)


def test_a_gold_quote_without_a_speaker_wants_no_person():
    """Gold speaker null is an organisation's statement or an unnamed source (the news gold's note): a quote left
    without a person is right there, one given to a person is wrong."""
    from collections import defaultdict

    from parley.evaluate import Score, _score_quotes
    from parley.models import Article, Entity, Quote, Record

    text = "The ministry said the border would reopen on Monday for all freight traffic."
    doc = {"file": "t.txt", "quotes": [{"speaker": None, "kind": "indirect", "contains": "the border would reopen"}]}
    ministry = Entity(id="e1", name="the ministry", type="ORG")
    anna = Entity(id="e2", name="Anna Berg", type="PERSON")
    a, b = text.index("the border"), text.index(" for all")

    def matched(speaker, speaker_id):
        q = Quote(text=text[a:b], kind="indirect", start=a, end=b, speaker=speaker, speaker_id=speaker_id)
        rec = Record(article=Article(id="x", source="t.txt", text=text), entities=(ministry, anna), quotes=(q,))
        s, misses = defaultdict(lambda: Score(predicted=0, true_positive=0)), []
        _score_quotes(doc, rec, {}, s, misses)
        return s["speakers"].matched, s["speakers"].gold

    assert matched(None, None) == (1, 1)
    assert matched("the ministry", "e1") == (1, 1)
    assert matched("Anna Berg", "e2") == (0, 1)

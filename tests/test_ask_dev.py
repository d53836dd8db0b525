"""Analysts' questions over corpora ask() was not written against: tests/data/dev, dev2 and heldout
(18 articles: Modi in Washington, Lula in Beijing, Erdogan and Putin in Sochi and on the phone, Scholz in Kyiv,
the G20 in Rio, Kamikawa and Cho in Tokyo, the emir of Qatar in Paris, Sandu in Brussels, Ruto in Addis Ababa,
Sheinbaum and Arévalo, Prabowo and Anwar, Sisi and King Abdullah, Ramaphosa and Tinubu, Prince Faisal in Tehran).

The questions and the snippets were written from the article text before ask() was run on this store. Each
answerable question must cite a sentence holding one of its snippets; a quote answer must name only the speaker
the extractor gave that quote; each question the corpus cannot answer must say so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.search import ask

from test_ask_seeds import _assert_resolves, _cited

DATA = Path(__file__).resolve().parent / "data"
CORPORA = ("dev", "dev2", "heldout")


@pytest.fixture(scope="session")
def dev_db(tmp_path_factory) -> Path:
    from parley import pipeline
    from parley.store import Store

    paths = sorted(p for name in CORPORA for p in (DATA / name).glob("*.txt"))
    path = tmp_path_factory.mktemp("askdev") / "dev.duckdb"
    with Store(path) as store:
        report = pipeline.ingest(paths, store)
    assert report.added == len(paths), (report.errors, report.duplicates)
    return path


@pytest.fixture()
def dev_store(dev_db):
    from parley.store import Store

    with Store(dev_db, read_only=True) as store:
        yield store


def _assert_speakers_are_extracted(store, answer) -> None:
    """A quote part names the speaker the extractor gave the quote it cites, and nobody else."""
    if answer.kind != "quote":
        return
    for part in answer.parts:
        for c in part.citations:
            quotes = [q for q in store.record(c.article_id).quotes if q.start == c.start and q.end == c.end]
            if not quotes:
                continue
            speakers = {q.speaker or "an unidentified speaker" for q in quotes}
            assert any(part.text.startswith(s) for s in speakers), (part.text, speakers)


def xfail(reason: str):
    return pytest.mark.xfail(reason=reason, strict=False)


# question, snippets that must appear in the cited sentences (any one of each tuple), optional text the answer
# itself (parts + citations) must hold (any one of the tuple)
ANSWERABLE = [
    # who met whom
    ("Who did Modi meet at the White House?",
     [("President Joe Biden at the White House", "Biden hosted Modi at the White House",
       "Biden rolled out the red carpet")], ("Biden",)),
    ("Who did Starmer meet in Rio de Janeiro?",
     [("met Chinese President Xi Jinping on the sidelines of the G20 summit in Rio",)], ("Xi",)),
    ("Who did Maia Sandu meet in Brussels?",
     [("Jens Stoltenberg",)], ("Stoltenberg",)),
    ("Who received King Abdullah in Cairo?",
     [("received Jordan's King Abdullah II in Cairo",)], ("Sisi",)),
    ("Who did Faisal bin Farhan meet in Tehran?",
     [("his Iranian counterpart Abbas Araghchi in Tehran", "also met Iranian President Masoud Pezeshkian")],
     ("Araghchi", "Pezeshkian")),
    # when
    ("When did Modi and Biden meet at the White House?",
     [("at the White House on Thursday", "in Washington on June 22", "talks at the White House")],
     ("2023-06-22", "June 22")),
    ("When did Lula meet Xi?",
     [("met Chinese President Xi Jinping in Beijing on Friday",)], ("2023-04-14",)),
    ("When did Scholz visit Kyiv?",
     [("arrived in Kyiv on Monday",)], ("2024-12-02",)),
    ("When did Ruto and Abiy Ahmed hold talks?",
     [("Ethiopian Prime Minister Abiy Ahmed at the National Palace on Tuesday",)], ("2024-03-12",)),
    ("When did Ramaphosa speak with Tinubu?",
     [("spoke by telephone with Nigerian President Bola Tinubu on Tuesday",)], ("2024-10-08",)),
    ("When did Erdogan and Putin speak by phone?",
     [("held a telephone conversation with Russian President Vladimir Putin on Tuesday",)], ("2023-03-14",)),
    # where
    ("Where did Lula meet Xi Jinping?",
     [("in Beijing on Friday", "received by Xi at the Great Hall of the People")], ("Beijing",)),
    ("Where did Erdogan and Putin meet in September 2023?",
     [("resort of Sochi", "travelled to Sochi on Monday", "SOCHI, Russia")], ("Sochi",)),
    ("Where did Kamikawa and Cho Tae-yul meet?",
     [("Cho Tae-yul in Tokyo on Thursday",)], ("Tokyo",)),
    ("Where did Sheinbaum meet Arévalo?",
     [("border city of Tapachula",)], ("Tapachula",)),
    ("Where was Prabowo received by Anwar?",
     [("Perdana Putra complex in Putrajaya",)], ("Putrajaya",)),
    # agenda / purpose
    ("What was on the agenda of Modi's visit to Washington?",
     [("defence cooperation, semiconductors",)], None),
    ("What did Lula and Xi discuss in Beijing?",
     [("covered trade, investment in infrastructure",)], None),
    ("What did Albanese and Xi discuss?",
     [("trade barriers, the detention of Australian writer Yang Hengjun",)], None),
    ("What was on the agenda of the emir of Qatar's visit to Paris?",
     [("discussed the war in Gaza", "strategic partnership covering defence, energy")], None),
    ("What did Ruto and Abiy discuss in Addis Ababa?",
     [("Lamu port corridor, cross-border trade",)], None),
    ("What did Prince Faisal discuss with Araghchi?",
     [("wars in Gaza and Lebanon, shipping security in the Red Sea",)], None),
    ("What was the purpose of Sandu's visit to Brussels?",
     [("to discuss support for her country", "defences and cyber security")], None),
    ("What did Sisi and King Abdullah discuss?",
     [("talks on the ceasefire in Gaza", "rejected any plan to move Palestinians")], None),
    # what did X say (about Y) / who said
    ("What did Lula say about China?",
     [("Nobody is going to prohibit Brazil from improving its relations with China",)], ("Lula",)),
    ("What did Macron say about Qatar?",
     [("Qatar is a key partner in the search for peace",)], ("Macron",)),
    ("What did Sheinbaum say?",
     [("stay at home if they choose to", "expand its Sembrando Vida")], ("Sheinbaum",)),
    ("What did Selim Koru say about Erdogan?",
     [("only NATO leader who can still pick up the phone", "keep channels open with Moscow")], ("Koru",)),
    ("Who said that Erdogan came with proposals?",
     [("Erdogan came with proposals",)], ("Kerim Has",)),
    ("Who said that neutrality is in Moldova's constitution?",
     [("Neutrality is in our constitution",)], ("Sandu",)),
    # figures
    ("How much did Scholz pledge in weapons deliveries?",
     [("650 million euros",)], ("650,000,000",)),
    ("How much will Qatar invest in France?",
     [("invest 10 billion euros in France",)], ("10,000,000,000",)),
    ("How much will Micron invest in the chip plant in Gujarat?",
     [("$825 million", "825 million dollars")], ("825,000,000",)),
    ("How many agreements did Lula and Xi sign?",
     [("signed 15 agreements", "sign 15 agreements")], ("15",)),
    ("How much was trade between Turkey and Russia last year?",
     [("62 billion dollars",)], ("62,000,000,000",)),
    # conflicts
    ("Do sources disagree about whether Moldova will join NATO?",
     [("may join NATO in the long term", "no plans to join NATO")], None),
]

UNANSWERABLE = [
    "What did Angela Merkel say about Moldova?",
    "When did Ruto visit Canberra?",
    "How much did Norway invest in Kenya?",
    "What did Viktor Orban say about Ukraine?",
    "Where did Sheinbaum meet Justin Trudeau?",
    "When did Modi visit Nairobi?",
    "Who did Prabowo meet in Reykjavik?",
]

# extraction causes found when these were first run (see the report); the wanted behaviour stays asserted
XFAIL: dict[str, str] = {}


def _params():
    for question, snippets, answer_has in ANSWERABLE:
        marks = [xfail(XFAIL[question])] if question in XFAIL else []
        yield pytest.param(question, snippets, answer_has, id=question, marks=marks)


@pytest.mark.parametrize("question,snippets,answer_has", list(_params()))
def test_dev_question_cites_the_right_sentences(dev_store, question, snippets, answer_has):
    answer = ask(dev_store, question)
    assert answer.answered, f"{question!r} -> {answer.note}"
    _assert_resolves(dev_store, answer)
    _assert_speakers_are_extracted(dev_store, answer)
    cited = _cited(answer)
    for alternatives in snippets:
        assert any(s in cited for s in alternatives), f"{question!r}: none of {alternatives} in\n{cited}"
    if answer_has:
        said = " ".join(p.text for p in answer.parts) + "\n" + cited
        assert any(s in said for s in answer_has), f"{question!r}: none of {answer_has} in\n{said}"


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_dev_unanswerable_question_says_so(dev_store, question):
    answer = ask(dev_store, question)
    assert not answer.answered, [p.text for p in answer.parts]
    assert answer.parts == []
    assert "The corpus does not say" in answer.note


def test_dev_quotes_name_only_their_extracted_speaker(dev_store):
    for question in ("What did Lula say about China?", "What did Macron say about Qatar?",
                     "Who said that Erdogan came with proposals?"):
        answer = ask(dev_store, question)
        assert answer.kind == "quote", (question, answer.kind)
        _assert_speakers_are_extracted(dev_store, answer)

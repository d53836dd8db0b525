"""ask() is built from modules of one idea each (issue 15): routing and refusal (ask), the answer records
(answer), what a sentence holds (sentences), the structured records to match (records), passage answers
(passages) and structured answers (structured). Each fits a few screens, and the public names stay where
callers import them from."""

from __future__ import annotations

from pathlib import Path

import pytest

SEARCH = Path(__file__).resolve().parents[1] / "src" / "parley" / "search"
MODULES = ["ask", "answer", "sentences", "records", "passages", "structured",
           "questions", "question_dates", "question_names", "wording", "lemmas"]


@pytest.mark.parametrize("name", MODULES)
def test_ask_module_fits_a_few_screens(name):
    lines = (SEARCH / f"{name}.py").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 350, f"search/{name}.py has {len(lines)} lines: split it by idea"


def test_public_names_stay_importable_from_search_and_ask():
    import importlib

    from parley import search
    from parley.search.answer import Answer, AnswerPart

    ask_module = importlib.import_module("parley.search.ask")  # the module: parley.search.ask is the function

    assert search.Answer is Answer and search.AnswerPart is AnswerPart
    assert ask_module.ask is search.ask
    assert ask_module.NOT_IN_CORPUS == "The corpus does not say."


def test_answer_modules_import_downward_only():
    """answer < sentences < records < passages < structured < ask: no module imports one above it."""
    import ast

    order = {name: i for i, name in enumerate(["answer", "sentences", "records", "passages", "structured", "ask"])}
    for name, rank in order.items():
        tree = ast.parse((SEARCH / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("parley.search."):
                other = node.module.split(".")[2]
                if other in order:
                    assert order[other] < rank, f"search/{name}.py imports search/{other}.py, a layer above it"

"""The given-name list comes from maintained resources (tools/build_first_names.py), and people extraction uses it
to find names the NER model missed, on sentences written for these tests."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from parley.extract import build_record
from parley.extract._lexicons import lexicons
from parley.models import Article

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "src" / "parley" / "nlp" / "data" / "first_names.txt"


@pytest.mark.skipif(importlib.util.find_spec("names_dataset") is None,
                    reason="names-dataset (the `lexicons` extra) is not installed: the build check cannot run")
def test_shipped_list_is_what_the_build_command_writes(tmp_path):
    out = tmp_path / "first_names.txt"
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_first_names.py"), str(out)], check=True,
                   capture_output=True)
    assert out.read_text(encoding="utf-8") == SHIPPED.read_text(encoding="utf-8")


def test_list_holds_names_with_gender_and_no_title_state_or_stop_word():
    names = lexicons().first_names
    assert len(names) > 5000
    assert names["ingrid"] == "f" and names["kwame"] == "m"
    for word in ("prime", "minister", "president", "may", "will", "new", "central", "guinea"):
        assert word not in names, word


def people_of(nlp, text):
    rec = build_record(Article(id="t", source="test", text=text, published="2024-03-05"), nlp(text))
    return {e.name for e in rec.entities if e.type == "PERSON"}


def test_a_known_given_name_makes_a_person_and_a_city_does_not(nlp):
    text = ("The trade delegation was led by Sipho Mabuza and Tariq Haddad. "
            "They flew on to New York City for talks at the United Nations.")
    people = people_of(nlp, text)
    assert {"Sipho Mabuza", "Tariq Haddad"} <= people
    assert not any("York" in p for p in people)

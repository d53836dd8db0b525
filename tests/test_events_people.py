"""The article's people as the event step sees them: a later bare surname the tagger took for a place or an
organisation is still the person. Texts are written for these tests."""

from __future__ import annotations

from _helpers import events_of
from parley.extract.events.people import _stands_alone


def test_a_bare_surname_tagged_as_a_place_is_the_person(nlp):
    text = ("Bangladeshi Prime Minister Sheikh Hasina arrived in New Delhi on Thursday for a four-day visit. "
            "Earlier, Foreign Minister Tomas Ivanek had visited Hasina.")
    visits = [e for e in events_of(nlp, text) if e.type == "visit"]
    assert len(visits) == 1
    assert {"Hasina", "Tomas Ivanek"} <= set(visits[0].participants)
    assert visits[0].location != "Hasina"


def test_a_surname_inside_a_longer_name_stands_not_alone():
    text = 'He spoke of Joaquín "El Chapo" Guzmán. Guzmán Street is closed. Guzmán left. Guzmán’s car.'
    first = text.index("Guzmán")
    assert not _stands_alone(text, first, first + 6)  # after a quoted nickname
    street = text.index("Guzmán Street")
    assert not _stands_alone(text, street, street + 6)  # before another capitalised word
    alone = text.index("Guzmán left")
    assert _stands_alone(text, alone, alone + 6)
    assert not _stands_alone("AGuzmán", 1, 7)  # inside a word


def test_the_two_alone_is_the_article_s_pair(nlp):
    text = ("Finnish President Arvo Kettunenmaa praised Danish Prime Minister Mette Holgaardsen on Monday. "
            "Kettunenmaa and Holgaardsen have long been close. "
            "A newspaper in Helsinki said on Saturday the two will meet in Oslo around June 3.")
    meetings = [e for e in events_of(nlp, text) if e.type == "meeting"]
    assert meetings and all(set(e.participants) == {"Arvo Kettunenmaa", "Mette Holgaardsen"} for e in meetings)
    assert meetings[0].status == "planned"

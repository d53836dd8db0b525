"""The cheaper matching of names and triggers finds exactly what the plain regular expressions find: the
letter-grouped alternation (parley.nlp.alternation), the case fold that tells where an ASCII word can match
(parley.nlp.search_fold), and event triggers tried only where their first word is. Texts are written for the test."""

from __future__ import annotations

import re

import pytest

from parley.extract.events.triggers import trigger_first_words as _trigger_first_words
from parley.extract.events.triggers import trigger_matches as _trigger_matches
from parley.extract.events.triggers import triggers
from parley.extract.topics import demonym_pattern, find_topics
from parley.nlp import alternation, search_fold

# longest first, as the lexicons sort them; prefixes of each other, shared first letters, one capital-only name
NAMES = ["South Sudanese", "South African", "South Korean", "Nigerian", "Sudanese", "Kazakhstani", "Kazakh", "Niger",
         "Iranian", "Indian", "Iraqi", "Swiss", "Sri Lankan", "UAE", "Oman", "Kenyan", "Chad"]
TEXTS = [
    "The Nigerian and Niger delegations met the South Sudanese envoy; a Kazakhstani firm and a Kazakh bank signed.",
    "NIGERIAN OFFICIALS MET IRANIAN AND IRAQI DIPLOMATS IN SRI LANKA, THE UAE AND OMAN.",
    "kenyan and chadian ministers, the south african president and an indian-born swiss banker",
    "“The Iranian side,” she said — the \u0130ranian and \u212aAZAKH (Kelvin sign) and \u017fwiss spellings are odd but legal.",
    "Nigeriens and Sudanese-led talks; Omani, Kenyans, Chadian troops; the UAE-brokered deal; Indians, Iraqis.",
]
CONTEXTS = [r"(?<![\w-])({alt})(?![\w])", r"\b({alt})\s+(?:delegations|envoy|firm|bank|side)\b", r"({alt})",
            r"\bthe ({alt}) (?:president|side|envoy)\b"]


@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize("flags", [0, re.I])
def test_the_grouped_alternation_matches_like_the_plain_one(context, flags):
    plain = re.compile(context.format(alt="|".join(re.escape(n) for n in NAMES)), flags)
    grouped = re.compile(context.format(alt=alternation(NAMES)), flags)
    assert grouped.pattern != plain.pattern
    for text in TEXTS:
        assert [(m.span(), m.groups()) for m in grouped.finditer(text)] == \
               [(m.span(), m.groups()) for m in plain.finditer(text)]


def test_the_alternation_keeps_the_order_of_the_names():
    # the first alternative that lets the whole pattern match wins, as in the plain alternation
    first = re.compile(r"(" + alternation(["Niger", "Nigerian"]) + r")")
    assert first.match("Nigerian").group(1) == "Niger"
    backtracks = re.compile(r"(" + alternation(["Nigerian", "Niger"]) + r")ien")
    assert backtracks.match("Nigerien").group(1) == "Niger"


def test_names_that_do_not_begin_with_a_letter_come_after_the_letter_tree():
    names = ["Öland", "Iran", "'Oman", "Iraq", "Åland Islands"]
    pattern = alternation(names)
    assert pattern.endswith("|Öland|'Oman|Åland\\ Islands")  # in their order, after the tree
    for text, found in (("Öland and Iran", ["Öland", "Iran"]), ("the Åland Islands, 'Oman, Iraq", ["Åland Islands", "'Oman", "Iraq"])):
        assert re.findall(pattern, text) == found == re.findall("|".join(re.escape(n) for n in names), text)
    assert alternation(["Öland"]) == "Öland"


def test_the_fold_covers_every_character_ignorecase_matches_to_a_letter():
    letter = re.compile("[a-z]", re.I)
    odd = {chr(c) for c in range(128, 0x110000) if letter.fullmatch(chr(c))}
    assert odd  # İ, ı, ſ and the Kelvin sign, in the Python of this project
    for ch in odd:
        folded = search_fold(ch + "é")
        assert len(folded) == 2 and folded[0].isascii() and re.fullmatch(folded[0], ch, re.I)
    assert search_fold("Çağrı Erdoğan MET") == "Çağri erdoğan met"  # other letters stay as written


TRIGGER_TEXTS = [
    "President Ruto met Prime Minister Albanese on Monday; the two leaders will meet again at a summit in Nairobi.",
    "THE FOREIGN MINISTERS HELD TALKS AND SIGNED A MEMORANDUM DURING A STATE VISIT TO SEOUL.",
    "Their “tête-à-tête” in Geneva — an hour-long phone call, then a visit — preceded the Vişit of the M\u0130N\u0130STER and a V\u0131s\u0131t.",
    "Unmet expectations, a comet and a meeting-room: nothing here is a trip; the summiteers telephoned nobody.",
    "Lula  visited\tBuenos Aires; he  met\nMilei; \u017fummit and \u212aall (Kelvin) are spelt oddly on purpose.",
]


@pytest.mark.parametrize("text", TRIGGER_TEXTS)
def test_triggers_are_found_where_a_full_search_finds_them(text):
    folded = search_fold(text)
    assert len(folded) == len(text)
    found = 0
    for (pattern, _, _), first in zip(triggers(), _trigger_first_words()):
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in _trigger_matches(pattern, text, folded, first)] == expected, pattern.pattern
        found += len(expected)
    assert found  # every text holds a trigger or a near miss the search must reject


@pytest.mark.parametrize("text, topic", [
    ("The president met members of the Kazakh community in Berlin.", "diaspora"),
    ("Thousands of Armenians living in France welcomed the visit.", "diaspora"),
    ("Both sides praised Azerbaijani-Turkish relations at the press conference.", "bilateral_relations"),
    ("They discussed the Japanese origin of the investment programme.", "diaspora"),
])
def test_agenda_topics_written_with_demonyms_are_found(text, topic):
    assert topic in {h[0] for h in find_topics(text)}


def test_the_demonym_pattern_is_a_plain_alternation_in_meaning():
    rx = re.compile(r"\b(" + demonym_pattern() + r")\b")
    assert [m.group(1) for m in rx.finditer("The South African and Nigerian leaders met the Swiss envoy.")] == \
           ["South African", "Nigerian", "Swiss"]

"""The number parser of extraction: parley.nlp.numbers, where resolve reads counts with it too."""

from __future__ import annotations

from parley.nlp import number_words
from parley.nlp.numbers import as_number, number_word_regex, parse_number, scale_words

__all__ = ["number_words", "scale_words", "number_word_regex", "parse_number", "as_number"]

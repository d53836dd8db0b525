"""The one person identity: are two person names the same person?

    same_person(a, b, among=())  -> bool    "K. Shanmugam" / "K Shanmugam", "Kishida Fumio" / "Fumio Kishida"
    name_parts(name)             -> NameParts: the folded words that name the person, and a suffix ("jr", "ii")
    name_keys(name)              -> the words a name can be looked up by (no initials; variants: their consonants)
    match_keys(name)             -> keys two names same_person calls one person share (spelling variants too)
    skeleton(word)               -> a word's consonants, doubled letters once: what spelling variants share

A name is read as words: titles and honorifics before it ("State Councilor", "His Majesty King") and generational
suffixes after it ("Jr.", "II") come off, using nameparser's constants; particles ("bin", "al-", "von der") are not
words of the person; hyphens split ("Suk-yeol" is "Suk Yeol"); diacritics fold ("Erdoğan" is "Erdogan").

Two names are the same person when their words line up:
  * the same words in any order (family name first: "Kishida Fumio" / "Fumio Kishida");
  * the shorter name's words, in order, within the longer, starting at its first word or ending at its last
    ("Abiy Ahmed" / "Abiy Ahmed Ali", "Tayyip Erdogan" / "Recep Tayyip Erdogan"); a bare word is any of them;
  * words match when equal, when one is the initial of the other ("K" / "Kasiviswanathan"), or when they are
    transliteration variants (rapidfuzz: nearly equal, or the same consonants with vowels that differ:
    "Sergei" / "Sergey", "Mammadov" / "Mamedov", "Muhammad" / "Mohammed").
Names whose given names differ never line up ("Imelda Marcos" / "Ferdinand Marcos"); neither do "Jr." and "Sr.",
nor an initial the shorter name writes and the longer lacks ("George W. Bush" / "George H. W. Bush").

``among`` is the other names of the same context (one article, one timeline entry): a name that fits two people
there who are not the same person ("Marcos" where Ferdinand and Imelda Marcos are both named) is nobody's.
A leaf module: it imports nothing of parley.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import permutations

from nameparser.config import CONSTANTS
from rapidfuzz import fuzz

__all__ = ["NameParts", "name_parts", "name_keys", "match_keys", "skeleton", "same_person"]

# nameparser's lists, read once: titles ("president", "state", "councillor", "sheikh", "his", "majesty"),
# generational suffixes ("jr", "sr", "ii"), and the particles of names ("bin", "al", "von", "der", "da")
_TITLES = frozenset(CONSTANTS.titles)
_SUFFIXES = frozenset(CONSTANTS.suffix_not_acronyms)
_PARTICLES = frozenset(p.rstrip("-") for p in CONSTANTS.prefixes)
_LETTER = re.compile(r"LETTER (?:DOTLESS )?([A-Z])(?: WITH .*)?$")
_FUZZY_NEAR = 85  # rapidfuzz ratio for "nearly equal" (one letter in about a dozen: "Zelensky" / "Zelenskyy")
_FUZZY_VOWELS = 65  # ... for words with the same consonants ("Heydar" / "Haidar")
_MAX_ORDER = 4  # word orders tried for family-name-first names: names of up to this many words
_FUZZY_ONE_WORD = 75  # ... for the one differing word of names whose other words (two or more) are the same


@dataclass(frozen=True)
class NameParts:
    words: tuple[str, ...]  # folded, lower-case: ("kishida", "fumio"); an initial is one letter
    suffix: str | None = None  # "jr", "sr", "ii"
    joined: tuple[int, ...] = ()  # per word, the written word it is part of: "Suk-yeol" is one word of two

    def halves(self, used: Iterable[int]) -> bool:
        """Do the word positions ``used`` take part of a hyphenated word and leave the rest ("Yoon Suk" of
        "Yoon Suk-yeol")?"""
        taken = set(used)
        groups: dict[int, list[bool]] = {}
        for k, g in enumerate(self.joined):
            groups.setdefault(g, []).append(k in taken)
        return any(any(v) and not all(v) for v in groups.values())

    @property
    def partial(self) -> bool:
        """A bare word or initials and one word ("Marcos", "H. Mammadov"): it fits several people."""
        return len([w for w in self.words if len(w) > 1]) <= 1


def _fold_char(c: str) -> str:
    if c.isascii():
        return c
    base = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
    if base.isascii():
        return base
    # letters NFKD leaves alone ("ø", "ł", "ı") are named after their base letter in Unicode
    m = _LETTER.search(unicodedata.name(c, ""))
    return m.group(1).lower() if m else c


def _fold(word: str) -> str:
    return re.sub(r"[^\w]", "", "".join(_fold_char(c) for c in word.lower()))


def _clean(token: str) -> str:
    return token.lower().strip(".,;:’'\"()")


@lru_cache(maxsize=8192)
def name_parts(name: str) -> NameParts:
    tokens = re.sub(r"['’]s?$", "", " ".join((name or "").split())).split()
    while len(tokens) > 1 and _clean(tokens[0]) in _TITLES:
        tokens.pop(0)
    suffix = None
    while len(tokens) > 1 and _clean(tokens[-1]) in _SUFFIXES:
        suffix = suffix or _clean(tokens.pop())
    words: list[tuple[str, int]] = []
    for t, token in enumerate(tokens):
        for piece in re.split(r"[-‐‑–]", token.replace(".", ". ")):
            for w in piece.split():
                f = _fold(w)
                if f:
                    words.append((f, t))
    kept = [(w, t) for w, t in words if w not in _PARTICLES] or words
    return NameParts(tuple(w for w, _ in kept), suffix, tuple(t for _, t in kept))


def name_keys(name: str, *, variants: bool = False) -> frozenset[str]:
    """The folded words of a name that are not initials: each is a way to look the person up. ``variants``: also
    each word's consonants, which spelling variants share ("Zelensky" / "Zelenskyy", "Mamedov" / "Mammadov")."""
    words = [w for w in name_parts(name).words if len(w) > 1]
    return frozenset(words + ["~" + skeleton(w) for w in words if variants and len(w) >= 4])


@lru_cache(maxsize=65536)
def match_keys(name: str) -> frozenset[str]:
    """Keys that two names same_person calls one person share, so that they can be looked up by key instead of
    compared with every name: a word of two or three letters as it is ("wang", "yi" -> "yi"; same_person wants
    such words equal), a longer one by its skeleton ("~lvrv": "Sergei"/"Sergey", "Zelensky"/"Zelenskyy",
    "Mamedov"/"Mammadov"), and a name of several words by the skeleton of its words joined ("Yoon Suk Yeol" /
    "Yoon Sukyeol"). Words same_person calls nearly equal with a consonant changed ("Netanyahu" / "Netanjahu")
    share no key; an initial alone has none, so a name of one initial has no key at all. (A name of initials only,
    "J. K.", keys the consonants of its initials joined, "~jk", which "John Kerry" does not hold though same_person
    finds it there: a pair keyed so is not compared; giving such names no key would mean marking the keys every
    store holds stale.)"""
    words = name_parts(name).words
    keys = {w for w in words if 1 < len(w) < 4}
    keys.update("~" + skeleton(w) for w in words if len(w) >= 4)  # an equal word has an equal skeleton too
    if len(words) > 1:
        keys.add("~" + skeleton("".join(words)))  # a single word of those letters has this skeleton
    return frozenset(keys)


def skeleton(word: str) -> str:
    """The consonants of a word, doubled letters once: what its spelling variants share."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", word))


@lru_cache(maxsize=65536)
def _word_match(x: str, y: str) -> bool:
    if x == y:
        return True
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0] and (len(x) > 1 or len(y) > 1)  # "k" is "kasiviswanathan"; "k" is not "h"
    if min(len(x), len(y)) < 4:
        return False
    ratio = fuzz.ratio(x, y)
    return ratio >= _FUZZY_NEAR or (ratio >= _FUZZY_VOWELS and skeleton(x) == skeleton(y))


def _alignments(short: tuple[str, ...], long_: tuple[str, ...], i: int = 0, j: int = 0,
                at: tuple[int, ...] = ()):
    """Every way short's words, in order, match words of long_ (as tuples of positions in long_)."""
    if i == len(short):
        yield at
        return
    for k in range(j, len(long_) - (len(short) - i) + 1):
        if _word_match(short[i], long_[k]):
            yield from _alignments(short, long_, i + 1, k + 1, at + (k,))


def _in_order(a: NameParts, b: NameParts) -> bool:
    """a's words, in order, inside b's from its first word or to its last, and never half of a hyphenated word;
    when a writes initials, the words b has beyond them are no initials ("George W. Bush" is not "George H. W.
    Bush")."""
    short, long_ = a.words, b.words
    writes_initials = any(len(w) == 1 for w in short)
    for at in _alignments(short, long_):
        if at[0] != 0 and at[-1] != len(long_) - 1:
            continue
        if writes_initials and any(len(w) == 1 for k, w in enumerate(long_) if k not in at):
            continue
        if b.halves(at):
            continue
        return True
    return False


def _same_words(a: NameParts, b: NameParts) -> bool:
    if not a.words or not b.words:
        return False
    if a.suffix and b.suffix and a.suffix != b.suffix:
        return False  # "Jr." is not "Sr.", "II" is not "I"
    if len(a.words) > len(b.words):
        a, b = b, a
    short, long_ = a.words, b.words
    if len(short) == 1:
        return len(short[0]) > 1 and any(_word_match(short[0], w) and not b.halves([k])
                                         for k, w in enumerate(long_) if len(w) > 1)
    if len(short) == len(long_):
        if all(_word_match(x, y) for x, y in zip(short, long_)):
            return True
        if _one_word_romanized(short, long_):
            return True
        # family name first: the same words in another order
        if len(short) <= _MAX_ORDER and all(len(w) > 1 for w in short + long_):
            return any(all(_word_match(x, y) for x, y in zip(short, order)) for order in permutations(long_))
    elif _in_order(a, b):
        return True
    return "".join(a.words) == "".join(b.words)  # "Yoon Suk Yeol" is "Yoon Sukyeol"


def _one_word_romanized(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """Names of as many words, two or more of them the same, one given name written in another romanization
    ("Kassym-Zhomart Tokayev" / "Kassym-Jomart Tokayev": Cyrillic "Ж" as "zh" or "j"). Two words alone never
    pass here ("Heydar Aliyev" and "Ilham Aliyev" share one word only), nor a family name ("Serikov" / "Seitov"
    are two families: the last word must match as _word_match has it)."""
    off = [k for k, (x, y) in enumerate(zip(short, long_)) if not _word_match(x, y)]
    if len(off) != 1 or len(short) < 3 or off[0] == len(short) - 1:
        return False
    x, y = short[off[0]], long_[off[0]]
    return min(len(x), len(y)) >= 5 and fuzz.ratio(x, y) >= _FUZZY_ONE_WORD


@lru_cache(maxsize=65536)
def _fits(a: str, b: str) -> bool:
    if " ".join(a.split()).lower() == " ".join(b.split()).lower():
        return True
    return _same_words(name_parts(a), name_parts(b))


def same_person(a: str | None, b: str | None, among: Iterable[str] = ()) -> bool:
    """Are names ``a`` and ``b`` the same person? ``among``: the other person names of the same context; when
    either name also fits one of them that the other name does not fit, it is ambiguous and the answer is no."""
    if not a or not b or not _fits(a, b):
        return False
    for c in among:
        if not c or c == a or c == b:
            continue
        fits_a, fits_b = _fits(a, c), _fits(b, c)
        if fits_a == fits_b:
            continue
        # c is someone one name could be and the other cannot: the shorter of the two is ambiguous
        looser, other = (a, b) if fits_a else (b, a)
        if len(name_parts(looser).words) <= len(name_parts(other).words):
            return False
    return True

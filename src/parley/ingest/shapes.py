"""Line shapes the cleaner decides by: sentence or not, headline, caption, person's name, institution,
outlet signature, widget bar; the phrase lists (``data/*.txt``) they consult; name case and folding."""

from __future__ import annotations

import re
import unicodedata

from parley.ingest._data import entries, patterns, stopwords
from parley.ingest.dates import parse_dateline
from parley.ingest.page import SENTENCE_END, TERMINAL, Unit, word_count

BYLINE = re.compile(
    r"^(?:by|written by|reporting by|author|text|story by)\s*:?\s+(?P<name>[^,|;•–—(]+?)"
    r"\s*(?:(?:,|\||;|•|–|—|\(|\bfor\b|\bin\b).*)?$",
    re.IGNORECASE,
)
DOMAIN_NAME = r"[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.[A-Za-z]{2,}"  # "vestnik.com", "news.example.co.uk"
_DOMAIN = re.compile(rf"^(?:www\.)?{DOMAIN_NAME}$")
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b|(?:\+|\b00)\d[\d ()/.-]{7,}\d", re.I)
_ABBREVIATION_END = re.compile(r"\b(?:[A-Z]\.){2,}$")


# -- phrase lists ------------------------------------------------------------------------------------


def boilerplate(text: str) -> bool:
    return any(p.search(text) for p in patterns("boilerplate_patterns"))


def chrome_sentence(text: str) -> bool:
    return any(p.search(text) for p in patterns("boilerplate_sentences"))


def boilerplate_line(text: str, is_sentence: bool) -> bool:
    """A short line matching a boilerplate pattern; never a sentence (a phrase alone does not drop one)."""
    return word_count(text) <= 20 and not is_sentence and boilerplate(text)


def caption(text: str) -> bool:
    return any(p.search(text) for p in patterns("caption_patterns"))


def chrome_words() -> set[str]:
    return set(entries("chrome_words"))


def label_words() -> set[str]:
    return chrome_words() | set(entries("update_words")) | set(entries("dateline_words"))


def known_outlets() -> set[str]:
    return {o.casefold() for o in entries("known_outlets")}


def outlet_alias(name: str) -> str:
    for line in entries("outlet_aliases"):
        short, _, full = line.partition("=")
        if short.strip().casefold() == name.casefold():
            return full.strip()
    return name


# -- prose -------------------------------------------------------------------------------------------


def sentence(text: str) -> bool:
    """A sentence of prose: six words or more, closed by a full stop, '!' or a closing quote, and not
    opened by a label ("Photo: ...", "Tags: ...")."""
    if re.match(r"^[^\W\d_][\w ]{0,20}:\s", text):
        return False
    return word_count(text) >= 6 and text.endswith(SENTENCE_END) and not text.isupper()


def body_like(u: Unit) -> bool:
    n = len(u.words)
    if u.text.endswith(("|", "•")):
        return False  # a field bar closes page furniture (captions, meta rows), never a sentence
    return n >= 40 or (n >= 12 and u.text.endswith(TERMINAL))


def contact_line(text: str) -> bool:
    return word_count(text) <= 40 and bool(_CONTACT.search(text))


# -- headlines, names, institutions --------------------------------------------------------------------


def headline_shaped(text: str) -> bool:
    n = word_count(text)
    ends = text.endswith((".", ":", ";", ",")) and not _ABBREVIATION_END.search(text)  # "... talks with U.S."
    return 3 <= n <= 25 and not ends and not caption(text) and text[0].isalnum() and not text[0].islower()


def headline_candidate(text: str) -> bool:
    """Headline-shaped and none of the other top-of-page lines (dateline, byline, widget, institution)."""
    return (
        headline_shaped(text)
        and word_count(text) >= 4
        and not org_shaped(text)
        and not boilerplate(text)
        and parse_dateline(text) is None
        and not BYLINE.match(text)
    )


def org_shaped(text: str) -> bool:
    """A title-case institution name with a publisher word ("Ministry for Foreign Affairs of Finland")."""
    words = text.split()
    if not 1 <= len(words) <= 10 or text.endswith(TERMINAL) or not text[0].isupper():
        return False
    connectors = {"of", "for", "the", "and", "&", "on", "to", "de"}
    if not all(w[0].isupper() or w.lower() in connectors for w in words):
        return False
    named = [w.lower().strip(",") for w in words if w.lower() != "the"]
    publisher = set(entries("publisher_words"))  # "Ministry for ...", "Federal Foreign Office"; not a
    return bool(named) and (named[0] in publisher or named[-1] in publisher)  # Title Case headline


def name_shaped(text: str) -> bool:
    """2-4 capitalised words (initials and particles allowed), no function or chrome words."""
    words = text.split()
    if not 2 <= len(words) <= 4:
        return False
    chrome = chrome_words() | set(entries("outlet_words"))
    english = stopwords()["en"]
    particles = {"de", "da", "van", "von", "der", "bin", "ibn", "al", "el", "la", "du", "di"}
    caps = 0
    for w in words:
        lw = w.lower().strip(".,")
        if lw in chrome or lw in english and lw not in particles:
            return False
        if lw in particles:
            continue
        if not re.fullmatch(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*\.?", w):
            return False
        if not w[0].isupper():
            return False
        caps += 1
    return caps >= 2


def name_case(name: str) -> str:
    """'MARIA KOVALENKO' -> 'Maria Kovalenko'; names in mixed case are left as written."""
    if any(c.isalpha() for c in name) and name.upper() == name:
        return "".join(w[:1] + w[1:].lower() for w in re.split(r"(?<=[\s'’-])", name))
    return name


def outlet_shaped(text: str, full: str) -> bool:
    """A signature line: a known outlet, a bare domain, or a short capitalised name the article
    itself mentions elsewhere ("... told the correspondents of Vestnik Kavkaza")."""
    if text in entries("known_outlets"):
        return True
    if _DOMAIN.match(text):
        return True
    words = text.split()
    if not 1 <= len(words) <= 4 or text.endswith(TERMINAL):
        return False
    if not all(w[0].isupper() or not w[0].isalpha() for w in words):
        return False
    if len(words) == 1 and "." not in text:
        return False  # one capitalised word is as likely a section label
    if set(entries("outlet_words")) & {w.lower() for w in words}:
        return True
    return full.count(text) >= 2


def opens(text: str, body: str) -> bool:
    """Is ``text`` a name label (every word capitalised) that opens a body paragraph word for word? A caption
    names the person the first sentence is about ("Foreign Minister Takeshi Iwaya" above "Foreign Minister
    Takeshi Iwaya spoke with ..."); a headline that echoes the lede has lower-case words."""
    if not body or not all(w[:1].isupper() for w in text.split()):
        return False
    return re.search(r"(?:^|\n)" + re.escape(text) + r"\s+\w", body) is not None


def named_in(name: str, body: str) -> bool:
    """Does the body mention every word of ``name``? A reporter's byline rarely names the story's subjects."""
    folded = fold(body)
    return bool(body) and all(re.search(rf"\b{re.escape(fold(w))}", folded) for w in name.split())


def fold(text: str) -> str:
    """Case and diacritics folded: 'Erdoğan' and 'Erdogan' compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# -- widgets -------------------------------------------------------------------------------------------


def widget_bar(text: str, short_alone: bool = False) -> bool:
    """A short line of nothing but widget words (data/chrome_words.txt), function words and counters, with
    a counter or (outside the body, ``short_alone``) two widget words or one standing alone: "Newsletter
    Signup Register / Login", "371 views Politics 0", "Subscribe". In the body it takes three widget words
    or a counter, so that a subheading such as "Politics and business" stays."""
    n = word_count(text)
    if n > 8 or text.endswith(TERMINAL):
        return False
    tokens = [t for t in re.split(r"[\s/|·•,]+", text.lower()) if t]
    chrome = chrome_words()
    english = stopwords()["en"]
    if not tokens or not all(t in chrome or t in english or t.isdigit() or t in entries("dateline_words")
                             for t in tokens):
        return False
    widgets = sum(t in chrome for t in tokens)
    if short_alone:  # outside the body: position is the second signal
        return widgets >= 1 and (any(t.isdigit() for t in tokens) or widgets >= 2 or n <= 2)
    return widgets >= 3 or widgets >= 1 and any(t.isdigit() for t in tokens)  # not "Politics and business"

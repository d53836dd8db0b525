"""HTML pages to Articles with trafilatura (main text and metadata), plus a small HTML-to-text for
feed entries and other fragments."""

from __future__ import annotations

from html import unescape
from pathlib import Path

from parley.errors import CorruptInputError
from parley.ingest.clean import strip_chrome
from parley.ingest.dates import normalise_published
from parley.ingest.text import normalise_whitespace, paragraphs

__all__ = ["extract_html", "html_to_text"]

_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "section", "article", "tr", "table", "figure", "figcaption", "header", "footer", "hr", "dd", "dt",
}
_SKIP = {"script", "style", "noscript", "template", "iframe", "svg", "nav", "form", "button"}


def extract_html(html: str | bytes, source: str | Path, url: str | None = None) -> dict:
    """Main text and metadata of a page: keys text, removed, title, author, published, outlet, url.
    Raises CorruptInputError when no article text can be found."""
    import trafilatura

    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # trafilatura raises assorted lxml errors on broken markup
        doc = None
    meta = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    body = paragraphs(meta.get("text") or "")
    if len(body.split()) < 5:
        body = html_to_text(html)
    if len(body.split()) < 5:
        raise CorruptInputError(source, "no article text found in the HTML (malformed or empty page)")
    text, removed = strip_chrome(body)
    title = _clean(meta.get("title"))
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return {
        "text": text,
        "removed": removed,
        "title": title,
        "author": _clean(meta.get("author")),
        "published": normalise_published(meta.get("date")),
        "outlet": _clean(meta.get("sitename")),
        "url": url or _clean(meta.get("url")),
    }


def _clean(value: object) -> str | None:
    if value is None:
        return None
    s = normalise_whitespace(str(value)).replace("\n", " ").strip()
    return s or None


def html_to_text(html: str | bytes) -> str:
    """Visible text of an HTML fragment, one paragraph per block element, scripts and menus left out."""
    import lxml.html
    from lxml import etree

    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if not html.strip():
        return ""
    if "<" not in html:  # escaped text (a feed's summary): "AT&amp;T" is AT&T
        return normalise_whitespace(unescape(html))
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag.lower() in _SKIP:
            if el.tail:
                parts.append(el.tail)
            return
        block = tag.lower() in _BLOCKS
        if block:
            parts.append("\n")
        if el.text and isinstance(el.tag, str):
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    lines = [" ".join(x.split()) for x in "".join(parts).split("\n")]
    return "\n\n".join(x for x in lines if x)

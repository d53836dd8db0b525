"""The self-contained HTML dossier: inline CSS and SVG, nothing fetched when it is opened.

It carries its own Content-Security-Policy: no script at all, no request to anywhere, and only its own
stylesheet (allowed by hash), so a hostile string in a stored article cannot run even if it got past escaping.
Article links are emitted only for http(s) URLs (``parley.links.safe_url``); anything else is shown as text.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from parley.links import safe_url
from parley.report.svg import timeline_svg, type_key, type_colour, type_css

__all__ = ["render_html", "environment", "template_environment", "format_number", "dossier_css", "dossier_csp"]

_ENV: Environment | None = None


def template_environment(package: str) -> Environment:
    """Jinja2 over ``<package>/templates`` with autoescaping on for every template, files and strings alike."""
    return Environment(loader=PackageLoader(package, "templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True),
                       trim_blocks=True, lstrip_blocks=True)


def environment() -> Environment:
    global _ENV
    if _ENV is None:
        _ENV = template_environment("parley.report")
    return _ENV


def format_number(value: float) -> str:
    if value >= 1e9 and value % 1e7 == 0:
        return f"{value / 1e9:g} billion"
    if value >= 1e6 and value % 1e4 == 0:
        return f"{value / 1e6:g} million"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def render_html(dossier: Mapping[str, Any]) -> str:
    """The dossier built by ``views.collect_dossier`` as one HTML file."""
    sources = {s["id"]: (i + 1, s) for i, s in enumerate(dossier["sources"])}

    def cite(article_id: str) -> Markup:
        n, s = sources.get(article_id, (None, None))
        if s is None:
            return Markup("source {}").format(article_id[:12])
        label = " · ".join(x for x in (s.get("outlet"), s.get("published")) if x) or s["id"][:12]
        return Markup('<a href="#src-{}">[{}] {}</a>').format(s["id"], n, label)

    svg = timeline_svg(dossier["events"], lambda r: f"#ev-{r.get('timeline_id')}")
    return environment().get_template("dossier.html").render(
        d=dossier, svg=Markup(svg), css=Markup(dossier_css()), csp=dossier_csp(), cite=cite, colour=type_colour,
        type_key=type_key, safe_url=safe_url, number=format_number)


@cache
def dossier_css() -> str:
    """The dossier's one stylesheet, written inline between <style> tags exactly as returned."""
    css = resources.files("parley.report").joinpath("templates/dossier.css").read_text(encoding="utf-8")
    return css + type_css()


@cache
def dossier_csp(header: bool = False) -> str:
    """The dossier's policy: nothing but its own inline stylesheet (by hash) and data: images. As an HTTP
    header (``header=True``) it also forbids framing, which a <meta> policy cannot say."""
    digest = base64.b64encode(hashlib.sha256(dossier_css().encode("utf-8")).digest()).decode("ascii")
    policy = (f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; base-uri 'none'; "
              "form-action 'none'")
    return policy + "; frame-ancestors 'none'" if header else policy

"""Pure renderers shared by the CLI and the web app: data in, string out.

    views.collect_dossier(records, timeline, people, conflicts, ...) -> dict   what a dossier shows
    views.event_view / person_view / conflict_view / timeline_row             JSON-ready pieces
    render_html(dossier) -> str        one self-contained HTML file (inline CSS and SVG)
    render_markdown(dossier) -> str    the same for pasting into notes
    render_json(dossier) -> str        the same as JSON
    timeline_svg(rows, href) -> str    the timeline chart
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from parley.report.html import render_html
from parley.report.markdown import render_markdown
from parley.report.svg import timeline_svg
from parley.report.views import collect_dossier

__all__ = ["collect_dossier", "render_html", "render_markdown", "render_json", "timeline_svg"]


def render_json(dossier: Mapping[str, Any]) -> str:
    return json.dumps(dossier, ensure_ascii=False, indent=2) + "\n"

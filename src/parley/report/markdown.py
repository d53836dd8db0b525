"""The dossier as Markdown, for pasting into notes. Same content as the HTML, plainer."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from parley.links import safe_url
from parley.report.html import format_number

__all__ = ["render_markdown", "md_escape", "md_link"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]#|])")


def md_escape(text: Any) -> str:
    """Text from articles is data, not markup: escape what Markdown would act on, and write angle brackets
    and ampersands as entities so that no renderer sees raw HTML."""
    flat = " ".join(str(text or "").split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", flat)


def md_link(url: Any, fallback: Any = "") -> str:
    """An http(s) URL as a Markdown autolink; anything else (``javascript:``, ``data:``…) as escaped text."""
    href = safe_url(url)
    if href is None:
        return md_escape(url or fallback)
    return "<" + href.replace("<", "%3C").replace(">", "%3E") + ">"


def render_markdown(dossier: Mapping[str, Any]) -> str:
    sources = {s["id"]: i + 1 for i, s in enumerate(dossier["sources"])}

    def cite(article_id: str) -> str:
        return f"[{sources[article_id]}]" if article_id in sources else f"[{article_id[:12]}]"

    out = [f"# {md_escape(dossier['title'])}", ""]
    f = dossier["filters"]
    scope = []
    if f.get("actors"):
        scope.append("actors: " + ", ".join(md_escape(a) for a in f["actors"]))
    if f.get("since") or f.get("until"):
        scope.append(f"period: {f.get('since') or '…'} – {f.get('until') or '…'}")
    if scope:
        out += ["_" + "; ".join(scope) + "_", ""]

    out += ["## Timeline", ""]
    for ev in dossier["events"]:
        who = ", ".join(md_escape(p) for p in ev.get("participants") or []) or "participants not given"
        where = f" — {md_escape(ev['location'])}" if ev.get("location") else ""
        status = f" ({md_escape(ev['status'])})" if ev.get("status") not in (None, "occurred") else ""
        refs = " ".join(cite(a["article"]["id"]) for a in ev["accounts"])
        out.append(f"- **{md_escape(ev['date_label'])}** · {md_escape(ev.get('type') or 'event')}{where}: {who}{status} {refs}")
    out.append("")

    out += ["## Events", ""]
    for ev in dossier["events"]:
        out += [f"### {md_escape(ev['date_label'])} · {md_escape(ev.get('type') or 'event')}"
                + (f" · {md_escape(ev['location'])}" if ev.get("location") else ""), ""]
        out += [", ".join(md_escape(p) for p in ev.get("participants") or []) or "Participants not given", ""]
        if ev["agenda"]:
            out.append("**Agenda**")
            out.append("")
            for item in ev["agenda"]:
                out.append(f"- **{md_escape(item['topic'])}**")
                for s in item["evidence"][:2]:
                    out.append(f"  > {md_escape(s['text'])} {cite(s['article_id'])}")
                for q in item["quotes"][:2]:
                    out.append(f"  > “{md_escape(q['text'])}” — {md_escape(q['speaker'] or 'unattributed')} {cite(q['article']['id'])}")
            out.append("")
        out.append("**Reported by**")
        out.append("")
        for acc in ev["accounts"]:
            for s in acc["evidence"]:
                out.append(f"> {md_escape(s['text'])} {cite(acc['article']['id'])}")
                out.append("")
        if ev.get("ties"):
            out += ["**One event, because**", ""]
            for t in ev["ties"]:
                a, b = (r["article_id"] for r in t["reports"])
                out.append(f"- {cite(a)} ~ {cite(b)}: {md_escape(t['rule'])} (score {t['score']})")
            out.append("")
    out += ["## Voices", ""]
    for v in dossier["voices"]:
        roles = f" — {md_escape('; '.join(v['roles'][:3]))}" if v["roles"] else ""
        out += [f"### {md_escape(v['speaker'] or 'Unattributed')}{roles}", ""]
        for q in v["quotes"]:
            text = f"“{md_escape(q['text'])}”" if q["kind"] == "direct" else md_escape(q["text"])
            out.append(f"- {text} {cite(q['article']['id'])}")
        out.append("")
    out += ["## Figures", ""]
    if dossier["figures"]:
        out += ["| Figure | Value | Of what | Source |", "|---|---|---|---|"]
        for x in dossier["figures"]:
            out.append(f"| {md_escape(x['text'])} | {format_number(x['value'])} {md_escape(x['unit'])} | "
                       f"{md_escape(x.get('object') or '')} | {cite(x['article']['id'])} |")
    else:
        out.append("_No figures found._")
    out += ["", "## Where sources disagree", ""]
    for c in dossier["conflicts"]:
        out += [f"### {md_escape(c['title'])}", ""]
        for s in c["sides"]:
            who = f"{md_escape(s['speaker'])}: " if s.get("speaker") else ""
            stance = f"**{md_escape(s['stance'])}** " if s.get("stance") else ""
            out.append(f"- {stance}{who}{md_escape(s.get('text') or '')} {cite(s.get('article_id') or '')}")
        out.append("")
    if not dossier["conflicts"]:
        out += ["_No disagreements found between the sources._", ""]
    out += ["## Sources", ""]
    for i, s in enumerate(dossier["sources"], 1):
        out.append(f"{i}. {md_escape(s.get('title') or '(untitled)')} — {md_escape(s.get('outlet') or 'outlet unknown')}, "
                   f"{md_escape(s.get('published') or 'date unknown')}. {md_link(s.get('url'), s.get('source') or '')} "
                   f"(id {s['id'][:12]})")
    return "\n".join(out).rstrip() + "\n"

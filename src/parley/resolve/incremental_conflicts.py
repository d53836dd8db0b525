"""Incremental conflicts: only what the articles of an ingest can change is recomputed.

Event conflicts (conflicts.find_event_conflicts) are per timeline entry, in timeline order, and a conflict whose
sides an earlier entry already gave is left out. So an entry's conflicts depend on its own reports and on the
earlier entries sharing an article with it: the entries reporting an article the ingest touched are recomputed,
in order, beside every entry sharing an article with them (entries_to_recompute).

Claim conflicts (conflicts.find_claim_conflicts) depend on the claims and on the acronyms folded across the corpus:
each acronym takes the long form of the first article (by id) spelling it out. They change only when the new
articles carry claims or spell out an acronym some claim names (claims_change), and are then recomputed from the
articles with claims and the first to spell out each acronym they name (claim_articles).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from parley.extract.claims import acronyms
from parley.models import Record
from parley.resolve import conflicts as cf
from parley.resolve import timeline as tl

__all__ = ["claim_parties", "record_acronyms", "claims_change", "claim_articles", "claim_conflicts", "articles_of", "entry_from_dict", "event_conflicts",
           "conflict_rows"]

_ACRONYM = re.compile(r"[A-Z]{2,8}")


def claim_parties(rec: Record) -> tuple[str, ...]:
    return tuple(sorted({n for c in rec.claims for n in (c.get("subject", ""), c.get("object", "")) if n}))


def record_acronyms(rec: Record) -> dict[str, str]:
    return acronyms(rec.article.text)


def claims_change(new: Sequence[Record], index: Sequence[tuple[str, list[str], dict[str, str]]]) -> bool:
    """Can the new records change the claim conflicts? ``index``: (article id, parties, acronyms) stored."""
    if any(rec.claims for rec in new):
        return True
    named = {p for _, parties, _ in index for p in parties if _ACRONYM.fullmatch(p)}
    return any(short in named for rec in new for short in record_acronyms(rec))


def claim_articles(index: Sequence[tuple[str, list[str], dict[str, str]]]) -> set[str]:
    """The articles the claim conflicts are computed from: those with claims, and for each acronym a claim names
    the first article (by id) that spells it out."""
    with_claims = {aid for aid, parties, _ in index if parties}
    named = {p for _, parties, _ in index for p in parties if _ACRONYM.fullmatch(p)}
    first: dict[str, str] = {}
    for aid, _, spelled in sorted(index):
        for short in spelled:
            if short in named:
                first.setdefault(short, aid)
    return with_claims | set(first.values())


def claim_conflicts(records: Sequence[Record]) -> list[cf.Conflict]:
    return cf.find_claim_conflicts(records)


def entry_from_dict(d: dict) -> tl.TimelineEntry:
    """A stored timeline entry back as the record build_timeline made."""
    date = d.get("date") or {}
    mentions = tuple(tl.TimelineMention(m["article_id"], m["event_id"],
                                        tuple((x["start"], x["end"]) for x in m.get("evidence") or ()),
                                        m.get("confidence", 1.0), m.get("date"), m.get("location"))
                     for m in d.get("mentions") or ())
    ties = tuple(tl.TimelineTie((t["reports"][0]["article_id"], t["reports"][0]["event_id"]),
                                (t["reports"][1]["article_id"], t["reports"][1]["event_id"]), t["rule"], t["score"])
                 for t in d.get("ties") or ())
    return tl.TimelineEntry(d["timeline_id"], d["type"], date.get("value"), date.get("precision", "none"),
                            d.get("location"), tuple(d.get("participants") or ()), d.get("status", "occurred"),
                            tuple(d.get("topics") or ()), mentions, date.get("text"), d.get("confidence", 1.0),
                            tuple(d.get("actors") or ()), d.get("host"), ties)


def articles_of(entries: Iterable[tl.TimelineEntry]) -> set[str]:
    return {m.article_id for e in entries for m in e.mentions}


def event_conflicts(recompute: set[str], context: Sequence[tuple[str, tl.TimelineEntry]],
                    records: dict[str, Record]) -> list[tuple[tuple, cf.Conflict]]:
    """(rank key, conflict) of the entries ``recompute`` (timeline ids), computed in timeline order among
    ``context`` ((rank, entry) of them and of every entry sharing an article with them)."""
    ordered = sorted(context, key=lambda x: (x[0], x[1].timeline_id))
    ranks = {e.timeline_id: r for r, e in ordered}
    found = cf.find_event_conflicts(list(records.values()), tl.Timeline(tuple(e for _, e in ordered)))
    out, count = [], {}
    for c in found:
        n = count[c.key] = count.get(c.key, -1) + 1
        if c.key in recompute:
            out.append(((1, ranks[c.key], n), c))
    return out


def conflict_rows(claims: Sequence[cf.Conflict], events: Sequence[tuple[tuple, cf.Conflict]]):
    """(row id, rank key, entry) of claim conflicts (in their order) and event conflicts (their entry's rank)."""
    rows = [("claim", (0, "", n), c.to_dict()) for n, c in enumerate(claims)]
    rows += [(c.key, key, c.to_dict()) for key, c in events]
    return rows

"""The store's side of incremental resolution: rows written with each record that the resolve step looks new
articles up by, and the one transaction that applies what resolving changed.

    ArticleIndex    per article: its events' candidate keys, its person entities' name keys, its claim parties
                    and acronyms, its MinHash band keys
    CorpusChanges   rows of people, timeline, conflicts, person members and event clusters to replace, the
                    records whose timeline ids changed, and the last article sequence number resolved

Lookups take their keys as a registered column, so one statement answers thousands of keys.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

import duckdb
import numpy as np

__all__ = ["ArticleIndex", "CorpusChanges", "Entry", "MemberRow", "write_index", "write_index_keys", "delete_index",
           "apply_changes",
           "in_order", "lookup", "registered"]

Entry = tuple[str, str, dict]  # (row id, rank, entry): rank orders the rows of a corpus table


@dataclass(frozen=True)
class MemberRow:
    """One person entity as the person it belongs to counts it (resolve.people.Member, stored)."""

    person: str
    article_id: str
    entity_id: str
    seq: int
    idx: int
    name: str
    partial: bool
    member: str  # JSON of the rest


@dataclass(frozen=True)
class ArticleIndex:
    article_id: str
    event_keys: tuple[tuple[str, str], ...] = ()  # (key, event id)
    name_keys: tuple[tuple[str, str], ...] = ()  # (key, entity id)
    claim_parties: tuple[str, ...] = ()
    acronyms: dict[str, str] = field(default_factory=dict)
    bands: tuple[tuple[int, bytes], ...] = ()


@dataclass
class CorpusChanges:
    """What one resolve step changed. ``full``: the tables are replaced whole (a refresh). ``resolved_seq`` None:
    the rows were made outside the resolve step (Store.replace_corpus), so the next ingest resolves the whole
    store again."""

    resolved_seq: int | None
    full: bool = False
    people: list[Entry] = field(default_factory=list)
    people_removed: set[str] = field(default_factory=set)
    members: dict[str, list[MemberRow]] = field(default_factory=dict)  # person -> all its member rows
    timeline: list[Entry] = field(default_factory=list)
    timeline_removed: set[str] = field(default_factory=set)
    clusters: list[tuple[str, str, str]] = field(default_factory=list)  # (article id, event id, cluster)
    conflicts: list[Entry] = field(default_factory=list)
    conflicts_removed: set[str] = field(default_factory=set)


def in_order(entries: Sequence[dict]) -> list[Entry]:
    """Entries given as a list, as rows whose rank keeps that order: the row id is the entry's ``id`` (people,
    conflicts) or ``timeline_id``, else its position."""
    return [(str(e.get("id") or e.get("timeline_id") or pos), f"{pos:016d}", e) for pos, e in enumerate(entries)]


_INDEX_TABLES = ("event_keys", "name_keys", "claim_index", "dup_bands")


def _array(values: Sequence) -> np.ndarray:
    values = list(values)
    if values and all(isinstance(v, (bool, int, np.integer)) for v in values):
        return np.asarray(values)  # BIGINT / BOOLEAN columns; strings and bytes stay objects (VARCHAR, BLOB)
    return np.asarray(values, dtype=object)


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, table: str, **columns: Sequence) -> Iterator[None]:
    """``columns`` as the table ``table`` for the statements of the ``with`` block. DuckDB refuses to register
    while a result is unread (a ``fetchone`` leaves one), so a trivial statement closes it first."""
    con.execute("SELECT NULL").fetchall()
    con.register(table, {k: _array(v) for k, v in columns.items()})
    try:
        yield
    finally:
        con.unregister(table)


def _delete_in(con: duckdb.DuckDBPyConnection, table: str, column: str, ids: Sequence[str]) -> None:
    """DELETE the rows of ``table`` whose ``column`` is one of ``ids``."""
    with registered(con, "_ids", id=ids):
        con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT id FROM _ids)")


def _bulk(con: duckdb.DuckDBPyConnection, table: str, names: Sequence[str], rows: Sequence[Sequence]) -> None:
    """INSERT of many rows as one registered batch."""
    if not rows:
        return
    with registered(con, "_bulk", **{n: [r[k] for r in rows] for k, n in enumerate(names)}):
        con.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(names)} FROM _bulk")


def delete_index(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str] | None) -> None:
    """The index rows of these articles (None: of every article)."""
    for table in _INDEX_TABLES:
        if article_ids is None:
            con.execute(f"DELETE FROM {table}")
        elif article_ids:
            _delete_in(con, table, "article_id", article_ids)


def write_index_keys(con: duckdb.DuckDBPyConnection, rows: Sequence[ArticleIndex]) -> None:
    """The event keys of these articles (the rest of their index rows untouched)."""
    _bulk(con, "event_keys", ("key", "article_id", "event_id"),
          [(k, r.article_id, e) for r in rows for k, e in r.event_keys])


def write_index(con: duckdb.DuckDBPyConnection, rows: Iterable[ArticleIndex]) -> None:
    rows = list(rows)
    dumps = lambda x: json.dumps(x, ensure_ascii=False, sort_keys=True)  # noqa: E731
    write_index_keys(con, rows)
    _bulk(con, "name_keys", ("key", "article_id", "entity_id"),
          [(k, r.article_id, e) for r in rows for k, e in r.name_keys])
    _bulk(con, "claim_index", ("article_id", "parties", "acronyms"),
          [(r.article_id, dumps(list(r.claim_parties)), dumps(r.acronyms)) for r in rows
           if r.claim_parties or r.acronyms])
    _bulk(con, "dup_bands", ("band", "key", "article_id"),
          [(b, key, r.article_id) for r in rows for b, key in r.bands])


def _replace_rows(con: duckdb.DuckDBPyConnection, table: str, entries: Sequence[Entry], removed: set[str],
                  full: bool) -> None:
    if full:
        _sync(con, table, entries)
        return
    gone = sorted(removed | {i for i, _, _ in entries})
    if gone:
        _delete_in(con, table, "id", gone)
    _bulk(con, table, ("id", "position", "entry", "rank"),
          [(i, 0, json.dumps(e, ensure_ascii=False), rank) for i, rank, e in entries])


def _sync(con: duckdb.DuckDBPyConnection, table: str, entries: Sequence[Entry]) -> None:
    """Make ``table`` hold exactly ``entries``, touching only the rows that differ (an unchanged row keeps its
    place in the file)."""
    with registered(con, "_entries", id=[i for i, _, _ in entries], rank=[r for _, r, _ in entries],
                    entry=[json.dumps(e, ensure_ascii=False) for _, _, e in entries]):
        same = "t.id = n.id AND t.rank IS NOT DISTINCT FROM n.rank AND t.entry = n.entry AND t.position = 0"
        con.execute(f"DELETE FROM {table} WHERE rowid IN "
                    f"(SELECT t.rowid FROM {table} t ANTI JOIN _entries n ON {same})")
        con.execute(f"INSERT INTO {table} (id, position, entry, rank) SELECT n.id, 0, n.entry, n.rank "
                    f"FROM _entries n ANTI JOIN {table} t ON {same}")


def apply_changes(con: duckdb.DuckDBPyConnection, changes: CorpusChanges) -> None:
    """The corpus tables, members and clusters as ``changes`` says (inside the caller's transaction): the one
    writer of people, timeline and conflicts."""
    _replace_rows(con, "people", changes.people, changes.people_removed, changes.full)
    _replace_rows(con, "timeline", changes.timeline, changes.timeline_removed, changes.full)
    _replace_rows(con, "conflicts", changes.conflicts, changes.conflicts_removed, changes.full)
    if changes.full:
        con.execute("DELETE FROM person_members")
        con.execute("DELETE FROM event_clusters")
    else:
        persons = sorted(changes.members)
        if persons:
            _delete_in(con, "person_members", "person", persons)
        if changes.clusters:
            events = {"a": [a for a, _, _ in changes.clusters], "e": [e for _, e, _ in changes.clusters]}
            with registered(con, "_ev", **events):
                con.execute("DELETE FROM event_clusters WHERE (article_id, event_id) IN (SELECT a, e FROM _ev)")
    rows = [m for person in sorted(changes.members) for m in changes.members[person]]
    names = ("person", "article_id", "entity_id", "seq", "idx", "name", "partial", "member")
    _bulk(con, "person_members", names, [tuple(getattr(m, n) for n in names) for m in rows])
    _bulk(con, "event_clusters", ("article_id", "event_id", "cluster"), changes.clusters)
    if changes.resolved_seq is None:
        con.execute("DELETE FROM meta WHERE key = 'resolved_seq'")
    else:
        con.execute("INSERT OR REPLACE INTO meta VALUES ('resolved_seq', ?)", [str(changes.resolved_seq)])
    con.execute("INSERT OR REPLACE INTO meta VALUES ('corpus_stale', 'false')")


def lookup(con: duckdb.DuckDBPyConnection, sql: str, **columns: Sequence) -> list[tuple]:
    """Run ``sql`` with each keyword registered as a one-column table ``_<name>`` (column ``v``)."""
    with ExitStack() as stack:
        for name, values in columns.items():
            stack.enter_context(registered(con, f"_{name}", v=values))
        return con.execute(sql).fetchall()

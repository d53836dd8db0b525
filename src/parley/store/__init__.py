"""The DuckDB store: the only place in parley that speaks SQL.

One file (``parley.duckdb`` by default) holds the cleaned articles, the extracted record of each
(the JSONL export line, verbatim), query tables derived from the records (entities, quotes, events),
MinHash signatures for near-duplicate detection, and the corpus-level results of the resolve step
(people, timeline, conflicts). Schema changes are numbered migrations recorded in ``schema_migrations``
and applied in a transaction when the store is opened.

All writes go through ``Store.write_records`` and ``Store.replace_corpus`` (each one transaction),
so an ingest killed midway leaves whole articles or none, and running it again completes it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from parley.errors import NotFoundError, StoreError
from parley.models import Article, Record
from parley.store.migrations import MIGRATIONS

__all__ = ["Store", "DEFAULT_DB", "ArticleFilter"]

DEFAULT_DB = "parley.duckdb"

_ARTICLE_COLUMNS = (
    "id", "source", "url", "title", "outlet", "author", "published", "language", "format",
    "text", "removed", "duplicate_of",
)


class ArticleFilter:
    """Filters shared by every listing: outlet (case-insensitive substring), date range on ``published``."""

    def __init__(self, outlet: str | None = None, since: str | None = None, until: str | None = None):
        self.outlet = outlet
        self.since = since
        self.until = until

    def sql(self, alias: str = "a") -> tuple[str, list[Any]]:
        clauses, params = [], []
        if self.outlet:
            clauses.append(f"lower({alias}.outlet) LIKE ?")
            params.append(f"%{self.outlet.lower()}%")
        if self.since:
            clauses.append(f"{alias}.published >= ?")
            params.append(self.since)
        if self.until:
            # an until date includes the whole day: '2024-04-22' admits '2024-04-22T18:00'
            clauses.append(f"substr({alias}.published, 1, {len(self.until)}) <= ?")
            params.append(self.until)
        return (" AND ".join(clauses) or "TRUE"), params


class Store:
    """A parley database file. Use as a context manager, or call ``close()``."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False):
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such store; run 'parley ingest PATH' first")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store ({_first_line(exc)})") from exc
        self.read_only = read_only
        if not read_only:
            self._migrate()

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    @property
    def index_dir(self) -> Path:
        """Folder beside the database file for search indexes (BM25, embeddings)."""
        return self.path.with_name(self.path.name + ".index")

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        else:
            self.con.execute("COMMIT")

    def _migrate(self) -> None:
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL)"
        )
        done = {row[0] for row in self.con.execute("SELECT version FROM schema_migrations").fetchall()}
        for version, name, statements in MIGRATIONS:
            if version in done:
                continue
            with self.transaction() as con:
                for sql in statements:
                    con.execute(sql)
                con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [version, name])

    def migrations(self) -> list[tuple[int, str]]:
        return [tuple(r) for r in self.con.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()]

    # -- writes ------------------------------------------------------------------------------
    def write_records(self, records: Sequence[Record], signatures: dict[str, bytes] | None = None) -> int:
        """Store new articles with their records in one transaction; ids already stored are skipped.

        Returns how many articles were added. Marks the corpus-level results stale.
        """
        signatures = signatures or {}
        added = 0
        with self.transaction() as con:
            seq = con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]
            for record in records:
                a = record.article
                if con.execute("SELECT 1 FROM articles WHERE id = ?", [a.id]).fetchone():
                    con.execute("INSERT OR IGNORE INTO sources VALUES (?, ?)", [a.source, a.id])
                    continue
                seq += 1
                added += 1
                con.execute(
                    "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [a.id, seq, a.source, a.url, a.title, a.outlet, a.author, a.published, a.language,
                     a.format, a.text, json.dumps(list(a.removed), ensure_ascii=False), a.duplicate_of],
                )
                con.execute("INSERT OR IGNORE INTO sources VALUES (?, ?)", [a.source, a.id])
                self._write_record_rows(con, record)
                if a.id in signatures:
                    con.execute("INSERT OR REPLACE INTO signatures VALUES (?, ?)", [a.id, signatures[a.id]])
            if added:
                con.execute("INSERT OR REPLACE INTO meta VALUES ('corpus_stale', 'true')")
        return added

    def _write_record_rows(self, con: duckdb.DuckDBPyConnection, record: Record) -> None:
        a = record.article
        con.execute(
            "INSERT OR REPLACE INTO records VALUES (?, ?)",
            [a.id, json.dumps(record.to_dict(), ensure_ascii=False)],
        )
        for table in ("entities", "quotes", "events"):
            con.execute(f"DELETE FROM {table} WHERE article_id = ?", [a.id])
        for e in record.entities:
            con.execute(
                "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)",
                [a.id, e.id, e.name, e.type, json.dumps(list(e.roles), ensure_ascii=False), len(e.mentions)],
            )
        for i, q in enumerate(record.quotes):
            con.execute(
                "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [a.id, i, q.speaker, q.speaker_id, q.kind, q.cue, q.text, q.start, q.end],
            )
        for ev in record.events:
            con.execute(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [a.id, ev.id, ev.type, ev.date.value if ev.date else None, ev.location, ev.status,
                 json.dumps(list(ev.participants), ensure_ascii=False), ev.timeline_id],
            )

    def update_records(self, records: Iterable[Record]) -> None:
        """Rewrite the stored records of existing articles (after cross-article resolution)."""
        with self.transaction() as con:
            for record in records:
                self._write_record_rows(con, record)

    def replace_corpus(self, *, people: Sequence[dict], timeline: Sequence[dict], conflicts: Sequence[dict],
                       records: Iterable[Record] = ()) -> None:
        """Replace the corpus-level results (and updated records) in one transaction; clears 'stale'."""
        with self.transaction() as con:
            for record in records:
                self._write_record_rows(con, record)
            for table, rows in (("people", people), ("timeline", timeline), ("conflicts", conflicts)):
                con.execute(f"DELETE FROM {table}")
                for pos, row in enumerate(rows):
                    key = row.get("id") or row.get("timeline_id") or str(pos)
                    con.execute(f"INSERT INTO {table} VALUES (?, ?, ?)",
                                [key, pos, json.dumps(row, ensure_ascii=False)])
            con.execute("INSERT OR REPLACE INTO meta VALUES ('corpus_stale', 'false')")

    # -- reads -------------------------------------------------------------------------------
    def corpus_stale(self) -> bool:
        row = self.con.execute("SELECT value FROM meta WHERE key = 'corpus_stale'").fetchone()
        return bool(row and row[0] == "true")

    def count(self) -> int:
        return self.con.execute("SELECT count(*) FROM articles").fetchone()[0]

    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def article_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT id FROM articles").fetchall()}

    def articles(self, flt: ArticleFilter | None = None, *, limit: int | None = None,
                 offset: int = 0) -> list[Article]:
        where, params = (flt or ArticleFilter()).sql()
        sql = f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles a WHERE {where} ORDER BY seq"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [_article(row) for row in self.con.execute(sql, params).fetchall()]

    def article(self, article_id: str) -> Article:
        rows = self.con.execute(
            f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles WHERE id = ? OR id LIKE ? ORDER BY seq",
            [article_id, f"{article_id}%"],
        ).fetchall()
        exact = [r for r in rows if r[0] == article_id]
        if exact:
            return _article(exact[0])
        if len(rows) == 1:
            return _article(rows[0])
        if not rows:
            raise NotFoundError(f"no article with id {article_id!r}; 'parley articles' lists them")
        raise NotFoundError(f"id prefix {article_id!r} matches {len(rows)} articles; give more characters")

    def record(self, article_id: str) -> Record:
        article_id = self.article(article_id).id
        row = self.con.execute("SELECT record FROM records WHERE article_id = ?", [article_id]).fetchone()
        if row is None:
            raise NotFoundError(f"article {article_id} has no extracted record")
        return Record.from_dict(json.loads(row[0]))

    def records(self, flt: ArticleFilter | None = None) -> Iterator[Record]:
        where, params = (flt or ArticleFilter()).sql()
        cur = self.con.execute(
            f"SELECT r.record FROM records r JOIN articles a ON a.id = r.article_id WHERE {where} ORDER BY a.seq",
            params,
        )
        while True:
            rows = cur.fetchmany(500)
            if not rows:
                return
            for (raw,) in rows:
                yield Record.from_dict(json.loads(raw))

    def signatures(self) -> dict[str, bytes]:
        return {r[0]: r[1] for r in self.con.execute("SELECT article_id, minhash FROM signatures").fetchall()}

    def people(self) -> list[dict]:
        return self._entries("people")

    def timeline(self) -> list[dict]:
        return self._entries("timeline")

    def conflicts(self) -> list[dict]:
        return self._entries("conflicts")

    def _entries(self, table: str) -> list[dict]:
        return [json.loads(r[0]) for r in self.con.execute(f"SELECT entry FROM {table} ORDER BY position").fetchall()]

    def quotes(self, speaker: str | None = None, flt: ArticleFilter | None = None) -> list[dict]:
        where, params = (flt or ArticleFilter()).sql()
        sql = (
            "SELECT q.article_id, q.idx, q.speaker, q.speaker_id, q.kind, q.cue, q.text, q.start, q.end_, "
            "a.title, a.outlet, a.published FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"WHERE {where}"
        )
        if speaker:
            sql += " AND lower(coalesce(q.speaker, '')) LIKE ?"
            params = [*params, f"%{speaker.lower()}%"]
        sql += " ORDER BY a.seq, q.idx"
        cols = ("article_id", "index", "speaker", "speaker_id", "kind", "cue", "text", "start", "end",
                "title", "outlet", "published")
        return [dict(zip(cols, row)) for row in self.con.execute(sql, params).fetchall()]

    def stats(self) -> dict[str, Any]:
        one = lambda sql: self.con.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "duplicates": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            "outlets": one("SELECT count(DISTINCT outlet) FROM articles WHERE outlet IS NOT NULL"),
            "people": one("SELECT count(*) FROM people"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "events": one("SELECT count(*) FROM events"),
            "timeline": one("SELECT count(*) FROM timeline"),
            "conflicts": one("SELECT count(*) FROM conflicts"),
            "earliest": one("SELECT min(published) FROM articles"),
            "latest": one("SELECT max(published) FROM articles"),
        }


def _article(row: Sequence[Any]) -> Article:
    d = dict(zip(_ARTICLE_COLUMNS, row))
    d["removed"] = tuple(json.loads(d["removed"] or "[]"))
    return Article(**d)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__

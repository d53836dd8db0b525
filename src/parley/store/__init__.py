"""The DuckDB store: the only place in parley that speaks SQL.

One file (``parley.duckdb`` by default) holds the cleaned articles, the extracted record of each
(the JSONL export line, verbatim), query tables derived from the records (entities, quotes, events),
MinHash signatures for near-duplicate detection, and the corpus-level results of the resolve step
(people, timeline, conflicts). Schema changes are numbered migrations recorded in ``schema_migrations``
and applied in a transaction when the store is opened; a file of another or a newer schema is refused
(``store.schema``), and a store another process holds is one line naming it (``store.busy``).

All writes go through ``Store.write_records`` (new articles) and ``Store.apply_changes`` (what resolving changed:
the corpus tables are written only by ``store.derived.apply_changes``; ``Store.replace_corpus`` hands it whole
tables), each one transaction; the rows incremental resolution reads and writes are described in ``store.derived``,
so an ingest killed midway leaves whole articles or none, and running it again completes it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from parley.errors import NotFoundError, StoreError
from parley.models import Article, Record
from parley.store import busy, derived, schema
from parley.store.derived import ArticleIndex, CorpusChanges, MemberRow
from parley.store.migrations import MIGRATIONS

__all__ = ["Store", "DEFAULT_DB", "ArticleFilter", "ArticleIndex", "CorpusChanges", "MemberRow"]

DEFAULT_DB = "parley.duckdb"

_ARTICLE_COLUMNS = (
    "id", "source", "url", "title", "outlet", "author", "published", "language", "format",
    "text", "removed", "duplicate_of", "wire", "published_from", "dateline_place",
    "removed_rules",
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
            clauses.append(f"contains(lower({alias}.outlet), ?)")  # a literal substring: no LIKE wildcards
            params.append(self.outlet.lower())
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
            if busy.is_lock_error(str(exc)):
                raise StoreError(busy.busy_message(self.path, str(exc))) from exc
            raise StoreError(f"{self.path}: cannot open the store ({_first_line(exc)})") from exc
        self.read_only = read_only
        try:
            self._check_schema()
        except BaseException:
            self.con.close()
            raise

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if not self.read_only:
            # DuckDB leaves a replayed write-ahead log beside the file at close once the store holds indexes
            # (migration 4); a checkpoint folds it in, so the file alone is the whole store (a copy of it too)
            try:
                self.con.execute("CHECKPOINT")
            except duckdb.Error:
                pass
        self.con.close()

    @property
    def index_dir(self) -> Path:
        """Folder beside the database file for search indexes (BM25, embeddings)."""
        return self.path.with_name(self.path.name + ".index")

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction: committed whole, or rolled back whole. A DuckDB failure (a full disk at commit)
        becomes a one-line StoreError naming the file; what was stored before stays as it was."""
        try:
            self.con.execute("BEGIN TRANSACTION")
            try:
                yield self.con
            except BaseException:
                self._rollback()
                raise
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot write to the store ({_first_line(exc)}); "
                             "this write was rolled back and what was stored before is intact") from exc

    def _rollback(self) -> None:
        try:
            self.con.execute("ROLLBACK")
        except duckdb.Error:  # DuckDB already aborted it (a failed COMMIT)
            pass

    # -- schema ------------------------------------------------------------------------------
    def _check_schema(self) -> None:
        """Refuse a file that is not a parley store of a schema this code knows; migrate an older one."""
        try:
            actual = schema.read(self.con)
        except duckdb.Error as exc:
            raise self._foreign(_first_line(exc)) from exc
        if not actual:
            if self.read_only:
                raise StoreError(f"{self.path}: not a parley store (it holds no tables); "
                                 "run 'parley ingest PATH' first")
            self._migrate(0)
            return
        if "schema_migrations" not in actual:
            raise self._foreign("it has tables but no schema_migrations")
        version = self._version()
        if version > schema.LATEST:
            raise StoreError(f"{self.path}: made by a newer parley (schema {version}, this one knows "
                             f"{schema.LATEST}); upgrade parley")
        problem = schema.mismatch(actual, version)
        if problem:
            raise self._foreign(problem)
        if version < schema.LATEST:
            if self.read_only:
                raise StoreError(f"{self.path}: made by an older parley (schema {version}, this one needs "
                                 f"{schema.LATEST}); run 'parley ingest' on it once to upgrade it")
            self._migrate(version)

    def _foreign(self, problem: str) -> StoreError:
        return StoreError(f"{self.path}: not a parley store, or made by another schema ({problem})")

    def _version(self) -> int:
        try:
            return self.con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]
        except duckdb.Error as exc:
            raise self._foreign(f"schema_migrations unreadable: {_first_line(exc)}") from exc

    def _migrate(self, version: int) -> None:
        """Apply the migrations after ``version``, each in its own transaction."""
        with self.transaction() as con:
            con.execute(schema.MIGRATIONS_TABLE)
        for number, name, statements in MIGRATIONS:
            if number <= version:
                continue
            with self.transaction() as con:
                for sql in statements:
                    con.execute(sql)
                con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [number, name])

    def migrations(self) -> list[tuple[int, str]]:
        return [tuple(r) for r in self.con.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()]

    # -- writes ------------------------------------------------------------------------------
    def write_records(self, records: Sequence[Record], signatures: dict[str, bytes] | None = None,
                      index: Sequence[ArticleIndex] = ()) -> int:
        """Store new articles with their records (and their lookup rows, ``index``) in one transaction; ids
        already stored are skipped.

        Returns how many articles were added. Marks the corpus-level results stale.
        """
        signatures = signatures or {}
        with self.transaction() as con:
            ids = [r.article.id for r in records]
            stored = self._existing(con, ids)
            seq = con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]
            fresh, seen = [], set(stored)
            for record in records:
                if record.article.id not in seen:
                    seen.add(record.article.id)
                    fresh.append(record)
            articles = []
            for record in fresh:
                a = record.article
                seq += 1
                articles.append((a.id, seq, a.source, a.url, a.title, a.outlet, a.author, a.published, a.language,
                                 a.format, a.text, json.dumps(list(a.removed), ensure_ascii=False), a.duplicate_of,
                                 a.wire, a.published_from, a.dateline_place,
                                 json.dumps(list(a.removed_rules), ensure_ascii=False)))
            _insert(con, "articles", articles)
            _insert(con, "sources", sorted({(r.article.source, r.article.id) for r in records}), "OR IGNORE")
            _insert(con, "signatures", [(r.article.id, signatures[r.article.id]) for r in fresh
                                        if r.article.id in signatures], "OR REPLACE")
            self._write_record_rows(con, fresh, replace=False)
            fresh_ids = {r.article.id for r in fresh}
            derived.write_index(con, [row for row in index if row.article_id in fresh_ids])
            if fresh:
                con.execute("INSERT OR REPLACE INTO meta VALUES ('corpus_stale', 'true')")
        return len(fresh)

    @staticmethod
    def _existing(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(ids), 500):
            marks = ", ".join("?" * len(chunk))
            found.update(r[0] for r in con.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk).fetchall())
        return found

    def _write_record_rows(self, con: duckdb.DuckDBPyConnection, records: Sequence[Record], *,
                           replace: bool = True) -> None:
        """The record JSON and its query-table rows, for many articles at once."""
        if not records:
            return
        if replace:
            ids = [r.article.id for r in records]
            for table in ("records", "entities", "quotes", "events"):
                for chunk in _chunks(ids, 500):
                    con.execute(f"DELETE FROM {table} WHERE article_id IN ({', '.join('?' * len(chunk))})", chunk)
        dumps = lambda x: json.dumps(x, ensure_ascii=False)  # noqa: E731
        _insert(con, "records", [(r.article.id, dumps(r.to_dict())) for r in records])
        _insert(con, "entities", [(r.article.id, e.id, e.name, e.type, dumps(list(e.roles)), len(e.mentions))
                                  for r in records for e in r.entities])
        _insert(con, "quotes", [(r.article.id, i, q.speaker, q.speaker_id, q.kind, q.cue, q.text, q.start, q.end)
                                for r in records for i, q in enumerate(r.quotes)])
        _insert(con, "events", [(r.article.id, ev.id, ev.type, ev.date.value if ev.date else None, ev.location,
                                 ev.status, dumps(list(ev.participants)), ev.timeline_id)
                                for r in records for ev in r.events])

    def update_records(self, records: Iterable[Record]) -> None:
        """Rewrite the stored records of existing articles (after cross-article resolution)."""
        with self.transaction() as con:
            self._write_record_rows(con, list(records))

    def replace_corpus(self, *, people: Sequence[dict], timeline: Sequence[dict], conflicts: Sequence[dict],
                       records: Iterable[Record] = ()) -> None:
        """Corpus-level results made outside the resolve step (eval, tests, bench/make_corpus.py): the tables
        hold exactly these entries in this order, through ``apply_changes`` like any resolve step, and the
        given (changed) records are rewritten; the next ingest resolves the whole store again."""
        changes = CorpusChanges(resolved_seq=None, full=True, people=derived.in_order(people),
                                timeline=derived.in_order(timeline), conflicts=derived.in_order(conflicts))
        self.apply_changes(changes, records)

    def apply_changes(self, changes: CorpusChanges, records: Iterable[Record] = (),
                      index: Sequence[ArticleIndex] | None = None) -> None:
        """What a resolve step changed, in one transaction: the rewritten records, the rows of the corpus
        tables, members and clusters (store.derived); with ``index``, every article's lookup rows anew."""
        with self.transaction() as con:
            self._write_record_rows(con, list(records))
            if index is not None:
                derived.delete_index(con, None)
                derived.write_index(con, index)
                con.execute("INSERT OR REPLACE INTO meta VALUES ('event_keys_stale', 'false')")
            derived.apply_changes(con, changes)

    # -- lookups of incremental resolution -------------------------------------------------------
    def resolved_seq(self) -> int | None:
        """The last article (by sequence number) the corpus results cover, when the resolve step wrote them."""
        row = self.con.execute("SELECT value FROM meta WHERE key = 'resolved_seq'").fetchone()
        return int(row[0]) if row else None

    def records_with_seq(self, after: int = 0) -> Iterator[tuple[int, Record]]:
        """(sequence number, record) of the articles stored after ``after``, oldest first."""
        cur = self.con.execute("SELECT a.seq, r.record FROM records r JOIN articles a ON a.id = r.article_id "
                               "WHERE a.seq > ? ORDER BY a.seq", [after])
        while rows := cur.fetchmany(500):
            for seq, raw in rows:
                yield seq, Record.from_dict(json.loads(raw))

    def records_by_id(self, ids: Iterable[str]) -> dict[str, Record]:
        return {aid: Record.from_dict(json.loads(raw))
                for aid, raw in self._where_in("SELECT article_id, record FROM records WHERE article_id IN ({})", ids)}

    def _where_in(self, sql: str, values: Iterable[Any]) -> list[tuple]:
        """``sql`` with ``{}`` replaced by a list of parameters, run for a few hundred of ``values`` at a time: such
        a filter is read through the column's index (the primary key, or migration 4's), where a join with a
        registered table reads the whole table, every record in it."""
        out: list[tuple] = []
        for chunk in _chunks(sorted(set(values)), 300):
            out.extend(self.con.execute(sql.format(", ".join("?" * len(chunk))), chunk).fetchall())
        return out

    def seqs(self, ids: Iterable[str]) -> dict[str, int]:
        ids = sorted(set(ids))
        return dict(derived.lookup(self.con, "SELECT id, seq FROM articles WHERE id IN (SELECT v FROM _ids)",
                                   ids=ids)) if ids else {}

    def event_pairs(self, probes: Sequence[tuple[int, str]]) -> list[tuple[int, str, str, str]]:
        """(probe number, article id, event id, participants JSON) of the stored events holding a probed key,
        read through the indexes on event_keys.key and events.article_id (migration 4, _where_in)."""
        holders: dict[str, list[tuple[str, str]]] = {}
        for key, a, e in self._where_in("SELECT key, article_id, event_id FROM event_keys WHERE key IN ({})",
                                        (k for _, k in probes)):
            holders.setdefault(key, []).append((a, e))
        hits = {(n, a, e) for n, k in probes for a, e in holders.get(k, ())}
        if not hits:
            return []
        people = {(a, e): p for a, e, p in self._where_in(
            "SELECT article_id, event_id, participants FROM events WHERE article_id IN ({})", (a for _, a, _ in hits))}
        return [(n, a, e, people[(a, e)]) for n, a, e in sorted(hits) if (a, e) in people]

    def event_keys_stale(self) -> bool:
        """Were the stored event keys written by an older parley (migration 4 marks them)?"""
        row = self.con.execute("SELECT value FROM meta WHERE key = 'event_keys_stale'").fetchone()
        return bool(row and row[0] == "true")

    def rekey_events(self, keys_of: Callable[[Record], Sequence[tuple[str, str]]], batch: int = 2000) -> None:
        """Rewrite every stored event's keys, ``keys_of(record)`` giving (key, event id) pairs, in one
        transaction; records are read a batch at a time, so memory stays bounded."""
        ids = sorted(r[0] for r in self.con.execute("SELECT article_id FROM records").fetchall())
        with self.transaction() as con:
            con.execute("DELETE FROM event_keys")
            for chunk in _chunks(ids, batch):
                records = self.records_by_id(chunk)
                derived.write_index_keys(con, [ArticleIndex(aid, event_keys=tuple(keys_of(records[aid])))
                                               for aid in chunk])
            con.execute("INSERT OR REPLACE INTO meta VALUES ('event_keys_stale', 'false')")

    def cluster_members(self, events: Iterable[tuple[str, str]]) -> dict[str, list[tuple[str, str]]]:
        """cluster -> its (article id, event id) members, for the clusters of these events."""
        events = sorted(set(events))
        if not events:
            return {}
        with derived.registered(self.con, "_ev", a=[a for a, _ in events], e=[e for _, e in events]):
            rows = self.con.execute(
                "SELECT c.cluster, c.article_id, c.event_id FROM event_clusters c WHERE c.cluster IN "
                "(SELECT x.cluster FROM event_clusters x JOIN _ev y ON x.article_id = y.a AND x.event_id = y.e) "
                "ORDER BY ALL").fetchall()
        out: dict[str, list[tuple[str, str]]] = {}
        for cluster, a, e in rows:
            out.setdefault(cluster, []).append((a, e))
        return out

    def person_groups(self, keys: Iterable[str]) -> list[tuple[str, str, int, int]]:
        """(person, name, seq, idx) of every full-named member of the persons a full-named member of which has
        one of these name keys."""
        keys = sorted(set(keys))
        if not keys:
            return []
        return derived.lookup(
            self.con, "SELECT person, name, seq, idx FROM person_members WHERE NOT partial AND person IN "
            "(SELECT m.person FROM name_keys k JOIN person_members m ON m.article_id = k.article_id "
            "AND m.entity_id = k.entity_id WHERE NOT m.partial AND k.key IN (SELECT v FROM _keys)) ORDER BY ALL",
            keys=keys)

    def partial_members(self, keys: Iterable[str]) -> list[MemberRow]:
        """The members with a partial name ("Putin", "H. Mammadov") holding one of these name keys."""
        keys = sorted(set(keys))
        if not keys:
            return []
        rows = derived.lookup(
            self.con, "SELECT DISTINCT m.* FROM name_keys k JOIN person_members m ON m.article_id = k.article_id "
            "AND m.entity_id = k.entity_id WHERE m.partial AND k.key IN (SELECT v FROM _keys) ORDER BY ALL",
            keys=keys)
        return [MemberRow(*r) for r in rows]

    def person_members(self, persons: Iterable[str]) -> list[MemberRow]:
        persons = sorted(set(persons))
        if not persons:
            return []
        rows = derived.lookup(self.con, "SELECT * FROM person_members WHERE person IN (SELECT v FROM _ids) "
                              "ORDER BY ALL", ids=persons)
        return [MemberRow(*r) for r in rows]

    def claim_index(self) -> list[tuple[str, list[str], dict[str, str]]]:
        """(article id, claim parties, acronyms it spells out) of every article with either."""
        rows = self.con.execute("SELECT article_id, parties, acronyms FROM claim_index ORDER BY article_id")
        return [(a, json.loads(p), json.loads(x)) for a, p, x in rows.fetchall()]

    def timeline_of_articles(self, ids: Iterable[str]) -> list[tuple[str, str, dict]]:
        """(id, rank, entry) of the timeline entries reporting any of these articles."""
        ids = sorted(set(ids))
        if not ids:
            return []
        entries = {r[0] for r in self._where_in("SELECT timeline_id FROM events WHERE article_id IN ({})", ids)}
        rows = self._where_in("SELECT id, rank, entry FROM timeline WHERE id IN ({})", entries - {None})
        return [(i, r, json.loads(e)) for i, r, e in sorted(rows, key=lambda row: (row[1] is None, row[1] or "", row[0]))]

    def conflict_rows(self, ids: Iterable[str]) -> list[tuple[str, str, dict]]:
        ids = sorted(set(ids))
        if not ids:
            return []
        rows = derived.lookup(self.con, "SELECT id, rank, entry FROM conflicts WHERE id IN (SELECT v FROM _ids) "
                              "ORDER BY rank", ids=ids)
        return [(i, r, json.loads(e)) for i, r, e in rows]

    def band_matches(self, bands: Sequence[tuple[int, bytes]]) -> list[tuple[str, int, bytes]]:
        """(article id, seq, signature) of the stored articles sharing one of these MinHash band keys."""
        if not bands:
            return []
        with derived.registered(self.con, "_bands", band=[b for b, _ in bands], key=[k for _, k in bands]):
            return self.con.execute(
                "SELECT DISTINCT d.article_id, a.seq, s.minhash FROM _bands b JOIN dup_bands d "
                "ON d.band = b.band AND d.key = b.key JOIN articles a ON a.id = d.article_id "
                "JOIN signatures s ON s.article_id = d.article_id ORDER BY a.seq").fetchall()

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
        """One article by id, or by a unique prefix of its id."""
        columns = ", ".join(_ARTICLE_COLUMNS)
        exact = self.con.execute(f"SELECT {columns} FROM articles WHERE id = ?", [article_id]).fetchone()
        if exact:
            return _article(exact)
        rows = self.con.execute(
            f"SELECT {columns} FROM articles WHERE starts_with(id, ?) ORDER BY seq LIMIT 50", [article_id]
        ).fetchall()
        if len(rows) == 1:
            return _article(rows[0])
        if not rows:
            raise NotFoundError(f"no article with id {article_id!r}; 'parley articles' lists them")
        raise NotFoundError(f"id prefix {article_id!r} matches {len(rows)} articles; give more characters")

    def articles_by_id(self, ids: Iterable[str]) -> dict[str, Article]:
        """The articles with exactly these ids (missing ones are left out), in one query per 500 ids."""
        out: dict[str, Article] = {}
        for chunk in _chunks(list(dict.fromkeys(ids)), 500):
            marks = ", ".join("?" * len(chunk))
            for row in self.con.execute(
                f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles WHERE id IN ({marks})", chunk
            ).fetchall():
                out[row[0]] = _article(row)
        return out

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

    def corpus_rows(self, table: str) -> list[tuple[str, str | None, dict]]:
        """(id, rank, entry) of the rows of people, timeline or conflicts, in order."""
        if table not in ("people", "timeline", "conflicts"):
            raise ValueError(f"no corpus table {table!r}")
        sql = f"SELECT id, rank, entry FROM {table} ORDER BY rank, position"
        return [(i, r, json.loads(e)) for i, r, e in self.con.execute(sql).fetchall()]

    def _entries(self, table: str) -> list[dict]:
        sql = f"SELECT entry FROM {table} ORDER BY rank, position"
        return [json.loads(r[0]) for r in self.con.execute(sql).fetchall()]

    def quotes(self, speaker: str | None = None, flt: ArticleFilter | None = None) -> list[dict]:
        where, params = (flt or ArticleFilter()).sql()
        sql = (
            "SELECT q.article_id, q.idx, q.speaker, q.speaker_id, q.kind, q.cue, q.text, q.start, q.end_, "
            "a.title, a.outlet, a.published FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"WHERE {where}"
        )
        if speaker:
            sql += " AND contains(lower(coalesce(q.speaker, '')), ?)"
            params = [*params, speaker.lower()]
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


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Sequence[Any]], verb: str = "") -> None:
    """Multi-row INSERTs: one statement per few hundred rows instead of one per row (DuckDB pays per statement)."""
    if not rows:
        return
    width = len(rows[0])
    group = "(" + ", ".join("?" * width) + ")"
    for chunk in _chunks(list(rows), max(1, 2000 // width)):
        params = [value for row in chunk for value in row]
        con.execute(f"INSERT {verb} INTO {table} VALUES {', '.join([group] * len(chunk))}", params)


def _article(row: Sequence[Any]) -> Article:
    d = dict(zip(_ARTICLE_COLUMNS, row))
    d["removed"] = tuple(json.loads(d["removed"] or "[]"))
    d["removed_rules"] = tuple(json.loads(d["removed_rules"] or "[]"))
    return Article(**d)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__

"""What a parley store looks like: the tables and columns the migrations create, so that a file made by
another program, another schema or a newer parley is refused on open with one line instead of failing
later inside an INSERT.

The expected shape is not written down twice: it is what DuckDB reports after running the migrations on an
empty in-memory database.
"""

from __future__ import annotations

from functools import cache

import duckdb

from parley.store.migrations import MIGRATIONS

__all__ = ["LATEST", "MIGRATIONS_TABLE", "Schema", "expected", "read", "mismatch"]

LATEST = max(version for version, _, _ in MIGRATIONS)
MIGRATIONS_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL)"
)

Schema = dict[str, tuple[str, ...]]
"""Table name -> its column names in order."""


def read(con: duckdb.DuckDBPyConnection) -> Schema:
    """The tables and columns of the database ``con`` is connected to (its main schema only)."""
    rows = con.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_catalog = current_database() AND table_schema = 'main' "
        "ORDER BY table_name, ordinal_position"
    ).fetchall()
    out: dict[str, list[str]] = {}
    for table, column in rows:
        out.setdefault(table, []).append(column)
    return {table: tuple(columns) for table, columns in out.items()}


@cache
def expected(version: int) -> Schema:
    """The tables and columns a store has once migrations up to ``version`` are applied."""
    con = duckdb.connect(":memory:")
    try:
        con.execute(MIGRATIONS_TABLE)
        for number, _, statements in MIGRATIONS:
            if number <= version:
                for sql in statements:
                    con.execute(sql)
        return read(con)
    finally:
        con.close()


def mismatch(actual: Schema, version: int) -> str | None:
    """Why ``actual`` is not a store at migration ``version`` (or cannot be migrated from it); None if it is."""
    for table, columns in expected(version).items():
        have = actual.get(table)
        if have is None:
            return f"it has no table {table}"
        missing = [c for c in columns if c not in have]
        if missing:
            return f"table {table} lacks column {missing[0]}"
        unknown = [c for c in have if c not in columns]
        if unknown:
            return f"table {table} has a column {unknown[0]} this parley does not know"
        if have != columns:
            return f"table {table} has its columns in another order"
    for table in expected(LATEST).keys() - expected(version).keys():
        if table in actual:
            return f"table {table} exists before the migration that creates it"
    return None

"""Opening the warehouse: connect, apply ordered migrations, run work in a transaction."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import duckdb

from extractors.errors import WarehouseError

log = logging.getLogger(__name__)


def _sql_files(folder: str) -> list[tuple[str, str]]:
    root = resources.files("warehouse") / folder
    files = sorted((p.name, p.read_text(encoding="utf-8")) for p in root.iterdir()
                   if p.name.endswith(".sql"))
    return files


def connect(path: str | Path = ":memory:") -> duckdb.DuckDBPyConnection:
    """Open (or create) the warehouse at ``path`` and bring its schema up to date."""
    try:
        con = duckdb.connect(str(path))
    except duckdb.Error as exc:
        raise WarehouseError(f"cannot open DuckDB warehouse {path}: {exc}") from exc
    migrate(con)
    return con


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply each migration in ``warehouse/migrations`` once, in order, each in a transaction,
    then (re)create the views. Returns the names of the migrations applied now."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " name VARCHAR PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
    )
    done = {r[0] for r in con.execute("SELECT name FROM schema_migrations").fetchall()}
    applied = []
    for name, sql in _sql_files("migrations"):
        if name in done:
            continue
        try:
            with transaction(con):
                con.execute(sql)
                con.execute("INSERT INTO schema_migrations (name) VALUES (?)", [name])
        except duckdb.Error as exc:
            raise WarehouseError(f"migration {name} failed: {exc}") from exc
        log.info("applied migration %s", name)
        applied.append(name)
    for name, sql in _sql_files("views"):
        try:
            con.execute(sql)
        except duckdb.Error as exc:
            raise WarehouseError(f"view {name} failed: {exc}") from exc
    return applied


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Run the block in one transaction: all of it lands, or none of it."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")

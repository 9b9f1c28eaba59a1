"""The ``runs`` table: one row per run, marked completed only when the run finished."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import duckdb

from warehouse.db import transaction

COUNTERS = ("requests", "releases_new", "versions_new", "failures", "facts_new", "changes_new")


def start_run(
    con: duckdb.DuckDBPyConnection, command: str, base_url: str | None, langs: list[str]
) -> str:
    run_id = str(uuid.uuid4())
    with transaction(con):
        con.execute(
            "INSERT INTO runs (run_id, started_at, status, command, base_url, langs)"
            " VALUES (?, ?, 'running', ?, ?, ?)",
            [run_id, datetime.now(UTC), command, base_url, ",".join(langs)],
        )
    return run_id


def finish_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    counters: dict[str, int],
    error: str | None = None,
) -> None:
    values: dict[str, Any] = {k: counters.get(k, 0) for k in COUNTERS}
    with transaction(con):
        con.execute(
            "UPDATE runs SET finished_at = ?, status = ?, error = ?, "
            + ", ".join(f"{k} = ?" for k in COUNTERS)
            + " WHERE run_id = ?",
            [datetime.now(UTC), "failed" if error else "completed", error,
             *values.values(), run_id],
        )

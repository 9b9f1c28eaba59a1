"""The schema is the analysts' interface: every column of tables and views is documented."""

from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse.db import connect, migrate

DOCUMENTED = ("runs", "releases", "release_versions", "fetch_failures", "extractions", "facts",
              "projects", "product_families", "project_curation", "change_events", "alert_outbox",
              "alert_deliveries", "latest_facts", "figure_history", "current_figures", "changes")


def test_every_column_has_a_comment(con: duckdb.DuckDBPyConnection) -> None:
    missing = con.execute(
        "SELECT table_name || '.' || column_name FROM duckdb_columns()"
        " WHERE list_contains(?, table_name) AND comment IS NULL", [list(DOCUMENTED)]).fetchall()
    assert missing == []
    tables = {r[0] for r in con.execute("SELECT DISTINCT table_name FROM duckdb_columns()"
                                        ).fetchall()}
    assert set(DOCUMENTED) <= tables


def test_reconnecting_applies_nothing_and_keeps_the_views(tmp_path: Path) -> None:
    path = f"{tmp_path}/kz.duckdb"
    connect(path).close()
    con = connect(path)
    assert migrate(con) == []
    assert con.execute("SELECT count(*) FROM changes").fetchone() == (0,)
    con.close()

"""Read helpers for the CLI: plain dicts with JSON-friendly values (one per output line)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import duckdb

_CHANGE_FIELDS = (
    "change_id", "project_id", "project", "region", "company", "metric", "kind", "family",
    "change", "old_value", "new_value", "old_value_max", "new_value_max", "old_value_text",
    "new_value_text", "old_unit", "new_unit", "old_qualifier", "new_qualifier", "delta",
    "delta_pct", "old_published", "new_published", "old_url", "new_url", "old_sentence",
    "new_sentence", "old_evidence", "new_evidence", "old_lang", "old_release_id", "old_version",
    "new_lang", "new_release_id", "new_version", "is_edit", "is_material", "detected_at", "run_id",
)


# Times are shown in Astana time, as the Government states them (TIMESTAMPTZ comes back in UTC).
ASTANA = ZoneInfo("Asia/Almaty")


def plain(value: Any) -> Any:
    """A JSON-friendly value: datetimes as ISO strings in Astana time, dates as ISO dates."""
    if isinstance(value, datetime):
        return (value.astimezone(ASTANA) if value.tzinfo else value).isoformat()
    return value.isoformat() if isinstance(value, date) else value


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or []]
    return [{n: plain(v) for n, v in zip(names, row, strict=True)} for row in cur.fetchall()]


def list_changes(con: duckdb.DuckDBPyConnection, since: date | None = None) -> list[dict[str, Any]]:
    """Changes whose newer report was published on or after ``since`` (all when None), newest
    first, with both sentences."""
    sql = "SELECT " + ", ".join(_CHANGE_FIELDS) + " FROM changes"
    params: list[Any] = []
    if since is not None:
        sql += " WHERE CAST(timezone('Asia/Almaty', new_published) AS DATE) >= ?"
        params.append(since)
    sql += " ORDER BY new_published DESC NULLS LAST, project, metric, change_id"
    return _dicts(con.execute(sql, params))


def find_projects(con: duckdb.DuckDBPyConnection, project_ref: str) -> list[str]:
    """Project ids for ``project_ref``: the id itself, else projects whose label or an alias
    contains it (case-insensitive)."""
    row = con.execute("SELECT project_id FROM projects WHERE project_id = ?",
                      [project_ref]).fetchone()
    if row is not None:
        return [row[0]]
    pattern = f"%{project_ref}%"
    rows = con.execute(
        "SELECT project_id FROM projects WHERE label ILIKE ?"
        " OR len(list_filter(aliases, lambda a: a ILIKE ?)) > 0 ORDER BY label, project_id",
        [pattern, pattern]).fetchall()
    return [r[0] for r in rows]


def project_history(con: duckdb.DuckDBPyConnection, project_ref: str) -> list[dict[str, Any]]:
    """Every reported value of the project(s) ``project_ref`` names (id or label search), in
    report order; empty when nothing matches."""
    ids = find_projects(con, project_ref)
    if not ids:
        return []
    return _dicts(con.execute(
        "SELECT project_id, project, metric, kind, product, value, value_text, value_max, unit,"
        " period, qualifier, \"when\", evidence, sentence, label_in_text, report_date,"
        " published_at, url, lang, release_id, version, is_current_version FROM figure_history"
        " WHERE list_contains(?, project_id)"
        " ORDER BY project, project_id, metric, kind, published_at, lang, version, fact_id",
        [ids]))


def list_projects(con: duckdb.DuckDBPyConnection, search: str | None = None) -> list[dict[str, Any]]:
    """Projects (label or alias containing ``search`` when given) with their fact and change
    counts."""
    sql = (
        "SELECT p.project_id, p.scope, p.label, p.region, p.company, p.product, p.facility,"
        " p.aliases, p.created_at, p.updated_at,"
        " (SELECT count(*) FROM latest_facts AS f WHERE f.project_id = p.project_id) AS facts,"
        " (SELECT count(*) FROM changes AS c WHERE c.project_id = p.project_id) AS changes"
        " FROM projects AS p"
    )
    params: list[Any] = []
    if search:
        sql += " WHERE p.label ILIKE ? OR len(list_filter(p.aliases, lambda a: a ILIKE ?)) > 0"
        params += [f"%{search}%", f"%{search}%"]
    return _dicts(con.execute(sql + " ORDER BY p.scope DESC, p.label, p.project_id", params))


def facts_of_run(con: duckdb.DuckDBPyConnection, run_id: str) -> list[dict[str, Any]]:
    """Facts the run stored (its new versions and re-extractions), in release order: the table
    of new facts a run publishes."""
    return _dicts(con.execute(
        "SELECT lang, release_id, version, project_id, project, metric, value, value_text,"
        " value_max, unit, qualifier, kind, scope, product, region, company, \"when\", evidence,"
        " extractor_version FROM facts WHERE run_id = ?"
        " ORDER BY lang, release_id, version, start, fact_id", [run_id]))


def changes_of_run(con: duckdb.DuckDBPyConnection, run_id: str) -> list[dict[str, Any]]:
    """Changes first detected by ``run_id`` (for the run's artifact)."""
    sql = "SELECT " + ", ".join(_CHANGE_FIELDS) + " FROM changes WHERE run_id = ?"
    return _dicts(con.execute(sql + " ORDER BY project, metric", [run_id]))

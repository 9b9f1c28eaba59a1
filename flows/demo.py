"""``kzfacts demo``: the whole product offline in under a minute.

Serves the demo copy of the site (flows/demo_site) on 127.0.0.1, runs the nightly flow on it,
edits one release on the "site" as the Government sometimes does, runs the flow again, and shows
the facts, the change with both sentences, and the alert it produced.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
from rich.console import Console
from rich.table import Table

from extractors.errors import KzfactsError
from flows.alert_text import format_figure, render_alert
from flows.localsite import LocalSite, load_demo_releases
from warehouse.db import connect
from warehouse.outbox import pending_alerts
from warehouse.queries import list_changes

# The demo's releases span a few weeks; re-fetch all of them so the edited one is seen.
DEMO_REFETCH_DAYS = 90


def run_demo(db_path: Path, console: Console) -> None:
    """Run the demo into ``db_path`` (started afresh: the demo file is replaced)."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from flows.nightly import nightly

    _refuse_a_real_warehouse(db_path)
    for stale in (db_path, db_path.with_name(db_path.name + ".wal")):
        stale.unlink(missing_ok=True)
    # Date the demo releases "yesterday" so the edited one is inside the re-fetch window.
    newest = (datetime.now(UTC) - timedelta(days=1)).replace(second=0, microsecond=0)
    with LocalSite(load_demo_releases(newest_at=newest), per_page=4) as site:
        console.rule(f"[bold]1. first night: crawling the demo site at {site.base_url}")
        first = nightly(db_path=str(db_path), base_url=site.base_url, request_delay=0.0,
                        refetch_days=DEMO_REFETCH_DAYS, command="demo", send_alerts=False)
        console.print(f"{first['versions_new']} releases stored, {first['facts_new']} facts "
                      f"extracted, {first['requests']} requests")
        _show_facts(db_path, console)

        site.set_releases(load_demo_releases(edited=True, newest_at=newest))
        console.rule("[bold]2. the site edits a release; second night")
        second = nightly(db_path=str(db_path), base_url=site.base_url, request_delay=0.0,
                         refetch_days=DEMO_REFETCH_DAYS, command="demo", send_alerts=False)
        console.print(f"{second['versions_new']} new version(s), {second['changes_new']} "
                      f"change(s), {second['requests']} requests")
    _show_changes_and_alerts(db_path, console)
    console.rule()
    console.print(f"Warehouse: {db_path}. Try: kzfacts changes --db {db_path}; "
                  f"kzfacts projects list --db {db_path}; "
                  f"kzfacts sql 'SELECT * FROM current_figures' --db {db_path}")


def _refuse_a_real_warehouse(db_path: Path) -> None:
    """The demo starts afresh by deleting its file: never one that holds anything but demo
    runs (someone typing ``--db kzfacts.duckdb`` must not lose the real warehouse)."""
    if not db_path.exists():
        return
    try:
        con = duckdb.connect(str(db_path), read_only=True)
        try:
            others = con.execute("SELECT count(*) FROM runs WHERE command <> 'demo'").fetchone()
        finally:
            con.close()
    except duckdb.Error as exc:
        raise KzfactsError(f"{db_path} exists and is not a kzfacts demo warehouse ({exc}); "
                           "choose another --db for the demo") from exc
    if others and others[0]:
        raise KzfactsError(f"{db_path} holds {others[0]} non-demo run(s): the demo would delete "
                           "it; choose another --db for the demo")


def _show_facts(db_path: Path, console: Console) -> None:
    con = connect(db_path)
    rows = con.execute(
        "SELECT lang || ' ' || release_id, metric, coalesce(value_text, CAST(value AS VARCHAR)),"
        " unit, qualifier, project FROM facts ORDER BY release_id, lang, start LIMIT 30"
    ).fetchall()
    table = Table(title="facts extracted (first 30)")
    for col in ("release", "metric", "figure", "project"):
        table.add_column(col, overflow="fold")
    for release, metric, value, unit, qualifier, project in rows:
        number = value if unit is None else float(value)
        table.add_row(release, metric, format_figure(number, unit, qualifier, metric), project)
    console.print(table)
    con.close()


def _show_changes_and_alerts(db_path: Path, console: Console) -> None:
    con = connect(db_path)
    for c in list_changes(con, None):
        old = format_figure(c["old_value_text"] or c["old_value"], c["old_unit"],
                            c["old_qualifier"], c["metric"])
        new = format_figure(c["new_value_text"] or c["new_value"], c["new_unit"],
                            c["new_qualifier"], c["metric"])
        console.print(f"[bold]{c['change']}[/bold] {c['project']} / {c['metric']}: "
                      f"{old} -> {new}")
    pending = pending_alerts(con)
    if pending:
        console.rule("[bold]alerts (kept in the outbox: set KZFACTS_ALERT_URLS to send them)")
    for alert in pending:
        title, body = render_alert(alert.payload)
        console.print(f"[bold]{title}[/bold]\n{body}\n")
    con.close()

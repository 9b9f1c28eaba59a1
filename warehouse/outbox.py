"""The alert outbox: material changes wait here until a channel has taken them.

Rows are written by :func:`warehouse.changes.detect_changes` in the same transaction as the
changes, under a deterministic ``alert_id`` (a hash of the change identity), so a re-run never
queues the same alert twice. Delivery (flows/alerts) reads :func:`pending_alerts`, renders the
``payload`` and calls :func:`mark_sent` or :func:`mark_failed`.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import duckdb

from extractors.errors import WarehouseError
from warehouse.db import transaction
from warehouse.facts import bulk_insert

log = logging.getLogger(__name__)

# Fields of the payload, in the order the renderer shows them.
PAYLOAD_FIELDS = (
    "project_id", "project", "metric", "kind", "change", "old_value", "new_value", "old_unit",
    "new_unit", "old_qualifier", "new_qualifier", "delta", "delta_pct", "old_published",
    "new_published", "old_url", "new_url", "old_sentence", "new_sentence", "old_release_id",
    "new_release_id", "is_edit", "region", "company",
)


@dataclass(frozen=True)
class OutboxAlert:
    """One queued alert; ``payload`` holds every field in PAYLOAD_FIELDS."""

    alert_id: str
    change_id: str
    created_at: datetime
    run_id: str
    project_id: str
    payload: dict[str, Any]
    status: str
    attempts: int
    last_error: str | None
    sent_at: datetime | None


def in_transaction(con: duckdb.DuckDBPyConnection) -> bool:
    """True inside an explicit transaction: two statements then share one transaction id.
    (Probing with BEGIN would abort the caller's transaction in DuckDB.)"""
    first = con.execute("SELECT txid_current()").fetchone()
    second = con.execute("SELECT txid_current()").fetchone()
    return first == second


@contextmanager
def atomic(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Join the caller's transaction if there is one, else run the block in a new one."""
    if in_transaction(con):
        yield con
    else:
        with transaction(con):
            yield con


_OUTBOX_COLUMNS = (("alert_id", "VARCHAR"), ("change_id", "VARCHAR"), ("created_at", "TIMESTAMPTZ"),
                   ("run_id", "VARCHAR"), ("project_id", "VARCHAR"), ("payload", "JSON"),
                   ("status", "VARCHAR"), ("attempts", "INTEGER"))


def alert_id_for(change_id: str) -> str:
    """Deterministic id of the alert for a change: the same change never queues twice."""
    return hashlib.sha256(f"alert|{change_id}".encode()).hexdigest()[:32]


def queue_alerts(
    con: duckdb.DuckDBPyConnection, run_id: str, payloads: dict[str, dict[str, Any]]
) -> int:
    """Queue one alert per change id in ``payloads`` (caller's transaction), skipping those
    already queued; return how many were added."""
    ids = {alert_id_for(cid): cid for cid in payloads}
    known = {r[0] for r in con.execute(
        "SELECT alert_id FROM alert_outbox WHERE list_contains(?, alert_id)", [list(ids)]
    ).fetchall()}
    now = datetime.now(UTC)
    rows = [[aid, cid, now, run_id, payloads[cid]["project_id"],
             payloads[cid], "pending", 0]
            for aid, cid in sorted(ids.items()) if aid not in known]
    bulk_insert(con, "alert_outbox", _OUTBOX_COLUMNS, rows)
    return len(rows)


def queue_alert(
    con: duckdb.DuckDBPyConnection, change_id: str, run_id: str, payload: dict[str, Any]
) -> bool:
    """Queue one alert (caller's transaction); False when it was already queued."""
    return queue_alerts(con, run_id, {change_id: payload}) == 1


def pending_alerts(con: duckdb.DuckDBPyConnection) -> list[OutboxAlert]:
    """Alerts not yet sent, oldest first (failed ones stay pending and are retried)."""
    rows = con.execute(
        "SELECT alert_id, change_id, created_at, run_id, project_id, payload, status, attempts,"
        " last_error, sent_at FROM alert_outbox WHERE status = 'pending'"
        " ORDER BY created_at, alert_id"
    ).fetchall()
    return [OutboxAlert(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], r[7], r[8], r[9])
            for r in rows]


def _touch(con: duckdb.DuckDBPyConnection, alert_id: str, sql: str, params: list[Any]) -> None:
    with atomic(con):
        if not con.execute("SELECT 1 FROM alert_outbox WHERE alert_id = ?", [alert_id]).fetchone():
            raise WarehouseError(f"no alert {alert_id!r} in the outbox")
        con.execute(sql, [*params, alert_id])


def mark_sent(con: duckdb.DuckDBPyConnection, alert_id: str) -> None:
    """Record that every channel took the alert; it will not be sent again."""
    _touch(con, alert_id, "UPDATE alert_outbox SET status = 'sent', sent_at = ?,"
           " attempts = attempts + 1, last_error = NULL WHERE alert_id = ?", [datetime.now(UTC)])
    log.info("alert %s sent", alert_id)


def mark_failed(con: duckdb.DuckDBPyConnection, alert_id: str, error: str) -> None:
    """Record a failed delivery; the alert stays pending for the next run."""
    _touch(con, alert_id, "UPDATE alert_outbox SET attempts = attempts + 1, last_error = ?"
           " WHERE alert_id = ?", [error])
    log.warning("alert %s failed: %s", alert_id, error)


def delivered_channels(con: duckdb.DuckDBPyConnection, alert_id: str) -> set[str]:
    """Hashes of the channels that already accepted ``alert_id`` (``alert_deliveries``)."""
    rows = con.execute(
        "SELECT channel_hash FROM alert_deliveries WHERE alert_id = ?", [alert_id]
    ).fetchall()
    return {r[0] for r in rows}


def record_delivery(
    con: duckdb.DuckDBPyConnection, alert_id: str, channel_hash: str, channel_kind: str
) -> None:
    """Record, in its own transaction, that a channel accepted ``alert_id``. Only the
    channel's hash and URL scheme are stored: the URL itself holds secrets."""
    with transaction(con):
        con.execute(
            "INSERT INTO alert_deliveries (alert_id, channel_hash, channel_kind, sent_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [alert_id, channel_hash, channel_kind, datetime.now(UTC)],
        )

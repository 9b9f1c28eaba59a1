"""The alert outbox: payloads for the renderer, sent once, failures retried."""

from __future__ import annotations

import duckdb
import pytest

from extractors.errors import WarehouseError
from tests.warehouse.conftest import fd, report
from warehouse.changes import detect_changes
from warehouse.outbox import (
    PAYLOAD_FIELDS,
    alert_id_for,
    mark_failed,
    mark_sent,
    pending_alerts,
    queue_alert,
)


@pytest.fixture
def queued(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    report(con, 1, "2025-06-10T10:00:00+05:00",
           [fd("investment", 1.5e9, "USD", sentence="It will cost $1.5 billion.")], run_id="run-1")
    report(con, 2, "2025-10-02T15:00:00+05:00",
           [fd("investment", 1.8e9, "USD", sentence="It will cost $1.8 billion.")], run_id="run-2")
    detect_changes(con, "run-2")
    return con


def test_pending_alert_carries_the_whole_change(queued: duckdb.DuckDBPyConnection) -> None:
    (alert,) = pending_alerts(queued)
    assert set(alert.payload) == set(PAYLOAD_FIELDS)
    assert alert.alert_id == alert_id_for(alert.change_id)
    assert (alert.status, alert.attempts, alert.run_id) == ("pending", 0, "run-2")
    p = alert.payload
    assert (p["project"], p["metric"], p["change"], p["old_value"], p["new_value"]) == (
        "copper smelter", "investment", "revised", 1.5e9, 1.8e9)
    assert (p["old_sentence"], p["new_sentence"]) == ("It will cost $1.5 billion.",
                                                      "It will cost $1.8 billion.")
    assert p["old_published"] == "2025-06-10T10:00:00+05:00" and p["new_url"].endswith("test-2")
    assert (p["old_release_id"], p["new_release_id"], p["is_edit"]) == (1, 2, False)
    assert (p["region"], p["company"], p["delta_pct"]) == ("KZ-10", "KAZ Minerals",
                                                          pytest.approx(20.0))


def test_failed_alert_stays_pending_with_its_error(queued: duckdb.DuckDBPyConnection) -> None:
    (alert,) = pending_alerts(queued)
    mark_failed(queued, alert.alert_id, "smtp timeout")
    (again,) = pending_alerts(queued)
    assert (again.attempts, again.last_error, again.status) == (1, "smtp timeout", "pending")


def test_sent_alert_is_not_pending_and_not_queued_again(queued: duckdb.DuckDBPyConnection) -> None:
    (alert,) = pending_alerts(queued)
    mark_sent(queued, alert.alert_id)
    assert pending_alerts(queued) == []
    detect_changes(queued, "run-2")
    assert pending_alerts(queued) == []
    row = queued.execute("SELECT status, attempts, sent_at IS NOT NULL FROM alert_outbox").fetchall()
    assert row == [("sent", 1, True)]


def test_unknown_alert_id_is_an_error(queued: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(WarehouseError, match="no alert 'nope'"):
        mark_sent(queued, "nope")


def test_queue_alert_is_idempotent(con: duckdb.DuckDBPyConnection) -> None:
    payload = {field: None for field in PAYLOAD_FIELDS} | {"project_id": "p-1"}
    assert queue_alert(con, "change-1", "run-1", payload) is True
    assert queue_alert(con, "change-1", "run-2", payload) is False
    (alert,) = pending_alerts(con)
    assert (alert.alert_id, alert.run_id, alert.payload["project_id"]) == (
        alert_id_for("change-1"), "run-1", "p-1")

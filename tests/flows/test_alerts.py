"""flows/alerts.py: rendering and delivering outbox alerts through real Apprise channels.

The channels are a JSON webhook and an SMTP server on 127.0.0.1 (tests/receivers.py); every
assertion about a delivered alert is made on what the receivers got.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from apprise.plugins.base import NotifyBase
from pydantic import SecretStr

from flows.alert_text import format_date, format_figure, render_alert
from flows.alerts import (
    MAX_FAILURES_IN_A_ROW,
    DeliveryReport,
    channel_hash,
    default_notifier,
    deliver_pending,
    redact,
)
from tests.receivers import SmtpReceiver, WebhookReceiver
from warehouse.db import connect
from warehouse.outbox import alert_id_for, queue_alert

OLD_SENTENCE = (
    "KAZ Minerals' copper smelting plant in Abay region will cost $1.5 billion, "
    "the Prime Minister said."
)
NEW_SENTENCE = (
    "The cost of the copper smelter near Aktogay has risen to $1.8 billion, "
    "according to KAZ Minerals."
)
OLD_URL = "https://primeminister.kz/en/news/copper-smelter-in-abay-region-29871"
NEW_URL = "https://primeminister.kz/en/news/kaz-minerals-smelter-cost-rises-31442"

# The outbox table of the contract; warehouse/outbox.py's migration creates the same one.
OUTBOX_DDL = """
CREATE TABLE IF NOT EXISTS alert_outbox (
    alert_id VARCHAR PRIMARY KEY, change_id VARCHAR, created_at TIMESTAMPTZ, run_id VARCHAR,
    project_id VARCHAR, payload JSON, status VARCHAR, attempts INTEGER, last_error VARCHAR,
    sent_at TIMESTAMPTZ
)
"""


def smelter_payload(**changes: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "project_id": "prj-copper-smelter-abay",
        "project": "copper smelting plant",
        "metric": "investment",
        "kind": None,
        "change": "revised",
        "old_value": 1.5e9,
        "new_value": 1.8e9,
        "old_unit": "USD",
        "new_unit": "USD",
        "old_qualifier": "eq",
        "new_qualifier": "eq",
        "delta": 3e8,
        "delta_pct": 20.0,
        "old_published": "2025-06-16T11:30:00+05:00",
        "new_published": "2025-10-21T09:05:00+05:00",
        "old_url": OLD_URL,
        "new_url": NEW_URL,
        "old_sentence": OLD_SENTENCE,
        "new_sentence": NEW_SENTENCE,
        "old_release_id": 29871,
        "new_release_id": 31442,
        "is_edit": False,
        "region": "KZ-10",
        "company": "KAZ Minerals",
    }
    payload.update(changes)
    return payload


def add_alert(con: duckdb.DuckDBPyConnection, change_id: str, payload: dict[str, Any]) -> str:
    """Queue one pending alert as the diff step does; returns its alert_id."""
    assert queue_alert(con, change_id, "run-1", payload)
    return alert_id_for(change_id)


def outbox_row(con: duckdb.DuckDBPyConnection, alert_id: str) -> dict[str, Any]:
    cur = con.execute(
        "SELECT status, attempts, last_error, sent_at FROM alert_outbox WHERE alert_id = ?",
        [alert_id],
    )
    names = [d[0] for d in cur.description]
    row = cur.fetchone()
    assert row is not None
    return dict(zip(names, row, strict=True))


def open_warehouse(path: str | Path = ":memory:") -> duckdb.DuckDBPyConnection:
    con = connect(path)
    con.execute(OUTBOX_DDL)  # no-op once the outbox migration exists
    return con


@pytest.fixture(autouse=True)
def no_apprise_throttle(monkeypatch: pytest.MonkeyPatch) -> None:
    """Apprise waits 5.5 s between two messages of one e-mail channel (polite in production,
    pointless against a local receiver)."""
    monkeypatch.setattr(NotifyBase, "request_rate_per_sec", 0)


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = open_warehouse()
    yield connection
    connection.close()


@pytest.fixture
def hook() -> Iterator[WebhookReceiver]:
    with WebhookReceiver() as receiver:
        yield receiver


@pytest.fixture
def smtp() -> Iterator[SmtpReceiver]:
    with SmtpReceiver() as receiver:
        yield receiver


def assert_full_alert(text: str) -> None:
    """What a person must see in a delivered alert."""
    for expected in ("copper smelting plant", "Abay region", "KAZ Minerals",
                     "$1.5 billion", "$1.8 billion", "+20.0%",
                     "16 Jun 2025", "21 Oct 2025", OLD_URL, NEW_URL,
                     f"Before (16 Jun 2025): “{OLD_SENTENCE}”",
                     f"Now (21 Oct 2025): “{NEW_SENTENCE}”"):
        assert expected in text, expected


# --- rendering ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "metric", "expected"),
    [
        (1.5e9, "USD", "eq", "investment", "$1.5 billion"),
        (1.8e9, "USD", "approx", "investment", "about $1.8 billion"),
        (637.5e9, "KZT", "eq", "investment", "637.5 billion tenge"),
        (1.027e12, "KZT", "eq", "investment", "1.027 trillion tenge"),
        (250e6, "EUR", "max", "investment", "up to €250 million"),
        (300000, "t", "eq", "capacity", "300,000 t"),
        (2e6, "t", "eq", "capacity", "2 million t"),
        (4e9, "m3", "approx", "capacity", "about 4 billion m³"),
        ((4e9, 4.5e9), "m3", "range", "capacity", "4–4.5 billion m³"),
        ((800e6, 1.2e9), "USD", "range", "investment", "$800 million–1.2 billion"),
        (8700, "jobs", "min", "jobs", "over 8,700 jobs"),
        (120.5, "MW", "eq", "capacity", "120.5 MW"),
        (2028, "year", "eq", "commissioning", "2028"),
        (2028.0, "year", "max", "commissioning", "by 2028"),
        ("2026-12", "year", "eq", "commissioning", "December 2026"),
        ("2023-Q4", "year", "eq", "commissioning", "Q4 2023"),
        ("under_construction", None, "eq", "status", "under construction"),
        (None, "USD", "eq", "investment", "not reported"),
    ],
)
def test_format_figure(value: Any, unit: str | None, qualifier: str, metric: str,
                       expected: str) -> None:
    assert format_figure(value, unit, qualifier, metric) == expected


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2025-05-16T10:00:00+05:00", "16 May 2025"),
        ("2025-10-20T23:30:00+05:00", "20 Oct 2025"),  # Astana date, not the UTC one
        ("2025-10-21", "21 Oct 2025"),
        (None, "date unknown"),
        ("yesterday", "yesterday"),
    ],
)
def test_format_date(iso: str | None, expected: str) -> None:
    assert format_date(iso) == expected


def test_render_alert_states_both_reports_side_by_side() -> None:
    title, body = render_alert(smelter_payload())

    assert title == ("Copper smelting plant: investment revised, $1.5 billion → $1.8 billion")
    assert "Project: copper smelting plant (Abay region, KAZ Minerals)" in body
    assert "Change: +$300 million (+20.0%)" in body
    assert_full_alert(body)
    assert "edit of the same release" not in body


def test_render_alert_marks_an_edit_of_the_same_release() -> None:
    _, body = render_alert(smelter_payload(is_edit=True, new_url=OLD_URL, new_release_id=29871))

    assert "(edit of the same release)" in body


def test_render_alert_commissioning_delay_and_status() -> None:
    title, body = render_alert(smelter_payload(
        metric="commissioning", change="delayed", old_value=2027, new_value=2028,
        old_unit="year", new_unit="year", delta=1, delta_pct=None))
    assert "commissioning date delayed, 2027 → 2028" in title
    assert "Change: +1 year" in body

    title, _ = render_alert(smelter_payload(
        metric="status", change="status", old_value="planned", new_value="under_construction",
        old_unit=None, new_unit=None, delta=None, delta_pct=None))
    assert "status changed, planned → under construction" in title


def test_render_alert_survives_missing_keys() -> None:
    title, body = render_alert({"project": "wind farm", "metric": "capacity"})

    assert "Wind farm" in title
    assert "Before (date unknown)" in body


# --- delivery -----------------------------------------------------------------------------


def test_each_alert_reaches_both_channels_exactly_once(
    con: duckdb.DuckDBPyConnection, hook: WebhookReceiver, smtp: SmtpReceiver
) -> None:
    a1 = add_alert(con, "chg-1", smelter_payload())
    a2 = add_alert(con, "chg-2", smelter_payload(project_id="prj-2", project="wind farm",
                                         metric="capacity", old_value=1e3, new_value=1.2e3,
                                         old_unit="MW", new_unit="MW", delta=200,
                                         delta_pct=20.0))
    urls = [hook.apprise_url(), smtp.apprise_url()]

    first = deliver_pending(con, urls)
    second = deliver_pending(con, urls)

    assert first == DeliveryReport(sent=2)
    assert second == DeliveryReport()
    assert len(hook.bodies) == 2 and len(smtp.messages) == 2
    smelter_post = next(b for b in hook.bodies if "copper" in b["title"].lower())
    assert_full_alert(smelter_post["message"])
    smelter_mail = next(m for m in smtp.messages if "copper" in m.subject.lower())
    assert_full_alert(smelter_mail.text())
    assert smelter_mail.rcpt_tos == ["alerts@example.com"]
    assert {outbox_row(con, a)["status"] for a in (a1, a2)} == {"sent"}
    assert outbox_row(con, a1)["sent_at"] is not None


def test_failed_channel_is_retried_next_run_without_resending_to_the_other(
    con: duckdb.DuckDBPyConnection, smtp: SmtpReceiver
) -> None:
    a1 = add_alert(con, "chg-1", smelter_payload())
    with WebhookReceiver(fail_first=1) as hook:
        urls = [hook.apprise_url(), smtp.apprise_url()]

        first = deliver_pending(con, urls)
        after_first = outbox_row(con, a1)
        second = deliver_pending(con, urls)
        third = deliver_pending(con, urls)

        assert first == DeliveryReport(failed=1)
        assert after_first["status"] == "pending"
        assert after_first["attempts"] == 1
        assert "json:" in after_first["last_error"] and "500" in after_first["last_error"]
        assert second == DeliveryReport(sent=1)
        assert third == DeliveryReport()
        assert len(hook.failed) == 1  # the one refused attempt
        assert len(hook.bodies) == 1  # delivered once, on the second run
        assert_full_alert(hook.bodies[0]["message"])
    assert len(smtp.messages) == 1  # got it on the first run, not again on the retry
    assert outbox_row(con, a1)["status"] == "sent"


def test_pending_rows_survive_a_crash_and_are_sent_once(
    tmp_path: Path, hook: WebhookReceiver, smtp: SmtpReceiver
) -> None:
    db = tmp_path / "kzfacts.duckdb"
    writer = open_warehouse(db)
    a1 = add_alert(writer, "chg-1", smelter_payload())
    writer.close()  # the process dies before sending anything
    urls = [hook.apprise_url(), smtp.apprise_url()]

    restarted = open_warehouse(db)
    report = deliver_pending(restarted, urls)
    restarted.close()
    again = open_warehouse(db)
    report_again = deliver_pending(again, urls)

    assert report == DeliveryReport(sent=1)
    assert report_again == DeliveryReport()
    assert len(hook.bodies) == 1 and len(smtp.messages) == 1
    assert outbox_row(again, a1)["status"] == "sent"
    again.close()


def test_recorded_channel_is_not_resent_after_a_crash_before_mark_sent(
    con: duckdb.DuckDBPyConnection, hook: WebhookReceiver, smtp: SmtpReceiver
) -> None:
    # The webhook accepted the alert and was recorded, then the run died before the mail.
    a1 = add_alert(con, "chg-1", smelter_payload())
    con.execute("INSERT INTO alert_deliveries VALUES (?, ?, 'json', now())",
                [a1, channel_hash(hook.apprise_url())])

    report = deliver_pending(con, [hook.apprise_url(), smtp.apprise_url()])

    assert report == DeliveryReport(sent=1)
    assert hook.bodies == [] and len(smtp.messages) == 1


def test_no_channels_keeps_alerts_in_the_outbox(
    con: duckdb.DuckDBPyConnection, caplog: pytest.LogCaptureFixture
) -> None:
    a1 = add_alert(con, "chg-1", smelter_payload())
    a2 = add_alert(con, "chg-2", smelter_payload(project_id="prj-2"))

    with caplog.at_level(logging.INFO, logger="flows.alerts"):
        report = deliver_pending(con, [])

    assert report == DeliveryReport(skipped=2)
    kept = [r for r in caplog.records if "kept in the outbox" in r.getMessage()]
    assert len(kept) == 1
    for alert_id in (a1, a2):
        assert outbox_row(con, alert_id) == {"status": "pending", "attempts": 0,
                                             "last_error": None, "sent_at": None}


def test_secrets_in_urls_never_reach_logs_or_the_warehouse(
    con: duckdb.DuckDBPyConnection, caplog: pytest.LogCaptureFixture
) -> None:
    a1 = add_alert(con, "chg-1", smelter_payload())
    with WebhookReceiver(fail_first=5) as hook, caplog.at_level(logging.DEBUG):
        url = f"json://bot:pa55w0rd-xyz@127.0.0.1:{hook.port}/hooks/T0KEN-abcdef123"
        report = deliver_pending(con, [SecretStr(url)])

    assert report == DeliveryReport(failed=1)
    error = outbox_row(con, a1)["last_error"]
    stored = json.dumps(con.execute("SELECT * FROM alert_outbox").fetchall(), default=str)
    stored += json.dumps(con.execute("SELECT * FROM alert_deliveries").fetchall(), default=str)
    for secret in ("pa55w0rd-xyz", "T0KEN-abcdef123"):
        assert secret not in error
        assert secret not in caplog.text
        assert secret not in stored
    assert f"json:{channel_hash(url)[:8]}" in error


def test_invalid_url_fails_its_channel_only(
    con: duckdb.DuckDBPyConnection, hook: WebhookReceiver
) -> None:
    a1 = add_alert(con, "chg-1", smelter_payload())

    report = deliver_pending(con, ["nosuchservice://t0ken-secret", hook.apprise_url()])

    assert report == DeliveryReport(failed=1)
    assert len(hook.bodies) == 1
    error = outbox_row(con, a1)["last_error"]
    assert "invalid Apprise URL" in error and "t0ken-secret" not in error


def test_a_crashing_notifier_does_not_stop_the_other_alerts(
    con: duckdb.DuckDBPyConnection,
) -> None:
    a1 = add_alert(con, "chg-1", smelter_payload(project="first"))
    a2 = add_alert(con, "chg-2", smelter_payload(project_id="prj-2", project="second"))
    sent: list[str] = []

    class FlakyNotifier:
        def add(self, servers: str) -> bool:
            return True

        def notify(self, body: str, title: str = "", *, body_format: str | None = None) -> bool:
            if title.startswith("First"):
                raise ConnectionError("boom at https://secret.example/T0KEN-zzzz")
            sent.append(title)
            return True

    report = deliver_pending(con, ["json://secret.example/T0KEN-zzzz"],
                             notifier_factory=FlakyNotifier)

    assert report == DeliveryReport(sent=1, failed=1)
    assert [t.split(":")[0] for t in sent] == ["Second"]
    error = outbox_row(con, a1)["last_error"]
    assert "ConnectionError" in error and "T0KEN-zzzz" not in error
    assert outbox_row(con, a2)["status"] == "sent"


def test_a_channel_failing_again_and_again_is_left_alone_for_the_rest_of_the_run(
    con: duckdb.DuckDBPyConnection, hook: WebhookReceiver
) -> None:
    ids = [add_alert(con, f"chg-{n}", smelter_payload(project_id=f"prj-{n}")) for n in range(5)]
    calls: list[str] = []

    class DeadChannel:
        def add(self, servers: str) -> bool:
            return True

        def notify(self, body: str, title: str = "", *, body_format: str | None = None) -> bool:
            calls.append(title)
            return False

    def factory() -> Any:
        made = factories.pop(0)
        return made()

    factories: list[Any] = [DeadChannel, default_notifier]
    report = deliver_pending(con, ["json://dead.example/x", hook.apprise_url()],
                             notifier_factory=factory)

    assert report == DeliveryReport(failed=5)
    assert len(calls) == MAX_FAILURES_IN_A_ROW
    assert len(hook.bodies) == 5  # the healthy channel got every alert
    assert "not tried" in outbox_row(con, ids[4])["last_error"]
    assert {outbox_row(con, a)["status"] for a in ids} == {"pending"}


def test_smtp_with_login_is_delivered(con: duckdb.DuckDBPyConnection) -> None:
    add_alert(con, "chg-1", smelter_payload())
    with SmtpReceiver(auth=True) as smtp:
        report = deliver_pending(con, [smtp.apprise_url(user="alerts", password="pw-123")])

    assert report == DeliveryReport(sent=1)
    assert [m.login for m in smtp.messages] == ["alerts"]
    assert_full_alert(smtp.messages[0].text())


def test_redact_removes_every_secret_part() -> None:
    url = "tgram://123456:ABC-bot-token/-100987654/?format=text"
    text = f"could not reach {url}; token ABC-bot-token refused; chat -100987654"

    clean = redact(text, [url])

    assert "ABC-bot-token" not in clean and "100987654" not in clean
    assert "could not reach" in clean


def test_redact_short_credentials_only_where_they_stand_alone() -> None:
    url = "mailto://u:pw@mail.example.org:2525?from=kz@example.org"

    clean = redact("login u:pw refused while submitting to mail.example.org", [url])

    assert clean == "login ***:*** refused while submitting to ***"

"""``kzfacts demo``: the offline story works, never alerts real channels, never eats a real
warehouse."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from rich.console import Console

from extractors.errors import KzfactsError
from flows.demo import run_demo
from tests.receivers import WebhookReceiver
from warehouse.db import connect
from warehouse.runs import start_run


def test_demo_shows_facts_a_change_and_its_alert_without_sending_it(
    prefect_harness: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    console = Console(record=True, width=120)
    with WebhookReceiver() as hook:
        monkeypatch.setenv("KZFACTS_ALERT_URLS", json.dumps([hook.apprise_url()]))
        run_demo(tmp_path / "demo.duckdb", console)
        assert hook.bodies == []  # made-up alerts never reach a configured channel

    shown = console.export_text()
    assert "9 releases stored" in shown
    assert "revised" in shown and "$1.5 billion -> $1.8 billion" in shown
    assert "delayed" in shown and "2028 -> 2029" in shown
    assert "Before (" in shown and "Now (" in shown  # the alert text quotes both sentences
    con = duckdb.connect(str(tmp_path / "demo.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM alert_outbox WHERE status = 'pending'"
                       ).fetchone() == (2,)
    con.close()


def test_demo_refuses_to_replace_a_real_warehouse(tmp_path: Path) -> None:
    real = tmp_path / "kzfacts.duckdb"
    con = connect(real)
    start_run(con, "run", "https://primeminister.kz", ["en"])
    con.close()

    with pytest.raises(KzfactsError, match="non-demo run"):
        run_demo(real, Console())

    con = duckdb.connect(str(real), read_only=True)
    assert con.execute("SELECT command FROM runs").fetchall() == [("run",)]
    con.close()


def test_demo_refuses_a_file_that_is_not_a_warehouse(tmp_path: Path) -> None:
    notes = tmp_path / "notes.duckdb"
    notes.write_text("my notes", encoding="utf-8")

    with pytest.raises(KzfactsError, match="not a kzfacts demo warehouse"):
        run_demo(notes, Console())
    assert notes.read_text(encoding="utf-8") == "my notes"

"""Change detection: compare reports (not extractor versions), alert once, in one transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import duckdb
import pytest

from tests.warehouse.conftest import fd, gold_fact, make_doc, release_of, report
from warehouse import changes as changes_module
from warehouse.changes import Thresholds, detect_changes
from warehouse.db import transaction
from warehouse.facts import store_facts
from warehouse.projects import resolve_all
from warehouse.releases import store_release_version

JUNE, OCT, DEC = "2025-06-10T10:00:00+05:00", "2025-10-02T15:00:00+05:00", "2025-12-01T09:00:00+05:00"


def changes(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cur = con.execute("SELECT * FROM changes ORDER BY metric, new_published, change_id")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def outbox(con: duckdb.DuckDBPyConnection) -> list[tuple[Any, ...]]:
    return con.execute("SELECT change_id, run_id, status FROM alert_outbox ORDER BY created_at"
                       ).fetchall()


def two_reports(con: duckdb.DuckDBPyConnection, old: list[dict[str, Any]],
                new: list[dict[str, Any]], **thresholds: Any) -> list[dict[str, Any]]:
    """June report in run-1, October report in run-2, changes detected after each run."""
    report(con, 1, JUNE, old, run_id="run-1")
    detect_changes(con, "run-1", Thresholds(**thresholds))
    report(con, 2, OCT, new, run_id="run-2")
    detect_changes(con, "run-2", Thresholds(**thresholds))
    return changes(con)


def test_revised_investment_with_delta_and_both_sentences(con: duckdb.DuckDBPyConnection) -> None:
    rows = two_reports(con, [fd("investment", 1.5e9, "USD", sentence="It costs $1.5 billion.")],
                       [fd("investment", 1.8e9, "USD", sentence="It now costs $1.8 billion.")])
    assert len(rows) == 1
    c = rows[0]
    assert (c["change"], c["old_value"], c["new_value"], c["old_unit"]) == (
        "revised", 1.5e9, 1.8e9, "USD")
    assert c["delta"] == pytest.approx(3e8) and c["delta_pct"] == pytest.approx(20.0)
    assert (c["old_sentence"], c["new_sentence"]) == ("It costs $1.5 billion.",
                                                      "It now costs $1.8 billion.")
    assert c["old_url"].endswith("-1") and c["new_url"].endswith("-2")
    assert (c["project"], c["is_edit"], c["run_id"]) == ("copper smelter", False, "run-2")
    assert outbox(con) == [(c["change_id"], "run-2", "pending")]


def test_launch_slipping_a_year_is_delayed(con: duckdb.DuckDBPyConnection) -> None:
    rows = two_reports(con, [fd("commissioning", 2028.0, "year", when="2028")],
                       [fd("commissioning", 2029.0, "year", when="2029")])
    assert [(c["change"], c["old_value"], c["new_value"], c["delta"]) for c in rows] == [
        ("delayed", 2028.0, 2029.0, 1.0)]
    assert len(outbox(con)) == 1


def test_launch_moved_earlier_is_brought_forward(con: duckdb.DuckDBPyConnection) -> None:
    rows = two_reports(con, [fd("commissioning", 2029.0, "year")],
                       [fd("commissioning", 2027.0, "year")])
    assert [(c["change"], c["delta"]) for c in rows] == [("brought_forward", -2.0)]


def test_status_transition(con: duckdb.DuckDBPyConnection) -> None:
    rows = two_reports(con, [fd("status", "planned", None)],
                       [fd("status", "under_construction", None)])
    assert [(c["change"], c["old_value_text"], c["new_value_text"]) for c in rows] == [
        ("status", "planned", "under_construction")]
    payload = con.execute("SELECT payload->>'old_value', payload->>'new_value' FROM alert_outbox"
                          ).fetchone()
    assert payload == ("planned", "under_construction")


def test_other_currency_is_restated_and_not_alerted_by_default(
        con: duckdb.DuckDBPyConnection) -> None:
    rows = two_reports(con, [fd("investment", 1.5e9, "USD")], [fd("investment", 7.5e11, "KZT")])
    assert [(c["change"], c["old_unit"], c["new_unit"], c["delta"]) for c in rows] == [
        ("restated", "USD", "KZT", None)]
    assert outbox(con) == []


def test_restated_is_alerted_when_asked(con: duckdb.DuckDBPyConnection) -> None:
    two_reports(con, [fd("investment", 1.5e9, "USD")], [fd("investment", 7.5e11, "KZT")],
                restated=True)
    assert len(outbox(con)) == 1


def test_qualifier_only_difference_is_not_a_change(con: duckdb.DuckDBPyConnection) -> None:
    rows = two_reports(con, [fd("investment", 1.5e9, "USD", qualifier="approx")],
                       [fd("investment", 1.5e9, "USD", qualifier="eq")])
    assert rows == [] and outbox(con) == []


def test_an_edited_release_is_an_edit_change(con: duckdb.DuckDBPyConnection) -> None:
    report(con, 1, JUNE, [fd("investment", 1.5e9, "USD")], run_id="run-1", text="First text.")
    detect_changes(con, "run-1")
    version = report(con, 1, JUNE, [fd("investment", 1.7e9, "USD")], run_id="run-2",
                     text="Edited text.")
    detect_changes(con, "run-2")
    assert version == 2
    (c,) = changes(con)
    assert (c["change"], c["is_edit"], c["old_release_id"], c["new_release_id"]) == (
        "revised", True, 1, 1)
    assert (c["old_version"], c["new_version"], c["new_value"]) == (1, 2, 1.7e9)
    assert len(outbox(con)) == 1


def test_same_day_english_and_russian_are_one_report(con: duckdb.DuckDBPyConnection) -> None:
    report(con, 1, JUNE, [fd("investment", 1.5e9, "USD")], run_id="run-1")
    report(con, 1, JUNE, [fd("investment", 1.4e9, "USD", project="медеплавильный завод")],
           lang="ru", run_id="run-1")
    detect_changes(con, "run-1")
    assert changes(con) == []


def test_a_late_translation_adds_no_second_change(con: duckdb.DuckDBPyConnection) -> None:
    report(con, 1, JUNE, [fd("investment", 1.5e9, "USD")], run_id="run-1")
    report(con, 2, OCT, [fd("investment", 1.8e9, "USD")], run_id="run-2")
    detect_changes(con, "run-2")
    report(con, 2, OCT, [fd("investment", 1.8e9, "USD", project="медеплавильный завод")],
           lang="ru", run_id="run-3")
    assert detect_changes(con, "run-3") == []
    assert len(changes(con)) == 1 and len(outbox(con)) == 1


def test_re_extraction_adds_no_change_and_no_alert(con: duckdb.DuckDBPyConnection) -> None:
    two_reports(con, [fd("investment", 1.5e9, "USD")], [fd("investment", 1.8e9, "USD")])
    before = changes(con)
    # run-3 re-extracts both stored pages with a newer extractor that reads the same figures.
    report(con, 1, JUNE, [fd("investment", 1.5e9, "USD")], run_id="run-3", extractor_version="2.0")
    report(con, 2, OCT, [fd("investment", 1.8e9, "USD")], run_id="run-3", extractor_version="2.0")
    assert detect_changes(con, "run-3") == []
    assert [c["change_id"] for c in changes(con)] == [c["change_id"] for c in before]
    assert [r[1] for r in outbox(con)] == ["run-2"]


def test_re_extraction_that_corrects_history_never_alerts(con: duckdb.DuckDBPyConnection) -> None:
    two_reports(con, [fd("investment", 1.5e9, "USD")], [fd("investment", 1.5e9, "USD")])
    # The old extractor misread October; the new one reads $1.8 billion: history is corrected,
    # but the Government said it long ago and nobody is alerted.
    report(con, 2, OCT, [fd("investment", 1.8e9, "USD")], run_id="run-3", extractor_version="2.0")
    new = detect_changes(con, "run-3")
    assert [c.change for c in new] == ["revised"]
    assert outbox(con) == []


def test_outbox_is_written_in_the_changes_transaction(con: duckdb.DuckDBPyConnection,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    report(con, 1, JUNE, [fd("investment", 1.5e9, "USD")], run_id="run-1")
    report(con, 2, OCT, [fd("investment", 1.8e9, "USD")], run_id="run-2")
    resolve_all(con)

    def broken(*args: Any, **kwargs: Any) -> bool:
        raise RuntimeError("disk full")

    monkeypatch.setattr(changes_module, "queue_alerts", broken)
    with pytest.raises(RuntimeError):
        detect_changes(con, "run-2")
    assert con.execute("SELECT count(*) FROM change_events").fetchone() == (0,)
    monkeypatch.undo()
    detect_changes(con, "run-2")
    assert con.execute("SELECT count(*) FROM change_events").fetchone() == (1,)
    assert len(outbox(con)) == 1


def test_detecting_twice_adds_nothing(con: duckdb.DuckDBPyConnection) -> None:
    two_reports(con, [fd("investment", 1.5e9, "USD")], [fd("investment", 1.8e9, "USD")])
    assert detect_changes(con, "run-2") == []
    assert con.execute("SELECT count(*) FROM change_events").fetchone() == (1,)
    assert len(outbox(con)) == 1


@pytest.mark.parametrize(("metric", "unit", "new", "alerted"), [
    ("investment", "USD", 1.02e9, False), ("investment", "USD", 1.10e9, True),
    ("capacity", "t", 1.02e9, False), ("capacity", "t", 0.90e9, True),
])
def test_thresholds(con: duckdb.DuckDBPyConnection, metric: str, unit: str, new: float,
                    alerted: bool) -> None:
    rows = two_reports(con, [fd(metric, 1.0e9, unit)], [fd(metric, new, unit)])
    assert [c["change"] for c in rows] == ["revised"]
    assert rows[0]["is_material"] is alerted
    assert len(outbox(con)) == int(alerted)


def test_two_values_in_one_report_are_skipped(con: duckdb.DuckDBPyConnection) -> None:
    rows = two_reports(con, [fd("investment", 1.5e9, "USD")],
                       [fd("investment", 1.8e9, "USD"),
                        fd("investment", 0.6e9, "USD", evidence="first stage $0.6 billion")])
    assert rows == []


def test_two_currencies_are_compared_like_with_like(con: duckdb.DuckDBPyConnection) -> None:
    rows = two_reports(con, [fd("investment", 6.0e11, "KZT"), fd("investment", 1.3e9, "USD")],
                       [fd("investment", 6.0e11, "KZT"), fd("investment", 1.2e9, "USD")])
    assert [(c["change"], c["old_unit"], c["new_value"]) for c in rows] == [
        ("revised", "USD", 1.2e9)]


def test_capacity_of_different_products_is_not_compared(con: duckdb.DuckDBPyConnection) -> None:
    plant = {"project": "Qarmet modernisation programme", "company": "Qarmet", "region": "KZ-35"}
    rows = two_reports(
        con, [fd("capacity", 9e6, "t", product="coal", **plant),
              fd("capacity", 5e6, "t", product="steel", **plant)],
        [fd("capacity", 6e6, "t", product="steel", **plant)])
    assert [(c["change"], c["family"], c["old_value"], c["new_value"]) for c in rows] == [
        ("revised", "steel/", 5e6, 6e6)]


def test_capacity_of_a_product_named_more_precisely_later_is_compared(
        con: duckdb.DuckDBPyConnection) -> None:
    plant = {"project": "Stadler car plant", "company": "Stadler", "region": "KZ-71",
             "period": "year"}
    rows = two_reports(con, [fd("capacity", 150.0, "units", product="car", **plant)],
                       [fd("capacity", 200.0, "units", product="passenger car", **plant)])
    assert [(c["change"], c["old_value"], c["new_value"]) for c in rows] == [
        ("revised", 150.0, 200.0)]


def test_two_precise_products_without_a_broader_one_are_not_compared(
        con: duckdb.DuckDBPyConnection) -> None:
    plant = {"project": "acid complex", "company": "KazAzot", "region": "KZ-47"}
    rows = two_reports(con, [fd("capacity", 500e3, "t", product="sulphuric acid", **plant)],
                       [fd("capacity", 180e3, "t", product="nitric acid", **plant)])
    assert rows == []


def test_people_at_work_on_a_site_today_are_not_compared_with_the_planned_jobs(
        con: duckdb.DuckDBPyConnection) -> None:
    rows = two_reports(
        con, [fd("jobs", 2500.0, "jobs", kind="construction", qualifier="max")],
        [fd("jobs", 1800.0, "jobs", kind="construction", flags=["current_headcount"])])
    assert rows == []
    # a later plan is compared with the earlier plan, across the snapshot
    report(con, 3, "2026-01-15T10:00:00+05:00",
           [fd("jobs", 3000.0, "jobs", kind="construction", qualifier="max")], run_id="run-3")
    detect_changes(con, "run-3", Thresholds())
    assert [(c["old_value"], c["new_value"]) for c in changes(con)] == [(2500.0, 3000.0)]


def test_a_joined_product_is_not_narrowed_to_its_last_member() -> None:
    assert changes_module._broader_products({"tomatoes and cucumbers", "cucumbers"}) == {}
    assert changes_module._broader_products({"passenger car", "car"}) == {"passenger car": "car"}


def test_jobs_of_different_kinds_are_not_compared(con: duckdb.DuckDBPyConnection) -> None:
    rows = two_reports(con, [fd("jobs", 1000.0, "jobs", kind="permanent")],
                       [fd("jobs", 3000.0, "jobs", kind="construction")])
    assert rows == []


def test_a_whole_run_fits_in_one_transaction(con: duckdb.DuckDBPyConnection) -> None:
    # DESIGN: one transaction per run. Facts inserted, resolved (UPDATE of rows inserted in the
    # same transaction), changes and outbox written, all before COMMIT.
    report(con, 1, JUNE, [fd("investment", 1.5e9, "USD")], run_id="run-1")
    detect_changes(con, "run-1")
    with transaction(con):
        doc = make_doc(2, OCT, facts=[fd("investment", 1.8e9, "USD")])
        release = release_of(doc)
        stored = store_release_version(con, release, None, "run-2", datetime.fromisoformat(OCT))
        store_facts(con, [gold_fact(f) for f in doc["facts"]], lang="en", release_id=2,
                    version=stored.version, run_id="run-2", extractor_version="1.0")
        resolve_all(con)
        new = detect_changes(con, "run-2")
    assert [c.change for c in new] == ["revised"]
    assert outbox(con)[0][1] == "run-2"

"""Read helpers for the CLI: changes, one project's history, the project list."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest

from tests.warehouse.conftest import fd, report
from warehouse.changes import detect_changes
from warehouse.queries import list_changes, list_projects, project_history


@pytest.fixture
def filled(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    report(con, 1, "2024-06-03T18:20:00+05:00", [fd("investment", 1.5e9, "USD"),
                                                 fd("commissioning", 2028.0, "year")])
    report(con, 2, "2025-05-16T16:40:00+05:00",
           [fd("investment", 1.8e9, "USD", project="медеплавильный завод")], lang="ru")
    report(con, 3, "2025-10-21T14:05:00+05:00", [fd("commissioning", 2029.0, "year")])
    detect_changes(con, "run-1")
    return con


def test_list_changes_is_jsonl_friendly_and_filters_by_date(filled: duckdb.DuckDBPyConnection) -> None:
    rows = list_changes(filled)
    assert [(r["change"], r["metric"]) for r in rows] == [("delayed", "commissioning"),
                                                          ("revised", "investment")]
    json.dumps(rows)  # every value serialisable
    assert [r["change"] for r in list_changes(filled, since=date(2025, 6, 1))] == ["delayed"]
    assert list_changes(filled, since=date(2026, 1, 1)) == []


def test_project_history_by_id_or_label_in_any_language(filled: duckdb.DuckDBPyConnection) -> None:
    by_label = project_history(filled, "медеплавильный")
    assert [(r["metric"], r["value"], r["lang"]) for r in by_label] == [
        ("commissioning", 2028.0, "en"), ("commissioning", 2029.0, "en"),
        ("investment", 1.5e9, "en"), ("investment", 1.8e9, "ru")]
    assert project_history(filled, by_label[0]["project_id"]) == by_label
    assert project_history(filled, "no such project") == []


def test_list_projects_with_counts(filled: duckdb.DuckDBPyConnection) -> None:
    (row,) = list_projects(filled, "smelter")
    assert (row["label"], row["facts"], row["changes"], row["region"]) == (
        "copper smelter", 4, 2, "KZ-10")
    assert list_projects(filled, "zzz") == []
    assert len(list_projects(filled)) == 1

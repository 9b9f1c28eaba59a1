"""The analysts' views over the whole dev set: history, current figures and changes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import duckdb
import pytest

from tests.warehouse.conftest import gold_docs, load_doc
from warehouse.changes import detect_changes
from warehouse.db import connect


@pytest.fixture(scope="module")
def dev() -> Iterator[duckdb.DuckDBPyConnection]:
    con = connect(":memory:")
    for doc in gold_docs():
        load_doc(con, doc)
    detect_changes(con, "run-1")  # resolves first: the facts have no project yet
    yield con
    con.close()


def project_id(con: duckdb.DuckDBPyConnection, alias: str) -> str:
    row = con.execute("SELECT project_id FROM projects WHERE list_contains(aliases, ?)",
                      [alias]).fetchone()
    assert row is not None
    return str(row[0])


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    return con.execute(sql, params).fetchall()


def test_copper_smelter_history_spans_three_languages_and_years(
        dev: duckdb.DuckDBPyConnection) -> None:
    pid = project_id(dev, "copper mill")
    history = rows(dev, "SELECT report_date::VARCHAR, lang, value FROM figure_history"
                        " WHERE project_id = ? AND metric = 'investment' ORDER BY report_date, lang",
                   [pid])
    assert history == [("2024-06-03", "en", 1.5e9), ("2024-06-03", "en", 1.5e9),
                       ("2024-06-03", "ru", 1.5e9), ("2024-09-10", "ru", 1.5e9)]


def test_current_figures_show_the_latest_report(dev: duckdb.DuckDBPyConnection) -> None:
    pid = project_id(dev, "copper mill")
    current = dict(rows(dev, "SELECT metric, coalesce(value_text, value::VARCHAR)"
                             " FROM current_figures WHERE project_id = ? AND kind IS NULL"
                             " AND metric IN ('status', 'investment', 'commissioning')", [pid]))
    assert current == {"status": "under_construction", "investment": "1500000000.0",
                       "commissioning": "2028.0"}
    qarmet = rows(dev, "SELECT product, value FROM current_figures WHERE project_id = ?"
                       " AND metric = 'capacity' ORDER BY product",
                  [project_id(dev, "Qarmet modernisation programme")])
    assert qarmet == [("coal", 9e6), ("iron ore concentrate", 5e6), ("steel", 5e6)]


def test_changes_of_the_dev_set(dev: duckdb.DuckDBPyConnection) -> None:
    found = rows(dev, "SELECT project, metric, change, old_value, new_value, old_value_text,"
                      " new_value_text, old_published::DATE::VARCHAR, new_published::DATE::VARCHAR"
                      " FROM changes WHERE project_id IN (?, ?) ORDER BY project, metric",
                 [project_id(dev, "Bakhty-Ayagoz railway"), project_id(dev, "copper mill")])
    assert found == [
        ("Bakhty-Ayagoz railway", "commissioning", "delayed", 2024.0, 2027.0, None, None,
         "2023-06-14", "2025-08-14"),
        ("Bakhty-Ayagoz railway", "size", "revised", 270.0, 303.0, None, None,
         "2023-06-14", "2025-08-14"),
        ("copper smelting plant", "status", "status", None, None, "planned",
         "under_construction", "2024-06-03", "2025-05-16"),
    ]
    sentences = rows(dev, "SELECT old_sentence, new_sentence FROM changes WHERE project_id = ?"
                          " AND metric = 'commissioning'",
                     [project_id(dev, "Bakhty-Ayagoz railway")])
    assert "2027" in sentences[0][1] and "2024" in sentences[0][0]


def test_qualifier_only_and_cross_language_differences_raise_nothing(
        dev: duckdb.DuckDBPyConnection) -> None:
    # The HBI plant: "up to $1.2bn" (May, en and ru) then "over $1.2 billion" (October).
    pid = project_id(dev, "hot-briquetted iron plant")
    assert rows(dev, "SELECT change FROM changes WHERE project_id = ?", [pid]) == []
    assert len(rows(dev, "SELECT 1 FROM figure_history WHERE project_id = ?"
                         " AND metric = 'investment'", [pid])) == 3


def test_capacity_of_one_product_family_is_one_current_figure(
        dev: duckdb.DuckDBPyConnection) -> None:
    pid = project_id(dev, "copper mill")
    capacity = rows(dev, "SELECT product, product_family, value, report_date::VARCHAR, lang"
                         " FROM current_figures WHERE project_id = ? AND metric = 'capacity'",
                    [pid])
    assert capacity == [("copper cathode", "copper", 300000.0, "2025-05-16", "en")]
    assert rows(dev, "SELECT family FROM product_families WHERE product = ?",
                ["hot-briquetted iron"]) == [("iron",)]

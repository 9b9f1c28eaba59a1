"""Storing facts: append-only, idempotent, the latest extraction of a version counts."""

from __future__ import annotations

import duckdb

from tests.warehouse.conftest import fd, gold_docs, load_doc, report
from warehouse.db import transaction
from warehouse.facts import store_facts


def _latest(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(
        "SELECT metric, value, unit, extractor_version FROM latest_facts ORDER BY metric").fetchall()


def test_gold_release_facts_are_stored_with_facts_md_fields(con: duckdb.DuckDBPyConnection) -> None:
    doc = next(d for d in gold_docs() if d["id"] == "dev-en-000")
    load_doc(con, doc)
    assert con.execute("SELECT count(*) FROM facts").fetchone() == (len(doc["facts"]),)
    row = con.execute(
        "SELECT value, unit, qualifier, \"when\", evidence, start, \"end\", region, company,"
        " sentence FROM facts WHERE metric = 'commissioning'").fetchone()
    assert row is not None
    assert row[:8] == (2029.0, "year", "eq", "2029", "in 2029", row[5], row[6], "KZ-47")
    assert doc["text"][row[5]:row[6]] == "in 2029"
    assert row[8] == "KazAzot Prime" and "commissioning is expected in 2029" in row[9]
    status = con.execute("SELECT value, value_text FROM facts WHERE metric = 'status'"
                         " AND project = 'copper smelting plant'").fetchone()
    assert status == (None, "under_construction")


def test_storing_the_same_extraction_twice_adds_nothing(con: duckdb.DuckDBPyConnection) -> None:
    facts = [fd("investment", 1.5e9, "USD")]
    report(con, 1, "2025-06-01T10:00:00+05:00", facts)
    report(con, 1, "2025-06-01T10:00:00+05:00", facts)
    assert con.execute("SELECT count(*) FROM facts").fetchone() == (1,)
    assert con.execute("SELECT count(*) FROM extractions").fetchone() == (1,)


def test_store_facts_returns_zero_for_a_known_extraction(con: duckdb.DuckDBPyConnection) -> None:
    doc = next(d for d in gold_docs() if d["id"] == "dev-en-005")
    load_doc(con, doc)
    with transaction(con):
        added = store_facts(con, [], lang="en", release_id=40005, version=1, run_id="run-2",
                            extractor_version="1.0")
    assert added == 0
    assert con.execute("SELECT count(*) FROM facts").fetchone() == (4,)


def test_re_extraction_appends_and_the_latest_set_counts(con: duckdb.DuckDBPyConnection) -> None:
    report(con, 1, "2025-06-01T10:00:00+05:00", [fd("investment", 1.5e9, "USD")])
    report(con, 1, "2025-06-01T10:00:00+05:00",
           [fd("investment", 1.5e9, "USD"), fd("jobs", 1000.0, "jobs")], extractor_version="2.0")
    assert con.execute("SELECT count(*) FROM facts").fetchone() == (3,)
    assert _latest(con) == [("investment", 1.5e9, "USD", "2.0"), ("jobs", 1000.0, "jobs", "2.0")]


def test_an_empty_re_extraction_hides_the_old_facts(con: duckdb.DuckDBPyConnection) -> None:
    report(con, 1, "2025-06-01T10:00:00+05:00", [fd("investment", 1.5e9, "USD")])
    report(con, 1, "2025-06-01T10:00:00+05:00", [], extractor_version="2.0")
    assert _latest(con) == []
    assert con.execute("SELECT facts FROM extractions WHERE extractor_version = '2.0'"
                       ).fetchone() == (0,)


def test_project_id_can_be_set_in_the_transaction_that_inserted_the_fact(
        con: duckdb.DuckDBPyConnection) -> None:
    # DuckDB refuses some updates of rows inserted in the same transaction (indexed columns);
    # the resolver updates facts.project_id right after store_facts, so this must work.
    with transaction(con):
        con.execute("INSERT INTO extractions VALUES ('en', 1, 1, '1.0', 'r', now(), 1)")
        con.execute(
            "INSERT INTO facts (lang, release_id, version, metric, value, qualifier, scope,"
            " project, evidence, fact_hash, extractor_version, run_id, extracted_at)"
            " VALUES ('en', 1, 1, 'jobs', 5, 'eq', 'project', 'x', '5 jobs', 'h', '1.0', 'r', now())")
        con.execute("UPDATE facts SET project_id = 'p-1'")
        con.execute("UPDATE facts SET project_id = 'p-2'")
    assert con.execute("SELECT project_id FROM facts").fetchone() == ("p-2",)

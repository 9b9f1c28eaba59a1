"""Curation: analysts' merges and splits change history and changes, and survive re-resolution."""

from __future__ import annotations

import duckdb
import pytest

from extractors.errors import CurationError
from tests.warehouse.conftest import fd, report
from warehouse.changes import detect_changes
from warehouse.projects import merge_projects, resolve_all, split_project

JUNE, OCT = "2025-06-16T10:00:00+05:00", "2025-06-17T10:45:00+05:00"
GASIFICATION = {"project": "coal gasification plant", "product": "gas", "region": "KZ-35"}


def history_ids(con: duckdb.DuckDBPyConnection) -> dict[int, str]:
    return dict(con.execute("SELECT release_id, project_id FROM figure_history").fetchall())


def project_of(con: duckdb.DuckDBPyConnection, release_id: int) -> str:
    return history_ids(con)[release_id]


@pytest.fixture
def two_companies(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """One coal gasification plant reported under two companies: two projects until merged."""
    report(con, 1, JUNE, [fd("investment", 1.0e9, "USD", company="Shandong Energy Group",
                             **GASIFICATION)], run_id="run-1")
    report(con, 2, OCT, [fd("investment", 1.3e9, "USD", company="QazaqGaz", **GASIFICATION)],
           run_id="run-2")
    detect_changes(con, "run-2")
    return con


def test_merge_joins_history_and_raises_the_change(two_companies: duckdb.DuckDBPyConnection) -> None:
    con = two_companies
    keep, gone = project_of(con, 1), project_of(con, 2)
    assert keep != gone
    assert con.execute("SELECT count(*) FROM changes").fetchone() == (0,)
    merge_projects(con, keep, gone, "QazaqGaz and Shandong build it together", curated_by="ak")
    assert set(history_ids(con).values()) == {keep}
    row = con.execute("SELECT project_id, change, old_value, new_value, run_id FROM changes"
                      ).fetchall()
    assert row == [(keep, "revised", 1.0e9, 1.3e9, None)]
    assert con.execute("SELECT count(*) FROM projects WHERE project_id = ?", [gone]).fetchone() == (0,)
    # Curation never alerts: the Government said nothing new.
    assert con.execute("SELECT count(*) FROM alert_outbox").fetchone() == (0,)


def test_a_merge_survives_re_resolution(two_companies: duckdb.DuckDBPyConnection) -> None:
    con = two_companies
    keep, gone = project_of(con, 1), project_of(con, 2)
    merge_projects(con, keep, gone, "same plant")
    result = resolve_all(con)
    assert result.facts_updated == 0
    assert set(history_ids(con).values()) == {keep}


def test_split_undoes_a_merge_and_retracts_its_change(
        two_companies: duckdb.DuckDBPyConnection) -> None:
    con = two_companies
    keep, gone = project_of(con, 1), project_of(con, 2)
    merge_projects(con, keep, gone, "same plant")
    new_id = split_project(con, keep, [2], "QazaqGaz gasification plant",
                           "they are two plants after all")
    assert history_ids(con) == {1: keep, 2: new_id}
    assert con.execute("SELECT count(*) FROM changes").fetchone() == (0,)
    assert con.execute("SELECT retracted_at IS NOT NULL FROM change_events").fetchall() == [(True,)]
    assert con.execute("SELECT label FROM projects WHERE project_id = ?", [new_id]).fetchone() == (
        "QazaqGaz gasification plant",)


def test_split_by_label_pattern(con: duckdb.DuckDBPyConnection) -> None:
    report(con, 1, JUNE, [fd("jobs", 30000.0, "jobs", project="Qarmet enterprise",
                             company="Qarmet", region="KZ-35", product=None)])
    report(con, 2, OCT, [fd("jobs", 2000.0, "jobs", project="Qarmet modernisation programme",
                            company="Qarmet", region="KZ-35", product=None)])
    detect_changes(con, "run-1")
    (pid,) = set(history_ids(con).values())
    assert [r[0] for r in con.execute("SELECT change FROM changes").fetchall()] == ["revised"]
    split_project(con, pid, r"enterprise$", "Qarmet (whole enterprise)",
                  "employment of the enterprise is not jobs of the programme")
    assert len(set(history_ids(con).values())) == 2
    assert con.execute("SELECT count(*) FROM changes").fetchone() == (0,)


@pytest.mark.parametrize(("keep", "gone", "message"), [
    ("p-nope", None, "unknown project 'p-nope'"),
    (None, "p-nope", "unknown project 'p-nope'"),
    (None, None, "with itself"),
])
def test_merge_refuses_bad_requests(two_companies: duckdb.DuckDBPyConnection, keep: str | None,
                                    gone: str | None, message: str) -> None:
    con = two_companies
    keep_id = keep or project_of(con, 1)
    gone_id = gone or (keep_id if keep is None and gone is None else project_of(con, 2))
    with pytest.raises(CurationError, match=message):
        merge_projects(con, keep_id, gone_id, "note")
    assert con.execute("SELECT count(*) FROM project_curation").fetchone() == (0,)


def test_portfolio_and_project_cannot_merge(two_companies: duckdb.DuckDBPyConnection) -> None:
    con = two_companies
    report(con, 3, OCT, [fd("count", 5.0, "projects", scope="portfolio",
                            project="5 major initiatives", company=None)])
    resolve_all(con)
    portfolio = project_of(con, 3)
    with pytest.raises(CurationError, match="cannot merge portfolio"):
        merge_projects(con, project_of(con, 1), portfolio, "note")


@pytest.mark.parametrize(("selector", "message"), [
    ([99], "would move no fact"),
    ([1, 2], "would move every fact"),
    ("(", "invalid label pattern"),
    ([], "needs release ids or a label pattern"),
])
def test_split_refuses_bad_requests(two_companies: duckdb.DuckDBPyConnection,
                                    selector: list[int] | str, message: str) -> None:
    con = two_companies
    merge_projects(con, project_of(con, 1), project_of(con, 2), "same plant")
    with pytest.raises(CurationError, match=message):
        split_project(con, project_of(con, 1), selector, "x", "n")
    assert con.execute("SELECT count(*) FROM project_curation WHERE action = 'split'"
                       ).fetchone() == (0,)


def test_split_of_unknown_project(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(CurationError, match="unknown project"):
        split_project(con, "p-missing", [1], "x", "n")

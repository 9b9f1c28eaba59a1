"""The ``kzfacts`` commands over a warehouse filled by two runs of the flow on the demo site."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest
from click.testing import Result
from typer.testing import CliRunner

from flows.cli import app
from flows.localsite import LocalSite, load_demo_releases

NEWEST = (datetime.now(UTC) - timedelta(days=1)).replace(second=0, microsecond=0)
runner = CliRunner()


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables as on a wide terminal, so that ids and figures are not folded."""
    from flows import cli

    monkeypatch.setattr(cli.console, "width", 220)


@pytest.fixture(scope="module")
def warehouse(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A warehouse after a first night and a night in which the copper plant's release was
    edited ($1.5 bn -> $1.8 bn, 2028 -> 2029)."""
    db = tmp_path_factory.mktemp("cli") / "kz.duckdb"
    with LocalSite(load_demo_releases(newest_at=NEWEST)) as site:
        args = ["run", "--db", str(db), "--base-url", site.base_url, "--delay", "0"]
        first = runner.invoke(app, args)
        assert first.exit_code == 0, first.output
        site.set_releases(load_demo_releases(edited=True, newest_at=NEWEST))
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("KZFACTS_REFETCH_DAYS", "90")
            second = runner.invoke(app, args)
        assert second.exit_code == 0, second.output
    yield db


def _one_line_error(result: Result, *parts: str) -> None:
    """Exit code 1 with one ``error: ...`` line naming ``parts``, and no traceback."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    lines = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, result.output
    assert "Traceback" not in result.output
    for part in parts:
        assert part in lines[0], lines[0]


def _count(db: Path, table: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def test_changes_jsonl_gives_both_figures_dates_urls_and_sentences(warehouse: Path) -> None:
    result = runner.invoke(app, ["changes", "--format", "jsonl", "--db", str(warehouse)])

    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    money = [r for r in rows if r["metric"] == "investment"]
    assert len(money) == 1
    change = money[0]
    assert (change["change"], change["old_value"], change["new_value"]) == (
        "revised", 1.5e9, 1.8e9)
    assert change["old_unit"] == change["new_unit"] == "USD"
    assert "$1.5 billion" in change["old_sentence"] and "$1.8 billion" in change["new_sentence"]
    assert change["old_url"].endswith("-31620") and change["new_url"].endswith("-31620")
    for field in ("project_id", "project", "kind", "old_published", "new_published"):
        assert field in change
    launch = [r for r in rows if r["metric"] == "commissioning"]
    assert [(r["change"], r["old_value"], r["new_value"]) for r in launch] == [
        ("delayed", 2028.0, 2029.0)]


def test_changes_since_a_future_date_is_empty(warehouse: Path) -> None:
    result = runner.invoke(app, ["changes", "--since", "2999-01-01", "--format", "jsonl",
                                 "--db", str(warehouse)])
    assert result.exit_code == 0 and result.stdout.strip() == ""


def test_bad_date_is_a_clear_error(warehouse: Path) -> None:
    result = runner.invoke(app, ["changes", "--since", "yesterday", "--db", str(warehouse)])
    assert result.exit_code != 0
    assert "not a date" in result.output


def test_history_shows_both_reports_and_writes_a_chart(warehouse: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["history", "copper", "--db", str(warehouse)])

    assert result.exit_code == 0, result.output
    assert "$1.5 billion" in result.output and "$1.8 billion" in result.output

    con = duckdb.connect(str(warehouse), read_only=True)
    (launch_project,) = con.execute(
        "SELECT project_id FROM changes WHERE metric = 'commissioning'").fetchone()
    con.close()
    chart = tmp_path / "launch.svg"
    drawn = runner.invoke(app, ["history", launch_project, "--chart", str(chart),
                                "--db", str(warehouse)])
    assert drawn.exit_code == 0, drawn.output
    svg = chart.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and ">2028<" in svg and ">2029<" in svg


def _history_rows(output: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.split("│")[1:-1]]
            for line in output.splitlines() if line.startswith("│")]


def test_history_tells_versions_apart(warehouse: Path) -> None:
    result = runner.invoke(app, ["history", "copper", "--db", str(warehouse)])

    assert result.exit_code == 0, result.output
    header = next(line for line in result.output.splitlines() if "published" in line)
    assert [c.strip() for c in header.split("┃")[1:-1]][:3] == ["published", "v", "metric"]
    money = {(row[1], row[4]) for row in _history_rows(result.output)
             if row[2] == "investment" and row[5] == "en"}
    assert money == {("1", "$1.5 billion"), ("2", "$1.8 billion")}


def test_history_of_several_projects_names_each(warehouse: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from flows import cli

    monkeypatch.setattr(cli.console, "width", 400)
    result = runner.invoke(app, ["history", "plant", "--db", str(warehouse)])

    assert result.exit_code == 0, result.output
    assert "history of 3 projects matching 'plant'" in result.output
    projects = {row[0].split(" (p-")[0] for row in _history_rows(result.output)}
    assert projects == {"copper smelting plant near Aktogay", "wind power plant", "sugar plant"}


def test_history_chart_in_a_missing_folder_is_one_clear_error(warehouse: Path,
                                                              tmp_path: Path) -> None:
    chart = tmp_path / "missing" / "c.svg"
    result = runner.invoke(app, ["history", "copper", "--chart", str(chart),
                                 "--db", str(warehouse)])

    _one_line_error(result, "cannot write chart", str(chart))
    assert "$1.8 billion" in result.output  # the table is still shown


def test_history_of_unknown_project_fails_clearly(warehouse: Path) -> None:
    result = runner.invoke(app, ["history", "no-such-thing-anywhere", "--db", str(warehouse)])
    assert result.exit_code == 1
    assert "no project matches" in result.output


def test_reextract_adds_no_fact_and_no_change(warehouse: Path) -> None:
    facts, changes = _count(warehouse, "facts"), _count(warehouse, "change_events")
    outbox = _count(warehouse, "alert_outbox")

    result = runner.invoke(app, ["reextract", "--db", str(warehouse)])

    assert result.exit_code == 0, result.output
    assert "re-extracted 10 release versions" in result.output
    assert (_count(warehouse, "facts"), _count(warehouse, "change_events"),
            _count(warehouse, "alert_outbox")) == (facts, changes, outbox)


def test_sql_is_read_only_and_reports_errors(warehouse: Path) -> None:
    ok = runner.invoke(app, ["sql", "SELECT count(*) AS n FROM releases", "--db",
                             str(warehouse)])
    assert ok.exit_code == 0 and "9" in ok.output
    bad = runner.invoke(app, ["sql", "DELETE FROM releases", "--db", str(warehouse)])
    assert bad.exit_code == 1 and "query failed" in bad.output
    assert _count(warehouse, "releases") == 9


def test_sql_on_a_locked_warehouse_is_one_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "locked.duckdb"
    duckdb.connect(str(db)).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; con = duckdb.connect(sys.argv[1]);"
         " print('locked', flush=True); sys.stdin.read()", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        result = runner.invoke(app, ["sql", "SELECT 1", "--db", str(db)])
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=10)

    _one_line_error(result, f"cannot open {db}", "lock")


def test_sql_on_a_file_that_is_no_warehouse_is_one_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "notes.duckdb"
    db.write_text("not a database", encoding="utf-8")
    result = runner.invoke(app, ["sql", "SELECT 1", "--db", str(db)])
    _one_line_error(result, f"cannot open {db}")


@pytest.mark.parametrize("args", [
    ["status"], ["changes"], ["history", "copper"], ["projects", "list"], ["sql", "SELECT 1"],
    ["projects", "merge", "p-000000000001", "p-000000000002"],
    ["projects", "split", "p-000000000001", "--release", "1", "--label", "x"],
    ["projects", "resolve"], ["reextract"],
])
def test_reading_and_curating_refuse_a_missing_warehouse(args: list[str], tmp_path: Path) -> None:
    db = tmp_path / "none.duckdb"
    result = runner.invoke(app, [*args, "--db", str(db)])
    _one_line_error(result, f"no warehouse at {db}", "kzfacts run")
    assert not db.exists()


@pytest.mark.parametrize("command", [["run"], ["backfill", "--since", "2025-01-01"]])
def test_run_and_backfill_refuse_a_missing_folder_before_the_flow(
        command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from flows import cli

    def no_flow(**params: object) -> None:
        raise AssertionError("the flow must not start")

    monkeypatch.setattr(cli, "_run_flow", no_flow)
    db = tmp_path / "missing" / "x.duckdb"
    result = runner.invoke(app, [*command, "--db", str(db)])
    _one_line_error(result, str(db), "does not exist")


def test_projects_list_and_merge_through_curation(warehouse: Path) -> None:
    con = duckdb.connect(str(warehouse), read_only=True)
    ids = [r[0] for r in con.execute(
        "SELECT project_id FROM projects WHERE scope = 'project' ORDER BY project_id LIMIT 2"
    ).fetchall()]
    con.close()
    listed = runner.invoke(app, ["projects", "list", "--db", str(warehouse)],
                           terminal_width=200)
    assert listed.exit_code == 0 and ids[0] in listed.output

    merged = runner.invoke(app, ["projects", "merge", ids[0], ids[1], "--note", "same plant",
                                 "--db", str(warehouse)])

    assert merged.exit_code == 0, merged.output
    con = duckdb.connect(str(warehouse), read_only=True)
    assert con.execute("SELECT count(*) FROM facts WHERE project_id = ?",
                       [ids[1]]).fetchone()[0] == 0
    assert con.execute("SELECT action, note FROM project_curation").fetchall() == [
        ("merge", "same plant")]
    con.close()
    unknown = runner.invoke(app, ["projects", "merge", ids[0], "p-000000000000", "--db",
                                  str(warehouse)])
    assert unknown.exit_code == 1


def test_extract_command_reads_json_and_reports_missing_files(tmp_path: Path) -> None:
    release = tmp_path / "r.json"
    release.write_text(json.dumps({
        "lang": "en", "published": "2025-03-01T10:00:00+05:00",
        "text": "In Pavlodar region, a new cement plant worth $120 million will be built. "
                "It will create 400 permanent jobs.",
    }), encoding="utf-8")

    result = runner.invoke(app, ["extract", str(release), str(tmp_path / "missing.txt")])

    assert result.exit_code == 1
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    assert {(f["metric"], f["value"], f["unit"]) for f in facts} >= {
        ("investment", 120e6, "USD"), ("jobs", 400, "jobs")}
    assert all(f["source"] == str(release) for f in facts)
    assert "missing.txt" in result.output


def test_serve_registers_a_nightly_cron_in_almaty_time(monkeypatch: pytest.MonkeyPatch) -> None:
    from prefect import Flow

    seen: dict[str, object] = {}
    monkeypatch.setattr(Flow, "serve", lambda self, **kw: seen.update(kw, flow=self.name))

    result = runner.invoke(app, ["serve", "--db", "/data/kz.duckdb", "--cron", "0 3 * * *"])

    assert result.exit_code == 0, result.output
    (schedule,) = seen["schedules"]  # type: ignore[misc]
    assert (seen["flow"], seen["name"]) == ("nightly", "kzfacts-nightly")
    assert (schedule.cron, schedule.timezone) == ("0 3 * * *", "Asia/Almaty")
    assert seen["parameters"] == {"db_path": "/data/kz.duckdb"}


def test_extract_lang_is_checked_and_applies_as_documented(tmp_path: Path) -> None:
    text = "Объём инвестиций оценивается в 1,5 млрд долларов."
    plain = tmp_path / "r.txt"
    plain.write_text(text, encoding="utf-8")
    release = tmp_path / "r.json"
    release.write_text(json.dumps({"lang": "ru", "text": text}), encoding="utf-8")

    def metrics(*args: str) -> list[str]:
        result = runner.invoke(app, ["extract", *args])
        assert result.exit_code == 0, result.output
        return [json.loads(line)["metric"] for line in result.stdout.splitlines()]

    assert metrics(str(plain)) == []  # a .txt is read as en
    assert metrics(str(plain), "--lang", "ru") == ["investment"]
    assert metrics(str(release)) == ["investment"]  # the .json's own lang
    assert metrics(str(release), "--lang", "en") == []  # --lang, when given, wins

    bad = runner.invoke(app, ["extract", str(plain), "--lang", "xx"])
    assert bad.exit_code == 2 and "unknown language 'xx'" in bad.output
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps({"lang": "de", "text": text}), encoding="utf-8")
    failed = runner.invoke(app, ["extract", str(odd)])
    assert failed.exit_code == 1 and "unknown language 'de'" in failed.output

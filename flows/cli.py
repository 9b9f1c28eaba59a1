"""The ``kzfacts`` command line: a thin layer over the flow, the extractor and the warehouse."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from extractors.errors import KzfactsError

app = typer.Typer(
    name="kzfacts",
    help="Watch primeminister.kz, keep reported project figures in DuckDB, alert on changes.",
    no_args_is_help=True,
    add_completion=False,
)
projects_app = typer.Typer(help="List, merge, split and re-resolve projects.", no_args_is_help=True)
app.add_typer(projects_app, name="projects")

console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[
    Path | None, typer.Option("--db", help="DuckDB warehouse file [env KZFACTS_DB_PATH].")
]
LangOption = Annotated[
    list[str] | None,
    typer.Option("--lang", help="Language to crawl: en, ru or kk (repeat for several)."),
]
BaseUrlOption = Annotated[
    str | None, typer.Option("--base-url", help="Site to crawl [env KZFACTS_BASE_URL].")
]
SinceOption = Annotated[
    str | None, typer.Option("--since", help="Only releases published on or after YYYY-MM-DD.")
]


def _quiet_prefect() -> None:
    """Before Prefect is imported: no analytics call to the network; keep the flow's progress
    lines but not a "Finished in state Completed()" line per task."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LOGGERS_PREFECT_TASK_RUNS_LEVEL", "WARNING")


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2025-06-30") from None


def _fail(message: str) -> NoReturn:
    """One line on stderr (``error: ...``, never wrapped), exit code 1."""
    err_console.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True)
    raise typer.Exit(1)


def _db_path(db: Path | None) -> Path:
    from flows.settings import load_settings

    return Path(load_settings(db_path=db).db_path)


def _existing_db_path(db: Path | None) -> Path:
    """The warehouse file of a command that only reads or curates it: it must exist already
    (opening a missing file would create and migrate an empty warehouse)."""
    path = _db_path(db)
    if not path.is_file():
        _fail(f"no warehouse at {path}; run `kzfacts run` first")
    return path


def _writable_db_path(db: Path | None) -> None:
    """Before a command that creates the warehouse starts the flow: its folder must exist."""
    path = _db_path(db)
    if str(path) == ":memory:":
        return
    if path.is_dir():
        _fail(f"cannot use {path} as the warehouse: it is a folder")
    if not path.parent.is_dir():
        _fail(f"cannot create the warehouse {path}: folder {path.parent} does not exist")


@contextmanager
def _warehouse(db: Path | None, *, must_exist: bool = False) -> Iterator[Any]:
    """The warehouse, migrated, closed when the command is done (DuckDB allows one
    read-write connection per file and process). ``must_exist``: refuse a missing file
    instead of creating an empty warehouse."""
    from warehouse.db import connect

    path = _existing_db_path(db) if must_exist else _db_path(db)
    try:
        con = connect(path)
    except KzfactsError as exc:
        _fail(str(exc))
    try:
        yield con
    except KzfactsError as exc:  # e.g. a curation request naming an unknown project
        _fail(str(exc))
    finally:
        con.close()


def _check_langs(langs: list[str] | None) -> list[str] | None:
    from extractors.release import LANGS

    for lang in langs or []:
        if lang not in LANGS:
            raise typer.BadParameter(f"unknown language {lang!r}; use one of {', '.join(LANGS)}",
                                     param_hint="'--lang'")
    return langs or None


def _run_flow(**params: Any) -> dict[str, Any]:
    _quiet_prefect()
    from flows.nightly import nightly

    return nightly(**params)


def _print_summary(summary: dict[str, Any]) -> None:
    table = Table(title=f"run {str(summary.get('run_id'))[:8]}", show_header=False)
    for key, value in summary.items():
        if key != "run_id":
            table.add_row(key.replace("_", " "), str(value))
    console.print(table)
    if summary.get("failures"):
        err_console.print(
            f"{summary['failures']} page(s) could not be read; see `kzfacts sql \"SELECT * FROM "
            "fetch_failures ORDER BY failed_at DESC\"`. Retryable ones are tried again next run. "
            "No network here? `kzfacts demo` runs on a local copy of the site.")


@app.command()
def run(
    lang: LangOption = None,
    since: SinceOption = None,
    db: DbOption = None,
    base_url: BaseUrlOption = None,
    max_pages: Annotated[int | None, typer.Option(help="Listing pages per language at most.")] = None,
    delay: Annotated[
        float | None, typer.Option(help="Seconds between requests [env KZFACTS_REQUEST_DELAY].")
    ] = None,
) -> None:
    """Run the nightly job once: discover, fetch, parse, extract, load, diff, alert."""
    langs, day = _check_langs(lang), _parse_date(since)
    _writable_db_path(db)
    summary = _run_flow(
        db_path=str(db) if db else None, base_url=base_url, langs=langs,
        since=day, max_pages=max_pages, request_delay=delay,
    )
    _print_summary(summary)


@app.command()
def backfill(
    since: Annotated[str, typer.Option(help="Go back to releases published on YYYY-MM-DD.")],
    lang: LangOption = None,
    db: DbOption = None,
    base_url: BaseUrlOption = None,
    max_pages: Annotated[int, typer.Option(help="Listing pages per language at most.")] = 500,
    delay: Annotated[float | None, typer.Option(help="Seconds between requests.")] = None,
) -> None:
    """Load the archive back to --since, showing progress."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from flows.nightly import add_progress_hook, remove_progress_hook

    langs, day = _check_langs(lang), _parse_date(since)
    _writable_db_path(db)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err_console) as progress:
        bar = progress.add_task("discovering", total=None)

        def hook(done: int, total: int, url: str, status: str) -> None:
            progress.update(bar, completed=done, total=total,
                            description=f"{status:9} {url.rsplit('/', 1)[-1][:50]}")

        add_progress_hook(hook)
        try:
            summary = _run_flow(
                db_path=str(db) if db else None, base_url=base_url, langs=langs,
                since=day, max_pages=max_pages, request_delay=delay, command="backfill",
            )
        finally:
            remove_progress_hook(hook)
    _print_summary(summary)


@app.command()
def serve(
    cron: Annotated[str, typer.Option(help="Cron schedule, Asia/Almaty time.")] = "30 2 * * *",
    name: Annotated[str, typer.Option(help="Deployment name.")] = "kzfacts-nightly",
    db: DbOption = None,
    base_url: BaseUrlOption = None,
) -> None:
    """Register the nightly deployment (cron in Asia/Almaty) and serve it until stopped.

    Use a Prefect server (``prefect server start``, PREFECT_API_URL set) so that the schedule
    and the runs persist; other settings come from the environment of this process."""
    _quiet_prefect()
    from prefect.schedules import Cron

    from flows.nightly import nightly

    parameters = {k: v for k, v in (("db_path", str(db) if db else None),
                                    ("base_url", base_url)) if v is not None}
    nightly.serve(name=name, schedules=[Cron(cron, timezone="Asia/Almaty")],
                  parameters=parameters,
                  description="kzfacts: crawl, extract, diff and alert, nightly")


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="Warehouse file for the demo.")] = Path(
        "kzfacts-demo.duckdb"),
) -> None:
    """Serve a small offline copy of the site on 127.0.0.1 and run the flow on it twice,
    with one release edited in between: facts, a change and its alert, no network needed."""
    _quiet_prefect()
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")  # the demo prints its own story
    from flows.demo import run_demo

    run_demo(db, console)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help=".txt, .html or .json release files.")],
    lang: Annotated[str | None, typer.Option(
        help="Language of the files: en, ru or kk. Without it, a .json release uses its own "
             "'lang' (a release page its URL's language) and .txt/.html files are read as en; "
             "when given, it applies to every file, .json included.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl or table.")] = "jsonl",
) -> None:
    """Extract facts from files, without the warehouse (one JSON object a line)."""
    from flows.cli_extract import extract_command

    checked = _check_langs([lang] if lang is not None else None)
    raise typer.Exit(extract_command(paths, checked[0] if checked else None, fmt))


@app.command()
def changes(
    since: SinceOption = None,
    fmt: Annotated[str, typer.Option("--format", help="table or jsonl.")] = "table",
    db: DbOption = None,
) -> None:
    """Reported figures that changed, with both sentences."""
    from warehouse.queries import list_changes

    day = _parse_date(since)
    with _warehouse(db, must_exist=True) as con:
        rows = list_changes(con, day)
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return
    if fmt != "table":
        raise typer.BadParameter("--format must be table or jsonl")
    table = Table(title=f"{len(rows)} changes")
    for col in ("project", "metric", "change", "old", "new", "old_published", "new_published"):
        table.add_column(col)
    for r in rows:
        old = r["old_value"] if r.get("old_value_text") is None else r["old_value_text"]
        new = r["new_value"] if r.get("new_value_text") is None else r["new_value_text"]
        table.add_row(str(r["project"]), str(r["metric"]), str(r["change"]),
                      _figure(old, r["old_unit"], r.get("old_qualifier"), r["metric"]),
                      _figure(new, r["new_unit"], r.get("new_qualifier"), r["metric"]),
                      str(r["old_published"])[:10], str(r["new_published"])[:10])
    console.print(table)


def _figure(value: Any, unit: Any, qualifier: Any = None, metric: Any = None) -> str:
    from flows.alert_text import format_figure

    return format_figure(value, unit, qualifier, metric)


@app.command()
def history(
    project: Annotated[str, typer.Argument(help="Project id, or words of its label.")],
    chart: Annotated[Path | None, typer.Option(help="Also write an SVG timeline here.")] = None,
    db: DbOption = None,
) -> None:
    """One project's reported figures over time."""
    from flows.chart import write_history_svg
    from warehouse.queries import project_history

    with _warehouse(db, must_exist=True) as con:
        rows = project_history(con, project)
    if not rows:
        err_console.print(f"no project matches {project!r}; see `kzfacts projects list`")
        raise typer.Exit(1)
    several = len({r.get("project_id") for r in rows}) > 1
    title = (f"history of {len({r.get('project_id') for r in rows})} projects matching {project!r}"
             if several else f"history of {rows[0].get('project') or project}")
    table = Table(title=escape(title))
    columns = ["published", "v", "metric", "kind", "figure", "lang", "sentence"]
    if several:
        columns.insert(0, "project")
    for col in columns:
        table.add_column(col, overflow="fold")
    for r in rows:
        value = r.get("value") if r.get("value_text") is None else r.get("value_text")
        cells = [str(r.get("published_at"))[:16], str(r.get("version") or ""), str(r["metric"]),
                 str(r.get("kind") or ""),
                 _figure(value, r.get("unit"), r.get("qualifier"), r["metric"]),
                 str(r.get("lang")), str(r.get("sentence"))]
        if several:
            cells.insert(0, f"{r.get('project') or ''} ({r.get('project_id')})")
        table.add_row(*(escape(c) for c in cells))
    console.print(table)
    if chart:
        try:
            write_history_svg(rows, chart)
        except OSError as exc:
            _fail(f"cannot write chart {chart}: {exc.strerror or exc}")
        console.print(f"chart written to {chart}")


@app.command()
def reextract(
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Run the current extractor over every stored release version (no fetching).

    Adds facts under the new extractor version; raises no change for figures the Government
    did not change."""
    from flows.reextract import reextract_all

    with _warehouse(db, must_exist=True) as con:
        n_versions, n_facts = reextract_all(con, _check_langs(lang),
                                            progress_console=err_console)
    console.print(f"re-extracted {n_versions} release versions: {n_facts} facts stored")


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="A SQL query over the warehouse (read-only).")],
    db: DbOption = None,
) -> None:
    """Run a read-only SQL query and print the result."""
    import duckdb

    path = _existing_db_path(db)
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:  # e.g. another process holds the file's lock
        _fail(f"cannot open {path}: {exc}")
    try:
        console.print(con.sql(query))
    except duckdb.Error as exc:
        err_console.print(f"query failed: {exc}")
        raise typer.Exit(1) from None
    finally:
        con.close()


@app.command()
def status(db: DbOption = None) -> None:
    """The latest runs and what is waiting in the alert outbox."""
    with _warehouse(db, must_exist=True) as con:
        console.print(con.sql(
            "SELECT run_id[:8] AS run, command, status, started_at, finished_at, requests,"
            " releases_new, versions_new, failures, facts_new, changes_new, error"
            " FROM runs ORDER BY started_at DESC LIMIT 10"))
        console.print(con.sql(
            "SELECT status, count(*) AS alerts FROM alert_outbox GROUP BY status"))


@projects_app.command("list")
def projects_list(
    search: Annotated[str | None, typer.Argument(help="Words of the label.")] = None,
    db: DbOption = None,
) -> None:
    """Projects known to the warehouse."""
    from warehouse.queries import list_projects

    with _warehouse(db, must_exist=True) as con:
        rows = list_projects(con, search)
    table = Table(title=f"{len(rows)} projects")
    for col in ("project_id", "label", "region", "company", "product", "facts"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(*(str(r.get(c) if r.get(c) is not None else "") for c in
                        ("project_id", "label", "region", "company", "product", "facts")))
    console.print(table)


@projects_app.command("merge")
def projects_merge(
    keep: Annotated[str, typer.Argument(help="Project id that stays.")],
    merge: Annotated[str, typer.Argument(help="Project id merged into it.")],
    note: Annotated[str, typer.Option(help="Why (kept in the curation table).")] = "",
    db: DbOption = None,
) -> None:
    """Merge two projects the resolver kept apart (recorded; obeyed on every run)."""
    from warehouse.projects import merge_projects

    with _warehouse(db, must_exist=True) as con:
        merge_projects(con, keep, merge, note)
    console.print(f"merged {merge} into {keep}")


@projects_app.command("split")
def projects_split(
    project_id: Annotated[str, typer.Argument(help="Project id to split.")],
    release: Annotated[list[int], typer.Option(help="Release id whose facts move out.")],
    label: Annotated[str, typer.Option(help="Label of the new project.")],
    note: Annotated[str, typer.Option(help="Why (kept in the curation table).")] = "",
    db: DbOption = None,
) -> None:
    """Move the facts of some releases out of a project into a new one."""
    from warehouse.projects import split_project

    with _warehouse(db, must_exist=True) as con:
        new_id = split_project(con, project_id, release, label, note)
    console.print(f"split {project_id}: new project {new_id}")


@projects_app.command("resolve")
def projects_resolve(db: DbOption = None) -> None:
    """Re-resolve every fact to its project, obeying the curation table, and bring the
    changes up to date (never alerts)."""
    from warehouse.changes import refresh_changes
    from warehouse.projects import resolve_all

    with _warehouse(db, must_exist=True) as con:
        result = resolve_all(con)
        refresh_changes(con)
    console.print(f"re-resolved {result.facts} facts into {result.projects} projects "
                  f"({result.facts_updated} facts moved)")


def main() -> None:
    """Entry point: clear one-line errors instead of tracebacks for expected failures."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except KzfactsError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        sys.exit(1)


if __name__ == "__main__":
    main()

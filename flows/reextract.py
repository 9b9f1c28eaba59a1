"""Re-run the current extractor over stored release versions, without fetching anything."""

from __future__ import annotations

import logging
from typing import Any

import duckdb
from rich.console import Console
from rich.progress import Progress

from extractors.errors import ExtractionError
from extractors.extract import EXTRACTOR_VERSIONS, extract_or_raise
from warehouse import changes, facts, projects
from warehouse.db import transaction
from warehouse.runs import finish_run, start_run

log = logging.getLogger(__name__)


def reextract_all(
    con: duckdb.DuckDBPyConnection,
    langs: list[str] | None = None,
    progress_console: Console | None = None,
) -> tuple[int, int]:
    """Extract every stored version again under the current ``EXTRACTOR_VERSIONS``, one
    transaction per version. Returns (versions processed, facts added). Versions already
    extracted by this extractor version add nothing, so a re-run is a no-op. Changes are
    recomputed without alerting: they compare the Government's reports, not our extractor
    versions."""
    where = "" if not langs else f"WHERE lang IN ({', '.join('?' for _ in langs)})"
    rows = con.execute(
        "SELECT lang, release_id, version, body_text, published_at FROM release_versions "
        f"{where} ORDER BY published_at, lang, release_id, version", langs or []
    ).fetchall()
    run_id = start_run(con, "reextract", None, langs or [])
    added = 0
    try:
        added = _extract_rows(con, rows, run_id, progress_console)
        # New facts need projects; refresh_changes recomputes changes without ever alerting.
        projects.resolve_all(con)
        changes.refresh_changes(con)
    except Exception as exc:
        finish_run(con, run_id, {"facts_new": added}, error=f"{type(exc).__name__}: {exc}")
        raise
    finish_run(con, run_id, {"facts_new": added})
    log.info("re-extracted %d versions, %d facts added", len(rows), added)
    return len(rows), added


def _extract_rows(
    con: duckdb.DuckDBPyConnection, rows: list[tuple[Any, ...]], run_id: str,
    progress_console: Console | None,
) -> int:
    """Extract each stored version, one transaction each; returns the facts added."""
    added = 0
    with Progress(console=progress_console or Console(stderr=True),
                  disable=progress_console is None) as progress:
        bar = progress.add_task("re-extracting", total=len(rows))
        for lang, release_id, version, text, published_at in rows:
            progress.advance(bar)
            try:
                found = extract_or_raise(
                    text, lang=lang, published=published_at.isoformat() if published_at else None)
            except ExtractionError as exc:  # left without an extraction: tried again next time
                log.error("release %s/%s version %s: %s", lang, release_id, version, exc)
                continue
            with transaction(con):
                added += facts.store_facts(
                    con, found, lang=lang, release_id=release_id, version=version,
                    run_id=run_id,
                    extractor_version=EXTRACTOR_VERSIONS.get(lang, f"{lang}-none"),
                )
    return added

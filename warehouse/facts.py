"""Storing facts: append-only observations, one set per extraction of a release version.

A release version may be extracted several times (a newer extractor); every extraction is kept.
The one that counts for a version is its latest extraction (``extractions.extracted_at``), even
when it found nothing: the ``latest_facts`` view applies that rule for everyone else.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import duckdb

from extractors.fact import Fact

log = logging.getLogger(__name__)

# The business columns a fact is identified by within one extraction (rule 7: a row hash over
# the business columns only, so run ids and timestamps do not make a re-run look new).
_HASHED = ("metric", "value", "value_max", "unit", "period", "qualifier", "kind", "scope",
           "project", "product", "region", "company", "target_year", "when", "evidence",
           "start", "end")


_FACT_COLUMNS = (
    ("lang", "VARCHAR"), ("release_id", "BIGINT"), ("version", "INTEGER"), ("metric", "VARCHAR"),
    ("value", "DOUBLE"), ("value_text", "VARCHAR"), ("value_max", "DOUBLE"), ("unit", "VARCHAR"),
    ("period", "VARCHAR"), ("qualifier", "VARCHAR"), ("kind", "VARCHAR"), ("scope", "VARCHAR"),
    ("project", "VARCHAR"), ("product", "VARCHAR"), ("region", "VARCHAR"),
    ("company", "VARCHAR"), ("target_year", "INTEGER"), ("when", "VARCHAR"),
    ("evidence", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"), ("sentence", "VARCHAR"),
    ("flags", "VARCHAR[]"), ("fact_hash", "VARCHAR"), ("extractor_version", "VARCHAR"),
    ("run_id", "VARCHAR"), ("extracted_at", "TIMESTAMPTZ"),
)


def bulk_insert(con: duckdb.DuckDBPyConnection, table: str,
                columns: Sequence[tuple[str, str]], rows: Sequence[Sequence[Any]]) -> None:
    """Insert ``rows`` (values in ``columns`` order, typed as given) in one statement.

    The rows travel as one bound JSON document, typed by ``from_json``: binding Python lists
    or ``executemany`` costs DuckDB tens of microseconds per value, minutes for a backfill.
    ``table`` and ``columns`` are constants of this package, never user input."""
    if not rows:
        return
    names = [name for name, _ in columns]
    structure = json.dumps([{name: kind for name, kind in columns}])
    document = json.dumps([dict(zip(names, row, strict=True)) for row in rows],
                          ensure_ascii=False, default=str)
    quoted = ", ".join(f'"{name}"' for name in names)
    con.execute(f"INSERT INTO {table} ({quoted})"
                " SELECT unnest(from_json(?, ?), recursive := true)", [document, structure])


def fact_hash(fact: Fact) -> str:
    """sha256 over the FACTS.md fields of ``fact`` (not its sentence, flags or run)."""
    payload = json.dumps([getattr(fact, name) for name in _HASHED], ensure_ascii=False,
                         default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def store_facts(
    con: duckdb.DuckDBPyConnection,
    facts: list[Fact],
    *,
    lang: str,
    release_id: int,
    version: int,
    run_id: str,
    extractor_version: str,
    extracted_at: datetime | None = None,
) -> int:
    """Append the facts one extraction found in one release version; return how many were added.

    Idempotent: a second call for the same version and ``extractor_version`` adds nothing (the
    first stored set wins). The caller owns the transaction. ``project_id`` is left NULL for
    :func:`warehouse.projects.resolve_all`.
    """
    known = con.execute(
        "SELECT 1 FROM extractions WHERE lang = ? AND release_id = ? AND version = ?"
        " AND extractor_version = ?",
        [lang, release_id, version, extractor_version],
    ).fetchone()
    if known is not None:
        log.debug("extraction %s of %s/%s v%s already stored", extractor_version, lang,
                  release_id, version)
        return 0
    when = extracted_at or datetime.now(UTC)
    rows = []
    seen: set[str] = set()
    for fact in facts:
        digest = fact_hash(fact)
        if digest in seen:  # the same figure twice at the same offsets: one observation
            continue
        seen.add(digest)
        numeric = None if isinstance(fact.value, str) else float(fact.value)
        text = fact.value if isinstance(fact.value, str) else None
        rows.append([
            lang, release_id, version, fact.metric, numeric, text, fact.value_max, fact.unit,
            fact.period, fact.qualifier, fact.kind, fact.scope, fact.project, fact.product,
            fact.region, fact.company, fact.target_year, fact.when, fact.evidence, fact.start,
            fact.end, fact.sentence, list(fact.flags), digest, extractor_version, run_id, when,
        ])
    con.execute(
        "INSERT INTO extractions (lang, release_id, version, extractor_version, run_id,"
        " extracted_at, facts) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [lang, release_id, version, extractor_version, run_id, when, len(rows)],
    )
    bulk_insert(con, "facts", _FACT_COLUMNS, rows)
    log.info("stored %d facts of %s/%s v%s (extractor %s)", len(rows), lang, release_id,
             version, extractor_version)
    return len(rows)

"""Storing facts: append-only observations, one set per extraction of a release version.

A release version may be extracted several times (a newer extractor); every extraction is kept.
The one that counts for a version is its latest extraction (``extractions.extracted_at``), even
when it found nothing: the ``latest_facts`` view applies that rule for everyone else.
"""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import UTC, datetime

import duckdb

from extractors.fact import Fact

log = logging.getLogger(__name__)

# The business columns a fact is identified by within one extraction (rule 7: a row hash over
# the business columns only, so run ids and timestamps do not make a re-run look new).
_HASHED = ("metric", "value", "value_max", "unit", "period", "qualifier", "kind", "scope",
           "project", "product", "region", "company", "target_year", "when", "evidence",
           "start", "end")


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
    if rows:
        con.executemany(
            "INSERT INTO facts (lang, release_id, version, metric, value, value_text, value_max,"
            " unit, period, qualifier, kind, scope, project, product, region, company,"
            " target_year, \"when\", evidence, start, \"end\", sentence, flags, fact_hash,"
            " extractor_version, run_id, extracted_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    log.info("stored %d facts of %s/%s v%s (extractor %s)", len(rows), lang, release_id,
             version, extractor_version)
    return len(rows)

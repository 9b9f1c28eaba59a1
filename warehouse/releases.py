"""Storing releases and their versions; what the crawler needs to know about them."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta

import duckdb

from extractors.release import Release
from warehouse.db import transaction


@dataclass(frozen=True)
class StoredVersion:
    """Outcome of storing one fetched release: ``status`` is new, edited or unchanged."""

    status: str
    version: int


def compress(raw: bytes | None) -> bytes | None:
    return zlib.compress(raw, 6) if raw is not None else None


def decompress(blob: bytes | None) -> bytes | None:
    return zlib.decompress(blob) if blob is not None else None


def store_release_version(
    con: duckdb.DuckDBPyConnection,
    release: Release,
    raw_page: bytes | None,
    run_id: str,
    fetched_at: datetime,
) -> StoredVersion:
    """Record a fetched release. Content that differs from the latest version adds one version
    (even when it equals an older one); the same content only updates ``last_fetched_at``.
    The caller owns the transaction (one per release)."""
    digest = release.content_hash()
    # Compare with the latest version only: an edit that restores earlier text (A -> B -> A) is
    # a new report of the old figures and must be seen as one.
    latest_row = con.execute(
        "SELECT version, content_hash FROM release_versions WHERE lang = ? AND release_id = ?"
        " ORDER BY version DESC LIMIT 1",
        [release.lang, release.release_id],
    ).fetchone()
    if latest_row is not None and latest_row[1] == digest:
        con.execute(
            "UPDATE releases SET last_fetched_at = ? WHERE lang = ? AND release_id = ?",
            [fetched_at, release.lang, release.release_id],
        )
        return StoredVersion("unchanged", latest_row[0])
    latest = latest_row[0] if latest_row is not None else 0
    version = latest + 1
    con.execute(
        "INSERT INTO release_versions (lang, release_id, version, content_hash, fetched_at, run_id,"
        " url, title, published_at, section, body_text, alternates, raw_page, parse_status,"
        " parse_warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [release.lang, release.release_id, version, digest, fetched_at, run_id, release.url,
         release.title, release.published_at, release.section, release.text,
         json.dumps(release.alternates), compress(raw_page), release.parse_status,
         list(release.warnings)],
    )
    con.execute(
        "INSERT INTO releases (lang, release_id, url, section, title, published_at, first_seen_at,"
        " last_fetched_at, current_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (lang, release_id) DO UPDATE SET url = excluded.url,"
        " section = excluded.section, title = excluded.title,"
        " published_at = excluded.published_at, last_fetched_at = excluded.last_fetched_at,"
        " current_version = excluded.current_version",
        [release.lang, release.release_id, release.url, release.section, release.title,
         release.published_at, fetched_at, fetched_at, version],
    )
    return StoredVersion("new" if version == 1 else "edited", version)


def is_known(con: duckdb.DuckDBPyConnection, lang: str, release_id: int) -> bool:
    """True when the release is already in the warehouse in this language."""
    row = con.execute(
        "SELECT 1 FROM releases WHERE lang = ? AND release_id = ?", [lang, release_id]
    ).fetchone()
    return row is not None


def recent_release_urls(
    con: duckdb.DuckDBPyConnection, lang: str, now: datetime, days: int
) -> list[str]:
    """URLs of releases published in the last ``days`` days: re-fetched to catch edits."""
    rows = con.execute(
        "SELECT url FROM releases WHERE lang = ? AND published_at >= ? ORDER BY published_at DESC",
        [lang, now - timedelta(days=days)],
    ).fetchall()
    return [r[0] for r in rows]


def record_failure(
    con: duckdb.DuckDBPyConnection,
    *,
    run_id: str,
    url: str,
    reason: str,
    failed_at: datetime,
    lang: str | None = None,
    release_id: int | None = None,
    status_code: int | None = None,
    detail: str | None = None,
    raw_page: bytes | None = None,
) -> None:
    """Remember a page that could not be fetched or was not a release, so nothing is lost."""
    with transaction(con):
        con.execute(
            "INSERT INTO fetch_failures (run_id, failed_at, url, lang, release_id, reason,"
            " status_code, detail, raw_page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [run_id, failed_at, url, lang, release_id, reason, status_code, detail,
             compress(raw_page)],
        )


# Failures worth another try on a later run (a 404, an off-site redirect or a page too large
# will not mend by themselves).
RETRYABLE_REASONS = ("transient", "captcha", "not_release", "parse_error", "http_error")


def failed_release_urls(
    con: duckdb.DuckDBPyConnection, lang: str, now: datetime, days: int
) -> list[str]:
    """Release URLs that failed for a retryable reason, first less than ``days`` days ago, and
    are still not stored: discovery stops at known listing pages, so it would never offer them
    again. Counting from the first failure bounds the retries of a page that never mends."""
    rows = con.execute(
        "SELECT f.url, max(f.failed_at) AS last_failed FROM fetch_failures f"
        " WHERE f.lang = ? AND f.release_id IS NOT NULL AND list_contains(?, f.reason)"
        " AND NOT EXISTS (SELECT 1 FROM releases r"
        "                 WHERE r.lang = f.lang AND r.release_id = f.release_id)"
        " GROUP BY f.url HAVING min(f.failed_at) >= ? ORDER BY last_failed DESC",
        [lang, list(RETRYABLE_REASONS), now - timedelta(days=days)],
    ).fetchall()
    return [r[0] for r in rows]

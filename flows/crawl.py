"""The crawl as plain functions (the Prefect flow wraps them as tasks; no Prefect here).

``plan_crawl`` lists what to fetch for one language; ``crawl_release`` fetches, parses and
stores one release. A page that cannot be fetched or is not a release is recorded in
``fetch_failures`` and reported as ``failed``, never raised, so one bad page never loses the
night's work; it is simply tried again on a later run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

import duckdb

from extractors.errors import (
    BodyTooLarge,
    FetchError,
    NotAReleaseError,
    OffsiteRedirect,
    PageNotFound,
    RobotsDisallowed,
    TransientFetchError,
)
from extractors.release import Release
from extractors.site import parse_release, release_key
from flows.discover import discover
from flows.fetch import Fetcher
from warehouse.db import transaction
from warehouse.releases import (
    StoredVersion,
    failed_release_urls,
    is_known,
    recent_release_urls,
    record_failure,
    store_release_version,
)

log = logging.getLogger(__name__)

# Its return value is ignored (a callback may return, say, the number of facts it stored).
AfterStore = Callable[[duckdb.DuckDBPyConnection, Release, StoredVersion], object]

# Reason recorded in fetch_failures per error class (most specific first).
FAILURE_REASONS: tuple[tuple[type[FetchError], str], ...] = (
    (PageNotFound, "not_found"),
    (OffsiteRedirect, "offsite_redirect"),
    (BodyTooLarge, "too_large"),
    (RobotsDisallowed, "robots"),
    (TransientFetchError, "transient"),
)


@dataclass(frozen=True)
class CrawlOutcome:
    """What happened to one URL: ``status`` is new, edited, unchanged or failed; ``reason``
    (for failed) is the ``fetch_failures.reason``; ``version`` the stored version number."""

    url: str
    lang: str | None
    release_id: int | None
    status: str
    reason: str | None = None
    version: int | None = None


def failure_reason(exc: FetchError) -> str:
    """``fetch_failures.reason`` of a fetch error; ``http_error`` for other statuses (403...)."""
    for cls, reason in FAILURE_REASONS:
        if isinstance(exc, cls):
            return reason
    return "http_error"


def plan_crawl(
    fetcher: Fetcher,
    con: duckdb.DuckDBPyConnection,
    lang: str,
    base_url: str,
    since: date | datetime | None,
    max_pages: int,
    refetch_days: int,
    now: datetime,
) -> list[str]:
    """URLs to fetch for ``lang``: newly discovered releases, oldest first, then releases
    published in the last ``refetch_days`` days (to catch edits), then releases whose fetch
    failed for a retryable reason in that window, one URL per release.

    Oldest first, because discovery stops at the first listing page whose releases are all
    known: if a run stops half-way, what it stored are the older ones, and the next run still
    reaches the newer ones above them."""
    discovered = discover(
        fetcher, base_url, lang, lambda lg, rid: is_known(con, lg, rid), since, max_pages
    )[::-1]
    recent = [_on_site(url, base_url) for url in recent_release_urls(con, lang, now, refetch_days)]
    retry = [_on_site(url, base_url) for url in failed_release_urls(con, lang, now, refetch_days)]
    plan: list[str] = []
    keys: set[tuple[str, int]] = set()
    for url in discovered + recent + retry:
        key = release_key(url)
        if key is None or (key[0], key[1]) in keys:
            continue
        keys.add((key[0], key[1]))
        plan.append(url)
    log.info("%s: %d new, %d recent and %d failed releases to fetch", lang, len(discovered),
             len(recent), len(retry))
    return plan


def _on_site(url: str, base_url: str) -> str:
    """A stored URL moved onto ``base_url`` (the demo site or a mirror keep the path)."""
    return base_url.rstrip("/") + urlsplit(url).path


def record_fetch_error(
    con: duckdb.DuckDBPyConnection, run_id: str, url: str, exc: FetchError,
    failed_at: datetime | None = None,
) -> None:
    """Record a fetch error of ``url`` in ``fetch_failures`` (reason, status, body, and the
    release's lang and id when the URL is a release URL)."""
    key = release_key(url)
    record_failure(con, run_id=run_id, url=url, reason=failure_reason(exc),
                   failed_at=failed_at or datetime.now(UTC), lang=key[0] if key else None,
                   release_id=key[1] if key else None, status_code=exc.status_code,
                   detail=str(exc), raw_page=exc.body)


def crawl_release(
    fetcher: Fetcher,
    con: duckdb.DuckDBPyConnection,
    url: str,
    run_id: str,
    after_store: AfterStore | None = None,
    *,
    raise_transient: bool = False,
) -> CrawlOutcome:
    """Fetch, parse and store one release. The version and whatever ``after_store(con,
    release, stored)`` writes (its facts) land in ONE transaction: all or nothing.
    ``after_store`` is called for unchanged versions too (``stored.status`` says which).

    Fetch errors and non-release pages are recorded in ``fetch_failures`` and returned as
    ``failed``; so is an unexpected exception while parsing (``parse_error``). With
    ``raise_transient``, a ``TransientFetchError`` is raised instead, NOT recorded, so that a
    task retry can kick in; the caller records it with ``record_fetch_error`` once it gives
    up. An exception from storing or from ``after_store`` is not a page problem: the
    transaction is rolled back and the exception propagates."""
    key = release_key(url)
    lang, release_id = (key[0], key[1]) if key else (None, None)
    fetched_at = datetime.now(UTC)

    def fail(reason: str, detail: str, status_code: int | None = None,
             body: bytes | None = None) -> CrawlOutcome:
        log.warning("%s failed (%s): %s", url, reason, detail)
        record_failure(con, run_id=run_id, url=url, reason=reason, failed_at=fetched_at,
                       lang=lang, release_id=release_id, status_code=status_code,
                       detail=detail, raw_page=body)
        return CrawlOutcome(url, lang, release_id, "failed", reason)

    if key is None:
        return fail("not_release", "not a release URL; not fetched")
    try:
        page = fetcher.get(url)
    except FetchError as exc:
        if raise_transient and isinstance(exc, TransientFetchError):
            raise
        return fail(failure_reason(exc), str(exc), exc.status_code, exc.body)
    if page.final_url != url and release_key(page.final_url) is None:
        return fail("not_release", f"redirected to {page.final_url}, not a release",
                    page.status_code, page.body)
    # A same-site redirect to another release URL (a new slug) is stored under the target.
    page_url = page.final_url
    try:
        release = parse_release(page.text, page_url)
    except NotAReleaseError as exc:
        return fail(exc.reason, str(exc), page.status_code, page.body)
    except Exception as exc:  # a parser bug on one page must not stop the crawl
        log.exception("unexpected error parsing %s", url)
        return fail("parse_error", f"{type(exc).__name__}: {exc}", page.status_code, page.body)
    with transaction(con):
        stored = store_release_version(con, release, page.body, run_id, fetched_at)
        if after_store is not None:
            after_store(con, release, stored)
    log.info("%s: %s (version %d)", release.url, stored.status, stored.version)
    return CrawlOutcome(release.url, release.lang, release.release_id, stored.status,
                        None, stored.version)

"""The nightly Prefect flow: discover -> fetch -> parse -> extract -> load -> diff -> alert.

The flow only orchestrates: every task is a few lines over a plain function of ``flows.crawl``,
``extractors`` or ``warehouse`` that tests call directly.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import duckdb
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE

from extractors.errors import ExtractionError, FetchError, TransientFetchError
from extractors.extract import EXTRACTOR_VERSIONS, extract_or_raise
from extractors.release import Release
from flows import alerts, crawl
from flows.fetch import Fetcher, make_client
from flows.settings import Settings, load_settings
from warehouse import changes, facts, queries, runs
from warehouse.db import connect
from warehouse.releases import StoredVersion

# A progress callback (done, total, url, status) the CLI can install to draw a progress bar.
ProgressHook = Callable[[int, int, str, str], None]
_progress_hooks: list[ProgressHook] = []


def add_progress_hook(hook: ProgressHook) -> None:
    _progress_hooks.append(hook)


def remove_progress_hook(hook: ProgressHook) -> None:
    if hook in _progress_hooks:
        _progress_hooks.remove(hook)


def _is_transient(task: Any, task_run: Any, state: Any) -> bool:
    """Retry a task only when it failed on a transient fetch error."""
    return isinstance(state.data, TransientFetchError)


def store_release_facts(
    con: duckdb.DuckDBPyConnection, release: Release, stored: StoredVersion, run_id: str
) -> int:
    """Extract and store the facts of a newly stored version, inside its transaction."""
    if stored.status == "unchanged":
        return 0
    published = release.published_at.isoformat() if release.published_at else None
    try:
        found = extract_or_raise(release.text, lang=release.lang, published=published)
    except ExtractionError as exc:
        # Keep the release; with no extraction recorded, `kzfacts reextract` will do it.
        get_run_logger().error("release %s/%s stored without facts: %s", release.lang,
                               release.release_id, exc)
        return 0
    # Projects are resolved once per run, before the diff (they depend on all releases).
    return facts.store_facts(
        con, found, lang=release.lang, release_id=release.release_id,
        version=stored.version, run_id=run_id,
        extractor_version=EXTRACTOR_VERSIONS.get(release.lang, f"{release.lang}-none"),
    )


@task(name="discover", cache_policy=NO_CACHE)
def discover_task(
    fetcher: Fetcher, con: duckdb.DuckDBPyConnection, lang: str, run_id: str,
    settings: Settings, since: date | None, max_pages: int,
) -> list[str] | None:
    """The URLs to fetch for ``lang``, or None when the listing could not be read (recorded in
    ``fetch_failures``; the other languages go on, the next run tries again)."""
    try:
        return crawl.plan_crawl(
            fetcher, con, lang, settings.base_url, since, max_pages, settings.refetch_days,
            datetime.now(UTC),
        )
    except FetchError as exc:
        crawl.record_fetch_error(con, run_id, exc.url, exc)
        get_run_logger().error("[%s] listing not read, skipped this run: %s", lang, exc)
        return None


@task(name="fetch-parse-extract-load", cache_policy=NO_CACHE, retries=1,
      retry_condition_fn=_is_transient)
def release_task(
    fetcher: Fetcher, con: duckdb.DuckDBPyConnection, url: str, run_id: str
) -> crawl.CrawlOutcome:
    return crawl.crawl_release(
        fetcher, con, url, run_id,
        after_store=lambda c, rel, stored: store_release_facts(c, rel, stored, run_id),
        raise_transient=True,
    )


@task(name="diff", cache_policy=NO_CACHE)
def diff_task(
    con: duckdb.DuckDBPyConnection, run_id: str, settings: Settings, alert: bool
) -> list[Any]:
    return changes.detect_changes(con, run_id, changes.Thresholds.from_settings(settings),
                                  alert=alert)


@task(name="alert", cache_policy=NO_CACHE)
def alert_task(con: duckdb.DuckDBPyConnection, settings: Settings) -> alerts.DeliveryReport:
    urls = [u.get_secret_value() for u in settings.alert_urls]
    return alerts.deliver_pending(con, urls)


def _publish_artifact(run_id: str, new_facts: list[dict[str, Any]],
                      new_changes: list[dict[str, Any]]) -> None:
    key = "kzfacts-run"
    create_table_artifact(
        table=new_changes or [{"change": "no changes in this run"}],
        key=f"{key}-changes", description=f"Changes detected by run {run_id}",
    )
    create_table_artifact(
        table=new_facts or [{"metric": "no new facts in this run"}],
        key=f"{key}-facts", description=f"Facts extracted by run {run_id}",
    )


@flow(name="nightly", log_prints=False)
def nightly(
    db_path: str | None = None,
    base_url: str | None = None,
    langs: list[str] | None = None,
    since: date | None = None,
    max_pages: int | None = None,
    request_delay: float | None = None,
    refetch_days: int | None = None,
    command: str = "run",
    send_alerts: bool = True,
) -> dict[str, Any]:
    """Crawl the site, store new and edited releases with their facts, diff, and alert."""
    logger = get_run_logger()
    settings = load_settings(db_path=db_path, base_url=base_url, langs=langs,
                             request_delay=request_delay, refetch_days=refetch_days)
    con = connect(settings.db_path)
    run_id = runs.start_run(con, command, settings.base_url, settings.langs)
    counters = {"requests": 0, "releases_new": 0, "versions_new": 0, "failures": 0,
                "facts_new": 0, "changes_new": 0}
    logger.info("run %s: %s, langs %s, db %s", run_id, settings.base_url,
                ",".join(settings.langs), settings.db_path)
    try:
        with make_client(settings) as client:
            fetcher = Fetcher.from_settings(client, settings)
            for lang in settings.langs:
                _crawl_language(fetcher, con, lang, run_id, settings, since,
                                max_pages or settings.max_pages, counters)
            counters["requests"] = fetcher.requests
        new_facts = queries.facts_of_run(con, run_id)
        counters["facts_new"] = len(new_facts)
        # A backfill records the archive's changes without alerting on years-old news.
        counters["changes_new"] = len(diff_task(con, run_id, settings,
                                                alert=command != "backfill"))
        if send_alerts:  # the demo keeps its made-up alerts in the outbox, whatever is set
            logger.info("alerts: %s", alert_task(con, settings))
        _publish_artifact(run_id, new_facts, queries.changes_of_run(con, run_id))
    except Exception as exc:
        runs.finish_run(con, run_id, counters, error=f"{type(exc).__name__}: {exc}")
        con.close()
        raise
    runs.finish_run(con, run_id, counters)
    con.close()
    logger.info("run %s completed: %s", run_id, counters)
    return {"run_id": run_id, **counters}


def _crawl_language(
    fetcher: Fetcher, con: duckdb.DuckDBPyConnection, lang: str, run_id: str,
    settings: Settings, since: date | None, max_pages: int, counters: dict[str, int],
) -> None:
    """Discover, then fetch-parse-extract-load each release of one language, counting."""
    logger = get_run_logger()
    release = release_task.with_options(retry_delay_seconds=settings.task_retry_delay)
    urls = discover_task(fetcher, con, lang, run_id, settings, since, max_pages)
    if urls is None:
        counters["failures"] += 1
        return
    logger.info("[%s] %d releases to fetch", lang, len(urls))
    for done, url in enumerate(urls, start=1):
        outcome = _crawl_one(release, fetcher, con, url, run_id, lang)
        counters["releases_new"] += outcome.status == "new"
        counters["versions_new"] += outcome.status in ("new", "edited")
        counters["failures"] += outcome.status == "failed"
        logger.info("[%s] %d/%d %s %s", lang, done, len(urls), outcome.status, url)
        for hook in list(_progress_hooks):
            hook(done, len(urls), url, outcome.status)


def _crawl_one(
    release: Any, fetcher: Fetcher, con: duckdb.DuckDBPyConnection, url: str, run_id: str,
    lang: str,
) -> crawl.CrawlOutcome:
    """One release; a transient error that outlives the task's retries is recorded, not raised,
    so the rest of the night's work goes on and the next run tries again."""
    try:
        return release(fetcher, con, url, run_id)  # type: ignore[no-any-return]
    except TransientFetchError as exc:
        crawl.record_fetch_error(con, run_id, url, exc)
        return crawl.CrawlOutcome(url=url, lang=lang, release_id=None, status="failed",
                                  reason="transient", version=None)

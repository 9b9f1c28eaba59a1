"""Fixtures for the crawl tests: a real LocalSite on 127.0.0.1, a Fetcher that never waits,
and an in-memory warehouse."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta
from typing import Any

import duckdb
import httpx
import pytest

from flows.fetch import Fetcher
from flows.localsite import LocalSite
from warehouse.db import connect

BASE = "https://primeminister.kz"
START = datetime.fromisoformat("2025-09-01T10:00:00+05:00")


def make_release(
    lang: str,
    release_id: int,
    published: datetime,
    *,
    section: str | None = None,
    title: str | None = None,
    text: str | None = None,
) -> dict[str, Any]:
    """A release dict in the eval-set format (Kazakh URLs use ``kz``)."""
    site_lang = "kz" if lang == "kk" else lang
    prefix = f"/{site_lang}/news/" + (f"{section}/" if section else "")
    return {
        "lang": lang,
        "url": f"{BASE}{prefix}release-number-{release_id}",
        "published": published.isoformat(),
        "title": title or f"Release {release_id} in {lang}",
        "text": text or f"First paragraph of {release_id}.\n\nInvestment of ${release_id} million.",
    }


def series(lang: str, ids: list[int], start: datetime = START) -> list[dict[str, Any]]:
    """Releases ``ids`` published one hour apart, the first one newest."""
    return [make_release(lang, rid, start - timedelta(hours=n)) for n, rid in enumerate(ids)]


class Sleeps(list[float]):
    """An injected ``sleep`` that records the waits asked of it and returns at once."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def serve() -> Iterator[Callable[..., LocalSite]]:
    """``serve(releases, **options)`` starts a LocalSite, closed after the test."""
    sites: list[LocalSite] = []

    def start(releases: Sequence[dict[str, Any]] = (), **options: Any) -> LocalSite:
        site = LocalSite(releases, **options).start()
        sites.append(site)
        return site

    yield start
    for site in sites:
        site.close()


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def fetcher_for(sleeps: Sleeps) -> Iterator[Callable[..., Fetcher]]:
    """``fetcher_for(site, timeout=2.0, **fetcher_options)``: delay 0, sleep recorded."""
    clients: list[httpx.Client] = []

    def make(site: LocalSite, timeout: float = 2.0, **options: Any) -> Fetcher:
        client = httpx.Client(headers={"User-Agent": "kzfacts-test/1.0"},
                              timeout=httpx.Timeout(timeout), follow_redirects=False)
        clients.append(client)
        options = {"delay": 0.0, "max_retries": 2, "sleep": sleeps, **options}
        return Fetcher(client, base_url=site.base_url, **options)

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = connect(":memory:")
    yield connection
    connection.close()

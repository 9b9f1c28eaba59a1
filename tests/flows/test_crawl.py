"""plan_crawl and crawl_release against a LocalSite, asserting what lands in DuckDB."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import duckdb
import pytest

import flows.crawl
from extractors.errors import TransientFetchError
from extractors.release import Release
from flows.crawl import CrawlOutcome, crawl_release, plan_crawl, record_fetch_error
from flows.fetch import Fetcher
from flows.localsite import LocalSite, Reply, load_demo_releases
from tests.flows.conftest import START, make_release
from warehouse.releases import StoredVersion

Serve = Callable[..., LocalSite]
MakeFetcher = Callable[..., Fetcher]
NOW = datetime(2026, 7, 25, 12, 0, tzinfo=UTC)  # a few days after the demo releases


def crawl_all(fetcher: Fetcher, con: duckdb.DuckDBPyConnection, base_url: str, run_id: str,
              after_store: Callable[..., None] | None = None) -> list[CrawlOutcome]:
    outcomes = []
    for lang in ("en", "ru", "kk"):
        for url in plan_crawl(fetcher, con, lang, base_url, None, 10, 30, NOW):
            outcomes.append(crawl_release(fetcher, con, url, run_id, after_store))
    return outcomes


def row_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows of every table of the warehouse (whoever created it)."""
    tables = [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
    ).fetchall()]
    return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def failures(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(
        "SELECT url, lang, release_id, reason, status_code, raw_page FROM fetch_failures"
    ).fetchall()


def test_first_crawl_of_the_demo_site_stores_every_release(
    serve: Serve, fetcher_for: MakeFetcher, con: duckdb.DuckDBPyConnection
) -> None:
    site = serve(load_demo_releases(), per_page=2)
    outcomes = crawl_all(fetcher_for(site), con, site.base_url, "run-1")
    assert [o.status for o in outcomes] == ["new"] * 9
    assert con.execute("SELECT lang, count(*) FROM releases GROUP BY lang ORDER BY lang"
                       ).fetchall() == [("en", 4), ("kk", 2), ("ru", 3)]
    title, published, alternates, raw = con.execute(
        "SELECT title, published_at, alternates, raw_page FROM release_versions"
        " WHERE lang = 'kk' AND release_id = 31620").fetchone()
    assert title == "Абай облысында мыс катодын шығаратын зауыт салынады"
    assert published == datetime(2026, 7, 3, 10, 30, tzinfo=UTC)
    assert '"en"' in alternates and '"ru"' in alternates
    assert b"articles__title" in zlib.decompress(raw)


def test_second_crawl_of_an_unchanged_site_adds_no_rows(
    serve: Serve, fetcher_for: MakeFetcher, con: duckdb.DuckDBPyConnection
) -> None:
    site = serve(load_demo_releases(), per_page=2)
    crawl_all(fetcher_for(site), con, site.base_url, "run-1")
    before = row_counts(con)
    outcomes = crawl_all(fetcher_for(site), con, site.base_url, "run-2")
    # the recent releases were re-fetched to look for edits, and none was found
    assert [o.status for o in outcomes] == ["unchanged"] * 9
    assert row_counts(con) == before


def test_an_edited_release_adds_exactly_one_version(
    serve: Serve, fetcher_for: MakeFetcher, con: duckdb.DuckDBPyConnection
) -> None:
    site = serve(load_demo_releases(), per_page=2)
    crawl_all(fetcher_for(site), con, site.base_url, "run-1")
    site.set_releases(load_demo_releases(edited=True))
    outcomes = crawl_all(fetcher_for(site), con, site.base_url, "run-2")
    edited = [o for o in outcomes if o.status == "edited"]
    assert [(o.lang, o.release_id, o.version) for o in edited] == [("en", 31620, 2)]
    assert sum(o.status == "unchanged" for o in outcomes) == 8
    assert con.execute("SELECT count(*) FROM release_versions").fetchone()[0] == 10
    body, run_id = con.execute(
        "SELECT body_text, run_id FROM release_versions WHERE release_id = 31620"
        " AND lang = 'en' AND version = 2").fetchone()
    assert "$1.8 billion" in body and "in 2029" in body
    assert run_id == "run-2"
    assert con.execute("SELECT current_version FROM releases WHERE lang = 'en'"
                       " AND release_id = 31620").fetchone() == (2,)


@pytest.mark.parametrize(
    ("reply", "reason", "status_code", "raw"),
    [
        (Reply(status=404, body="<h1>Page not found</h1>"), "not_found", 404,
         b"<h1>Page not found</h1>"),
        (Reply(body="<html><head><title>Captcha</title></head><body><form action='/verify'>"
                    "<div class='captcha'></div></form></body></html>"), "captcha", 200,
         b"<title>Captcha</title>"),
        (Reply(body="<html><body><p>Maintenance</p></body></html>"), "not_release", 200,
         b"Maintenance"),
        (Reply(status=302, location="https://elsewhere.example/x"), "offsite_redirect", 302, None),
        (Reply(body=b"x" * 2000), "too_large", 200, None),
        (Reply(status=503), "transient", 503, b"<h1"),
        (Reply(status=403, body="denied"), "http_error", 403, b"denied"),
    ],
)
def test_a_failed_page_is_recorded_and_not_stored(
    serve: Serve, fetcher_for: MakeFetcher, con: duckdb.DuckDBPyConnection,
    reply: Reply, reason: str, status_code: int, raw: bytes | None,
) -> None:
    release = make_release("en", 31001, START)
    site = serve([release])
    site.override("/en/news/release-number-31001", reply)
    fetcher = fetcher_for(site, max_body_bytes=1500)
    outcome = crawl_release(fetcher, con, site.url_of(release), "run-1")
    assert (outcome.status, outcome.reason, outcome.lang, outcome.release_id) == \
        ("failed", reason, "en", 31001)
    [(url, lang, release_id, got_reason, got_status, blob)] = failures(con)
    assert (url, lang, release_id, got_reason, got_status) == \
        (site.url_of(release), "en", 31001, reason, status_code)
    if raw is None:
        assert blob is None
    else:
        assert raw in zlib.decompress(blob)
    assert row_counts(con)["releases"] == 0
    assert row_counts(con)["release_versions"] == 0


def test_robots_disallowed_release_is_recorded(
    serve: Serve, fetcher_for: MakeFetcher, con: duckdb.DuckDBPyConnection
) -> None:
    release = make_release("ru", 31001, START)
    site = serve([release], robots_txt="User-agent: *\nDisallow: /ru/\n")
    outcome = crawl_release(fetcher_for(site), con, site.url_of(release), "run-1")
    assert outcome.reason == "robots"
    assert failures(con)[0][3] == "robots"
    assert site.hits("/ru/news/release-number-31001") == 0


def test_transient_failure_can_be_reraised_for_task_retries(
    serve: Serve, fetcher_for: MakeFetcher, con: duckdb.DuckDBPyConnection
) -> None:
    release = make_release("en", 31001, START)
    site = serve([release])
    site.override("/en/news/release-number-31001", Reply(delay=0.2))
    fetcher = fetcher_for(site, timeout=0.05, max_retries=0)
    with pytest.raises(TransientFetchError) as info:
        crawl_release(fetcher, con, site.url_of(release), "run-1", raise_transient=True)
    assert failures(con) == []  # the caller records it once its retries are exhausted
    record_fetch_error(con, "run-1", site.url_of(release), info.value)
    assert [f[1:5] for f in failures(con)] == [("en", 31001, "transient", None)]


def test_unexpected_parser_error_is_recorded_as_parse_error(
    serve: Serve, fetcher_for: MakeFetcher, con: duckdb.DuckDBPyConnection,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(html: str, url: str) -> Release:
        raise RuntimeError("parser bug")

    monkeypatch.setattr(flows.crawl, "parse_release", broken)
    release = make_release("en", 31001, START)
    site = serve([release])
    outcome = crawl_release(fetcher_for(site), con, site.url_of(release), "run-1")
    assert (outcome.status, outcome.reason) == ("failed", "parse_error")
    detail, blob = con.execute("SELECT detail, raw_page FROM fetch_failures").fetchone()
    assert detail == "RuntimeError: parser bug"
    assert b"articles__title" in zlib.decompress(blob)


def test_malformed_release_page_is_stored_with_fallback(
    serve: Serve, fetcher_for: MakeFetcher, con: duckdb.DuckDBPyConnection
) -> None:
    release = make_release("en", 31001, START)
    site = serve([release])
    site.override("/en/news/release-number-31001", Reply(
        body="<html><title>Plant opens</title><div><p>It cost $2 billion.<p>Jobs: 500.</span></b>"))
    outcome = crawl_release(fetcher_for(site), con, site.url_of(release), "run-1")
    assert outcome.status == "new"
    assert con.execute("SELECT title, body_text, parse_status FROM release_versions"
                       ).fetchone() == ("Plant opens", "It cost $2 billion.\n\nJobs: 500.",
                                        "fallback")


def test_windows_1251_release_is_stored_with_correct_cyrillic(
    serve: Serve, fetcher_for: MakeFetcher, con: duckdb.DuckDBPyConnection
) -> None:
    release = make_release("ru", 31001, START, title="Завод запущен",
                           text="Мощность составит 300 тыс. тонн.")
    site = serve([release])
    site.override("/ru/news/release-number-31001", Reply(charset="windows-1251"))
    crawl_release(fetcher_for(site), con, site.url_of(release), "run-1")
    assert con.execute("SELECT title, body_text FROM release_versions").fetchone() == \
        ("Завод запущен", "Мощность составит 300 тыс. тонн.")


def test_release_moved_within_the_site_is_stored_under_its_new_url(
    serve: Serve, fetcher_for: MakeFetcher, con: duckdb.DuckDBPyConnection
) -> None:
    release = make_release("en", 31001, START)
    site = serve([release])
    site.override("/en/news/old-slug-31001", Reply(status=301,
                                                   location="/en/news/release-number-31001"))
    outcome = crawl_release(fetcher_for(site), con, site.base_url + "/en/news/old-slug-31001",
                            "run-1")
    assert (outcome.status, outcome.url) == ("new", site.url_of(release))
    assert con.execute("SELECT url FROM releases").fetchone() == (site.url_of(release),)


def test_crash_between_two_releases_keeps_the_first_and_nothing_of_the_second(
    serve: Serve, fetcher_for: MakeFetcher, con: duckdb.DuckDBPyConnection
) -> None:
    con.execute("CREATE TABLE side_effects (lang VARCHAR, release_id BIGINT, version INT)")
    stored_ids: list[int] = []

    def store_facts(c: duckdb.DuckDBPyConnection, release: Release,
                    stored: StoredVersion) -> None:
        if stored.status == "unchanged":
            return  # like the real callback: facts are stored once per version
        c.execute("INSERT INTO side_effects VALUES (?, ?, ?)",
                  [release.lang, release.release_id, stored.version])
        stored_ids.append(release.release_id)
        if len(stored_ids) == 2 and crash:
            raise RuntimeError("power cut")

    releases = [make_release("en", rid, START - timedelta(hours=n))
                for n, rid in enumerate([31003, 31002, 31001])]
    site = serve(releases)
    fetcher = fetcher_for(site)
    crash = True
    urls = plan_crawl(fetcher, con, "en", site.base_url, None, 5, 14, NOW)
    assert crawl_release(fetcher, con, urls[0], "run-1", store_facts).status == "new"
    with pytest.raises(RuntimeError, match="power cut"):
        crawl_release(fetcher, con, urls[1], "run-1", store_facts)
    # oldest first: what a stopped run leaves behind is the oldest part of the listing
    assert con.execute("SELECT release_id FROM releases").fetchall() == [(31001,)]
    assert con.execute("SELECT release_id FROM release_versions").fetchall() == [(31001,)]
    assert con.execute("SELECT release_id FROM side_effects").fetchall() == [(31001,)]

    crash = False  # the re-run finds the two missing releases and stores them once
    stored_ids.clear()
    urls = plan_crawl(fetcher, con, "en", site.base_url, None, 5, 14, START)
    # discovered first (oldest first), then the recent release re-fetched to look for edits
    assert [u.rsplit("-", 1)[1] for u in urls] == ["31002", "31003", "31001"]
    assert [crawl_release(fetcher, con, url, "run-2", store_facts).status for url in urls] == \
        ["new", "new", "unchanged"]
    assert con.execute("SELECT release_id, version FROM release_versions ORDER BY 1"
                       ).fetchall() == [(31001, 1), (31002, 1), (31003, 1)]
    assert con.execute("SELECT release_id FROM side_effects ORDER BY 1").fetchall() == \
        [(31001,), (31002,), (31003,)]


def test_plan_adds_recent_releases_once_and_moves_them_onto_the_site(
    serve: Serve, fetcher_for: MakeFetcher, con: duckdb.DuckDBPyConnection
) -> None:
    old = make_release("en", 31001, START - timedelta(days=30))
    recent = make_release("en", 31002, START - timedelta(days=2))
    site = serve([recent, old])
    fetcher = fetcher_for(site)
    for url in plan_crawl(fetcher, con, "en", site.base_url, None, 5, 14, START):
        crawl_release(fetcher, con, url, "run-1")
    newest = make_release("en", 31003, START)
    site.set_releases([newest, recent, old])
    other = serve([newest, recent, old])  # same site on another port: stored URLs move
    plan = plan_crawl(fetcher_for(other), con, "en", other.base_url, None, 5, 14, START)
    assert plan == [other.url_of(newest), other.url_of(recent)]


def test_redirect_to_a_page_that_is_not_a_release_is_recorded(
    serve: Serve, fetcher_for: MakeFetcher, con: duckdb.DuckDBPyConnection
) -> None:
    release = make_release("en", 31001, START)
    site = serve([release, make_release("en", 31002, START)])
    site.override("/en/news/release-number-31001", Reply(status=302, location="/en/news"))
    outcome = crawl_release(fetcher_for(site), con, site.url_of(release), "run-1")
    assert (outcome.status, outcome.reason) == ("failed", "not_release")
    assert row_counts(con)["releases"] == 0


def test_a_url_that_is_not_a_release_is_not_fetched(
    serve: Serve, fetcher_for: MakeFetcher, con: duckdb.DuckDBPyConnection
) -> None:
    site = serve([])
    outcome = crawl_release(fetcher_for(site), con, site.base_url + "/en/news/page/2", "run-1")
    assert (outcome.status, outcome.reason, outcome.release_id) == ("failed", "not_release", None)
    assert sum(site.requests.values()) == 0
    assert [f[3] for f in failures(con)] == ["not_release"]


def test_editing_one_release_in_place_adds_one_version(
    serve: Serve, fetcher_for: MakeFetcher, con: duckdb.DuckDBPyConnection
) -> None:
    release = make_release("kk", 31001, START, text="Зауыт 2027 жылы іске қосылады.")
    site = serve([release])
    fetcher = fetcher_for(site)
    assert crawl_release(fetcher, con, site.url_of(release), "run-1").version == 1
    site.edit(release["url"], text="Зауыт 2028 жылы іске қосылады.")
    outcome = crawl_release(fetcher, con, site.url_of(release), "run-2")
    assert (outcome.status, outcome.version) == ("edited", 2)
    assert con.execute("SELECT version, body_text FROM release_versions ORDER BY version"
                       ).fetchall() == [(1, "Зауыт 2027 жылы іске қосылады."),
                                        (2, "Зауыт 2028 жылы іске қосылады.")]


def test_demo_releases_can_be_moved_into_the_refetch_window() -> None:
    newest = datetime(2030, 1, 10, 9, 0, tzinfo=UTC)
    releases = load_demo_releases(edited=True, newest_at=newest)
    published = sorted(datetime.fromisoformat(r["published"]) for r in releases)
    assert published[-1] == newest
    assert published[0] == newest - timedelta(days=19, hours=0, minutes=30)  # 3 Jul -> 22 Jul
    copper = [r for r in releases if r["url"].endswith("/en/news/"
              "copper-cathode-plant-to-be-built-in-abai-region-31620")]
    assert "$1.8 billion" in copper[0]["text"]

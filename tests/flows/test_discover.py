"""Discovery of release URLs from the listing pages of a LocalSite."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest

from extractors.errors import PageNotFound
from extractors.site import release_key
from flows.discover import discover
from flows.fetch import Fetcher
from flows.localsite import LocalSite, Reply
from tests.flows.conftest import START, make_release, series

Serve = Callable[..., LocalSite]
MakeFetcher = Callable[..., Fetcher]

IDS = [31012, 31011, 31010, 31009, 31008, 31007, 31006, 31005, 31004, 31003, 31002, 31001]


def ids_of(urls: list[str]) -> list[int]:
    return [key[1] for url in urls if (key := release_key(url))]


def knows(*ids: int) -> Callable[[str, int], bool]:
    return lambda lang, release_id: release_id in ids


@pytest.mark.parametrize("style", ["path", "query"])
def test_reads_every_page_newest_first_in_either_pagination_style(
    serve: Serve, fetcher_for: MakeFetcher, style: str
) -> None:
    site = serve(series("en", IDS), per_page=5, pagination=style)
    urls = discover(fetcher_for(site), site.base_url, "en", knows())
    assert ids_of(urls) == IDS
    assert urls[0] == site.base_url + "/en/news/release-number-31012"
    if style == "query":
        # /page/2 was tried once, found missing, and never asked again
        assert site.hits("/en/news/page/2") == 1
        assert site.hits("/en/news/page/3") == 0
        assert site.hits("/en/news?page=3") == 1
    else:
        assert site.hits("/en/news?page=2") == 0
    assert site.hits("/en/news/page/4") + site.hits("/en/news?page=4") == 1  # the empty page


def test_path_style_site_that_ignores_query_is_detected(
    serve: Serve, fetcher_for: MakeFetcher
) -> None:
    # On a "path" site, ?page=2 shows page 1 again: no new links, so it must not be chosen.
    site = serve(series("en", IDS[:4]), per_page=2, pagination="path")
    urls = discover(fetcher_for(site), site.base_url, "en", knows())
    assert ids_of(urls) == IDS[:4]


def test_stops_at_the_first_page_whose_releases_are_all_known(
    serve: Serve, fetcher_for: MakeFetcher
) -> None:
    site = serve(series("en", IDS), per_page=5)
    urls = discover(fetcher_for(site), site.base_url, "en", knows(*IDS[4:]))
    assert ids_of(urls) == IDS[:4]
    assert site.hits("/en/news/page/2") == 1
    assert site.hits("/en/news/page/3") == 0


def test_old_six_digit_ids_out_of_order_are_judged_one_by_one(
    serve: Serve, fetcher_for: MakeFetcher
) -> None:
    # Publication order (newest first); old ids do not follow time.
    order = [31001, 582018, 209483, 734001, 100500, 403777, 250000, 999001]
    site = serve(series("en", order), per_page=3)
    # The largest id on page 1 is known: an id-based cut-off would wrongly stop here.
    # Page 2 still holds unknown 100500 (smaller than known ids); page 3 is all known.
    known = knows(582018, 734001, 403777, 250000, 999001)
    urls = discover(fetcher_for(site), site.base_url, "en", known)
    assert ids_of(urls) == [31001, 209483, 100500]
    assert site.hits("/en/news/page/3") == 1
    assert site.hits("/en/news/page/4") == 0


def test_stops_at_max_pages(serve: Serve, fetcher_for: MakeFetcher) -> None:
    site = serve(series("en", IDS), per_page=2)
    urls = discover(fetcher_for(site), site.base_url, "en", knows(), max_pages=3)
    assert ids_of(urls) == IDS[:6]
    assert site.hits("/en/news/page/4") == 0


def test_each_language_reads_its_own_listing(serve: Serve, fetcher_for: MakeFetcher) -> None:
    site = serve(series("en", [31002, 31001]) + series("kk", [31003, 31001]), per_page=5)
    urls = discover(fetcher_for(site), site.base_url, "kk", knows())
    assert urls == [site.base_url + "/kz/news/release-number-31003",
                    site.base_url + "/kz/news/release-number-31001"]
    assert site.hits("/en/news") == 0


def test_empty_listing_gives_nothing(serve: Serve, fetcher_for: MakeFetcher) -> None:
    site = serve([])
    assert discover(fetcher_for(site), site.base_url, "ru", knows()) == []
    assert site.hits("/ru/news/page/2") == 0


def test_first_page_failure_propagates(serve: Serve, fetcher_for: MakeFetcher) -> None:
    site = serve(series("en", IDS))
    site.override("/en/news", Reply(status=404))
    with pytest.raises(PageNotFound):
        discover(fetcher_for(site), site.base_url, "en", knows())


def test_later_page_failure_keeps_what_was_found(serve: Serve, fetcher_for: MakeFetcher) -> None:
    site = serve(series("en", IDS), per_page=5)
    site.override("/en/news/page/3", Reply(status=503))
    urls = discover(fetcher_for(site), site.base_url, "en", knows())
    assert ids_of(urls) == IDS[:10]
    assert site.hits("/en/news/page/3") == 3  # bounded retries, then discovery ends


@pytest.mark.parametrize("dates_on_listing", [True, False])
def test_since_walks_past_known_pages_until_older_releases(
    serve: Serve, fetcher_for: MakeFetcher, dates_on_listing: bool
) -> None:
    # 12 releases one day apart; all of the first 8 known, since = the 10th one's day.
    releases = [make_release("en", rid, START - timedelta(days=n)) for n, rid in enumerate(IDS)]
    site = serve(releases, per_page=3, listing_dates=dates_on_listing)
    since = (START - timedelta(days=9)).date()
    urls = discover(fetcher_for(site), site.base_url, "en", knows(*IDS[:8]), since=since)
    # pages 1-3 are known but recent; page 4 (ids 31003-31001) reaches past `since`
    assert ids_of(urls) == [31004, 31003, 31002, 31001]
    assert site.hits("/en/news/page/4") == 1
    assert site.hits("/en/news/page/5") == 0
    # without dates on the listing, the oldest release of each page is fetched to date it
    assert site.hits("/en/news/release-number-31010") == (0 if dates_on_listing else 1)


def test_since_stops_at_the_first_page_older_than_since(
    serve: Serve, fetcher_for: MakeFetcher
) -> None:
    releases = [make_release("en", rid, START - timedelta(days=n)) for n, rid in enumerate(IDS)]
    site = serve(releases, per_page=4)
    since = datetime(START.year, START.month, START.day) - timedelta(days=2)
    urls = discover(fetcher_for(site), site.base_url, "en", knows(), since=since)
    assert ids_of(urls) == IDS[:4]
    assert site.hits("/en/news/page/2") == 0


def test_since_as_a_date_is_astana_midnight(serve: Serve, fetcher_for: MakeFetcher) -> None:
    at = datetime.fromisoformat
    releases = [make_release("en", 31004, at("2025-09-01T12:00+05:00")),
                make_release("en", 31003, at("2025-09-01T00:30+05:00")),  # 31 Aug in UTC
                make_release("en", 31002, at("2025-08-31T23:00+05:00")),
                make_release("en", 31001, at("2025-08-30T10:00+05:00"))]
    site = serve(releases, per_page=2)
    urls = discover(fetcher_for(site), site.base_url, "en", knows(), since=date(2025, 9, 1))
    # page 1 is all on/after Astana midnight (UTC midnight would stop here): go on;
    # page 2 reaches 31 August: stop after it
    assert ids_of(urls) == [31004, 31003, 31002, 31001]
    assert site.hits("/en/news/page/3") == 0

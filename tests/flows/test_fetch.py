"""The Fetcher against a real LocalSite on 127.0.0.1: politeness, retries, redirects, limits."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from extractors.errors import (
    BodyTooLarge,
    FetchError,
    OffsiteRedirect,
    PageNotFound,
    RobotsDisallowed,
    TransientFetchError,
)
from flows.fetch import Fetcher, decode_body, make_client, retry_after_seconds
from flows.localsite import LocalSite, Reply
from flows.settings import load_settings
from tests.flows.conftest import START, Sleeps, make_release

Serve = Callable[..., LocalSite]
MakeFetcher = Callable[..., Fetcher]

EN = make_release("en", 31001, START, title="Copper plant")
RU = make_release("ru", 31001, START, title="Медный завод в области Абай",
                  text="Инвестиции составят 1,5 млрд долларов.")


def path_of(release: dict) -> str:
    return release["url"].removeprefix("https://primeminister.kz")


def test_make_client_is_honest_and_explicit() -> None:
    settings = load_settings(user_agent="kzfacts/9 (+contact)", timeout=7.5)
    with make_client(settings) as client:
        assert client.headers["User-Agent"] == "kzfacts/9 (+contact)"
        assert client.timeout.read == 7.5
        assert client.follow_redirects is False


def test_get_returns_page_and_sends_the_user_agent(serve: Serve, fetcher_for: MakeFetcher) -> None:
    site = serve([EN])
    fetcher = fetcher_for(site)
    page = fetcher.get(site.url_of(EN))
    assert page.status_code == 200
    assert page.final_url == page.url == site.url_of(EN)
    assert "<h1 class=\"articles__title\">Copper plant</h1>" in page.text
    assert page.encoding == "utf-8"
    assert fetcher.requests == 2  # robots.txt, then the page
    assert {h["User-Agent"] for h in site.request_headers} == {"kzfacts-test/1.0"}


def test_from_settings_uses_the_settings() -> None:
    settings = load_settings(request_delay=1.5, max_retries=4, max_backoff=9.0,
                             max_body_bytes=123)
    with httpx.Client() as client:
        fetcher = Fetcher.from_settings(client, settings, base_url="http://127.0.0.1:1")
    assert (fetcher.delay, fetcher.max_retries, fetcher.max_backoff, fetcher.max_body_bytes) == \
        (1.5, 4, 9.0, 123)
    assert fetcher.base_url == "http://127.0.0.1:1"


@pytest.mark.parametrize("status", [404, 410])
def test_missing_page_raises_page_not_found_without_retry(
    serve: Serve, fetcher_for: MakeFetcher, sleeps: Sleeps, status: int
) -> None:
    site = serve([EN])
    site.override(path_of(EN), Reply(status=status, body="<h1>gone</h1>"))
    with pytest.raises(PageNotFound) as info:
        fetcher_for(site).get(site.url_of(EN))
    assert info.value.status_code == status
    assert info.value.body == b"<h1>gone</h1>"
    assert site.hits(path_of(EN)) == 1
    assert sleeps == []


def test_429_waits_as_long_as_retry_after_says(
    serve: Serve, fetcher_for: MakeFetcher, sleeps: Sleeps
) -> None:
    site = serve([EN])
    site.override(path_of(EN), Reply(status=429, headers={"Retry-After": "7"}), Reply())
    page = fetcher_for(site).get(site.url_of(EN))
    assert page.status_code == 200
    assert sleeps == [7.0]
    assert site.hits(path_of(EN)) == 2


def test_retry_after_as_http_date_and_capped(
    serve: Serve, fetcher_for: MakeFetcher, sleeps: Sleeps
) -> None:
    site = serve([EN])
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    site.override(path_of(EN), Reply(status=503, headers={"Retry-After": when}),
                  Reply(status=429, headers={"Retry-After": "3600"}), Reply())
    fetcher_for(site, max_backoff=60.0).get(site.url_of(EN))
    assert 27.0 <= sleeps[0] <= 30.0
    assert sleeps[1] == 60.0


def test_500_then_success_backs_off_once(
    serve: Serve, fetcher_for: MakeFetcher, sleeps: Sleeps
) -> None:
    site = serve([EN])
    site.override(path_of(EN), Reply(status=500), Reply())
    page = fetcher_for(site, backoff_base=2.0).get(site.url_of(EN))
    assert "Copper plant" in page.text
    assert sleeps == [2.0]
    assert site.hits(path_of(EN)) == 2


def test_persistent_5xx_is_transient_after_bounded_retries(
    serve: Serve, fetcher_for: MakeFetcher, sleeps: Sleeps
) -> None:
    site = serve([EN])
    site.override(path_of(EN), Reply(status=503, body="busy"))
    fetcher = fetcher_for(site, max_retries=2, backoff_base=2.0)
    with pytest.raises(TransientFetchError) as info:
        fetcher.get(site.url_of(EN))
    assert info.value.status_code == 503
    assert info.value.body == b"busy"
    assert site.hits(path_of(EN)) == 3
    assert sleeps == [2.0, 4.0]
    assert fetcher.requests == 4  # robots.txt + 3 attempts


def test_timeout_is_transient_after_bounded_retries(
    serve: Serve, fetcher_for: MakeFetcher, sleeps: Sleeps
) -> None:
    site = serve([EN])
    site.override(path_of(EN), Reply(delay=0.2))
    started = time.monotonic()
    fetcher = fetcher_for(site, timeout=0.05, max_retries=1)
    with pytest.raises(TransientFetchError) as info:
        fetcher.get(site.url_of(EN))
    assert "Timeout" in str(info.value)
    # Counted on the client: a busy server thread may log the second hit after we give up.
    assert fetcher.requests == 3  # robots.txt + 2 attempts
    assert len(sleeps) == 1
    assert time.monotonic() - started < 1.0


def test_connection_refused_is_transient(fetcher_for: MakeFetcher, serve: Serve) -> None:
    site = serve([EN])
    fetcher = fetcher_for(site, use_robots=False, max_retries=1)
    url = site.url_of(EN)
    site.close()
    with pytest.raises(TransientFetchError):
        fetcher.get(url)


def test_redirect_within_the_site_is_followed(serve: Serve, fetcher_for: MakeFetcher) -> None:
    site = serve([EN])
    site.override("/en/news/old-slug-31001", Reply(status=301, location=path_of(EN)))
    page = fetcher_for(site).get(site.base_url + "/en/news/old-slug-31001")
    assert page.url == site.base_url + "/en/news/old-slug-31001"
    assert page.final_url == site.url_of(EN)
    assert "Copper plant" in page.text


def test_redirect_off_the_site_is_refused(serve: Serve, fetcher_for: MakeFetcher) -> None:
    site = serve([EN])
    site.override(path_of(EN), Reply(status=302, location="https://evil.example/login"))
    with pytest.raises(OffsiteRedirect) as info:
        fetcher_for(site).get(site.url_of(EN))
    assert "evil.example" in str(info.value)
    assert info.value.url == site.url_of(EN)


def test_redirect_between_the_bare_and_the_www_host_is_followed() -> None:
    # the live site may move between "primeminister.kz" and "www.primeminister.kz"
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.host == "primeminister.kz":
            return httpx.Response(301, headers={"location": "https://www.primeminister.kz"
                                                            + request.url.path})
        return httpx.Response(200, text="<h1>Copper plant</h1>",
                              headers={"content-type": "text/html; charset=utf-8"})

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        fetcher = Fetcher(client, base_url="https://primeminister.kz", delay=0,
                          use_robots=False)
        page = fetcher.get("https://primeminister.kz/en/news/copper-31001")
    assert page.final_url == "https://www.primeminister.kz/en/news/copper-31001"
    assert "Copper plant" in page.text
    assert seen == ["https://primeminister.kz/en/news/copper-31001",
                    "https://www.primeminister.kz/en/news/copper-31001"]


def test_redirect_to_another_subdomain_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": "https://mail.primeminister.kz/x"})

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        fetcher = Fetcher(client, base_url="https://primeminister.kz", delay=0,
                          use_robots=False)
        with pytest.raises(OffsiteRedirect, match="mail.primeminister.kz"):
            fetcher.get("https://primeminister.kz/en/news/copper-31001")


def test_redirect_loop_stops_after_five(serve: Serve, fetcher_for: MakeFetcher) -> None:
    site = serve([])
    site.override("/en/news/a-31001", Reply(status=302, location="/en/news/b-31002"))
    site.override("/en/news/b-31002", Reply(status=302, location="/en/news/a-31001"))
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher_for(site).get(site.base_url + "/en/news/a-31001")
    assert site.hits("/en/news/a-31001") + site.hits("/en/news/b-31002") == 6


def test_other_client_errors_are_plain_fetch_errors(serve: Serve, fetcher_for: MakeFetcher) -> None:
    site = serve([EN])
    site.override(path_of(EN), Reply(status=403, body="forbidden"))
    with pytest.raises(FetchError) as info:
        fetcher_for(site).get(site.url_of(EN))
    assert type(info.value) is FetchError
    assert info.value.status_code == 403


def test_body_larger_than_content_length_cap_is_refused(
    serve: Serve, fetcher_for: MakeFetcher
) -> None:
    site = serve([EN])
    with pytest.raises(BodyTooLarge, match="Content-Length"):
        fetcher_for(site, max_body_bytes=500).get(site.url_of(EN))


def test_body_without_length_is_counted_while_streaming(
    serve: Serve, fetcher_for: MakeFetcher
) -> None:
    site = serve([EN])
    site.override(path_of(EN), Reply(body=b"x" * 5000, send_length=False))
    with pytest.raises(BodyTooLarge, match="body exceeds 1000 bytes"):
        fetcher_for(site, max_body_bytes=1000).get(site.url_of(EN))
    site.override(path_of(EN), Reply(body=b"x" * 900, send_length=False))
    assert fetcher_for(site, max_body_bytes=1000).get(site.url_of(EN)).body == b"x" * 900


@pytest.mark.parametrize("in_header", [True, False])
def test_windows_1251_page_is_decoded(
    serve: Serve, fetcher_for: MakeFetcher, in_header: bool
) -> None:
    site = serve([RU])
    site.override(path_of(RU), Reply(charset="windows-1251", declare_in_header=in_header))
    page = fetcher_for(site).get(site.url_of(RU))
    assert page.encoding == "cp1251"
    assert "Медный завод в области Абай" in page.text
    assert "Медный".encode("cp1251") in page.body


def test_decode_body_prefers_bom_then_header_then_meta() -> None:
    assert decode_body("\ufeffЗавод".encode(), "text/html; charset=cp1251") == ("Завод", "utf-8")
    body = '<meta charset="windows-1251"><p>Завод</p>'.encode("cp1251")
    assert decode_body(body, "text/html")[1] == "cp1251"
    assert decode_body(body, "text/html; charset=koi8-r")[1] == "koi8-r"
    assert decode_body(b"<p>plain</p>", None) == ("<p>plain</p>", "utf-8")
    assert decode_body(b"<p>x</p>", "text/html; charset=no-such-codec")[1] == "utf-8"


def test_robots_txt_is_fetched_once_and_honoured(serve: Serve, fetcher_for: MakeFetcher) -> None:
    other = make_release("en", 31002, START, title="Allowed")
    site = serve([EN, other], robots_txt=f"User-agent: kzfacts-test\nDisallow: {path_of(EN)}\n"
                                          "\nUser-agent: *\nDisallow: /\n")
    fetcher = fetcher_for(site)
    with pytest.raises(RobotsDisallowed):
        fetcher.get(site.url_of(EN))
    assert "Allowed" in fetcher.get(site.url_of(other)).text
    assert site.hits(path_of(EN)) == 0
    assert site.hits("/robots.txt") == 1


def test_robots_txt_disallowing_a_redirect_target(serve: Serve, fetcher_for: MakeFetcher) -> None:
    site = serve([EN], robots_txt=f"User-agent: *\nDisallow: {path_of(EN)}\n")
    site.override("/en/news/old-31001", Reply(status=301, location=path_of(EN)))
    with pytest.raises(RobotsDisallowed):
        fetcher_for(site).get(site.base_url + "/en/news/old-31001")
    assert site.hits(path_of(EN)) == 0


def test_robots_crawl_delay_slows_the_pace(
    serve: Serve, fetcher_for: MakeFetcher, sleeps: Sleeps
) -> None:
    site = serve([EN], robots_txt="User-agent: *\nCrawl-delay: 5\n")
    fetcher = fetcher_for(site)
    fetcher.get(site.url_of(EN))
    assert fetcher.delay == 5.0
    assert len(sleeps) == 1 and 4.0 < sleeps[0] <= 5.0  # waited between robots.txt and page


def test_polite_delay_between_requests(
    serve: Serve, fetcher_for: MakeFetcher, sleeps: Sleeps
) -> None:
    site = serve([EN])
    fetcher = fetcher_for(site, delay=0.5, use_robots=False)
    fetcher.get(site.url_of(EN))
    assert sleeps == []  # nothing to wait for before the first request
    fetcher.get(site.url_of(EN))
    assert len(sleeps) == 1 and 0.3 < sleeps[0] <= 0.5
    assert fetcher.requests == 2


def test_only_urls_of_the_site_are_fetched(serve: Serve, fetcher_for: MakeFetcher) -> None:
    site = serve([EN])
    with pytest.raises(ValueError, match="not on the crawled site"):
        fetcher_for(site).get("https://example.org/en/news/x-31001")
    assert sum(site.requests.values()) == 0


@pytest.mark.parametrize(
    ("value", "expected"),
    [("120", 120.0), ("0", 0.0), (None, None), ("", None), ("soon", None),
     ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)],  # a date in the past: no wait
)
def test_retry_after_seconds(value: str | None, expected: float | None) -> None:
    assert retry_after_seconds(value) == expected


def test_undecodable_body_is_a_fetch_error_not_a_crash(
    serve: Serve, fetcher_for: MakeFetcher
) -> None:
    site = serve([EN])
    site.override(path_of(EN), Reply(body=b"not gzip at all", headers={"Content-Encoding": "gzip"}))
    with pytest.raises(FetchError, match="DecodingError") as info:
        fetcher_for(site).get(site.url_of(EN))
    assert type(info.value) is FetchError

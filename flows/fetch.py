"""Polite HTTP fetching of the site: one client factory and a ``Fetcher`` (no Prefect here).

The ``Fetcher`` waits ``delay`` seconds between requests, honours robots.txt, backs off on
429/5xx (``Retry-After`` in seconds or as an HTTP date, capped), retries only transient
errors, follows redirects itself and only within the site, and refuses oversized bodies.
Every failure is a ``FetchError`` subclass naming the URL.
"""

from __future__ import annotations

import codecs
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from extractors.errors import (
    BodyTooLarge,
    FetchError,
    OffsiteRedirect,
    PageNotFound,
    RobotsDisallowed,
    TransientFetchError,
)
from flows.settings import Settings

log = logging.getLogger(__name__)

REDIRECT_CODES = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 5
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def make_client(settings: Settings) -> httpx.Client:
    """The one ``httpx.Client`` of kzfacts: honest User-Agent, explicit timeouts, and no
    automatic redirects (the ``Fetcher`` follows them itself to refuse off-site ones)."""
    return httpx.Client(
        headers={"User-Agent": settings.user_agent, "Accept": "text/html,*/*;q=0.8"},
        timeout=httpx.Timeout(settings.timeout, connect=min(settings.timeout, 10.0)),
        follow_redirects=False,
    )


@dataclass(frozen=True)
class Page:
    """A fetched page: ``body`` as sent (decompressed), ``text`` decoded with ``encoding``."""

    url: str
    final_url: str
    status_code: int
    body: bytes
    text: str
    encoding: str
    content_type: str | None = None


def declared_encoding(content_type: str | None, body: bytes) -> str:
    """The charset of the HTTP header, else of ``<meta charset>``, else UTF-8 (the site's).
    Unknown charset names fall back to UTF-8."""
    candidates: list[str] = []
    if content_type:
        match = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", content_type, re.I)
        if match:
            candidates.append(match[1])
    meta = _META_CHARSET.search(body[:4096])
    if meta:
        candidates.append(meta[1].decode("ascii", "replace"))
    for name in candidates:
        try:
            return codecs.lookup(name).name
        except LookupError:
            log.warning("unknown charset %r, ignored", name)
    return "utf-8"


def decode_body(body: bytes, content_type: str | None) -> tuple[str, str]:
    """``(text, encoding)``; a byte-order mark wins over any declaration."""
    if body.startswith(codecs.BOM_UTF8):
        return body[3:].decode("utf-8", errors="replace"), "utf-8"
    encoding = declared_encoding(content_type, body)
    return body.decode(encoding, errors="replace"), encoding


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds asked by a ``Retry-After`` header (delta-seconds or HTTP date), else None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _origin(url: str) -> tuple[str, int | None]:
    parts = urlsplit(url)
    default = {"http": 80, "https": 443}.get(parts.scheme)
    host = (parts.hostname or "").lower()
    # "www.primeminister.kz" and "primeminister.kz" are one site: a redirect between them
    # (which sites switch on and off) must not turn every page into an off-site refusal
    return host.removeprefix("www."), parts.port or default


def _same_host(a: str, b: str) -> bool:
    # http -> https on the same host is fine; the port only matters when one is explicit.
    (host_a, port_a), (host_b, port_b) = _origin(a), _origin(b)
    if host_a != host_b:
        return False
    explicit = urlsplit(a).port is not None or urlsplit(b).port is not None
    return not explicit or port_a == port_b


@dataclass(frozen=True)
class _Response:
    status_code: int
    headers: httpx.Headers
    body: bytes


class Fetcher:
    """Fetches pages of one site politely. ``requests`` counts HTTP requests sent.

    Not thread-safe: use one Fetcher per crawl, from one thread. The pace (``delay``) is
    kept between its own requests only, so parallel fetchers would not be polite."""

    def __init__(
        self,
        client: httpx.Client,
        *,
        base_url: str,
        delay: float = 3.0,
        max_retries: int = 3,
        max_backoff: float = 120.0,
        max_body_bytes: int = 5_000_000,
        backoff_base: float = 2.0,
        sleep: Callable[[float], None] = time.sleep,
        use_robots: bool = True,
    ) -> None:
        self.client = client
        self.base_url = base_url.rstrip("/")
        self.delay = delay
        self.max_retries = max_retries
        self.max_backoff = max_backoff
        self.max_body_bytes = max_body_bytes
        self.backoff_base = backoff_base
        self.sleep = sleep
        self.use_robots = use_robots
        self.requests = 0
        self._last_request: float | None = None
        self._robots: Protego | None = None
        self._robots_loaded = False

    @classmethod
    def from_settings(
        cls,
        client: httpx.Client,
        settings: Settings,
        *,
        base_url: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> Fetcher:
        return cls(
            client,
            base_url=base_url or settings.base_url,
            delay=settings.request_delay,
            max_retries=settings.max_retries,
            max_backoff=settings.max_backoff,
            max_body_bytes=settings.max_body_bytes,
            sleep=sleep,
        )

    @property
    def user_agent(self) -> str:
        return str(self.client.headers.get("User-Agent", ""))

    def get(self, url: str) -> Page:
        """GET ``url`` (on the site), following same-site redirects (at most 5).

        Raises PageNotFound (404/410), OffsiteRedirect, BodyTooLarge, RobotsDisallowed,
        TransientFetchError (timeouts, connection errors, 429/5xx after retries) or
        FetchError (any other unexpected status, too many redirects)."""
        if not _same_host(url, self.base_url):
            raise ValueError(f"{url} is not on the crawled site {self.base_url}")
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            self._check_robots(current)
            response = self._request(current)
            status = response.status_code
            if status in REDIRECT_CODES and "location" in response.headers:
                target = urljoin(current, response.headers["location"])
                if not _same_host(target, self.base_url):
                    raise OffsiteRedirect(
                        f"{current} redirects off the site to {target}", url, status
                    )
                log.info("redirect %s -> %s (%d)", current, target, status)
                current = target
                continue
            if status in (404, 410):
                raise PageNotFound(f"{current} answered {status}", url, status, response.body)
            if status >= 400 or status in REDIRECT_CODES:
                raise FetchError(f"{current} answered {status}", url, status, response.body)
            content_type = response.headers.get("content-type")
            text, encoding = decode_body(response.body, content_type)
            return Page(url, current, status, response.body, text, encoding, content_type)
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects", url)

    # --- internals ---------------------------------------------------------------------
    def _pause(self) -> None:
        """Keep at least ``delay`` seconds between two requests."""
        if self._last_request is not None and self.delay > 0:
            wait = self.delay - (time.monotonic() - self._last_request)
            if wait > 0:
                self.sleep(wait)

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        asked = retry_after_seconds(retry_after)
        wait = asked if asked is not None else self.backoff_base * 2**attempt
        return min(wait, self.max_backoff)

    def _request(self, url: str) -> _Response:
        """One GET with bounded retries on transient failures; returns any final status."""
        for attempt in range(self.max_retries + 1):
            last = attempt == self.max_retries
            try:
                response = self._send(url)
            except httpx.TransportError as exc:  # timeouts, refused connections, resets
                if last:
                    raise TransientFetchError(f"{url}: {exc!r}", url) from exc
                wait = self._backoff(attempt, None)
                log.warning("%s: %r, retry %d in %.1fs", url, exc, attempt + 1, wait)
                self.sleep(wait)
                continue
            except (httpx.HTTPError, httpx.InvalidURL) as exc:  # bad gzip, unusable URL
                raise FetchError(f"{url}: {exc!r}", url) from exc
            if response.status_code == 429 or response.status_code >= 500:
                if last:
                    raise TransientFetchError(
                        f"{url} answered {response.status_code} after {attempt + 1} attempts",
                        url, response.status_code, response.body,
                    )
                wait = self._backoff(attempt, response.headers.get("retry-after"))
                log.warning("%s answered %d, retry %d in %.1fs",
                            url, response.status_code, attempt + 1, wait)
                self.sleep(wait)
                continue
            return response
        raise AssertionError("unreachable")  # the loop always returns or raises

    def _send(self, url: str) -> _Response:
        self._pause()
        self.requests += 1
        self._last_request = time.monotonic()
        try:
            with self.client.stream("GET", url) as response:
                if response.status_code in REDIRECT_CODES:
                    return _Response(response.status_code, response.headers, b"")
                length = response.headers.get("content-length", "")
                if length.isdigit() and int(length) > self.max_body_bytes:
                    raise BodyTooLarge(
                        f"{url}: Content-Length {length} exceeds {self.max_body_bytes} bytes",
                        url, response.status_code,
                    )
                chunks, size = [], 0
                # Count decoded bytes: a small gzip body can expand far beyond the cap.
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_body_bytes:
                        raise BodyTooLarge(
                            f"{url}: body exceeds {self.max_body_bytes} bytes",
                            url, response.status_code,
                        )
                    chunks.append(chunk)
                return _Response(response.status_code, response.headers, b"".join(chunks))
        finally:
            self._last_request = time.monotonic()

    def _check_robots(self, url: str) -> None:
        if not self.use_robots:
            return
        if not self._robots_loaded:
            self._load_robots()
        if self._robots is not None and not self._robots.can_fetch(url, self.user_agent):
            raise RobotsDisallowed(f"robots.txt disallows {url}", url)

    def _load_robots(self) -> None:
        """Fetch robots.txt once. Missing (4xx) = allow all; a transient failure propagates
        and is tried again on the next request (we do not crawl on an unknown policy)."""
        url = f"{self.base_url}/robots.txt"
        response = self._request(url)
        self._robots_loaded = True
        if response.status_code != 200:
            log.info("no robots.txt at %s (%d): all allowed", url, response.status_code)
            return
        text, _ = decode_body(response.body, response.headers.get("content-type"))
        self._robots = Protego.parse(text)
        crawl_delay = self._robots.crawl_delay(self.user_agent)
        if crawl_delay and float(crawl_delay) > self.delay:
            # The site asked for a slower pace: obey it, within reason.
            self.delay = min(float(crawl_delay), self.max_backoff)
            log.info("robots.txt Crawl-delay: pacing at %.1fs", self.delay)

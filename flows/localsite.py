"""``LocalSite``: a local copy of primeminister.kz served on 127.0.0.1, for tests and the demo.

It renders listing pages and release pages in the site's markup (SITE.md) from release dicts
(``lang``, ``url``, ``published`` ISO with offset, ``title``, ``text`` with paragraphs separated
by blank lines; Kazakh URLs use ``kz``). Tests can swap or edit releases between runs, make any
path answer something else (``Reply``: status, headers, body, delay, redirect, charset, or a
sequence such as 500 then normal) and count the requests per path.
"""

from __future__ import annotations

import html
import json
import threading
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, urlsplit

from extractors.release import LANG_FROM_SITE, SITE_LANG
from extractors.site import format_published, release_key

TELEGRAM_BLOCK = (
    '<div class="articles__container-bottom"><p>Subscribe to our Telegram channel '
    '<a href="https://t.me/primeministerkz">@primeministerkz</a></p></div>'
)


@dataclass
class Reply:
    """What an overridden path answers. ``status=None`` and ``body=None`` mean "the normal
    page", still with the given headers, delay and charset."""

    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | str | None = None
    delay: float = 0.0  # seconds to wait before answering (timeouts)
    location: str | None = None  # redirect target (with a 3xx status; 302 by default)
    charset: str = "utf-8"  # encoding of the body, declared in Content-Type and <meta>
    declare_in_header: bool = True  # False: declare the charset in <meta> only
    send_length: bool = True  # False: no Content-Length, the body ends when the socket closes


class LocalSite:
    """A real HTTP server on 127.0.0.1 (port chosen by the OS). Use as a context manager."""

    def __init__(
        self,
        releases: Iterable[dict[str, Any]] = (),
        *,
        per_page: int = 5,
        pagination: str = "path",
        robots_txt: str | None = None,
        listing_dates: bool = True,
    ) -> None:
        if pagination not in ("path", "query"):
            raise ValueError(f"pagination must be 'path' or 'query', not {pagination!r}")
        self.per_page = per_page
        self.pagination = pagination
        self.robots_txt = robots_txt
        self.listing_dates = listing_dates
        self.requests: Counter[str] = Counter()  # path (with query) -> requests received
        self.request_headers: list[dict[str, str]] = []  # headers of each request, in order
        self._overrides: dict[str, list[Reply]] = {}
        self._lock = threading.Lock()
        self._releases: dict[str, dict[str, Any]] = {}
        self.set_releases(releases)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"

    # --- lifecycle -------------------------------------------------------------------
    def start(self) -> LocalSite:
        # A short poll interval keeps close() fast (it waits for the serving loop to notice).
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving; safe to call twice."""
        if self._thread is not None:
            self._server.shutdown()
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> LocalSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- content ---------------------------------------------------------------------
    def set_releases(self, releases: Iterable[dict[str, Any]]) -> None:
        """Replace the whole site content."""
        table = {}
        for release in releases:
            path = urlsplit(release["url"]).path
            if release_key(path) is None:
                raise ValueError(f"not a release URL: {release['url']}")
            table[path] = dict(release)
        with self._lock:
            self._releases = table

    def edit(self, url_or_path: str, **changes: Any) -> None:
        """Change fields (``title``, ``text``, ``published``...) of one release."""
        path = urlsplit(url_or_path).path
        with self._lock:
            self._releases[path] = {**self._releases[path], **changes}

    def url_of(self, release: dict[str, Any]) -> str:
        """The URL of ``release`` on this local site."""
        return self.base_url + urlsplit(release["url"]).path

    def override(self, path: str, *replies: Reply) -> None:
        """Answer ``path`` (with its query, if any) with ``replies`` in turn; the last one
        then repeats. ``override(path)`` with no reply removes the override."""
        with self._lock:
            if replies:
                self._overrides[path] = list(replies)
            else:
                self._overrides.pop(path, None)

    def hits(self, path: str) -> int:
        return self.requests[path]

    # --- serving ---------------------------------------------------------------------
    def _next_reply(self, target: str, path: str) -> Reply | None:
        with self._lock:
            self.requests[target] += 1
            replies = self._overrides.get(target) or self._overrides.get(path)
            if not replies:
                return None
            return replies.pop(0) if len(replies) > 1 else replies[0]

    def respond(self, target: str) -> tuple[int, dict[str, str], bytes, Reply]:
        """(status, headers, body, reply) for a request target such as ``/en/news?page=2``."""
        parts = urlsplit(target)
        reply = self._next_reply(target, parts.path) or Reply()
        if reply.location is not None:
            return reply.status or 302, {"Location": reply.location, **reply.headers}, b"", reply
        status, page = (reply.status, reply.body) if reply.body is not None else (None, None)
        if page is None:
            status, page = self._render(parts.path, parse_qs(parts.query), reply.charset)
        if reply.status is not None:
            status = reply.status
        body = page.encode(reply.charset) if isinstance(page, str) else page
        ctype = "text/plain" if parts.path == "/robots.txt" else "text/html"
        headers = {"Content-Type": f"{ctype}; charset={reply.charset}"
                   if reply.declare_in_header else ctype, **reply.headers}
        return status or 200, headers, body, reply

    def _render(self, path: str, query: dict[str, list[str]], charset: str) -> tuple[int, str]:
        with self._lock:
            releases = list(self._releases.values())
        if path == "/robots.txt":
            return (200, self.robots_txt) if self.robots_txt is not None else (404, "not found")
        parts = path.rstrip("/").split("/")
        if len(parts) >= 3 and parts[2] == "news" and parts[1] in LANG_FROM_SITE:
            page = self._page_number(parts[3:], query)
            if page is not None:
                return 200, render_listing(self, releases, parts[1], page, charset)
        for release in releases:
            if urlsplit(release["url"]).path == path.rstrip("/"):
                return 200, render_release(self.base_url, release, releases, charset)
        return 404, _document("en", "404 Page not found", "<h1>Page not found</h1>")

    def _page_number(self, rest: list[str], query: dict[str, list[str]]) -> int | None:
        """Page number of a listing path, or None when the path is not a listing here."""
        if not rest:
            # The "path" site ignores ?page=N and shows page 1, as many real sites do.
            wanted = query.get("page", ["1"])[0] if self.pagination == "query" else "1"
            return int(wanted) if wanted.isdigit() else 1
        if self.pagination == "path" and len(rest) == 2 and rest[0] == "page" \
                and rest[1].isdigit():
            return int(rest[1])
        return None


def _handler_for(site: LocalSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server naming)
            site.request_headers.append(dict(self.headers.items()))
            status, headers, body, reply = site.respond(self.path)
            if reply.delay:
                time.sleep(reply.delay)
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if reply.send_length and "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test): nothing to answer

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass  # keep test output quiet

    return Handler


# --- rendering -----------------------------------------------------------------------------
def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _document(lang: str, title: str, main: str, head: str = "", charset: str = "utf-8") -> str:
    nav = "".join(f'<a href="/{code}/news">{code.upper()}</a> ' for code in SITE_LANG.values())
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="{charset}">'
        f"<title>{_e(title)} | Prime Minister of Kazakhstan</title>"
        f'<meta property="og:title" content="{_e(title)}">{head}</head>'
        f'<body><header><nav class="lang-switch">{nav}</nav></header>'
        f'<main>{main}</main><footer><p>© primeminister.kz</p></footer></body></html>'
    )


def _published(release: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(release["published"])


def _iso_lang(release: dict[str, Any]) -> str:
    key = release_key(release["url"])
    return key[0] if key else release["lang"]


def render_release(
    base_url: str, release: dict[str, Any], others: list[dict[str, Any]], charset: str = "utf-8"
) -> str:
    """A release page in the 2023-2024 markup of the site."""
    lang = _iso_lang(release)
    path = urlsplit(release["url"]).path
    key = release_key(path)
    head = f'<link rel="canonical" href="{base_url}{path}">'
    for other in others:
        other_key = release_key(other["url"])
        if other_key and key and other_key[1] == key[1] and other_key[0] != lang:
            other_path = urlsplit(other["url"]).path
            head += (f'<link rel="alternate" hreflang="{SITE_LANG[other_key[0]]}"'
                     f' href="{base_url}{other_path}">')
    paragraphs = [p.strip() for p in release["text"].split("\n\n") if p.strip()]
    body = "".join(f"<p>{_e(p)}</p>" for p in paragraphs)
    main = (
        '<div class="articles">'
        f'<div class="articles__container"><h1 class="articles__title">{_e(release["title"])}'
        f'</h1><p class="article__date">{format_published(_published(release), lang)}</p></div>'
        f'<div class="articles__container">{body}{TELEGRAM_BLOCK}</div></div>'
    )
    return _document(SITE_LANG[lang], release["title"], main, head, charset)


def render_listing(
    site: LocalSite, releases: list[dict[str, Any]], site_lang: str, page: int,
    charset: str = "utf-8",
) -> str:
    """Listing page ``page`` of one language: newest first, ``site.per_page`` releases,
    plus a "latest" sidebar repeated on every page (as real news sites have)."""
    lang = LANG_FROM_SITE[site_lang]
    mine = sorted((r for r in releases if _iso_lang(r) == lang), key=_published, reverse=True)
    chunk = mine[(page - 1) * site.per_page: page * site.per_page]
    items = []
    for release in chunk:
        date = (f'<span class="news__date">{format_published(_published(release), lang)}</span>'
                if site.listing_dates else "")
        href = urlsplit(release["url"]).path
        items.append(f'<div class="news__item"><a href="{href}">{_e(release["title"])}</a>'
                     f"{date}</div>")
    sidebar = "".join(f'<li><a href="{urlsplit(r["url"]).path}">{_e(r["title"])}</a></li>'
                      for r in mine[:2])
    main = (f'<div class="news__list">{"".join(items)}</div>'
            f'<aside class="latest"><ul>{sidebar}</ul></aside>')
    return _document(site_lang, "News", main, charset=charset)


# --- the demo site -------------------------------------------------------------------------
def load_demo_releases(
    edited: bool = False, newest_at: datetime | None = None
) -> list[dict[str, Any]]:
    """The releases of the offline demo site (``flows/demo_site/release-*.json``); with
    ``edited``, each ``edit-*.json`` replaces the release with the same URL. With
    ``newest_at``, all publication times move by the same amount so that the newest release
    is published then (keeps the demo's releases inside the re-fetch window)."""
    root = resources.files("flows") / "demo_site"
    releases: dict[str, dict[str, Any]] = {}
    edits: list[dict[str, Any]] = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.startswith("release-") and entry.name.endswith(".json"):
            release = json.loads(entry.read_text(encoding="utf-8"))
            releases[release["url"]] = release
        elif entry.name.startswith("edit-") and entry.name.endswith(".json"):
            edits.append(json.loads(entry.read_text(encoding="utf-8")))
    if edited:
        for change in edits:
            if change["url"] not in releases:
                raise ValueError(f"demo edit for unknown release {change['url']}")
            releases[change["url"]] = change
    if newest_at is not None and releases:
        shift = newest_at - max(_published(r) for r in releases.values())
        for url, release in releases.items():
            releases[url] = {**release, "published": (_published(release) + shift).isoformat()}
    return list(releases.values())


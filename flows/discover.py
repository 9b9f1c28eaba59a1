"""Discovering release URLs from the news listing of one language (no Prefect here).

Listing pages are read newest first: ``/{lang}/news``, then page 2, 3... in whichever
pagination style yields new release links (``/news/page/N`` is tried first, then
``/news?page=N``; the one that works is kept). Release links are found by their URL pattern,
never by CSS class. Release ids are never compared: old 6-digit ids are not in date order, so
"known" is asked of the warehouse id by id.

Stopping (without ``since``): at the first page whose releases (those not already seen on an
earlier page of this listing, e.g. in a "latest" sidebar) are all known, at an empty or
missing page, at a page with no new links, and after ``max_pages`` pages.

With ``since`` (a backfill), known releases do not stop the walk: it goes on while a page
still shows releases published on or after ``since``. The page's dates are read from the
listing itself when it shows them; when it does not, the oldest (last) release of the page is
fetched and its date read, one extra request per page. Pages without any readable date do
not stop the walk (``max_pages`` still does). The last page read may contribute a few releases
older than ``since``: harmless, they are real releases.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime

from bs4 import BeautifulSoup

from extractors.errors import FetchError, KzfactsError, PageNotFound
from extractors.site import (
    PAGINATION_STYLES,
    find_release_links,
    is_captcha,
    listing_dates,
    listing_url,
    parse_release,
    release_key,
    to_astana,
)
from flows.fetch import Fetcher

log = logging.getLogger(__name__)

IsKnown = Callable[[str, int], bool]


def discover(
    fetcher: Fetcher,
    base_url: str,
    lang: str,
    is_known: IsKnown,
    since: date | datetime | None = None,
    max_pages: int = 30,
) -> list[str]:
    """URLs of releases in ``lang`` (ISO) that ``is_known(lang, release_id)`` does not know
    yet, unique, newest first. A failure of the first listing page propagates (nothing can be
    discovered); a failure of a later page ends the walk with what was found, which loses
    nothing, since unknown releases are found again on the next run."""
    since_at = as_astana_datetime(since) if since is not None else None
    seen: set[int] = set()
    found: list[str] = []
    style: str | None = None
    for number in range(1, max_pages + 1):
        if number == 1:
            text, fresh = _read(fetcher, listing_url(base_url, lang, 1), base_url, lang, seen)
        else:
            styles = (style,) if style else PAGINATION_STYLES
            text, fresh = "", []
            for candidate in styles:
                url = listing_url(base_url, lang, number, candidate)
                try:
                    text, fresh = _read(fetcher, url, base_url, lang, seen)
                except PageNotFound:
                    continue
                except FetchError as exc:
                    log.warning("listing %s failed (%s): discovery stops here", url, exc)
                    return found
                if fresh:
                    if style is None:
                        log.info("%s listing paginates in %r style", lang, candidate)
                    style = candidate
                    break
        if not fresh:
            log.info("%s listing page %d has no new release links: done", lang, number)
            break
        seen.update(_release_id(url) for url in fresh)
        unknown = [url for url in fresh if not is_known(lang, _release_id(url))]
        found.extend(unknown)
        log.info("%s listing page %d: %d releases, %d unknown",
                 lang, number, len(fresh), len(unknown))
        if since_at is None:
            if not unknown:
                break  # everything older is in the warehouse already
        else:
            oldest = _oldest_date(fetcher, text, fresh, lang)
            if oldest is not None and oldest < since_at:
                break
    else:
        log.warning("%s listing: stopped after max_pages=%d pages", lang, max_pages)
    return found


def as_astana_datetime(moment: date | datetime) -> datetime:
    """A ``since`` bound as an aware datetime: a date means its midnight in Astana, a naive
    datetime is Astana wall time."""
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day)
    return to_astana(moment)


def _release_id(url: str) -> int:
    key = release_key(url)
    assert key is not None  # find_release_links only returns release URLs
    return key[1]


def _read(
    fetcher: Fetcher, url: str, base_url: str, lang: str, seen: set[int]
) -> tuple[str, list[str]]:
    """The page text and its release links not seen on an earlier page."""
    page = fetcher.get(url)
    links = find_release_links(page.text, base_url, lang)
    if not links and is_captcha(BeautifulSoup(page.text, "html.parser")):
        # Not the end of the listing: the site is throttling us. Say so loudly.
        log.warning("listing %s answered with a captcha page: slow down (request_delay)", url)
    return page.text, [link for link in links if _release_id(link) not in seen]


def _oldest_date(fetcher: Fetcher, text: str, links: list[str], lang: str) -> datetime | None:
    dates = listing_dates(text, lang)
    if dates:
        return min(dates)
    try:  # the listing shows no dates: ask the oldest release of the page
        page = fetcher.get(links[-1])
        return parse_release(page.text, page.final_url).published_at
    except KzfactsError as exc:
        log.warning("cannot date listing page via %s: %s", links[-1], exc)
        return None

"""The one exception tree of kzfacts. Third-party errors are wrapped once, with ``from exc``.

Messages name the URL, release or pattern id concerned. "Nothing found" is an empty list,
never an exception.
"""

from __future__ import annotations


class KzfactsError(Exception):
    """Base of every error kzfacts raises on purpose."""


# --- fetching (flows/fetch.py) -------------------------------------------------------------
class FetchError(KzfactsError):
    """A page could not be fetched. ``url`` names it; ``body`` is what the site sent, if any."""

    def __init__(
        self, message: str, url: str, status_code: int | None = None, body: bytes | None = None
    ) -> None:
        super().__init__(message)
        self.url = url
        self.status_code = status_code
        self.body = body


class TransientFetchError(FetchError):
    """Worth retrying later: timeouts, connection errors, 429 and 5xx after bounded retries."""


class PageNotFound(FetchError):
    """The site answered 404 or 410."""


class OffsiteRedirect(FetchError):
    """The site redirected to another host; we never follow it."""


class BodyTooLarge(FetchError):
    """The response body exceeded the configured size cap."""


class RobotsDisallowed(FetchError):
    """robots.txt forbids this URL for our User-Agent."""


# --- parsing (extractors/site.py) ----------------------------------------------------------
class NotAReleaseError(KzfactsError):
    """The page is not a press release (captcha, error page, listing...). ``reason`` says which."""

    def __init__(self, message: str, url: str, reason: str) -> None:
        super().__init__(message)
        self.url = url
        self.reason = reason


# --- extraction ----------------------------------------------------------------------------
class PatternError(KzfactsError):
    """A pattern or gazetteer file is malformed; the message names the file and pattern id."""


class ExtractionError(KzfactsError):
    """The rules failed on a text (a bug, never the text's fault); the release is kept."""


# --- warehouse -----------------------------------------------------------------------------
class WarehouseError(KzfactsError):
    """The DuckDB warehouse cannot be opened, migrated or written."""


class CurationError(WarehouseError):
    """An analyst's merge or split request is invalid (unknown project, merge with itself...)."""


# --- alerts --------------------------------------------------------------------------------
class AlertDeliveryError(KzfactsError):
    """An alert could not be delivered to a channel; it stays in the outbox for the next run."""

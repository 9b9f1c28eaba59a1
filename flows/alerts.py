"""Change alerts: deliver the outbox's pending alerts through Apprise (text: alert_text.py).

Pipeline step 8 (DESIGN.md). The diff step writes material changes to ``alert_outbox``
(warehouse/outbox.py); this module sends the pending ones to every configured channel
(an Apprise URL each: e-mail, Slack, Telegram, Teams, webhooks).

Delivery rule (several channels, partial success):

- An alert is marked ``sent`` only once *every* configured channel has accepted it.
- Each channel that accepts an alert is recorded at once, in its own transaction, in
  ``alert_deliveries`` (alert_id, sha256 of the URL). A retry skips recorded channels, so a
  channel that got the alert never gets it again, even when another channel keeps failing.
- A failing channel leaves the alert ``pending``; ``mark_failed`` counts the attempt and keeps
  a redacted error. The next run retries only the channels still missing.
- The only window for a duplicate is a crash between a channel accepting the alert and the
  ``alert_deliveries`` row being committed (delivery is at-least-once per channel, as with any
  outbox: no channel takes part in our transaction).
- A channel that fails 3 alerts in a row is not tried again in the same run (its alerts are
  marked failed with "not tried"), so a dead mail server costs at most 3 timeouts per run,
  not one per pending alert.
- A new URL is a new channel: it receives the alerts still pending, never those already sent.
  A removed URL is no longer waited for.

URLs are secrets: they are never logged nor stored. Channels are named ``scheme:hash8`` (the
URL scheme and the first 8 hex digits of the URL's sha256), and Apprise's own error messages are
redacted of every part of the URL before they are logged or written to ``last_error``.

No Prefect here: the flow wraps :func:`deliver_pending` in a task.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import parse_qsl, unquote, urlsplit

import apprise
import duckdb
from pydantic import SecretStr

from extractors.errors import AlertDeliveryError
from flows.alert_text import render_alert
from warehouse.db import transaction
from warehouse.outbox import (
    delivered_channels,
    mark_failed,
    mark_sent,
    pending_alerts,
    record_delivery,
)

log = logging.getLogger(__name__)

# Loggers that may see a channel URL while we deliver: Apprise and the HTTP stack under it.
# Named explicitly because Apprise imports requests/urllib3 only when it loads its plugins,
# i.e. after the guard is installed; getLogger() here hands them the guarded logger later.
GUARDED_LOGGERS = (
    "apprise", "requests", "urllib3", "urllib3.connection", "urllib3.connectionpool",
    "urllib3.poolmanager", "urllib3.response", "urllib3.util.retry",
)
REDACTED = "***"
MAX_ERROR_CHARS = 1000  # keep last_error readable
# A channel that failed this many alerts in a row is not tried again in this run (a mail
# server that times out would otherwise cost its timeout once per pending alert); the alerts
# stay pending and the next run tries it again.
MAX_FAILURES_IN_A_ROW = 3

# --- channels and secrets -----------------------------------------------------------------


def channel_hash(url: str) -> str:
    """sha256 hex digest of an Apprise URL: how a channel is identified in the warehouse."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def channel_kind(url: str) -> str:
    """The URL scheme only ("json", "mailto", "tgram"...): safe to log and store."""
    scheme = url.split("://", 1)[0] if "://" in url else ""
    return scheme.lower() if re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]{0,20}", scheme) else "unknown"


def channel_name(url: str) -> str:
    """``scheme:hash8``: how logs and ``last_error`` name a channel, never with its secrets."""
    return f"{channel_kind(url)}:{channel_hash(url)[:8]}"


def _secret_parts(url: str) -> list[str]:
    """Every piece of ``url`` that may be secret, longest first: the URL itself, its user and
    password (any length), and every host, port, path, fragment token and query value of 4+
    characters (shorter ones are not secrets and would mangle the message), raw and
    percent-decoded. Query keys (``from``, ``mode``...) are not secret and stay readable."""
    scheme_less = url.split("://", 1)[1] if "://" in url else url
    before_query, _, query = scheme_less.partition("?")
    query, _, fragment = query.partition("#")
    if "#" in before_query:
        before_query, _, fragment = before_query.partition("#")
    parts = {url, scheme_less}
    try:
        split = urlsplit(url)
        parts.update(p for s in (split.username, split.password) if s for p in (s, unquote(s)))
    except ValueError:  # not parsable as a URL: the tokens below still cover it
        pass
    pieces = [before_query, query, fragment, *re.split(r"[/:@#,;]+", before_query)]
    pieces += [value for _, value in parse_qsl(query, keep_blank_values=True)]
    pieces += [value for _, value in parse_qsl(fragment, keep_blank_values=True)]
    pieces += re.split(r"[/:@#,;&=]+", fragment)
    for piece in pieces:
        for form in (piece, unquote(piece)):
            if len(form) >= 4:
                parts.add(form)
    return sorted((p for p in parts if p), key=len, reverse=True)


def redact(text: str, urls: Iterable[str]) -> str:
    """``text`` with every secret part of each of ``urls`` replaced by ``***``."""
    return _redact_parts(text, [part for url in urls for part in _secret_parts(url)])


def _redact_parts(text: str, parts: Sequence[str]) -> str:
    """Replace each part, longest first; parts shorter than 4 characters (a user "u", a
    password "pw") only where they stand alone, so that "submitting" stays readable."""
    for part in sorted(parts, key=len, reverse=True):
        if len(part) >= 4:
            text = text.replace(part, REDACTED)
        else:
            text = re.sub(rf"(?<![A-Za-z0-9]){re.escape(part)}(?![A-Za-z0-9])", REDACTED, text)
    return text


class _RedactingFilter(logging.Filter):
    """Rewrites a log record with every secret part of the channel URLs replaced."""

    def __init__(self, urls: Sequence[str]) -> None:
        super().__init__()
        self.parts = sorted({p for url in urls for p in _secret_parts(url)}, key=len,
                            reverse=True)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = _redact_parts(message, self.parts)
        if clean != message:
            record.msg, record.args = clean, ()
        return True


@contextmanager
def _third_party_logs_redacted(urls: Sequence[str]) -> Iterator[None]:
    """While delivering, redact the URLs from what Apprise and the HTTP stack under it log
    (urllib3 logs request paths at DEBUG, and a webhook path is often its token). A logger
    filter sees only that logger's own records, hence one filter per existing logger."""
    guard = _RedactingFilter(urls)
    prefixes = tuple(f"{base}." for base in ("apprise", "requests", "urllib3"))
    names = set(GUARDED_LOGGERS) | {
        name for name in logging.root.manager.loggerDict if name.startswith(prefixes)
    }
    guarded = [logging.getLogger(name) for name in sorted(names)]
    for logger in guarded:
        logger.addFilter(guard)
    try:
        yield
    finally:
        for logger in guarded:
            logger.removeFilter(guard)


# --- delivery -----------------------------------------------------------------------------


class Notifier(Protocol):
    """What :func:`deliver_pending` needs of ``apprise.Apprise`` (tests may pass a fake)."""

    def add(self, servers: str) -> bool: ...

    def notify(self, body: str, title: str = ..., *, body_format: str | None = ...) -> Any: ...


def default_notifier() -> apprise.Apprise:
    """An ``apprise.Apprise`` that introduces itself as kzfacts (User-Agent, e-mail header)."""
    return apprise.Apprise(asset=apprise.AppriseAsset(app_id="kzfacts",
                                                      app_desc="kzfacts change alerts"))


@dataclass(frozen=True)
class DeliveryReport:
    """What one :func:`deliver_pending` call did with the pending alerts.

    ``sent``: alerts now delivered to every channel and marked sent. ``failed``: alerts some
    channel refused; they stay pending (the channels that accepted them are recorded and are
    not sent to again). ``skipped``: pending alerts not attempted because no channel is
    configured; they stay in the outbox.
    """

    sent: int = 0
    failed: int = 0
    skipped: int = 0


@dataclass
class _Channel:
    url: str
    name: str  # scheme:hash8, safe to log
    hash: str
    notifier: Notifier | None  # None: Apprise refused the URL
    failures_in_a_row: int = 0  # in this run; see MAX_FAILURES_IN_A_ROW


def _open_channels(urls: Sequence[str], factory: Callable[[], Notifier]) -> list[_Channel]:
    """One notifier per distinct URL (the same URL twice is one channel), made once per run
    so that Apprise's per-service throttling applies across alerts."""
    channels = []
    for url in dict.fromkeys(urls):
        notifier = factory()
        valid = notifier.add(url)
        if not valid:
            log.warning("alert channel %s is not a valid Apprise URL; alerts stay pending",
                        channel_name(url))
        channel = _Channel(url, channel_name(url), channel_hash(url), notifier if valid else None)
        channels.append(channel)
    return channels


def _result_detail(result: Any) -> str:
    """Apprise's own words on a failed notify (its captured warnings), if it kept any."""
    logs = getattr(result, "logs", None)
    if not callable(logs):
        return ""
    try:
        messages = [str(getattr(entry, "message", entry)) for entry in logs()]
    except Exception:  # detail is best effort; the failure itself is already known
        return ""
    return "; ".join(dict.fromkeys(m.strip() for m in messages if m.strip()))


def _send(channel: _Channel, alert_id: str, title: str, body: str) -> None:
    """Send one alert to one channel; raise :class:`AlertDeliveryError`, whose message names
    the alert and the channel (never its URL), when the channel does not accept it."""

    def failure(detail: str) -> AlertDeliveryError:
        detail = redact(detail, [channel.url]) or "not accepted"
        return AlertDeliveryError(f"alert {alert_id} not delivered to {channel.name}: {detail}")

    if channel.notifier is None:
        raise failure("invalid Apprise URL")
    if channel.failures_in_a_row >= MAX_FAILURES_IN_A_ROW:
        raise failure(f"not tried: the channel failed {channel.failures_in_a_row} times in a row"
                      " in this run")
    try:
        result = channel.notifier.notify(body=body, title=title,
                                         body_format=apprise.NotifyFormat.TEXT.value)
    except Exception as exc:  # a plugin crash must not stop the other alerts
        channel.failures_in_a_row += 1
        raise failure(f"{type(exc).__name__}: {exc}") from exc
    if not result:
        channel.failures_in_a_row += 1
        raise failure(_result_detail(result))
    channel.failures_in_a_row = 0


def _plain(url: str | SecretStr) -> str:
    return url.get_secret_value() if isinstance(url, SecretStr) else url


def deliver_pending(
    con: duckdb.DuckDBPyConnection,
    urls: Sequence[str | SecretStr],
    *,
    notifier_factory: Callable[[], Notifier] | None = None,
) -> DeliveryReport:
    """Send every pending outbox alert to every channel in ``urls`` (Apprise URLs; plain or
    ``SecretStr`` as in ``Settings.alert_urls``) and return what happened.

    Per alert, in outbox order: channels already recorded in ``alert_deliveries`` are skipped;
    each other channel gets ``notify(title, body)`` and, when it accepts, is recorded at once
    in its own transaction. When every channel has the alert, ``mark_sent`` (own transaction);
    otherwise ``mark_failed`` with the redacted errors of the failing channels (own
    transaction) and on to the next alert: it stays pending for the next run. Sent alerts
    are never read again, so never resent. A channel that failed ``MAX_FAILURES_IN_A_ROW``
    alerts in a row is not tried again in this run.

    With no URLs: logs once that the alerts are kept in the outbox, marks nothing, returns
    ``skipped`` = number of pending alerts. Never raises for a channel failure; raises
    :class:`~extractors.errors.WarehouseError` / ``duckdb.Error`` only when the warehouse
    itself fails. ``notifier_factory`` makes one notifier per channel (default: an
    ``apprise.Apprise``); tests may pass a fake.
    """
    plain_urls = [u for u in (_plain(url).strip() for url in urls) if u]
    alerts = pending_alerts(con)
    if not alerts:
        log.info("no pending alerts")
        return DeliveryReport()
    if not plain_urls:
        log.warning("no alert channels configured (KZFACTS_ALERT_URLS is empty): "
                    "%d alert(s) kept in the outbox", len(alerts))
        return DeliveryReport(skipped=len(alerts))

    sent = failed = 0
    with _third_party_logs_redacted(plain_urls):
        channels = _open_channels(plain_urls, notifier_factory or default_notifier)
        for alert in alerts:
            payload = alert.payload
            if isinstance(payload, str | bytes):  # JSON column read back as text
                payload = json.loads(payload)
            if _deliver_one(con, alert.alert_id, payload, channels):
                sent += 1
            else:
                failed += 1
    log.info("alerts: %d sent, %d failed (kept pending) over %d channel(s)",
             sent, failed, len(channels))
    return DeliveryReport(sent=sent, failed=failed)


def _deliver_one(con: duckdb.DuckDBPyConnection, alert_id: str, payload: Mapping[str, Any],
                 channels: Sequence[_Channel]) -> bool:
    """Deliver one alert to the channels that do not have it yet; True when all have it."""
    urls = [c.url for c in channels]
    try:
        title, body = render_alert(payload)
    except Exception as exc:  # a malformed payload must not block the other alerts
        error = redact(f"alert {alert_id}: cannot render: {type(exc).__name__}: {exc}", urls)
        _failed(con, alert_id, error)
        return False
    done = delivered_channels(con, alert_id)
    errors = []
    for channel in channels:
        if channel.hash in done:
            continue
        try:
            _send(channel, alert_id, title, body)
        except AlertDeliveryError as exc:
            errors.append(str(exc))
            continue
        record_delivery(con, alert_id, channel_hash(channel.url), channel_kind(channel.url))
        log.info("alert %s delivered to %s", alert_id, channel.name)
    if errors:
        ok = len(channels) - len(errors)
        summary = f"{len(errors)} of {len(channels)} channel(s) failed, {ok} delivered: "
        _failed(con, alert_id, summary + " | ".join(errors))
        return False
    with transaction(con):
        mark_sent(con, alert_id)
    return True


def _failed(con: duckdb.DuckDBPyConnection, alert_id: str, error: str) -> None:
    if len(error) > MAX_ERROR_CHARS:
        error = error[: MAX_ERROR_CHARS - 1] + "…"
    with transaction(con):  # mark_failed logs the (redacted) error as a warning
        mark_failed(con, alert_id, error)

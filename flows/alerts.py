"""Change alerts: render an outbox alert as plain text and deliver it through Apprise.

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
from datetime import UTC, datetime
from typing import Any, Protocol
from urllib.parse import parse_qsl, unquote, urlsplit

import apprise
import duckdb
from pydantic import SecretStr

from extractors.errors import AlertDeliveryError
from warehouse.db import transaction
from warehouse.outbox import mark_failed, mark_sent, pending_alerts

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

# --- rendering ----------------------------------------------------------------------------

REGIONS = {  # ISO 3166-2:KZ codes of FACTS.md
    "KZ-10": "Abay region", "KZ-11": "Akmola region", "KZ-15": "Aktobe region",
    "KZ-19": "Almaty region", "KZ-23": "Atyrau region", "KZ-27": "West Kazakhstan region",
    "KZ-31": "Zhambyl region", "KZ-33": "Zhetisu region", "KZ-35": "Karaganda region",
    "KZ-39": "Kostanay region", "KZ-43": "Kyzylorda region", "KZ-47": "Mangystau region",
    "KZ-55": "Pavlodar region", "KZ-59": "North Kazakhstan region", "KZ-61": "Turkistan region",
    "KZ-62": "Ulytau region", "KZ-63": "East Kazakhstan region", "KZ-71": "Astana",
    "KZ-75": "Almaty (city)", "KZ-79": "Shymkent",
}
CURRENCY_PREFIX = {"USD": "$", "EUR": "€", "GBP": "£"}
CURRENCY_WORD = {"KZT": "tenge", "RUB": "roubles", "CNY": "yuan"}
UNIT_LABEL = {"m3": "m³", "m2": "m²"}
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
QUALIFIER_WORD = {"approx": "about ", "max": "up to ", "min": "over "}
YEAR_QUALIFIER_WORD = {"approx": "around ", "max": "by ", "min": "after "}
METRIC_LABEL = {
    "investment": "investment", "capacity": "capacity", "size": "size", "jobs": "jobs",
    "commissioning": "commissioning date", "count": "number of projects", "status": "status",
}
CHANGE_LABEL = {
    "revised": "revised", "delayed": "delayed", "brought_forward": "brought forward",
    "status": "changed", "restated": "restated (other currency or unit)",
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def _number(x: float) -> str:
    """``1.5`` -> "1.5", ``300000`` -> "300,000", ``2.0`` -> "2": at most three decimals."""
    text = f"{x:,.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _scaled(x: float) -> str:
    """A magnitude for humans: ``1.5e9`` -> "1.5 billion", ``300000`` -> "300,000"."""
    for factor, word in SCALES:
        if abs(x) >= factor:
            return f"{_number(x / factor)} {word}"
    return _number(x)


def _scaled_range(low: float, high: float) -> str:
    """``(4e9, 4.5e9)`` -> "4–4.5 billion"; different scales keep both words."""
    low_text, high_text = _scaled(low), _scaled(high)
    low_num, _, low_word = low_text.partition(" ")
    _, _, high_word = high_text.partition(" ")
    if low_word == high_word:
        return f"{low_num}–{high_text}"
    return f"{low_text}–{high_text}"


def _as_float(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def _when(value: Any) -> str:
    """A commissioning date: ``2028`` -> "2028", ``"2026-12"`` -> "December 2026",
    ``"2023-Q4"`` -> "Q4 2023"."""
    number = _as_float(value)
    if number is not None and number.is_integer():
        return str(int(number))
    text = str(value)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        month = int(m[2])
        if 1 <= month <= 12:
            return f"{MONTHS[month - 1]} {m[1]}"
    if m := re.fullmatch(r"(\d{4})-(Q[1-4])", text, flags=re.IGNORECASE):
        return f"{m[2].upper()} {m[1]}"
    return text


def format_figure(value: Any, unit: str | None, qualifier: str | None = None,
                  metric: str | None = None) -> str:
    """One reported figure for humans: ``(1.5e9, "USD")`` -> "$1.5 billion",
    ``(300000, "t")`` -> "300,000 t", ``(2028, "year")`` -> "2028", ``("under_construction",
    None)`` -> "under construction". A qualifier adds "about" / "up to" / "over" ("by 2028").
    A two-item list or tuple is a range ("4–4.5 billion m³"). ``None`` -> "not reported"."""
    if value is None:
        return "not reported"
    if metric == "commissioning" or unit == "year":
        return YEAR_QUALIFIER_WORD.get(qualifier or "", "") + _when(value)
    if isinstance(value, list | tuple) and len(value) == 2:
        low, high = (_as_float(v) for v in value)
        if low is not None and high is not None:
            return _with_unit(_scaled_range(low, high), unit, low)
    number = _as_float(value)
    if number is None:  # a status word or free text
        return str(value).replace("_", " ")
    return QUALIFIER_WORD.get(qualifier or "", "") + _with_unit(_scaled(number), unit, number)


def _with_unit(magnitude: str, unit: str | None, number: float) -> str:
    if not unit:
        return magnitude
    if unit in CURRENCY_PREFIX:
        sign = "-" if number < 0 else ""
        return f"{sign}{CURRENCY_PREFIX[unit]}{magnitude.lstrip('-')}"
    label = CURRENCY_WORD.get(unit) or UNIT_LABEL.get(unit, unit)
    return f"{magnitude} {label}"


def _format_delta(payload: Mapping[str, Any]) -> str | None:
    """ "+$300 million (+20.0%)" for a revision; "+1 year" for a commissioning shift."""
    delta = _as_float(payload.get("delta"))
    pct = _as_float(payload.get("delta_pct"))
    parts = []
    if delta is not None:
        sign = "+" if delta > 0 else ("-" if delta < 0 else "±")
        if payload.get("metric") == "commissioning":
            years = abs(delta)
            parts.append(f"{sign}{_number(years)} year{'' if years == 1 else 's'}")
        else:
            parts.append(sign + format_figure(abs(delta), payload.get("new_unit")))
    if pct is not None:
        parts.append(f"({pct:+.1f}%)" if parts else f"{pct:+.1f}%")
    return " ".join(parts) or None


def format_date(iso: Any) -> str:
    """``"2025-05-16T10:00:00+05:00"`` -> "16 May 2025" (the date in the offset given, i.e. as
    the Government dated it). Anything unparsable is returned as it is; ``None`` -> "date
    unknown"."""
    if not iso:
        return "date unknown"
    try:
        moment = iso if isinstance(iso, datetime) else datetime.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    return f"{moment.day} {MONTHS[moment.month - 1][:3]} {moment.year}"


def _region(code: Any) -> str | None:
    return REGIONS.get(str(code), str(code)) if code else None


def _sentence(text: Any) -> str:
    return " ".join(str(text or "").split()) or "(sentence not available)"


def render_alert(payload: Mapping[str, Any]) -> tuple[str, str]:
    """``(title, body)`` in plain text for one outbox payload (keys as in warehouse/outbox.py).

    The title names the project, the metric, the change and both figures. The body adds the
    region and company, the delta and percentage (revisions), both publication dates and
    links, and quotes both sentences: ``Before (16 May 2025): “...”`` / ``Now (21 Oct 2025):
    “...”``; "(edit of the same release)" when the new figure comes from an edit. Missing
    keys are rendered as "not reported" / "date unknown", never raise.
    """
    metric = str(payload.get("metric") or "figure")
    change = str(payload.get("change") or "revised")
    metric_label = METRIC_LABEL.get(metric, metric.replace("_", " "))
    if metric == "jobs" and payload.get("kind"):
        metric_label = f"{payload['kind']} jobs"
    change_label = CHANGE_LABEL.get(change, change.replace("_", " "))
    project = str(payload.get("project") or payload.get("project_id") or "Unnamed project")
    old = format_figure(payload.get("old_value"), payload.get("old_unit"),
                        payload.get("old_qualifier"), metric)
    new = format_figure(payload.get("new_value"), payload.get("new_unit"),
                        payload.get("new_qualifier"), metric)
    is_edit = bool(payload.get("is_edit"))
    edit_note = " (edit of the same release)" if is_edit else ""

    title = f"{project[:1].upper()}{project[1:]}: {metric_label} {change_label}, {old} → {new}"

    where = [x for x in (_region(payload.get("region")), payload.get("company")) if x]
    old_date = format_date(payload.get("old_published"))
    new_date = format_date(payload.get("new_published"))
    lines = [
        f"Project: {project}" + (f" ({', '.join(map(str, where))})" if where else ""),
        f"{metric_label[:1].upper()}{metric_label[1:]} {change_label}: {old} → {new}",
    ]
    if change != "restated" and (delta := _format_delta(payload)):
        lines.append(f"Change: {delta}")
    lines += [
        "",
        f"Before ({old_date}): “{_sentence(payload.get('old_sentence'))}”",
        f"Source: {payload.get('old_url') or 'no link'}"
        + _release_ref(payload.get("old_release_id")),
        "",
        f"Now ({new_date}){edit_note}: “{_sentence(payload.get('new_sentence'))}”",
        f"Source: {payload.get('new_url') or 'no link'}"
        + _release_ref(payload.get("new_release_id")),
    ]
    if payload.get("project_id"):
        lines += ["", f"Project id: {payload['project_id']}"]
    return title, "\n".join(lines)


def _release_ref(release_id: Any) -> str:
    return f" (release {release_id})" if release_id not in (None, "") else ""


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


def delivered_channels(con: duckdb.DuckDBPyConnection, alert_id: str) -> set[str]:
    """Hashes of the channels that already accepted ``alert_id`` (``alert_deliveries``)."""
    rows = con.execute(
        "SELECT channel_hash FROM alert_deliveries WHERE alert_id = ?", [alert_id]
    ).fetchall()
    return {r[0] for r in rows}


def record_delivery(con: duckdb.DuckDBPyConnection, alert_id: str, url: str) -> None:
    """Record, in its own transaction, that the channel of ``url`` accepted ``alert_id``.
    Stores the URL's hash and scheme only."""
    with transaction(con):
        con.execute(
            "INSERT INTO alert_deliveries (alert_id, channel_hash, channel_kind, sent_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [alert_id, channel_hash(url), channel_kind(url), datetime.now(UTC)],
        )


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
        record_delivery(con, alert_id, channel.url)
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

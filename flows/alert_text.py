"""Alert text: an outbox alert's payload rendered for people (title and plain-text body),
naming the project, both figures with their dates and links, and quoting both sentences."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

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

"""Adapter between the extractor and ``extractors.normalize`` (written separately).

The extractor hands the characters its matcher found to ``normalize.parse_figure`` and
``normalize.parse_year_expression``. This module wraps both behind two small functions with
plain return types, so that the extractor does not depend on the normaliser's classes, and
carries a minimal stand-in for the time ``normalize`` is not importable (a stopgap: once the
normaliser is in place the stand-in is never used).

Both functions are pure and never raise on arbitrary text; they return ``None`` when the text
is not a figure / year expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

try:  # pragma: no cover - depends on the state of the normaliser
    from extractors import normalize as _normalize
except ImportError:  # pragma: no cover
    _normalize = None  # type: ignore[assignment]


@dataclass(frozen=True)
class ParsedFigure:
    """What the extractor needs of a parsed figure."""

    value: float
    value_max: float | None
    unit: str | None
    qualifier: str
    period: str | None = None
    flags: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ParsedYear:
    """A year expression: ``year`` (and ``year_max`` for a range), qualifier and ``when``."""

    year: int
    year_max: int | None
    qualifier: str
    when: str


def parse_figure(text: str, lang: str = "en") -> ParsedFigure | None:
    """Parse a figure expression ("up to $1.2bn", "300 thousand tonnes") or return None."""
    if _normalize is not None and hasattr(_normalize, "parse_figure"):
        try:
            fig: Any = _normalize.parse_figure(text, lang=lang)
        except Exception:  # noqa: BLE001 - the normaliser must never break extraction
            fig = None
        if fig is None:
            return None
        try:
            return ParsedFigure(
                value=float(fig.value),
                value_max=float(fig.value_max) if fig.value_max is not None else None,
                unit=fig.unit,
                qualifier=fig.qualifier or "eq",
                period=getattr(fig, "period", None),
                flags=tuple(getattr(fig, "flags", ()) or ()),
            )
        except (TypeError, ValueError):
            return None
    return _fallback_figure(text)


def parse_year(text: str, lang: str = "en") -> ParsedYear | None:
    """Parse "in 2029", "by the end of 2028", "in 2024-2025", "Q4 2023"; None otherwise."""
    if _normalize is not None and hasattr(_normalize, "parse_year_expression"):
        try:
            res: Any = _normalize.parse_year_expression(text, lang=lang)
        except Exception:  # noqa: BLE001 - the normaliser must never break extraction
            res = None
        if res is None:
            return _fallback_year(text)
        try:
            year, year_max, qualifier, when = res
            return ParsedYear(int(year), int(year_max) if year_max is not None else None,
                              qualifier, str(when))
        except (TypeError, ValueError):
            return None
    return _fallback_year(text)


# --- stand-in, used only while ``extractors.normalize`` is missing ----------------------------
_SCALES = {"thousand": 1e3, "thou": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
           "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "trln": 1e12,
           "tn": 1e12, "trl": 1e12, "tln": 1e12}
_CURRENCIES = {"$": "USD", "usd": "USD", "dollars": "USD", "dollar": "USD", "us$": "USD",
               "tenge": "KZT", "kzt": "KZT", "₸": "KZT", "€": "EUR", "euro": "EUR", "euros": "EUR",
               "eur": "EUR", "yuan": "CNY", "cny": "CNY", "rmb": "CNY", "roubles": "RUB",
               "rubles": "RUB", "rub": "RUB"}
_UNITS = {"tonnes": ("t", 1), "tonne": ("t", 1), "tons": ("t", 1), "ton": ("t", 1), "t": ("t", 1),
          "kt": ("t", 1e3), "mt": ("t", 1e6), "bcm": ("m3", 1e9), "m3": ("m3", 1),
          "cubic metres": ("m3", 1), "cubic meters": ("m3", 1), "mw": ("MW", 1), "gw": ("MW", 1e3),
          "kw": ("MW", 1e-3), "mwh": ("MWh", 1), "gwh": ("MWh", 1e3), "gcal/h": ("Gcal/h", 1),
          "gcal/hour": ("Gcal/h", 1), "gcal": ("Gcal/h", 1), "km": ("km", 1), "kilometres": ("km", 1),
          "kilometers": ("km", 1), "ha": ("ha", 1), "hectares": ("ha", 1), "hectare": ("ha", 1),
          "m2": ("m2", 1), "square metres": ("m2", 1), "square meters": ("m2", 1), "sq m": ("m2", 1),
          "head": ("head", 1), "heads": ("head", 1), "beds": ("places", 1), "seats": ("places", 1),
          "places": ("places", 1), "pupils": ("places", 1), "jobs": ("jobs", 1), "workplaces": ("jobs", 1),
          "projects": ("projects", 1), "initiatives": ("projects", 1), "people": ("jobs", 1),
          "workers": ("jobs", 1), "employees": ("jobs", 1), "specialists": ("jobs", 1)}
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40,
          "fifty": 50, "hundred": 100}
_QUALS = [("no more than", "max"), ("up to", "max"), ("more than", "min"), ("at least", "min"),
          ("over", "min"), ("exceeds", "min"), ("exceeding", "min"), ("above", "min"),
          ("about", "approx"), ("around", "approx"), ("approximately", "approx"),
          ("some", "approx"), ("nearly", "approx"), ("almost", "approx")]
_TOK_RE = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z$€₸]+|[^\sa-z\d]")
_NUM_RE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)([a-z]*)$")


def _fallback_figure(text: str) -> ParsedFigure | None:
    low = " ".join(text.lower().split())
    qualifier = "eq"
    for phrase, q in _QUALS:
        if low.startswith(phrase + " "):
            qualifier, low = q, low[len(phrase) + 1:]
            break
    toks = _TOK_RE.findall(low)
    values: list[float] = []
    currencies: set[str] = set()
    unit: str | None = None
    factor = 1.0
    scale = 1.0
    i = 0
    while i < len(toks):
        t = toks[i]
        two = " ".join(toks[i:i + 2])
        three = "".join(toks[i:i + 3])
        m = _NUM_RE.match(t)
        if m and m.group(1)[0].isdigit():
            values.append(float(m.group(1).replace(",", "")))
            if m.group(2) in _SCALES:
                scale = _SCALES[m.group(2)]
        elif t in _WORDS:
            values.append(float(_WORDS[t]))
        elif re.match(r"^(kzt|usd|eur)\d", t):
            currencies.add(_CURRENCIES[t[:3]])
            m2 = re.match(r"^[a-z]{3}(\d[\d,]*(?:\.\d+)?)([a-z]*)$", t)
            if m2:
                values.append(float(m2.group(1).replace(",", "")))
                scale = _SCALES.get(m2.group(2), scale)
        elif t in _SCALES and values:
            scale = _SCALES[t]
        elif t in _CURRENCIES:
            currencies.add(_CURRENCIES[t])
        elif three in _UNITS:
            unit, factor = _UNITS[three]
            i += 2
        elif two in _UNITS:
            unit, factor = _UNITS[two]
            i += 1
        elif t in _UNITS:
            unit, factor = _UNITS[t]
        i += 1
    if not values:
        return None
    flags: tuple[str, ...] = ()
    if len(currencies) > 1:
        flags, unit = ("two_currencies",), None
    elif currencies:
        unit = currencies.pop()
    mult = scale * factor
    value = values[0] * mult
    value_max = values[1] * mult if len(values) > 1 and qualifier == "eq" else None
    if value_max is not None:
        qualifier = "range"
    return ParsedFigure(value, value_max, unit, qualifier, None, flags)


_YEAR_RE = re.compile(r"((?:19|20)\d\d)(?:\s*[-–—]\s*((?:19|20)\d\d))?")


def _fallback_year(text: str) -> ParsedYear | None:
    low = text.lower()
    m = _YEAR_RE.search(low)
    if m is None:
        return None
    y1 = int(m.group(1))
    y2 = int(m.group(2)) if m.group(2) else None
    if y2 is not None:
        return ParsedYear(y1, y2, "range", f"{y1}/{y2}")
    q = re.search(r"\bq([1-4])\b", low)
    when = f"{y1}-Q{q.group(1)}" if q else str(y1)
    qualifier = "max" if low.startswith(("by", "until", "till", "before")) else "eq"
    return ParsedYear(y1, None, qualifier, when)

"""Adapter between the extractor and ``extractors.normalize``.

The extractor hands the characters its matcher found to ``normalize.parse_figure`` and
``normalize.parse_year_expression``; this module gives both plain return types, so that the
extractor does not depend on the normaliser's classes. Both are pure and never raise on
arbitrary text (the normaliser is property-tested for that); ``None`` means "not a figure".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors import normalize


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
    fig = normalize.parse_figure(text, lang=lang)
    if fig is None:
        return None
    return ParsedFigure(value=fig.value, value_max=fig.value_max, unit=fig.unit,
                        qualifier=fig.qualifier or "eq", period=fig.period, flags=fig.flags)


def parse_year(text: str, lang: str = "en") -> ParsedYear | None:
    """Parse "in 2029", "by the end of 2028", "in 2024-2025", "Q4 2023"; None otherwise."""
    res = normalize.parse_year_expression(text, lang=lang)
    if res is None:
        return None
    year, year_max, qualifier, when = res
    return ParsedYear(year, year_max, qualifier, when)

"""Helpers of the extraction tests: the facts of a sentence, the one fact of a metric, and the
check of a table row (text, metric, expected fields)."""

from __future__ import annotations

from typing import Any

from extractors.extract import extract
from extractors.fact import Fact

PUBLISHED = "2025-05-01"  # the publication date that dates "this year" in test sentences


def facts_of(text: str, lang: str = "en", published: str | None = PUBLISHED) -> list[Fact]:
    return extract(text, lang, published)


def only(text: str, metric: str, lang: str = "en") -> Fact:
    """The one fact of ``metric`` in ``text`` (fails when there are none or several)."""
    found = [f for f in facts_of(text, lang) if f.metric == metric]
    assert len(found) == 1, found
    return found[0]


def check_fields(text: str, metric: str, expected: dict[str, Any], lang: str = "en") -> None:
    """The one fact of ``metric`` has the ``expected`` fields and its span is its evidence."""
    fact = only(text, metric, lang)
    for key, value in expected.items():
        assert getattr(fact, key) == value, (key, fact)
    assert text[fact.start:fact.end] == fact.evidence

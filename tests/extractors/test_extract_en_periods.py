"""English quarters and half-years without their year (dated by the publication, like bare
months) and status phrases ("is erecting", "will be built", "is in progress"), on sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.extractors import helpers


def _dates(text: str, published: str) -> list[tuple[int, str | None]]:
    return [(f.value, f.when) for f in helpers.facts_of(text, published=published)
            if f.metric == "commissioning"]


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a future quarter still to come this year; one already over is next year's
    ("The cement works will be commissioned in the third quarter.", "2025-05-01",
     [(2025, "2025-Q3")]),
    ("Its launch is scheduled for the first quarter.", "2025-11-20", [(2026, "2026-Q1")]),
    # a past launch in a quarter not yet reached this year was last year's
    ("The glass plant was put into operation in the fourth quarter.", "2025-02-03",
     [(2024, "2024-Q4")]),
    ("The dairy farm is expected to start operating in the second half.", "2025-03-10",
     [(2025, "2025-H2")]),
    ("The terminal will begin operations in the first half.", "2025-09-10",
     [(2026, "2026-H1")]),
])
def test_a_quarter_or_half_without_its_year_is_dated_by_the_publication(
        text: str, published: str, expected: list[tuple[int, str | None]]) -> None:
    assert _dates(text, published) == expected


@pytest.mark.parametrize("text", [
    "Industrial output grew by 4% in the first quarter.",
    "In the second half, exports of wheat doubled.",
])
def test_a_reporting_quarter_is_no_launch(text: str) -> None:
    assert _dates(text, "2025-08-01") == []


def test_a_quarter_with_its_year_keeps_that_year() -> None:
    text = "The paper mill is expected to begin operations in the second quarter of 2027."
    assert _dates(text, "2025-08-01") == [(2027, "2027-Q2")]


@pytest.mark.parametrize(("text", "value"), [
    ("In Kostanay region, Sary Agro is erecting a grain terminal.", "under_construction"),
    ("The reconstruction of the Ekibastuz heating plant is in progress.", "under_construction"),
    ("Zhetysu Metall signed a deal on a copper wire plant. The plant will be built near "
     "Taldykorgan.", "planned"),
])
def test_status_phrases(text: str, value: str) -> None:
    assert [f.value for f in helpers.facts_of(text) if f.metric == "status"] == [value]


@pytest.mark.parametrize("text", [
    "Work on the new tariff methodology is in progress.",
    # a programme's list of targets, not a plain status of one project (the dev set's reading)
    "In Turkistan region, a brick factory of 40 million bricks a year will be built.",
])
def test_no_status_for_works_in_progress_or_listed_targets(text: str) -> None:
    assert [f for f in helpers.facts_of(text) if f.metric == "status"] == []


def test_projects_scheduled_for_a_quarter_are_launched_then() -> None:
    text = "This year 40 projects will be put into operation. Of them, 9 projects are " \
           "scheduled for the third quarter."
    assert ("2025-Q3", "portfolio") in [
        (f.when, f.scope) for f in helpers.facts_of(text) if f.metric == "commissioning"]


def test_a_meeting_scheduled_for_a_quarter_is_no_launch() -> None:
    assert _dates("The next investors' council is scheduled for the third quarter.",
                  "2025-05-01") == []


def test_facilities_a_product_is_made_for_are_its_customers_not_a_portfolio() -> None:
    text = "The Ekibastuz plant will make 40 thousand tonnes of anodes a year for aluminium " \
           "smelters."
    assert helpers.only(text, "capacity").scope == "project"

"""English rules (en-1.9): distractors that are no fact of a project (orders from suppliers,
offtake deals, national freight and output, sector totals, machines on a site, parts of a
whole, preparatory works) and the construction kind of site headcounts."""

from __future__ import annotations

import pytest

from tests.extractors.helpers import facts_of, only


def _metrics(text: str, metric: str) -> list[float | str]:
    return [f.value for f in facts_of(text) if f.metric == metric]


@pytest.mark.parametrize("text", [
    "The builder of the copper smelter in Aktogay has placed orders worth 8 billion tenge "
    "with domestic suppliers.",
    "The national distributor signed a ten-year offtake contract with the insulin factory "
    "worth 45 billion tenge.",
    "In January-June, manufacturing in Pavlodar region reached 1.7 trillion tenge.",
])
def test_orders_offtake_and_sector_output_are_no_investment(text: str) -> None:
    assert _metrics(text, "investment") == []


@pytest.mark.parametrize(("text", "metric"), [
    ("Over nine months, 180 million tonnes of freight were carried by the national railway "
     "near the new Kyzylzhar plant.", "capacity"),
    ("Kazakhstan smelts around 500 thousand tonnes of refined copper annually, the owner of "
     "the new rod mill said.", "capacity"),
    ("Last year 14 million square metres of housing were commissioned in the country, the "
     "minister said at the new brick plant.", "size"),
    ("The bypass road is being widened, with 85 units of machinery and 200 workers involved.",
     "capacity"),
    ("Two of the six turbine units of the Shardara plant have already been upgraded.",
     "capacity"),
])
def test_national_totals_machines_and_parts_are_no_capacity(text: str, metric: str) -> None:
    assert _metrics(text, metric) == []


def test_machines_at_a_rate_are_still_a_capacity() -> None:
    fact = only("The Kostanay plant will assemble 3,000 units of machinery a year.", "capacity")
    assert (fact.value, fact.unit) == (3000, "units")


@pytest.mark.parametrize("text", [
    "Overburden removal at the new gold mine has been completed, and the mill is being built.",
    "Site preparation for the cement plant in Zhetisu region has been completed.",
])
def test_preparatory_works_completed_are_no_commissioning(text: str) -> None:
    assert "commissioned" not in _metrics(text, "status")


@pytest.mark.parametrize("text", [
    "Up to 900 people will be involved in the construction of the soda ash plant.",
    "Some 700 workers will be engaged in the construction of the Taraz steel mill.",
    "Now 1,300 people are employed at the construction site of the gas processing plant.",
    "The bridge over the Irtysh is being rebuilt, with about 250 road workers on site.",
    "The spillway of the reservoir is being repaired, and 150 workers of the contractor are "
    "on site.",
])
def test_site_headcounts_are_construction_jobs(text: str) -> None:
    assert only(text, "jobs").kind == "construction"


def test_kilometres_made_at_a_rate_are_a_capacity() -> None:
    text = "The Ekibastuz cable plant will turn out 9 thousand kilometres of wire a year."
    fact = only(text, "capacity")
    assert (fact.value, fact.unit, fact.period) == (9000, "km", "year")
    assert [f for f in facts_of(text) if f.metric == "size"] == []


def test_a_length_before_another_figure_at_a_rate_stays_a_size() -> None:
    text = "The new water main, 300 km long, will deliver 50 million cubic metres a year."
    assert [f.value for f in facts_of(text) if f.metric == "size"] == [300]

"""Project labels (extractors/labels.py): one label per project of a release, keeping what tells
projects apart (route, place, phase, company of a programme)."""

from __future__ import annotations

import pytest

from extractors.extract import extract


def labels(text: str, lang: str = "en") -> dict[str, str]:
    """Evidence -> project label of the project-scope facts of ``text``."""
    return {f.evidence: f.project for f in extract(text, lang, "2025-01-01") if f.scope == "project"}


@pytest.mark.parametrize(("text", "expected"), [
    # a definite bare noun takes the fuller mention before it, route included
    ("In Turkistan region, a new railway line from Saryagash to Kentau will be built. The line, "
     "160 km long, is to be completed in 2028.",
     {"160 km": "railway line from Saryagash to Kentau",
      "in 2028": "railway line from Saryagash to Kentau"}),
    ("Engineers inspected the Saryagash-Kentau railway line. The line, 160 km long, is under "
     "construction.",
     {"160 km": "Saryagash-Kentau railway line",
      "is under construction": "Saryagash-Kentau railway line"}),
    # a generic noun ("enterprise", "project") refers to the latest facility
    ("A new copper smelter will be built near Balkhash. The enterprise will employ 1,200 people, "
     "and the cost of the project is $1.1 billion.",
     {"1,200 people": "copper smelter", "$1.1 billion": "copper smelter"}),
])
def test_a_definite_generic_noun_takes_the_fuller_label_before_it(
        text: str, expected: dict[str, str]) -> None:
    assert labels(text) == expected


def test_a_town_is_kept_and_a_region_is_not() -> None:
    town = labels("It is planned to build a sugar plant in the town of Sarykol, Kostanay region. "
                  "The plant will process 400 thousand tonnes of sugar beet per year.")
    assert set(town.values()) == {"sugar plant in Sarykol"}
    region = labels("A new glass plant in Turkistan region will produce 200 thousand tonnes of "
                    "glass a year.")
    assert region == {"200 thousand tonnes": "glass plant"}


def test_what_a_plant_is_for_goes_in_front() -> None:
    found = labels("Tau Metals LLP is considering the construction of a plant for polypropylene. "
                   "The plant will produce 300 thousand tonnes a year and will cost $800 million.")
    assert found == {"300 thousand tonnes": "polypropylene plant",
                     "$800 million": "polypropylene plant"}


def test_an_indefinite_bare_plant_takes_the_product_of_its_clause() -> None:
    found = labels("In Pavlodar region, Steel Line LLP plans to build a plant that will turn out "
                   "1 million tonnes of steel per year.")
    assert set(found.values()) == {"steel plant"}


def test_phases_keep_their_words_and_what_they_are_phases_of() -> None:
    found = labels("Tau Metals LLP plans to build a plant for methanol. The first phase of the "
                   "plant will cost $400 million. A second phase of the same size may be ready "
                   "by 2030.")
    assert found == {"plans to build": "methanol plant",
                     "$400 million": "first phase of the methanol plant",
                     "by 2030": "second phase of the methanol plant"}


def test_a_programme_noun_takes_the_company_and_its_stage_stays_apart() -> None:
    found = labels("Kazchrome JSC has pledged to invest another $2 billion in its modernisation."
                   "\n\nApproximately $500 million is to be allocated for the first stage of the "
                   "modernisation.")
    assert found == {"$2 billion": "Kazchrome modernisation",
                     "Approximately $500 million": "first stage of the Kazchrome modernisation"}


def test_each_clause_takes_its_own_facility() -> None:
    found = labels("At the Aral plant, beet processing capacity will increase from 1,000 tonnes "
                   "to 2,000 tonnes per day, and at the Taraz plant from 1,500 tonnes to 3,000 "
                   "tonnes per day.")
    assert found == {"1,000 tonnes": "Aral plant", "2,000 tonnes": "Aral plant",
                     "1,500 tonnes": "Taraz plant", "3,000 tonnes": "Taraz plant"}


def test_a_figure_before_a_noun_is_about_that_noun() -> None:
    found = labels("In Aktobe region, a flour mill and a 50 MW wind farm were put into operation.")
    assert found["50 MW"] == "wind farm"


def test_the_project_of_a_company_for_a_facility_is_labelled_by_the_facility() -> None:
    found = labels("The minister reported on the project of Azot Invest LLP for an ammonia and "
                   "urea complex in Atyrau region. It will create 900 jobs, and investment is "
                   "about $2 billion.")
    assert set(found.values()) == {"ammonia and urea complex"}


def test_a_facility_of_an_earlier_paragraph_is_preferred_to_the_company() -> None:
    found = labels("Mining Co LLP will build a tungsten mine.\n\nInvestment in the project is "
                   "estimated at $600 million.")
    assert found == {"$600 million": "tungsten mine"}


def test_russian_keeps_the_plain_modifiers_and_facility_noun() -> None:
    found = labels("В Павлодарской области алюминиевый завод будет выпускать 100 тысяч тонн "
                   "продукции в год.", "ru")
    assert found == {"100 тысяч тонн": "алюминиевый завод"}


def test_a_generic_noun_refers_to_the_latest_facility_of_any_kind() -> None:
    found = labels("Tau Metals LLP plans to build a mining and processing complex for potash "
                   "fertilizers. In Oral, the minister visited a greenhouse complex. The "
                   "greenhouse covers 10 ha. 150 people work at the enterprise.")
    assert found["10 ha"] == found["150 people"] == "greenhouse complex"

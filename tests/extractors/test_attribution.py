"""What a figure is about: scope, region, product, company, project label (texts written here)."""

from __future__ import annotations

from extractors.extract import extract
from extractors.fact import Fact

MULTI_PROJECT = (
    "The minister reported on three large projects in the chemical industry.\n\n"
    "In Zhambyl region, a soda ash plant is being built by Kazakhstan Soda LLP. Its capacity will "
    "be 200 thousand tonnes of soda ash a year, and investment amounts to $400 million.\n\n"
    "In Atyrau region, a polyethylene complex will produce 1.25 million tonnes of polyethylene a "
    "year. The complex will create 800 permanent jobs.\n\n"
    "In Turkistan region, 12 projects worth 310 billion tenge are being implemented in the "
    "textile industry. They will create about 4,000 jobs."
)


def by_evidence(facts: list[Fact]) -> dict[str, Fact]:
    return {f.evidence: f for f in facts}


def test_each_paragraph_is_its_own_project_and_region() -> None:
    facts = by_evidence(extract(MULTI_PROJECT))
    assert facts["200 thousand tonnes"].region == "KZ-31"
    assert facts["$400 million"].region == "KZ-31"
    assert facts["1.25 million tonnes"].region == "KZ-23"
    assert facts["800 permanent jobs"].region == "KZ-23"
    assert facts["310 billion tenge"].region == "KZ-61"


def test_region_and_product_carry_to_later_sentences_of_the_paragraph() -> None:
    facts = by_evidence(extract(MULTI_PROJECT))
    assert facts["$400 million"].product == "soda ash"
    assert facts["800 permanent jobs"].product == "polyethylene"
    assert facts["800 permanent jobs"].scope == "project"


def test_company_is_named_without_its_legal_form() -> None:
    facts = by_evidence(extract(MULTI_PROJECT))
    assert facts["200 thousand tonnes"].company == "Kazakhstan Soda"


def test_totals_are_portfolio_and_pronoun_sentences_follow_them() -> None:
    facts = by_evidence(extract(MULTI_PROJECT))
    assert facts["12 projects"].scope == "portfolio"
    assert facts["310 billion tenge"].scope == "portfolio"
    assert facts["about 4,000 jobs"].scope == "portfolio"
    assert facts["about 4,000 jobs"].project == "12 projects"


def test_several_projects_in_one_sentence_split_by_clause() -> None:
    text = ("In Kostanay region, 5 livestock farms will be expanded by 2,000 head, and a new "
            "feedlot for 3,000 head will be built.")
    facts = by_evidence(extract(text))
    assert facts["2,000 head"].scope == "portfolio"
    assert facts["3,000 head"].scope == "project"
    assert {f.region for f in facts.values()} == {"KZ-39"}


def test_region_of_the_lead_paragraph_carries_to_the_visit() -> None:
    text = ("The Prime Minister made a working trip to Akmola region.\n\n"
            "He visited a grain terminal that can store 50 thousand tonnes of grain.")
    fact = extract(text)[0]
    assert (fact.region, fact.product) == ("KZ-11", "grain")


def test_city_maps_to_its_region() -> None:
    fact = extract("In Temirtau, a new rolling mill will produce 500 thousand tonnes of steel a year.")[0]
    assert fact.region == "KZ-35"


def test_place_inside_a_proper_name_is_not_a_region() -> None:
    text = "The Big Almaty Ring Road, 66 km long, is being built under a concession."
    assert {f.region for f in extract(text)} == {None}


def test_city_of_republican_significance_is_its_own_region() -> None:
    fact = extract("A 100 MW solar power plant near Shymkent has been put into operation.")[0]
    assert (fact.region, fact.product) == ("KZ-79", "electricity")


def test_several_regions_in_a_list_locate_nothing_after_them() -> None:
    text = ("Waste plants will be built in Astana, Aktobe, Shymkent and Karaganda.\n\n"
            "The development bank financed 5 projects for KZT47bn.")
    facts = by_evidence(extract(text))
    assert facts["KZT47bn"].region is None


def test_region_named_after_the_figure_as_a_location() -> None:
    fact = extract("One of the key projects is a solar plant of 200 MW in Zhetysu region.")[0]
    assert (fact.region, fact.scope) == ("KZ-33", "project")


def test_paragraph_of_follow_up_figures_continues_the_previous_project() -> None:
    text = ("The plant in Rudny will produce 2 million tonnes of pellets a year.\n\n"
            "Investment in the project will amount to $900 million.")
    facts = by_evidence(extract(text))
    assert facts["$900 million"].product == "pellets"
    assert facts["$900 million"].region == "KZ-39"


def test_several_products_leave_the_programme_product_empty() -> None:
    text = ("Qarmet JSC is modernising its plant in Karaganda region with investment of $3 billion. "
            "By 2027 output is to reach 6 million tonnes of steel and 10 million tonnes of coal.")
    facts = by_evidence(extract(text))
    assert facts["$3 billion"].product is None
    assert facts["6 million tonnes"].product == "steel"
    assert facts["10 million tonnes"].product == "coal"
    assert facts["6 million tonnes"].target_year == 2027
    assert facts["$3 billion"].company == "Qarmet"


def test_a_name_introduced_as_a_company_is_the_company() -> None:
    facts = extract("It is planned to build a cement plant in Zhambyl region together with the "
                    "Italian company Buzzi Unicem. The plant will produce 1 million tonnes of "
                    "cement per year.", "en", "2025-01-01")
    assert {f.company for f in facts} == {"Buzzi Unicem"}

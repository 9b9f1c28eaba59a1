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


# --- company: owner or builder --------------------------------------------------------------------
def _companies(text: str, lang: str = "en") -> dict[str, str | None]:
    return {f.evidence: f.company for f in extract(text, lang, "2025-03-01")}


def test_russian_legal_form_is_followed_by_the_name_not_preceded() -> None:
    found = _companies("Представители АО «НК «Тестгаз» сообщили, что в Атырауской области будет "
                       "построен завод мощностью 100 тыс. тонн в год.\n\nВ Актобе ТОО «Ромашка "
                       "Агро» запустило теплицу. Объем инвестиций составил 5 млрд тенге.", "ru")
    # nested quotes closed once: the inner name, not "Представители" nor "НК «Тестгаз"
    assert found["100 тыс. тонн"] == "Тестгаз"
    # a place before the legal form ("В Актобе") is not the name
    assert found["5 млрд тенге"] == "Ромашка Агро"


def test_two_companies_named_together_give_one_company_to_the_whole_project() -> None:
    found = _companies("Kazakhtelecom and the Korean company Hanwa Solar intend to build a solar "
                       "panel plant in Shymkent. The plant will turn out 500 MW of panels a year. "
                       "It will cost $200 million and is to open in 2027.")
    # the company introduced as such is the investor; every figure of the plant takes it
    assert set(found.values()) == {"Hanwa Solar"}
    found = _companies("The joint project of QazaqGaz and Sinopec for a polyethylene plant in "
                       "Atyrau region was presented. The plant will cost $7 billion.")
    assert found["$7 billion"] == "QazaqGaz"


def test_a_customer_or_lender_is_not_the_owner() -> None:
    found = _companies("The depot is being built by Tulpar Engineering on 12 hectares. Because "
                       "KTZ has increased its order, its capacity has been raised to 300 "
                       "locomotives a year.")
    assert found["300 locomotives"] == "Tulpar Engineering"
    found = _companies("A greenhouse complex is being built in Turkistan region. The project costs "
                       "40 billion tenge, including a loan of 20 billion tenge from the "
                       "Development Bank of Kazakhstan.")
    assert found["40 billion tenge"] is None
    found = _companies("A new wagon plant in Ekibastuz will make 400 wagons a year for KTZ.")
    assert found["400 wagons"] is None


def test_the_brand_of_a_technology_is_not_the_owner() -> None:
    found = _companies("ERG plans to build a plant for hot-briquetted iron in Kostanay region. "
                       "The plant will apply the Midrex technology and cost $1 billion.")
    assert found["$1 billion"] == "ERG"


def test_a_name_that_builds_or_opens_is_the_company_a_person_is_not() -> None:
    found = _companies("In Aktobe, BeketAgro opened a greenhouse for 5,000 tonnes of tomatoes a "
                       "year.\n\nA cement plant is being constructed by Jambyl Stroy Group in "
                       "Taraz. It will cost KZT 60 billion.\n\nPrime Minister Olzhas Bektenov "
                       "launched a brick plant with an investment of KZT 8 billion. In Kostanay, "
                       "Bektenov opened a seed plant that cost KZT 3 billion.")
    assert found["5,000 tonnes"] == "BeketAgro"
    assert found["KZT 60 billion"] == "Jambyl Stroy Group"
    assert found["KZT 8 billion"] is None
    assert found["KZT 3 billion"] is None


def test_every_figure_of_a_project_takes_the_company_named_later() -> None:
    found = _companies("Жамбыл облысында жылына 1 млн тонна цемент шығаратын зауыт салынып жатыр. "
                       "Зауытты «Тараз Цемент» ЖШС салады, жобаның құны 90 млрд теңге.", "kk")
    assert set(found.values()) == {"Тараз Цемент"}


def test_a_national_total_lies_in_no_region() -> None:
    text = ("The Prime Minister discussed a new aluminium plant in Pavlodar region with the "
            "investors.\n\n"
            "The joint list of Kazakh-Korean projects includes 30 projects worth $5 billion. "
            "Of these, 12 projects worth $2 billion have been completed.\n\n"
            "The plant will cost $700 million.")
    facts = by_evidence(extract(text))
    assert facts["30 projects"].region is None
    assert facts["$5 billion"].region is None
    assert facts["$2 billion"].region is None
    assert facts["$700 million"].region == "KZ-55"


def test_a_total_over_several_places_named_after_it_lies_in_none() -> None:
    text = ("By the end of the year, 9 more solar projects with 250 MW are to be launched, "
            "including plants in Turkistan and Kyzylorda regions.")
    facts = by_evidence(extract(text))
    assert facts["9 more solar projects"].region is None
    assert facts["250 MW"].region is None


def test_a_regional_total_keeps_the_region_of_the_trip() -> None:
    text = ("The Prime Minister made a working trip to Aktobe region.\n\n"
            "The regional portfolio includes 50 projects worth 900 billion tenge.")
    facts = by_evidence(extract(text))
    assert facts["50 projects"].region == "KZ-15"
    assert facts["900 billion tenge"].region == "KZ-15"


def test_a_place_named_after_an_industrial_park_locates_the_project() -> None:
    text = ("The Prime Minister met investors in Astana to discuss a cable plant.\n\n"
            "Another company is building a glass container plant in the industrial park of "
            "Shymkent.")
    status = [f for f in extract(text) if f.metric == "status"]
    assert [(f.value, f.region) for f in status] == [("under_construction", "KZ-79")]


def test_a_project_across_two_named_regions_lies_in_none() -> None:
    text = ("In Akmola and Kostanay regions, construction of the 320 km Kokshetau-Arkalyk "
            "highway is in progress. The road will be 320 km long.")
    facts = extract(text, "en", "2025-05-01")
    assert facts and all(f.region is None for f in facts)


def test_a_single_region_before_another_place_keeps_its_code() -> None:
    facts = extract("In Akmola region and Astana, a 40 km ring road is being built.", "en",
                    "2025-05-01")
    assert {f.region for f in facts} == {"KZ-71"}

"""Behaviour of ``extract`` on short texts written for these tests (one behaviour per test)."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest

from extractors.extract import EXTRACTOR_VERSION, extract
from tests.extractors import helpers

facts_of = partial(helpers.facts_of, lang="en")
only = partial(helpers.only, lang="en")


# (text, metric, expected fields) - one row per figure behaviour
CASES: list[tuple[str, str, dict[str, Any]]] = [
    ("The Chinese investor will put $850 million into a new polypropylene plant in Atyrau region.",
     "investment", {"value": 850e6, "unit": "USD", "qualifier": "eq", "scope": "project",
                    "region": "KZ-23", "product": "polypropylene", "project": "polypropylene plant"}),
    ("Financing of KZT12.5bn has been approved for the bitumen plant.",
     "investment", {"value": 12.5e9, "unit": "KZT", "product": "bitumen"}),
    ("The refinery will process up to 6 million tonnes of crude oil per year.",
     "capacity", {"value": 6e6, "unit": "t", "qualifier": "max", "period": "year", "product": "oil"}),
    ("A wind farm with a capacity of 150 MW is being built near Ekibastuz.",
     "capacity", {"value": 150, "unit": "MW", "region": "KZ-55", "product": "electricity",
                  "project": "wind farm"}),
    ("The gas processing plant in Zhanaozen will turn out 900 million cubic metres of gas a year.",
     "capacity", {"value": 9e8, "unit": "m3", "region": "KZ-47", "product": "gas"}),
    ("The enterprise will provide about 450 permanent jobs.",
     "jobs", {"value": 450, "unit": "jobs", "qualifier": "approx", "kind": "permanent"}),
    ("At the new mine, 2,000 jobs will be created during construction.",
     "jobs", {"value": 2000, "kind": "construction"}),
    ("The factory in Taraz employs 320 people.",
     "jobs", {"value": 320, "unit": "jobs", "kind": None, "region": "KZ-31", "flags": []}),
    ("Over 40 more projects will start work in the region.",
     "count", {"value": 40, "unit": "projects", "qualifier": "min", "scope": "portfolio"}),
    ("The cement plant in Kyzylorda region is expected to be put into operation by 2027.",
     "commissioning", {"value": 2027, "unit": "year", "qualifier": "max", "when": "2027",
                       "region": "KZ-43", "product": "cement"}),
    ("The new smelter will be launched by the end of 2028.",
     "commissioning", {"value": 2028, "qualifier": "max", "when": "2028"}),
    ("The second line of the plant is to be commissioned in 2025-2026.",
     "commissioning", {"value": 2025, "value_max": 2026, "qualifier": "range", "when": "2025/2026"}),
    ("The new railway line, 410 km long, will connect Darbaza and Maktaaral.",
     "size", {"value": 410, "unit": "km", "project": "railway line"}),
    ("The dairy plant will process 300-350 tonnes of milk per day.",
     "capacity", {"value": 300, "value_max": 350, "qualifier": "range", "period": "day",
                  "product": "milk"}),
    ("ERG plans to build a ferroalloy plant in Pavlodar region.",
     "status", {"value": "planned", "region": "KZ-55", "product": "ferroalloy", "company": "ERG"}),
    ("A pipe plant was put into operation in Aktobe.",
     "status", {"value": "commissioned", "region": "KZ-15"}),
    ("The bridge is under construction.", "status", {"value": "under_construction"}),
    ("Work on the fertiliser plant was suspended last year.", "status", {"value": "suspended"}),
    # active voice and the grammar of the status phrase
    ("Kazzinc is building a new zinc refinery near Ridder.",
     "status", {"value": "under_construction"}),
    ("Last month Aktobe Steel put into operation a new rolling mill.",
     "status", {"value": "commissioned"}),
    ("Eurasian Group has suspended the construction of its aluminium smelter.",
     "status", {"value": "suspended"}),
    # qualifiers as verbs, construction-stage jobs, headcounts of specialists and builders
    ("The cost of the glass plant will exceed $250 million.",
     "investment", {"value": 250e6, "qualifier": "min"}),
    ("Up to 2,000 workers will be involved at the construction stage of the new smelter.",
     "jobs", {"value": 2000, "qualifier": "max", "kind": "construction"}),
    ("At the peak of construction about 900 people will work at the refinery site.",
     "jobs", {"value": 900, "kind": "construction"}),
    ("Some 1,200 builders are working on the site of the cement plant.",
     "jobs", {"value": 1200, "kind": "construction"}),
    ("The new data processing plant employs 85 specialists.",
     "jobs", {"value": 85, "kind": None}),
    # things counted in pieces; facilities counted as a programme of works
    ("The pharmaceutical plant will produce 40 million vials of vaccine a year.",
     "capacity", {"value": 40e6, "unit": "units", "period": "year"}),
    ("Five new power plants are to be built in the northern regions.",
     "count", {"value": 5, "unit": "projects", "scope": "portfolio"}),
    ("Four new railway lines with a total length of 1,300 km are under construction.",
     "size", {"value": 1300, "unit": "km"}),
    # dates: first output, a finish, a date without a preposition
    ("Construction of the wind farm starts this spring; its first electricity is expected in 2027.",
     "commissioning", {"value": 2027, "qualifier": "eq"}),
    ("The repair of the bypass will be finished in 2026-2027.",
     "commissioning", {"value": 2026, "value_max": 2027, "qualifier": "range"}),
    ("The launch of the copper plant has been moved to the second half of 2028.",
     "commissioning", {"value": 2028, "qualifier": "eq", "evidence": "the second half of 2028"}),
    ("A solar power plant of 200 MW is planned near Kentau. The first 50 MW are to come into "
     "operation in 2026.",
     "commissioning", {"value": 2026}),
    # counted things with modifiers before the noun, nouns the normaliser lacks, livestock
    ("The new works in Petropavl will assemble up to 400 refrigerated and tank wagons a year.",
     "capacity", {"value": 400, "unit": "units", "qualifier": "max", "period": "year"}),
    ("The factory will turn out 800 heavy mining trucks annually.",
     "capacity", {"value": 800, "unit": "units", "period": "year"}),
    ("A ceramic plant producing 45 million bricks a year is being built near Semey.",
     "capacity", {"value": 45e6, "unit": "units", "product": "brick"}),
    ("A cattle feedlot for 3,500 bulls was opened in Kostanay region.",
     "capacity", {"value": 3500, "unit": "head"}),
    # a month without its year, dated by the publication (2025-05-01)
    ("The cement plant near Shymkent was put into operation in March.",
     "commissioning", {"value": 2025, "when": "2025-03", "qualifier": "eq"}),
    ("A pasta factory in Taraz opened in November.",  # a past event in a later month
     "commissioning", {"value": 2024, "when": "2024-11"}),
    ("The new terminal at Aktau port will be launched in February.",  # a future earlier month
     "commissioning", {"value": 2026, "when": "2026-02"}),
    # status phrases
    ("Kazatomprom intends to build a sulphuric acid plant in Turkistan region.",
     "status", {"value": "planned", "product": "sulphuric acid"}),
    ("A sugar refinery is to be built in Zhambyl region.",
     "status", {"value": "planned", "product": "sugar"}),
    ("The new pumping station has been put into service.", "status", {"value": "commissioned"}),
    # employment phrased as work given
    ("The new refinery in Shymkent will give work to 700 people.",
     "jobs", {"value": 700, "unit": "jobs"}),
    # the product a facility is named after when the gazetteer names none
    ("A tractor plant costing KZT 20 billion is being built in Kokshetau.",
     "investment", {"value": 20e9, "product": "tractor"}),
    ("A plant for the assembly of Volga minibuses worth $30 million is planned in Kostanay.",
     "investment", {"value": 30e6, "product": "minibus"}),
    ("A line for tempered and insulated glass costs KZT 4 billion.",
     "investment", {"value": 4e9, "product": "glass"}),
    ("The metallurgical plant will cost $500 million.",
     "investment", {"value": 500e6, "product": None}),
    # several capacities: the first one's product is the plant's
    ("The chemical complex will make 500 thousand tonnes of ammonia and 300 thousand tonnes of "
     "methanol a year. It will cost $900 million.",
     "investment", {"value": 900e6, "product": "ammonia"}),
    # a capacity naming nothing takes the facility it measures; output of X to N
    ("A vegetable storage facility for 8 thousand tonnes was opened in Turkistan region.",
     "capacity", {"value": 8000, "product": "vegetable"}),
    ("The upgrade of the plant will raise the output of soda ash to 200 thousand tonnes a year.",
     "capacity", {"value": 200000, "product": "soda ash"}),
    # generic pieces at a rate; jobs given to people, people engaged, staff who run a plant
    ("The works will ship 80 thousand sets of brake parts a year to the assembly plants.",
     "capacity", {"value": 80e3, "unit": "units", "period": "year"}),
    ("The new bakery in Oral will provide jobs for 140 people.",
     "jobs", {"value": 140, "unit": "jobs", "kind": None}),
    ("At the construction stage, some 300 people will be engaged on the dam site.",
     "jobs", {"value": 300, "qualifier": "approx", "kind": "construction"}),
    ("Once finished, the solar park will be run by 25 engineers, who will operate the plant.",
     "jobs", {"value": 25, "kind": None}),
    # a launch date moved; the first output expected, off the line
    ("The start-up of the glass plant has been postponed to 2029.",
     "commissioning", {"value": 2029, "qualifier": "eq", "evidence": "to 2029"}),
    ("The kiln is being lined now, and the first cement is expected in 2027.",
     "commissioning", {"value": 2027, "qualifier": "eq"}),
    ("The first buses are to roll off the assembly line in May 2026.",
     "commissioning", {"value": 2026, "when": "2026-05"}),
    # a plant that started production or opened its doors is commissioned
    ("In Kostanay, the tyre factory of Tyre Group started production.",
     "status", {"value": "commissioned", "region": "KZ-39"}),
    ("A brick works in Taraz opened its doors last week.",
     "status", {"value": "commissioned", "evidence": "opened its doors"}),
    # products named as the trade names them
    ("The complex will turn out 600 thousand tonnes of ammophos a year.",
     "capacity", {"value": 600e3, "product": "ammophos"}),
    ("A coke plant for 2 million tonnes of metallurgical coke is planned in Karaganda region.",
     "capacity", {"value": 2e6, "product": "metallurgical coke"}),
    ("A feed mill can make 15 tonnes of compound feed per hour.",
     "capacity", {"value": 15, "period": "hour", "product": "compound feed"}),
    ("Another investor is building a plant for car seats and wiring harnesses worth $40 million.",
     "investment", {"value": 40e6, "product": "car component"}),
]


@pytest.mark.parametrize(("text", "metric", "expected"), CASES, ids=[c[1] + str(i) for i, c in enumerate(CASES)])
def test_figure_fields(text: str, metric: str, expected: dict[str, Any]) -> None:
    helpers.check_fields(text, metric, expected, "en")


@pytest.mark.parametrize("text", [
    "Manufacturing grew by 7.4% in January-June, and the chemical industry by 12%.",
    "Budget revenues of the region exceeded 900 billion tenge last year.",
    "The company paid 56 billion tenge in taxes in 2024.",
    "Trade turnover with China reached $44 billion in 2024.",
    "The enterprises of the region produced goods worth 3.2 trillion tenge.",
    "The agreement was signed on March 12, 2024, and the delegation arrived in 2023.",
    "More than 1,500 people attended the forum, and 300 farmers received loans.",
    "Construction of the bridge is expected to start in 2026.",
    "Domestic steel production is to reach 8 million tonnes by 2030.",
    "Today 45 power plants operate in the country with a total capacity of 25 GW.",
    "Call-centre 1414 works daily; decree No. 123 was adopted in 2022.",
    "Subsidies of 40 billion tenge were allocated to support farmers.",
    "The average wage in the region reached 350 thousand tenge.",
    # prices per unit, things handed over, a period rather than a launch date
    "The average tariff for households was 25 tenge per kWh.",
    "Local flour sold at KZT 210 per kilogram in the spring.",
    "The akimat handed out 2,500 sets of school uniforms to large families.",
    "The programme of launching new plants runs from 2025 to 2029.",
    # output sold or bought, consumer lending, demand and national stock
    "Last year the mill shipped products worth KZT 95 billion abroad.",
    "The state company will purchase fertilisers worth KZT 40 billion from local plants.",
    "Under the mortgage loan programme, KZT 300 billion has been issued to families.",
    "The region needs about 90 thousand tonnes of cement a year.",
    "In total, 60 wind farms with a combined capacity of 1,800 MW operate in the country.",
    "The minister asked to speed up the launch of the projects of this year.",
    # cumulative past output, purchases, exports, budget allocations, national employment
    "Since 2015 the Kostanay plant has assembled more than 40 thousand cars.",
    "Kazakhstan Temir Zholy intends to purchase 300 wagons from the plant by 2028.",
    "Exports of flour by the Kostanay mill exceeded 2 million tonnes last year.",
    "This year, 90 billion tenge has been allocated for the leasing of buses.",
    "KZT 30 billion has been allocated from the regional budget for the repair of schools.",
    "About 60 thousand people work in the construction industry across the country.",
])
def test_distractors_yield_no_fact(text: str) -> None:
    assert facts_of(text) == []


def test_two_currencies_are_flagged_not_guessed() -> None:
    fact = only("The contract for the new terminal is worth $7.7 billion tenge.", "investment")
    assert fact.flags == ["two_currencies"]
    assert fact.unit is None
    assert fact.evidence == "$7.7 billion tenge"


def test_a_figure_given_twice_is_two_facts() -> None:
    facts = facts_of("The cost of the mining complex is 637.5 billion tenge (about $1.38 billion).")
    assert [(f.value, f.unit, f.qualifier) for f in facts] == [
        (637.5e9, "KZT", "eq"), (1.38e9, "USD", "approx")]


def test_one_status_per_listed_facility() -> None:
    facts = [f for f in facts_of(
        "In Taraz, a brick factory producing 50 million bricks a year, a feed mill and a 20 MW "
        "solar power plant were put into operation.") if f.metric == "status"]
    assert [f.value for f in facts] == ["commissioned"] * 3
    assert len({f.project for f in facts}) == 3


def test_a_facility_in_apposition_is_one_project() -> None:
    facts = [f for f in facts_of(
        "The second stage of the complex, a polypropylene plant with a capacity of 500 thousand "
        "tonnes, is being constructed.") if f.metric == "status"]
    assert len(facts) == 1


def test_this_year_uses_the_publication_date() -> None:
    fact = only("In the region, 13 projects are to be launched this year.", "commissioning")
    assert (fact.value, fact.when, fact.scope) == (2025, "2025", "portfolio")


def test_this_year_without_publication_date_is_not_guessed() -> None:
    assert [f.metric for f in extract("13 projects are to be launched this year.")] == ["count"]


def test_evidence_offsets_and_sentence() -> None:
    text = "First sentence here.\n\nThe plant will cost $2 billion. It opens in 2027."
    fact = only(text, "investment")
    assert text[fact.start:fact.end] == fact.evidence == "$2 billion"
    assert fact.sentence == "The plant will cost $2 billion."


def test_facts_are_sorted_by_start() -> None:
    facts = facts_of("The plant will cost $2 billion, produce 1 million tonnes of steel a year "
                     "and create 900 jobs.")
    assert [f.start for f in facts] == sorted(f.start for f in facts)
    assert [f.metric for f in facts] == ["investment", "capacity", "jobs"]


def test_capacity_target_year() -> None:
    fact = only("By 2028, the company's plant is to bring output to 3 million tonnes of coal a year.",
                "capacity")
    assert (fact.target_year, fact.qualifier, fact.product) == (2028, "eq", "coal")


@pytest.mark.parametrize("lang", ["de", "xx", ""])
def test_languages_without_rules_return_nothing(lang: str) -> None:
    assert extract("Зауыттың құны 10 млрд теңге.", lang) == []


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "$", "2025", "1,000,000,000,000,000 tonnes"])
def test_odd_inputs_do_not_raise(text: str) -> None:
    assert isinstance(extract(text), list)


def test_version_is_english_rules() -> None:
    assert EXTRACTOR_VERSION.startswith("en-")


def test_each_listed_facility_keeps_its_product() -> None:
    facts = [f for f in facts_of(
        "In Aktobe region, a grain storage facility for 20 thousand tonnes, a mill processing "
        "200 tonnes of wheat per day and a pasta plant were put into service.")
        if f.metric == "status"]
    assert [f.product for f in facts] == ["grain", "grain", "pasta"]


def test_facilities_under_construction_in_a_visit_are_no_status() -> None:
    facts = facts_of("The Prime Minister visited several logistics facilities under construction.")
    assert [f for f in facts if f.metric == "status"] == []


def test_a_plan_in_a_relative_clause_is_no_status() -> None:
    facts = facts_of("The key project is a 500 MW wind farm, which foreign investors intend to "
                     "build near Zhanatas.")
    assert [f for f in facts if f.metric == "status"] == []


def test_a_bare_month_without_publication_date_dates_nothing() -> None:
    facts = extract("The cement plant was put into operation in March.", "en", None)
    assert [f for f in facts if f.metric == "commissioning"] == []


def test_a_reporting_period_of_months_dates_nothing() -> None:
    facts = facts_of("In January-March, 12 plants were launched in the region.")
    assert [f for f in facts if f.metric == "commissioning"] == []


# social infrastructure and works (en-1.5): places, staff, counts after a verb, works verbs
SOCIAL_CASES: list[tuple[str, str, dict[str, Any]]] = [
    ("A new school for 1,500 pupil places is being built in Kostanay.",
     "capacity", {"value": 1500, "unit": "places"}),
    ("An investor will build a 300-bed infectious diseases hospital in Aktobe.",
     "capacity", {"value": 300, "unit": "places", "region": "KZ-15"}),
    ("A kindergarten for 280 children was opened in Ekibastuz.",
     "capacity", {"value": 280, "unit": "places", "region": "KZ-55"}),
    ("Once opened, the clinic will employ about 400 doctors and nurses.",
     "jobs", {"value": 400, "unit": "jobs", "qualifier": "approx"}),
    ("The region is building 12 schools with 9 thousand places.",
     "count", {"value": 12, "unit": "projects", "scope": "portfolio"}),
    ("The 45-km irrigation canal will water farmland.", "size", {"value": 45, "unit": "km"}),
    ("The new canal will water 12 thousand hectares of farmland.",
     "size", {"value": 12000, "unit": "ha"}),
    ("The terminal will handle up to 200 thousand containers a year.",
     "capacity", {"value": 200000, "unit": "units", "qualifier": "max"}),
    ("Construction of the bypass road is under way.",
     "status", {"value": "under_construction"}),
    ("The heat plant in Semey is being reconstructed.",
     "status", {"value": "under_construction"}),
    ("An investor plans to revive the idle cement plant.", "status", {"value": "planned"}),
    ("The company has started building a glass plant.",
     "status", {"value": "under_construction"}),
    ("The new hospital will receive its first patients by 2028.",
     "commissioning", {"value": 2028, "qualifier": "max"}),
    ("The restart of the idle flour mill is scheduled for October 2026.",
     "commissioning", {"value": 2026, "when": "2026-10"}),
    ("Twelve new schools are to be handed over in September.",
     "commissioning", {"value": 2025, "when": "2025-09"}),
    ("This year, 14 schools are to be handed over in June.",
     "commissioning", {"value": 2025, "when": "2025-06"}),
    ("The bridge will be commissioned before the end of this year.",
     "commissioning", {"value": 2025, "qualifier": "max"}),
]


@pytest.mark.parametrize(("text", "metric", "expected"), SOCIAL_CASES,
                         ids=[c[1] + str(i) for i, c in enumerate(SOCIAL_CASES)])
def test_social_facilities_and_works(text: str, metric: str, expected: dict[str, Any]) -> None:
    helpers.check_fields(text, metric, expected, "en")


@pytest.mark.parametrize(("text", "metric"), [
    ("Work on the feasibility study is under way.", "status"),
    ("Once launched, the hospital will employ 900 staff.", "status"),
    ("The design work for the smelter is to be finished in 2026.", "commissioning"),
    ("The feasibility study was completed in 2024.", "status"),
    ("KZT 1.5 trillion has been provided from the budget for free medical care.", "investment"),
    ("The school has 90 teachers.", "jobs"),
    ("About 40 thousand children are waiting for a place in kindergartens.", "capacity"),
    ("Kazakhmys said the mine's ore reserves are estimated at 80 million tonnes.", "capacity"),
])
def test_works_and_people_that_are_no_fact(text: str, metric: str) -> None:
    assert [f for f in facts_of(text) if f.metric == metric] == []


def test_a_month_after_put_into_operation_is_past() -> None:
    facts = extract("The retailer put into operation in December a new warehouse in Almaty.",
                    "en", "2025-03-10")
    assert [f.when for f in facts if f.metric == "commissioning"] == ["2024-12"]


@pytest.mark.parametrize(("text", "lang", "flagged"), [
    ("Currently 1,800 construction workers are employed at the site.", "en", True),
    ("At present about 900 builders are working on the site of the plant.", "en", True),
    ("At the peak of construction the project will employ up to 2,500 people.", "en", False),
    ("The plant currently employs 500 people.", "en", False),  # staff of a plant, not a site
    ("В настоящее время на стройплощадке трудятся 1 500 рабочих.", "ru", True),
    ("На пике строительства будет задействовано до 3 тыс. человек.", "ru", False),
    ("Қазір нысанда 600 құрылысшы жұмыс істеп жатыр.", "kk", True),
    ("Құрылыс кезеңінде 2 мыңға дейін жұмысшы тартылады.", "kk", False),
])
def test_people_on_a_site_today_are_flagged_as_a_headcount(text: str, lang: str,
                                                            flagged: bool) -> None:
    fact = helpers.only(text, "jobs", lang)
    assert ("current_headcount" in fact.flags) is flagged


# en-1.8: status wordings, past construction headcounts, purpose adjuncts, year-like counts
@pytest.mark.parametrize(("text", "value"), [
    ("Aktobe Metall is constructing a new rolling shop in Aktobe.", "under_construction"),
    ("Construction of the Zhezkazgan bypass road is in progress.", "under_construction"),
    ("The building of a cement plant near Taraz is nearing completion.", "under_construction"),
    ("Unit No. 2 of the Karaganda TPP was brought back into operation after repairs.",
     "commissioned"),
    ("The Kostanay Minerals holding plans to open a chrysotile pit near Zhitikara.", "planned"),
    ("Among the new projects is a tile factory that Keramika Group is to build in Taraz.",
     "planned"),
    ("The operator also plans a second stage of the logistics hub in Khorgos.", "planned"),
    ("The brick plant in Stepnogorsk remains suspended while a buyer is sought.", "suspended"),
])
def test_status_wordings(text: str, value: str) -> None:
    assert helpers.only(text, "status").value == value


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("Some 2,400 people were employed during the construction of the bridge.", 2400,
     "construction"),
    ("At the peak of the works, about 1,100 people were employed along the highway.", 1100,
     "construction"),
    ("A cement plant is being built in Shymkent. At present, some 700 builders are on site.", 700,
     "construction"),
    ("About 600 people were employed during the construction, and the mill now offers 150 "
     "permanent jobs.", 150, "permanent"),
])
def test_construction_headcounts_said_in_the_past(text: str, value: int, kind: str) -> None:
    assert any(f.value == value and f.kind == kind for f in facts_of(text) if f.metric == "jobs")


def test_past_employment_without_construction_is_no_fact() -> None:
    assert [f for f in facts_of("Last year 5,000 people were employed under the regional "
                                "programme.") if f.metric == "jobs"] == []


@pytest.mark.parametrize("text", [
    "To cover the national power deficit, Samruk-Energy will build a 600 MW plant in Pavlodar.",
    "In order to cut imports, AgroChem is building a fertiliser plant with a capacity of "
    "300 thousand tonnes a year in Zhambyl region.",
])
def test_a_purpose_adjunct_does_not_make_a_capacity_national(text: str) -> None:
    assert [f.metric for f in facts_of(text) if f.metric == "capacity"] == ["capacity"]


def test_a_capacity_after_a_national_figure_is_still_dropped() -> None:
    text = "To date, national generating capacity has reached 24,000 MW."
    assert [f for f in facts_of(text) if f.metric == "capacity"] == []


def test_a_year_like_count_of_products_is_a_capacity() -> None:
    fact = helpers.only("The Taraz plant will produce about 2,050 agricultural tractors a year.",
                        "capacity")
    assert (fact.value, fact.unit, fact.qualifier) == (2050, "units", "approx")


@pytest.mark.parametrize("text", [
    "The new smelter's output is expected to be worth about $300 million a year.",
    "Since 2010, Korean companies have invested over $2 billion into the Kazakh economy.",
])
def test_yearly_revenue_and_economy_wide_money_are_no_investment(text: str) -> None:
    assert [f for f in facts_of(text) if f.metric == "investment"] == []


def test_production_should_begin_dates_a_launch() -> None:
    text = "A local firm plans to build a glass wool plant in Aktau, and production should " \
           "begin by 2029."
    assert [(f.value, f.qualifier) for f in facts_of(text) if f.metric == "commissioning"] == \
        [(2029, "max")]

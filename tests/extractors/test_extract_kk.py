"""Kazakh rules (``patterns/*.kk.jsonl``, ``kk_phrases``) on short texts written for these tests."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest

from extractors import kk_phrases
from extractors.extract import EXTRACTOR_VERSIONS, RULES
from extractors.normalize import parse_figure
from extractors.pipeline import SUPPORTED_LANGS
from tests.extractors import helpers

facts_of = partial(helpers.facts_of, lang="kk")
only = partial(helpers.only, lang="kk")


def test_kazakh_is_a_supported_language() -> None:
    assert "kk" in SUPPORTED_LANGS and "kk" in RULES
    assert EXTRACTOR_VERSIONS["kk"] == "kk-1.5"


# (text, metric, expected fields) - one row per behaviour
KK_CASES: list[tuple[str, str, dict[str, Any]]] = [
    # money: scale word, currency with a case ending, qualifiers before and after the figure
    ("Павлодар облысында ферроқорытпа зауытын салуға 120 млрд теңге инвестиция салынады.",
     "investment", {"value": 120e9, "unit": "KZT", "qualifier": "eq", "region": "KZ-55",
                    "scope": "project", "product": "ferroalloy"}),
    ("Зауыттың құны шамамен 12 млрд теңге.",
     "investment", {"value": 12e9, "unit": "KZT", "qualifier": "approx"}),
    ("Кешенге 45 млрд теңгеге жуық қаражат жұмсалады.",
     "investment", {"value": 45e9, "unit": "KZT", "qualifier": "approx"}),
    ("Жобаның жалпы құны 1 трлн теңгеден астам.",
     "investment", {"value": 1e12, "unit": "KZT", "qualifier": "min"}),
    ("Петропавл маңында 300 млн АҚШ доллары тұратын астық өңдеу кешені салынады.",
     "investment", {"value": 300e6, "unit": "USD", "region": "KZ-59", "product": "grain",
                    "project": "астық өңдеу кешені"}),
    ("Оның 15 млрд теңгесі Даму банкінің несиесі есебінен қаржыландырылады, ал зауыт салынады.",
     "investment", {"value": 15e9, "unit": "KZT"}),
    # capacity: the rate before the figure ("жылына"), product after it
    ("Шахтаның қуаты жылына 3 млн тонна көмір болады.",
     "capacity", {"value": 3e6, "unit": "t", "period": "year", "product": "coal"}),
    ("Ақсу қаласында қуаты 80 МВт күн электр станциясы салынып жатыр.",
     "capacity", {"value": 80, "unit": "MW", "product": "electricity", "region": "KZ-55",
                  "project": "күн электр станциясы"}),
    ("Станция жылына 250 млн кВт·сағ электр энергиясын өндіреді.",
     "capacity", {"value": 250e3, "unit": "MWh", "period": "year", "product": "electricity"}),
    ("Зауыттың қуаты 2028 жылға қарай жылына 600 мың тоннаға дейін артады.",
     "capacity", {"value": 6e5, "unit": "t", "qualifier": "max", "target_year": 2028}),
    # jobs: kind words between the number and "жұмыс орны", suffixes on the number
    ("Жаңа кәсіпорын 1 500-ден астам тұрақты жұмыс орнын ашады.",
     "jobs", {"value": 1500, "unit": "jobs", "qualifier": "min", "kind": "permanent"}),
    ("Фабриканың құрылысы кезінде 700 уақытша жұмыс орны құрылады.",
     "jobs", {"value": 700, "unit": "jobs", "kind": "temporary"}),
    ("Зауытта 200 адам жұмыс істейді.",
     "jobs", {"value": 200, "unit": "jobs", "kind": None}),
    ("Құрылыс кезеңінде теміржолда 900-ге жуық адам жұмысқа тартылады.",
     "jobs", {"value": 900, "unit": "jobs", "qualifier": "approx", "kind": "construction"}),
    # size and count
    ("Шымкентте 40 гектар аумақта фармацевтика зауыты салынады.",
     "size", {"value": 40, "unit": "ha", "region": "KZ-79", "project": "фармацевтика зауыты"}),
    ("Ақтөбе облысында ұзындығы 95 км автомобиль жолы жөнделеді.",
     "size", {"value": 95, "unit": "km", "region": "KZ-15"}),
    ("Биыл өңірде жалпы құны 800 млрд теңге болатын 14 инвестициялық жоба іске асырылады.",
     "count", {"value": 14, "unit": "projects", "scope": "portfolio"}),
    # commissioning years: postpositions after the year
    ("Ақтау қаласында су тұщыту зауытының құрылысы 2027 жылдың наурызында аяқталады.",
     "commissioning", {"value": 2027, "when": "2027-03", "qualifier": "eq", "region": "KZ-47",
                       "project": "су тұщыту зауыты"}),
    ("Кешенді 2026-2027 жылдары іске қосу жоспарланған.",
     "commissioning", {"value": 2026, "value_max": 2027, "qualifier": "range", "when": "2026/2027"}),
    ("Станцияны 2028 жылға дейін пайдалануға беру көзделген.",
     "commissioning", {"value": 2028, "qualifier": "max"}),
    ("Зауыт келесі жылы іске қосылады.",
     "commissioning", {"value": 2026, "qualifier": "eq"}),
    # status and companies with a legal form after the name
    ("Маңғыстау облысында «Caspian Salt» ЖШС тұз өңдейтін фабрика салып жатыр.",
     "status", {"value": "under_construction", "company": "Caspian Salt", "region": "KZ-47",
                "project": "тұз өңдейтін фабрика"}),
    ("Қарағанды облысындағы болат құю зауыты пайдалануға берілді.",
     "status", {"value": "commissioned", "region": "KZ-35", "product": "steel",
                "project": "болат құю зауыты"}),
    ("Рудный қаласында жаңа мектеп салу жоспарланып отыр.",
     "status", {"value": "planned", "region": "KZ-39"}),
    ("Жобаны Qazaq Agro Invest АҚ іске асырады, оның құны 18 млрд теңге.",
     "investment", {"value": 18e9, "company": "Qazaq Agro Invest"}),
]


@pytest.mark.parametrize("text", [
    "Облыстың экспорты 2,3 млрд долларды құрады.",  # exports
    "Өткен жылы кәсіпорындар бюджетке 14 млрд теңге салық төледі.",  # taxes
    "Облыс бюджетінің кірісі 410 млрд теңге болды.",  # budget revenue
    "Өнеркәсіп өнімінің көлемі 3,1 трлн теңгеге жетті.",  # output value
    "Өңір экономикасы 6,2%-ға өсті.",  # growth
    "Зауыт 2020 жылдан бастап жұмыс істейді.",  # "since 2020" dates no launch
    "Елімізде жылына 12 млн тонна цемент өндірілді.",  # national output
    "2024 жылдың қорытындысы бойынша жұмыспен қамту бағдарламасымен 3 мың жұмыс орны ашылды.",
])
def test_kazakh_distractors_are_not_facts(text: str) -> None:
    assert [f for f in facts_of(text) if f.metric != "status"] == []


def test_kazakh_year_of_construction_start_is_not_commissioning() -> None:
    text = "Зауыттың құрылысы 2026 жылы басталады."
    assert [f for f in facts_of(text) if f.metric == "commissioning"] == []


def test_kazakh_construction_start_then_completion() -> None:
    facts = facts_of("Зауыттың құрылысы 2024 жылы басталып, 2026 жылы аяқталады.")
    assert [(f.metric, f.value, f.evidence) for f in facts] == [
        ("commissioning", 2026, "2026 жылы")]


def test_kazakh_planned_launch_is_not_a_planned_status() -> None:
    text = "Станцияны 2026 жылы пайдалануға беру жоспарланған."
    assert [f.metric for f in facts_of(text)] == ["commissioning"]


def test_kazakh_portfolio_continued_by_a_pronoun() -> None:
    text = ("Биыл облыста жалпы құны 500 млрд теңге болатын 12 жоба іске асырылады. "
            "Олар 3 мыңнан астам жаңа жұмыс орнын ашады.")
    jobs = only(text, "jobs")
    assert (jobs.value, jobs.qualifier, jobs.scope) == (3000, "min", "portfolio")


def test_kazakh_sentences_split_before_kazakh_capitals() -> None:
    text = "Зауыт салынды. Қостанай облысында 300 жұмыс орны ашылды."
    fact = only(text, "jobs")
    assert fact.sentence == "Қостанай облысында 300 жұмыс орны ашылды."
    assert fact.region == "KZ-39"


def test_kazakh_bare_facility_takes_the_fuller_label_before_it() -> None:
    text = ("Жамбыл облысында жылына 1 млн тонна цемент шығаратын зауыт салынады. "
            "Кәсіпорында 400 тұрақты жұмыс орны ашылады.")
    jobs = only(text, "jobs")
    assert jobs.project == "цемент шығаратын зауыт"
    assert jobs.product == "cement" and jobs.region == "KZ-31"


def test_kazakh_one_status_per_listed_facility() -> None:
    text = "Облыста құс фабрикасы, шыны зауыты және жел электр станциясы іске қосылды."
    statuses = [f for f in facts_of(text) if f.metric == "status"]
    assert [f.project for f in statuses] == ["құс фабрикасы", "шыны зауыты",
                                             "жел электр станциясы"]


@pytest.mark.parametrize(("surface", "nominative"), [
    ("зауытта", "зауыт"), ("зауытты", "зауыт"), ("зауыттың", "зауыт"),
    ("зауытының", "зауыты"), ("цемент зауытын", "цемент зауыты"),
    ("кешенінде", "кешені"), ("электр станциясын", "электр станциясы"),
    ("кәсіпорында", "кәсіпорын"), ("жылыжайды", "жылыжай"), ("Фабрикада", "Фабрика"),
])
def test_kazakh_facility_nouns_in_the_nominative(surface: str, nominative: str) -> None:
    assert kk_phrases.nominative_noun(surface) == nominative


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("15 млрд теңгесі", 15e9, "KZT"),
    ("250 млн кВт·сағ", 250e3, "MWh"),
    ("40 мың МВт·сағ", 40e3, "MWh"),
])
def test_kazakh_units_the_normaliser_reads(text: str, value: float, unit: str) -> None:
    fig = parse_figure(text, "kk")
    assert fig is not None and (fig.value, fig.unit) == (value, unit)


# --- kk-1.1: rules from the extra2 development releases (sentences written for these tests) ---
KK_11_CASES: list[tuple[str, str, dict[str, Any]]] = [
    # a verb of exceeding after an ablative figure is a minimum, and is part of the evidence
    ("Кешеннің құны 850 млн доллардан асады.",
     "investment", {"value": 850e6, "unit": "USD", "qualifier": "min",
                    "evidence": "850 млн доллардан асады"}),
    ("Жобаға салынатын инвестиция 40 млрд теңгеден асатын болады.",
     "investment", {"value": 40e9, "qualifier": "min", "evidence": "40 млрд теңгеден асатын"}),
    # workers, specialists and builders with an engagement verb are jobs
    ("Құрылыс кезеңінде 2 мыңға дейін жұмысшы тартылады.",
     "jobs", {"value": 2000, "qualifier": "max", "kind": "construction"}),
    ("Кеніште 4 мыңнан астам маман жұмылдырылған.",
     "jobs", {"value": 4000, "qualifier": "min"}),
    ("Станция аумағында 350 құрылысшы жұмыс істеп жатыр.",
     "jobs", {"value": 350, "kind": "construction"}),
    ("Қазір құрылыс алаңында 900-ге жуық адам еңбек етуде.",
     "jobs", {"value": 900, "qualifier": "approx", "kind": "construction"}),
    # launch converbs and participles date a launch
    ("Фабрика 2027 жылға дейін іске қосылып, 300 тұрақты жұмыс орнын ашады.",
     "commissioning", {"value": 2027, "qualifier": "max"}),
    ("Терминалды 2026 жылдың екінші жартысында ашу көзделген.",
     "commissioning", {"value": 2026, "when": "2026"}),
    ("Автожол бойынша қозғалысты 2027 жылдың соңына дейін ашу жоспарланған.",
     "commissioning", {"value": 2027, "qualifier": "max"}),
    # status phrases: continuing works, reported speech, active works
    ("Түркістан облысында цемент зауытының құрылысы жалғасуда.",
     "status", {"value": "under_construction", "region": "KZ-61"}),
    ("Министр Қостанай облысында құс фабрикасы пайдалануға берілгенін айтты.",
     "status", {"value": "commissioned", "region": "KZ-39"}),
    ("«Aral Salt» ЖШС тұз өңдейтін фабриканы салу жұмыстарын жүргізіп жатыр.",
     "status", {"value": "under_construction", "company": "Aral Salt"}),
    ("Биыл өңірде жалпы құны 90 млрд теңге болатын 8 жобаны іске қосу жоспарланған.",
     "status", {"value": "planned", "scope": "portfolio"}),
    # machines counted after a participle are a capacity in pieces
    ("Зауыт жылына 1 200 жүк тасымалдайтын вагон шығарады.",
     "capacity", {"value": 1200, "unit": "units", "period": "year"}),
    # a mill processes grain and makes flour
    ("Қостанай облысында тәулігіне 300 тонна астық өңдейтін диірмен салынып жатыр.",
     "capacity", {"value": 300, "unit": "t", "period": "day", "product": "flour"}),
    # PET; "болатын" (which is) is not steel
    ("Зауыттың қуаты жылына 200 мың тонна полиэтилентерефталат болатын болады.",
     "capacity", {"value": 2e5, "product": "polyethylene terephthalate"}),
    ("Ұзындығы 120 км болатын теміржол желісі салынуда.",
     "size", {"value": 120, "unit": "km", "product": None}),
    # a region of the paragraph places the project, not a city naming it
    ("Алматы облысында Алматы айналма автомобиль жолының 65 км учаскесі салынуда.",
     "size", {"value": 65, "region": "KZ-19"}),
    # several regions before a plural place noun place nothing
    ("Жаңа газ құбыры Қостанай және Ақмола облыстарының аумағы арқылы өтеді, оның ұзындығы "
     "400 км.",
     "size", {"value": 400, "region": None}),
]


@pytest.mark.parametrize("text", [
    # imports, harvests, output value, fixed-capital statistics, renewal and repair allocations
    "Зауыт салынғанға дейін елдің цемент импорты жылына 400 мың тоннаға жетеді.",
    "«Kostanai Agro» ЖШС алқаптарынан биыл 600 мың тонна астық жиналды.",
    "Кәсіпорын жылына 12 млрд теңгенің өнімін шығаратын болады.",
    "Облыста негізгі капиталға салынған инвестиция 640 млрд теңгені құрады.",
    "Биыл автобус паркін жаңартуға 35 млрд теңге көзделген.",
    "Жылу желілерін жөндеуге 20 млрд теңге бөлінді.",
    # jobs opened are not a launch, nor a plan
    "Облыста 2026 жылы 800 жұмыс орнын ашу жоспарланған.",
])
def test_kazakh_11_distractors_are_not_facts(text: str) -> None:
    assert [f for f in facts_of(text) if f.metric not in ("jobs",)] == []


def test_kazakh_renewal_called_an_investment_is_one() -> None:
    fact = only("Зауытты жаңартуға 60 млрд теңге инвестиция салынады.", "investment")
    assert fact.value == 60e9


def test_kazakh_launch_plan_of_a_project_is_a_date_not_a_status() -> None:
    text = ("Жамбыл облысында минералды тыңайтқыш зауыты салынуда. "
            "Кәсіпорынды 2027 жылы іске қосу жоспарланған.")
    assert [(f.metric, f.value) for f in facts_of(text)] == [
        ("status", "under_construction"), ("commissioning", 2027)]


def test_kazakh_a_city_naming_a_project_alone_still_places_it() -> None:
    fact = only("Шымкент мұнай өңдеу зауытының қуаты жылына 6 млн тонна.", "capacity")
    assert fact.region == "KZ-79"


# kk-1.3: social facilities sized in places, facilities counted as a programme, headcounts with
# a modifier noun, a qualifier after a unit's case ending, ores before a concentrator
KK_13_CASES: list[tuple[str, str, dict[str, Any]]] = [
    # places as a derived adjective ("-лық/-тік"), left out of the label
    ("Ақтөбе облысында 1 200 оқушылық жаңа мектеп салынады.",
     "capacity", {"value": 1200, "unit": "places", "scope": "project", "project": "мектеп"}),
    ("Қостанайда 300 төсектік көпсалалы аурухана салынып жатыр.",
     "capacity", {"value": 300, "unit": "places", "project": "көпсалалы аурухана"}),
    ("Семейде 250 төсек-орындық перинаталдық аурухана салынып жатыр.",
     "capacity", {"value": 250, "unit": "places"}),
    # children a kindergarten is for ("балаға арналған"), and a count in the same clause
    ("Көкшетауда 320 балаға арналған балабақша салынып жатыр.",
     "capacity", {"value": 320, "unit": "places", "scope": "project", "evidence": "320 балаға"}),
    ("Облыста 15 мыңнан астам балаға арналған 40 балабақша салынады.",
     "capacity", {"value": 15000, "unit": "places", "qualifier": "min", "scope": "portfolio"}),
    # "жуық" after the case ending of a unit ("кВт·сағ-қа жуық")
    ("Станция жылына 80 млн кВт·сағ-қа жуық электр энергиясын береді.",
     "capacity", {"value": 80e3, "unit": "MWh", "qualifier": "approx", "period": "year"}),
    ("Жел паркінің қуаты 60 МВт-қа дейін жетеді.",
     "capacity", {"value": 60, "unit": "MW", "qualifier": "max"}),
    # a headcount named with a modifier noun, in the possessive
    ("Жаңа емханада 400-ден астам медицина қызметкері жұмыс істейтін болады.",
     "jobs", {"value": 400, "unit": "jobs", "qualifier": "min"}),
    ("Зауытта 350 білікті маманы еңбек етеді.",
     "jobs", {"value": 350, "unit": "jobs"}),
    # facilities counted as a programme of works: a count with a verb of building or launching
    ("Өңірде биыл 12 балабақша салынып жатыр.",
     "count", {"value": 12, "unit": "projects", "scope": "portfolio"}),
    ("Облыста 2026 жылы 5 жаңа зауытты іске қосу жоспарланған.",
     "count", {"value": 5, "unit": "projects", "scope": "portfolio"}),
    # a status of a facility will be built ("салынады") right after its noun
    ("Талдықорғанда 600 орындық спорт кешені салынады.",
     "status", {"value": "planned", "scope": "project"}),
    # ores processed by a concentrator name the project's product
    ("Қарағанды облысында «Кенбайыт» ЖШС мыс кенін байыту фабрикасын салып жатыр. "
     "Фабрика жылына 4 млн тонна кен өңдейді.",
     "capacity", {"value": 4e6, "unit": "t", "product": "copper ore", "company": "Кенбайыт"}),
]


@pytest.mark.parametrize("text", [
    # shortages and unemployment are not jobs of a project
    "Ауданда 300-ден астам медицина қызметкері жетіспейді.",
    "Облыста 2 мыңнан астам білікті маман тапшылығы байқалады.",
    # money invested ("инвестиция салынады") is not a facility built
    "Жобаға 40 млрд теңге инвестиция салынады.",
    # schools that exist, pupils who study, bridges of a road: no count, capacity or status
    "Облыста 1 100 мектеп жұмыс істейді.",
    "Қазір облыста 500 мыңға жуық бала мектепте оқиды.",
    "Қалада 2 мыңға жуық бала балабақшаға кезекте тұр.",
    "Учаскеде 6 көпір мен 3 жол айрығы салынады.",
    "Былтыр 40 мектепте ағымдағы жөндеу жүргізілді.",
])
def test_kazakh_13_distractors_are_not_facts(text: str) -> None:
    assert [f for f in facts_of(text) if f.metric != "investment"] == []


def test_kazakh_plural_facilities_before_a_figure_make_it_a_total() -> None:
    text = "Облыста 8 мектеп салынып жатыр. Жаңа мектептер 9 мың оқушыға арналған."
    fact = only(text, "capacity")
    assert (fact.value, fact.unit, fact.scope) == (9000, "places", "portfolio")


def test_kazakh_launch_plan_of_a_portfolio_under_construction_is_a_date() -> None:
    text = ("Облыста 8 мектеп салынып жатыр. "
            "Барлық мектептерді 2026 жылы пайдалануға беру көзделген.")
    assert [(f.metric, f.value, f.scope) for f in facts_of(text)] == [
        ("count", 8, "portfolio"), ("status", "under_construction", "portfolio"),
        ("commissioning", 2026, "portfolio")]


# kk-1.5: containers handled by a terminal, works reported in indirect speech, land returned to
# use by a date, combines as a product
def test_kazakh_terminal_capacity_in_containers() -> None:
    fact = only("Терминал жылына 300 мың контейнер өңдеуге есептелген.", "capacity")
    assert (fact.value, fact.unit, fact.product) == (300000, "units", "container")


def test_kazakh_container_traffic_is_not_a_capacity() -> None:
    assert facts_of("Биыл порт арқылы 300 мың контейнер тасымалданды.") == []


def test_kazakh_works_reported_in_indirect_speech_are_under_way() -> None:
    fact = only("Қызылорда облысында суару каналын қайта жаңарту жұмыстары жүргізіліп "
                "жатқанын атап өтті.", "status")
    assert fact.value == "under_construction"


def test_kazakh_land_returned_to_use_by_a_year_is_a_date() -> None:
    fact = only("Жоба аясында 2027 жылға дейін 20 мың гектар жер айналымға қайтарылады.",
                "commissioning")
    assert (fact.value, fact.qualifier) == (2027, "max")


def test_kazakh_combines_are_the_product_not_grain() -> None:
    fact = only("Зауыт жылына 1 000 астық жинайтын комбайн шығарады.", "capacity")
    assert fact.product == "combine harvester"


# every table of (text, metric, expected fields) above, one test row per case
_TABLES = (("kk", KK_CASES), ("kk11", KK_11_CASES), ("kk13", KK_13_CASES))


@pytest.mark.parametrize(("text", "metric", "expected"),
                         [case for _, table in _TABLES for case in table],
                         ids=[f"{prefix}-{case[1]}{i}" for prefix, table in _TABLES
                              for i, case in enumerate(table)])
def test_kazakh_figure_fields(text: str, metric: str, expected: dict[str, Any]) -> None:
    helpers.check_fields(text, metric, expected, "kk")

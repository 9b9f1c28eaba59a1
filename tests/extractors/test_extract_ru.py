"""Russian rules (``patterns/*.ru.jsonl``, ``RULES["ru"]``) on short texts written for these
tests: headcounts as jobs, status verb forms, launch dates, countable output and distractors."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest

from extractors.extract import RULES
from extractors.fact import Fact
from tests.extractors import helpers

facts_of = partial(helpers.facts_of, lang="ru")
only = partial(helpers.only, lang="ru")


def test_russian_rules_are_registered() -> None:
    assert "ru" in RULES and RULES["ru"].units_need_output


# --- the first Russian rules (ru-1.0 .. ru-1.3) ------------------------------------------
# Russian rules: (text, metric, expected fields)
RU_FIRST_CASES: list[tuple[str, str, dict[str, Any]]] = [
    ("В Павлодарской области построят завод по выпуску ферросплавов стоимостью 120 млрд тенге.",
     "investment", {"value": 120e9, "unit": "KZT", "region": "KZ-55", "scope": "project"}),
    ("Мощность нового комбината составит до 2 млн тонн стали в год.",
     "capacity", {"value": 2e6, "unit": "t", "qualifier": "max", "period": "year", "product": "steel"}),
    ("На предприятии будет создано свыше 1 200 постоянных рабочих мест.",
     "jobs", {"value": 1200, "qualifier": "min", "kind": "permanent"}),
    ("Ввод завода в эксплуатацию запланирован к 2027 году.",
     "commissioning", {"value": 2027, "qualifier": "max", "when": "2027"}),
    ("В Костанайской области строится элеватор.", "status",
     {"value": "under_construction", "region": "KZ-39"}),
    ("В регионе реализуются 14 инвестиционных проектов на 96 млрд тенге.",
     "count", {"value": 14, "unit": "projects", "scope": "portfolio"}),
]


@pytest.mark.parametrize(("text", "metric", "expected"), RU_FIRST_CASES,
                         ids=["ru-" + c[1] + str(i) for i, c in enumerate(RU_FIRST_CASES)])
def test_russian_first_rules_figure_fields(text: str, metric: str, expected: dict[str, Any]) -> None:
    helpers.check_fields(text, metric, expected, "ru")


@pytest.mark.parametrize("text", [
    "Товарооборот с Китаем достиг $44 млрд.",
    "За год предприятия выпустили продукции на сумму 3 трлн тенге.",
    "Производство стали в стране выросло на 5% и составило 6 млн тонн.",
    "Строительство моста начнется в 2026 году.",
])
def test_russian_distractors_yield_no_fact(text: str) -> None:
    assert facts_of(text) == []


# --- later rules ------------------------------------------------------------------------
# (text, metric, expected fields) - one row per behaviour
RU_CASES: list[tuple[str, str, dict[str, Any]]] = [
    # jobs: headcounts in any case with an employment verb, qualifiers, ranges, kinds
    ("На этапе строительства рудника будет задействовано до 2 тыс. человек.",
     "jobs", {"value": 2000, "qualifier": "max", "kind": "construction"}),
    ("На новом комбинате будут трудиться около 4 тыс. человек.",
     "jobs", {"value": 4000, "qualifier": "approx", "kind": None}),
    ("В период строительства ТЭЦ будет привлечено от 900 до 1 100 человек.",
     "jobs", {"value": 900, "value_max": 1100, "qualifier": "range", "kind": "construction"}),
    ("После пуска фабрики постоянную работу получат 320 специалистов.",
     "jobs", {"value": 320, "qualifier": "eq", "kind": "permanent"}),
    ("Сейчас на стройплощадке моста трудятся 1 800 рабочих.",
     "jobs", {"value": 1800, "kind": "construction"}),
    ("На птицефабрике трудоустроено 150 человек.",
     "jobs", {"value": 150, "kind": None}),
    ("На руднике будут работать от 600 до 700 работников.",
     "jobs", {"value": 600, "value_max": 700, "qualifier": "range"}),
    # status: future passive, active "began / is building", reconstruction, plans
    ("В Шымкенте будет построена фабрика по выпуску картона.",
     "status", {"value": "planned", "region": "KZ-79"}),
    ("ТОО «Кызылорда Гласс» приступило к строительству второй линии стекольного завода.",
     "status", {"value": "under_construction"}),
    ("Подрядчик ведет строительство моста через Иртыш.",
     "status", {"value": "under_construction"}),
    ("В Караганде реконструируется ТЭЦ-3.",
     "status", {"value": "under_construction", "region": "KZ-35"}),
    ("В Актау начато строительство опреснительного завода.",
     "status", {"value": "under_construction", "region": "KZ-47"}),
    ("Холдинг намерен возвести в Таразе химический завод.",
     "status", {"value": "planned", "region": "KZ-31"}),
    ("Инвестор планирует открыть в Уральске завод по выпуску кирпича.",
     "status", {"value": "planned", "region": "KZ-27"}),
    ("Компания запустила в Семее кожевенный завод.",
     "status", {"value": "commissioned"}),
    # commissioning: scheduled "на", Roman quarters, minimum, relative years
    ("Ввод комбината в эксплуатацию перенесен на 2028 год.",
     "commissioning", {"value": 2028, "qualifier": "eq", "when": "2028"}),
    ("Фабрику планируется ввести в эксплуатацию во II квартале 2026 года.",
     "commissioning", {"value": 2026, "qualifier": "eq", "when": "2026-Q2"}),
    ("Запуск горно-обогатительного комбината ожидается не ранее 2029 года.",
     "commissioning", {"value": 2029, "qualifier": "min"}),
    ("В прошлом году в Костанае был запущен элеватор.",
     "commissioning", {"value": 2024, "qualifier": "eq"}),
    ("Завод будет запущен до конца текущего года.",
     "commissioning", {"value": 2025, "qualifier": "max"}),
    ("Движение по новой дороге планируется открыть в 2027 году.",
     "commissioning", {"value": 2027, "qualifier": "eq"}),
    # capacity: pieces in the genitive plural, ranges with "от ... до", kWh
    ("Завод в Петропавловске рассчитан на выпуск 4 тыс. комбайнов.",
     "capacity", {"value": 4000, "unit": "units"}),
    ("Мощность нового завода составит 2,5 млн шин в год.",
     "capacity", {"value": 2.5e6, "unit": "units", "period": "year"}),
    ("Молочный завод будет перерабатывать от 150 до 200 тонн молока в сутки.",
     "capacity", {"value": 150, "value_max": 200, "unit": "t", "qualifier": "range",
                  "period": "day"}),
    ("Ежегодно солнечная электростанция будет вырабатывать около 90 млн кВт·ч.",
     "capacity", {"value": 90e3, "unit": "MWh", "qualifier": "approx"}),
    ("Мощность солнечной электростанции составит 500 кВт.",
     "capacity", {"value": 0.5, "unit": "MW"}),
    # investment: the qualifier as a verb, "worth" without an output verb
    ("Объем вложений в проект превысил 75 млрд тенге.",
     "investment", {"value": 75e9, "unit": "KZT", "qualifier": "min"}),
    ("Работы по реконструкции автодороги ведутся на сумму 95 млрд тенге.",
     "investment", {"value": 95e9, "unit": "KZT", "qualifier": "eq"}),
    # ru-1.6: status verbs of building, expanding and starting to work
    ("Параллельно сооружается новый энергоблок ТЭЦ.",
     "status", {"value": "under_construction"}),
    ("В Семее продолжается реконструкция водовода.",
     "status", {"value": "under_construction", "region": "KZ-10"}),
    ("В Актобе заработал завод по выпуску стальных труб.",
     "status", {"value": "commissioned", "region": "KZ-15"}),
    # a city adjective places the facility ("Павлодарский" -> Pavlodar)
    ("Планируется расширить Павлодарский алюминиевый завод.",
     "status", {"value": "planned", "region": "KZ-55"}),
    # schools and hospitals: places and beds, counted as a programme after the verb
    ("В Таразе строится больница на 450 коек.",
     "capacity", {"value": 450, "unit": "places", "region": "KZ-31"}),
    ("В регионе возводятся 35 школ.",
     "count", {"value": 35, "unit": "projects", "scope": "portfolio"}),
    # a trillion and billions in one amount
    ("Стоимость проекта составит 2 трлн 300 млрд тенге.",
     "investment", {"value": 2.3e12, "unit": "KZT"}),
    # launches: handed over, first pupils or patients, first output in a season, "в строй"
    ("Новую школу в Актау планируется сдать в III квартале 2027 года.",
     "commissioning", {"value": 2027, "when": "2027-Q3"}),
    ("Поликлиника в Кокшетау примет первых пациентов до конца 2026 года.",
     "commissioning", {"value": 2026, "qualifier": "max"}),
    ("Ввести комбинат в строй предполагается к 2031 году.",
     "commissioning", {"value": 2031, "qualifier": "max"}),
    ("На пике строительных работ на комбинате будет занято до 3 тыс. человек.",
     "jobs", {"value": 3000, "qualifier": "max", "kind": "construction"}),
    # products: an ore by its metal, two products joined by "и"
    ("Фабрика будет перерабатывать 3 млн тонн медной руды в год.",
     "capacity", {"value": 3e6, "product": "copper ore"}),
    ("Тепличный комплекс будет выращивать до 12 тыс. тонн томатов и огурцов в год.",
     "capacity", {"value": 12000, "product": "tomato and cucumber"}),
]


@pytest.mark.parametrize(("text", "metric", "expected"), RU_CASES,
                         ids=["ru-" + c[1] + str(i) for i, c in enumerate(RU_CASES)])
def test_russian_figure_fields(text: str, metric: str, expected: dict[str, Any]) -> None:
    helpers.check_fields(text, metric, expected, "ru")


@pytest.mark.parametrize("text", [
    "Средняя зарплата на заводе превысит 450 тыс. тенге в месяц.",  # wages
    "Закупочная цена сахарной свеклы выросла до 25 тенге за килограмм.",  # prices
    "На субсидирование растениеводства в этом году выделено 90 млрд тенге.",  # subsidies
    "Экспорт цинка с завода компании составил 280 тыс. тонн.",  # exports
    "Завод заместит импорт сахара, объем которого превышает 300 тыс. тонн в год.",  # imports
    "Для нового рудника компания приобрела более 200 единиц техники.",  # machines bought
    "На строительстве завода задействовано свыше 300 единиц техники.",  # machines on site
    "В форуме в Астане приняли участие 500 человек.",  # people, not employment
    "В целом по стране в промышленности занято 1,2 млн человек.",  # national employment
    "В рамках программы занятости на предприятиях региона трудоустроено 2 тыс. человек.",
    "Предприятие выпустило 2 млн тонн цемента на сумму 40 млрд тенге.",  # output value
    "Комплексный план на 2024–2028 годы предусматривает запуск новых заводов.",  # plan period
    "Правительство запустило программу льготного лизинга.",  # a scheme, not a facility
    "Документы рассматриваются в течение 5 рабочих дней.",  # working days, not workers
    "За девять месяцев на отечественных НПЗ переработано 13 млн тонн нефти.",  # national output
    "Компания заработала 5 млрд тенге чистой прибыли.",  # earned money: no launch, no investment
])
def test_russian_distractors_are_not_facts(text: str) -> None:
    assert facts_of(text) == []


def test_russian_opened_jobs_are_not_a_launch() -> None:
    facts = facts_of("На заводе дополнительно открыто 300 рабочих мест.")
    assert [(f.metric, f.value) for f in facts] == [("jobs", 300)]


def test_russian_both_job_kinds_in_one_sentence() -> None:
    text = ("На период строительства будет привлечено до 900 человек, после пуска постоянную "
            "работу на комбинате получат 200 специалистов.")
    jobs = [(f.value, f.kind) for f in facts_of(text) if f.metric == "jobs"]
    assert jobs == [(900, "construction"), (200, "permanent")]


def test_russian_construction_start_then_scheduled_launch() -> None:
    facts = facts_of("Строительство фабрики начнется в 2026 году, запуск намечен на 2028 год.")
    assert [(f.metric, f.value) for f in facts if f.metric == "commissioning"] == [
        ("commissioning", 2028)]


def test_russian_programme_of_schools_with_places() -> None:
    text = ("В области возводятся 12 школ, рассчитанных в общей сложности более чем на 9 тыс. "
            "ученических мест. Совокупная стоимость объектов составит 180 млрд тенге.")
    facts = {f.metric: f for f in facts_of(text)}
    assert (facts["count"].value, facts["count"].scope) == (12, "portfolio")
    places = facts["capacity"]
    assert (places.value, places.unit, places.qualifier, places.scope) == (
        9000, "places", "min", "portfolio")
    assert facts["investment"].scope == "portfolio"


def test_russian_first_output_in_a_season() -> None:
    facts = facts_of("В Костанае строится мясокомбинат. Первую продукцию предприятие выпустит "
                     "весной 2028 года.")
    dates = [(f.value, f.qualifier, f.when) for f in facts if f.metric == "commissioning"]
    assert dates == [(2028, "eq", "2028")]


def test_russian_irrigated_area_of_the_canal_before() -> None:
    facts = facts_of("В Кызылординской области реконструируется магистральный канал. После "
                     "завершения работ воду получат 30 тыс. гектаров посевов.")
    size = only_metric(facts, "size")
    assert (size.value, size.unit, size.region) == (30000, "ha", "KZ-43")


def test_russian_status_restated_in_the_paragraph_is_one_fact() -> None:
    text = ("В Таразе продолжается возведение областной больницы. Объект сдадут в 2027 году. "
            "Его строительство ведется по графику.")
    assert [f.evidence for f in facts_of(text) if f.metric == "status"] == [
        "продолжается возведение"]


def only_metric(facts: list[Fact], metric: str) -> Fact:
    found = [f for f in facts if f.metric == metric]
    assert len(found) == 1, found
    return found[0]


# --- ru-1.8: distractors, throughput, products named by the facility, launches to come --------
@pytest.mark.parametrize("text", [
    # fixed-capital statistics, tax revenue, exports and shipments are no project's money
    "Инвестиции в основной капитал региона за полугодие составили 640 млрд тенге.",
    "Налоговые отчисления предприятий отрасли достигли 95 млрд тенге.",
    "За год завод экспортировал продукцию на 150 млн долларов.",
    "В 2024 году комбинат отгрузил продукции на 62 млрд тенге.",
    # a shortage of capacity is not a facility's capacity
    "Дефицит мощности в южной зоне может достичь 900 МВт.",
])
def test_russian_18_distractors_are_not_facts(text: str) -> None:
    assert facts_of(text) == []


def test_russian_throughput_of_a_terminal_in_containers() -> None:
    fact = only("Пропускная способность нового терминала составит 250 тыс. контейнеров в год.",
                "capacity")
    assert (fact.value, fact.unit, fact.product) == (250000, "units", "container")


@pytest.mark.parametrize(("text", "product"), [
    ("В Шымкенте откроется производство сложных удобрений мощностью 80 тыс. тонн в год. "
     "Его стоимость оценивается в 20 млрд тенге.", "complex fertilizer"),
    ("На заводе по выпуску кальцинированной соды мощностью 300 тыс. тонн в год занято 400 "
     "человек.", "soda ash"),
    ("В Экибастузе возводится цех по производству грузовых вагонов мощностью 2 тыс. вагонов "
     "в год.", "freight wagon"),
])
def test_russian_product_named_by_the_facility(text: str, product: str) -> None:
    assert {f.product for f in facts_of(text)} == {product}


def test_russian_builders_on_a_site_under_construction_today() -> None:
    fact = only("В данный момент на объекте идет строительство главного корпуса, там трудятся "
                "900 человек.", "jobs")
    assert (fact.value, fact.kind) == (900, "construction")
    assert "current_headcount" in fact.flags


def test_russian_launch_to_come_is_not_a_status() -> None:
    facts = facts_of("В следующем году будут запущены 25 проектов стоимостью 140 млрд тенге.")
    assert [f.metric for f in facts if f.metric == "status"] == []


def test_russian_participle_of_commissioning_after_the_facility() -> None:
    fact = only("Министр осмотрел шинный завод в Шымкенте, введенный в эксплуатацию в 2023 году.",
                "status")
    assert (fact.value, fact.product) == ("commissioned", "tyre")


def test_staff_working_permanently_after_launch_are_permanent_jobs() -> None:
    text = "На время стройки будут привлечены 400 человек, а после запуска на заводе будут " \
           "постоянно работать 120 специалистов."
    kinds = {f.value: f.kind for f in facts_of(text) if f.metric == "jobs"}
    assert kinds == {400: "construction", 120: "permanent"}


def test_a_gross_harvest_is_no_capacity() -> None:
    text = "Губернатор сообщил, что валовой сбор пшеницы в прошлом году составил 3,2 млн тонн."
    assert [f for f in facts_of(text) if f.metric == "capacity"] == []


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a bare month or quarter is dated by the publication, the tense choosing the year
    ("В марте в Таразе запущен сахарный завод ТОО «Алем Кант».", "2025-05-20",
     [(2025, "2025-03")]),
    ("Тепличный комплекс введен в эксплуатацию в декабре.", "2025-02-11", [(2024, "2024-12")]),
    ("Запустить кирпичный завод планируется в первом квартале.", "2025-10-02",
     [(2026, "2026-Q1")]),
    ("Линию розлива планируется запустить во втором полугодии.", "2025-04-15",
     [(2025, "2025-H2")]),
    ("Запустить кирпичный завод планируется в третьем квартале 2026 года.", "2025-04-15",
     [(2026, "2026-Q3")]),
])
def test_russian_month_and_quarter_dated_by_the_publication(
        text: str, published: str, expected: list[tuple[int, str | None]]) -> None:
    facts = helpers.facts_of(text, "ru", published)
    assert [(f.value, f.when) for f in facts if f.metric == "commissioning"] == expected


def test_russian_reporting_month_is_no_launch() -> None:
    facts = helpers.facts_of("В апреле объем промышленного производства вырос на 3%.", "ru")
    assert [f for f in facts if f.metric == "commissioning"] == []


@pytest.mark.parametrize(("text", "value"), [
    ("На Павлодарском нефтехимическом заводе модернизация ведется в две очереди.",
     "under_construction"),
    ("В Туркестане ТОО «Оңтүстік Жылу» строит котельную.", "under_construction"),
    ("Премьер-министр осмотрел кирпичный завод, запущенный в прошлом году.", "commissioned"),
])
def test_russian_status_forms(text: str, value: str) -> None:
    assert [f.value for f in facts_of(text) if f.metric == "status"] == [value]

"""Tables of must-parse and must-not-parse cases for ``extractors.normalize`` (STYLE.md rule 5).

One row per case, in en, ru and kk. Figures are compared exactly on value, value_max, unit,
qualifier, period and flags; the last test replays every figure and date of the development
set through the normalisers.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from extractors.normalize import (
    CURRENCY_WORDS,
    PERIOD_PHRASES,
    QUALIFIER_PHRASES,
    SCALE_WORDS,
    UNIT_WORDS,
    Figure,
    currency_of,
    parse_figure,
    parse_number,
    parse_year_expression,
    qualifier_of,
    scale_of,
    unit_of,
)

DEV = Path(__file__).resolve().parents[1] / "eval" / "dev"
NBSP, NNBSP = "\u00a0", "\u202f"

# --- parse_number ------------------------------------------------------------------------------
NUMBERS = [
    ("300,000", "en", 300000.0),
    ("8.7", "en", 8.7),
    ("1,000.5", "en", 1000.5),
    ("1,000,000", "en", 1_000_000.0),
    ("179.72", "en", 179.72),
    ("0.5", "en", 0.5),
    ("3,5", "en", 3.5),  # a ru decimal inside an en text: read as a decimal
    ("one", "en", 1.0),
    ("twenty", "en", 20.0),
    ("twenty-five", "en", 25.0),
    ("a hundred", "en", 100.0),
    ("two hundred", "en", 200.0),
    ("300 000", "ru", 300000.0),
    (f"300{NBSP}000", "ru", 300000.0),
    (f"300{NNBSP}000", "ru", 300000.0),
    ("1,2", "ru", 1.2),
    ("1 234,5", "ru", 1234.5),
    ("1 000 000", "ru", 1_000_000.0),
    ("637,5", "ru", 637.5),
    ("1.5", "ru", 1.5),
    ("12.000", "ru", 12000.0),
    ("1.000,5", "ru", 1000.5),
    ("два", "ru", 2.0),
    ("полтора", "ru", 1.5),
    ("1,2", "kk", 1.2),
    (f"2{NBSP}500", "kk", 2500.0),
    ("бес", "kk", 5.0),
    ("2024", "en", 2024.0),
    ("8.7 thousand", "en", 8700.0),
    ("two thousand", "en", 2000.0),
    ("1 trillion and 27 billion", "en", 1.027e12),
    ("1,2 млрд", "ru", 1.2e9),
    ("8,7 тыс.", "ru", 8700.0),
    ("300 мың", "kk", 300000.0),
]

NOT_NUMBERS = [
    ("", "en"),
    ("   ", "en"),
    ("first", "en"),
    ("fourth", "en"),
    ("4th", "en"),
    ("the plant", "en"),
    ("15.01.2026", "ru"),
    ("+7", "en"),
    ("-5", "en"),
    ("7%", "en"),
    ("1,2,3", "en"),
    ("1,00,000", "en"),
    ("12 34", "ru"),
    ("a", "en"),
    ("третий", "ru"),
    ("5 tonnes", "en"),
    ("$5", "en"),
    ("thousand", "en"),
    ("15 января", "ru"),
]


@pytest.mark.parametrize(("text", "lang", "expected"), NUMBERS)
def test_parse_number(text: str, lang: str, expected: float) -> None:
    assert parse_number(text, lang) == expected


@pytest.mark.parametrize(("text", "lang"), NOT_NUMBERS)
def test_parse_number_rejects(text: str, lang: str) -> None:
    assert parse_number(text, lang) is None


# --- vocabularies ------------------------------------------------------------------------------
SCALES = [
    ("thousand", 1e3), ("thou", 1e3), ("k", 1e3), ("тыс.", 1e3), ("тысяч", 1e3), ("мың", 1e3),
    ("million", 1e6), ("mln", 1e6), ("mn", 1e6), ("m", 1e6), ("млн", 1e6), ("миллиона", 1e6),
    ("billion", 1e9), ("bln", 1e9), ("bn", 1e9), ("Bn", 1e9), ("b", 1e9), ("млрд", 1e9),
    ("миллиардов", 1e9), ("trillion", 1e12), ("trln", 1e12), ("tn", 1e12), ("tln", 1e12),
    ("trl", 1e12), ("трлн", 1e12), ("триллион", 1e12), ("bn.", 1e9),
]


@pytest.mark.parametrize(("word", "expected"), SCALES)
def test_scale_of(word: str, expected: float) -> None:
    assert scale_of(word) == expected


@pytest.mark.parametrize("word", ["tonnes", "hundred thousand", "", "bnn", "%"])
def test_scale_of_rejects(word: str) -> None:
    assert scale_of(word) is None


CURRENCIES = [
    ("$", "USD"), ("USD", "USD"), ("US dollars", "USD"), ("dollars", "USD"),
    ("долларов", "USD"), ("доллар", "USD"), ("доллара", "USD"), ("доллар США", "USD"),
    ("долларов США", "USD"), ("АҚШ доллары", "USD"), ("долларға", "USD"),
    ("tenge", "KZT"), ("тенге", "KZT"), ("теңге", "KZT"), ("KZT", "KZT"), ("₸", "KZT"),
    ("euro", "EUR"), ("euros", "EUR"), ("евро", "EUR"), ("€", "EUR"),
    ("yuan", "CNY"), ("юаней", "CNY"), ("CNY", "CNY"),
    ("roubles", "RUB"), ("рублей", "RUB"), ("RUB", "RUB"), ("GBP", "GBP"),
]


@pytest.mark.parametrize(("word", "expected"), CURRENCIES)
def test_currency_of(word: str, expected: str) -> None:
    assert currency_of(word) == expected


@pytest.mark.parametrize("word", ["US", "billion", "", "tonnes"])
def test_currency_of_rejects(word: str) -> None:
    assert currency_of(word) is None


UNITS = [
    ("tonnes", ("t", 1.0)), ("tons", ("t", 1.0)), ("t", ("t", 1.0)), ("тонн", ("t", 1.0)),
    ("тонна", ("t", 1.0)), ("тонны", ("t", 1.0)), ("тоннаға", ("t", 1.0)),
    ("kt", ("t", 1e3)), ("Mt", ("t", 1e6)), ("MT", ("t", 1.0)),
    ("bcm", ("m3", 1e9)), ("cubic metres", ("m3", 1.0)), ("cubic meters", ("m3", 1.0)),
    ("m3", ("m3", 1.0)), ("м3", ("m3", 1.0)), ("кубометров", ("m3", 1.0)),
    ("MW", ("MW", 1.0)), ("МВт", ("MW", 1.0)), ("GW", ("MW", 1e3)), ("ГВт", ("MW", 1e3)),
    ("kW", ("MW", 1e-3)), ("MWh", ("MWh", 1.0)), ("kWh", ("MWh", 1e-3)),
    ("Gcal/h", ("Gcal/h", 1.0)), ("Gcal per hour", ("Gcal/h", 1.0)), ("Гкал/ч", ("Gcal/h", 1.0)),
    ("km", ("km", 1.0)), ("км", ("km", 1.0)), ("kilometres", ("km", 1.0)),
    ("ha", ("ha", 1.0)), ("hectares", ("ha", 1.0)), ("га", ("ha", 1.0)),
    ("гектаров", ("ha", 1.0)), ("m2", ("m2", 1.0)), ("sq m", ("m2", 1.0)),
    ("square metres", ("m2", 1.0)), ("кв. м", ("m2", 1.0)),
    ("vehicles", ("units", 1.0)), ("buses", ("units", 1.0)), ("transformers", ("units", 1.0)),
    ("doses", ("units", 1.0)), ("head", ("head", 1.0)), ("голов", ("head", 1.0)),
    ("бас", ("head", 1.0)), ("places", ("places", 1.0)), ("seats", ("places", 1.0)),
    ("beds", ("places", 1.0)), ("pupils", ("places", 1.0)), ("jobs", ("jobs", 1.0)),
    ("workplaces", ("jobs", 1.0)), ("рабочих мест", ("jobs", 1.0)),
    ("жұмыс орны", ("jobs", 1.0)), ("projects", ("projects", 1.0)),
    ("проектов", ("projects", 1.0)), ("жоба", ("projects", 1.0)),
    ("thousand tonnes", ("t", 1e3)), ("млрд кубометров", ("m3", 1e9)),
    ("million cubic metres", ("m3", 1e6)),
]


@pytest.mark.parametrize(("word", "expected"), UNITS)
def test_unit_of(word: str, expected: tuple[str, float]) -> None:
    assert unit_of(word) == expected


@pytest.mark.parametrize("word", ["plant", "", "billion", "$", "тоннель", "tonnes of coal"])
def test_unit_of_rejects(word: str) -> None:
    assert unit_of(word) is None


QUALIFIERS = [
    ("up to", "en", "max"), ("no more than", "en", "max"), ("not more than", "en", "max"),
    ("by", "en", "max"), ("до", "ru", "max"), ("не более", "ru", "max"),
    ("over", "en", "min"), ("more than", "en", "min"), ("at least", "en", "min"),
    ("exceeds", "en", "min"), ("in excess of", "en", "min"), ("above", "en", "min"),
    ("свыше", "ru", "min"), ("более", "ru", "min"), ("не менее", "ru", "min"),
    ("более чем", "ru", "min"), ("превышает", "ru", "min"), ("астам", "kk", "min"),
    ("кем дегенде", "kk", "min"),
    ("about", "en", "approx"), ("around", "en", "approx"), ("approximately", "en", "approx"),
    ("Approximately", "en", "approx"), ("some", "en", "approx"), ("nearly", "en", "approx"),
    ("almost", "en", "approx"), ("roughly", "en", "approx"), ("около", "ru", "approx"),
    ("порядка", "ru", "approx"), ("почти", "ru", "approx"), ("шамамен", "kk", "approx"),
    ("жуық", "kk", "approx"),
    ("with total investment of about", "en", "approx"), ("worth over", "en", "min"),
    ("", "en", "eq"), ("the plant will produce", "en", "eq"), ("составит", "ru", "eq"),
]


@pytest.mark.parametrize(("prefix", "lang", "expected"), QUALIFIERS)
def test_qualifier_of(prefix: str, lang: str, expected: str) -> None:
    assert qualifier_of(prefix, lang) == expected


def test_vocabularies_are_exported_as_data() -> None:
    assert SCALE_WORDS["млрд"] == 1e9
    assert CURRENCY_WORDS["теңге"] == "KZT"
    assert UNIT_WORDS["gw"] == ("MW", 1e3)
    assert QUALIFIER_PHRASES["свыше"] == "min"
    assert PERIOD_PHRASES["в год"] == "year"
    for table in (SCALE_WORDS, CURRENCY_WORDS, UNIT_WORDS, QUALIFIER_PHRASES, PERIOD_PHRASES):
        assert all(key == key.lower().strip() for key in table)


# --- parse_figure ------------------------------------------------------------------------------
def fig(
    value: float,
    unit: str | None,
    qualifier: str = "eq",
    *,
    value_max: float | None = None,
    period: str | None = None,
    flags: tuple[str, ...] = (),
) -> Figure:
    return Figure(value, value_max, unit, period, qualifier, flags)


FIGURES = [
    # en money
    ("about $10 billion", "en", fig(10e9, "USD", "approx")),
    ("up to $1.2bn", "en", fig(1.2e9, "USD", "max")),
    ("exceeds $2.4 billion", "en", fig(2.4e9, "USD", "min")),
    ("$3.5 billion", "en", fig(3.5e9, "USD")),
    ("$1.38 billion", "en", fig(1.38e9, "USD")),
    ("Approximately $1.3 billion", "en", fig(1.3e9, "USD", "approx")),
    ("$500 million", "en", fig(500e6, "USD")),
    ("$286 million", "en", fig(286e6, "USD")),
    ("$800mln", "en", fig(800e6, "USD")),
    ("$800m", "en", fig(800e6, "USD")),
    ("US$ 2 billion", "en", fig(2e9, "USD")),
    ("USD 450 million", "en", fig(450e6, "USD")),
    ("2 billion US dollars", "en", fig(2e9, "USD")),
    ("KZT 34.9bn", "en", fig(34.9e9, "KZT")),
    ("KZT34.9bn", "en", fig(34.9e9, "KZT")),
    ("KZT2.5tln", "en", fig(2.5e12, "KZT")),
    ("over KZT2trl", "en", fig(2e12, "KZT", "min")),
    ("KZT1.1trl", "en", fig(1.1e12, "KZT")),
    ("KZT5.8 billion", "en", fig(5.8e9, "KZT")),
    ("34.9 billion tenge", "en", fig(34.9e9, "KZT")),
    ("637.5 billion tenge", "en", fig(637.5e9, "KZT")),
    ("1 trillion and 27 billion tenge", "en", fig(1.027e12, "KZT")),
    ("over 5.7 trillion tenge", "en", fig(5.7e12, "KZT", "min")),
    ("₸120 billion", "en", fig(120e9, "KZT")),
    ("€20 million", "en", fig(20e6, "EUR")),
    ("15 million euros", "en", fig(15e6, "EUR")),
    ("3 billion yuan", "en", fig(3e9, "CNY")),
    ("$3-4 billion", "en", fig(3e9, "USD", "range", value_max=4e9)),
    ("$7.7 billion tenge", "en", fig(7.7e9, None, flags=("two_currencies",))),
    ("an estimated $2 billion", "en", fig(2e9, "USD", "approx")),
    ("a billion dollars", "en", fig(1e9, "USD")),
    # en jobs, counts
    ("more than 8.7 thousand permanent jobs", "en", fig(8700, "jobs", "min")),
    ("over 1,000 permanent jobs", "en", fig(1000, "jobs", "min")),
    ("2 thousand new jobs", "en", fig(2000, "jobs")),
    ("four thousand permanent jobs", "en", fig(4000, "jobs")),
    ("approximately 1,500 permanent jobs", "en", fig(1500, "jobs", "approx")),
    ("from 3,000 to 4,000 jobs", "en", fig(3000, "jobs", "range", value_max=4000)),
    ("at least 500 jobs", "en", fig(500, "jobs", "min")),
    ("240 people", "en", fig(240, "jobs", flags=("people",))),
    ("5 major initiatives", "en", fig(5, "projects")),
    ("Over 40 more projects", "en", fig(40, "projects", "min")),
    ("31 agro-industrial projects", "en", fig(31, "projects")),
    ("some 200 new projects", "en", fig(200, "projects", "approx")),
    # en capacity and size
    ("up to 300,000 tonnes", "en", fig(300000, "t", "max")),
    ("2 million tonnes per year", "en", fig(2e6, "t", period="year")),
    ("2 million tonnes of hot-briquetted iron a year", "en", fig(2e6, "t", period="year")),
    ("12 million tonnes", "en", fig(12e6, "t")),
    ("six million tonnes", "en", fig(6e6, "t")),
    ("a million tonnes", "en", fig(1e6, "t")),
    ("300 thousand tonnes", "en", fig(300000, "t")),
    ("5 million tonnes of steel annually", "en", fig(5e6, "t", period="year")),
    ("80-90 tonnes of milk daily", "en", fig(80, "t", "range", value_max=90, period="day")),
    ("3,000 tonnes per day", "en", fig(3000, "t", period="day")),
    ("25 kt", "en", fig(25000, "t")),
    ("4 Mt", "en", fig(4e6, "t")),
    ("4-4.5 bcm", "en", fig(4e9, "m3", "range", value_max=4.5e9)),
    ("up to 2 billion cubic metres", "en", fig(2e9, "m3", "max")),
    ("1 GW", "en", fig(1000, "MW")),
    ("one GW", "en", fig(1000, "MW")),
    ("over 26 GW", "en", fig(26000, "MW", "min")),
    ("between 3 and 4 GW", "en", fig(3000, "MW", "range", value_max=4000)),
    ("250 MW", "en", fig(250, "MW")),
    ("621.5 MW", "en", fig(621.5, "MW")),
    ("500 kW", "en", fig(0.5, "MW")),
    ("117.9 billion kWh", "en", fig(117.9e6, "MWh")),
    ("300 Gcal/h", "en", fig(300, "Gcal/h")),
    ("179.72 Gcal/h", "en", fig(179.72, "Gcal/h")),
    ("5,000 head", "en", fig(5000, "head")),
    ("1,140 head", "en", fig(1140, "head")),
    ("1,200 places", "en", fig(1200, "places")),
    ("a 300-bed hospital", "en", fig(300, "places")),
    ("150 km", "en", fig(150, "km")),
    ("about 2.5 thousand km", "en", fig(2500, "km", "approx")),
    ("75 ha", "en", fig(75, "ha")),
    ("11.8 ha", "en", fig(11.8, "ha")),
    ("15 thousand hectares", "en", fig(15000, "ha")),
    ("20 thousand square metres", "en", fig(20000, "m2")),
    ("more than 10 million square metres", "en", fig(10e6, "m2", "min")),
    ("1.5 million doses", "en", fig(1.5e6, "units")),
    ("3,000 vehicles a year", "en", fig(3000, "units", period="year")),
    ("13 thousand transformers per year", "en", fig(13000, "units", period="year")),
    ("10 million tonnes or more", "en", fig(10e6, "t", "min")),
    # ru
    ("1,5 млрд долларов", "ru", fig(1.5e9, "USD")),
    ("около 10 млрд долларов", "ru", fig(10e9, "USD", "approx")),
    ("около 14 млрд долларов", "ru", fig(14e9, "USD", "approx")),
    ("порядка $26,7 млрд", "ru", fig(26.7e9, "USD", "approx")),
    ("$3,5 млрд", "ru", fig(3.5e9, "USD")),
    ("$1.5 млрд", "ru", fig(1.5e9, "USD")),
    ("превышает 2,4 млрд долларов", "ru", fig(2.4e9, "USD", "min")),
    ("до 1,2 млрд долларов", "ru", fig(1.2e9, "USD", "max")),
    ("1 млрд долларов США", "ru", fig(1e9, "USD")),
    ("637,5 млрд тенге", "ru", fig(637.5e9, "KZT")),
    ("около 14,3 трлн тенге", "ru", fig(14.3e12, "KZT", "approx")),
    ("1 трлн 27 млрд тенге", "ru", fig(1.027e12, "KZT")),
    ("полтора млрд тенге", "ru", fig(1.5e9, "KZT")),
    ("20 млн евро", "ru", fig(20e6, "EUR")),
    ("свыше 300 тыс. тонн", "ru", fig(300000, "t", "min")),
    ("до 300 тыс. тонн", "ru", fig(300000, "t", "max")),
    ("до 2 млн тонн в год", "ru", fig(2e6, "t", "max", period="year")),
    ("12 млн тонн хлорида калия в год", "ru", fig(12e6, "t", period="year")),
    ("8–10 тыс. тонн сахарной свеклы в сутки", "ru",
     fig(8000, "t", "range", value_max=10000, period="day")),
    ("от 3 до 4 тыс. тонн", "ru", fig(3000, "t", "range", value_max=4000)),
    ("более 1 000 рабочих мест", "ru", fig(1000, "jobs", "min")),
    (f"свыше 1{NBSP}000 постоянных рабочих мест", "ru", fig(1000, "jobs", "min")),
    ("более 8,7 тыс. постоянных рабочих мест", "ru", fig(8700, "jobs", "min")),
    ("2 тыс. новых рабочих мест", "ru", fig(2000, "jobs")),
    ("свыше 24–25 тыс. рабочих мест", "ru", fig(24000, "jobs", "range", value_max=25000)),
    ("не менее 500 рабочих мест", "ru", fig(500, "jobs", "min")),
    ("более 30 тыс. человек", "ru", fig(30000, "jobs", "min", flags=("people",))),
    ("17 промышленных мегапроектов", "ru", fig(17, "projects")),
    ("23 проекта", "ru", fig(23, "projects")),
    ("5 млн кв. м в год", "ru", fig(5e6, "m2", period="year")),
    ("2 млрд кубометров газа", "ru", fig(2e9, "m3")),
    ("250 МВт", "ru", fig(250, "MW")),
    ("1 ГВт", "ru", fig(1000, "MW")),
    ("150 км", "ru", fig(150, "km")),
    ("5 тыс. голов", "ru", fig(5000, "head")),
    ("1 200 мест", "ru", fig(1200, "places")),
    ("300 Гкал/ч", "ru", fig(300, "Gcal/h")),
    # kk
    ("665 млрд теңге", "kk", fig(665e9, "KZT")),
    ("1,2 трлн теңге", "kk", fig(1.2e12, "KZT")),
    ("шамамен 10 млрд доллар", "kk", fig(10e9, "USD", "approx")),
    ("10 млрд долларға жуық", "kk", fig(10e9, "USD", "approx")),
    ("2 мың жұмыс орны", "kk", fig(2000, "jobs")),
    ("1 000-нан астам жұмыс орны", "kk", fig(1000, "jobs", "min")),
    ("300 мың тонна", "kk", fig(300000, "t")),
    ("300 мың тоннаға дейін", "kk", fig(300000, "t", "max")),
    ("жылына 2 млн тонна", "kk", fig(2e6, "t", period="year")),
    ("1 200 бас", "kk", fig(1200, "head")),
    ("50 гектар", "kk", fig(50, "ha")),
    ("23 жоба", "kk", fig(23, "projects")),
    ("1 ГВт", "kk", fig(1000, "MW")),
    ("2 мыңнан астам жұмыс орны", "kk", fig(2000, "jobs", "min")),
    ("665 млрд теңгеден астам", "kk", fig(665e9, "KZT", "min")),
    ("500 млн АҚШ доллары", "kk", fig(500e6, "USD")),
    ("10 мың тоннадан асады", "kk", fig(10000, "t", "min")),
    ("3 мың орындық", "kk", fig(3000, "places")),
    # changes, letter scales, compounds, rates stated before or after
    ("increase from 450 to 750 thousand tonnes", "en",
     fig(450000, "t", "range", value_max=750000, flags=("change",))),
    ("увеличится с 450 тыс. до 750 тыс. тонн", "ru",
     fig(450000, "t", "range", value_max=750000, flags=("change",))),
    ("from 12 thousand to 38 thousand hectares", "en",
     fig(12000, "ha", "range", value_max=38000)),
    ("50k jobs", "en", fig(50000, "jobs")),
    ("$1.5-billion project", "en", fig(1.5e9, "USD")),
    ("a 1.5-billion-dollar plant", "en", fig(1.5e9, "USD")),
    ("$3 billion and 500 million", "en", fig(3.5e9, "USD")),
    ("1 млн 200 тыс. тонн", "ru", fig(1.2e6, "t")),
    ("as much as $5 billion", "en", fig(5e9, "USD", "max")),
    ("1000-нан көп жұмыс орны", "kk", fig(1000, "jobs", "min")),
    ("five projects", "en", fig(5, "projects")),
    ("Он будет выпускать 300 тыс. тонн", "ru", fig(300000, "t")),
    ("In 2024, 21 projects", "en", fig(21, "projects")),
    ("В 2024 году 21 проект", "ru", fig(21, "projects")),
    ("one of the plants will produce 5 million tonnes", "en", fig(5e6, "t")),
    ("5 MT", "en", fig(5, "t")),
    ("3 Mtpa", "en", fig(3e6, "t", period="year")),
    ("annual capacity of 5 million tonnes", "en", fig(5e6, "t", period="year")),
    ("ежегодно добывать до 9 млн тонн", "ru", fig(9e6, "t", "max", period="year")),
    ("300 тыс. тонн/год", "ru", fig(300000, "t", period="year")),
    ("2 млн т в год", "ru", fig(2e6, "t", period="year")),
    ("5 million t/year", "en", fig(5e6, "t", period="year")),
    ("5 tonnes. A year later", "en", fig(5, "t")),
    ("a year. 190 people work", "en", fig(190, "jobs", flags=("people",))),
    # bare numbers (no unit): still figures
    ("300", "en", fig(300, None)),
    ("5 million", "en", fig(5e6, None)),
]


@pytest.mark.parametrize(("text", "lang", "expected"), FIGURES)
def test_parse_figure(text: str, lang: str, expected: Figure) -> None:
    got = parse_figure(text, lang)
    assert got is not None, text
    assert math.isclose(got.value, expected.value, rel_tol=1e-12)
    if expected.value_max is None:
        assert got.value_max is None
    else:
        assert got.value_max is not None
        assert math.isclose(got.value_max, expected.value_max, rel_tol=1e-12)
    assert (got.unit, got.qualifier, got.period, got.flags) == (
        expected.unit, expected.qualifier, expected.period, expected.flags,
    )


NOT_FIGURES = [
    ("", "en"),
    ("   ", "en"),
    ("the plant", "en"),
    ("a copper smelting plant", "en"),
    ("7%", "en"),
    ("by 7%", "en"),
    ("4-5% annually", "en"),
    ("40 percent", "en"),
    ("5.3 per cent", "en"),
    ("на 7%", "ru"),
    ("5,8 процента", "ru"),
    ("30 пайыз", "kk"),
    ("2024", "en"),
    ("in 2029", "en"),
    ("2024-2025", "en"),
    ("в 2029 году", "ru"),
    ("2029 жылы", "kk"),
    ("January 15, 2026", "en"),
    ("15 January", "en"),
    ("March 1", "en"),
    ("15 января", "ru"),
    ("15.01.2026", "ru"),
    ("2026-01-15", "en"),
    ("10:30", "en"),
    ("+7 (7172) 74-50-23", "en"),
    ("8 (7172) 74-50-23", "ru"),
    ("8 800 080 7777", "ru"),
    ("No. 123", "en"),
    ("Decree No. 45", "en"),
    ("№ 123", "ru"),
    ("постановление № 45", "ru"),
    ("article 12", "en"),
    ("4th", "en"),
    ("the fourth stage", "en"),
    ("21st century", "en"),
    ("5-й этап", "ru"),
    ("4-ші кезең", "kk"),
    ("1.5 times", "en"),
    ("в 1,7 раза", "ru"),
    ("2 есе", "kk"),
    ("5 years", "en"),
    ("20 лет", "ru"),
    ("Q4", "en"),
    ("1/2", "en"),
    ("one of the largest", "en"),
    ("five", "en"),
    ("the 2nd phase", "en"),
    ("5-year plan", "en"),
    ("$15.01.2026", "en"),
    ("9" * 400 + " tonnes", "en"),
]


@pytest.mark.parametrize(("text", "lang"), NOT_FIGURES)
def test_parse_figure_rejects(text: str, lang: str) -> None:
    assert parse_figure(text, lang) is None


# --- parse_year_expression ---------------------------------------------------------------------
YEARS = [
    ("in 2029", "en", (2029, None, "eq", "2029")),
    ("In 2021", "en", (2021, None, "eq", "2021")),
    ("by 2028", "en", (2028, None, "max", "2028")),
    ("By 2030", "en", (2030, None, "max", "2030")),
    ("by the end of 2028", "en", (2028, None, "max", "2028")),
    ("no later than 2027", "en", (2027, None, "max", "2027")),
    ("end of 2027", "en", (2027, None, "eq", "2027")),
    ("at the end of 2027", "en", (2027, None, "eq", "2027")),
    ("in 2025-2026", "en", (2025, 2026, "range", "2025/2026")),
    ("In 2025-2029", "en", (2025, 2029, "range", "2025/2029")),
    ("in 2025–26", "en", (2025, 2026, "range", "2025/2026")),
    ("from 2025 to 2027", "en", (2025, 2027, "range", "2025/2027")),
    ("between 2025 and 2027", "en", (2025, 2027, "range", "2025/2027")),
    ("in the fourth quarter of 2023", "en", (2023, None, "eq", "2023-Q4")),
    ("Q4 2023", "en", (2023, None, "eq", "2023-Q4")),
    ("by Q2 2026", "en", (2026, None, "max", "2026-Q2")),
    ("in December 2026", "en", (2026, None, "eq", "2026-12")),
    ("by May 2027", "en", (2027, None, "max", "2027-05")),
    ("on December 15, 2026", "en", (2026, None, "eq", "2026-12-15")),
    ("in the summer of 2025", "en", (2025, None, "eq", "2025")),
    ("commissioning is expected in 2029", "en", (2029, None, "eq", "2029")),
    ("до 2028 года", "ru", (2028, None, "max", "2028")),
    ("к 2028 году", "ru", (2028, None, "max", "2028")),
    ("до конца 2027 года", "ru", (2027, None, "max", "2027")),
    ("в конце 2027 года", "ru", (2027, None, "eq", "2027")),
    ("в 2029 году", "ru", (2029, None, "eq", "2029")),
    ("в 2025–2026 годах", "ru", (2025, 2026, "range", "2025/2026")),
    ("с 2025 по 2027 год", "ru", (2025, 2027, "range", "2025/2027")),
    ("в IV квартале 2023 года", "ru", (2023, None, "eq", "2023-Q4")),
    ("в четвертом квартале 2023 года", "ru", (2023, None, "eq", "2023-Q4")),
    ("в декабре 2026 года", "ru", (2026, None, "eq", "2026-12")),
    ("не позднее 2028 года", "ru", (2028, None, "max", "2028")),
    ("2029 жылы", "kk", (2029, None, "eq", "2029")),
    ("2028 жылға дейін", "kk", (2028, None, "max", "2028")),
    ("2028 жылдың соңына дейін", "kk", (2028, None, "max", "2028")),
    ("2025-2026 жылдары", "kk", (2025, 2026, "range", "2025/2026")),
    ("2023 жылдың төртінші тоқсанында", "kk", (2023, None, "eq", "2023-Q4")),
    ("2026 жылдың желтоқсанында", "kk", (2026, None, "eq", "2026-12")),
    ("2025 жылдан бастап", "kk", (2025, None, "min", "2025")),
    ("2026 жылға қарай", "kk", (2026, None, "max", "2026")),
]


@pytest.mark.parametrize(("text", "lang", "expected"), YEARS)
def test_parse_year_expression(
    text: str, lang: str, expected: tuple[int, int | None, str, str]
) -> None:
    assert parse_year_expression(text, lang) == expected


RELATIVE_YEARS = [
    ("this year", "en", 2024, (2024, None, "eq", "2024")),
    ("This year", "en", 2025, (2025, None, "eq", "2025")),
    ("by the end of the year", "en", 2024, (2024, None, "max", "2024")),
    ("next year", "en", 2024, (2025, None, "eq", "2025")),
    ("в следующем году", "ru", 2024, (2025, None, "eq", "2025")),
    ("в этом году", "ru", 2024, (2024, None, "eq", "2024")),
    ("до конца года", "ru", 2024, (2024, None, "max", "2024")),
    ("биыл", "kk", 2025, (2025, None, "eq", "2025")),
    ("келесі жылы", "kk", 2025, (2026, None, "eq", "2026")),
]


@pytest.mark.parametrize(("text", "lang", "ref_year", "expected"), RELATIVE_YEARS)
def test_parse_year_expression_relative(
    text: str, lang: str, ref_year: int, expected: tuple[int, int | None, str, str]
) -> None:
    assert parse_year_expression(text, lang, ref_year=ref_year) == expected
    assert parse_year_expression(text, lang) is None  # nothing to resolve it against


NOT_YEARS = [
    ("", "en"),
    ("the plant", "en"),
    ("300,000 tonnes", "en"),
    ("7%", "en"),
    ("2029 tonnes", "en"),
    ("2,029", "en"),
    ("20290", "en"),
    ("in 1850", "en"),
    ("No. 2029", "en"),
    ("$2029 million", "en"),
    ("2030 МВт", "ru"),
    ("in 20 years", "en"),
    ("this year", "en"),
]


@pytest.mark.parametrize(("text", "lang"), NOT_YEARS)
def test_parse_year_expression_rejects(text: str, lang: str) -> None:
    assert parse_year_expression(text, lang) is None


# --- the development set -----------------------------------------------------------------------
def _dev_cases() -> list[tuple[str, str, dict[str, object], int]]:
    cases = []
    for path in sorted(DEV.rglob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for fact in doc["facts"]:
            if fact["metric"] != "status":
                cases.append((doc["id"], doc["lang"], fact, int(doc["published"][:4])))
    return cases


@pytest.mark.parametrize(
    ("doc_id", "lang", "fact", "published_year"),
    _dev_cases(),
    ids=lambda v: v["evidence"] if isinstance(v, dict) else str(v),
)
def test_dev_set_evidence(
    doc_id: str, lang: str, fact: dict[str, object], published_year: int
) -> None:
    """Every annotated figure and date reads back to the annotators' values. The data gives a
    period also where the evidence does not state one (it comes from the sentence), so only a
    period the evidence states is compared."""
    evidence = str(fact["evidence"])
    if fact["metric"] == "commissioning":
        got_year = parse_year_expression(evidence, lang, ref_year=published_year)
        assert got_year == (fact["value"], fact["value_max"], fact["qualifier"], fact["when"])
        return
    got = parse_figure(evidence, lang)
    assert got is not None, (doc_id, evidence)
    assert math.isclose(got.value, float(str(fact["value"])), rel_tol=1e-9)
    assert (got.unit, got.qualifier) == (fact["unit"], fact["qualifier"])
    if fact["value_max"] is not None:
        assert got.value_max is not None
        assert math.isclose(got.value_max, float(str(fact["value_max"])), rel_tol=1e-9)
    assert got.period in (None, fact["period"])


@pytest.mark.parametrize("text", ["21 ферма", "3 станция", "5 комбинат", "2 фабрика"])
def test_kazakh_only_unit_words_do_not_count_in_russian(text: str) -> None:
    figure = parse_figure(text, "ru")
    assert figure is not None and figure.unit is None
    kazakh = parse_figure(text, "kk")
    assert kazakh is not None and kazakh.unit == "projects"


def test_kazakh_only_unit_words_need_the_language_in_unit_of() -> None:
    assert unit_of("ферма") is None
    assert unit_of("ферма", "kk") == ("projects", 1.0)

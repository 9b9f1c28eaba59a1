"""The vocabularies of figures and dates (scales, currencies, units, qualifiers, periods, months).

The tables are plain data at the top of the module: keys are lower-case phrases (several words
separated by spaces, abbreviations without their trailing dot), so that the spaCy matcher can
build token patterns from them. At import every key is tokenized with ``numbers.tokenize``
into a tuple of normalised tokens; lookups match those tuples, longest first.

They live in Python rather than in ``patterns/normalize_vocab.json`` because the package data
declared in pyproject.toml covers ``patterns/*.jsonl`` only, and a JSONL file there would be
read by the pattern loader as spaCy patterns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from extractors.numbers import Token, tokenize
from extractors.units_kk import KK_PEOPLE_WORDS, KK_UNIT_WORDS

__all__ = [
    "CHANGE_STEMS",
    "CURRENCY_PREFIXES",
    "CURRENCY_WORDS",
    "DASHES",
    "FIGURE_NEUTRAL_QUALIFIERS",
    "ID_PREFIXES",
    "KK_CASE_ENDINGS",
    "KK_MONTH_STEMS",
    "LETTER_SCALES",
    "MONTHS",
    "MONTH_NAMES",
    "NOT_FIGURE_AFTER",
    "ORDINAL_ENDINGS",
    "PEOPLE_WORDS",
    "PERIOD_PHRASES",
    "PREFIX_PERIOD_WORDS",
    "QUALIFIER_PHRASES",
    "QUARTER_ORDINALS",
    "QUARTER_WORDS",
    "RANGE_OPENERS",
    "RELATIVE_YEARS",
    "SCALE_WORDS",
    "SUFFIX_QUALIFIER_PHRASES",
    "TABLES",
    "UNIT_PERIODS",
    "UNIT_SEARCH_STOPS",
    "UNIT_WORDS",
    "YEAR_QUALIFIER_PHRASES",
    "YEAR_SUFFIX_QUALIFIERS",
    "currency_of",
    "is_people_word",
    "match_phrase",
    "month_of",
    "qualifier_of",
    "qualifier_of_tokens",
    "scale_of",
    "strip_kk_ending",
    "unit_of",
    "unit_table",
]


# --- scale words: multiplier ------------------------------------------------------------------
SCALE_WORDS: dict[str, float] = {
    # 1e3
    "thousand": 1e3, "thousands": 1e3, "thou": 1e3, "k": 1e3,
    "тыс": 1e3, "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "тысячу": 1e3,
    "мың": 1e3, "мыңнан": 1e3, "мыңға": 1e3, "мыңдаған": 1e3,
    # 1e6
    "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "mio": 1e6,
    "млн": 1e6, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6,
    "миллионнан": 1e6, "миллионға": 1e6,
    # 1e9
    "billion": 1e9, "billions": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9,
    "млрд": 1e9, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9,
    "миллиардтан": 1e9, "миллиардқа": 1e9,
    # 1e12
    "trillion": 1e12, "trillions": 1e12, "trln": 1e12, "tn": 1e12, "tln": 1e12, "trl": 1e12,
    "трлн": 1e12, "триллион": 1e12, "триллиона": 1e12, "триллионов": 1e12,
    "триллионнан": 1e12, "триллионға": 1e12,
}
# Scale letters that also abbreviate units ("m" metre, "b", "k"): a scale only next to money.
LETTER_SCALES = frozenset({"m", "b", "k"})

# --- currencies: ISO 4217 code ----------------------------------------------------------------
CURRENCY_WORDS: dict[str, str] = {
    "$": "USD", "usd": "USD", "us$": "USD", "us dollars": "USD", "us dollar": "USD",
    "u.s. dollars": "USD", "dollars": "USD", "dollar": "USD",
    "доллар": "USD", "доллара": "USD", "долларов": "USD", "долл": "USD", "доллары": "USD",
    "доллар сша": "USD", "доллара сша": "USD", "долларов сша": "USD", "долл сша": "USD",
    "ақш доллары": "USD", "ақш доллар": "USD", "ақш долларын": "USD",
    "теңгесі": "KZT", "теңгесін": "KZT", "теңгесінің": "KZT", "долларын": "USD",
    "tenge": "KZT", "kzt": "KZT", "₸": "KZT", "тенге": "KZT", "теңге": "KZT", "тг": "KZT",
    "euro": "EUR", "euros": "EUR", "eur": "EUR", "€": "EUR", "евро": "EUR", "еуро": "EUR",
    "yuan": "CNY", "cny": "CNY", "rmb": "CNY", "renminbi": "CNY",
    "юань": "CNY", "юаня": "CNY", "юаней": "CNY", "юані": "CNY",
    "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB", "rub": "RUB", "₽": "RUB",
    "рубль": "RUB", "рубля": "RUB", "рублей": "RUB", "рубль сомы": "RUB",
    "gbp": "GBP", "£": "GBP", "pounds sterling": "GBP", "фунтов стерлингов": "GBP",
    "jpy": "JPY", "yen": "JPY", "иен": "JPY", "krw": "KRW", "korean won": "KRW",
    "chf": "CHF", "swiss francs": "CHF", "aed": "AED", "dirhams": "AED", "sar": "SAR",
    "turkish lira": "TRY", "uzs": "UZS", "сумов": "UZS", "kgs": "KGS",
}
# Currency phrases that may stand before the number ("$1.5 billion", "KZT 34.9bn", "€20 mln").
CURRENCY_PREFIXES = frozenset(
    {"$", "us", "usd", "kzt", "₸", "€", "eur", "cny", "rmb", "rub", "₽", "£", "gbp", "jpy",
     "krw", "chf", "aed", "sar", "uzs", "kgs"}
)

# --- units: (unit, multiplier to the base unit) -----------------------------------------------
_T, _M3, _MW, _MWH = "t", "m3", "MW", "MWh"
UNIT_WORDS: dict[str, tuple[str, float]] = {
    # mass
    "tonnes": (_T, 1), "tonne": (_T, 1), "tons": (_T, 1), "ton": (_T, 1), "t": (_T, 1),
    "metric tons": (_T, 1), "metric tonnes": (_T, 1), "mt": (_T, 1e6), "kt": (_T, 1e3),
    "kilotonnes": (_T, 1e3), "megatonnes": (_T, 1e6), "mtpa": (_T, 1e6), "tpa": (_T, 1),
    "tpd": (_T, 1),
    "тонн": (_T, 1), "тонна": (_T, 1), "тонны": (_T, 1), "тонну": (_T, 1), "т": (_T, 1),
    "тоннаға": (_T, 1), "тоннадан": (_T, 1), "тоннаны": (_T, 1), "тонналық": (_T, 1),
    # gas and volume
    "bcm": (_M3, 1e9), "mcm": (_M3, 1e6), "cubic metres": (_M3, 1), "cubic meters": (_M3, 1),
    "cubic metre": (_M3, 1), "cubic meter": (_M3, 1), "cu m": (_M3, 1), "m3": (_M3, 1),
    "m³": (_M3, 1), "м3": (_M3, 1), "м³": (_M3, 1), "куб м": (_M3, 1), "кубометров": (_M3, 1),
    "кубометра": (_M3, 1), "кубических метров": (_M3, 1), "текше метр": (_M3, 1),
    # power and energy
    "mw": (_MW, 1), "megawatts": (_MW, 1), "megawatt": (_MW, 1), "мвт": (_MW, 1),
    "мегаватт": (_MW, 1), "gw": (_MW, 1e3), "gigawatts": (_MW, 1e3), "gigawatt": (_MW, 1e3),
    "гвт": (_MW, 1e3), "гигаватт": (_MW, 1e3), "kw": (_MW, 1e-3), "kilowatts": (_MW, 1e-3),
    "квт": (_MW, 1e-3), "киловатт": (_MW, 1e-3),
    "mwh": (_MWH, 1), "мвт·ч": (_MWH, 1), "мвтч": (_MWH, 1), "мвт ч": (_MWH, 1),
    "kwh": (_MWH, 1e-3), "квт·ч": (_MWH, 1e-3), "квтч": (_MWH, 1e-3), "квт ч": (_MWH, 1e-3),
    "gwh": (_MWH, 1e3), "гвт·ч": (_MWH, 1e3), "гвтч": (_MWH, 1e3), "twh": (_MWH, 1e6),
    "мвт·сағ": (_MWH, 1), "мвт сағ": (_MWH, 1), "квт·сағ": (_MWH, 1e-3), "квт сағ": (_MWH, 1e-3),
    "гвт·сағ": (_MWH, 1e3), "гвт сағ": (_MWH, 1e3),
    "gcal/h": ("Gcal/h", 1), "gcal/hour": ("Gcal/h", 1), "gcal per hour": ("Gcal/h", 1),
    "гкал/ч": ("Gcal/h", 1), "гкал в час": ("Gcal/h", 1), "гкал/час": ("Gcal/h", 1),
    "гкал/сағ": ("Gcal/h", 1),
    # size
    "km": ("km", 1), "kilometres": ("km", 1), "kilometers": ("km", 1), "kilometre": ("km", 1),
    "км": ("km", 1), "километров": ("km", 1), "километра": ("km", 1), "шақырым": ("km", 1),
    "ha": ("ha", 1), "hectares": ("ha", 1), "hectare": ("ha", 1), "га": ("ha", 1),
    "гектаров": ("ha", 1), "гектара": ("ha", 1), "гектар": ("ha", 1),
    "m2": ("m2", 1), "m²": ("m2", 1), "sq m": ("m2", 1), "sq metres": ("m2", 1),
    "square metres": ("m2", 1), "square meters": ("m2", 1), "square metre": ("m2", 1),
    "м2": ("m2", 1), "м²": ("m2", 1), "кв м": ("m2", 1), "кв метров": ("m2", 1),
    "квадратных метров": ("m2", 1), "шаршы метр": ("m2", 1),
    # things counted as units
    "units": ("units", 1), "unit": ("units", 1), "vehicles": ("units", 1), "cars": ("units", 1),
    "vehicle": ("units", 1), "buses": ("units", 1), "trucks": ("units", 1),
    "tractors": ("units", 1),
    "combines": ("units", 1), "locomotives": ("units", 1), "wagons": ("units", 1),
    "railcars": ("units", 1), "transformers": ("units", 1), "doses": ("units", 1),
    "pieces": ("units", 1), "pcs": ("units", 1), "sets": ("units", 1),
    # packaged output counted in pieces ("60 million ampoules", "200 million bottles")
    "ampoules": ("units", 1), "bottles": ("units", 1), "vials": ("units", 1),
    "packages": ("units", 1), "packs": ("units", 1), "cans": ("units", 1),
    "единиц": ("units", 1), "штук": ("units", 1), "шт": ("units", 1), "машин": ("units", 1),
    "автомобилей": ("units", 1), "автобусов": ("units", 1), "вагонов": ("units", 1),
    "локомотивов": ("units", 1), "тракторов": ("units", 1), "трансформаторов": ("units", 1),
    "доз": ("units", 1), "дана": ("units", 1), "бірлік": ("units", 1), "көлік": ("units", 1),
    # Kazakh machines counted in pieces ("жылына 2 500 комбайн"); case forms are read by
    # strip_kk_ending
    "комбайн": ("units", 1), "трактор": ("units", 1), "автобус": ("units", 1),
    "автомобиль": ("units", 1), "вагон": ("units", 1), "локомотив": ("units", 1),
    "трансформатор": ("units", 1),
    # livestock
    "head": ("head", 1), "heads": ("head", 1), "голов": ("head", 1), "головы": ("head", 1),
    "голову": ("head", 1), "бас": ("head", 1),
    # places
    "places": ("places", 1), "seats": ("places", 1), "beds": ("places", 1),
    "pupils": ("places", 1), "students": ("places", 1), "place": ("places", 1),
    "seat": ("places", 1), "bed": ("places", 1), "pupil": ("places", 1), "мест": ("places", 1),
    "места": ("places", 1), "место": ("places", 1), "койко-мест": ("places", 1),
    "коек": ("places", 1), "орын": ("places", 1), "орындық": ("places", 1),
    "оқушы": ("places", 1),
    # jobs
    "jobs": ("jobs", 1), "job": ("jobs", 1), "workplaces": ("jobs", 1),
    "job places": ("jobs", 1), "рабочих мест": ("jobs", 1), "рабочие места": ("jobs", 1),
    "рабочего места": ("jobs", 1), "рабочее место": ("jobs", 1), "жұмыс орны": ("jobs", 1),
    "жұмыс орнын": ("jobs", 1), "жұмыс орындары": ("jobs", 1), "жұмыс орнына": ("jobs", 1),
    "жұмыс орындарын": ("jobs", 1),
    # projects counted in a portfolio
    "projects": ("projects", 1), "project": ("projects", 1), "initiatives": ("projects", 1),
    "megaprojects": ("projects", 1), "farms": ("projects", 1),
    # facilities counted as a programme of works ("three new CHP plants are to be built")
    "plants": ("projects", 1), "factories": ("projects", 1), "enterprises": ("projects", 1),
    "complexes": ("projects", 1), "mills": ("projects", 1), "stations": ("projects", 1),
    "railway lines": ("projects", 1), "railways": ("projects", 1), "highways": ("projects", 1),
    "pipelines": ("projects", 1), "power lines": ("projects", 1), "greenhouses": ("projects", 1),
    "mines": ("projects", 1), "refineries": ("projects", 1), "smelters": ("projects", 1),
    "проектов": ("projects", 1), "проекта": ("projects", 1), "проекты": ("projects", 1),
    "проект": ("projects", 1), "мегапроектов": ("projects", 1), "инициатив": ("projects", 1),
    "заводов": ("projects", 1), "завода": ("projects", 1), "ферм": ("projects", 1),
    "жоба": ("projects", 1), "жобалар": ("projects", 1), "жобаны": ("projects", 1),
    "жобаға": ("projects", 1),
}
# People counted where the data counts jobs ("240 people", "более 30 тыс. человек"): unit
# "jobs" with the flag "people", so attribution can drop headcounts that are not employment.
PEOPLE_WORDS: dict[str, tuple[str, float]] = {
    "people": ("jobs", 1), "persons": ("jobs", 1), "workers": ("jobs", 1),
    "employees": ("jobs", 1), "specialists": ("jobs", 1), "builders": ("jobs", 1),
    "construction workers": ("jobs", 1), "человек": ("jobs", 1), "работников": ("jobs", 1),
    "сотрудников": ("jobs", 1), "адам": ("jobs", 1), "адамға": ("jobs", 1),
    "қызметкер": ("jobs", 1), "қызметкерлер": ("jobs", 1), "маман": ("jobs", 1),
    "мамандар": ("jobs", 1), "жұмысшы": ("jobs", 1), "жұмысшылар": ("jobs", 1),
    "құрылысшы": ("jobs", 1), "құрылысшылар": ("jobs", 1), "еңбеккер": ("jobs", 1),
}
# KK_UNIT_WORDS and KK_PEOPLE_WORDS (units_kk.py) count in Kazakh only: some of their words are
# Russian too ("ферма", "станция", "фабрика", "комбинат"), and "21 ферма" is no count in Russian


def is_people_word(norm: str, lang: str) -> bool:
    """Whether the unit phrase ``norm`` counts people ("workers", "мамандары" in Kazakh)."""
    return norm in PEOPLE_WORDS or (lang == "kk" and norm in KK_PEOPLE_WORDS)


def unit_table(lang: str) -> str:
    """Name of the ``TABLES`` vocabulary of unit words for ``lang``: Kazakh adds its own."""
    return "unit_kk" if lang == "kk" else "unit"
# Units that carry their own rate.
UNIT_PERIODS: dict[str, str] = {"mtpa": "year", "tpa": "year", "tpd": "day"}

# --- qualifiers: the words before a figure ------------------------------------------------------
QUALIFIER_PHRASES: dict[str, str] = {
    # max
    "up to": "max", "no more than": "max", "not more than": "max", "not exceeding": "max",
    "a maximum of": "max", "maximum": "max", "as much as": "max", "as many as": "max",
    "максимум": "max", "at most": "max", "less than": "max", "under": "max", "below": "max",
    "by": "max", "до": "max", "вплоть до": "max", "не более": "max", "не более чем": "max",
    "менее": "max", "не свыше": "max", "к": "max",
    # min
    "over": "min", "more than": "min", "at least": "min", "exceeds": "min", "exceed": "min",
    "exceeded": "min", "exceeding": "min", "will exceed": "min", "in excess of": "min",
    "above": "min", "upwards of": "min", "not less than": "min", "no less than": "min",
    "a minimum of": "min", "minimum": "min", "upward of": "min", "минимум": "min",
    "как минимум": "min", "slightly more than": "min",
    "свыше": "min", "более": "min", "более чем": "min", "не менее": "min",
    "не менее чем": "min", "больше": "min", "превышает": "min", "превысит": "min",
    "превысила": "min", "превысил": "min", "превышают": "min", "выше": "min",
    "астам": "min", "кем дегенде": "min", "кемінде": "min", "артық": "min",
    # approx
    "about": "approx", "around": "approx", "approximately": "approx", "approx": "approx",
    "some": "approx", "nearly": "approx", "almost": "approx", "roughly": "approx",
    "close to": "approx", "circa": "approx", "an estimated": "approx",
    "около": "approx", "порядка": "approx", "почти": "approx", "примерно": "approx",
    "приблизительно": "approx", "ориентировочно": "approx",
    # Russian "на" between the qualifier and a capacity ("рассчитаны более чем на 500 мест")
    "более чем на": "min", "не менее чем на": "min", "свыше чем на": "min",
    "не более чем на": "max", "примерно на": "approx", "почти на": "approx",
    "приблизительно на": "approx", "ориентировочно на": "approx",
    "шамамен": "approx", "жуық": "approx", "шамасында": "approx", "жобамен": "approx",
    "жуықтап": "approx",
}
# Qualifiers written after the number ("1 000-нан астам", "300 мың тоннаға дейін", "or more").
SUFFIX_QUALIFIER_PHRASES: dict[str, str] = {
    "or more": "min", "and more": "min", "or above": "min", "and above": "min",
    "plus": "min", "or less": "max", "and less": "max", "и более": "min", "и выше": "min",
    "и менее": "max", "астам": "min", "артық": "min", "аса": "min", "дейін": "max",
    "жуық": "approx", "шамасында": "approx", "кем емес": "min", "көп": "min", "кем": "max",
    "асады": "min", "асатын": "min", "асып": "min", "асты": "min",
}
# Before a figure these mean "increase by" ("expanded by 1,140 head"), not a maximum; before a
# year they do ("by 2028").
FIGURE_NEUTRAL_QUALIFIERS = frozenset({"by", "к"})

# --- periods of rates -----------------------------------------------------------------------
PERIOD_PHRASES: dict[str, str] = {
    "per year": "year", "a year": "year", "per annum": "year", "annually": "year",
    "each year": "year", "every year": "year", "/year": "year", "/yr": "year",
    "/y": "year", "p.a": "year", "yearly": "year", "annual": "year",
    "в год": "year", "ежегодно": "year", "/год": "year", "в течение года": "year",
    "годовая": "year", "годовой": "year", "годовую": "year",
    "жылына": "year", "жыл сайын": "year", "жылдық": "year",
    "per day": "day", "a day": "day", "daily": "day", "/day": "day", "each day": "day",
    "в сутки": "day", "в день": "day", "/сут": "day", "/сутки": "day", "ежесуточно": "day",
    "суточная": "day", "тәулігіне": "day", "күніне": "day", "тәулігі": "day",
    "per hour": "hour", "an hour": "hour", "/hour": "hour",
    "в час": "hour", "сағатына": "hour",
}

# --- what makes a number something other than a figure ----------------------------------------
DASHES = frozenset({"-", "–", "—", "‒", "−"})
# The token right before a number that makes it an identifier, not a figure ("No. 123").
ID_PREFIXES = frozenset({
    "no", "№", "#", "nr", "n", "number", "num", "tel", "phone", "fax", "+", "page", "p", "pp",
    "art", "article", "clause", "item", "paragraph", "decree", "resolution", "order", "law",
    "code", "id", "q", "h", "пункт", "п", "ст", "статья", "статьи", "стр", "тел", "факс",
    "постановление", "постановления", "указ", "указа", "приказ", "приказа", "закон", "закона",
    "қаулы", "қаулысы", "жарлық", "жарлығы", "бұйрық", "бұйрығы", "бап", "тармақ",
})
# Words right after a number that make it something other than a figure.
NOT_FIGURE_AFTER = frozenset({
    "%", "percent", "per cent", "pct", "percentage", "процент", "процента", "процентов",
    "пайыз", "пайызға", "пайызды", "times", "fold", "раза", "раз", "есе", "п.п", "pp",
    "degrees", "°", "градусов", "градуса", "year", "years", "yrs", "года", "году", "год", "лет",
    "гг", "г", "жыл", "жылы", "жылға", "жылдың", "жылдан", "жылдары", "жылғы", "hours",
    "days", "months", "weeks", "minutes", "seconds", "часов", "дней", "месяцев", "недель",
    "минут", "сағат", "күн", "ай", "апта", "o'clock", "am", "pm", "st", "nd", "rd", "th",
})
ORDINAL_ENDINGS = frozenset({
    "й", "я", "е", "го", "му", "м", "х", "ым", "ой", "ий", "ая", "ое", "ом", "ых", "ую",
    "ші", "шы", "інші", "ыншы", "нші", "ншы",
})
# Words that end the search for a unit after the number (prepositions, conjunctions).
UNIT_SEARCH_STOPS = frozenset({
    "of", "from", "to", "and", "or", "with", "in", "at", "for", "by", "per", "on", "the",
    "than", "worth", "which", "that", "и", "в", "на", "с", "до", "по", "из", "для", "от",
    "или", "а", "к", "және", "мен", "бен", "пен", "немесе",
})
# A range connector that needs an opener before the first number ("от 3 до 4", "between 3
# and 4"); dashes and "to" need none.
RANGE_OPENERS: dict[str, frozenset[str]] = {
    "до": frozenset({"от", "с"}), "по": frozenset({"от", "с"}),
    "and": frozenset({"between"}), "и": frozenset({"между"}),
}

# --- calendar -----------------------------------------------------------------------------------
MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"),
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
     "октября", "ноября", "декабря"),
    ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре",
     "октябре", "ноябре", "декабре"),
    ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
     "октябрь", "ноябрь", "декабрь"),
)
MONTHS: dict[str, int] = {
    name: i for names in MONTH_NAMES for i, name in enumerate(names, start=1)
} | {"sept": 9}
# Kazakh month names take case endings ("желтоқсанда", "желтоқсанында"): matched by stem.
KK_MONTH_STEMS: tuple[str, ...] = (
    "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
    "қазан", "қараша", "желтоқсан",
)


@lru_cache(maxsize=4096)
def month_of(norm: str) -> int | None:
    """Month number of a normalised month word in en, ru or kk (with a case ending), or None."""
    if norm in MONTHS:
        return MONTHS[norm]
    for month, stem in enumerate(KK_MONTH_STEMS, start=1):
        if norm.startswith(stem) and len(norm) - len(stem) <= 4:
            return month
    return None


# --- commissioning dates: qualifiers and relative years ------------------------------------------
YEAR_QUALIFIER_PHRASES: dict[str, str] = {
    "by": "max", "until": "max", "till": "max", "before": "max", "no later than": "max",
    "not later than": "max", "up to": "max", "до": "max", "к": "max", "не позднее": "max",
    "вплоть до": "max",
    "after": "min", "since": "min", "from": "min", "starting": "min", "starting from": "min",
    "beginning": "min", "no earlier than": "min", "not earlier than": "min", "после": "min",
    "с": "min", "начиная с": "min", "не ранее": "min",
    "about": "approx", "around": "approx", "approximately": "approx", "circa": "approx",
    "roughly": "approx", "около": "approx", "примерно": "approx", "ориентировочно": "approx",
    "приблизительно": "approx",
    "in": "eq", "during": "eq", "at": "eq", "on": "eq", "в": "eq", "во": "eq",
}
YEAR_SUFFIX_QUALIFIERS: dict[str, str] = {
    "дейін": "max", "қарай": "max", "кейін": "min", "бастап": "min",
}
RELATIVE_YEARS: dict[str, int] = {
    "this year": 0, "the current year": 0, "current year": 0, "the year": 0,
    "next year": 1, "the next year": 1, "the coming year": 1, "last year": -1,
    "этом году": 0, "текущем году": 0, "текущего года": 0, "этого года": 0, "конца года": 0,
    "концу года": 0, "конце года": 0, "следующем году": 1, "следующего года": 1,
    "будущем году": 1, "прошлом году": -1,
    "биыл": 0, "осы жылы": 0, "ағымдағы жылы": 0, "жыл соңына": 0, "жыл соңында": 0,
    "келесі жылы": 1, "келер жылы": 1, "былтыр": -1,
}
QUARTER_WORDS = ("quarter", "квартал", "тоқсан")
QUARTER_ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4,
    "первом": 1, "первый": 1, "первого": 1, "втором": 2, "второй": 2, "второго": 2,
    "третьем": 3, "третий": 3, "третьего": 3, "четвертом": 4, "четвертый": 4,
    "четвертого": 4, "бірінші": 1, "екінші": 2, "үшінші": 3, "төртінші": 4,
}

# Word beginnings before "from"/"с"/"от" that make "from X to Y" a change, not a range.
CHANGE_STEMS: tuple[str, ...] = (
    "increas", "grow", "grew", "rise", "rose", "raise", "expand", "boost", "up",
    "увелич", "вырас", "возрас", "нарас", "повыс", "рост", "артт", "арта", "өс", "ұлға",
)

# Rate words that may stand before the figure ("annual output of 5 million tonnes").
PREFIX_PERIOD_WORDS: dict[str, str] = {
    "annual": "year", "annually": "year", "yearly": "year", "годовая": "year",
    "годовой": "year", "годовую": "year", "годового": "year", "ежегодно": "year",
    "жылдық": "year", "жылына": "year", "daily": "day", "суточная": "day", "суточной": "day",
    "ежесуточно": "day", "тәулігіне": "day", "тәуліктік": "day",
}

# Kazakh case endings stripped (longest first) when a single word is not found as written.
KK_CASE_ENDINGS: tuple[str, ...] = tuple(sorted(
    {"ға", "ге", "қа", "ке", "на", "не", "нан", "нен", "дан", "ден", "тан", "тен", "ны", "ні",
     "ды", "ді", "ты", "ті", "да", "де", "та", "те", "н", "ын", "ін", "ның", "нің", "дың",
     "дің", "тың", "тің"},
    key=len, reverse=True,
))


class _Table:
    """A vocabulary keyed by token norms: ``full`` for whole-phrase lookups, ``by_first`` (the
    phrases starting with a norm, longest first) for matching inside a token stream."""

    __slots__ = ("by_first", "full", "longest")

    def __init__(self, table: Mapping[str, Any]) -> None:
        self.full: dict[tuple[str, ...], Any] = {}
        for phrase, value in table.items():
            key = tuple(t.norm for t in tokenize(phrase))
            if key:
                self.full[key] = value
        self.longest = max((len(k) for k in self.full), default=0)
        self.by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for key in sorted(self.full, key=len, reverse=True):
            self.by_first.setdefault(key[0], []).append((key, self.full[key]))


TABLES: dict[str, _Table] = {
    "scale": _Table(SCALE_WORDS),
    "currency": _Table(CURRENCY_WORDS),
    "unit": _Table({**UNIT_WORDS, **PEOPLE_WORDS}),
    "unit_kk": _Table({**UNIT_WORDS, **PEOPLE_WORDS, **KK_UNIT_WORDS,
                       **KK_PEOPLE_WORDS}),
    "qualifier": _Table(QUALIFIER_PHRASES),
    "suffix_qualifier": _Table(SUFFIX_QUALIFIER_PHRASES),
    "period": _Table(PERIOD_PHRASES),
    "year_qualifier": _Table(YEAR_QUALIFIER_PHRASES),
    "relative_year": _Table(RELATIVE_YEARS),
    "not_figure_after": _Table(dict.fromkeys(NOT_FIGURE_AFTER, True)),
}
_ENDINGS_BY_LENGTH: tuple[tuple[int, frozenset[str]], ...] = tuple(
    (n, frozenset(e for e in KK_CASE_ENDINGS if len(e) == n))
    for n in sorted({len(e) for e in KK_CASE_ENDINGS}, reverse=True)
)


@lru_cache(maxsize=4096)
def strip_kk_ending(word: str) -> str | None:
    """``word`` without one Kazakh case ending ("тоннаға" -> "тонна"), or None. The stem keeps
    at least four letters, so short words ("басқа", "other") are not read as units."""
    for n, endings in _ENDINGS_BY_LENGTH:
        if len(word) >= n + 4 and word[-n:] in endings:
            return word[:-n]
    return None


def match_phrase(
    tokens: Sequence[Token], i: int, table: str, inflected: bool = True
) -> tuple[Any, int] | None:
    """Longest phrase of vocabulary ``table`` starting at ``tokens[i]``: (value, token count).

    With ``inflected``, a single word that is not in the table is retried without a Kazakh
    case ending ("тоннаға" -> "тонна").
    """
    if i >= len(tokens) or i < 0:
        return None
    compiled = TABLES[table]
    first = tokens[i].norm
    for key, value in compiled.by_first.get(first, ()):
        n = len(key)
        if n == 1:
            return value, 1
        if i + n <= len(tokens) and all(tokens[i + k].norm == key[k] for k in range(1, n)):
            return value, n
    if inflected and tokens[i].kind == "word":
        stem = strip_kk_ending(first)
        if stem is not None and (stem,) in compiled.full:
            return compiled.full[(stem,)], 1
    return None


def _whole(text: str, table: str) -> Any:
    tokens = tokenize(text)
    if not tokens:
        return None
    found = match_phrase(tokens, 0, table)
    return found[0] if found is not None and found[1] == len(tokens) else None


def scale_of(word: str) -> float | None:
    """Multiplier of a scale word: "thousand"/"тыс."/"мың" -> 1e3, "bn"/"млрд" -> 1e9, "tln"
    -> 1e12; case-insensitive, a trailing dot is ignored. None for anything else."""
    value = _whole(word, "scale")
    return float(value) if isinstance(value, float | int) else None


def currency_of(word: str) -> str | None:
    """ISO 4217 code of a currency word or symbol ("$", "US dollars", "долларов США", "теңге",
    "₸", "евро", "юаней", "рублей"...), or None."""
    value = _whole(word, "currency")
    return value if isinstance(value, str) else None


def unit_of(word: str, lang: str = "en") -> tuple[str, float] | None:
    """(unit, multiplier to the base unit) of a unit word: "tonnes"/"тонн" -> ("t", 1), "Mt" ->
    ("t", 1e6), "bcm" -> ("m3", 1e9), "GW"/"ГВт" -> ("MW", 1e3), "kW" -> ("MW", 1e-3),
    "рабочих мест"/"жұмыс орны" -> ("jobs", 1), "people" -> ("jobs", 1). A scale word before
    the unit multiplies it ("thousand tonnes" -> ("t", 1e3), "млрд кубометров" -> ("m3", 1e9)).
    Kazakh-only words ("ферма" counted as projects) need ``lang`` "kk".
    "MT" (upper case, metric tons) is ("t", 1); "Mt"/"mt" are megatonnes. None otherwise."""
    if word.strip() == "MT":
        return ("t", 1.0)
    tokens = tokenize(word)
    scale = 1.0
    found = match_phrase(tokens, 0, "scale")
    if found is not None and found[1] < len(tokens):
        scale = float(found[0])
        tokens = tokens[found[1] :]
    unit = match_phrase(tokens, 0, unit_table(lang))
    if unit is None or unit[1] != len(tokens):
        return None
    return (str(unit[0][0]), float(unit[0][1]) * scale)


def qualifier_of(prefix: str, lang: str = "en") -> str:
    """Qualifier the words just before a figure give it: "max" ("up to", "no more than", "by",
    "до"), "min" ("over", "more than", "exceeds", "свыше", "не менее", "астам"), "approx"
    ("about", "some", "nearly", "около", "порядка", "шамамен"), else "eq". The longest phrase
    that ends the prefix wins ("no more than" is max, "more than" min). ``lang`` is accepted for
    symmetry; the vocabulary is shared by en, ru and kk."""
    del lang
    return qualifier_of_tokens(tokenize(prefix))


def qualifier_of_tokens(tokens: Sequence[Token], ignore: frozenset[str] = frozenset()) -> str:
    """``qualifier_of`` on tokens; phrases in ``ignore`` count as no qualifier."""
    compiled = TABLES["qualifier"]
    end = len(tokens)
    for n in range(min(compiled.longest, end), 0, -1):
        key = tuple(t.norm for t in tokens[end - n : end])
        if key in compiled.full:
            return "eq" if " ".join(key) in ignore else str(compiled.full[key])
    return "eq"

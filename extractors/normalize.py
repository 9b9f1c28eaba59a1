"""Normalisers: the text of a figure or of a commissioning date -> values in base units.

Pure functions of their arguments (no spaCy): the matcher finds a span, these read it. The
vocabularies they use live in ``extractors.units`` and are re-exported here for building token
patterns (``SCALE_WORDS``, ``CURRENCY_WORDS``, ``UNIT_WORDS``, ``QUALIFIER_PHRASES``,
``PERIOD_PHRASES``...); number parsing and the tokenizer live in ``extractors.numbers``.

Conventions follow FACTS.md and, where it is silent, the annotated development set:

- a range wins over a qualifier: "свыше 24–25 тыс. рабочих мест" is 24000..25000, ``range``;
  a scale after the upper bound applies to both ends;
- "by" before a figure is an increment ("expanded by 1,140 head" is ``eq``); before a year it
  is ``max`` ("by 2028", "by the end of 2028"); "end of 2027" / "at the end of 2027" is ``eq``;
- a year range's ``when`` is "Y1/Y2" ("in 2024-2025" -> "2024/2025"), as the data writes it;
- words between a number and its unit are skipped ("2 thousand new jobs" -> 2000 jobs);
- headcounts ("240 people", "30 тыс. человек") are jobs, flagged "people"; initiatives,
  megaprojects, farms and plants ("4 сахарных завода") count as ``projects``;
- ``period`` is set only when the span states the rate ("per year", "в сутки", "annual ...");
  the data also gives "year" to capacities whose rate is stated elsewhere in the sentence, which
  is attribution's business;
- "from 450 to 750 thousand tonnes" after a verb of change ("increase", "увеличится с") is still
  read as a range but flagged "change", as it states an old and a new value.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from extractors import kk_phrases
from extractors.numbers import NUMBER_WORDS, Token, parse_decimal, tokenize
from extractors.units import (
    CHANGE_STEMS,
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    DASHES,
    FIGURE_NEUTRAL_QUALIFIERS,
    ID_PREFIXES,
    KK_CASE_ENDINGS,
    LETTER_SCALES,
    ORDINAL_ENDINGS,
    PEOPLE_WORDS,
    PERIOD_PHRASES,
    PREFIX_PERIOD_WORDS,
    QUALIFIER_PHRASES,
    QUARTER_ORDINALS,
    QUARTER_WORDS,
    RANGE_OPENERS,
    SCALE_WORDS,
    SUFFIX_QUALIFIER_PHRASES,
    UNIT_PERIODS,
    UNIT_SEARCH_STOPS,
    UNIT_WORDS,
    YEAR_QUALIFIER_PHRASES,
    YEAR_SUFFIX_QUALIFIERS,
    currency_of,
    is_people_word,
    match_phrase,
    month_of,
    qualifier_of,
    qualifier_of_tokens,
    scale_of,
    unit_of,
    unit_table,
)

__all__ = [
    "CURRENCY_WORDS",
    "PEOPLE_WORDS",
    "PERIOD_PHRASES",
    "PREFIX_PERIOD_WORDS",
    "QUALIFIER_PHRASES",
    "SCALE_WORDS",
    "SUFFIX_QUALIFIER_PHRASES",
    "UNIT_WORDS",
    "YEAR_QUALIFIER_PHRASES",
    "Figure",
    "currency_of",
    "parse_figure",
    "parse_number",
    "parse_year_expression",
    "qualifier_of",
    "scale_of",
    "unit_of",
]


@dataclass(frozen=True)
class Figure:
    """A figure in base units, as ``parse_figure`` reads it.

    ``value``/``value_max``: base units (1.5e9 for "$1.5 billion", 1000.0 MW for "1 GW");
    ``value_max`` only for ranges. ``unit``: ISO 4217 code, a FACTS.md unit (t, m3, MW, MWh,
    Gcal/h, km, ha, m2, units, head, places, jobs, projects) or None for a bare number.
    ``period``: "year" | "day" | "hour" when the text states a rate. ``qualifier``: eq | approx |
    max | min | range. ``flags``: "two_currencies" (unit left None, not guessed), "people" (a
    headcount read as jobs).
    """

    value: float
    value_max: float | None
    unit: str | None
    period: str | None
    qualifier: str
    flags: tuple[str, ...] = ()


class _NotAFigure(Exception):
    """Internal: the span is a percentage, date, ordinal... (never escapes this module)."""


_YEAR_RE = re.compile(r"^(19|20|21)[0-9]{2}$")


# --- figures -----------------------------------------------------------------------------------
def _at(tokens: Sequence[Token], i: int) -> Token | None:
    return tokens[i] if 0 <= i < len(tokens) else None


def _number_at(tokens: Sequence[Token], i: int, lang: str) -> tuple[Decimal, int] | None:
    """A number starting at ``tokens[i]``: digits, cardinal words, or "a"/"an" before a scale."""
    tok = _at(tokens, i)
    if tok is None:
        return None
    if tok.kind == "num":
        value = parse_decimal(tok.text, lang)
        if value is None:
            raise _NotAFigure(tok.text)
        return value, i + 1
    if tok.kind != "word":
        return None
    if tok.norm in ("a", "an"):
        if match_phrase(tokens, i + 1, "scale", inflected=False) is not None:
            return Decimal(1), i + 1
        return None
    j = i
    words: list[str] = []
    while (t := _at(tokens, j)) is not None and (
        t.norm in NUMBER_WORDS or t.norm == "hundred" or (t.text in DASHES and words)
    ):
        words.append(t.text)
        j += 1
    while words and words[-1] in DASHES:
        words.pop()
        j -= 1
    if not words:
        return None
    value = parse_decimal(" ".join(words), lang)
    return (value, j) if value is not None else None


def _check_after_number(tokens: Sequence[Token], i: int) -> int:
    """Reject percentages, ordinals, durations, times and dates; skip a Kazakh case ending."""
    tok = _at(tokens, i)
    if tok is None:
        return i
    nxt = _at(tokens, i + 1)
    if match_phrase(tokens, i, "not_figure_after", inflected=False) or month_of(tok.norm):
        raise _NotAFigure(tok.text)
    if tok.text in (":", "/") and nxt is not None and nxt.kind == "num":
        raise _NotAFigure(tok.text)
    if tok.text in DASHES and nxt is not None and nxt.kind == "word":
        if nxt.norm in ORDINAL_ENDINGS or match_phrase(tokens, i + 1, "not_figure_after"):
            raise _NotAFigure(nxt.text)
        if nxt.norm in KK_CASE_ENDINGS:
            return i + 2
    return i


def _is_letter_scale_ok(tokens: Sequence[Token], i: int, n: int, money: bool) -> bool:
    """"m", "b", "k" scale money ("$800m", "5bn tenge") or, glued to the number, a unit
    ("50k jobs"); elsewhere they may be units themselves ("150 m")."""
    if tokens[i].norm not in LETTER_SCALES:
        return True
    if money or match_phrase(tokens, i + n, "currency") is not None:
        return True
    glued = i > 0 and tokens[i - 1].end == tokens[i].start and tokens[i - 1].kind == "num"
    return glued and match_phrase(tokens, i + n, "unit") is not None


def _amount(tokens: Sequence[Token], i: int, lang: str, money: bool) -> tuple[Decimal, bool, int]:
    """Read "8.7 thousand", "1 trillion and 27 billion", "$1.2bn"... -> (value, scaled, next)."""
    first = _number_at(tokens, i, lang)
    if first is None:
        raise _NotAFigure("no number")
    total = Decimal(0)
    value, i = first
    last_scale: float | None = None
    while True:
        i = _check_after_number(tokens, i)
        j = i + 1 if (t := _at(tokens, i)) is not None and t.text in DASHES else i
        found = match_phrase(tokens, j, "scale")
        if found is None or not _is_letter_scale_ok(tokens, j, found[1], money):
            return total + value, last_scale is not None, i
        scale = float(found[0])
        if last_scale is not None and scale >= last_scale:
            return total + value, True, i
        total += value * Decimal(str(scale))
        last_scale = scale
        i = j + found[1]
        k = i + 1 if (t := _at(tokens, i)) is not None and t.norm in ("and", "и", "және") else i
        nxt = _number_at(tokens, k, lang) if (t2 := _at(tokens, k)) and t2.kind == "num" else None
        if nxt is None:
            return total, True, i
        after = match_phrase(tokens, nxt[1], "scale")
        if after is None or float(after[0]) >= last_scale:
            return total, True, i
        value, i = nxt


def _is_phone_like(tokens: Sequence[Token]) -> bool:
    """"+7 (7172) 74-50-23", "8 800 080 7777", "2026-01-15": numbers chained by "-", "(", ")"."""
    if len(tokens) > 1 and tokens[0].text == "+" and tokens[1].kind == "num":
        return True
    run = 0
    prev: Token | None = None
    for tok in tokens:
        if tok.kind == "num":
            if prev is not None and prev.kind == "num":
                return True
            run += 1
            if run >= 3:
                return True
        elif not (tok.kind == "sym" and tok.text in "-()"):
            run = 0
        prev = tok
    return False


_NUMBER_STARTS = frozenset(NUMBER_WORDS) | {"a", "an"}


def _is_leading_date(tokens: Sequence[Token], i: int) -> bool:
    """"In 2024, 21 projects...", "В 2024 году 21 проект": a year before the figure."""
    nxt = _at(tokens, i + 1)
    if not _YEAR_RE.match(tokens[i].text) or nxt is None:
        return False
    if nxt.text != "," and nxt.norm not in _YEAR_WORDS:
        return False
    return any(t.kind == "num" for t in tokens[i + 1 :])


_YEAR_WORDS = frozenset({"году", "года", "г", "жылы", "жылғы"})


def _figure_start(tokens: Sequence[Token], lang: str) -> tuple[int, str | None, int] | None:
    """Index of the figure's first token, its leading currency if any, and the number's index."""
    for i, tok in enumerate(tokens):
        if tok.kind == "num" and _is_leading_date(tokens, i):
            continue
        if tok.norm in CURRENCY_PREFIXES:
            found = match_phrase(tokens, i, "currency", inflected=False)
            if found is not None:
                k = i + found[1]
                if _at(tokens, k) is not None and _number_at(tokens, k, lang) is not None:
                    return i, str(found[0]), k
        if tok.kind == "num" or (tok.norm in _NUMBER_STARTS and _counts(tokens, i, lang)):
            return i, None, i
    return None


def _counts(tokens: Sequence[Token], i: int, lang: str) -> bool:
    """A number word starts a figure only before a scale, currency or unit ("six million
    tonnes", "five major projects"), so that "one of the..." or ru "Он будет..." do not."""
    found = _number_at(tokens, i, lang)
    if found is None:
        return False
    j = found[1]
    if match_phrase(tokens, j, "scale") or match_phrase(tokens, j, "currency"):
        return True
    return _unit_after(tokens, j, "eq", [], lang)[0] is not None


_CLAUSE_BREAKS = frozenset({",", ";", ".", "(", ")", ":", "!", "?"})


def _sentence_ends_before(tokens: Sequence[Token], i: int) -> bool:
    """``tokens[i - 1]`` ends a sentence: it ends with a dot and ``tokens[i]`` is capitalised."""
    prev, tok = _at(tokens, i - 1), _at(tokens, i)
    if prev is None or tok is None:
        return False
    return prev.text.endswith(".") and tok.text[:1].isupper()


def _period_between(tokens: Sequence[Token], i: int) -> str | None:
    """First period phrase from ``tokens[i]`` on, before a number or a clause break."""
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind == "num" or tok.text in _CLAUSE_BREAKS or _sentence_ends_before(tokens, i):
            return None
        found = match_phrase(tokens, i, "period", inflected=False)
        if found is not None:
            return str(found[0])
        i += 1
    return None


def parse_number(text: str, lang: str = "en") -> float | None:
    """The number ``text`` writes, scale words included, or None when it is not (only) a number.

    en: "," groups thousands and "." is the decimal mark ("1,000.5" -> 1000.5). ru/kk: groups
    are separated by a space, no-break space or narrow no-break space and "," is the decimal mark
    ("1 234,5" -> 1234.5, "1,2" -> 1.2). A lone foreign mark followed by exactly three digits
    groups thousands ("12.000" in ru -> 12000); otherwise it is read as a decimal mark ("3,5" in
    an en text -> 3.5). Cardinal words count ("one", "twenty-five", "два", "бес"), and so do
    scale words ("8.7 thousand" -> 8700.0, "1,2 млрд" -> 1.2e9); ordinals, signs, percentages,
    dates ("15.01.2026") and units do not.
    """
    plain = parse_decimal(text, lang)
    if plain is not None:
        return float(plain)
    try:
        tokens = tokenize(text)
        if not tokens or _number_at(tokens, 0, lang) is None:
            return None
        value, _, end = _amount(tokens, 0, lang, money=False)
    except _NotAFigure:
        return None
    return float(value) if end == len(tokens) and math.isfinite(value) else None


def parse_figure(text: str, lang: str = "en") -> Figure | None:
    """Read a figure as the matcher finds it, qualifier words included, or None.

    "about $10 billion" -> 1e10 USD approx; "more than 8.7 thousand permanent jobs" -> 8700 jobs
    min; "4-4.5 bcm" -> 4e9..4.5e9 m3 range; "до 2 млн тонн в год" -> 2e6 t max, period year;
    "1 trillion and 27 billion tenge" -> 1.027e12 KZT. Words between the number and its unit
    are skipped ("2 thousand new jobs"); a range wins over a qualifier ("свыше 24–25 тыс." is
    range); "by" before a figure means an increment, so it is "eq". Two different currencies
    ("$7.7 billion tenge") give unit None and the flag "two_currencies". None for what is not a
    figure: no number, a percentage, a bare year, a date, an ordinal, a duration, a phone,
    decree or article number.
    """
    try:
        return _parse_figure(tokenize(text), lang)
    except _NotAFigure:
        return None


def _parse_figure(tokens: Sequence[Token], lang: str) -> Figure | None:
    start = _figure_start(tokens, lang)
    if start is None or _is_phone_like(tokens):
        return None
    first, currency, i = start
    prefix = tokens[:first]
    if prefix and (prefix[-1].norm in ID_PREFIXES or month_of(prefix[-1].norm) is not None):
        return None
    qualifier = qualifier_of_tokens(prefix, ignore=FIGURE_NEUTRAL_QUALIFIERS)
    money = currency is not None
    value, scaled, i = _amount(tokens, i, lang, money)
    value_max: Decimal | None = None
    tok = _at(tokens, i)
    if tok is not None and (
        tok.text in DASHES
        or tok.norm == "to"
        or (prefix and prefix[-1].norm in RANGE_OPENERS.get(tok.norm, ()))
    ):
        k = i + 1
        if (cur := match_phrase(tokens, k, "currency", inflected=False)) and cur[0] == currency:
            k += cur[1]
        if (t := _at(tokens, k)) is not None and (t.kind == "num" or _number_at(tokens, k, lang)):
            value_max, scaled_max, i = _amount(tokens, k, lang, money)
            if scaled_max and not scaled:
                value *= _scale_before(tokens, i)
            scaled = scaled or scaled_max
    flags: list[str] = ["change"] if value_max is not None and _is_change(prefix) else []
    unit: str | None = None
    unit_norm = ""
    multiplier = Decimal(1)
    if (
        (t := _at(tokens, i)) is not None
        and t.text in DASHES
        and match_phrase(tokens, i + 1, "currency") is not None
    ):
        i += 1  # "1.5-billion-dollar"
    trailing = match_phrase(tokens, i, "currency")
    if trailing is not None:
        i += trailing[1]
        if currency is not None and trailing[0] != currency:
            flags.append("two_currencies")
            currency = None
        else:
            currency = str(trailing[0])
    if currency is not None or "two_currencies" in flags:
        unit = currency
    else:
        unit, unit_norm, multiplier, i, qualifier = _unit_after(tokens, i, qualifier, flags, lang)
    if lang == "kk" and unit is not None:  # "500 млн кВт·сағ-қа жуық": "жуық" after the ending
        i = kk_phrases.skip_case_suffix(tokens, i)
    if (sq := match_phrase(tokens, i, "suffix_qualifier")) is not None:
        qualifier = str(sq[0]) if qualifier == "eq" else qualifier
        i += sq[1]
    period = UNIT_PERIODS.get(unit_norm) or _period_between(tokens, i) or _period_in(prefix)
    bare = unit is None and "two_currencies" not in flags and not scaled
    if bare and (_is_year_number(value, value_max) or tokens[first].kind == "word"):
        return None  # a bare year, or a bare "one" ("one of the largest")
    if value_max is not None:
        if value_max < value:
            return None
        qualifier = "range"
    low = float(value * multiplier)
    high = None if value_max is None else float(value_max * multiplier)
    if not math.isfinite(low) or (high is not None and not math.isfinite(high)):
        return None
    return Figure(
        value=low,
        value_max=high,
        unit=unit,
        period=period,
        qualifier=qualifier,
        flags=tuple(flags),
    )


def _scale_before(tokens: Sequence[Token], end: int) -> Decimal:
    """The scale word that ended the upper bound of a range ("24–25 тыс." -> 1000)."""
    for j in range(end - 1, -1, -1):
        found = match_phrase(tokens, j, "scale")
        if found is not None:
            return Decimal(str(found[0]))
    return Decimal(1)


def _unit_after(
    tokens: Sequence[Token], i: int, qualifier: str, flags: list[str], lang: str
) -> tuple[str | None, str, Decimal, int, str]:
    """Find the unit after a number, skipping up to three words ("permanent", "new"); the
    Kazakh-only unit words count in Kazakh only."""
    k, fillers = i, 0
    while k < len(tokens):
        tok = tokens[k]
        if tok.text in DASHES:
            k += 1
            continue
        if (sq := match_phrase(tokens, k, "suffix_qualifier")) is not None:
            qualifier = str(sq[0]) if qualifier == "eq" else qualifier
            k += sq[1]
            i = k
            continue
        if match_phrase(tokens, k, "period", inflected=False) is not None:
            break
        found = match_phrase(tokens, k, unit_table(lang))
        if found is not None:
            unit, mult = found[0]
            mult = 1 if tok.text == "MT" else mult  # metric tons, not megatonnes ("Mt")
            norm = " ".join(t.norm for t in tokens[k : k + found[1]])
            if is_people_word(norm, lang):
                flags.append("people")
            return str(unit), norm, Decimal(str(mult)), k + found[1], qualifier
        if tok.kind == "word" and tok.norm not in UNIT_SEARCH_STOPS and fillers < 3:
            fillers += 1
            k += 1
            continue
        break
    return None, "", Decimal(1), i, qualifier


def _period_in(prefix: Sequence[Token]) -> str | None:
    """A rate stated just before the figure ("annual capacity of", "ежегодно добывать до",
    "жылына"): a rate adjective among the last four words of the same sentence."""
    for tok in reversed(prefix[-4:]):
        if tok.text in _CLAUSE_BREAKS or (tok.text.endswith(".") and tok.kind == "word"):
            return None
        if tok.norm in PREFIX_PERIOD_WORDS:
            return PREFIX_PERIOD_WORDS[tok.norm]
    return None


def _is_change(prefix: Sequence[Token]) -> bool:
    """"increase from 450 to 750 thousand tonnes": a change between two values, not a range."""
    if not prefix or prefix[-1].norm not in ("from", "с", "от"):
        return False
    return any(t.norm.startswith(CHANGE_STEMS) for t in prefix[-4:-1])


def _is_year_number(value: Decimal, value_max: Decimal | None) -> bool:
    def year_like(v: Decimal) -> bool:
        return v == v.to_integral_value() and 1900 <= v <= 2100

    return year_like(value) and (value_max is None or year_like(value_max))


# --- commissioning dates -----------------------------------------------------------------------
def _last_year_qualifier(prefix: Sequence[Token]) -> str:
    """Qualifier of the last date preposition before the year ("by the end of" -> max)."""
    qualifier = "eq"
    for j in range(len(prefix)):
        found = match_phrase(prefix, j, "year_qualifier", inflected=False)
        if found is not None:
            qualifier = str(found[0])
    return qualifier


_QUARTER_DIGITS = frozenset({"1", "2", "3", "4"})


def _quarter(tokens: Sequence[Token]) -> int | None:
    """Quarter named anywhere in a date: "Q4", "4Q", "fourth quarter", "IV квартал",
    "төртінші тоқсанында"."""
    for j, tok in enumerate(tokens):
        nxt = _at(tokens, j + 1)
        if tok.norm == "q" and nxt is not None and nxt.text in _QUARTER_DIGITS:
            return int(nxt.text)
        if tok.text in _QUARTER_DIGITS and nxt is not None and nxt.norm == "q":
            return int(tok.text)
        if tok.norm.startswith(QUARTER_WORDS):
            for back in range(j - 1, max(j - 4, -1), -1):
                prev = tokens[back]
                if prev.norm in QUARTER_ORDINALS:
                    return QUARTER_ORDINALS[prev.norm]
                if prev.text in _QUARTER_DIGITS:
                    return int(prev.text)
    return None


def _month_and_day(tokens: Sequence[Token], year_at: int) -> tuple[int | None, int | None]:
    """Month (and day) written within three tokens of the year ("December 15, 2026",
    "15 декабря 2026", "2026 жылдың желтоқсанында"); "may" counts only right next to it."""
    for j in [*range(year_at - 1, max(year_at - 4, -1), -1), *range(year_at + 1, year_at + 4)]:
        tok = _at(tokens, j)
        if tok is None or tok.kind != "word":
            continue
        month = month_of(tok.norm)
        if month is None or (tok.norm == "may" and abs(j - year_at) > 1):
            continue
        for d in (j - 1, j + 1):
            day = _at(tokens, d)
            if (
                day is not None
                and day.kind == "num"
                and d != year_at
                and day.text.isdigit()
                and 1 <= int(day.text) <= 31
            ):
                return month, int(day.text)
        return month, None
    return None, None


def parse_year_expression(
    text: str, lang: str = "en", ref_year: int | None = None
) -> tuple[int, int | None, str, str] | None:
    """Read a commissioning date: (year, year_max, qualifier, when), or None.

    "in 2029" -> (2029, None, "eq", "2029"); "by 2028", "by the end of 2028", "до 2028 года",
    "2028 жылға дейін" -> max; "in 2025-2026" -> (2025, 2026, "range", "2025/2026") (the dev
    set writes a range's ``when`` as "Y1/Y2"); "Q4 2023" -> "2023-Q4"; "in December 2026" ->
    "2026-12"; "end of 2027" -> eq. Relative years ("this year", "в следующем году", "биыл")
    need ``ref_year`` (the release's year) and are None without it. None when the text holds
    no year, or the year is a quantity ("2029 tonnes") or an identifier ("No. 2029").
    """
    del lang
    try:
        tokens = tokenize(text)
        return _parse_year(tokens, ref_year)
    except _NotAFigure:
        return None


def _year_token(tok: Token | None) -> int | None:
    if tok is not None and tok.kind == "num" and _YEAR_RE.match(tok.text):
        return int(tok.text)
    return None


def _parse_year(
    tokens: Sequence[Token], ref_year: int | None
) -> tuple[int, int | None, str, str] | None:
    at = next((j for j, t in enumerate(tokens) if _year_token(t) is not None), None)
    if at is None:
        return _relative_year(tokens, ref_year)
    year = _year_token(tokens[at])
    assert year is not None
    prev = _at(tokens, at - 1)
    if prev is not None and (prev.norm in ID_PREFIXES or prev.norm in CURRENCY_PREFIXES):
        return None
    nxt_i = _check_after_year(tokens, at + 1)
    year_max: int | None = None
    sep = _at(tokens, nxt_i)
    if sep is not None and (sep.text in DASHES or sep.norm in ("to", "and", "по", "до", "/")):
        second = _at(tokens, nxt_i + 1)
        if second is not None and second.kind == "num" and second.text.isdigit():
            if len(second.text) == 4:
                candidate = int(second.text)
            elif len(second.text) == 2:
                candidate = year // 100 * 100 + int(second.text)
            else:
                candidate = 0
            if year < candidate <= 2100:
                year_max = candidate
                _check_after_year(tokens, nxt_i + 2)
    if year_max is not None:
        return year, year_max, "range", f"{year}/{year_max}"
    qualifier = _last_year_qualifier(tokens[:at])
    for tok in tokens[at + 1 : at + 5]:
        if tok.norm in YEAR_SUFFIX_QUALIFIERS:
            qualifier = YEAR_SUFFIX_QUALIFIERS[tok.norm]
    quarter = _quarter(tokens)
    if quarter is not None:
        return year, None, qualifier, f"{year}-Q{quarter}"
    month, day = _month_and_day(tokens, at)
    if month is not None:
        when = f"{year}-{month:02d}" + (f"-{day:02d}" if day is not None else "")
        return year, None, qualifier, when
    return year, None, qualifier, str(year)


def _check_after_year(tokens: Sequence[Token], i: int) -> int:
    """A year followed by a unit, currency, scale or percent is a quantity: reject it."""
    tok = _at(tokens, i)
    if tok is None:
        return i
    if tok.text == "%" or tok.norm in ("percent", "процентов", "пайыз"):
        raise _NotAFigure(tok.text)
    for table in ("unit", "currency", "scale"):
        if match_phrase(tokens, i, table, inflected=False) is not None:
            raise _NotAFigure(tok.text)
    if tok.text == ":" and (n := _at(tokens, i + 1)) is not None and n.kind == "num":
        raise _NotAFigure(tok.text)
    return i


def _relative_year(
    tokens: Sequence[Token], ref_year: int | None
) -> tuple[int, int | None, str, str] | None:
    for j in range(len(tokens)):
        found = match_phrase(tokens, j, "relative_year", inflected=False)
        if found is not None:
            if ref_year is None:
                return None
            year = ref_year + int(found[0])
            qualifier = _last_year_qualifier(tokens[:j])
            for tok in tokens[j + found[1] : j + found[1] + 3]:
                if tok.norm in YEAR_SUFFIX_QUALIFIERS:
                    qualifier = YEAR_SUFFIX_QUALIFIERS[tok.norm]
            return year, None, qualifier, str(year)
    return None


"""Property tests for ``extractors.normalize``: never raise, round-trip formatted numbers, and
keep scale words consistent with multiplication."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.normalize import (
    SCALE_WORDS,
    Figure,
    parse_figure,
    parse_number,
    parse_year_expression,
    scale_of,
)

FAST = settings(max_examples=200, deadline=None)
LANGS = st.sampled_from(["en", "ru", "kk"])
# Text that looks like release prose: digits, separators, currency signs, words of the vocabulary.
FIGURE_ALPHABET = st.sampled_from(
    list("0123456789 ,.-–$€₸%№+()/:") + ["\u00a0", "\u202f", " млрд", " тыс.", " billion",
                                         " tonnes", " тенге", " up to", " свыше", " астам",
                                         " to", " and", " в год", " per year", " жылы", " году"]
)
FIGURE_LIKE = st.lists(FIGURE_ALPHABET, max_size=25).map("".join)


def _en(n: int) -> str:
    return f"{n:,}"


def _ru(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@FAST
@given(st.text(), LANGS)
def test_parse_figure_never_raises(text: str, lang: str) -> None:
    result = parse_figure(text, lang)
    assert result is None or isinstance(result, Figure)


@FAST
@given(FIGURE_LIKE, LANGS)
def test_parse_figure_never_raises_on_figure_like_text(text: str, lang: str) -> None:
    result = parse_figure(text, lang)
    if result is not None:
        assert result.qualifier in ("eq", "approx", "max", "min", "range")
        assert (result.value_max is not None) == (result.qualifier == "range")
        assert result.value_max is None or result.value_max >= result.value


@FAST
@given(st.text(), LANGS)
def test_parse_number_never_raises(text: str, lang: str) -> None:
    result = parse_number(text, lang)
    assert result is None or isinstance(result, float)


@FAST
@given(st.text(), LANGS)
def test_parse_year_expression_never_raises(text: str, lang: str) -> None:
    result = parse_year_expression(text, lang, ref_year=2025)
    if result is not None:
        year, year_max, qualifier, when = result
        assert 1900 <= year <= 2100
        assert when.startswith(str(year))
        assert (year_max is not None) == (qualifier == "range")


@FAST
@given(FIGURE_LIKE, LANGS)
def test_parse_year_expression_never_raises_on_figure_like_text(text: str, lang: str) -> None:
    parse_year_expression(text, lang)


@FAST
@given(st.integers(min_value=0, max_value=10**15))
def test_parse_number_round_trips_en_integers(n: int) -> None:
    assert parse_number(_en(n), "en") == n


@FAST
@given(st.integers(min_value=0, max_value=10**15), st.sampled_from([" ", "\u00a0", "\u202f"]))
def test_parse_number_round_trips_ru_integers(n: int, sep: str) -> None:
    for lang in ("ru", "kk"):
        assert parse_number(_ru(n, sep), lang) == n


@FAST
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=999))
def test_parse_number_round_trips_decimals(whole: int, frac: int) -> None:
    fraction = f"{frac:03d}".rstrip("0") or "0"
    expected = float(f"{whole}.{fraction}")
    assert parse_number(f"{whole:,}.{fraction}", "en") == expected
    assert parse_number(_ru(whole, "\u00a0") + "," + fraction, "ru") == expected


@FAST
@given(st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False))
def test_parse_number_round_trips_repr_of_floats(x: float) -> None:
    text = f"{x:.4f}"
    assert parse_number(text, "en") == float(text)
    assert parse_number(text.replace(".", ","), "ru") == float(text)


@FAST
@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=0, max_value=9),
    st.sampled_from(sorted(SCALE_WORDS)),
)
def test_scale_words_multiply(whole: int, tenth: int, scale_word: str) -> None:
    """"N.d <scale> tonnes" is N.d times the scale, for every scale word of the vocabulary."""
    scale = scale_of(scale_word)
    assert scale is not None
    number = f"{whole}.{tenth}"
    got = parse_figure(f"{number} {scale_word} tonnes", "en")
    if scale_word in ("m", "b", "k"):  # letter scales count only next to money
        got = parse_figure(f"${number}{scale_word}", "en")
    assert got is not None
    assert math.isclose(got.value, float(number) * scale, rel_tol=1e-12)


@FAST
@given(
    st.integers(min_value=1, max_value=10**6),
    st.sampled_from(sorted(w for w in SCALE_WORDS if len(w) > 1)),
    LANGS,
)
def test_parse_number_multiplies_by_scale_words(n: int, scale_word: str, lang: str) -> None:
    scale = scale_of(scale_word)
    assert scale is not None
    assert parse_number(f"{n} {scale_word}", lang) == n * scale


@FAST
@given(st.integers(min_value=1, max_value=999), st.sampled_from(["en", "ru"]))
def test_range_scale_applies_to_both_ends(low: int, lang: str) -> None:
    scale_word = "thousand" if lang == "en" else "тыс."
    unit = "tonnes" if lang == "en" else "тонн"
    got = parse_figure(f"{low}-{low + 1} {scale_word} {unit}", lang)
    assert got is not None
    assert (got.value, got.value_max, got.qualifier) == (low * 1e3, (low + 1) * 1e3, "range")

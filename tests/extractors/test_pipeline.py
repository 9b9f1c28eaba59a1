"""The scanner: sentences, gazetteer phrases, figure and year candidates, prefixes."""

from __future__ import annotations

import pytest

from extractors.pipeline import get_nlp, get_scanner, split_sentences


def spans_text(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(("text", "sentences"), [
    ("One plant. Two plants!  Three?\n\nFour", ["One plant.", "Two plants!", "Three?", "Four"]),
    ("Qarmet JSC and Co. Ltd. (NFC) signed it. No. 5 is next.",
     ["Qarmet JSC and Co. Ltd. (NFC) signed it.", "No. 5 is next."]),
    ("It costs $1.5 bn. investment in total.", ["It costs $1.5 bn. investment in total."]),
    ("Mr. A. Smith spoke.  \nThen he left.", ["Mr. A. Smith spoke.", "Then he left."]),
    ("В г. Алматы построят завод. Он заработает в 2027 году.",
     ["В г. Алматы построят завод.", "Он заработает в 2027 году."]),
    ("", []),
])
def test_sentences(text: str, sentences: list[str]) -> None:
    assert spans_text(text) == sentences


def figures_of(text: str, lang: str = "en") -> list[str]:
    scan = get_scanner(lang).scan(text)
    return [text[c.start:c.end] for c in scan.figures]


@pytest.mark.parametrize(("text", "figures"), [
    ("It will produce 300,000 tonnes of copper.", ["300,000 tonnes"]),
    ("It adds 2 thousand new jobs.", ["2 thousand new jobs"]),
    ("Costs KZT47bn, or $1.2bn.", ["47bn", "1.2bn"]),
    ("Six million tonnes of ore.", ["Six million tonnes"]),
    ("In 2024-2025 the 24–25 thousand tonnes.", ["2024-2025", "24–25 thousand tonnes"]),
    ("COP28 and Q4 are not amounts.", []),
])
def test_figure_candidates(text: str, figures: list[str]) -> None:
    assert figures_of(text) == figures


def test_russian_numbers_with_space_groups() -> None:
    assert figures_of("Мощность 300 000 тонн в год.", "ru") == ["300 000 тонн"]


def test_years_with_and_without_digits() -> None:
    text = "By the end of the year, and in 2026-2027, and this year."
    scan = get_scanner("en").scan(text)
    assert [text[c.start:c.end] for c in scan.years] == ["the end of the year", "2026-2027",
                                                         "this year"]


def test_prefixes_are_matched_backwards() -> None:
    scanner = get_scanner("en")
    text = "investment of more than $10 billion"
    low = text.lower()
    start = text.index("10")
    currency = scanner.figure_prefixes.before(low[::-1], start)
    assert currency == (text.index("$"), "currency_prefix")
    qualifier = scanner.figure_prefixes.before(low[::-1], text.index("$"))
    assert qualifier == (text.index("more"), "qualifier_min")


def test_overlapping_phrases_are_all_found() -> None:
    scanner = get_scanner("en")
    text = "a copper cathode plant"
    scan = scanner.scan(text)
    found = {(text[s:s + n], pl.kind) for s, phrase in scan.hits for n, pl in scanner.found[phrase]}
    assert ("copper cathode", "product") in found
    assert ("copper", "product") in found


def test_phrases_end_at_word_boundaries() -> None:
    scan = get_scanner("en").scan("The plantation and the planted trees.")
    assert [phrase for _, phrase in scan.hits if phrase.startswith("plant")] == []


def test_languages_without_rules_are_refused() -> None:
    with pytest.raises(ValueError, match="de"):
        get_scanner("de")
    with pytest.raises(ValueError):
        get_nlp("de")

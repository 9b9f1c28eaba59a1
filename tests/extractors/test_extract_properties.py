"""Properties of ``extract`` on arbitrary text (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.extract import extract
from extractors.fact import METRICS, QUALIFIERS, SCOPES

# Fragments that make the matcher fire, mixed with arbitrary text.
FRAGMENTS = st.sampled_from([
    "$1.5 billion", "KZT47bn", "up to 300,000 tonnes", "in 2029", "by the end of 2028", " jobs",
    " projects", "In Abay region, ", "plans to build", "was launched", "\n\n", ". ", "—", "1,0",
    "(about $1.38 billion)", "Nur-Sultan", "No. 5", "₸", "  ", "\u00a0", "tonnes of copper cathode",
    "The plant", ", and ", "80-90 tonnes", "one GW", "2024-2025", "employs 240 people",
    "свыше 1 000 рабочих мест", "до 300 тыс. тонн", "в 2029 году", "«Qarmet»", "АО ",
])
TEXTS = st.lists(st.one_of(st.text(max_size=30), FRAGMENTS), max_size=25).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from(["en", "ru"]))
def test_never_raises_and_offsets_hold(text: str, lang: str) -> None:
    facts = extract(text, lang, "2025-01-01")
    for f in facts:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.evidence
        assert f.evidence in f.sentence
        assert f.metric in METRICS and f.qualifier in QUALIFIERS and f.scope in SCOPES
    assert [f.start for f in facts] == sorted(f.start for f in facts)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["en", "ru", "kk", "xx", ""]),
       st.one_of(st.none(), st.text(max_size=12)))
def test_any_language_and_date_never_raise(text: str, lang: str, published: str | None) -> None:
    assert isinstance(extract(text, lang, published), list)

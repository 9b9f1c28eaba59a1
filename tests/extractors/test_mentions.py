"""The builder readers of ``extractors.mentions`` find what the plain expressions they replace
(kept here as the reference) find with ``finditer``: every start, in the same order."""

from __future__ import annotations

import re

import pytest

from extractors import mentions

_VERBS = (r"(?:built|constructed|implemented|developed|operated|owned|run|erected|launched|"
          r"opened|commissioned|modernised|modernized|expanded)")
_REFERENCE_BUILT_BY = re.compile(r"\b" + _VERBS + r"\s+by\s+(" + mentions._NAME + r")")
_REFERENCE_SUBJECT = re.compile(r"(?:^|(?<=[.\n])\s*|,\s+)" + mentions._SUBJECT_RE.pattern, re.M)
_REFERENCE_CAMEL = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b(?:\s+[A-Z]{2,3}\b)?")

_TEXTS = [
    "The line was built by KTZ Express. Qarmet is building a mill, Kaustik opened a plant.",
    "  Foo is building.\n\n  Bar opened it",  # spaces before the first name: no clause start
    "Foo opened\nBar is building, Baz  plans to build",
    "It is run by Foo-run by Bar; it was erected by\nStadler Kazakhstan",
    "nearby Foo, standby Bar, xbuilt by Baz, built  by U.S. Steel, owned by A B C D E",
    "U.S. Steel invested. KTZ,Foo opened. A.Foo opened,\n Bar opened",
    "AgromashHolding KZ and SaryarkaAvtoProm, xAbCd and AbCd_Ef AbCdEf",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_builder_readers_match_reference_expressions(text: str) -> None:
    assert list(mentions._built_by_names(text)) == \
        [m.span(1) for m in _REFERENCE_BUILT_BY.finditer(text)]
    assert list(mentions._subject_names(text)) == \
        [m.span(1) for m in _REFERENCE_SUBJECT.finditer(text)]
    assert [m.span() for m in mentions._CAMEL_RE.finditer(text)] == \
        [m.span() for m in _REFERENCE_CAMEL.finditer(text)]

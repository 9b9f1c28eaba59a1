"""The spaCy pipeline of the extractor: built once per language, on ``spacy.blank(lang)``.

Two components, both lean because the extractor must stay within 2x of bare tokenisation:

- ``kzfacts_sentences``: splits sentences with one compiled regular expression over the text
  (a rule sentencizer that does not split after "No.", "Co.", "Ltd.", initials, or before a
  lower-case word, so "$1.5 bn. investment" stays one sentence) and marks ``is_sent_start`` on
  the first token of each sentence. ``doc._.kz_sents`` holds ``(start_char, end_char)`` pairs.
- ``kzfacts_matcher``: one ``PhraseMatcher`` on ``LOWER`` for every gazetteer and cue phrase
  (regions, companies, products, facilities, status phrases, context cues, qualifiers) and one
  ``Matcher`` for figure and year token patterns. Results land in ``doc._.kz_phrases``
  (``(label, id, start_token, end_token)``), ``doc._.kz_figures`` and ``doc._.kz_years``
  (``(start_token, end_token)``, longest non-overlapping).

All patterns come from ``extractors/patterns/*.jsonl`` (see ``patterns_io``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import numpy
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from extractors.errors import PatternError
from extractors.patterns_io import PatternEntry, load_patterns

SUPPORTED_LANGS = ("en",)

for _name in ("kz_sents", "kz_phrases", "kz_figures", "kz_years"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and an upper-case
# letter, digit or opening quote; a line break always ends one.
_BOUNDARY_RE = re.compile(r"[.!?][\"'”’)]*(?=\s+[\"“‘(]?[A-Z0-9])|\n+")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\.$")
# Abbreviations after which a full stop does not end the sentence.
_ABBREVIATIONS = frozenset({
    "no", "nos", "co", "ltd", "inc", "corp", "mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "art",
    "para", "approx", "sq", "cu", "fig", "vol", "gen", "gov", "jr", "sr", "e.g", "i.e",
})


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence ``(start, end)`` character spans of ``text``, stripped of surrounding space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY_RE.finditer(text):
        end = m.end() if m.group(0)[0] != "\n" else m.start()
        if m.group(0)[0] == ".":
            w = _WORD_BEFORE_RE.search(text, max(0, m.start() - 12), m.start() + 1)
            if w is not None:
                word = w.group(1)
                if word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                    continue
        _append_span(text, start, end, spans)
        start = m.end()
    _append_span(text, start, len(text), spans)
    return spans


def _append_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


class SentenceSplitter:
    """Pipeline component: ``doc._.kz_sents`` and ``is_sent_start`` from ``split_sentences``."""

    def __call__(self, doc: Doc) -> Doc:
        spans = split_sentences(doc.text)
        doc._.kz_sents = spans
        if len(doc):
            # one array write: setting token.is_sent_start one by one re-checks the whole doc
            # on every call (quadratic), which would cost more than the tokenizer itself
            idx = doc.to_array(IDX)
            flags = numpy.full(len(doc), -1, dtype=numpy.int64)
            pos = numpy.searchsorted(idx, [s for s, _ in spans])
            flags[pos[pos < len(doc)]] = 1
            flags[0] = 1
            doc.from_array([SENT_START], flags.view(numpy.uint64).reshape(-1, 1))
        return doc


class KzMatcher:
    """Pipeline component running the gazetteer ``PhraseMatcher`` and the figure ``Matcher``."""

    def __init__(self, nlp: Language, patterns: dict[str, list[PatternEntry]]) -> None:
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher = Matcher(nlp.vocab)
        self.entries: dict[int, PatternEntry] = {}
        phrase_groups: dict[str, list[Doc]] = {}
        for stem, entries in patterns.items():
            if stem in ("figures", "years"):
                continue
            for e in entries:
                assert isinstance(e.pattern, str)
                phrase_groups.setdefault(e.id, []).append(nlp.make_doc(e.pattern))
                self.entries[nlp.vocab.strings.add(e.id)] = e
        for pid, docs in phrase_groups.items():
            self.phrase_matcher.add(pid, docs)
        for stem, key in (("figures", "FIGURE"), ("years", "YEAR")):
            token_patterns: list[list[dict[str, Any]]] = []
            for e in patterns[stem]:
                try:
                    # validate one by one so a bad pattern is reported by its id
                    Matcher(nlp.vocab, validate=True).add(e.id, [list(e.pattern)])
                except (ValueError, KeyError, TypeError) as exc:
                    raise PatternError(f"{stem}.jsonl: id {e.id!r}: {exc}") from exc
                token_patterns.append(list(e.pattern))
            self.matcher.add(key, token_patterns, greedy="LONGEST")
        self.figure_key = nlp.vocab.strings["FIGURE"]

    def __call__(self, doc: Doc) -> Doc:
        entries = self.entries
        phrases = []
        for match_id, start, end in self.phrase_matcher(doc):
            e = entries[match_id]
            phrases.append((e.label, e.id, start, end))
        figures: list[tuple[int, int]] = []
        years: list[tuple[int, int]] = []
        fkey = self.figure_key
        for match_id, start, end in self.matcher(doc):
            (figures if match_id == fkey else years).append((start, end))
        figures.sort()
        years.sort()
        doc._.kz_phrases = phrases
        doc._.kz_figures = figures
        doc._.kz_years = years
        return doc


@Language.factory("kzfacts_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    """Factory of the rule sentence splitter."""
    return SentenceSplitter()


@Language.factory("kzfacts_matcher")
def make_kz_matcher(nlp: Language, name: str) -> KzMatcher:
    """Factory of the gazetteer and figure matcher, fed from the package's pattern files."""
    return KzMatcher(nlp, load_patterns())


@lru_cache(maxsize=4)
def get_nlp(lang: str = "en") -> Language:
    """The extractor's pipeline for ``lang``, built once per process (patterns compiled once).

    Raises ``ValueError`` for a language without rules (see ``SUPPORTED_LANGS``) and
    ``PatternError`` when a pattern file is malformed.
    """
    if lang not in SUPPORTED_LANGS:
        raise ValueError(f"no extraction rules for language {lang!r}")
    nlp = spacy.blank(lang)
    nlp.add_pipe("kzfacts_sentences")
    nlp.add_pipe("kzfacts_matcher")
    return nlp

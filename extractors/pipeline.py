"""The spaCy pipeline of the extractor: built once per language, on ``spacy.blank(lang)``.

Two components, both lean because the extractor must stay within 2x of bare tokenisation:

- ``kzfacts_sentences``: splits sentences with one compiled regular expression over the text
  (a rule sentencizer that does not split after "No.", "Co.", "Ltd.", initials, or before a
  lower-case word, so "$1.5 bn. investment" stays one sentence) and marks ``is_sent_start`` on
  the first token of each sentence only when configured to (``set_sent_starts``: it is slow).
  ``doc._.kz_sents`` holds ``(start_char, end_char)`` pairs.
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

# Abbreviations after which a full stop does not end the sentence ("No. 5", "Co., Ltd. (NFC)").
_ABBREVIATIONS = (
    "No", "Nos", "Co", "Ltd", "Inc", "Corp", "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "vs", "etc",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Art",
    "para", "approx", "sq", "cu", "fig", "Vol", "Gen", "Gov", "Jr", "Sr",
)
# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and an upper-case
# letter, digit or opening quote, unless the full stop closes an abbreviation or an initial;
# a line break always ends one. One compiled expression: the splitter runs on every release
# and must cost a fraction of tokenisation.
_BOUNDARY_RE = re.compile(
    r"(?:\.(?<!\b[A-Z]\.)"
    # lookbehinds after the full stop: tried only where a full stop matched
    + "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS)
    + r"|[!?])[\"'”’)]*[ \t]+(?=[\"“‘(]?[A-Z0-9])|\s*\n\s*"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence ``(start, end)`` character spans of ``text``, without surrounding space."""
    spans: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    for m in _BOUNDARY_RE.finditer(text):
        end = m.start() if m.group(0)[0].isspace() else m.end() - len(m.group(0)) + len(m.group(0).rstrip())
        if end > start:
            spans.append((start, end))
        start = m.end()
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    return spans


class SentenceSplitter:
    """Pipeline component: ``doc._.kz_sents`` from ``split_sentences``.

    With ``set_sent_starts=True`` it also marks ``is_sent_start`` so that ``doc.sents`` works;
    the extractor does not need it and leaves it off: spaCy validates a ``SENT_START`` write by
    walking the doc in Python, which costs twice the tokenizer (profiled)."""

    def __init__(self, set_sent_starts: bool = False) -> None:
        self.set_sent_starts = set_sent_starts

    def __call__(self, doc: Doc) -> Doc:
        # ``doc.text`` re-joins every token on each access; ``run`` passes the string along
        text = doc.user_data.get("kz_text")
        spans = split_sentences(text if isinstance(text, str) else doc.text)
        doc._.kz_sents = spans
        if self.set_sent_starts and len(doc):
            idx = doc.to_array(IDX)
            flags = numpy.full(len(doc), -1, dtype=numpy.int64)
            pos = numpy.searchsorted(idx, [s for s, _ in spans])
            flags[pos[pos < len(doc)]] = 1
            flags[0] = 1
            doc.from_array([SENT_START], flags.view(numpy.uint64).reshape(-1, 1))  # type: ignore[arg-type]
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
                assert not isinstance(e.pattern, str)  # token files hold token lists
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


@Language.factory("kzfacts_sentences", default_config={"set_sent_starts": False})
def make_sentence_splitter(nlp: Language, name: str, set_sent_starts: bool) -> SentenceSplitter:
    """Factory of the rule sentence splitter."""
    return SentenceSplitter(set_sent_starts)


@Language.factory("kzfacts_matcher")
def make_kz_matcher(nlp: Language, name: str) -> KzMatcher:
    """Factory of the gazetteer and figure matcher, fed from the package's pattern files."""
    return KzMatcher(nlp, load_patterns())


def run(nlp: Language, text: str) -> Doc:
    """``nlp(text)`` without re-joining the text from tokens in the components (same result)."""
    doc = nlp.make_doc(text)
    doc.user_data["kz_text"] = text
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def get_nlp(lang: str = "en") -> Language:
    """The extractor's pipeline for ``lang``, built once per process (patterns compiled once).

    Raises ``ValueError`` for a language without rules (see ``SUPPORTED_LANGS``) and
    ``PatternError`` when a pattern file is malformed.
    """
    return _build(lang)


@lru_cache(maxsize=4)
def _build(lang: str) -> Language:
    if lang not in SUPPORTED_LANGS:
        raise ValueError(f"no extraction rules for language {lang!r}")
    nlp = spacy.blank(lang)
    nlp.add_pipe("kzfacts_sentences")
    nlp.add_pipe("kzfacts_matcher")
    return nlp

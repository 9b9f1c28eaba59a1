"""The spaCy pipeline of the extractor: built once per language (en, ru), on ``spacy.blank(lang)``.

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

All patterns come from ``extractors/patterns/*.jsonl`` (``*.ru.jsonl`` for Russian; see
``patterns_io``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import numpy
import spacy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from extractors.attribution import Mention
from extractors.errors import PatternError
from extractors.patterns_io import PatternEntry, load_patterns

SUPPORTED_LANGS = ("en", "ru")

for _name in ("kz_sents", "kz_phrases", "kz_figures", "kz_years"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

# Abbreviations after which a full stop does not end the sentence ("No. 5", "Co., Ltd. (NFC)").
_ABBREVIATIONS = (
    "No", "Nos", "Co", "Ltd", "Inc", "Corp", "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "vs", "etc",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Art",
    "para", "approx", "sq", "cu", "fig", "Vol", "Gen", "Gov", "Jr", "Sr",
    # Russian: "г. Алматы", "ул. Абая", "им. Сатпаева", "проф.", "обл."
    "г", "гг", "ул", "им", "проф", "обл", "пос", "с", "т",
)
# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and an upper-case
# letter, digit or opening quote, unless the full stop closes an abbreviation or an initial;
# a line break always ends one. One compiled expression: the splitter runs on every release
# and must cost a fraction of tokenisation.
_BOUNDARY_RE = re.compile(
    r"(?:\.(?<!\b[A-Z]\.)"
    # lookbehinds after the full stop: tried only where a full stop matched
    + "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS)
    + r"(?<!\b[А-ЯЁ]\.)"
    + r"|[!?])[\"'”’»)]*[ \t]+(?=[\"“‘«(]?[A-ZА-ЯЁ0-9])|\s*\n\s*"
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
    return KzMatcher(nlp, load_patterns(lang=nlp.lang or "en"))


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


# --- from the matcher's output to mentions ---------------------------------------------------
class Offsets:
    """Character offsets of tokens, read once from the doc's arrays (cheaper than spans)."""

    def __init__(self, doc: Doc) -> None:
        arr = doc.to_array([IDX, LENGTH])
        self.starts: list[int] = arr[:, 0].tolist() if len(doc) else []
        self.ends: list[int] = (arr[:, 0] + arr[:, 1]).tolist() if len(doc) else []
        self.sent_starts = frozenset(s for s, _ in doc._.kz_sents)

    def chars(self, tok_start: int, tok_end: int) -> tuple[int, int]:
        return self.starts[tok_start], self.ends[tok_end - 1]

    def is_sent_start(self, i: int) -> bool:
        return i == 0 or self.starts[i] in self.sent_starts


def collect_mentions(doc: Doc, text: str, offs: Offsets) -> list[Mention]:
    """Gazetteer and cue matches as ``Mention``s; overlapping gazetteer matches keep the longest."""
    out: list[Mention] = []
    best: dict[str, list[tuple[int, int, str, str]]] = {}
    for label, pid, start, end in doc._.kz_phrases:
        parts = pid.split(":")
        kind = parts[0]
        if label == "REGION_NAME":
            continue
        if label == "REGION_BARE" and _inside_proper_name(doc, offs, start, end):
            continue
        if kind == "facility" and label == "FACILITY_PLURAL":
            kind = "facility_plural"
        if kind == "cue":
            out.append(Mention("cue", parts[1], "", *offs.chars(start, end), start, end))
            continue
        best.setdefault(kind, []).append((start, end, label, pid))
    for kind, spans in best.items():
        spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
        taken: list[tuple[int, int]] = []
        for start, end, _label, pid in spans:
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            parts = pid.split(":")
            key = parts[1] if kind == "region" else parts[1].replace("_", " ")
            if kind == "company":
                a, b = offs.chars(start, end)
                key = text[a:b]  # as written, not the id's slug
            extra = ""
            if kind in ("facility", "facility_plural"):
                extra = "" if parts[2] == "-" else parts[2].replace("_", " ")
            out.append(Mention(kind, key, extra, *offs.chars(start, end), start, end))
    out.extend(_company_mentions(doc, text, offs))
    out.sort(key=lambda m: m.start)
    return out


def _inside_proper_name(doc: Doc, offs: Offsets, start: int, end: int) -> bool:
    """A bare place name flanked by capitalised words is part of a name ("Big Almaty Ring Road")."""
    if (start > 0 and doc[start - 1].text in "-–") or (end < len(doc) and doc[end].text in "-–"):
        return True  # "Bakhty-Ayagoz railway", "Karaganda-Almaty road": a route, not a place
    if start > 0:
        prev = doc[start - 1]
        if prev.is_title and not offs.is_sent_start(start - 1) and \
                prev.lower_ not in ("in", "at", "near", "of", "в", "во", "на", "под", "около"):
            return True
    if end < len(doc):
        nxt = doc[end]
        if nxt.is_title and nxt.lower_ not in ("region", "oblast", "city", "область", "области"):
            return True
    return False


_OPEN_QUOTES = frozenset({"«", "\"", "“", "„"})
_CLOSE_QUOTES = frozenset({"»", "\"", "”", "“"})
_NAME_STOP = frozenset({"the", "a", "an", "in", "at", "on", "by", "for", "and", "with", "from",
                        "of", "to", "company", "companies", "its", "this", "that"})


def _company_mentions(doc: Doc, text: str, offs: Offsets) -> list[Mention]:
    """Companies written with a legal form: "Qarmet JSC", "KazAzot Prime LLP", "JSC Kazakhtelecom"."""
    out: list[Mention] = []

    def name_token(k: int) -> bool:
        tok = doc[k]
        if tok.lower_ in _NAME_STOP:
            return False
        # "Hot-dip": a lower-case part joined by a hyphen stays in the name
        return tok.is_title or tok.is_upper or tok.text == "-" or (k > 0 and doc[k - 1].text == "-")

    for label, _pid, start, end in doc._.kz_phrases:
        if label != "LEGAL_FORM":
            continue
        i = start - 1
        while i >= 0 and start - i <= 6 and name_token(i):
            if offs.is_sent_start(i):
                i -= 1
                break
            i -= 1
        first = i + 1
        if first < start and doc[first].text != "-":
            a, b = offs.chars(first, start)
            out.append(Mention("company", text[a:b], "", a, b, first, start))
            continue
        j = end
        if j < len(doc) and doc[j].text in _OPEN_QUOTES:
            # "АО «Qarmet»", 'LLP "Jambyl Cement"': the name is what the quotes hold
            k = j + 1
            while k < len(doc) and k - j <= 8 and doc[k].text not in _CLOSE_QUOTES:
                k += 1
            if k < len(doc) and k > j + 1:
                a, b = offs.chars(j + 1, k)
                out.append(Mention("company", text[a:b], "", a, b, j + 1, k))
            continue
        while j < len(doc) and j - end < 4 and name_token(j):
            j += 1
        if j > end and doc[start].text == "JSC":
            a, b = offs.chars(end, j)
            out.append(Mention("company", text[a:b], "", a, b, end, j))
    return out

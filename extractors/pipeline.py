"""The extractor's front end: sentences, gazetteer mentions and figure and year candidates of a
release, found by regular expressions compiled once per language from ``extractors/patterns``.

The extractor must stay within 2x of bare spaCy tokenisation, so nothing here walks the release
token by token in Python:

- sentences: ``split_sentences``, one compiled expression (does not split after "No.", "Co.",
  "Ltd.", initials, or before a lower-case word);
- gazetteer and cue phrases (regions, companies, products, facilities, status phrases, context
  cues, number words): one trie-shaped alternation over the lower-cased text, tried only where a
  word starts, inside a look-ahead so that overlapping phrases are all found (the shorter
  phrases that start where a longer one does come from a table built with the expression);
- figures and years: the ``FIGURE`` and ``YEAR`` expressions of ``figures.jsonl`` and
  ``years.jsonl`` joined into one alternation each (earlier entries win at a position); the
  figure scan looks for digits, figures spelled out ("six million tonnes") are tried where the
  gazetteer scan found a number word;
- the qualifier, currency and year prefixes of ``cues.jsonl`` ("up to", "$", "by the end of")
  are matched backwards from the start of a figure or year, on the reversed text.

spaCy (``spacy.blank(lang)``, see ``get_nlp``) tokenises only what token rules need: the
sentence around a legal form, where a company name is read token by token ("Kazakhstan Soda
LLP", 'LLP "Jambyl Cement"', "АО «Qarmet»").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from re import _constants as sre_c  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, NamedTuple

import spacy
from spacy.language import Language

from extractors.patterns_io import PatternEntry, expand, load_patterns, trie_regex

SUPPORTED_LANGS = ("en", "ru", "kk")

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
# a line break always ends one. The expression starts with the set of stop characters, so that
# ``re`` skips to them in C; the abbreviations are grouped by length into one look-behind each.
_TAIL = r"[\"'”’»)]*[ \t]+(?=[\"“‘«(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])"


def _abbreviation_lookbehinds() -> str:
    by_len: dict[int, list[str]] = {}
    for a in _ABBREVIATIONS:
        by_len.setdefault(len(a), []).append(re.escape(a))
    return "".join(rf"(?<!\b(?:{'|'.join(sorted(group))})\.)" for _, group in sorted(by_len.items()))


_BOUNDARY_RE = re.compile(
    r"[.!?\n](?:(?<=\n)\s*"
    + rf"|(?<=[!?]){_TAIL}"
    + r"|(?<=\.)(?<!\b[A-Z]\.)(?<!\b[А-ЯЁ]\.)" + _abbreviation_lookbehinds() + _TAIL + ")"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence ``(start, end)`` character spans of ``text``, without surrounding space."""
    spans: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    for m in _BOUNDARY_RE.finditer(text):
        p, q = m.span()
        if text[p] == "\n":
            end = p
            while end > start and text[end - 1].isspace():
                end -= 1
        else:
            end = p + 1
        if end > start:
            spans.append((start, end))
        start = q
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    return spans


class Mention(NamedTuple):
    """A gazetteer or cue match: ``kind`` (region, company, product, facility, facility_plural,
    status, cue, legal_form, number), ``key`` (region code, product, facility type, cue name,
    status value...), ``extra`` (implied product of a facility), character offsets."""

    kind: str
    key: str
    extra: str
    start: int
    end: int


@dataclass(frozen=True)
class _Payload:
    """What one gazetteer entry says when its phrase is found."""

    label: str
    kind: str
    key: str
    extra: str


class Candidate(NamedTuple):
    """A figure or year expression: offsets and the id of the pattern that matched."""

    start: int
    end: int
    pattern_id: str


@dataclass
class Scan:
    """What the front end found in one release."""

    text: str
    low: str  # ``text`` lower-cased, same length
    sentences: list[tuple[int, int]]
    # gazetteer matches: (start, phrase) of the longest phrase at each start (see
    # ``Scanner.found`` for all that the phrase stands for)
    hits: list[tuple[int, str]]
    figures: list[Candidate]
    years: list[Candidate]


# cue names matched backwards from a figure or a year instead of by the gazetteer scan
FIGURE_PREFIX_CUES = ("qualifier_", "currency_prefix")
YEAR_PREFIX_CUES = ("year_prefix",)
# characters after which a word (and so a phrase) may start
_WORD_START = "\\s\\-–—(«\"“'‘/"


def _norm_phrase(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _payload(e: PatternEntry) -> _Payload:
    parts = e.id.split(":")
    kind = parts[0]
    if kind == "facility" and e.label == "FACILITY_PLURAL":
        kind = "facility_plural"
    # region codes, cue names and status values as written; products, facilities: with spaces
    key = parts[1] if kind in ("region", "cue", "status") else parts[1].replace("_", " ")
    extra = ""
    if kind in ("facility", "facility_plural"):
        extra = "" if len(parts) < 3 or parts[2] == "-" else parts[2].replace("_", " ")
    return _Payload(e.label, kind, key, extra)


class _Prefixes:
    """Phrases that may stand right before a figure or year, matched backwards from its start."""

    def __init__(self, entries: list[tuple[str, str]]) -> None:
        self.key_of: dict[str, str] = {}
        alts = []
        for phrase, key in entries:
            p = _norm_phrase(phrase)
            self.key_of.setdefault(p[::-1], key)
        for rev in sorted(self.key_of, key=lambda r: (-len(r), r)):
            body = "[ ]".join(re.escape(w) for w in rev.split(" "))
            alts.append(body + (r"(?!\w)" if rev[-1].isalnum() else ""))
        # at most one space between the phrase and the figure (adjacent tokens)
        self.rx = re.compile("[ ]?(" + "|".join(alts) + ")") if alts else None

    def before(self, rev: str, pos: int) -> tuple[int, str] | None:
        """``(start, key)`` of the longest phrase ending right before ``pos`` (``rev`` is the
        reversed lower-cased text), or None."""
        if self.rx is None or pos == 0:
            return None
        n = len(rev)
        m = self.rx.match(rev, n - pos)
        if m is None:
            return None
        return n - m.end(), self.key_of[m.group(1)]


class Scanner:
    """The compiled expressions of one language (built once per process, see ``get_scanner``)."""

    def __init__(self, lang: str) -> None:
        patterns = load_patterns(lang=lang)
        self.lang = lang
        macros = {e.id: e for stem in ("figures", "years") for e in patterns[stem]
                  if e.label in ("WORDS", "REGEX")}
        # --- gazetteer -----------------------------------------------------------------
        by_phrase: dict[str, list[_Payload]] = {}
        figure_prefixes: list[tuple[str, str]] = []
        year_prefixes: list[tuple[str, str]] = []
        for stem, entries in patterns.items():
            if stem in ("figures", "years"):
                continue
            for e in entries:
                assert isinstance(e.pattern, str)
                if e.label == "REGION_NAME":
                    continue  # names that merely contain a place; they mark nothing
                payload = _payload(e)
                if payload.kind == "cue" and payload.key.startswith(FIGURE_PREFIX_CUES):
                    figure_prefixes.append((e.pattern, payload.key))
                    continue
                if payload.kind == "cue" and payload.key.startswith(YEAR_PREFIX_CUES):
                    year_prefixes.append((e.pattern, payload.key))
                    continue
                by_phrase.setdefault(_norm_phrase(e.pattern), []).append(payload)
        number_words = macros.get("words.number")
        if number_words is not None:
            for w in number_words.pattern:
                by_phrase.setdefault(_norm_phrase(w), []).append(
                    _Payload("NUMBER", "number", w, ""))
        # a year expression that is just a word list ("this year") is a gazetteer phrase
        year_regexes: list[PatternEntry] = []
        for e in patterns["years"]:
            if e.label != "YEAR":
                continue
            words = _WORDS_ONLY_RE.fullmatch(str(e.pattern))
            if words and words.group(1) in macros and macros[words.group(1)].label == "WORDS":
                for w in macros[words.group(1)].pattern:
                    by_phrase.setdefault(_norm_phrase(w), []).append(_Payload("YEAR", "year", e.id, ""))
            else:
                year_regexes.append(e)
        self.figure_prefixes = _Prefixes(figure_prefixes)
        self.year_prefixes = _Prefixes(year_prefixes)
        # phrase -> (length, payload) of it and of every shorter phrase it starts with
        self.found: dict[str, tuple[tuple[int, _Payload], ...]] = {}
        for p in by_phrase:
            hits = [(len(p), pl) for pl in by_phrase[p]]
            for k in range(1, len(p)):
                q = p[:k]
                if q in by_phrase and (not p[k].isalnum() or not q[-1].isalnum()):
                    hits += [(k, pl) for pl in by_phrase[q]]
            self.found[p] = tuple(hits)
        # phrases that are (or start with) a number word or a year phrase
        self._special = frozenset(p for p, hits in self.found.items()
                                  if any(pl.kind in ("number", "year") for _, pl in hits))
        # the same, split for ``mentions.collect_mentions``: cue names, and other gazetteer
        # entries without those a longer phrase of the same kind at the same start overrides
        # (longest match wins); number words and year phrases are read by ``scan``
        self.cues_of: dict[str, tuple[tuple[int, str], ...]] = {}
        self.others_of: dict[str, tuple[tuple[int, _Payload], ...]] = {}
        for p, found in self.found.items():
            self.cues_of[p] = tuple((n, pl.key) for n, pl in found if pl.kind == "cue")
            others: list[tuple[int, _Payload]] = []
            for n, pl in found:  # longest first
                if pl.kind in ("cue", "number", "year"):
                    continue
                if any(o.kind == pl.kind and o.label != "REGION_BARE" for _, o in others):
                    continue
                others.append((n, pl))
            self.others_of[p] = tuple(others)
        word_phrases = [p for p in by_phrase if p[0].isalnum()]
        other_phrases = [p for p in by_phrase if not p[0].isalnum()]
        body = trie_regex(word_phrases)
        # a phrase starts after a space or punctuation and ends at a word boundary; the
        # look-ahead lets the next phrase start inside this one
        self.gazetteer = re.compile(f"[{_WORD_START}](?=({body})(?!\\w))")
        self.gazetteer_other = _other_phrases_regex(other_phrases) if other_phrases else None
        # --- figures and years -----------------------------------------------------------
        figure_regexes = [e for e in patterns["figures"] if e.label == "FIGURE"]
        self.figures_scan = _alternation(figure_regexes, macros, digits_only=True, scan=True)
        self.figures_at = _alternation(figure_regexes, macros, digits_only=False, scan=False)
        self.years = _alternation(year_regexes, macros, digits_only=True, scan=False)

    def scan(self, text: str) -> Scan:
        """Sentences, gazetteer matches and figure and year candidates of ``text``."""
        low = text.lower()
        if len(low) != len(text):  # a rare character whose lower case is longer ("İ")
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        # the padding space shifts positions by one: m.start() is where the phrase starts
        hits = [(m.start(), m.group(1)) for m in self.gazetteer.finditer(" " + low)]
        if self.gazetteer_other is not None:
            hits += [(m.start(), m.group(1)) for m in self.gazetteer_other.finditer(low)]
            hits.sort()
        numbers: list[int] = []
        word_years: list[Candidate] = []
        special = self._special
        for start, phrase in hits:
            if phrase in special:
                for length, pl in self.found[phrase]:
                    if pl.kind == "number":
                        numbers.append(start)
                    elif pl.kind == "year":
                        word_years.append(Candidate(start, start + length, pl.key))
        figures = _candidates(self.figures_scan, low)
        # a year is a number too: the year expressions are tried where a figure starts
        years = word_years
        year_rx, year_ids = self.years
        for c in figures:
            if low[c.start:c.start + 4].isdigit():
                at = year_rx.match(low, c.start)
                if at is not None and at.lastgroup is not None:
                    years.append(Candidate(c.start, at.end(at.lastgroup),
                                           year_ids[int(at.lastgroup[1:])]))
        if word_years:
            years.sort()
        if numbers:
            rx, ids = self.figures_at
            taken = [(c.start, c.end) for c in figures]
            for pos in numbers:
                if any(s <= pos < e for s, e in taken):
                    continue
                at = rx.match(low, pos)
                if at is not None and at.lastgroup is not None:
                    figures.append(Candidate(pos, at.end(at.lastgroup), ids[int(at.lastgroup[1:])]))
            figures.sort()
        return Scan(text, low, split_sentences(text), hits, figures, years)


_WORDS_ONLY_RE = re.compile(r"\{([a-z][a-z0-9_.]*)\}")


def _other_phrases_regex(phrases: list[str]) -> re.Pattern[str]:
    """The phrases that start with punctuation ("/year"), found wherever they start: group 1
    of a match starting at the phrase. As in ``_alternation``, the look-ahead sits behind the
    set of the phrases' first characters, so that ``re`` skips other characters in C instead
    of trying the look-ahead at every position of the text."""
    body = trie_regex(phrases)
    first = _first_chars(body)
    if first:
        return re.compile(f"[{first}](?<=(?=({body}))[\\s\\S])")
    return re.compile(f"(?=({body}))")


def _alternation(entries: list[PatternEntry], macros: dict[str, PatternEntry], digits_only: bool,
                 scan: bool) -> tuple[re.Pattern[str], list[str]]:
    """One expression trying ``entries`` in order; entry ``n`` ends with group ``g<n>``.

    Consecutive entries that start with ``{num}`` share it: the number is matched once and
    their remainders are tried after it (``{num}(?:(?P<g0>...)|(?P<g1>...))``), so a match
    starts where the whole expression does and ends where its ``g<n>`` group ends. With
    ``scan``, the alternation sits in a look-ahead behind the set of characters any entry can
    start with (``[<first>](?<=(?=...)[\\s\\S])``): ``re`` then skips other characters in C
    instead of trying every alternative at every position."""
    ids = [e.id for e in entries]
    parts: list[str] = []
    shared: list[str] = []

    def close_shared() -> None:
        if shared:
            parts.append(expand("{num}", macros, digits_only) + "(?:" + "|".join(shared) + ")")
            shared.clear()

    for n, e in enumerate(entries):
        pattern = str(e.pattern)
        if pattern.startswith("{num}"):
            shared.append(f"(?P<g{n}>{expand(pattern[len('{num}'):], macros, digits_only)})")
        else:
            close_shared()
            parts.append(f"(?P<g{n}>{expand(pattern, macros, digits_only)})")
    close_shared()
    body = "|".join(parts)
    if scan:
        first = _first_chars(body)
        if first:
            return re.compile(f"[{first}](?<=(?={body})[\\s\\S])"), ids
    return re.compile(body), ids


def _candidates(compiled: tuple[re.Pattern[str], list[str]], text: str) -> list[Candidate]:
    """Non-overlapping matches of an ``_alternation`` in ``text``, leftmost first."""
    rx, ids = compiled
    out: list[Candidate] = []
    last_end = -1
    for m in rx.finditer(text):
        group = m.lastgroup
        start = m.start()
        if group is None or start < last_end:
            continue  # inside the previous candidate ("300,000": not again at "00,000")
        end = m.end(group)
        out.append(Candidate(start, end, ids[int(group[1:])]))
        last_end = end
    return out


def _first_chars(pattern: str) -> str | None:
    """A character class body of the characters ``pattern`` can start with, or None when that
    cannot be told (a pattern that may be empty, starts with any character, a negated set...)."""
    try:
        parsed = sre_parse.parse(pattern)
        items, nullable = _first_of_seq(list(parsed), False)
    except (ValueError, TypeError, re.error):
        return None
    if nullable or not items:
        return None
    return "".join(sorted(items))


def _first_of_seq(seq: list[Any], ignorecase: bool) -> tuple[set[str], bool]:
    items: set[str] = set()
    for op, av in seq:
        if op in (sre_c.ASSERT, sre_c.ASSERT_NOT, sre_c.AT):
            continue  # zero-width
        first, nullable = _first_of_op(op, av, ignorecase)
        items |= first
        if not nullable:
            return items, False
    return items, True


def _first_of_op(op: Any, av: Any, ignorecase: bool) -> tuple[set[str], bool]:
    def lit(code: int) -> set[str]:
        ch = chr(code)
        chars = {ch, ch.lower(), ch.upper()} if ignorecase else {ch}
        return {re.escape(c) for c in chars if len(c) == 1}

    if op is sre_c.LITERAL:
        return lit(av), False
    if op is sre_c.IN:
        out: set[str] = set()
        for iop, iav in av:
            if iop is sre_c.LITERAL:
                out |= lit(iav)
            elif iop is sre_c.RANGE:
                lo, hi = iav
                out.add(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}")
                if ignorecase:
                    out.add(f"{re.escape(chr(lo).upper())}-{re.escape(chr(hi).upper())}")
                    out.add(f"{re.escape(chr(lo).lower())}-{re.escape(chr(hi).lower())}")
            elif iop is sre_c.CATEGORY and iav in _CATEGORIES:
                out.add(_CATEGORIES[iav])
            else:
                raise ValueError("set not supported")
        return out, False
    if op is sre_c.BRANCH:
        out = set()
        nullable = False
        for alt in av[1]:
            first, n = _first_of_seq(list(alt), ignorecase)
            out |= first
            nullable = nullable or n
        return out, nullable
    if op is sre_c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        ic = (ignorecase or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
        return _first_of_seq(list(sub), ic)
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT):
        lo, _hi, item = av
        first, nullable = _first_of_seq(list(item), ignorecase)
        return first, nullable or lo == 0
    raise ValueError(f"operator {op} not supported")


_CATEGORIES = {sre_c.CATEGORY_DIGIT: r"\d", sre_c.CATEGORY_WORD: r"\w",
               sre_c.CATEGORY_SPACE: r"\s"}


@lru_cache(maxsize=4)
def get_scanner(lang: str) -> Scanner:
    """The scanner of ``lang``, built once per process. Raises ``ValueError`` for a language
    without rules and ``PatternError`` when a pattern file is malformed."""
    if lang not in SUPPORTED_LANGS:
        raise ValueError(f"no extraction rules for language {lang!r}")
    return Scanner(lang)


def get_nlp(lang: str = "en") -> Language:
    """``spacy.blank(lang)`` for the token rules, with the scanner of ``lang`` built alongside
    (both once per process). Raises like ``get_scanner``."""
    get_scanner(lang)
    return _blank(lang)


# spaCy has no Kazakh language class: its multi-language tokeniser stands in
_SPACY_LANG = {"kk": "xx"}


@lru_cache(maxsize=4)
def _blank(lang: str) -> Language:
    return spacy.blank(_SPACY_LANG.get(lang, lang))

"""Dates of a release: which year and month expressions are ``commissioning`` facts.

Year expressions ("in 2027", "by the end of next year", "2029 жылы", "не ранее 2028 года") are
read with the prefix the scanner's year prefixes take in; relative years ("this year",
"келесі жылы") are dated by the publication. A year becomes a ``commissioning`` fact only in a
clause about launch or completion: the verb cue nearest to it must speak of commissioning, not
of the start of construction. A month, quarter or half-year without its year ("commissioned in
September", "in the second quarter", "в первом полугодии") is dated by the publication, the
tense of its clause choosing the year before or after; "38 projects are scheduled for the first
quarter" dates a launch with no launch verb. A capacity's
``target_year`` is the year phrase of its sentence that dates a target ("by 2028").

``DateReading`` is a part of ``extract._Extraction``: it reads the state that class sets up.
"""

from __future__ import annotations

import re

from extractors.attribution import DocContext
from extractors.fact import Fact
from extractors.figure_parse import parse_year
from extractors.pipeline import Mention, Scan, Scanner
from extractors.rules import LanguageRules
from extractors.units import QUARTER_ORDINALS, QUARTER_WORDS, month_of

# cue names asked for by the rules below (built once, not per call)
_CUES_COMMISSION = frozenset({"commission", "strong_commission"})
_CUES_CONSTRUCTION_START = frozenset({"construction_start"})
# the construction itself, not its launch ("launched the construction"); also read by status
CUES_CONSTRUCTION_WORD = frozenset({"construction_word"})
_CUES_START_WORD = frozenset({"start_word"})
# works that come before a project ("design work is to be finished in 2025"): their completion
# is not the project's
_CUES_PREPARATORY = frozenset({"preparatory_work"})
# after a bare month or quarter: its day or year ("December 2025", "June 1", "the first quarter
# of 2026", "первом квартале 2027 года") or a range of months
_MONTH_CONTINUES = re.compile(r"\s*(?:[-–—]|\d)|\s+of\b")
# half-year nouns ("the first half", "в первом полугодии"); the quarter nouns are QUARTER_WORDS
_HALF_WORDS = ("half", "полугоди")
_ARTICLES = frozenset({"the"})

# a part of a year without the year: (first month, last month, the ``when`` after "YYYY-")
Period = tuple[int, int, str]

YearSpan = tuple[int, int, str | None]  # (start, end, first word of the prefix)


def read_year_spans(scanner: Scanner, scan: Scan, rev: str,
                    rules: LanguageRules) -> tuple[list[YearSpan], dict[int, Period]]:
    """Year expressions of ``scan`` with the prefix they take in (``rev``: the lower-cased text
    reversed, as ``Scanner.year_prefixes`` reads it), and the months, quarters and half-years
    without their year ("in October", "in the second quarter", "в первом полугодии"), dated by
    the publication: start -> period."""
    text = scan.text
    year_spans: list[YearSpan] = []
    month_only: dict[int, Period] = {}
    for c in scan.years:
        prefix = scanner.year_prefixes.before(rev, c.start)
        month = _bare_period(text, c.start, c.end)
        if month is not None:
            if rules.month_tense is None:
                continue
            # a month needs its preposition ("in October", "by June"); "in January-September"
            # is a reporting period and "December 2025" a full date read from its year
            if prefix is None or _MONTH_CONTINUES.match(text, c.end):
                continue
            month_only[prefix[0]] = month
        if prefix is None and rules.year_suffix and " " in text[c.start:c.end]:
            # "2029 жылы", "2028 жылға дейін": the postposition at the end
            last = text[c.start:c.end].rsplit(None, 1)[-1].lower()
            year_spans.append((c.start, c.end, last))
        elif prefix is None:
            year_spans.append((c.start, c.end, None))
        else:
            first = text[prefix[0]:c.start].split(None, 1)[0].lower()
            year_spans.append((prefix[0], c.end, first))
    return year_spans, month_only


class DateReading:
    """Commissioning dates and target years of one release (a part of
    ``extract._Extraction``)."""

    text: str
    lang: str
    scan: Scan
    rules: LanguageRules
    ctx: DocContext
    published_year: int | None
    published_month: int | None
    year_spans: list[YearSpan]  # from ``read_year_spans``
    _month_only: dict[int, Period]  # start -> month or quarter, from ``read_year_spans``

    def _year_facts(self, figures: list[Fact]) -> list[Fact]:
        text, ctx = self.text, self.ctx
        out: list[Fact] = []
        figure_spans = [(f.start, f.end) for f in figures]
        read: set[tuple[int, int]] = set()
        for start, end, first in self.year_spans:
            if first is None:
                if text[start].isdigit():
                    continue  # a bare year ("2024 results") dates nothing
                if prev_word(text, start) in self.rules.year_of_words:
                    continue  # "the projects of this year": which projects, not when
                first = text[start:end].split(None, 1)[0].lower()
            if any(s < end and start < e for s, e in figure_spans) or (start, end) in read:
                continue  # "before the end of this year" is read once, not again as "this year"
            read.add((start, end))
            i = ctx.sentence_index(start)
            if i < 0:
                continue
            c_start, c_end = ctx.sentences[i].clause_span(start)
            if not self._is_commissioning_year(i, c_start, c_end, start, end):
                continue
            if first in self.rules.skip_year_words:
                continue
            # "its launch has been moved to 2027" is a date; "from 2020 to 2025" a period
            if first == "to" and prev_word(text, start) not in self.rules.moved_to_words:
                continue
            # "for 2024-2028" is a plan period; "scheduled for 2029" is a date
            if first == self.rules.plan_period_word and \
                    prev_word(text, start) not in self.rules.scheduled_words:
                continue
            if start in self._month_only:
                parsed = self._month_date(text[start:end], self._month_only[start], c_start, c_end)
            else:
                parsed = self._parse_year(text[start:end])
            if parsed is None:
                continue
            year, year_max, qualifier, when = parsed
            out.append(Fact(metric="commissioning", value=year, unit="year", qualifier=qualifier,
                            value_max=year_max, when=when, evidence=text[start:end], start=start,
                            end=end, sentence=ctx.sentence_text(i)))
        return self._finest(out)

    def _finest(self, facts: list[Fact]) -> list[Fact]:
        """One date per launch: "This year, 90 schools are to be handed over in August" gives
        the month, not also the year it falls in (a year of the same clause that a finer date
        of the clause, a month or a quarter, repeats)."""
        ctx = self.ctx

        def clause(f: Fact) -> tuple[int, int]:
            i = ctx.sentence_index(f.start)
            return ctx.sentences[i].clause_span(f.start)

        finer = {(clause(f), f.value) for f in facts
                 if f.when and f.when.startswith(f"{f.value}-") and f.value_max is None}
        return [f for f in facts if not (f.when == str(f.value) and f.qualifier == "eq"
                                         and (clause(f), f.value) in finer)]

    def _is_commissioning_year(self, i: int, c_start: int, c_end: int, start: int,
                               end: int) -> bool:
        """Whether the year at ``[start, end)`` dates a launch or completion: the verb cue
        nearest to it in its clause must speak of commissioning, not of the start of
        construction ("Construction started in 2023 and will be completed in 2025")."""
        ctx = self.ctx
        positive = ctx.cues_in(i, c_start, c_end, _CUES_COMMISSION)
        if self.rules.not_launch_before:  # "500 жұмыс орнын ашу": jobs opened, not a launch
            positive = [m for m in positive
                        if prev_word(self.text, m.start) not in self.rules.not_launch_before]
        # "The design work is to be finished in 2025": the works before the project end, the
        # project is not launched
        preparatory = ctx.cues_in(i, c_start, c_end, _CUES_PREPARATORY)
        if preparatory:
            positive = [m for m in positive if not any(p.end <= m.start for p in preparatory)]
        if not positive:
            return self._projects_scheduled(c_start, start)
        negative = ctx.cues_in(i, c_start, c_end, _CUES_CONSTRUCTION_START)
        if ctx.cues_in(i, c_start, c_end, CUES_CONSTRUCTION_WORD):
            negative += ctx.cues_in(i, c_start, c_end, _CUES_START_WORD)
        if not negative:
            return True

        def distance(m: Mention) -> int:
            return start - m.end if m.end <= start else m.start - end if m.start >= end else 0

        spans_neg = {(m.start, m.end) for m in negative}
        positive = [m for m in positive if (m.start, m.end) not in spans_neg
                    and not any(a <= m.start and m.end <= b for a, b in spans_neg)]
        if not positive:
            return False
        return min(distance(m) for m in positive) < min(distance(m) for m in negative)

    def _projects_scheduled(self, c_start: int, start: int) -> bool:
        """"Of these, 38 projects are scheduled for the first quarter": projects (a count of
        them is the subject) scheduled for a date are launched then, with no launch verb."""
        if prev_word(self.text, start) not in self.rules.scheduled_words:
            return False
        words = re.findall(r"\w+", self.scan.low[c_start:start])
        return any(self.rules.count_noun.match(w) for w in words)

    def _parse_year(self, phrase: str) -> tuple[int, int | None, str, str] | None:
        low = " ".join(phrase.lower().split())
        for ending, offset in self.rules.relative_years:
            if low.endswith(ending):
                if self.published_year is None:
                    return None
                year = self.published_year + offset
                qualifier = "max" if low.startswith(self.rules.max_prefixes) else "eq"
                return year, None, qualifier, str(year)
        parsed = parse_year(phrase, self.lang)
        if parsed is None:
            return None
        # "не ранее 2028 года" is a minimum; "since 2020" never gets here (skip_year_words)
        qualifier = parsed.qualifier if parsed.qualifier in ("eq", "max", "min", "range") \
            else "eq"
        return parsed.year, parsed.year_max, qualifier, parsed.when

    def _month_date(self, phrase: str, period: Period, c_start: int,
                    c_end: int) -> tuple[int, int | None, str, str] | None:
        """"in October", "in the second quarter" (no year): the publication's year, the one
        before for a past event in a later period ("was opened in December" published in
        January), the one after for a future event in a period already over ("will be launched
        in the first quarter" published in November)."""
        if self.published_year is None or self.published_month is None or \
                self.rules.month_tense is None:
            return None
        past, future = self.rules.month_tense
        first_month, last_month, suffix = period
        year = self.published_year
        clause = self.scan.low[c_start:c_end]
        if first_month > self.published_month and past.search(clause) and \
                not future.search(clause):
            year -= 1
        elif last_month < self.published_month and future.search(clause):
            year += 1
        low = " ".join(phrase.lower().split())
        qualifier = "max" if low.startswith(self.rules.max_prefixes) else "eq"
        return year, None, qualifier, f"{year}-{suffix}"

    def _target_year(self, i: int, pos: int) -> int | None:
        ctx = self.ctx
        for a, b, first in self.year_spans:
            if first not in self.rules.target_year_words or a in self._month_only:
                continue
            if ctx.sentence_index(a) == i:
                y = self._parse_year(self.text[a:b])
                if y is not None:
                    return y[0]
        return None


def prev_word(text: str, pos: int) -> str:
    """The lower-cased token before ``pos`` on its line ("" at the start): a word or one
    punctuation character."""
    j = pos
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == 0 or text[j - 1] == "\n":
        return ""
    k = j - 1
    if text[k].isalnum():
        while k > 0 and text[k - 1].isalnum():
            k -= 1
    return text[k:j].lower()


def _bare_period(text: str, start: int, end: int) -> Period | None:
    """The part of a year ``text[start:end]`` names alone: a month ("October", "октябре"), a
    quarter ("the second quarter", "первом квартале") or a half-year ("the first half",
    "втором полугодии"); None for anything else (a year)."""
    word = text[start:end]
    if word.isalpha():
        month = month_of(word.lower())
        return None if month is None else (month, month, f"{month:02d}")
    words = [w for w in word.lower().split() if w not in _ARTICLES]
    if len(words) != 2 or words[0] not in QUARTER_ORDINALS:
        return None
    n = QUARTER_ORDINALS[words[0]]
    if words[1].startswith(QUARTER_WORDS):
        return 3 * n - 2, 3 * n, f"Q{n}"
    if words[1].startswith(_HALF_WORDS) and n <= 2:
        return 6 * n - 5, 6 * n, f"H{n}"
    return None


def month_of_date(published: str | None) -> int | None:
    """Month of an ISO date ("2025-03-14" -> 3); None when it has none."""
    if not published or len(published) < 7 or not published[5:7].isdigit():
        return None
    month = int(published[5:7])
    return month if 1 <= month <= 12 else None


def year_of(published: str | None) -> int | None:
    """Year of an ISO date ("2025-03-14" -> 2025); None when it has none."""
    if not published or len(published) < 4 or not published[:4].isdigit():
        return None
    return int(published[:4])

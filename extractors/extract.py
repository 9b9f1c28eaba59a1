"""Public API of the extractor: ``extract(text, lang, published) -> list[Fact]``.

Contract (FACTS.md):

- every fact's ``evidence == text[start:end]``; ``sentence`` is the text of its sentence;
  facts are sorted by ``start``;
- English, Russian and Kazakh rules (``EXTRACTOR_VERSIONS``); for any other language the
  result is ``[]``: no rules, documented rather than guessed;
- never raises on arbitrary text (a malformed pattern file is a ``PatternError`` at build time,
  a programming error, not a property of the text).

How a release becomes facts (``_Extraction``, one per call, made of the parts below):

- ``figures``: figure expressions ("300,000 tonnes", "47bn") become investment, jobs, count,
  capacity and size facts, distractors (output value, exports, taxes, national production,
  existing stock) filtered out;
- ``dates``: year expressions become ``commissioning`` facts only in a clause about launch or
  completion;
- ``status``: status phrases ("is being built", "plans to build", "was launched") become
  ``status`` facts;
- then every fact is attributed, figures first and in text order: its scope (a project or a
  portfolio) here, region by ``region``, company by ``attribution``, product by
  ``products``, project label by ``labels``; the per-language word rules are ``rules.RULES``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from extractors import attribution as attr
from extractors import kk_phrases
from extractors.attribution import DocContext
from extractors.dates import DateReading, month_of_date, prev_word, read_year_spans, year_of
from extractors.errors import ExtractionError
from extractors.fact import Fact
from extractors.figures import (
    BARE_FIGURES,
    CAPACITY_UNITS,
    CURRENCY_UNITS,
    PUBLIC_FLAGS,
    SIZE_UNITS,
    FigureReading,
)
from extractors.labels import ProjectLabels
from extractors.mentions import collect_mentions
from extractors.pipeline import SUPPORTED_LANGS, Scan, Scanner, get_scanner
from extractors.region import resolve_region
from extractors.rules import RULES, LanguageRules
from extractors.status import StatusReading

# names importable from here before the rules were split into modules
__all__ = ["BARE_FIGURES", "CAPACITY_UNITS", "CURRENCY_UNITS", "EXTRACTOR_VERSION",
           "EXTRACTOR_VERSIONS", "PUBLIC_FLAGS", "RULES", "SIZE_UNITS", "LanguageRules",
           "extract", "extract_or_raise", "prev_word"]

# 1.1: figures, years and phrases found by compiled regular expressions instead of spaCy
# matchers (same facts on the dev sets); general rules from the extra set's misses: active-voice
# status, one status per listed facility, construction-stage jobs, pieces as units, facilities
# counted as a programme, output sold / bought / lent and demand as distractors, dates of first
# output and without a preposition ("moved to the first quarter of 2027")
# 1.3: counted things with modifiers ("150 sleeping and compartment cars"), livestock in head,
# bare months dated by the publication ("commissioned in September"), "intends to build", "is to
# be built", "put into service", work given to people; cumulative output, purchases, exports,
# allocations for leasing or from a budget and national employment as distractors; the product
# of a project is what its facility makes (named after it when the gazetteer has none)
# en-1.4 / ru-1.5 / kk-1.2: labels keep the number that names a plant or unit ("GRES-3", "power
# unit No. 3 of Ekibastuz GRES-2", "ГРЭС-3", "энергоблок № 3"), abbreviated power plants are
# antecedents of "the plant"/"the station", "the project" takes the latest project, Kazakh phases
# ("бірінші кезеңі"); one company per project of a release, the name after a Cyrillic legal form,
# customers, lenders and technology brands are not owners
# en-1.5: school/hospital places and staff, counts after a verb, works verbs, design work not launch
# en-1.6: national totals and totals over several places lie in no region (region.py), places in
# an industrial park; "started production", "opened its doors"; jobs for people, people engaged;
# launches moved "to 2027", first output off the line; pieces at a rate; prices per unit; products
# en-1.7 / ru-1.7 / kk-1.4: construction jobs counted on a site on the day of the report
# ("Currently 1,800 construction workers are employed at the site") carry the flag
# current_headcount, which the warehouse never compares with planned jobs
# en-1.8: status wordings, past build headcounts, purpose adjuncts, projects across two regions
# en-1.9: orders, offtake deals, freight, sector output, national production as distractors;
# machines on a site, parts of a whole, preparatory works; site headcounts are construction jobs;
# kilometres made at a rate ("km of cable a year") are a capacity
# en-1.10: quarters and half-years without a year dated by the publication, "begin operations",
# "is erecting", "is in progress" (construction), "The plant will be built" (planned)
EXTRACTOR_VERSION = "en-1.10"  # the English rules; bump on any rule change
# Per-language rule versions, stored with every fact (facts.extractor_version).
# ru-1.4: headcounts of workers and specialists as jobs (with employment verbs, kinds said in the
# clause), "от ... до" ranges, pieces and kWh as capacity, status verb forms, launch dates "на"
# (when scheduled), Roman quarters, "не ранее" and relative years; wages, prices, subsidies,
# trade, purchases and machines on site as distractors
# ru-1.3: Russian project labels are nominative noun phrases (adjectives + facility noun, what it
# makes, its company or place), a bare noun takes the fuller mention before it (labels_ru.py)
# kk-1.0: first Kazakh rules (patterns/*.kk.jsonl, labels from kk_phrases.py)
# kk-1.1: qualifier verbs after the figure ("доллардан асады"), workers and specialists as
# jobs, launch converbs ("іске қосылып"), more status phrases, a project's launch plan is a
# date, distractors (imports, harvests, output value, fixed-capital statistics, renewal
# allocations), machines counted after a participle, a mill's flour, region name parts
# kk-1.3: places as "-лық/-тік" adjectives ("600 төсектік"), facilities counted as a programme
# ("41 мектеп салынып жатыр"), headcounts with a modifier noun, "жуық" after a unit's case ending,
# "салынады" only after a facility, plural subjects as totals, ores of concentrators, shortages
# ru-1.6: schools, hospitals and canals as facilities (places, beds, counts after the verb),
# "1 трлн 150 млрд", launches by handing over, first pupils or output, seasons, "в строй"; more
# status verbs, city adjectives as places, a restated status once per paragraph, joined products
# ru-1.8: fixed capital/taxes/exports/shipments/shortages as distractors, containers, genitive products
# kk-1.5: containers a terminal handles, works in indirect speech, land returned to use, canals
# ru-1.9: "будут постоянно работать" as permanent jobs, "на время стройки", gross harvests
# ru-1.10: bare months and quarters dated by the publication, "реконструкция ведется", "строит",
# "запущенный"; the Kazakh-only unit words ("ферма", "станция") no longer count in Russian
EXTRACTOR_VERSIONS = {"en": EXTRACTOR_VERSION, "ru": "ru-1.10", "kk": "kk-1.5"}

log = logging.getLogger(__name__)

# cue names asked for by the rules below (built once, not per call)
_CUES_PORTFOLIO = frozenset({"portfolio"})
# facilities a figure serves ("for steel mills", "для электростанций"), not the ones it counts
_SERVED_BY = re.compile(r"(?:\bfor|(?<!\w)для)\s+(?:[\w-]+\s+){0,2}$")


def extract(text: str, lang: str = "en", published: str | None = None) -> list[Fact]:
    """Facts of one release ``text`` in ``lang``; ``published`` (ISO date) dates "this year".

    ``lang`` is ``en``, ``ru`` or ``kk``; returns ``[]`` for other languages (no rules) and for text
    without facts. Never raises on arbitrary text.
    """
    try:
        return extract_or_raise(text, lang, published)
    except ExtractionError:  # a release must never stop a batch; logged, not hidden
        log.exception("extraction failed on a text of %d characters", len(text))
        return []


def extract_or_raise(text: str, lang: str = "en", published: str | None = None) -> list[Fact]:
    """As :func:`extract`, but a failure of the rules raises ``ExtractionError`` (and a broken
    pattern file ``PatternError``), so that the nightly flow can store the release and leave
    its extraction to ``kzfacts reextract`` instead of recording "no facts"."""
    if lang not in SUPPORTED_LANGS or not text or not text.strip():
        return []
    scanner = get_scanner(lang)
    try:
        return _Extraction(scanner, scanner.scan(text), published, RULES[lang]).run()
    except Exception as exc:  # noqa: BLE001 - wrapped once, with the cause
        raise ExtractionError(f"{lang} extraction failed: {type(exc).__name__}: {exc}") from exc


class _Extraction(FigureReading, DateReading, StatusReading):
    """State of one ``extract`` call."""

    def __init__(self, scanner: Scanner, scan: Scan, published: str | None,
                 rules: LanguageRules) -> None:
        self.scanner = scanner
        self.scan = scan
        self.text = scan.text
        self.lang = scanner.lang
        self.rules = rules
        self._figure_start: dict[int, int] = {}  # end -> start of the figures read
        self.published_year = year_of(published)
        self.published_month = month_of_date(published)
        self.rev = scan.low[::-1]  # prefixes are matched backwards (``Scanner.*_prefixes``)
        self.ctx = DocContext(self.text, scan.sentences, collect_mentions(scanner, scan),
                              self.lang, scan.low)
        # year expressions with the prefix they take in: (start, end, first word of the prefix);
        # "in October", "in the second quarter": a part of a year without the year, dated by
        # the publication (start -> period)
        self.year_spans, self._month_only = read_year_spans(scanner, scan, self.rev, rules)
        self._caps: list[Fact] = []
        self._counts: list[Fact] = []
        self._done: dict[int, list[Fact]] = {}
        self._capacity_products_of: dict[tuple[int, int, int], str | None] = {}
        self._facility_products_of: dict[tuple[int, bool], str | None] = {}

    def run(self) -> list[Fact]:
        figures = self._figure_facts()
        self._caps = [f for f in figures if f.metric == "capacity"]
        self._counts = [f for f in figures if f.metric == "count"]
        years = self._year_facts(figures)
        status = self._status_facts(figures)
        facts = figures + years + status
        facts.sort(key=lambda f: (f.start, f.end))
        # figures first and in text order, so that a clause can continue a total stated before
        # it and a year or status can follow the figures of its clause
        for f in facts:
            if f.metric not in ("commissioning", "status"):
                self._attribute(f)
        for f in facts:
            if f.metric in ("commissioning", "status"):
                self._attribute(f)
        _one_company_per_project(facts)
        if self.rules.launch_plan_words:
            facts = [f for f in facts if not self._is_project_launch_plan(f)]
        if self.rules.status_once_per_paragraph:
            facts = self._without_restated_status(facts)
        return facts

    # --- attribution -----------------------------------------------------------------------
    def _attribute(self, f: Fact) -> None:
        ctx = self.ctx
        i = ctx.sentence_index(f.start)
        f.scope = self._scope(f, i)
        f.region = resolve_region(ctx, i, f.start, f.scope == "portfolio")
        f.company = attr.resolve_company(ctx, i, f.start, f.scope)
        f.product = f.product or self._product(f, i)
        if not f.project:  # a status of one of several listed facilities keeps its label
            f.project = self._project_label(f, i)
        if f.metric == "capacity":
            f.target_year = self._target_year(i, f.start)
        self._done.setdefault(i, []).append(f)

    def _scope(self, f: Fact, i: int) -> str:
        ctx = self.ctx
        if f.metric == "count":
            return "portfolio"
        s = ctx.sentences[i]
        c_start, c_end = s.clause_span(f.start)
        if self._count_in(i, c_start, c_end):
            return "portfolio"
        if ctx.starts_with_pronoun(i) and i > 0 and self._sentence_has_count(i - 1):
            return "portfolio"
        before = ctx.cues_in(i, c_start, f.start, _CUES_PORTFOLIO)
        # "One of the largest projects of the sector is ...": a single project is singled out
        if any(self.rules.count_noun.match(self.text[m.start:m.end].lower()) and
               self.text[max(c_start, m.start - 30):m.start].lower().rstrip().endswith(
                   self.rules.one_of) for m in before):
            before = []
        for m in before:
            word = self.text[m.start:m.end].lower()
            if word in ("programme", "program") and self._company_in_paragraph(i):
                continue
            return "portfolio"
        after = ctx.cues_in(i, f.end, min(c_end, f.end + 45), _CUES_PORTFOLIO)
        if any(self.text[m.start:m.end].lower() not in ("programme", "program", "projects", "they",
                                                          "their") for m in after):
            return "portfolio"
        # "5 schools will be built" counts facilities; "50 thousand tonnes of electrodes for
        # steel mills" names the customers
        if any(m.kind == "facility_plural" and f.end <= m.start <= f.end + 45 and m.end <= c_end
               and not _SERVED_BY.search(self.scan.low[f.end:m.start]) for m in s.mentions):
            return "portfolio"
        # Kazakh puts the subject first: "Жаңа мектептер 70 мың оқушыға арналған"
        if self.rules.plural_subject_before and any(
                m.kind == "facility_plural" and c_start <= m.start and m.end <= f.start
                and kk_phrases.plural_subject(self.scan.low[m.start:m.end]) for m in s.mentions):
            return "portfolio"
        # "..., and another 4,500 km are to be added": a later clause continuing a total
        singular = any(m.kind == "facility" and m.key != "project" and c_start <= m.start < c_end
                       for m in s.mentions)
        for other in self.facts_in_sentence(i):
            if other.end <= c_start and other.unit == f.unit and other.scope == "portfolio" \
                    and not singular:
                return "portfolio"
        if f.metric in ("commissioning", "status"):
            for other in self.facts_in_sentence(i):
                if c_start <= other.start < c_end and other.scope == "portfolio":
                    return "portfolio"
        return "project"

    def facts_in_sentence(self, i: int) -> Iterable[Fact]:
        """Facts of sentence ``i`` attributed so far (those before the current one)."""
        return self._done.get(i, ())

    def _sentence_has_count(self, i: int) -> bool:
        s = self.ctx.sentences[i]
        return self._count_in(i, s.start, s.end)

    def _company_in_paragraph(self, i: int) -> bool:
        return any(self.ctx.mentions_of(j, "company") for j in self.ctx.paragraph_range(i))

    def _project_label(self, f: Fact, i: int) -> str:
        ctx = self.ctx
        if f.scope == "portfolio":
            s = ctx.sentences[i]
            for c in self._counts:
                if s.start <= c.start and c.end <= s.end:
                    return c.evidence
            for j in range(i - 1, ctx.para_sentences(i).start - 1, -1):
                for c in self._counts:
                    if ctx.sentences[j].start <= c.start < ctx.sentences[j].end:
                        return c.evidence
            return attr.facility_label(ctx, i) or "portfolio"
        # project labels: extractors/labels.py (read once per release, on first use)
        if getattr(self, "_labels", None) is None:
            self._labels = ProjectLabels(ctx)
        return self._labels.label(i, f.start, f.end, f.company)


def _one_company_per_project(facts: list[Fact]) -> None:
    """Every figure of one project of a release carries the same company: the facts of a
    project label (and region) that name no company take the one company the others name
    ("The complex will produce ... The complex is built by X LLP": the first figure is X's too).
    The warehouse keys a project's mentions by label and company, so one project with two
    companies would be two. A label whose facts name two companies is left alone: it stands
    for two projects the label does not tell apart."""
    named: dict[tuple[str, str | None], set[str]] = {}
    for f in facts:
        if f.scope == "project" and f.company:
            named.setdefault((f.project, f.region), set()).add(f.company)
    for f in facts:
        if f.scope == "project" and not f.company:
            found = named.get((f.project, f.region))
            if found is not None and len(found) == 1:
                f.company = next(iter(found))

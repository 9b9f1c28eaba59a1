"""Public API of the extractor: ``extract(text, lang, published) -> list[Fact]``.

Contract (FACTS.md):

- every fact's ``evidence == text[start:end]``; ``sentence`` is the text of its sentence;
  facts are sorted by ``start``;
- English, Russian and Kazakh rules (``EXTRACTOR_VERSIONS``); for any other language the
  result is ``[]``: no rules, documented rather than guessed;
- never raises on arbitrary text (a malformed pattern file is a ``PatternError`` at build time,
  a programming error, not a property of the text).

How a figure becomes a fact: the scanner (``pipeline``: regular expressions compiled from
``patterns/*.jsonl``) finds figure expressions ("300,000 tonnes", "47bn", "2 thousand new
jobs") and the qualifier or currency words right before them ("up to", "$", "KZT");
``normalize.parse_figure`` gives value, unit and qualifier;
the unit and the clause's cues give the metric and filter distractors (output value, exports,
taxes, national production, existing stock); ``attribution`` says what the figure is about.
Year expressions become ``commissioning`` facts only in a clause about launch or completion;
status phrases ("is being built", "plans to build", "was launched") become ``status`` facts.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from extractors import attribution as attr
from extractors import kk_phrases
from extractors.attribution import DocContext
from extractors.errors import ExtractionError
from extractors.fact import Fact
from extractors.figure_parse import ParsedFigure, parse_figure, parse_year
from extractors.labels import ProjectLabels
from extractors.mentions import collect_mentions
from extractors.pipeline import SUPPORTED_LANGS, Mention, Scan, Scanner, get_scanner
from extractors.units import month_of

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
EXTRACTOR_VERSION = "en-1.4"  # the English rules; bump on any rule change
# Per-language rule versions, stored with every fact (facts.extractor_version).
# ru-1.4: headcounts of workers and specialists as jobs (with employment verbs, kinds said in the
# clause), "от ... до" ranges, pieces and kWh as capacity, status verb forms, launch dates "на"
# (when scheduled), Roman quarters, "не ранее" and relative years; wages, prices, subsidies,
# trade, purchases and machines on site as distractors
# ru-1.3: Russian project labels are nominative noun phrases (adjectives + facility noun, what it
# makes, its company or place), a bare noun takes the fuller mention before it (labels.py)
# kk-1.0: first Kazakh rules (patterns/*.kk.jsonl, labels from kk_phrases.py)
# kk-1.1: qualifier verbs after the figure ("доллардан асады"), workers and specialists as
# jobs, launch converbs ("іске қосылып"), more status phrases, a project's launch plan is a
# date, distractors (imports, harvests, output value, fixed-capital statistics, renewal
# allocations), machines counted after a participle, a mill's flour, region name parts
EXTRACTOR_VERSIONS = {"en": EXTRACTOR_VERSION, "ru": "ru-1.5", "kk": "kk-1.2"}

log = logging.getLogger(__name__)

CURRENCY_UNITS = frozenset({"USD", "KZT", "EUR", "CNY", "RUB", "GBP", "JPY", "KRW", "AED", "SAR"})
CAPACITY_UNITS = frozenset({"t", "m3", "MW", "MWh", "Gcal/h", "head", "units", "places"})
SIZE_UNITS = frozenset({"km", "ha", "m2"})
# normaliser flags worth a reader's attention; internal ones ("people") are not passed on
PUBLIC_FLAGS = frozenset({"two_currencies", "ambiguous", "ambiguous_scale", "suspicious"})


@dataclass(frozen=True)
class LanguageRules:
    """The few rules that are words rather than patterns: closed word classes the extractor
    tests directly (the rest of the vocabulary lives in ``patterns/*.jsonl``)."""

    people_words: frozenset[str]  # "240 people": jobs only with an employment cue
    count_noun: re.Pattern[str]  # last word of a count of projects
    scale_words: frozenset[str]
    # year phrases relative to the publication date: (ending, years to add)
    relative_years: tuple[tuple[str, int], ...]
    max_prefixes: tuple[str, ...]  # "by the end of the year" is a maximum
    skip_year_words: frozenset[str]  # "since 2010", "from 2020": not a commissioning date
    plan_period_word: str | None  # "for 2024-2028" is a plan period unless "scheduled for"
    scheduled_words: frozenset[str]
    not_news_before_launched: frozenset[str]  # "are launched on time", "to be launched"
    auxiliaries: tuple[str, ...]  # a status phrase starting with one carries its own tense
    year_of_words: frozenset[str]  # "projects of this year": a relative year that dates nothing
    countable: frozenset[str]  # products counted in pieces the normaliser does not map yet
    one_of: tuple[str, ...]  # "one of the (key|largest) projects" names a single project
    # Kazakh puts the rate before the figure ("жылына 500 мың тонна"): a period cue ending
    # right before the figure counts as well as one after it
    period_before: bool = False
    # Kazakh years carry their postpositions after the digits ("2029 жылы", "2028 жылға дейін"):
    # such an expression is not a bare year; its last word plays the part of the prefix
    year_suffix: bool = False
    # first words of a year phrase that date a capacity target ("by 2028 ... 9 million tonnes")
    target_year_words: tuple[str, ...] = ("by", "in")
    # animals a farm is sized by ("a dairy farm for 4,800 cows"): capacity in head
    livestock: frozenset[str] = frozenset()
    # a month without its year ("was commissioned in September") is dated by the publication;
    # these tell a past clause and a future one apart; None: bare months date nothing
    month_tense: tuple[re.Pattern[str], re.Pattern[str]] | None = None
    # words opening a relative clause (", which investors plan to build"): a plan told there
    # describes the facility, it is not reported as a status
    relative_pronouns: tuple[str, ...] = ()
    # characters after a money figure searched for "to support", "allocated from the local
    # budget" (None: the default, _DISTRACTOR_AFTER_LIMIT)
    distractor_after_limit: int | None = None
    # the product of a project is what its facility makes: several capacities give the
    # facility's product or the first one's, a capacity that names none takes the facility's
    # it measures, each facility of a list keeps its own (English)
    project_product: bool = False
    # Russian: pieces ("600 единиц техники") are a capacity only at a rate ("в год") or after an
    # output word ("выпуск", "мощностью"); otherwise they count machines bought or on site
    units_need_output: bool = False
    # Kazakh: the word before a launch verb that makes it open jobs, not a facility ("600 жұмыс
    # орнын ашады", "жұмыс орындарын ашу жоспарланған"): neither a launch date nor a plan
    not_launch_before: frozenset[str] = frozenset()
    # Kazakh: first words of a plan to launch ("іске қосу жоспарланған", "ашу көзделген"); for a
    # project the paragraph already reports as being built or launched it dates the launch, it
    # does not make the project a plan
    launch_plan_words: tuple[str, ...] = ()


RULES: dict[str, LanguageRules] = {
    "en": LanguageRules(
        people_words=frozenset({"people", "workers", "employees", "specialists", "persons",
                                "builders"}),
        count_noun=re.compile(r"^(?:projects|initiatives)$"),
        scale_words=frozenset({"thousand", "thou", "k", "million", "mln", "mn", "m", "billion",
                               "bln", "bn", "b", "trillion", "trln", "tn", "trl", "tln"}),
        relative_years=(("next year", 1), ("this year", 0), ("the year", 0), ("year - end", 0),
                        ("year-end", 0)),
        max_prefixes=("by",),
        skip_year_words=frozenset({"since", "from", "during", "after"}),
        plan_period_word="for",
        scheduled_words=frozenset({"scheduled", "planned", "slated", "set", "due", "expected",
                                   "envisaged", "targeted", "earmarked"}),
        not_news_before_launched=frozenset({"is", "are", "be", "being", "to", "the", "a", "will",
                                            "get", "newly"}),
        auxiliaries=("was ", "were ", "has ", "have ", "had ", "is ", "are "),
        year_of_words=frozenset({"of"}),
        # with modifiers the normaliser stops before the noun ("150 sleeping and compartment
        # cars"), and some nouns it does not know ("60 million bricks")
        countable=frozenset({"tyres", "tires", "engines", "lifts", "elevators", "panels",
                             "pumps", "batteries", "bricks", "cars", "buses", "trucks",
                             "tractors", "combines", "harvesters", "locomotives", "wagons",
                             "railcars", "vehicles", "transformers", "units"}),
        livestock=frozenset({"cows", "cattle", "sheep", "pigs", "horses", "camels", "goats",
                             "bulls", "calves", "heifers", "sows"}),
        month_tense=(re.compile(r"\b(?:was|were|has|have|had|opened|launched|commissioned|"
                                r"completed|started|began|inaugurated)\b"),
                     re.compile(r"\b(?:will|shall|is to|are to|expected|scheduled|planned|due|"
                                r"set to)\b")),
        relative_pronouns=("which ", "whom "),
        distractor_after_limit=50,
        project_product=True,
        one_of=("one of the", "one of the key", "one of the largest", "one of the major",
                "one of the main", "one of the biggest", "among the", "among the largest",
                "among the key", "among the major", "among the biggest", "among the new"),
    ),
    "ru": LanguageRules(
        people_words=frozenset({"человек", "работников", "сотрудников", "специалистов",
                                "рабочих", "строителей"}),
        count_noun=re.compile(r"^(?:мега)?проект(?:а|ов)?$|^инициатив"),
        scale_words=frozenset({"тыс", "тыс.", "млн", "млрд", "трлн", "тысяч", "тысячи",
                               "миллион", "миллиона", "миллионов", "миллиард", "миллиарда",
                               "миллиардов"}),
        relative_years=(("следующем году", 1), ("будущем году", 1), ("этом году", 0),
                        ("текущем году", 0), ("прошлом году", -1), ("конца года", 0),
                        ("конца этого года", 0), ("конца текущего года", 0), ("концу года", 0),
                        ("концу этого года", 0), ("концу текущего года", 0), ("конце года", 0),
                        ("конце этого года", 0)),
        max_prefixes=("до", "к"),
        skip_year_words=frozenset({"с", "со", "за", "после"}),
        # "программа на 2024-2028 годы" is a plan period; "запуск намечен на 2027 год" a date
        plan_period_word="на",
        scheduled_words=frozenset({
            "намечен", "намечена", "намечено", "намечены", "запланирован", "запланирована",
            "запланировано", "запланированы", "перенесен", "перенесена", "перенесено",
            "перенесены", "перенесён", "назначен", "назначена", "назначено", "отложен",
            "отложена", "отложено", "отложены", "сдвинут", "сдвинута", "сдвинуто", "сдвинуты",
            "перенесли", "запланировали", "наметили", "планируется", "ожидается"}),
        not_news_before_launched=frozenset(),
        auxiliaries=(),
        year_of_words=frozenset(),
        # pieces the normaliser does not map yet (genitive plural after a number)
        countable=frozenset({"комбайнов", "грузовиков", "шин", "двигателей", "лифтов", "насосов",
                             "аккумуляторов", "панелей", "холодильников", "кондиционеров",
                             "прицепов", "электровозов", "тепловозов"}),
        units_need_output=True,
        one_of=("одним из", "один из", "одна из", "одного из", "одной из", "одним из крупнейших",
                "одним из ключевых", "один из крупнейших", "один из ключевых", "одним из крупных"),
    ),
    # Kazakh: qualifiers and postpositions follow the figure ("1 000-нан астам", "2028 жылға
    # дейін") and are part of the figure and year expressions (figures.kk.jsonl, years.kk.jsonl)
    "kk": LanguageRules(
        people_words=frozenset({"адам", "адамды", "адамның", "адамға", "қызметкер", "маман",
                                "жұмысшы"}),
        count_noun=re.compile(r"^(?:жоба|бастама)[а-яәғқңөұүһі]*(?:-[а-яәғқңөұүһі]+)?$"),
        scale_words=frozenset({"мың", "млн", "млрд", "трлн", "миллион", "миллиард",
                               "триллион"}),
        relative_years=(("келесі жылы", 1), ("келер жылы", 1), ("биыл", 0)),
        max_prefixes=(),
        # "2020 жылдан бастап" (since 2020), "2015 жылдан бері", "2030 жылдан кейін"
        skip_year_words=frozenset({"бастап", "бері", "кейін", "жылдан", "жылдың", "жылғы"}),
        plan_period_word=None,
        scheduled_words=frozenset(),
        not_news_before_launched=frozenset(),
        auxiliaries=(),
        year_of_words=frozenset(),
        countable=frozenset(),
        one_of=("бірі", "бірі болып табылатын", "ірі жобалардың бірі"),
        period_before=True,
        year_suffix=True,
        target_year_words=("жылы", "жылға", "дейін", "қарай"),
        not_launch_before=frozenset({"орнын", "орны", "орындарын", "орындары", "орнының"}),
        launch_plan_words=("іске қосу ", "ашу ", "пайдалануға беру ", "қолданысқа беру "),
    ),
}
_DISTRACTOR_AFTER_LIMIT = 40  # characters after a money figure searched for "to support" etc.


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


class _Extraction:
    """State of one ``extract`` call."""

    def __init__(self, scanner: Scanner, scan: Scan, published: str | None,
                 rules: LanguageRules) -> None:
        self.scanner = scanner
        self.scan = scan
        self.text = scan.text
        self.lang = scanner.lang
        self.rules = rules
        self._figure_start: dict[int, int] = {}  # end -> start of the figures read
        self.published_year = _year_of(published)
        self.published_month = _month_of_date(published)
        self.rev = scan.low[::-1]  # prefixes are matched backwards (``Scanner.*_prefixes``)
        self.ctx = DocContext(self.text, scan.sentences, collect_mentions(scanner, scan),
                              self.lang, scan.low)
        # year expressions with the prefix they take in: (start, end, first word of the prefix)
        self.year_spans: list[tuple[int, int, str | None]] = []
        # "in October": a month without its year, dated by the publication (start -> month)
        self._month_only: dict[int, int] = {}
        for c in scan.years:
            prefix = scanner.year_prefixes.before(self.rev, c.start)
            month = _bare_month(self.text, c.start, c.end)
            if month is not None:
                if rules.month_tense is None:
                    continue
                # a month needs its preposition ("in October", "by June"); "in January-September"
                # is a reporting period and "December 2025" a full date read from its year
                if prefix is None or _MONTH_CONTINUES.match(self.text, c.end):
                    continue
                self._month_only[prefix[0]] = month
            if prefix is None and rules.year_suffix and " " in self.text[c.start:c.end]:
                # "2029 жылы", "2028 жылға дейін": the postposition at the end
                last = self.text[c.start:c.end].rsplit(None, 1)[-1].lower()
                self.year_spans.append((c.start, c.end, last))
            elif prefix is None:
                self.year_spans.append((c.start, c.end, None))
            else:
                first = self.text[prefix[0]:c.start].split(None, 1)[0].lower()
                self.year_spans.append((prefix[0], c.end, first))
        self._caps: list[Fact] = []
        self._counts: list[Fact] = []
        self._done: dict[int, list[Fact]] = {}

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
        return facts

    # --- figures ---------------------------------------------------------------------------
    def _figure_facts(self) -> list[Fact]:
        text, ctx, rules = self.text, self.ctx, self.rules
        prefixes = self.scanner.figure_prefixes
        out: list[Fact] = []
        self._parsed_spans: list[tuple[int, int]] = []
        self._count_starts: list[int] = []
        for start, end, pattern_id in self.scan.figures:
            p = prefixes.before(self.rev, start)
            if p is not None and p[1] == "currency_prefix":
                start = p[0]
                p = prefixes.before(self.rev, start)
            elif pattern_id in BARE_FIGURES:
                continue  # a bare number is a figure only after a currency sign
            if p is not None and p[1].startswith("qualifier_"):
                start = p[0]
            i = ctx.sentence_index(start)
            if i < 0:
                continue
            span_text = text[start:end]
            self._figure_start[end] = start
            parsed = parse_figure(span_text, self.lang)
            if parsed is not None and parsed.unit is None and not parsed.flags:
                # stopgap until the normaliser knows these nouns (reported to its owner)
                last = span_text.rsplit(None, 1)[-1].lower()
                if last in rules.countable:
                    parsed = replace(parsed, unit="units")
                elif last in rules.livestock:
                    parsed = replace(parsed, unit="head")
                elif last in rules.people_words:  # "3 200 рабочих": a headcount, as "people"
                    parsed = replace(parsed, unit="jobs", flags=("people",))
                elif last in _FACILITY_COUNT_NOUNS:
                    parsed = replace(parsed, unit="projects")
            if parsed is None or (parsed.unit is None and not parsed.flags):
                continue
            metric = self._metric(parsed, span_text, i, start, end)
            self._parsed_spans.append((start, end))
            if metric is None:
                continue
            unit = parsed.unit
            if metric == "count":
                unit = "projects"
            if metric == "count":
                self._count_starts.append(start)
            fact = Fact(metric=metric, value=parsed.value, unit=unit, qualifier=parsed.qualifier,
                        value_max=parsed.value_max, period=parsed.period or self._period(i, end),
                        evidence=span_text, start=start, end=end,
                        sentence=ctx.sentence_text(i),
                        flags=[x for x in parsed.flags if x in PUBLIC_FLAGS])
            if metric == "jobs":
                fact.kind = self._job_kind(i, start, end)
            out.append(fact)
        return out

    def _metric(self, p: ParsedFigure, span_text: str, i: int, start: int, end: int) -> str | None:
        ctx = self.ctx
        c_start, c_end = ctx.sentences[i].clause_span(start)
        unit = p.unit
        if "two_currencies" in p.flags or unit in CURRENCY_UNITS:
            return None if self._money_distractor(i, start, end) else "investment"
        if unit == "jobs":
            s = ctx.sentences[i]
            if ctx.cues_in(i, s.start, s.end, _CUES_JOBS_DISTRACTOR):
                return None  # employment programmes, public works: not jobs of a project
            last = span_text.split()[-1].lower()
            if last in self.rules.people_words or "people" in p.flags:
                return "jobs" if ctx.cues_in(i, s.start, s.end, _CUES_EMPLOY) else None
            return "jobs"
        if unit == "projects":
            last = span_text.split()[-1].lower()
            if self.rules.count_noun.match(last):
                return "count"
            # "3 dairy farms will be expanded": facilities counted as a programme of works
            after = ctx.cues_in(i, end, c_end, _CUES_COUNT_FUTURE)
            return "count" if after else None
        if unit in CAPACITY_UNITS or unit in SIZE_UNITS:
            # "a total length of more than 1,000 km" after "three new railway lines": a total
            # of the projects counted before it, not a national statistic
            counted = any(c_start <= s_ < start for s_ in self._count_starts)
            if self._macro_before(i, c_start, start) and not counted:
                return None
            if ctx.cues_in(i, end, c_end, _MACRO_AFTER):
                return None  # "... with a combined capacity of 2,900 MW operate in the country"
            if unit == "units" and self.rules.units_need_output and not p.period \
                    and not self._period(i, end) \
                    and not ctx.cues_in(i, c_start, start, _OUTPUT_WORD):
                return None  # "задействовано 600 единиц техники": machines, not output
            if unit in SIZE_UNITS and not (unit == "m2" and self._period(i, end)):
                return "size" if self._size_anchor(i, c_start, c_end) else None
            return "capacity" if self._capacity_anchor(i, c_start, c_end, start) else None
        return None

    def _money_distractor(self, i: int, start: int, end: int) -> bool:
        """Money that is output value, trade, taxes, a purchase price, a subsidy."""
        ctx = self.ctx
        c_start, c_end = ctx.sentences[i].clause_span(start)
        # only the stretch since the previous figure of the clause governs this one
        prev_end = c_start
        for s_start, s_end in self._parsed_spans:
            if s_end <= start and s_start >= c_start:
                prev_end = max(prev_end, s_end)
        for m in ctx.cues_in(i, prev_end, start, _CUES_MONEY_DISTRACTOR):
            if m.start > 0 and self.text[m.start - 1] == "-":
                continue  # "pre-export financing" is financing
            return True
        # "выпустило 20,8 млн кв. м стекла на сумму 27,3 млрд тенге": "worth" takes the sense of
        # the clause (output, trade, purchases); "работы ведутся на сумму ..." is an investment
        if ctx.cues_in(i, prev_end, start, _VALUE_OF) and \
                ctx.cues_in(i, c_start, start, frozenset({"money_distractor", "macro"})):
            return True
        # "жаңартуға 420 млрд теңге көзделген": a sum for renewal, repairs, support or purchases
        # is an allocation unless the text calls it an investment right after it
        if ctx.cues_in(i, prev_end, start, _UPKEEP_PURPOSE) and \
                not ctx.cues_in(i, end, min(c_end, end + 25), _INVESTMENT_WORD):
            return True
        limit = self.rules.distractor_after_limit or _DISTRACTOR_AFTER_LIMIT
        return bool(ctx.cues_in(i, end, min(c_end, end + limit),
                                _CUES_MONEY_DISTRACTOR_AFTER))

    def _macro_before(self, i: int, c_start: int, start: int) -> bool:
        return bool(self.ctx.cues_in(i, c_start, start, _CUES_MACRO))

    def _capacity_anchor(self, i: int, c_start: int, c_end: int, start: int) -> bool:
        """A capacity belongs to a facility: a singular facility, a capacity word, a pronoun or a
        company in the sentence, a count of projects in the clause, or a company in the paragraph."""
        ctx = self.ctx
        s = ctx.sentences[i]
        for m in s.mentions:
            if m.kind in ("facility", "company") and m.key != "project":
                return True
            if m.kind == "cue" and m.key == "anchor":
                return True
        for j in ctx.para_sentences(i):
            if ctx.mentions_of(j, "company"):
                return True
            # "It is planned to build a data centre ... The first 100 MW are to come into
            # operation in 2027": a facility the paragraph has introduced
            if j < i and any(m.key != "project" for m in ctx.mentions_of(j, "facility")):
                return True
        return bool(self._count_in(i, c_start, c_end))

    def _size_anchor(self, i: int, c_start: int, c_end: int) -> bool:
        s = self.ctx.sentences[i]
        return any(m.kind in ("facility", "facility_plural") or
                   (m.kind == "cue" and m.key in ("size_anchor", "portfolio")) for m in s.mentions)

    def _count_in(self, i: int, c_start: int, c_end: int) -> bool:
        """Whether a count of projects stands in ``[c_start, c_end)``."""
        return any(c_start <= f.start and f.end <= c_end for f in self._counts)

    def _period(self, i: int, end: int) -> str | None:
        """Period named after a figure before the clause ends ("... of coal per year")."""
        ctx = self.ctx
        _, c_end = ctx.sentences[i].clause_span(end)
        if self.rules.period_before:
            # "тәулігіне 6 мың тонна ..., жылына 110 мың тонна": the cue right before wins
            start = self._figure_start.get(end)
            if start is not None:
                for m in ctx.sentences[i].mentions:
                    if m.kind == "cue" and m.key.startswith("period_") and m.end <= start \
                            and not self.text[m.end:start].strip():
                        return m.key[len("period_"):]
        for m in ctx.sentences[i].mentions:
            if m.kind == "cue" and end <= m.start <= end + 80 and m.end <= c_end \
                    and m.key.startswith("period_"):
                return m.key[len("period_"):]
        return None

    def _job_kind(self, i: int, start: int, end: int) -> str | None:
        ctx = self.ctx
        if ctx.cues_in(i, start, end, _CUES_JOBS_PERMANENT):
            return "permanent"
        if ctx.cues_in(i, start, end, _CUES_JOBS_TEMPORARY):
            return "temporary"
        # "1,500 people work at the peak of construction", "Up to 1,000 workers will be involved
        # at the construction stage": the construction stage named in the figure's clause
        c_start, c_end = ctx.sentences[i].clause_span(start)
        construction = ctx.cues_in(i, c_start, c_end, _JOBS_CONSTRUCTION)
        # "постоянную работу получат 250 специалистов": the kind said of a headcount's clause;
        # with both kinds in the clause the nearest cue before the figure says which ("на
        # период строительства ... 1 200 человек, после пуска постоянную работу получат 250")
        permanent = ctx.cues_in(i, c_start, c_end, _JOBS_PERMANENT_CLAUSE)
        if construction and permanent:
            cues = [(m, "construction") for m in construction] + \
                [(m, "permanent") for m in permanent]
            before = [(m.end, k) for m, k in cues if m.end <= start]
            if before:
                return max(before)[1]
            return min((m.start, k) for m, k in cues)[1]
        if construction:
            return "construction"
        if permanent:
            return "permanent"
        return None

    # --- commissioning years ---------------------------------------------------------------
    def _year_facts(self, figures: list[Fact]) -> list[Fact]:
        text, ctx = self.text, self.ctx
        out: list[Fact] = []
        figure_spans = [(f.start, f.end) for f in figures]
        for start, end, first in self.year_spans:
            if first is None:
                if text[start].isdigit():
                    continue  # a bare year ("2024 results") dates nothing
                if prev_word(text, start) in self.rules.year_of_words:
                    continue  # "the projects of this year": which projects, not when
                first = text[start:end].split(None, 1)[0].lower()
            if any(s < end and start < e for s, e in figure_spans):
                continue
            i = ctx.sentence_index(start)
            if i < 0:
                continue
            c_start, c_end = ctx.sentences[i].clause_span(start)
            if not self._is_commissioning_year(i, c_start, c_end, start, end):
                continue
            if first in self.rules.skip_year_words:
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
        return out

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
        if not positive:
            return False
        negative = ctx.cues_in(i, c_start, c_end, _CUES_CONSTRUCTION_START)
        if ctx.cues_in(i, c_start, c_end, _CUES_CONSTRUCTION_WORD):
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

    def _month_date(self, phrase: str, month: int, c_start: int,
                    c_end: int) -> tuple[int, int | None, str, str] | None:
        """"in October" (no year): the publication's year, the one before for a past event
        in a later month ("was opened in December" published in January), the one after for a
        future event in an earlier month ("will be launched in March" published in November)."""
        if self.published_year is None or self.published_month is None or \
                self.rules.month_tense is None:
            return None
        past, future = self.rules.month_tense
        year = self.published_year
        clause = self.scan.low[c_start:c_end]
        if month > self.published_month and past.search(clause) and not future.search(clause):
            year -= 1
        elif month < self.published_month and future.search(clause):
            year += 1
        low = " ".join(phrase.lower().split())
        qualifier = "max" if low.startswith(self.rules.max_prefixes) else "eq"
        return year, None, qualifier, f"{year}-{month:02d}"

    # --- status ----------------------------------------------------------------------------
    def _status_facts(self, figures: list[Fact]) -> list[Fact]:
        ctx, text = self.ctx, self.text
        out: list[Fact] = []
        found = [m for s in ctx.sentences for m in s.mentions if m.kind == "status"]
        found.sort(key=lambda m: (m.start - m.end, m.start))
        seen_sent: set[tuple[int, str]] = set()
        for m in found:
            value, start, end = m.key, m.start, m.end
            if prev_word(text, start) in self.rules.not_launch_before:
                continue  # "жұмыс орнын ашу жоспарланған": jobs to be opened
            # "are launched on time", "to be launched", "the launched projects", "will be put
            # into operation" are not news (phrases that start with their own auxiliary, "was
            # launched", are)
            if value == "commissioned" and start > 0 \
                    and (_ONE_TOKEN_RE.match(text, start, end) or
                         not text.startswith(self.rules.auxiliaries, start)) \
                    and prev_word(text, start) in self.rules.not_news_before_launched:
                continue
            i = ctx.sentence_index(start)
            if i < 0 or (i, value) in seen_sent:
                continue
            # "launched the construction of the plant": works began, nothing was commissioned
            if value == "commissioned" and ctx.cues_in(i, end, end + 25,
                                                       _CUES_CONSTRUCTION_WORD):
                continue
            if self._background_status(i, value, start):
                continue
            if value == "commissioned" and self._launches_no_facility(i, end, figures):
                continue
            seen_sent.add((i, value))
            # one status per project: "a poultry farm ..., a glass plant ... and a wind farm were
            # put into operation" gives three, each labelled with its facility
            c_start, _ = ctx.sentences[i].clause_span(start)
            listed = attr.coordinated_facilities(ctx, i, c_start, start)
            labels = [attr.label_of(ctx, i, m) for m in listed]
            # with ``project_product`` rules each listed facility also keeps its own product
            products = [self._listed_product(i, m, listed[k + 1].start if k + 1 < len(listed)
                                             else start) if self.rules.project_product else None
                        for k, m in enumerate(listed)]
            for label, product in zip(labels or [""], products or [None], strict=True):
                out.append(Fact(metric="status", value=value, unit=None, qualifier="eq",
                                evidence=text[start:end], start=start, end=end,
                                sentence=ctx.sentence_text(i), project=label, product=product))
        return out

    def _is_project_launch_plan(self, f: Fact) -> bool:
        """A plan to launch one project ("зауытты 2027 жылы іске қосу жоспарланған",
        "пайдалануға беру көзделген") dates its launch, whatever stage it is at: not a status.
        Said of a portfolio ("биыл 12 жобаны іске қосу жоспарланған") it says they are planned."""
        return self._is_launch_plan(f) and f.scope != "portfolio"

    def _is_launch_plan(self, f: Fact) -> bool:
        return f.value == "planned" and \
            f.evidence.lower().startswith(self.rules.launch_plan_words)

    def _listed_product(self, i: int, m: Mention, end: int) -> str | None:
        """Product of the facility ``m`` of a list, described up to ``end``: that of its
        capacity ("a flour mill processing 300 tonnes of grain per day"), else the one its
        name implies ("a fruit juice concentrate plant")."""
        for f in self._caps:
            if m.end <= f.start and f.end <= end:
                p = self._capacity_product(f, i)
                if p:
                    return p
        return attr.product_of_facility(self.ctx, i, m)

    def _background_status(self, i: int, value: str, start: int) -> bool:
        """A status phrase that describes rather than reports: "inspected logistics facilities
        under construction" (uncounted facilities in the plural, no verb of its own) and a plan
        told in a relative clause ("a wind farm, which investors intend to build")."""
        text = self.text
        if value == "under_construction" and not text.startswith(self.rules.auxiliaries, start):
            before = [m for m in self.ctx.mentions_of(i, "facility_plural")
                      if m.end <= start and not text[m.end:start].strip()]
            if before and not any(f.end == before[-1].end for f in self._counts):
                return True
        if value == "planned" and self.rules.relative_pronouns:
            s = self.ctx.sentences[i]
            comma = text.rfind(",", s.start, start)
            if comma >= 0 and text[comma + 1:start].lstrip().lower().startswith(
                    self.rules.relative_pronouns):
                return True
        return False

    def _launches_no_facility(self, i: int, end: int, figures: list[Fact]) -> bool:
        """Whether a launch verb ending at ``end`` opens jobs or a scheme rather than a facility:
        "открыто 120 рабочих мест", "запущена программа льготного лизинга"."""
        text = self.text
        if any(f.metric == "jobs" and f.start >= end and not text[end:f.start].strip()
               for f in figures):
            return True
        return bool(self.ctx.cues_in(i, end, end + 25, _NOT_A_FACILITY))

    # --- attribution -----------------------------------------------------------------------
    def _attribute(self, f: Fact) -> None:
        ctx = self.ctx
        i = ctx.sentence_index(f.start)
        f.scope = self._scope(f, i)
        f.region = attr.resolve_region(ctx, i, f.start)
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
        if any(m.kind == "facility_plural" and f.end <= m.start <= f.end + 45 and m.end <= c_end
               for m in s.mentions):
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

    def _product(self, f: Fact, i: int) -> str | None:
        ctx = self.ctx
        if f.metric == "capacity":
            own = self._capacity_product(f, i)
            if own:
                return own
            if f.unit == "MW":
                return "electricity"
            if f.unit == "Gcal/h":
                return "heat"
        s = ctx.sentences[i]
        c_start, c_end = s.clause_span(f.start)
        clause_caps = self._capacity_products(i, c_start, c_end)
        if len(clause_caps) == 1:
            return clause_caps.pop()
        if len(clause_caps) > 1:
            return self._main_product(i, self._ordered_caps(i, c_start, c_end))
        if f.scope == "portfolio":
            return attr.facility_product(ctx, i, plural=True)
        para = ctx.paragraph_range(i)
        caps: set[str] = set()
        for j in para:
            s2 = ctx.sentences[j]
            caps |= self._capacity_products(j, s2.start, s2.end)
        if len(caps) == 1:
            return caps.pop()
        if len(caps) > 1:
            ordered = [p for j in para for p in self._ordered_caps(j, ctx.sentences[j].start,
                                                                    ctx.sentences[j].end)]
            return self._main_product(i, ordered)
        fac = attr.facility_product(ctx, i)
        if fac:
            return fac
        for j in para:
            fac = attr.facility_product(ctx, j)
            if fac:
                return fac
        own = attr.clause_product(ctx, i, f.start)
        if own:
            return own
        # a paragraph that only adds figures ("The cost of the project is ...") continues the
        # project of the last paragraph that introduced one
        if f.scope == "project" and not attr._introduces_project(ctx, para):
            first = para.start
            while first > 0:
                prev = ctx.paragraph_range(first - 1)
                caps = set()
                for j in prev:
                    s2 = ctx.sentences[j]
                    caps |= self._capacity_products(j, s2.start, s2.end)
                if len(caps) == 1:
                    return caps.pop()
                for j in prev:
                    fac = attr.facility_product(ctx, j)
                    if fac:
                        return fac
                if caps or attr._introduces_project(ctx, prev):
                    return None
                first = prev.start
        return None

    def _figure_product(self, i: int, start: int, end: int) -> str | None:
        """The commodity a capacity figure at ``[start, end)`` names. Kazakh "тәулігіне 500
        тонна бидай өңдейтін диірмен": what a facility processes is its input; the output the
        facility implies (flour of a mill) wins when there is one."""
        ctx = self.ctx
        inside = attr.product_inside(ctx, i, start, end)
        if inside:
            return inside
        after = attr.product_after(ctx, i, end)
        if after and self.lang == "kk" and kk_phrases.processed_after(self.scan.low, end):
            return attr.facility_product(ctx, i) or after
        return after or attr.product_before(ctx, i, start)

    def _capacity_products(self, i: int, start: int, end: int) -> set[str]:
        """Products of the capacity figures of sentence ``i`` within ``[start, end)``."""
        return set(self._ordered_caps(i, start, end))

    def _ordered_caps(self, i: int, start: int, end: int) -> list[str]:
        """As ``_capacity_products``, in text order (once each)."""
        ctx = self.ctx
        out: list[str] = []
        for f in self._caps:
            if start <= f.start and f.end <= end and ctx.sentence_index(f.start) == i:
                p = self._capacity_product(f, i)
                if p is None and f.unit == "MW":
                    p = "electricity"
                if p and p not in out:
                    out.append(p)
        return out

    def _capacity_product(self, f: Fact, i: int) -> str | None:
        """The product of capacity ``f``: what the figure names; with ``project_product`` rules
        the facility's own when it is the same thing more precisely ("100 engines" of a "line
        for diesel locomotive engines"), and, when the figure names nothing, that of the
        facility it measures ("a fruit storage facility for 12 thousand tonnes")."""
        own = self._figure_product(i, f.start, f.end)
        if not self.rules.project_product:
            return own
        if own:
            fac = self._facility_product_near(i)
            return fac if fac and fac.endswith(" " + own) else own
        m = self._facility_before(i, f.start)
        return attr.product_of_facility(self.ctx, i, m) if m is not None else None

    def _facility_product_near(self, i: int) -> str | None:
        """Product a facility of sentence ``i``, else of its paragraph, implies."""
        ctx = self.ctx
        for j in [i, *ctx.paragraph_range(i)]:
            fac = attr.facility_product(ctx, j)
            if fac:
                return fac
        return None

    def _facility_before(self, i: int, pos: int) -> Mention | None:
        """The facility a figure at ``pos`` measures: the last one named before it in its
        clause, with no other figure between them ("a dairy farm for 4,800 cows")."""
        c_start, _ = self.ctx.sentences[i].clause_span(pos)
        found = [m for m in self.ctx.mentions_of(i, "facility")
                 if c_start <= m.start and m.end <= pos and m.key != "project"]
        if not found:
            return None
        m = found[-1]
        if pos - m.end > 60 or any(m.end <= a and b <= pos for a, b in self._parsed_spans):
            return None
        return m

    def _main_product(self, i: int, caps: list[str]) -> str | None:
        """The product of a project whose capacities name several ("1.2 million tonnes of urea
        and 700 thousand tonnes of ammonia"): with ``project_product`` rules the one its
        facility implies, else the first named by a new plant; otherwise none."""
        if not self.rules.project_product or not caps:
            return None
        fac = self._facility_product_near(i)
        if fac in caps:
            return fac
        # a programme of a company that makes several ("coal, iron ore concentrate and steel",
        # "modernising its plant") has no single product; a new plant or complex has its first
        new = attr.names_new_facility(self.ctx, self.ctx.paragraph_range(i))
        return caps[0] if new else None

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


# cue names asked for by the rules above (built once, not per call)
_CUES_COMMISSION = frozenset({"commission", "strong_commission"})
_CUES_CONSTRUCTION_START = frozenset({"construction_start"})
_CUES_CONSTRUCTION_WORD = frozenset({"construction_word"})
_CUES_COUNT_FUTURE = frozenset({"count_future"})
_CUES_EMPLOY = frozenset({"employ"})
_CUES_JOBS_DISTRACTOR = frozenset({"jobs_distractor"})
_CUES_JOBS_PERMANENT = frozenset({"jobs_permanent"})
_CUES_JOBS_TEMPORARY = frozenset({"jobs_temporary"})
_CUES_MACRO = frozenset({"macro"})
_CUES_MONEY_DISTRACTOR = frozenset({"money_distractor"})
_CUES_MONEY_DISTRACTOR_AFTER = frozenset({"money_distractor_after"})
_CUES_PORTFOLIO = frozenset({"portfolio"})
_CUES_START_WORD = frozenset({"start_word"})
_JOBS_CONSTRUCTION = frozenset({"jobs_construction"})
_UPKEEP_PURPOSE = frozenset({"upkeep_purpose"})
_INVESTMENT_WORD = frozenset({"investment_word"})
_JOBS_PERMANENT_CLAUSE = frozenset({"jobs_permanent_clause"})
_OUTPUT_WORD = frozenset({"output_word"})
_NOT_A_FACILITY = frozenset({"launched_not_facility"})
_VALUE_OF = frozenset({"value_of"})
_MACRO_AFTER = frozenset({"macro_after"})
# figure patterns (ids in figures*.jsonl) of a bare amount: a figure only after a currency sign
BARE_FIGURES = frozenset({"num.bare", "ru.num.bare"})
# a single word ("launched", not "was launched")
_ONE_TOKEN_RE = re.compile(r"\w+$")
# facilities counted as a programme of works ("12 schools ... are under construction")
_FACILITY_COUNT_NOUNS = frozenset({"schools", "hospitals", "kindergartens", "clinics", "plants",
                                   "factories", "enterprises", "facilities", "complexes", "mills",
                                   "farms"})


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


def _bare_month(text: str, start: int, end: int) -> int | None:
    """Month number when ``text[start:end]`` is a month name alone ("October")."""
    word = text[start:end]
    return month_of(word.lower()) if word.isalpha() else None


# after a bare month: its day or year ("December 2025", "June 1") or a range of months
_MONTH_CONTINUES = re.compile(r"\s*(?:[-–—]|\d)")


def _month_of_date(published: str | None) -> int | None:
    if not published or len(published) < 7 or not published[5:7].isdigit():
        return None
    month = int(published[5:7])
    return month if 1 <= month <= 12 else None


def _year_of(published: str | None) -> int | None:
    if not published or len(published) < 4 or not published[:4].isdigit():
        return None
    return int(published[:4])

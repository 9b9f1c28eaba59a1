"""Figures of a release: which figure expressions are facts, and of which metric.

The scanner (``pipeline``: regular expressions compiled from ``patterns/*.jsonl``) finds figure
expressions ("300,000 tonnes", "47bn", "2 thousand new jobs") and the qualifier or currency
words right before them ("up to", "$", "KZT"); ``normalize.parse_figure`` gives value, unit and
qualifier; the unit and the clause's cues give the metric (investment, jobs, count, capacity,
size) and filter distractors (output value, exports, taxes, national production, existing
stock). Jobs get their kind (permanent, temporary, construction), figures their period.

``FigureReading`` is a part of ``extract._Extraction``: it reads the state that class sets up.
"""

from __future__ import annotations

from dataclasses import replace

from extractors.attribution import DocContext
from extractors.fact import Fact
from extractors.figure_parse import ParsedFigure, parse_figure
from extractors.pipeline import Scan, Scanner
from extractors.rules import LanguageRules

CURRENCY_UNITS = frozenset({"USD", "KZT", "EUR", "CNY", "RUB", "GBP", "JPY", "KRW", "AED", "SAR"})
CAPACITY_UNITS = frozenset({"t", "m3", "MW", "MWh", "Gcal/h", "head", "units", "places"})
SIZE_UNITS = frozenset({"km", "ha", "m2"})
# normaliser flags worth a reader's attention; internal ones ("people") are not passed on
PUBLIC_FLAGS = frozenset({"two_currencies", "ambiguous", "ambiguous_scale", "suspicious",
                          "current_headcount"})
# characters after a money figure searched for "to support" etc. (unless the rules say)
_DISTRACTOR_AFTER_LIMIT = 40

# cue names asked for by the rules below (built once, not per call)
_CUES_COUNT_FUTURE = frozenset({"count_future"})
_CUES_COUNT_BEFORE = frozenset({"count_before"})
_CUES_EMPLOY = frozenset({"employ"})
_CUES_JOBS_DISTRACTOR = frozenset({"jobs_distractor"})
_CUES_JOBS_PAST = frozenset({"jobs_past"})
_CUES_JOBS_PERMANENT = frozenset({"jobs_permanent"})
_CUES_JOBS_TEMPORARY = frozenset({"jobs_temporary"})
_CUES_MACRO = frozenset({"macro"})
_CUES_PERIOD_YEAR = frozenset({"period_year"})
_CUES_MONEY_DISTRACTOR = frozenset({"money_distractor"})
_CUES_MONEY_DISTRACTOR_AFTER = frozenset({"money_distractor_after"})
_JOBS_CONSTRUCTION = frozenset({"jobs_construction"})
_CUES_SITE_NOW = frozenset({"site_now"})
_UPKEEP_PURPOSE = frozenset({"upkeep_purpose"})
_INVESTMENT_WORD = frozenset({"investment_word"})
_JOBS_PERMANENT_CLAUSE = frozenset({"jobs_permanent_clause"})
_OUTPUT_WORD = frozenset({"output_word"})
_VALUE_OF = frozenset({"value_of"})
_MACRO_AFTER = frozenset({"macro_after"})
_MACHINERY_AFTER = frozenset({"machinery_after"})
# figure patterns (ids in figures*.jsonl) of a bare amount: a figure only after a currency sign
BARE_FIGURES = frozenset({"num.bare", "ru.num.bare"})
# facilities counted as a programme of works ("12 schools ... are under construction")
_FACILITY_COUNT_NOUNS = frozenset({"schools", "hospitals", "kindergartens", "clinics", "plants",
                                   "factories", "enterprises", "facilities", "complexes", "mills",
                                   "farms"})


class FigureReading:
    """Figure facts of one release (a part of ``extract._Extraction``)."""

    scanner: Scanner
    scan: Scan
    text: str
    lang: str
    rules: LanguageRules
    rev: str  # the lower-cased text reversed: prefixes are matched backwards
    ctx: DocContext
    _figure_start: dict[int, int]  # end -> start of the figures read
    _counts: list[Fact]  # the count facts (set by ``run`` after ``_figure_facts``)
    _parsed_spans: list[tuple[int, int]]  # every figure parsed, fact or not
    _count_starts: list[int]

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
            parsed = parse_figure(span_text, self.lang) or self._year_like_count(span_text)
            if parsed is not None and parsed.unit is None and not parsed.flags:
                # stopgap until the normaliser knows these nouns (reported to its owner)
                last = span_text.rsplit(None, 1)[-1].lower()
                if last in rules.countable:
                    parsed = replace(parsed, unit="units")
                elif last in rules.livestock:
                    parsed = replace(parsed, unit="head")
                elif last in rules.place_nouns:
                    parsed = replace(parsed, unit="places")
                elif last in rules.people_words:  # "3 200 рабочих": a headcount, as "people"
                    parsed = replace(parsed, unit="jobs", flags=("people",))
                elif last in _FACILITY_COUNT_NOUNS or last in rules.counted_facilities:
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
                self._count_starts.append(start)
            fact = Fact(metric=metric, value=parsed.value, unit=unit, qualifier=parsed.qualifier,
                        value_max=parsed.value_max, period=parsed.period or self._period(i, end),
                        evidence=span_text, start=start, end=end,
                        sentence=ctx.sentence_text(i),
                        flags=[x for x in parsed.flags if x in PUBLIC_FLAGS])
            if metric == "jobs":
                fact.kind = self._job_kind(i, start, end)
                if fact.kind == "construction" and self._on_site_now(i, start):
                    fact.flags.append("current_headcount")
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
            # "2,000 people were employed through the programme": past employment, unless
            # the clause names the construction it was ("... were employed during construction")
            if ctx.cues_in(i, c_start, c_end, _CUES_JOBS_PAST) and \
                    not ctx.cues_in(i, c_start, c_end, _JOBS_CONSTRUCTION):
                return None
            last = span_text.split()[-1].lower()
            if last in self.rules.people_words or "people" in p.flags:
                return "jobs" if ctx.cues_in(i, s.start, s.end, _CUES_EMPLOY) else None
            return "jobs"
        if unit == "projects":
            last = span_text.split()[-1].lower()
            if self.rules.count_noun.match(last):
                return "count"
            # "3 dairy farms will be expanded": facilities counted as a programme of works
            if ctx.cues_in(i, end, c_end, _CUES_COUNT_FUTURE):
                return "count"
            # "is building 217 schools", "covers 655 medical facilities": the verb right before
            return "count" if any(not self.text[m.end:start].strip() for m in
                                  ctx.cues_in(i, c_start, start, _CUES_COUNT_BEFORE)) else None
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
            if unit == "units" and self._machines_or_parts(i, start, end, p):
                return None
            if unit == "units" and span_text.split()[-1].lower() in self.rules.pieces_need_rate \
                    and not p.period and not self._period(i, end):
                return None  # "handed over 3,000 sets of uniforms": a delivery, not output
            # "18 thousand km of cable a year": lengths and areas made at a rate are output
            if unit in SIZE_UNITS and not (unit == "m2" and self._period(i, end)) and \
                    not (unit == "km" and self._own_period(i, end)):
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
        # "products worth $150 million a year": money at a yearly rate is revenue or output
        if self.rules.annual_money_not_investment and any(
                not self.text[end:m.start].strip()
                for m in ctx.cues_in(i, end, min(c_end, end + 12), _CUES_PERIOD_YEAR)):
            return True
        limit = self.rules.distractor_after_limit or _DISTRACTOR_AFTER_LIMIT
        return bool(ctx.cues_in(i, end, min(c_end, end + limit),
                                _CUES_MONEY_DISTRACTOR_AFTER))

    def _machines_or_parts(self, i: int, start: int, end: int, p: ParsedFigure) -> bool:
        """Pieces that are no output: machines at work on a site ("120 units of machinery
        involved") unless at a rate, or parts of a whole ("four of the nine hydro units")."""
        whole = self.rules.part_of_whole
        if whole is not None and whole.search(self.ctx.low, max(0, start - 40), start):
            return True
        if p.period or self._period(i, end):
            return False
        m = next(iter(self.ctx.cues_in(i, end, min(len(self.text), end + 30), _MACHINERY_AFTER)),
                 None)
        return m is not None and not self.text[end:m.start].strip()

    def _macro_before(self, i: int, c_start: int, start: int) -> bool:
        opener = self.rules.purpose_opener
        if opener is not None:
            s = self.ctx.sentences[i]
            m = opener.match(self.ctx.low, s.start, start) if c_start == s.start else None
            if m is not None:
                c_start = m.end()  # "To close the deficit, X builds ...": why, not what
        return bool(self.ctx.cues_in(i, c_start, start, _CUES_MACRO))

    def _year_like_count(self, span_text: str) -> ParsedFigure | None:
        """"2,000 oil and gas pumps": a count of a stopgap noun whose number looks like a year,
        which the normaliser takes for a bare year; read as the number and a unit it knows."""
        words = span_text.split()
        if len(words) < 2 or words[-1].lower() not in self.rules.countable:
            return None
        # the qualifier words and the number ("about 2,000"), and its scale word if any
        k = next((j for j, w in enumerate(words) if w[0].isdigit()), len(words) - 1) + 1
        if k < len(words) - 1 and words[k].lower() in self.rules.scale_words:
            k += 1
        parsed = parse_figure(" ".join(words[:k]) + " units", self.lang)
        return parsed if parsed is not None and parsed.unit == "units" else None

    def _capacity_anchor(self, i: int, c_start: int, c_end: int, start: int) -> bool:
        """A capacity belongs to a facility: a singular facility, a capacity word, a pronoun or a
        company in the sentence, a count of projects in the clause or earlier in the sentence, or
        a company in the paragraph."""
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
        # "возводятся 40 школ, рассчитанных на 60 тыс. мест": a count read before it in the
        # sentence (``_counts`` is set only once all figures are read)
        return bool(self._count_in(i, c_start, c_end)) or \
            any(s.start <= c < start for c in self._count_starts)

    def _size_anchor(self, i: int, c_start: int, c_end: int) -> bool:
        ctx = self.ctx
        s = ctx.sentences[i]
        if any(m.kind in ("facility", "facility_plural") or
               (m.kind == "cue" and m.key in ("size_anchor", "portfolio")) for m in s.mentions):
            return True
        # "The canal is being rebuilt. 52 thousand hectares will get water": the facility the
        # previous sentence of the paragraph is about (not a generic "project")
        return i > 0 and i - 1 in ctx.para_sentences(i) and \
            any(m.key != "project" for m in ctx.mentions_of(i - 1, "facility"))

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

    def _own_period(self, i: int, end: int) -> bool:
        """A period after the figure with no other figure between ("18 thousand km of cable a
        year", not "1,200 km long, will carry 10 billion cubic metres of gas a year")."""
        _, c_end = self.ctx.sentences[i].clause_span(end)
        return any(m.kind == "cue" and m.key.startswith("period_") and end <= m.start <= c_end
                   and not any(ch.isdigit() for ch in self.text[end:m.start])
                   for m in self.ctx.sentences[i].mentions)

    def _on_site_now(self, i: int, start: int) -> bool:
        """Whether the clause counts the people at work on a site on the day of the report
        ("Currently 1,800 construction workers are employed at the site", "сейчас на объекте
        занято 1 200 человек", "қазір нысанда 600 құрылысшы жұмыс істеп жатыр"): a snapshot
        the warehouse never compares with planned jobs."""
        c_start, c_end = self.ctx.sentences[i].clause_span(start)
        return bool(self.ctx.cues_in(i, c_start, c_end, _CUES_SITE_NOW))

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
        return "construction" if self._built_now(i) else None

    def _built_now(self, i: int) -> bool:
        """Whether sentence ``i`` says its site is being built today ("В настоящее время на
        площадке ведется строительство ..., на объекте занято 1 200 человек"): the people at
        work there are its builders. Russian and Kazakh only (the English rules do not ask)."""
        if self.lang == "en":
            return False
        s = self.ctx.sentences[i]
        return bool(self.ctx.cues_in(i, s.start, s.end, _CUES_SITE_NOW)) and any(
            m.kind == "status" and m.key == "under_construction" for m in s.mentions)

"""Status facts of a release: "is being built", "plans to build", "was launched".

Status phrases (``status`` mentions: under_construction, planned, commissioned...) become
``status`` facts, one per sentence and value, except where they are not news: "to be launched",
"the launched projects", a launch of works ("launched the construction of"), of jobs or a
scheme rather than a facility ("открыто 120 рабочих мест"), a status that describes ("facilities
under construction") or a plan told in a relative clause. A list of facilities ("a poultry
farm, a glass plant and a wind farm were put into operation") gives one status per facility,
each with its label (and, with ``project_product`` rules, its product). A plan to launch one
project (Kazakh "іске қосу жоспарланған") dates its launch and is not a status.

``StatusReading`` is a part of ``extract._Extraction``: it reads the state that class sets up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from extractors import attribution as attr
from extractors.dates import CUES_CONSTRUCTION_WORD, prev_word
from extractors.fact import Fact
from extractors.figure_parse import parse_figure
from extractors.figures import CURRENCY_UNITS
from extractors.pipeline import Mention
from extractors.products import ProductChoice, product_of_facility

_NOT_A_FACILITY = frozenset({"launched_not_facility"})
_PREPARATORY = frozenset({"preparatory_work"})
# a single word ("launched", not "was launched")
_ONE_TOKEN_RE = re.compile(r"\w+$")
# the short subject, already named, of "will be built" ("The plant will be built", "It will be
# built"): a plan for the project the release is about; after a longer noun phrase ("a sugar
# plant of 150 thousand tonnes will be built", "a railway line, 270 km long, will be built in
# 2024-2025") the phrase lists a programme's targets, which the dev set does not read as a status
_NAMED_SUBJECT_RE = re.compile(r"\s*(?:it|(?:the|this|that)\s+[a-z-]+)\s*$")


class StatusReading(ProductChoice):
    """Status facts of one release (a part of ``extract._Extraction``); a product choice
    because each facility of a list keeps its own product."""

    text: str
    _counts: list[Fact]  # the count facts, in text order

    def facts_in_sentence(self, i: int) -> Iterable[Fact]:
        """Facts of sentence ``i`` attributed so far (``extract._Extraction``)."""
        raise NotImplementedError

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
            if i < 0:
                continue
            reported = self._works_status(i, value, start)
            if reported is None or (i, reported) in seen_sent:
                continue
            value = reported
            if text[start:end].lower() in self.rules.status_after_facility \
                    and not self._right_after_facility(i, start):
                continue  # "инвестиция салынады": money to be invested, not a facility built
            # "launched the construction of the plant": works began, nothing was commissioned
            if value == "commissioned" and ctx.cues_in(i, end, end + 25,
                                                       CUES_CONSTRUCTION_WORD):
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

    def _works_status(self, i: int, value: str, start: int) -> str | None:
        """The status a phrase reports given what its clause says is done: "is under way" is
        ``under_construction`` after "Construction of ..." and nothing after "Work on the
        design"; "will be built" is ``planned`` after a short subject already named ("The plant
        will be built") only; "was completed" after "The design work" is not a launch."""
        c_start, _ = self.ctx.sentences[i].clause_span(start)
        if value == "under_way":
            return "under_construction" if self.ctx.cues_in(
                i, c_start, start, CUES_CONSTRUCTION_WORD) else None
        if value == "will_be_built":
            subject = self.text[c_start:start].lower()
            return "planned" if _NAMED_SUBJECT_RE.fullmatch(subject) else None
        if value == "commissioned" and self.ctx.cues_in(i, c_start, start, _PREPARATORY):
            return None
        return value

    def _without_restated_status(self, facts: list[Fact]) -> list[Fact]:
        """``facts`` (attributed, in text order) without the statuses that repeat one said
        earlier in the same paragraph with the same value, project, scope and region: "the
        construction of the hospital is under way ... Its construction follows the plan" is one
        fact, at its first statement."""
        said: set[tuple[int, str, str, str, str | None]] = set()
        out: list[Fact] = []
        for f in facts:
            if f.metric == "status":
                i = self.ctx.sentence_index(f.start)
                key = (self.ctx.sentences[i].para, str(f.value), f.project, f.scope, f.region)
                if key in said:
                    continue
                said.add(key)
            out.append(f)
        return out

    def _is_project_launch_plan(self, f: Fact) -> bool:
        """A plan to launch one project ("зауытты 2027 жылы іске қосу жоспарланған",
        "пайдалануға беру көзделген") dates its launch, whatever stage it is at: not a status.
        Said of a portfolio ("биыл 12 жобаны іске қосу жоспарланған") it says they are planned,
        unless its paragraph already reports them as being built or launched ("41 мектеп салынып
        жатыр ... Барлық мектептерді 2025 жылы пайдалануға беру көзделген")."""
        if not self._is_launch_plan(f):
            return False
        return f.scope != "portfolio" or self._paragraph_under_way(f)

    def _paragraph_under_way(self, f: Fact) -> bool:
        """Whether the paragraph of ``f`` reports a portfolio as being built or launched."""
        i = self.ctx.sentence_index(f.start)
        return any(g.metric == "status" and g.scope == "portfolio" and g.value in
                   ("under_construction", "commissioned")
                   for j in self.ctx.paragraph_range(i) for g in self.facts_in_sentence(j))

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
        return product_of_facility(self.ctx, i, m)

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

    def _right_after_facility(self, i: int, start: int) -> bool:
        """Whether a facility noun of sentence ``i`` ends right before ``start``."""
        return any(m.kind in ("facility", "facility_plural") and m.key != "project"
                   and m.end <= start and not self.text[m.end:start].strip()
                   for m in self.ctx.sentences[i].mentions)

    def _launches_no_facility(self, i: int, end: int, figures: list[Fact]) -> bool:
        """Whether a launch verb ending at ``end`` opens jobs or a scheme rather than a facility:
        "открыто 120 рабочих мест", "запущена программа льготного лизинга"; or earns money
        ("компания заработала 5 млрд тенге прибыли")."""
        text = self.text
        if any(f.metric == "jobs" and f.start >= end and not text[end:f.start].strip()
               for f in figures):
            return True
        if any(a >= end and not text[end:a].strip() and _is_money(text[a:b], self.lang)
               for a, b in self._parsed_spans):
            return True
        return bool(self.ctx.cues_in(i, end, end + 25, _NOT_A_FACILITY))


def _is_money(figure: str, lang: str) -> bool:
    parsed = parse_figure(figure, lang)
    return parsed is not None and parsed.unit in CURRENCY_UNITS

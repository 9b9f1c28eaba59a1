"""Products of a release: the commodity a project fact is about ("urea", "electricity").

A capacity names its product ("1.2 million tonnes of urea"; MW: electricity, Gcal/h: heat);
another fact takes the product of the capacities of its clause, else of its paragraph, else
the one its facility implies ("a flour mill"), else the one its clause names; a paragraph that
only adds figures continues the product of the last paragraph that introduced a project. With
``project_product`` rules (English) the product of a project is what its facility makes: of
several capacities the one its facility implies, or the first one a new plant names, and a
capacity that names nothing takes the product of the facility it measures.

``ProductChoice`` is a part of ``extract._Extraction``: it reads the state that class sets up.
"""

from __future__ import annotations

from extractors import attribution as attr
from extractors import kk_phrases
from extractors.attribution import DocContext
from extractors.fact import Fact
from extractors.pipeline import Mention, Scan
from extractors.rules import LanguageRules


class ProductChoice:
    """Products of the facts of one release (a part of ``extract._Extraction``)."""

    lang: str
    scan: Scan
    rules: LanguageRules
    ctx: DocContext
    _caps: list[Fact]  # the capacity facts, in text order
    _parsed_spans: list[tuple[int, int]]  # every figure parsed, fact or not

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

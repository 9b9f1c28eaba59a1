"""Products of a release: the commodity a project fact is about ("urea", "electricity").

A capacity names its product ("1.2 million tonnes of urea"; MW: electricity, Gcal/h: heat);
another fact takes the product of the capacities of its clause, else of its paragraph, else
the one its facility implies ("a flour mill"), else the one its clause names; a paragraph that
only adds figures continues the product of the last paragraph that introduced a project. With
``project_product`` rules (English) the product of a project is what its facility makes: of
several capacities the one its facility implies, or the first one a new plant names, and a
capacity that names nothing takes the product of the facility it measures.

The products the gazetteer's mentions give around a position are the functions below: the
commodity right after a figure ("tonnes of copper cathode"), inside it ("13 thousand
transformers"), the subject of an output before it ("bring coal output to ..."), the one a
facility implies ("sugar plant", "plant for potassium chloride"; in English, where the gazetteer
names none, the noun it is named after: ``derived_product``), the first of a clause.
``ProductChoice``, a part of ``extract._Extraction`` that reads the state that class sets up,
chooses a fact's product among them.
"""

from __future__ import annotations

import re

from extractors import attribution as attr
from extractors import kk_phrases
from extractors.attribution import DocContext
from extractors.fact import Fact
from extractors.pipeline import Mention, Scan
from extractors.rules import LanguageRules


def product_after(ctx: DocContext, i: int, end: int, limit: int = 3) -> str | None:
    """Product named right after a figure ending at ``end``: "tonnes of copper cathode"."""
    text = ctx.text
    found = ctx.mentions_of(i, "product")
    for k, m in enumerate(found):
        if m.start >= end:
            gap = text[end:m.start]
            if len(gap) > 40:
                break
            words = gap.split()
            # "tonnes of copper cathode"; Russian puts the product right after: "тонн меди";
            # "тонн томатов и огурцов": both
            if (words and words[0] == "of" and len(words) <= limit) or not words:
                return _joined_after(text, found[k:])
            return None
    return None


def product_inside(ctx: DocContext, i: int, start: int, end: int) -> str | None:
    """A product named inside the figure itself ("13 thousand transformers")."""
    for m in ctx.mentions_of(i, "product"):
        if m.start >= start and m.end <= end:
            return m.key
    return None


def product_before(ctx: DocContext, i: int, start: int) -> str | None:
    """Product named as the subject of an output right before a figure: "bring coal output to up
    to 9 million tonnes", "beet processing capacity will increase from 3,000 tonnes"."""
    for m in reversed(ctx.mentions_of(i, "product")):
        if m.end <= start:
            if _OUTPUT_BEFORE.match(ctx.text, m.end, start):
                return m.key
            # "raise the annual output of caustic soda to 60 thousand tonnes"
            if ctx.lang == "en" and _OUTPUT_OF.search(ctx.text, max(0, m.start - 40), m.start) \
                    and _OUTPUT_TO.fullmatch(ctx.text, m.end, start):
                return m.key
            return None
    return None


_OUTPUT_OF = re.compile(r"\b(?:output|production|capacity|processing|supply)\s+of\s+$")
_OUTPUT_TO = re.compile(r"\s+(?:to|at|of|will reach|reaching|will be|is|amounts to)\s+")
_OUTPUT_BEFORE = re.compile(r"\s+(?:output|production|processing capacity|processing)\b[^,;.]{0,40}$")


def facility_product(ctx: DocContext, i: int, plural: bool = False) -> str | None:
    """Product a facility of sentence ``i`` implies: "sugar plant", "ammonia and urea complex",
    "plant for potassium chloride", "wind farm" (electricity); with ``plural`` also facilities
    in the plural ("3 dairy farms")."""
    kinds = ("facility", "facility_plural") if plural else ("facility",)
    for f in [m for m in ctx.sentences[i].mentions if m.kind in kinds]:
        if f.key == "project":
            continue
        found = product_of_facility(ctx, i, f)
        if found:
            return found
    return None


def product_of_facility(ctx: DocContext, i: int, f: Mention) -> str | None:
    """Product the facility mention ``f`` of sentence ``i`` implies (see ``facility_product``);
    in English, where the gazetteer names none, the noun it is named after ("tractor plant",
    "bus assembly line", "plant for the assembly of Belarus tractors": ``derived_product``)."""
    text = ctx.text
    products = ctx.mentions_of(i, "product")
    if f.extra:
        return f.extra
    # "<product> [and <product>] [smelting|processing|production] <facility>"
    joined: list[str] = []
    cursor = f.start
    for p in reversed([p for p in products if p.end <= f.start]):
        gap = text[p.end:cursor].strip().lower()
        if gap in ("", "smelting", "processing", "production", "-") or \
                kk_phrases.makes_gap(gap) or (joined and gap in ("and", "и", "және")):
            if p.key not in joined:
                joined.insert(0, p.key)
            cursor = p.start
        else:
            break
    if joined:
        return " and ".join(joined)
    # "<facility> for|producing|of <product> [and <product>]"
    after = [p for p in products if p.start >= f.end]
    for k, p in enumerate(after):
        gap = text[f.end:p.start].strip().lower()
        if gap in ("for", "producing", "for the production of", "to produce", "of",
                   "по производству", "по выпуску", "для") or (
            gap.startswith("for ") and len(gap.split()) <= 3
        ) or _FOR_PRODUCT.fullmatch(" " + gap + " ") or (
            # Russian names the product in the genitive right after: "производство шин"
            not gap and ctx.lang == "ru"
        ):
            return _joined_after(text, after[k:])
        break
    # a set of facilities ("these three enterprises", "republican roads") is named after none
    return derived_product(ctx, i, f) if ctx.lang == "en" and f.kind == "facility" else None


def _joined_after(text: str, products: list[Mention]) -> str:
    """The first of ``products`` and those "and" joins to it ("по производству аммиака и
    карбамида" -> "ammonia and urea")."""
    keys = [products[0].key]
    for prev, p in zip(products, products[1:], strict=False):
        if text[prev.end:p.start].strip().lower() not in ("and", "и", "және"):
            break
        if p.key not in keys:  # "car seats and wiring harnesses": car components both
            keys.append(p.key)
    return " and ".join(keys)


# English: what a facility is named after, when the gazetteer has no product for it
_MAKING_WORDS = frozenset({"assembly", "building", "production", "processing", "manufacturing",
                           "making", "repair", "overhaul", "storage", "packaging", "bottling",
                           "refining"})
_NOT_A_PRODUCT = frozenset({"a", "an", "the", "of", "in", "at", "for", "to", "and", "or", "with",
                            "new", "its", "their", "this", "that", "these", "by", "on", "from",
                            "large", "largest", "big", "modern", "first", "second", "own", "main",
                            "key", "joint", "major", "future", "existing", "local", "industrial",
                            "investment", "pilot", "which", "is", "are", "will", "was", "were",
                            "has", "have", "be", "full", "cycle", "project", "plant", "factory",
                            "enterprise", "facility", "complex", "site", "unit", "zone", "park",
                            "cluster", "hub", "centre", "center", "area", "worth", "cost",
                            "costs", "costing", "valued", "can", "could", "would", "should",
                            "employs", "produces", "operates", "requires", "includes", "needs",
                            "uses", "makes", "gives", "creates", "opens", "starts", "works"})
# adjective endings ("metallurgical plant", "chemical complex", "modern line"): not a product
_ADJECTIVE_END = re.compile(r"(?:al|ic|ive|ous|ary|ern|ed|ful|an|ese|ing|able|ible|less)$")
_FOR_PRODUCT = re.compile(
    r"\s+(?:of\s+(?:[A-Z][\w-]*\s+){1,3})?(?:for|making|to\s+produce)\s+(?:the\s+)?"
    r"(?:(?:production|manufacture|manufacturing|assembly|output|overhaul|repair|processing|"
    r"release|storage)\s+of\s+)?")
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")


def derived_product(ctx: DocContext, i: int, f: Mention) -> str | None:
    """The product an English facility is named after: the nouns right before it ("engine
    plant", "glass container plant", "bus assembly line", "car-building plant") or what it is
    "for" ("plant for the production of Essil combine harvesters" -> "combine harvester",
    "plant for bogies and couplers" -> "bogie"), singular, without proper names; None when
    only adjectives or nothing stand there ("metallurgical plant", "new complex")."""
    s = ctx.sentences[i]
    text = ctx.text
    before = _nouns_before(text[max(s.start, f.start - 60):f.start])
    if before:
        return before
    m = _FOR_PRODUCT.match(text, f.end, s.end)
    if m is None:
        return None
    return _nouns_after(text[m.end():s.end])


def _nouns_before(chunk: str) -> str | None:
    """The product nouns that end ``chunk`` (the text right before a facility noun)."""
    words = chunk.split()
    if not words or not words[-1].replace("-", "").isalpha():
        return None
    # "car-building plant", "bus assembly line": a making word after the product
    last = words[-1]
    if "-" in last and last.rsplit("-", 1)[1].lower() in _MAKING_WORDS:
        words[-1] = last.rsplit("-", 1)[0]
    elif last.lower() in _MAKING_WORDS:
        words.pop()
    nouns: list[str] = []
    for w in reversed(words):
        if not _is_product_noun(w) or len(nouns) == 3:
            break
        nouns.insert(0, w.lower())
    if not nouns:
        return None
    return " ".join([*nouns[:-1], _singular(nouns[-1])])


def _nouns_after(chunk: str) -> str | None:
    """The first product noun phrase of ``chunk`` (after "plant for"): modifiers coordinated
    by "and" lead to their noun ("tempered and laminated glass" -> "glass"), nouns coordinated
    by "and" give the first ("bogies and couplers" -> "bogie")."""
    words: list[str] = []
    for tok in chunk.split():
        w = tok.strip(",.;:()\"'")
        if not _WORD.fullmatch(w):
            break
        words.append(w)
        if w != tok:
            break
    phrase: list[str] = []
    coordinated = False
    for k, w in enumerate(words):
        low = w.lower()
        if low in ("and", "or"):
            if phrase and phrase[-1].endswith("s"):
                break  # "bogies and couplers": the first of two nouns
            phrase = []  # "tempered and laminated glass": the coordinated modifiers go
            coordinated = True
            continue
        if w[0].isupper():
            continue  # a brand or a place ("Essil", "Belarus")
        if low in _NOT_A_PRODUCT and low not in ("unit",):
            break
        phrase.append(low)
        if k + 1 < len(words) and words[k + 1] != words[k + 1].strip(",.;:"):
            break
    if not phrase or _ADJECTIVE_END.search(phrase[-1]):
        return None
    if coordinated:
        phrase = phrase[-1:]
    return " ".join([*phrase[:3][:-1], _singular(phrase[:3][-1])])


def _is_product_noun(w: str) -> bool:
    low = w.lower()
    return (w.isalpha() and w.islower() and low not in _NOT_A_PRODUCT and len(low) > 2
            and low not in _MAKING_WORDS and not _ADJECTIVE_END.search(low))


def _singular(word: str) -> str:
    """English singular of a plural noun ("tractors", "factories", "buses"); other words as
    they are."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "uses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def clause_product(ctx: DocContext, i: int, pos: int) -> str | None:
    """First product named in the clause of sentence ``i`` that holds ``pos``."""
    start, end = ctx.sentences[i].clause_span(pos)
    found = [m for m in ctx.mentions_of(i, "product") if start <= m.start < end]
    return found[0].key if found else None


class ProductChoice:
    """Products of the facts of one release (a part of ``extract._Extraction``)."""

    lang: str
    scan: Scan
    rules: LanguageRules
    ctx: DocContext
    _caps: list[Fact]  # the capacity facts, in text order
    _parsed_spans: list[tuple[int, int]]  # every figure parsed, fact or not
    # computed once per release: every fact asks again about the capacities and facilities of
    # its clause and paragraph. Keys: (sentence, start, end) of a capacity; (sentence, plural)
    _capacity_products_of: dict[tuple[int, int, int], str | None]
    _facility_products_of: dict[tuple[int, bool], str | None]

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
            return self._facility_product(i, plural=True)
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
        fac = self._facility_product(i)
        if fac:
            return fac
        for j in para:
            fac = self._facility_product(j)
            if fac:
                return fac
        own = clause_product(ctx, i, f.start)
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
                if caps and self.rules.project_product:  # that project's main product
                    return self._main_product(prev.start, [
                        p for j in prev
                        for p in self._ordered_caps(j, ctx.sentences[j].start, ctx.sentences[j].end)])
                for j in prev:
                    fac = self._facility_product(j)
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
        inside = product_inside(ctx, i, start, end)
        if inside:
            return inside
        after = product_after(ctx, i, end)
        if after and self.lang == "kk" and kk_phrases.processed_after(self.scan.low, end):
            return self._facility_product(i) or after
        return after or product_before(ctx, i, start)

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

    def _facility_product(self, i: int, plural: bool = False) -> str | None:
        """``facility_product`` of sentence ``i``, computed once per release."""
        key = (i, plural)
        known = self._facility_products_of
        if key not in known:
            known[key] = facility_product(self.ctx, i, plural)
        return known[key]

    def _capacity_product(self, f: Fact, i: int) -> str | None:
        """The product of capacity ``f`` (in sentence ``i``): what the figure names; with
        ``project_product`` rules the facility's own when it is the same thing more precisely
        ("100 engines" of a "line for diesel locomotive engines"), and, when the figure names
        nothing, that of the facility it measures ("a fruit storage facility for 12 thousand
        tonnes"). Computed once per release (it depends only on the figure's place)."""
        key = (i, f.start, f.end)
        known = self._capacity_products_of
        if key not in known:
            known[key] = self._read_capacity_product(f, i)
        return known[key]

    def _read_capacity_product(self, f: Fact, i: int) -> str | None:
        own = self._figure_product(i, f.start, f.end)
        if not self.rules.project_product:
            return own
        if own:
            fac = self._facility_product_near(i)
            return fac if fac and fac.endswith(" " + own) else own
        m = self._facility_before(i, f.start)
        return product_of_facility(self.ctx, i, m) if m is not None else None

    def _facility_product_near(self, i: int) -> str | None:
        """Product a facility of sentence ``i``, else of its paragraph, implies."""
        ctx = self.ctx
        for j in [i, *ctx.paragraph_range(i)]:
            fac = self._facility_product(j)
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
        if not caps:
            return None
        fac = self._facility_product_near(i)
        # "a complex for ammonia and urea" with a capacity of each: the facility names them all
        if fac and " and " in fac and set(caps) <= set(fac.split(" and ")):
            return fac
        if not self.rules.project_product:
            return None
        if fac in caps:
            return fac
        # a programme of a company that makes several ("coal, iron ore concentrate and steel",
        # "modernising its plant") has no single product; a new plant or complex has its first
        new = attr.names_new_facility(self.ctx, self.ctx.paragraph_range(i))
        return caps[0] if new else None

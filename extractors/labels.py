"""Project labels: a short name for what a project figure is about, as the release words it.

The warehouse's resolver (warehouse/projects.py) reads labels for facility types, phases and
proper names, and treats two labels of one release as two projects, so a label must be the
same for every figure about one project of a release and must keep what tells projects apart.

A *candidate* is a phrase of the release that names a project: a facility noun with its
modifiers, a programme noun ("modernisation programme", "its modernisation"), or a phase of
one ("first phase of the plant"). Candidates are read once per release, in text order (English
rules; Russian keeps the plain label: the adjectives and noun of the first facility of the
sentence or of the nearest earlier sentence of its paragraph, "медеплавильный завод"):

- pre-modifiers: up to four words right before the noun, stopping at articles, prepositions,
  verbs, numbers, punctuation and size or novelty adjectives ("a large copper smelting plant" ->
  "copper smelting plant"); "and" joins two modifiers ("ammonia and urea complex");
- post-modifiers: a route ("railway line from Bakhty to Ayagoz"), a place that is not a region
  ("sugar plant in the town of Shu" -> "sugar plant in Shu"), a product the facility makes, moved
  in front ("plant for hot-briquetted iron" -> "hot-briquetted iron plant");
- a definite bare noun ("the line", "the plant", "the new enterprise", "the project") refers back
  to the latest candidate with the same head noun, else of the same kind of industrial facility
  ("the plant" after "copper smelter"), any candidate for the generic "enterprise", "facility",
  "project", and takes its label; an indefinite bare noun takes the product it is said to make
  in its clause ("a plant that will turn out 2 million tonnes of hot-briquetted iron" ->
  "hot-briquetted iron plant"); "the project of X for a Y complex" is labelled by Y;
- a programme noun without a proper name takes the company named around it ("its
  modernisation" -> "Qarmet modernisation");
- a phase keeps its words and what it is a phase of ("first stage of the Qarmet modernisation");
  "this phase" refers to the latest phase.

A figure takes, in order: the candidate it modifies ("a 48 MW wind farm") or its clause says it
is for ("$3 billion in its modernisation"); the nearest candidate before it in its clause (two
coordinated facilities each keep their figures); the first in its clause; the first facility of
its sentence; that of the nearest earlier sentence that has one, across paragraphs (a paragraph
of figures continues the project before it); else the company, else "project".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors import attribution as attr
from extractors.attribution import DocContext
from extractors.pipeline import Mention

_WORD_RE = re.compile(r"\w[\w'’\-]*|[^\w\s]")
# words that end a run of pre-modifiers (the noun phrase starts after them)
_PRE_STOP_WORDS = """
a an the of in at on for to from by with and or as into onto near its their his her our this
that these those such which who where when while will would shall can could may might must is
are was were be been being has have had do does did not also both each every all any some
build built building construct constructed constructing construction launch launched open
opened opening create created visit visited toured plan plans planned include includes
including considering implement implementing implemented signed agreed new large large-scale
major big huge giant modern largest biggest first second third fourth fifth next same future
whole existing own key main another other one two three several many country's kazakhstan's
mw gw kw km ha bed seat tonne tonnes by
"""
_PRE_STOP = frozenset(_PRE_STOP_WORDS.split())
# Russian: prepositions, conjunctions, auxiliaries, place nouns ("в Павлодарской области завод")
_PRE_STOP_RU_WORDS = """
в во на по с со для у под и а но из к ко от о об при за над до это этот эта этом эти будет был
была были будут будет является планируется построен построена построено строится новый новая
новое нового новом крупный крупная крупного области область района район региона регион
города город поселка поселок села село году года
"""
_PRE_STOP_RU = frozenset(_PRE_STOP_RU_WORDS.split())
_RU_ADJECTIVE = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю)$", re.I)
_MAX_MODIFIERS = 4
_DEFINITE = frozenset({"the", "this", "that", "its", "their", "these"})
_BETWEEN_DET_AND_NOUN = frozenset({"new", "same", "future", "whole", "above", "said", "entire"})
# head nouns that can refer back to any project of the release
_HYPERNYMS = frozenset({"enterprise", "facility", "project", "site", "object"})
# facility types (gazetteer keys) one generic noun can stand for: "the plant" after "smelter"
_INDUSTRIAL = frozenset({"plant", "smelter", "mill", "complex", "refinery"})
_PROGRAMME_NOUNS = ("moderni[sz]ation", "expansion", "reconstruction", "upgrade", "renovation")
_PROGRAMME_STEMS = ("moderni", "expansion", "reconstruction", "upgrade", "renovation")
_PROGRAMME_RE = re.compile(r"\b(?:" + "|".join(_PROGRAMME_NOUNS) + r")\b", re.I)
_PROGRAMME_HEADS = frozenset({"programme", "program", "project", "modernisation",
                              "modernization", "expansion", "reconstruction", "upgrade",
                              "renovation"})
_ORDINALS = r"first|second|third|fourth|fifth|initial|final|1st|2nd|3rd|4th|5th"
_PHASE_RE = re.compile(rf"\b(?:(?:{_ORDINALS})\s+(?:phase|stage)|(?:phase|stage)\s+(?:[1-5]|i{{1,3}}|iv)\b)"
                       r"(?:\s+of\s+(?:the\s+|its\s+)?)?", re.I)
_PHASE_ANAPHOR_RE = re.compile(r"\b(?:this|that|the same)\s+phase\b", re.I)
_ROUTE_RE = re.compile(r"\s+from\s+([A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,2})\s+to\s+"
                       r"([A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,2})")
_PLACE_RE = re.compile(r"\s+(in|near)\s+(?:the\s+(?:town|city|village|settlement|district)\s+"
                       r"of\s+)?([A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,2})")
_NOT_PLACE = re.compile(r"\s+(?:region|oblast|district|province)\b|\s*[’']s\b", re.I)
_PRODUCT_GAP_RE = re.compile(r"\s+(?:for|producing|to produce|for the production of|of)\s+$")
_PRODUCTION_OF_RE = re.compile(r"\s+for\s+the\s+(?:production|manufacture|manufacturing)\s+of\s+"
                               r"((?:[a-z][\w-]*)(?:\s+(?!and\b|in\b|with\b|for\b|at\b)[a-z][\w-]*){0,2})"
                               r"(?=[\s,.;])")
# the words between a figure and the project it is spent on: "$3 billion in its modernisation",
# "$1.3 billion is to be allocated for the first stage of ..."
_OBJECT_GAP_RE = re.compile(r"\s+(?:[\w-]+\s+){0,4}?(?:in|into|for|on)\s+"
                            r"(?:the\s+)?(?:(?:construction|implementation|creation)\s+of\s+)?$")
# "the project of KazAzot Prime LLP for an ammonia and urea complex": named by what follows
_NAMED_AFTER_RE = re.compile(r"\s+(?:of|for|on)\s")


@dataclass(frozen=True)
class Candidate:
    """A phrase naming a project: ``[start, end)`` in the text (with its determiner or phase
    words), the sentence it is in, its resolved label and whether it is a programme noun."""

    start: int
    end: int
    sentence: int
    label: str
    head: str
    programme: bool = False
    phase: bool = False
    kind: str = ""  # the facility type of the gazetteer ("plant", "railway", ...)
    nouns: tuple[str, ...] = ()  # the words of the facility noun ("greenhouse", "complex")


class ProjectLabels:
    """Labels of the project figures of one release (candidates are read on first use)."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self._by_sentence: dict[int, list[Candidate]] | None = None

    def label(self, i: int, start: int, end: int, company: str | None) -> str:
        """Label of a project-scope figure at ``[start, end)`` in sentence ``i``."""
        if self.ctx.lang != "en":
            return _legacy_label(self.ctx, i) or company or "project"
        by_sentence = self._candidates()
        own = by_sentence.get(i, [])
        text = self.ctx.text
        c_start, c_end = self.ctx.sentences[i].clause_span(start)
        for c in own:
            # "a 48 MW wind farm": the figure modifies the noun right after it
            if c.start >= end and not text[end:c.start].strip(" -–"):
                return c.label
            if c.start >= end and c.start - end <= 60 and _OBJECT_GAP_RE.fullmatch(text, end, c.start):
                return c.label
        before = [c for c in own if c_start <= c.start and c.end <= start]
        if before:
            return before[-1].label
        in_clause = [c for c in own if c_start <= c.start < c_end]
        if in_clause:
            return in_clause[0].label
        if own:
            return _first(own).label
        for j in range(i - 1, -1, -1):
            if by_sentence.get(j):
                return _first(by_sentence[j]).label
        return company or "project"

    # --- candidates --------------------------------------------------------------------------
    def _candidates(self) -> dict[int, list[Candidate]]:
        if self._by_sentence is None:
            self._by_sentence = {}
            seen: list[Candidate] = []
            # each pattern runs once over the text; its matches are handed to their sentence
            found_in: dict[int, dict[str, list[re.Match[str]]]] = {}
            text = self.ctx.text
            low = text.lower()
            for name, pattern, words in (("programme", _PROGRAMME_RE, _PROGRAMME_STEMS),
                                         ("phase", _PHASE_RE, ("phase", "stage")),
                                         ("this_phase", _PHASE_ANAPHOR_RE, ("phase",))):
                if not any(w in low for w in words):
                    continue  # most releases name no phase: skip the pattern
                for m in pattern.finditer(text):
                    j = self.ctx.sentence_index(m.start())
                    if j >= 0 and m.end() <= self.ctx.sentences[j].end:
                        found_in.setdefault(j, {}).setdefault(name, []).append(m)
            for j in range(len(self.ctx.sentences)):
                found = _sentence_candidates(self.ctx, j, seen, found_in.get(j, {}))
                if found:
                    self._by_sentence[j] = found
                    seen += found
        return self._by_sentence


def _first(cands: list[Candidate]) -> Candidate:
    """The first facility of a sentence, else its first candidate."""
    return next((c for c in cands if not c.programme), cands[0])


def _sentence_candidates(ctx: DocContext, j: int, seen: list[Candidate],
                         matches: dict[str, list[re.Match[str]]]) -> list[Candidate]:
    """Candidates of sentence ``j`` given those before it and the sentence's matches of the
    programme and phase patterns."""
    facilities = ctx.mentions_of(j, "facility")
    if not facilities and not matches:
        return []
    text = ctx.text
    s = ctx.sentences[j]
    nouns: list[tuple[int, int, Mention | None]] = [(m.start, m.end, m) for m in facilities]
    covered = [(a, b) for a, b, _ in nouns]
    for m in matches.get("programme", ()):
        if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in covered):
            continue
        if any(0 <= a - m.end() <= 1 for a, _ in covered):
            continue  # "modernisation programme": a modifier of the noun after it
        if _NAMED_AFTER_RE.match(text, m.end(), s.end):
            continue  # "reconstruction of the highway": the highway names the project
        nouns.append((m.start(), m.end(), None))
    nouns.sort(key=lambda n: n[0])
    out: list[Candidate] = []
    for n_start, n_end, mention in nouns:
        c = _noun_candidate(ctx, j, n_start, n_end, mention, seen + out)
        if c is not None:
            out.append(c)
    for ph in matches.get("phase", ()):
        out.append(_phase_candidate(ctx, j, ph, seen + out))
    for ph in matches.get("this_phase", ()):
        earlier = [c for c in seen + out if c.phase and c.start < ph.start()]
        if earlier:
            out.append(Candidate(ph.start(), ph.end(), j, earlier[-1].label, "phase", phase=True))
    # a phase phrase stands for the facility noun it holds ("first phase of the plant")
    phases = [c for c in out if c.phase]
    out = [c for c in out if c.phase or not any(p.start <= c.start < p.end for p in phases)]
    out.sort(key=lambda c: c.start)
    return out


def _noun_candidate(ctx: DocContext, j: int, n_start: int, n_end: int, mention: Mention | None,
                    earlier: list[Candidate]) -> Candidate | None:
    text = ctx.text
    s = ctx.sentences[j]
    noun = " ".join(text[n_start:n_end].split())
    head = noun.split()[-1].lower()
    programme = mention is None or mention.key == "project" or head in _PROGRAMME_HEADS
    mods, det, mod_start = _pre_modifiers(text, s.start, n_start)
    start = mod_start
    if det is not None:
        start = det
    rest, tail_end, product_first = _post_modifiers(ctx, j, n_end)
    bare = not mods and not rest and not product_first
    if programme and bare and head in ("project", "programme", "program") and \
            _NAMED_AFTER_RE.match(text, n_end, s.end):
        return None  # "the project of X for a Y complex": Y names it
    det_word = text[det:mod_start].split()[0].lower() if det is not None else ""
    if bare and len(noun.split()) > 1:
        # "the wind power plant" refers to a fuller "Mirny wind power plant" if there is one
        words = set(noun.lower().split())
        ref = next((c for c in reversed(earlier) if not c.phase and words <= set(c.nouns)
                    and c.label.lower() != noun.lower()), None)
        if ref is not None and det_word in _DEFINITE:
            return Candidate(start, n_end, j, ref.label, head, programme=ref.programme,
                             kind=ref.kind, nouns=ref.nouns)
    elif bare and (det_word in _DEFINITE or head in _HYPERNYMS):
        ref = _antecedent(earlier, head, mention.key if mention else "")
        if ref is not None:
            return Candidate(start, n_end, j, ref.label, head, programme=ref.programme,
                             kind=ref.kind, nouns=ref.nouns)
    label_words = [*product_first, *mods, noun]
    label = " ".join(label_words) + rest
    if bare and not programme and det_word not in _DEFINITE:
        product = _product_in_clause(ctx, j, n_end)
        if product:
            label = f"{product} {noun}"
    if programme and (mods or head != "project") and not any(w[:1].isupper() for w in label.split()):
        company = attr.resolve_company(ctx, j, n_start, "project")
        if company:
            label = f"{company} {label}"
    return Candidate(start, max(n_end, tail_end), j, label, head, programme=programme,
                     kind=mention.key if mention else "", nouns=tuple(noun.lower().split()))


def _pre_modifiers(text: str, s_start: int, n_start: int, stop: frozenset[str] = _PRE_STOP,
                   ) -> tuple[list[str], int | None, int]:
    """Modifier words right before a noun, the start of its determiner (if any) and of the
    first modifier (the noun's start when there is none)."""
    chunk_start = max(s_start, n_start - 80)
    tokens = [(m.start() + chunk_start, m.group(0))
              for m in _WORD_RE.finditer(text[chunk_start:n_start])]
    mods: list[str] = []
    mod_start = n_start
    k = len(tokens) - 1
    while k >= 0 and len(mods) < _MAX_MODIFIERS:
        pos, word = tokens[k]
        low = word.lower()
        if low == "and" and mods and k > 0 and _is_modifier(tokens[k - 1][1], stop) \
                and not tokens[k - 1][1][:1].isupper() and not mods[0][:1].isupper():
            mods.insert(0, word)
            mod_start = pos
            k -= 1
            continue
        if not _is_modifier(word, stop):
            break
        if mods and mods[0][:1].isupper() and not word[:1].isupper():
            break  # "visited Tengri Tyres plant": a name ends at a lower-case word
        mods.insert(0, word)
        mod_start = pos
        k -= 1
    if mods and mods[0].lower() == "and":
        mods.pop(0)
    det = None
    while k >= 0 and tokens[k][1].lower() in _BETWEEN_DET_AND_NOUN:
        k -= 1
    if k >= 0 and tokens[k][1].lower() in _DEFINITE | {"a", "an"}:
        det = tokens[k][0]
    return mods, det, mod_start


def _is_modifier(word: str, stop: frozenset[str] = _PRE_STOP) -> bool:
    low = word.lower()
    return (word[:1].isalpha() and low not in stop and not word.endswith(("'", "’"))
            and not low.endswith(("'s", "’s")))


def _post_modifiers(ctx: DocContext, j: int, n_end: int) -> tuple[str, int, list[str]]:
    """Route and place after a noun (as text to append), where they end, and a product the
    facility makes (to put in front)."""
    text = ctx.text
    s_end = ctx.sentences[j].end
    rest = ""
    pos = n_end
    product: list[str] = []
    for _ in range(3):
        p = _product_after(ctx, j, pos)
        if p is not None and not product:
            product = [p[0]]
            pos = p[1]
            continue
        m = _ROUTE_RE.match(text, pos, s_end)
        if m and not rest:
            rest += f" from {m.group(1)} to {m.group(2)}"
            pos = m.end()
            continue
        m = _PLACE_RE.match(text, pos, s_end)
        if m and " in " not in rest and " near " not in rest and \
                not _NOT_PLACE.match(text, m.end(), s_end) and not _is_country(m.group(2)):
            rest += f" {m.group(1)} {m.group(2)}"
            pos = m.end()
            continue
        break
    return rest, pos, product


def _is_country(name: str) -> bool:
    return name.split()[0].lower() in ("kazakhstan", "the", "china", "russia")


def _product_after(ctx: DocContext, j: int, pos: int) -> tuple[str, int] | None:
    """A product a facility is for: a product of the gazetteer ("plant for hot-briquetted
    iron") or a few words after "for the production of" ("plant for the production of
    electrical products")."""
    for m in ctx.mentions_of(j, "product"):
        if m.start >= pos:
            if _PRODUCT_GAP_RE.fullmatch(ctx.text, pos, m.start):
                return m.key, m.end
            break
    words = _PRODUCTION_OF_RE.match(ctx.text, pos, ctx.sentences[j].end)
    if words:
        return words.group(1).lower(), words.end()
    return None


def _product_in_clause(ctx: DocContext, j: int, pos: int) -> str | None:
    """The first product named after ``pos`` in its clause ("a plant that will turn out 2
    million tonnes of hot-briquetted iron")."""
    _, c_end = ctx.sentences[j].clause_span(pos)
    for m in ctx.mentions_of(j, "product"):
        if pos <= m.start < c_end:
            return m.key
    return None


def _antecedent(earlier: list[Candidate], head: str, kind: str) -> Candidate | None:
    """The latest earlier candidate with the same head noun, else of the same kind of
    facility ("the plant" after "dairy enterprise"); for a generic noun, the latest."""
    base = [c for c in earlier if not c.phase]
    for c in reversed(base):
        if c.head == head or head in c.nouns:
            return c
    if head in _HYPERNYMS:
        for c in reversed(base):
            if not c.programme or head == "project":
                return c
    elif kind in _INDUSTRIAL:
        for c in reversed(base):
            if c.kind in _INDUSTRIAL:
                return c
    return None


def _phase_candidate(ctx: DocContext, j: int, ph: re.Match[str], earlier: list[Candidate]) -> Candidate:
    text = ctx.text
    words = " ".join(text[ph.start():ph.end()].split()).lower()
    words = re.sub(r"\s+of(?:\s+(?:the|its))?$", "", words)
    of_what: Candidate | None = None
    if re.search(r"\sof\s*(?:the\s+|its\s+)?$", text[ph.start():ph.end()] + " "):
        # the phase of the noun right after: resolved like any candidate of the sentence
        nouns = [m for m in ctx.mentions_of(j, "facility") if 0 <= m.start - ph.end() <= 2]
        prog = _PROGRAMME_RE.match(text, ph.end())
        if nouns:
            of_what = _noun_candidate(ctx, j, nouns[0].start, nouns[0].end, nouns[0], earlier)
        elif prog:
            of_what = _noun_candidate(ctx, j, prog.start(), prog.end(), None, earlier)
    if of_what is None:
        base = [c for c in earlier if not c.phase]
        of_what = base[-1] if base else None
    label = f"{words} of the {of_what.label}" if of_what is not None else words
    end = max(ph.end(), of_what.end) if of_what is not None and of_what.sentence == j else ph.end()
    return Candidate(ph.start(), end, j, label, "phase", phase=True)


def _legacy_label(ctx: DocContext, i: int) -> str | None:
    """Modifiers + the first facility noun of sentence ``i``, else of the nearest earlier
    sentence of its paragraph (the rule for languages without the rules above)."""
    for j in reversed(ctx.para_sentences(i)):
        for f in ctx.mentions_of(j, "facility"):
            if f.key == "project":
                continue
            mods, _, _ = _pre_modifiers(ctx.text, ctx.sentences[j].start, f.start, _PRE_STOP_RU)
            # Russian modifiers before a noun are adjectives or Latin names; "мощность завода"
            # is the capacity of the plant, not a kind of plant
            k = len(mods)
            while k > 0 and (_RU_ADJECTIVE.search(mods[k - 1]) or mods[k - 1].isascii()):
                k -= 1
            mods = mods[k:]
            return " ".join([*mods, " ".join(ctx.text[f.start:f.end].split())])
    return None

"""Project labels: a short name for what a project figure is about, as the release words it.

The warehouse's resolver (warehouse/projects.py) reads labels for facility types, phases and
proper names, and treats two labels of one release as two projects, so a label must be the
same for every figure about one project of a release and must keep what tells projects apart.

A *candidate* is a phrase of the release that names a project: a facility noun with its
modifiers, a programme noun ("modernisation programme", "its modernisation"), or a phase of
one ("first phase of the plant"). Candidates are read once per release, in text order, as far
as the latest sentence asked about (a label looks only at its sentence and earlier ones):

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
- a number that names one of several twins stays with the noun ("Ekibastuz GRES-3", "power unit
  No. 3", "unit 2"); a numbered unit takes the plant it belongs to, written after it or before
  it with "at" ("power unit No. 3 of Ekibastuz GRES-2", "At Ekibastuz GRES-2, power unit No. 3"
  -> both "power unit No. 3 of Ekibastuz GRES-2"), and a bare "GRES-3" the fuller name before;
- a power plant written as an abbreviation (GRES, TPP, HPP, CHP, CCGT...) is a plant and a
  station: "the plant", "the station", "the power plant" refer back to it, "the unit" to the
  latest unit, never a unit for "the plant"; an anaphor stands for its antecedent, head
  included, so that a later "the project" takes the latest project, not an earlier anaphor's;
- a programme noun without a proper name takes the company named around it ("its
  modernisation" -> "Qarmet modernisation");
- a phase keeps its words and what it is a phase of ("first stage of the Qarmet modernisation");
  "this phase" refers to the latest phase.

Russian candidates (``_ru_*``) follow the same plan with Russian word order: the adjectives
that agree with the facility noun and the noun, both in the nominative (``ru_phrases``: "на
медеплавильном заводе" -> "медеплавильный завод"), then what it makes ("по производству X"), its
company ('ТОО «Orda Glass»' -> "Orda Glass"), a proper name ("месторождения Айдарлы") or a place
that is not a region ("вблизи Актогая"); a bare noun ("Завод", "на предприятии", "Новое
предприятие", "проект") takes the label of the latest fuller mention ("предприятие" and "проект"
of any facility); "производство" without an adjective is production, not a facility; programme
nouns ("программу модернизации", "модернизации комбината", "освоение месторождения Айдарлы")
count when they say whose or of what they are, and take the company. "Проект" followed by a
facility with its adjectives ("Проект газохимического завода") is named by that facility; a
number stays with its noun ("Экибастузская ГРЭС-3", "энергоблок № 3"), a place adjective before
an abbreviation is kept in the nominative, and a numbered unit takes its plant in the genitive
("энергоблок № 3 Экибастузской ГРЭС-2", also from "На Экибастузской ГРЭС-2 ... энергоблок № 3").
Kazakh: "Екібастұз ГРЭС-3", and "Екібастұз ГРЭС-2-де №3 энергоблок" -> "энергоблок № 3
Екібастұз ГРЭС-2".

A figure takes, in order: the candidate it modifies ("a 48 MW wind farm") or its clause says it
is for ("$3 billion in its modernisation"); the nearest candidate before it in its clause (two
coordinated facilities each keep their figures); the first in its clause; the first facility of
its sentence; that of the nearest earlier sentence that has one, across paragraphs (a paragraph
of figures continues the project before it); else the company, else "project".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from extractors import attribution as attr
from extractors import kk_phrases, ru_phrases
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
_MAX_MODIFIERS = 4
_DEFINITE = frozenset({"the", "this", "that", "its", "their", "these"})
_BETWEEN_DET_AND_NOUN = frozenset({"new", "same", "future", "whole", "above", "said", "entire"})
# head nouns that can refer back to any project of the release
_HYPERNYMS = frozenset({"enterprise", "facility", "project", "site", "object",
                        "предприятие", "производство", "объект", "проект"})
# facility types (gazetteer keys) one generic noun can stand for: "the plant" after "smelter"
_INDUSTRIAL = frozenset({"plant", "smelter", "mill", "complex", "refinery"})
_PROGRAMME_NOUNS = ("moderni[sz]ation", "expansion", "reconstruction", "upgrade", "renovation")
_PROGRAMME_RE = re.compile(r"\b(?:" + "|".join(_PROGRAMME_NOUNS) + r")\b", re.I)
_PROGRAMME_HEADS = frozenset({"programme", "program", "project", "modernisation",
                              "modernization", "expansion", "reconstruction", "upgrade",
                              "renovation"})
_ORDINALS = r"first|second|third|fourth|fifth|initial|final|1st|2nd|3rd|4th|5th"
_PHASE_RE = re.compile(rf"\b(?:(?:{_ORDINALS})\s+(?:phase|stage)|(?:phase|stage)\s+(?:[1-5]|i{{1,3}}|iv)\b)"
                       r"(?:\s+of\s+(?:the\s+|its\s+)?)?", re.I)
_PHASE_OF_TAIL_RE = re.compile(r"\s+of(?:\s+(?:the|its))?$")
_PHASE_OF_RE = re.compile(r"\sof\s*(?:the\s+|its\s+)?$")
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
# the first word after a noun of _PRODUCT_GAP_RE, _PRODUCTION_OF_RE, _ROUTE_RE, _PLACE_RE
_POST_FIRST_WORDS = frozenset({"for", "producing", "to", "of", "from", "in", "near"})
# the words between a figure and the project it is spent on: "$3 billion in its modernisation",
# "$1.3 billion is to be allocated for the first stage of ..."
_OBJECT_GAP_RE = re.compile(r"\s+(?:[\w-]+\s+){0,4}?(?:in|into|for|on)\s+"
                            r"(?:the\s+)?(?:(?:construction|implementation|creation)\s+of\s+)?$")
# "the project of KazAzot Prime LLP for an ammonia and urea complex": named by what follows
_NAMED_AFTER_RE = re.compile(r"\s+(?:of|for|on)\s")
# the number that names one of several twins, right after the noun: "GRES-3", "CHP-2", "power
# unit No. 3", "unit #2" (a figure of a measure is no name: "plant - 3.5 MW", "No. 3,000")
_NUMBER_AFTER_RE = re.compile(r"(?:[-–‑]|\s+(?:[Nn]o\.?|№|#)\s*)(\d{1,2})(?![\d\w]|[.,]\d)"
                              r"(?!\s*(?:thousand|million|billion|trillion|mln|bln|bn|tonnes?|tons?"
                              r"|MW|GW|kW|km|ha|%)(?!\w))")
# a unit needs no sign: "unit 2 of the plant", "power unit 3 was ..." (not "unit 3 MW")
_UNIT_NUMBER_RE = re.compile(r"\s+(\d{1,2})(?=\s*[,.;:)]|\s+(?:of|at|is|was|will|has|had|with|and|"
                             r"to|in|on|are|were)\b)")
# nouns of a part of a power plant that is numbered and belongs to a named plant
_UNIT_HEADS = frozenset({"unit", "block"})
# "power unit No. 3 of Ekibastuz GRES-2": the plant the unit belongs to
_UNIT_OF_RE = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?")
# "At Ekibastuz GRES-2, power unit No. 3 ...": the plant named just before a unit
_AT_BEFORE_RE = re.compile(r"(?:^|\W)(?:at|on)\s+$", re.I)
# power plants written as abbreviations (state district, thermal, hydro, combined heat and
# power, combined-cycle, nuclear, solar, wind): "the plant", "the station", "the power plant"
# refer back to them
_POWER_ABBREVIATIONS = frozenset({"gres", "sdpp", "tpp", "hpp", "chp", "ccgt", "ccpp", "npp",
                                  "spp", "wpp"})
_POWER_NOUNS = ("power", "plant", "station")
# what a generic noun may stand for besides a candidate with the same noun: "the plant" after a
# smelter or a GRES, "the station" after a hydropower plant (never a unit of one)
_REFERS_TO = {"plant": _INDUSTRIAL | {"power plant"}, "station": frozenset({"power plant"}),
              "электростанция": frozenset({"power plant"})}
# definite nouns that are not facility nouns on their own but refer back to one: "The unit is
# valued at ...", "the station will employ ..."
_EN_ANAPHOR_RE = re.compile(r"\b(?:the|this|that)\s+(?:new\s+|same\s+)?(unit|block|station)\b",
                            re.I)

# --- Russian ----------------------------------------------------------------------------------
# a programme noun ("программу модернизации", "модернизации комбината", "развитие предприятия",
# "освоение месторождения Айдарлы"): a project when it says whose or of what it is
_RU_PROGRAMME_RE = re.compile(r"\b(?:(программ)\w{0,2}\s+)?"
                              r"(модернизаци|развити|освоени|реконструкци|расширени)\w{0,3}\b", re.I)
# the programme word before one ("программу модернизации"), matched back from the noun
_RU_PROGRAMME_BEFORE_RE = re.compile(r"(?<!\w)программ\w{0,2}\s+$", re.I)
_RU_PROGRAMME_NOM = {"модернизаци": "модернизация", "развити": "развитие", "освоени": "освоение",
                     "реконструкци": "реконструкция", "расширени": "расширение"}
# "завод по производству горячебрикетированного железа мощностью ...": up to three words
_RU_MAKES_RE = re.compile(
    r"\s+(по\s+(?:производству|выпуску|переработке|изготовлению|добыче)"
    r"(?:\s+(?!(?:мощностью|стоимостью|производительностью|объемом|объёмом|площадью|в|во|на|с|со"
    r"|и|для|к|до|а|но|из|при|за|по|у|от|котор\w*|будет|будут|общей|годовой)(?![\w-]))"
    r"[а-яё][а-яё-]*){1,3})")
# a company right after the noun: 'завод ТОО «Orda Glass»', "комплекса компании X"
_RU_COMPANY_GAP_RE = re.compile(r"\s+(?:(?:ТОО|АО|ОАО|ЗАО|ООО|ПАО|компании)\s+)?[«\"“]?")
# a proper name right after the noun: "месторождения Айдарлы"
_RU_NAME_RE = re.compile(r"\s+([A-ZА-ЯЁ][\w-]*(?:\s+[A-ZА-ЯЁ][\w-]*){0,2})")
_RU_NOT_NAME = ("Казахстан", "Республик", "Правительств", "Премьер", "Президент", "Министр",
                "Глава", "Кита", "Росси", "Узбекистан", "Европ")
# a place that is not a region: "вблизи Актогая", "в районе поселка Актогай", "в Кызылорде"
_RU_PLACE_RE = re.compile(r"\s+(?:в|во|вблизи|около|близ|возле|под)\s+(?:(?:районе|окрестностях)\s+)?"
                          r"(?:(?:поселка|посёлка|поселке|посёлке|села|селе|города|городе|станции)\s+)?"
                          r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?![\w-])")
# the number of a facility right after its noun: "ГРЭС-3", "ТЭЦ-2", "энергоблок № 3", "блока №1"
_RU_NUMBER_AFTER_RE = re.compile(r"(?:[-–‑]|\s*№\s*)(\d{1,2})(?![\d\w]|[.,]\d)"
                                 r"(?!\s*(?:тыс|млн|млрд|трлн|тонн|МВт|ГВт|км|га|%))")
_RU_UNIT_HEADS = frozenset({"энергоблок", "блок"})
# a proper adjective of a place right before a power plant abbreviation: "Экибастузской ГРЭС"
_RU_PLACE_ADJ_RE = re.compile(r"(?<!\w)([А-ЯЁ][а-яё-]+?)(ская|ской|скую|ская|цкая|цкой|цкую)\s+$")
_RU_FEM_NOMINATIVE = {"ской": "ская", "скую": "ская", "цкой": "цкая", "цкую": "цкая"}
_RU_NOT_PLACE_RE = re.compile(r"\s+(?:области|область|районе|района|район|региона|регионе|облысы)\b")


class Candidate(NamedTuple):
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
        self._by_sentence: dict[int, list[Candidate]] = {}
        self._seen: list[Candidate] = []  # candidates of the sentences read so far
        self._read = 0  # sentences read

    def label(self, i: int, start: int, end: int, company: str | None) -> str:
        """Label of a project-scope figure at ``[start, end)`` in sentence ``i``."""
        by_sentence = self._candidates(i)
        own = by_sentence.get(i, [])
        text = self.ctx.text
        c_start, c_end = self.ctx.sentences[i].clause_span(start)
        for c in own:
            # "a 48 MW wind farm": the figure modifies the noun right after it
            if c.start >= end and not text[end:c.start].strip(" -–"):
                return c.label
            if c.start >= end and c.start - end <= 60 and self.ctx.lang == "en" and \
                    _OBJECT_GAP_RE.fullmatch(text, end, c.start):
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
    def _candidates(self, upto: int) -> dict[int, list[Candidate]]:
        """Candidates by sentence, read in text order up to sentence ``upto`` (a label looks
        at its own sentence and earlier ones only): each sentence is read once."""
        ctx = self.ctx
        by_sentence = self._by_sentence
        for j in range(self._read, min(upto, len(ctx.sentences) - 1) + 1):
            found = _sentence_candidates(ctx, j, self._seen, _sentence_matches(ctx, j))
            if found:
                by_sentence[j] = found
                self._seen += found
        self._read = max(self._read, upto + 1)
        return by_sentence


_NO_MATCHES: dict[str, list[re.Match[str]]] = {}


def _sentence_matches(ctx: DocContext, j: int) -> dict[str, list[re.Match[str]]]:
    """Matches of the programme and phase patterns in sentence ``j``, tried only where the
    gazetteer scan found one of their words (cues ``label_programme``, ``label_phase``)."""
    cues = ctx.sentences[j].cues
    programme = cues.get("label_programme")
    phase = cues.get("label_phase")
    if not programme and not phase:
        return _NO_MATCHES
    text = ctx.text
    s = ctx.sentences[j]
    out: dict[str, list[re.Match[str]]] = {}
    for cue in programme or ():
        start = cue.start
        if ctx.lang == "ru":
            # "программу модернизации": the programme word before it belongs to the match
            before = _RU_PROGRAMME_BEFORE_RE.search(text, max(s.start, start - 14), start)
            m = _RU_PROGRAMME_RE.match(text, before.start() if before else start, s.end)
        else:
            m = _PROGRAMME_RE.match(text, start, s.end)
        if m is not None:
            out.setdefault("programme", []).append(m)
    last = -1
    for cue in phase or ():
        m = _PHASE_RE.search(text, max(s.start, cue.start - 10), s.end)
        if m is not None and m.start() <= cue.start < m.end() and m.start() >= last:
            out.setdefault("phase", []).append(m)
            last = m.end()
        m = _PHASE_ANAPHOR_RE.search(text, max(s.start, cue.start - 10), cue.end)
        if m is not None and m.end() == cue.end:
            out.setdefault("this_phase", []).append(m)
    return out


def _first(cands: list[Candidate]) -> Candidate:
    """The first facility of a sentence, else its first candidate."""
    return next((c for c in cands if not c.programme), cands[0])


def _sentence_candidates(ctx: DocContext, j: int, seen: list[Candidate],
                         matches: dict[str, list[re.Match[str]]]) -> list[Candidate]:
    """Candidates of sentence ``j`` given those before it and the sentence's matches of the
    programme and phase patterns."""
    facilities = ctx.mentions_of(j, "facility")
    if ctx.lang == "ru":
        if not facilities and not matches:
            return []
        return _ru_sentence_candidates(ctx, j, seen, facilities, matches.get("programme", ()))
    if ctx.lang == "kk":
        out = _kk_sentence_candidates(ctx, j, seen, facilities) if facilities else []
        return _kk_phases(ctx, j, seen, out)
    return _en_units_and_anaphors(ctx, j, seen, _en_sentence_candidates(ctx, j, seen, facilities,
                                                                        matches))


def _en_sentence_candidates(ctx: DocContext, j: int, seen: list[Candidate],
                            facilities: list[Mention], matches: dict[str, list[re.Match[str]]],
                            ) -> list[Candidate]:
    """English candidates of sentence ``j``: facility nouns, programme nouns and phases."""
    if not facilities and not matches:
        return []
    if not matches:  # facility nouns only (most sentences)
        plain: list[Candidate] = []
        for f in facilities:
            c = _noun_candidate(ctx, j, f.start, f.end, f, seen + plain if plain else seen)
            if c is not None:
                plain.append(c)
        if len(plain) > 1:
            plain.sort(key=_start_of)
        return plain
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
    out.sort(key=_start_of)
    return out


def _start_of(c: Candidate) -> int:
    return c.start


def _noun_candidate(ctx: DocContext, j: int, n_start: int, n_end: int, mention: Mention | None,
                    earlier: list[Candidate]) -> Candidate | None:
    text = ctx.text
    s = ctx.sentences[j]
    noun = " ".join(text[n_start:n_end].split())
    head = noun.split()[-1].lower()
    nouns = tuple(noun.lower().split())
    if head in _POWER_ABBREVIATIONS:
        nouns += _POWER_NOUNS
    programme = mention is None or mention.key == "project" or head in _PROGRAMME_HEADS
    mods, det, mod_start = _pre_modifiers(text, s.start, n_start)
    start = mod_start
    if det is not None:
        start = det
    number = _number_after(text, n_end, s.end, head) if not programme else None
    if number is not None:
        noun += number[0]
        n_end = number[1]
        if not mods:
            # "GRES-3" after "Ekibastuz GRES-3": the fuller name
            ref = next((c for c in reversed(earlier) if not c.phase and c.label != noun and
                        re.search(rf"(?<!\w){re.escape(noun)}(?![\w-])", c.label, re.I)), None)
            if ref is not None:
                return ref._replace(start=start, end=n_end, sentence=j)
    rest, tail_end, product_first = _post_modifiers(ctx, j, n_end)
    if head in _UNIT_HEADS:
        plant = _plant_of_unit(ctx, j, max(n_end, tail_end), earlier)
        if plant is not None:
            rest += f" of {plant.label}"
            tail_end = plant.end
    bare = not mods and not rest and not product_first and number is None
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
            return ref._replace(start=start, end=n_end, sentence=j)
    elif bare and (det_word in _DEFINITE or head in _HYPERNYMS):
        # it stands for the fuller mention, head included, so that a later "the project"
        # refers to the latest project, not to this one's antecedent
        ref = _antecedent(earlier, head, mention.key if mention else "")
        if ref is not None:
            return ref._replace(start=start, end=n_end, sentence=j)
    if not mods and n_start == s.start and noun[1:2].islower():
        noun = noun[0].lower() + noun[1:]  # "Power unit No. 3 of ..." opens its sentence
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
                     kind=mention.key if mention else "", nouns=nouns)


def _number_after(text: str, pos: int, end: int, head: str) -> tuple[str, int] | None:
    """The number that names a facility, written right after its noun at ``pos`` ("GRES-3",
    "power unit No. 3", "unit 2"), as it joins the noun ("-3", " No. 3", " 2"), and where it
    ends."""
    m = _NUMBER_AFTER_RE.match(text, pos, end)
    if m is not None:
        sign = "-" if text[pos] in "-–‑" else " No. "
        return f"{sign}{m.group(1)}", m.end()
    if head in _UNIT_HEADS:
        m = _UNIT_NUMBER_RE.match(text, pos, end)
        if m is not None:
            return f" {m.group(1)}", m.end()
    return None


def _plant_of_unit(ctx: DocContext, j: int, pos: int, earlier: list[Candidate],
                   ) -> Candidate | None:
    """The power plant a unit ending at ``pos`` belongs to: "power unit No. 3 of Ekibastuz
    GRES-2", "unit 2 at the Almaty CHP-2"."""
    m = _UNIT_OF_RE.match(ctx.text, pos, ctx.sentences[j].end)
    if m is None:
        return None
    for f in ctx.mentions_of(j, "facility"):
        if f.start >= m.end() and f.key == "power plant" and f.start - m.end() <= 40:
            _, _, mod_start = _pre_modifiers(ctx.text, ctx.sentences[j].start, f.start)
            if mod_start != m.end():
                return None
            c = _noun_candidate(ctx, j, f.start, f.end, f, earlier)
            return c if c is not None and c.head not in _UNIT_HEADS else None
    return None


def _en_units_and_anaphors(ctx: DocContext, j: int, seen: list[Candidate],
                           out: list[Candidate]) -> list[Candidate]:
    """Units that belong to a plant named before them ("At Ekibastuz GRES-2, power unit No. 3
    ...": the unit of that plant, which stands for both), the plants inside a unit's name
    dropped, and definite nouns that refer back to a unit or a power plant ("The unit",
    "the station")."""
    text = ctx.text
    s = ctx.sentences[j]
    for k, u in enumerate(out):
        if u.head not in _UNIT_HEADS or " of " in u.label or k == 0:
            continue
        p = out[k - 1]
        if p.kind == "power plant" and p.head not in _UNIT_HEADS and \
                not text[p.end:u.start].strip(" ,") and \
                _AT_BEFORE_RE.search(text[max(s.start, p.start - 4):p.start]):
            out[k] = u._replace(start=p.start, label=f"{u.label} of {p.label}")
    units = [u for u in out if u.head in _UNIT_HEADS]
    if units:
        out = [c for c in out if not any(u.start <= c.start < u.end and c is not u for u in units)]
    for m in _EN_ANAPHOR_RE.finditer(text, s.start, s.end):
        if any(c.start <= m.start() < c.end or m.start() <= c.start < m.end() for c in out):
            continue
        earlier = seen + [c for c in out if c.end <= m.start()]
        ref = _antecedent(earlier, m.group(1).lower(), "")
        if ref is not None:
            out.append(ref._replace(start=m.start(), end=m.end(), sentence=j))
            out.sort(key=_start_of)
    return out


def _pre_modifiers(text: str, s_start: int, n_start: int, stop: frozenset[str] = _PRE_STOP,
                   ) -> tuple[list[str], int | None, int]:
    """Modifier words right before a noun, the start of its determiner (if any) and of the
    first modifier (the noun's start when there is none). The words of the 80 characters
    before the noun are read backwards, only as far as needed."""
    back = _BackTokens(text, max(s_start, n_start - 80), n_start)
    mods: list[str] = []
    mod_start = n_start
    r = 0  # tokens from the noun backwards
    while len(mods) < _MAX_MODIFIERS:
        tok = back.get(r)
        if tok is None:
            break
        pos, word = tok
        if mods and word.lower() == "and":
            prev = back.get(r + 1)
            if prev is not None and _is_modifier(prev[1], stop) and not prev[1][:1].isupper() \
                    and not mods[0][:1].isupper():
                mods.insert(0, word)
                mod_start = pos
                r += 1
                continue
        if not _is_modifier(word, stop):
            break
        if mods and mods[0][:1].isupper() and not word[:1].isupper():
            break  # "visited Tengri Tyres plant": a name ends at a lower-case word
        mods.insert(0, word)
        mod_start = pos
        r += 1
    if mods and mods[0].lower() == "and":
        mods.pop(0)
    det = None
    tok = back.get(r)
    while tok is not None and tok[1].lower() in _BETWEEN_DET_AND_NOUN:
        r += 1
        tok = back.get(r)
    if tok is not None and tok[1].lower() in _DETERMINERS:
        det = tok[0]
    return mods, det, mod_start


_DETERMINERS = _DEFINITE | {"a", "an"}
_JOINERS = "_'’-"  # word characters of ``_WORD_RE`` besides letters and digits


class _BackTokens:
    """The tokens of ``_WORD_RE`` in ``text[lo:hi]`` read backwards from ``hi`` on demand:
    ``get(0)`` is the last token, ``get(1)`` the one before... (None past the first)."""

    __slots__ = ("text", "lo", "pos", "toks")

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text = text
        self.lo = lo
        self.pos = hi
        self.toks: list[tuple[int, str]] = []

    def get(self, r: int) -> tuple[int, str] | None:
        toks = self.toks
        text, lo = self.text, self.lo
        while len(toks) <= r:
            p = self.pos
            while p > lo and text[p - 1].isspace():
                p -= 1
            if p <= lo:
                self.pos = lo
                return None
            c = text[p - 1]
            if not (c.isalnum() or c in _JOINERS):
                toks.append((p - 1, c))
                self.pos = p - 1
                continue
            # a run of word characters: "\w[\w'’-]*" from its first letter or digit, each
            # apostrophe or hyphen before that one on its own
            q = p - 1
            while q > lo and (text[q - 1].isalnum() or text[q - 1] in _JOINERS):
                q -= 1
            f = q
            while f < p and not (text[f].isalnum() or text[f] == "_"):
                f += 1
            if f < p:
                toks.append((f, text[f:p]))
            for k in range(f - 1, q - 1, -1):
                toks.append((k, text[k]))
            self.pos = q
        return toks[r]


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
        # every pattern below starts with a space and one of a few words: most nouns have
        # none after them
        seg = text[pos:min(s_end, pos + 40)]
        if not seg[:1].isspace():
            break
        first = seg.split(None, 1)
        if first and len(first) > 1 and first[0] not in _POST_FIRST_WORDS:
            break
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
            if not c.programme or head in ("project", "проект"):
                return c
        return None
    kinds = _REFERS_TO.get(head) or (_INDUSTRIAL if kind in _INDUSTRIAL else None)
    if kinds:
        for c in reversed(base):
            if c.kind in kinds and c.head not in _UNIT_HEADS:
                return c
    return None


def _phase_candidate(ctx: DocContext, j: int, ph: re.Match[str], earlier: list[Candidate]) -> Candidate:
    text = ctx.text
    words = " ".join(text[ph.start():ph.end()].split()).lower()
    words = _PHASE_OF_TAIL_RE.sub("", words)
    of_what: Candidate | None = None
    if _PHASE_OF_RE.search(text[ph.start():ph.end()] + " "):
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



# --- Russian ----------------------------------------------------------------------------------
def _ru_sentence_candidates(ctx: DocContext, j: int, seen: list[Candidate],
                            facilities: list[Mention], programmes: Sequence[re.Match[str]],
                            ) -> list[Candidate]:
    """Russian candidates of sentence ``j``: facility nouns with their adjectives and what
    follows them, in the nominative, and programme nouns; a facility noun inside a programme
    phrase ("модернизации комбината") is part of it."""
    items: list[tuple[int, int, Mention | None, re.Match[str] | None]] = \
        [(m.start, 1, m, None) for m in facilities]
    items += [(p.start(), 0, None, p) for p in programmes]
    if programmes:
        items.sort(key=lambda t: (t[0], t[1]))
    out: list[Candidate] = []
    taken_until = -1
    for n_start, _, mention, prog in items:
        if n_start < taken_until:
            continue
        c: Candidate | None
        if prog is not None:
            c = _ru_programme_candidate(ctx, j, prog)
            if c is not None:
                taken_until = c.end
        else:
            assert mention is not None
            c = _ru_noun_candidate(ctx, j, mention, seen + out if out else seen)
        if c is not None:
            out.append(c)
    units = [u for u in out if u.head in _RU_UNIT_HEADS]
    if units:  # a unit of a plant stands for the plant phrase in it
        out = [c for c in out if not any(u.start <= c.start < u.end and c is not u for u in units)]
        out.sort(key=_start_of)
    return out


def _ru_noun_candidate(ctx: DocContext, j: int, mention: Mention, earlier: list[Candidate],
                       ) -> Candidate | None:
    text = ctx.text
    s = ctx.sentences[j]
    surface = text[mention.start:mention.end]
    nom = ru_phrases.nominative_noun(surface)
    head = nom.split()[-1].lower()
    kind = mention.key
    if kind == "project":
        # "проект линии", "проект газохимического завода": the facility (with its adjectives)
        # names it
        nxt = next((f for f in ctx.mentions_of(j, "facility") if f.start >= mention.end), None)
        if nxt is not None and not text[mention.end:_ru_phrase_start(ctx, j, nxt)].strip():
            return None
    adjs, adj_start = _ru_adjectives(ctx, j, mention)
    if head == "производство" and not adjs:
        return None  # "объемы производства": production, not a facility
    number = _RU_NUMBER_AFTER_RE.match(text, mention.end, s.end)
    if number is not None:
        # "ГРЭС-3", "энергоблок № 3": the number names it
        sign = "-" if text[mention.end] in "-–‑" else " № "
        nom = f"{nom}{sign}{number.group(1)}"
        rest, end = _ru_post_modifiers(ctx, j, number.end())
        if head in _RU_UNIT_HEADS and not rest:
            rest, adj_start, end = _ru_plant_of_unit(ctx, j, adj_start, number.end())
        label = " ".join([*adjs, nom]) + rest
        return Candidate(adj_start, max(number.end(), end), j, label, head, kind=kind,
                         nouns=(head, "электростанция") if surface.isupper() else (head,))
    rest, end = _ru_post_modifiers(ctx, j, mention.end)
    if not adjs and not rest:
        # a bare noun ("Завод", "на предприятии") refers back to a fuller mention
        ref = _antecedent(earlier, head, kind)
        if ref is not None:  # it stands for the fuller mention, head included
            return Candidate(mention.start, mention.end, j, ref.label, ref.head,
                             programme=ref.programme, kind=ref.kind, nouns=ref.nouns)
        if kind == "project":
            return None
        company = attr.resolve_company(ctx, j, mention.start, "project")
        label = f"{nom} {company}" if company else nom
    else:
        label = " ".join([*adjs, nom]) + rest
    nouns = tuple(nom.lower().split())
    if surface.isupper():  # "ГРЭС", "ТЭЦ": "электростанция" refers back to it
        nouns += ("электростанция",)
    return Candidate(adj_start, max(mention.end, end), j, label, head,
                     programme=kind == "project", kind=kind, nouns=nouns)


def _ru_phrase_start(ctx: DocContext, j: int, mention: Mention) -> int:
    """Where the noun phrase of a facility noun starts: at its first adjective."""
    return _ru_adjectives(ctx, j, mention)[1]


def _ru_adjectives(ctx: DocContext, j: int, mention: Mention) -> tuple[list[str], int]:
    """The adjectives of a facility noun in the nominative and where they start; before an
    abbreviation of a power plant (feminine: "станция") a proper adjective of a place
    ("Экибастузской ГРЭС" -> "Экибастузская ГРЭС")."""
    text = ctx.text
    s_start = ctx.sentences[j].start
    surface = text[mention.start:mention.end]
    if not surface.isupper():
        return ru_phrases.adjectives_before(text, s_start, mention.start, surface)
    m = _RU_PLACE_ADJ_RE.search(text, max(s_start, mention.start - 40), mention.start)
    if m is None:
        return [], mention.start
    return [m.group(1) + _RU_FEM_NOMINATIVE.get(m.group(2), m.group(2))], m.start()


def _ru_plant_of_unit(ctx: DocContext, j: int, u_start: int, pos: int) -> tuple[str, int, int]:
    """The power plant a numbered unit at ``[u_start, pos)`` belongs to, as " <plant in the
    genitive>", and the span of both: written right after it ("энергоблок № 3 Экибастузской
    ГРЭС-2") or before it with "на" ("На Экибастузской ГРЭС-2 строится энергоблок № 3": the
    unit stands for the plant phrase too)."""
    text = ctx.text
    for f in ctx.mentions_of(j, "facility"):
        if f.key != "power plant" or not text[f.start:f.end].isupper():
            continue
        start = _ru_phrase_start(ctx, j, f)
        num = _RU_NUMBER_AFTER_RE.match(text, f.end, ctx.sentences[j].end)
        end = num.end() if num else f.end
        after = start >= pos and not text[pos:start].strip()
        before = end <= pos and re.search(r"(?:^|\s)[Нн]а\s+$", text[max(0, start - 4):start])
        if after or before:
            return " " + " ".join(text[start:end].split()), min(start, u_start), max(end, pos)
    return "", u_start, pos


def _ru_programme_candidate(ctx: DocContext, j: int, m: re.Match[str]) -> Candidate | None:
    """"программу модернизации" (+ company), "модернизации АО «Qarmet»", "развитие
    предприятия" (+ company), "освоение месторождения Айдарлы"; None for a programme noun
    that says neither whose nor of what it is."""
    text = ctx.text
    # "программу модернизации": the programme noun in the nominative, what it is of as written
    words = f"программа {text[m.start(2):m.end()].lower()}" if m.group(1) else \
        _RU_PROGRAMME_NOM[m.group(2).lower()]
    end = m.end()
    of_what = ""
    fac = next((f for f in ctx.mentions_of(j, "facility") if f.start >= end), None)
    if fac is not None and not text[end:fac.start].strip():
        of_what = " " + " ".join(text[fac.start:fac.end].split())
        name, end = _ru_name_after(ctx, j, fac.end)
        of_what += name
    company, c_end = _ru_company_after(ctx, j, end)
    if company:
        return Candidate(m.start(), c_end, j, f"{words}{of_what} {company}", words.split()[0],
                         programme=True)
    if not m.group(1) and not of_what:
        return None
    label = words + of_what
    if not any(w[:1].isupper() for w in of_what.split()):
        company = attr.resolve_company(ctx, j, m.start(), "project")
        if company:
            label = f"{label} {company}"
    return Candidate(m.start(), end, j, label, words.split()[0], programme=True)


def _ru_post_modifiers(ctx: DocContext, j: int, pos: int) -> tuple[str, int]:
    """What follows a Russian facility noun and belongs to its label: what it makes ("по
    производству X"), then its company, a proper name or a place that is not a region."""
    text = ctx.text
    s_end = ctx.sentences[j].end
    rest = ""
    m = _RU_MAKES_RE.match(text, pos, s_end)
    if m:
        rest = " " + " ".join(m.group(1).split())
        pos = m.end()
    company, end = _ru_company_after(ctx, j, pos)
    if company:
        return f"{rest} {company}", end
    name, end = _ru_name_after(ctx, j, pos)
    if name:
        return rest + name, end
    m = _RU_PLACE_RE.match(text, pos, s_end)
    if m and not _RU_NOT_PLACE_RE.match(text, m.end(), s_end) and \
            not m.group(0).split()[-1].startswith(_RU_NOT_NAME):
        return f"{rest} {' '.join(m.group(0).split())}", m.end()
    return rest, pos


def _ru_company_after(ctx: DocContext, j: int, pos: int) -> tuple[str | None, int]:
    """A company named right after ``pos`` (after a legal form or quotes) and where it ends."""
    text = ctx.text
    found: Mention | None = None
    for c in ctx.mentions_of(j, "company"):
        if found is not None:
            if c.start == found.start and c.end > found.end:
                found = c  # "KazAzot Prime" (legal form) over "KazAzot" (gazetteer)
            continue
        if c.start >= pos:
            if c.start - pos > 12 or not _RU_COMPANY_GAP_RE.fullmatch(text, pos, c.start):
                break
            found = c
    if found is None:
        return None, pos
    end = found.end
    if end < len(text) and text[end] in "»\"”":
        end += 1
    return found.key, end


def _ru_name_after(ctx: DocContext, j: int, pos: int) -> tuple[str, int]:
    """A proper name right after ``pos`` ("месторождения Айдарлы"), not a region, country or
    title."""
    m = _RU_NAME_RE.match(ctx.text, pos, ctx.sentences[j].end)
    if m is None or m.group(1).startswith(_RU_NOT_NAME) or m.group(1).isupper():
        return "", pos
    if any(r.start == m.start(1) for r in ctx.mentions_of(j, "region")):
        return "", pos
    return " " + " ".join(m.group(1).split()), m.end()


# Kazakh: "Екібастұз ГРЭС-3-тің" (the number, then the case after a hyphen), "№3 энергоблок",
# "энергоблогы № 3"; a unit "Екібастұз ГРЭС-2-де" / "ГРЭС-2-нің" belongs to that plant
_KK_NUMBER_AFTER_RE = re.compile(r"[-–‑](\d{1,2})(?!\d|[.,]\d)"
                                 r"(?!\s*(?:мың|млн|млрд|трлн|тонна|МВт|ГВт|км|га|%))")
_KK_UNIT_NUMBER_BEFORE_RE = re.compile(r"№\s?(\d{1,2})\s+$")
_KK_UNIT_NUMBER_AFTER_RE = re.compile(r"\s+№\s?(\d{1,2})(?!\d)")
_KK_PLACE_BEFORE_RE = re.compile(r"(?<!\w)([А-ЯӘҒҚҢӨҰҮҺІЁ][а-яәғқңөұүһіё-]+)\s+$")
_KK_OF_PLANT_RE = re.compile(r"-?(?:де|да|те|та|нің|ның|дің|дың|тің|тың)?\s+$")


def _kk_numbered(ctx: DocContext, j: int, m: Mention, out: list[Candidate]) -> Candidate | None:
    """A Kazakh power plant abbreviation with its place and number ("Екібастұз ГРЭС-3") or a
    numbered unit, of the plant written before it in the sentence ("Екібастұз ГРЭС-2-де №3
    энергоблок" -> "энергоблок № 3 Екібастұз ГРЭС-2"); None for other nouns."""
    text = ctx.text
    s = ctx.sentences[j]
    surface = text[m.start:m.end]
    if m.key != "power plant":
        return None
    if surface.isupper():
        place = _KK_PLACE_BEFORE_RE.search(text[max(s.start, m.start - 30):m.start])
        start = m.start - len(place.group(0)) if place else m.start
        label = f"{place.group(1)} {surface}" if place else surface
        num = _KK_NUMBER_AFTER_RE.match(text, m.end, s.end)
        if num is None:
            return None if place is None else Candidate(
                start, m.end, j, label, surface.lower(), kind=m.key,
                nouns=(surface.lower(), "электр", "станция"))
        return Candidate(start, num.end(), j, f"{label}-{num.group(1)}", surface.lower(),
                         kind=m.key, nouns=(surface.lower(), "электр", "станция"))
    if not surface.lower().startswith("энергобло"):
        return None
    before = _KK_UNIT_NUMBER_BEFORE_RE.search(text[max(s.start, m.start - 8):m.start])
    after = _KK_UNIT_NUMBER_AFTER_RE.match(text, m.end, s.end)
    if before is None and after is None:
        return None
    n = (before or after).group(1)  # type: ignore[union-attr]
    start = m.start - len(before.group(0)) if before else m.start
    end = after.end() if after else m.end
    label = f"энергоблок № {n}"
    plant = next((c for c in reversed(out) if c.kind == "power plant" and c.end <= start and
                  _KK_OF_PLANT_RE.fullmatch(text, c.end, start)), None)
    if plant is not None:
        label = f"{label} {plant.label}"
        start = plant.start
    return Candidate(start, end, j, label, "энергоблок", kind=m.key, nouns=("энергоблок",))


# "бірінші кезеңі" (first phase), "екінші кезеңді", "үшінші кезеңінде": a phase and its case
_KK_PHASE_RE = re.compile(r"(?<!\w)(бірінші|екінші|үшінші|төртінші|бесінші)\s+кезең[а-яәғқңөұүһі]*",
                          re.IGNORECASE)
# a genitive noun right before the phase says what it is a phase of ("Жобаның", "зауыттың")
_KK_GENITIVE_BEFORE_RE = re.compile(r"(?<!\w)[а-яәғқңөұүһі]+(?:ның|нің|дың|дің|тың|тің)\s+$",
                                    re.IGNORECASE)


def _kk_phases(ctx: DocContext, j: int, seen: list[Candidate],
               out: list[Candidate]) -> list[Candidate]:
    """``out`` with a candidate for each phase of sentence ``j`` ("Жобаның бірінші кезеңіне" ->
    "<the plant named last> бірінші кезеңі"); the genitive noun before a phase is part of it, not
    a project of its own."""
    s = ctx.sentences[j]
    phases = list(_KK_PHASE_RE.finditer(ctx.text, s.start, s.end))
    if not phases:
        return out
    for ph in phases:
        genitive = _KK_GENITIVE_BEFORE_RE.search(ctx.text, max(s.start, ph.start() - 30), ph.start())
        start = genitive.start() if genitive else ph.start()
        out = [c for c in out if not start <= c.start < ph.end()]
        base = [c for c in seen + out if not c.phase and c.start < start]
        words = f"{ph.group(1).lower()} кезеңі"
        label = f"{base[-1].label} {words}" if base else words
        out.append(Candidate(start, ph.end(), j, label, "phase", phase=True))
    return sorted(out, key=lambda c: c.start)


def _kk_sentence_candidates(ctx: DocContext, j: int, seen: list[Candidate],
                            facilities: list[Mention]) -> list[Candidate]:
    """Kazakh candidates of sentence ``j``: facility nouns in the nominative with the attributes
    before them (``kk_phrases``); "жоба" (project) and a bare noun that repeats one named
    before ("зауыт" after "темір рудасын ... өңдейтін зауыт") take the fuller label."""
    s = ctx.sentences[j]
    out: list[Candidate] = []
    for k, m in enumerate(facilities):
        nxt = facilities[k + 1] if k + 1 < len(facilities) else None
        if nxt is not None and nxt.start > m.start and not ctx.text[m.end:nxt.start].strip():
            continue  # "жылыжай кешені": the first noun is an attribute of the second
        label, start = kk_phrases.noun_phrase(ctx.text, s.start, m.start, m.end)
        head = label.split()[-1].lower()
        earlier = seen + out
        numbered = _kk_numbered(ctx, j, m, out)
        if numbered is not None:
            out = [c for c in out if c.start < numbered.start]
            out.append(numbered)
            continue
        if m.key == "project" or " " not in label:
            # the same kind of facility, else the project named last ("Кәсіпорында" after
            # "жылыжай кешені")
            same = [c for c in earlier if c.kind == m.key] or [c for c in earlier if c.kind]
            if same:
                prev = same[-1]
                out.append(prev._replace(start=start, end=m.end, sentence=j))
                continue
            if m.key == "project":
                continue
        out.append(Candidate(start, m.end, j, label, head, kind=m.key, nouns=(head,)))
    return out

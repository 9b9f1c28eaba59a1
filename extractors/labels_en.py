"""English project label candidates of a sentence: facility nouns, programme nouns and phases.

- a facility noun keeps the words around it that name it (``labels_en_modifiers``): up to four
  pre-modifiers ("a large copper smelting plant" -> "copper smelting plant"), a route, a place
  that is not a region, and a product it makes, moved in front ("plant for hot-briquetted iron"
  -> "hot-briquetted iron plant");
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
"""

from __future__ import annotations

import re

from extractors import attribution as attr
from extractors.attribution import DocContext
from extractors.labels_common import HYPERNYMS, UNIT_HEADS, Candidate, antecedent, start_of
from extractors.labels_en_modifiers import (
    DEFINITE,
    post_modifiers,
    pre_modifiers,
    product_in_clause,
)
from extractors.pipeline import Mention

_PROGRAMME_NOUNS = ("moderni[sz]ation", "expansion", "reconstruction", "upgrade", "renovation")
PROGRAMME_RE = re.compile(r"\b(?:" + "|".join(_PROGRAMME_NOUNS) + r")\b", re.I)
_PROGRAMME_HEADS = frozenset({"programme", "program", "project", "modernisation",
                              "modernization", "expansion", "reconstruction", "upgrade",
                              "renovation"})
_ORDINALS = r"first|second|third|fourth|fifth|initial|final|1st|2nd|3rd|4th|5th"
PHASE_RE = re.compile(rf"\b(?:(?:{_ORDINALS})\s+(?:phase|stage)|(?:phase|stage)\s+(?:[1-5]|i{{1,3}}|iv)\b)"
                      r"(?:\s+of\s+(?:the\s+|its\s+)?)?", re.I)
_PHASE_OF_TAIL_RE = re.compile(r"\s+of(?:\s+(?:the|its))?$")
_PHASE_OF_RE = re.compile(r"\sof\s*(?:the\s+|its\s+)?$")
PHASE_ANAPHOR_RE = re.compile(r"\b(?:this|that|the same)\s+phase\b", re.I)
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
# definite nouns that are not facility nouns on their own but refer back to one: "The unit is
# valued at ...", "the station will employ ..." (the word boundary before "the" is written as a
# lookbehind after its "t", so that ``re`` scans for that letter instead of trying every position)
_EN_ANAPHOR_RE = re.compile(r"t(?<!\wt)h(?:e|is|at)\s+(?:new\s+|same\s+)?(unit|block|station)\b",
                            re.I)
_EN_ANAPHOR_NOUNS = ("unit", "block", "station")
# the characters ``re.I`` matches to a letter of those nouns whose lower case (in
# ``DocContext.low``) is not that letter: where one is, the sentence is searched anyway
_FOLDS_TO_NOUN_LETTER = ("İ", "ı", "ſ")


def en_sentence_candidates(ctx: DocContext, j: int, seen: list[Candidate],
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
            plain.sort(key=start_of)
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
    out.sort(key=start_of)
    return out


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
    mods, det, mod_start = pre_modifiers(text, s.start, n_start)
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
    rest, tail_end, product_first = post_modifiers(ctx, j, n_end)
    if head in UNIT_HEADS:
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
        if ref is not None and det_word in DEFINITE:
            return ref._replace(start=start, end=n_end, sentence=j)
    elif bare and (det_word in DEFINITE or head in HYPERNYMS):
        # it stands for the fuller mention, head included, so that a later "the project"
        # refers to the latest project, not to this one's antecedent
        ref = antecedent(earlier, head, mention.key if mention else "")
        if ref is not None:
            return ref._replace(start=start, end=n_end, sentence=j)
    if not mods and n_start == s.start and noun[1:2].islower():
        noun = noun[0].lower() + noun[1:]  # "Power unit No. 3 of ..." opens its sentence
    label_words = [*product_first, *mods, noun]
    label = " ".join(label_words) + rest
    if bare and not programme and det_word not in DEFINITE:
        product = product_in_clause(ctx, j, n_end)
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
    if head in UNIT_HEADS:
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
            _, _, mod_start = pre_modifiers(ctx.text, ctx.sentences[j].start, f.start)
            if mod_start != m.end():
                return None
            c = _noun_candidate(ctx, j, f.start, f.end, f, earlier)
            return c if c is not None and c.head not in UNIT_HEADS else None
    return None


def en_units_and_anaphors(ctx: DocContext, j: int, seen: list[Candidate],
                          out: list[Candidate]) -> list[Candidate]:
    """Units that belong to a plant named before them ("At Ekibastuz GRES-2, power unit No. 3
    ...": the unit of that plant, which stands for both), the plants inside a unit's name
    dropped, and definite nouns that refer back to a unit or a power plant ("The unit",
    "the station")."""
    text = ctx.text
    s = ctx.sentences[j]
    for k, u in enumerate(out):
        if u.head not in UNIT_HEADS or " of " in u.label or k == 0:
            continue
        p = out[k - 1]
        if p.kind == "power plant" and p.head not in UNIT_HEADS and \
                not text[p.end:u.start].strip(" ,") and \
                _AT_BEFORE_RE.search(text[max(s.start, p.start - 4):p.start]):
            out[k] = u._replace(start=p.start, label=f"{u.label} of {p.label}")
    units = [u for u in out if u.head in UNIT_HEADS]
    if units:
        out = [c for c in out if not any(u.start <= c.start < u.end and c is not u for u in units)]
    if not _may_hold_anaphor(ctx, s.start, s.end):
        return out
    for m in _EN_ANAPHOR_RE.finditer(text, s.start, s.end):
        if any(c.start <= m.start() < c.end or m.start() <= c.start < m.end() for c in out):
            continue
        earlier = seen + [c for c in out if c.end <= m.start()]
        ref = antecedent(earlier, m.group(1).lower(), "")
        if ref is not None:
            out.append(ref._replace(start=m.start(), end=m.end(), sentence=j))
            out.sort(key=start_of)
    return out


def _may_hold_anaphor(ctx: DocContext, start: int, end: int) -> bool:
    """Whether ``_EN_ANAPHOR_RE`` can match in ``[start, end)`` of the text: only where one of
    its nouns is written (a search of the expression on every sentence costs more than these
    substring searches of the lower-cased text)."""
    low, text = ctx.low, ctx.text
    if len(low) != len(text):
        return True  # positions of ``low`` do not match the text's
    return any(low.find(w, start, end) >= 0 for w in _EN_ANAPHOR_NOUNS) or \
        any(text.find(c, start, end) >= 0 for c in _FOLDS_TO_NOUN_LETTER)


def _phase_candidate(ctx: DocContext, j: int, ph: re.Match[str], earlier: list[Candidate]) -> Candidate:
    text = ctx.text
    words = " ".join(text[ph.start():ph.end()].split()).lower()
    words = _PHASE_OF_TAIL_RE.sub("", words)
    of_what: Candidate | None = None
    if _PHASE_OF_RE.search(text[ph.start():ph.end()] + " "):
        # the phase of the noun right after: resolved like any candidate of the sentence
        nouns = [m for m in ctx.mentions_of(j, "facility") if 0 <= m.start - ph.end() <= 2]
        prog = PROGRAMME_RE.match(text, ph.end())
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

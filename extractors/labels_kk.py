"""Kazakh project label candidates of a sentence: facility nouns in the nominative with the
attributes before them (``kk_phrases``), numbered power plants and units, and phases.

Kazakh: "Екібастұз ГРЭС-3", and "Екібастұз ГРЭС-2-де №3 энергоблок" -> "энергоблок № 3
Екібастұз ГРЭС-2".
"""

from __future__ import annotations

import re

from extractors import kk_phrases
from extractors.attribution import DocContext
from extractors.labels_common import Candidate
from extractors.pipeline import Mention

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


def kk_phases(ctx: DocContext, j: int, seen: list[Candidate],
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


def kk_sentence_candidates(ctx: DocContext, j: int, seen: list[Candidate],
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

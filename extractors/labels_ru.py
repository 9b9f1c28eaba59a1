"""Russian project label candidates of a sentence.

Russian candidates follow the same plan with Russian word order: the adjectives
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
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors import attribution as attr
from extractors import ru_phrases
from extractors.attribution import DocContext
from extractors.labels_common import Candidate, antecedent, start_of
from extractors.pipeline import Mention

# a programme noun ("программу модернизации", "модернизации комбината", "развитие предприятия",
# "освоение месторождения Айдарлы"): a project when it says whose or of what it is
RU_PROGRAMME_RE = re.compile(r"\b(?:(программ)\w{0,2}\s+)?"
                             r"(модернизаци|развити|освоени|реконструкци|расширени)\w{0,3}\b", re.I)
# the programme word before one ("программу модернизации"), matched back from the noun
RU_PROGRAMME_BEFORE_RE = re.compile(r"(?<!\w)программ\w{0,2}\s+$", re.I)
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


def ru_sentence_candidates(ctx: DocContext, j: int, seen: list[Candidate],
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
        out.sort(key=start_of)
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
        ref = antecedent(earlier, head, kind)
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

"""Russian facility noun phrases in the nominative, without a morphology library.

The facility nouns are the few of the gazetteer (``patterns/facilities.ru.jsonl``): a table
gives, for each form the gazetteer lists, its nominative, gender and grammatical cases; an
adjective right before the noun is one whose ending agrees with the noun in one of those cases
("на медеплавильном заводе", "горно-обогатительного комплекса"), and is put in the nominative by
swapping that ending ("медеплавильный завод", "горно-обогатительный комплекс"). Size, novelty,
ordinal and demonstrative adjectives ("новый", "крупного", "этого", "пятого") are not part of a
label, and a plural adjective ("4 сахарных завода") is not a modifier of a singular noun.
"""

from __future__ import annotations

import re

# gender: m, f, n; cases: nom, gen, dat, acc, ins, prep
_NOUNS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    # nominative: (gender, ((form, cases), ...))
    "завод": ("m", (("завод", "nom acc"), ("завода", "gen"), ("заводе", "prep"),
                    ("заводом", "ins"), ("заводу", "dat"))),
    # a unit of a power plant (labels_ru.py keeps its number and its plant)
    "энергоблок": ("m", (("энергоблок", "nom acc"), ("энергоблока", "gen"), ("энергоблоке", "prep"),
                         ("энергоблоком", "ins"), ("энергоблоку", "dat"))),
    "комбинат": ("m", (("комбинат", "nom acc"), ("комбината", "gen"), ("комбинате", "prep"),
                       ("комбинатом", "ins"), ("комбинату", "dat"))),
    "предприятие": ("n", (("предприятие", "nom acc"), ("предприятия", "gen"),
                          ("предприятии", "prep"), ("предприятием", "ins"),
                          ("предприятию", "dat"))),
    "фабрика": ("f", (("фабрика", "nom"), ("фабрики", "gen"), ("фабрике", "dat prep"),
                      ("фабрику", "acc"), ("фабрикой", "ins"))),
    "производство": ("n", (("производство", "nom acc"), ("производства", "gen"),
                           ("производстве", "prep"), ("производством", "ins"))),
    "комплекс": ("m", (("комплекс", "nom acc"), ("комплекса", "gen"), ("комплексе", "prep"),
                       ("комплексом", "ins"), ("комплексу", "dat"))),
    "линия": ("f", (("линия", "nom"), ("линии", "gen dat prep"), ("линию", "acc"),
                    ("линией", "ins"))),
    "электростанция": ("f", (("электростанция", "nom"), ("электростанции", "gen dat prep"),
                             ("электростанцию", "acc"), ("электростанцией", "ins"))),
    "шахта": ("f", (("шахта", "nom"), ("шахты", "gen"), ("шахте", "dat prep"),
                    ("шахту", "acc"))),
    "рудник": ("m", (("рудник", "nom acc"), ("рудника", "gen"), ("руднике", "prep"))),
    "карьер": ("m", (("карьер", "nom acc"), ("карьера", "gen"), ("карьере", "prep"))),
    "месторождение": ("n", (("месторождение", "nom acc"), ("месторождения", "gen"),
                            ("месторождении", "prep"))),
    "дорога": ("f", (("дорога", "nom"), ("дороги", "gen"), ("дороге", "dat prep"),
                     ("дорогу", "acc"))),
    "автодорога": ("f", (("автодорога", "nom"), ("автодороги", "gen"),
                         ("автодороге", "dat prep"), ("автодорогу", "acc"))),
    "трасса": ("f", (("трасса", "nom"), ("трассы", "gen"), ("трассе", "dat prep"),
                     ("трассу", "acc"))),
    "трубопровод": ("m", (("трубопровод", "nom acc"), ("трубопровода", "gen"))),
    "газопровод": ("m", (("газопровод", "nom acc"), ("газопровода", "gen"))),
    "водовод": ("m", (("водовод", "nom acc"), ("водовода", "gen"))),
    "ферма": ("f", (("ферма", "nom"), ("фермы", "gen"), ("ферме", "dat prep"),
                    ("ферму", "acc"))),
    "теплица": ("f", (("теплица", "nom"), ("теплицы", "gen"), ("теплице", "dat prep"),
                      ("теплицу", "acc"))),
    "проект": ("m", (("проект", "nom acc"), ("проекта", "gen"), ("проекте", "prep"),
                     ("проектом", "ins"), ("проекту", "dat"))),
    "программа": ("f", (("программа", "nom"), ("программы", "gen"), ("программе", "dat prep"),
                        ("программу", "acc"))),
    # social infrastructure and water works
    "школа": ("f", (("школа", "nom"), ("школы", "gen"), ("школе", "dat prep"), ("школу", "acc"),
                    ("школой", "ins"))),
    "больница": ("f", (("больница", "nom"), ("больницы", "gen"), ("больнице", "dat prep"),
                       ("больницу", "acc"), ("больницей", "ins"))),
    "поликлиника": ("f", (("поликлиника", "nom"), ("поликлиники", "gen"),
                          ("поликлинике", "dat prep"), ("поликлинику", "acc"))),
    "амбулатория": ("f", (("амбулатория", "nom"), ("амбулатории", "gen dat prep"),
                          ("амбулаторию", "acc"))),
    "канал": ("m", (("канал", "nom acc"), ("канала", "gen"), ("канале", "prep"),
                    ("каналом", "ins"))),
    # multi-word nouns of the gazetteer
    "детский сад": ("m", (("детский сад", "nom acc"), ("детского сада", "gen"),
                          ("детском саду", "prep"))),
    "ветровая электростанция": ("f", (("ветровая электростанция", "nom"),
                                      ("ветровой электростанции", "gen dat prep"))),
    "солнечная электростанция": ("f", (("солнечная электростанция", "nom"),
                                       ("солнечной электростанции", "gen dat prep"))),
    "железная дорога": ("f", (("железная дорога", "nom"), ("железной дороги", "gen"))),
    "железнодорожная линия": ("f", (("железнодорожная линия", "nom"),
                                    ("железнодорожной линии", "gen dat prep"))),
    "тепличный комплекс": ("m", (("тепличный комплекс", "nom acc"),
                                 ("тепличного комплекса", "gen"))),
}
# form -> (nominative, gender, cases)
FORMS: dict[str, tuple[str, str, frozenset[str]]] = {
    form: (nom, gender, frozenset(cases.split()))
    for nom, (gender, forms) in _NOUNS.items() for form, cases in forms
}
# adjective endings of each gender and case, and the nominative ending each one maps to
_ENDINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "m": {"nom": ("ый", "ий", "ой"), "acc": ("ый", "ий", "ой"), "gen": ("ого", "его"),
          "dat": ("ому", "ему"), "ins": ("ым", "им"), "prep": ("ом", "ем")},
    "f": {"nom": ("ая", "яя"), "gen": ("ой", "ей"), "dat": ("ой", "ей"), "acc": ("ую", "юю"),
          "ins": ("ой", "ей", "ою"), "prep": ("ой", "ей")},
    "n": {"nom": ("ое", "ее"), "acc": ("ое", "ее"), "gen": ("ого", "его"), "dat": ("ому", "ему"),
          "ins": ("ым", "им"), "prep": ("ом", "ем")},
}
_TO_NOMINATIVE: dict[str, dict[str, str]] = {
    "m": {"ого": "ый", "его": "ий", "ому": "ый", "ему": "ий", "ым": "ый", "им": "ий", "ом": "ый",
          "ем": "ий"},
    "f": {"ой": "ая", "ей": "яя", "ую": "ая", "юю": "яя", "ою": "ая"},
    "n": {"ого": "ое", "его": "ее", "ому": "ое", "ему": "ее", "ым": "ое", "им": "ее", "ом": "ое",
          "ем": "ее"},
}
# (gender, frozenset of cases) -> endings an agreeing adjective may have, longest first
_AGREEING: dict[tuple[str, frozenset[str]], tuple[str, ...]] = {}
for _nom, _gender, _cases in FORMS.values():
    _AGREEING.setdefault((_gender, _cases), tuple(sorted(
        {e for c in _cases for e in _ENDINGS[_gender].get(c, ())}, key=lambda e: -len(e))))
_VELAR = "гкх"
_SIBILANT = "жшчщ"
# not part of a label: size, novelty, order, demonstratives, quantifiers
_NOT_MODIFIER_STEMS = ("нов", "крупн", "больш", "масштабн", "данн", "указанн", "будущ",
                       "действующ", "очередн", "современн", "перв", "втор", "трет", "четверт",
                       "пят", "шест", "седьм", "котор", "нынешн", "отечественн", "собственн",
                       "уникальн", "мощн", "стратегическ", "ключев", "важн", "сегодняшн",
                       "ежегодн", "аналогичн")
_NOT_MODIFIER_TEXT = """
этот эта это этого этой этом этому этим эти этих тот та то того той том тому тем такой такая
такое такого такому таким весь вся всё все всего всей всем всю каждый каждая каждое каждого
каждой каждом самый самая самое самого самой самом иной иная иное иного иной другой другая
другое другого другом наш наша наше нашего нашей нашем свой своя своё свое своего своей своем
его её ее их один одна одно одного одной одном
"""
_NOT_MODIFIER_WORDS = frozenset(_NOT_MODIFIER_TEXT.split())
_MAX_ADJECTIVES = 3
_WORD_CHARS = re.compile(r"[а-яё]+(?:-[а-яё]+)*")


def noun_form(surface: str) -> tuple[str, str, frozenset[str]] | None:
    """``(nominative, gender, cases)`` of a facility noun as the text has it, or None."""
    return FORMS.get(" ".join(surface.lower().split()))


def nominative_noun(surface: str) -> str:
    """The nominative of a facility noun ("заводе" -> "завод"); abbreviations ("ТЭЦ") and
    unknown forms as written."""
    if surface.isupper():
        return surface
    found = noun_form(surface)
    return found[0] if found else " ".join(surface.lower().split())


def adjectives_before(text: str, s_start: int, n_start: int, surface: str,
                      ) -> tuple[list[str], int]:
    """Adjectives agreeing with the facility noun ``surface`` at ``n_start``, in the
    nominative, and where the first of them starts (``n_start`` when there is none)."""
    found = noun_form(surface)
    if found is None:
        return [], n_start
    _, gender, cases = found
    endings = _AGREEING[(gender, cases)]
    to_nom = _TO_NOMINATIVE[gender]
    out: list[str] = []
    pos = n_start
    # backwards over the few words before the noun (never more than the sentence)
    while len(out) < _MAX_ADJECTIVES:
        k = pos
        while k > s_start and text[k - 1] in " \t\u00a0":
            k -= 1
        if k == pos or k <= s_start:
            break
        w_start = k
        while w_start > s_start and not text[w_start - 1].isspace():
            w_start -= 1
        word = text[w_start:k]
        low = word.lower()
        if not _WORD_CHARS.fullmatch(low) or (word[:1].isupper() and w_start != s_start):
            break  # punctuation, a number, a Latin or proper name
        if not low.endswith(endings) or low in _NOT_MODIFIER_WORDS or \
                low.startswith(_NOT_MODIFIER_STEMS):
            break
        ending = next((e for e in endings if low.endswith(e) and len(low) > len(e) + 2), None)
        if ending is None:
            break
        nom_ending = to_nom.get(ending, ending)
        stem = low[:-len(ending)]
        if nom_ending == "ый" and stem[-1:] in _VELAR + _SIBILANT:
            nom_ending = "ий"
        elif nom_ending == "яя" and stem[-1:] in _SIBILANT:
            nom_ending = "ая"
        elif nom_ending == "ее" and stem[-1:] in _VELAR:
            nom_ending = "ое"
        out.insert(0, stem + nom_ending)
        pos = w_start
    return out, pos


def noun_phrase(text: str, s_start: int, n_start: int, n_end: int) -> str:
    """Adjectives and facility noun in the nominative ("на медеплавильном заводе" ->
    "медеплавильный завод")."""
    surface = text[n_start:n_end]
    adjs, _ = adjectives_before(text, s_start, n_start, surface)
    return " ".join([*adjs, nominative_noun(surface)])

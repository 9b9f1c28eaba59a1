"""Kazakh facility noun phrases in the nominative, without a morphology library.

Kazakh is agglutinative: the facility noun of the gazetteer (``patterns/facilities.kk.jsonl``)
carries its case ending ("зауытта", "зауытты", "зауыттың"), and in a compound its possessive
("цемент зауыты", "цемент зауытының"). A label is the noun in the nominative: the case ending is
cut by a table of the forms of the gazetteer's nouns, the possessive of a compound is kept ("цемент зауытының" -> "цемент
зауыты", "Рудный қаласында темір рудасын терең өңдейтін зауытта" -> "темір рудасын терең
өңдейтін зауыт"). Modifiers are the words right before the noun (up to four): they stop at
punctuation, numbers and units, capitalised names, conjunctions and words in a locative,
ablative, dative, genitive or instrumental case (a place or the subject, not an attribute);
size and novelty adjectives ("ірі", "жаңа") are left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.numbers import Token
from extractors.units import DASHES, KK_CASE_ENDINGS

# words whose ending marks a place, a source, a possessor or a companion: not an attribute
_STOP_ENDINGS = ("да", "де", "та", "те", "нда", "нде", "дағы", "дегі", "тағы", "тегі", "ндағы",
                 "ндегі", "дан", "ден", "тан", "тен", "нан", "нен", "ға", "ге", "қа", "ке", "на",
                 "не", "ның", "нің", "дың", "дің", "тың", "тің", "мен", "бен", "пен")
# participles and verbal nouns end like case forms ("шығаратын", "өңдейтін"): these endings win
_ATTRIBUTE_ENDINGS = ("атын", "етін", "йтын", "йтін", "ған", "ген", "қан", "кен", "лық", "лік",
                      "дық", "дік", "тық", "тік", "ты", "ті")
_LEFT_OUT = frozenset({"ірі", "жаңа", "заманауи", "үлкен", "алғашқы", "бірінші", "екінші", "осы",
                       "бұл", "сол", "жалпы", "қазіргі", "тағы", "бір"})
_STOP_WORDS = frozenset({"және", "мен", "бен", "пен", "де", "да", "та", "те", "ал", "бірақ",
                         "үшін", "бойынша", "арқылы", "жылы", "жылға", "дейін", "жылына",
                         "мың", "млн", "млрд", "трлн", "тонна", "мвт", "гвт", "квт", "км", "га",
                         "гектар", "теңге", "доллар", "қуаты", "қуаттылығы", "құны", "жоба",
                         "жобаның", "жобасы", "компания", "компаниясы", "деді", "айтты",
                         "жөніндегі", "туралы", "салу", "өткен", "кезеңінде", "биыл", "былтыр",
                         "келесі", "жыл", "арналған",
                         # places a facility is sized by ("600 төсектік аурухана"): a figure's
                         # unit, not a name
                         "төсектік", "төсек-орындық", "оқушылық", "орындық", "балалық"})
# what lies between a product and the facility making it ("темір рудасын терең өңдейтін зауыт")
MAKES = frozenset({"өңдейтін", "терең өңдейтін", "қайта өңдейтін", "шығаратын", "өндіретін",
                   "өндіру", "шығару", "өңдеу", "қайта өңдеу", "өндіру жөніндегі",
                   "шығару жөніндегі", "өңдеу жөніндегі", "терең өңдеу", "жасайтын", "құю",
                   # concentrators and smelters are named after their ore or metal ("мырыш-
                   # қорғасын кенін байыту фабрикасы", "мыс балқыту зауыты")
                   "байыту", "байытатын", "балқыту", "балқытатын"})
_WORD_RE = re.compile(r"\S+")


# a figure followed by what is processed: "500 тонна бидай өңдейтін", "шикі газды қайта өңдеуге"
_PROCESSED_AFTER = re.compile(r"\s+[^\s,.;:]+(?:\s+[^\s,.;:]+)?\s+(?:терең\s+|қайта\s+)?өңде\w*")


def processed_after(text: str, end: int) -> bool:
    """Whether the words right after a figure ending at ``end`` name what a facility processes
    (its input, not its output): "500 тонна бидай өңдейтін"; ``text`` is in lower case."""
    return _PROCESSED_AFTER.match(text, end) is not None


def makes_gap(gap: str) -> bool:
    """Whether ``gap`` (lower case) links a product to the facility after it: "терең өңдейтін",
    "шығаратын ірі" (size and novelty words aside), or nothing but those words."""
    words = [w for w in gap.split() if w not in _LEFT_OUT]
    return bool(words) and " ".join(words) in MAKES or (not words and bool(gap.strip()))
_MAX_MODIFIERS = 4


# facility nouns of the gazetteer in the nominative; their case and possessive forms are
# generated below ("зауытта" -> "зауыт", "зауытының" -> "зауыты")
_NOUNS = ("зауыт", "фабрика", "комбинат", "кешен", "станция", "стансы", "теміржол", "автожол",
          "тасжол", "кеніш", "шахта", "карьер", "жылыжай", "ферма", "терминал", "порт", "мектеп",
          "аурухана", "балабақша", "емхана", "жоба", "жол", "учаске", "желі", "құбыр", "орталық",
          "энергия", "руда", "катод", "орын")
_IRREGULAR = {"кәсіпорын": "кәсіпорны", "орын": "орны", "желі": "желісі", "стансы": "стансысы"}
_BACK, _FRONT = set("аоұыя"), set("әөүіеэ")
_VOWELS = set("аәеиоөуұүыіэюя")


def _front(w: str) -> bool:
    for ch in reversed(w):
        if ch in _BACK:
            return False
        if ch in _FRONT:
            return True
    return False


def _case_forms(w: str) -> set[str]:
    f, last = _front(w), w[-1]
    ends: tuple[str, ...]
    if last in _VOWELS:
        ends = ("ның", "ны", "ға", "да", "дан", "мен", "дағы")
    elif last in "мнң":
        ends = ("ның", "ды", "ға", "да", "нан", "мен", "дағы")
    elif last in "кқпстфхцчшщ":
        ends = ("тың", "ты", "қа", "та", "тан", "пен", "тағы")
    else:
        ends = ("дың", "ды", "ға", "да", "дан", "мен", "дағы")
    if f:
        ends = tuple(e.translate(_TO_FRONT) for e in ends)
    return {w + e for e in ends}


_TO_FRONT = str.maketrans({"ы": "і", "а": "е", "ғ": "г", "қ": "к"})


def _possessive(w: str) -> str:
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w[-1] in _VOWELS:
        return w + ("сі" if _front(w) else "сы")
    return w + ("і" if _front(w) else "ы")


def _poss_forms(p: str) -> set[str]:
    ends: tuple[str, ...] = ("ның", "н", "на", "нда", "нан", "мен", "ндағы")
    if _front(p):
        ends = tuple(e.translate(_TO_FRONT) for e in ends)
    return {p + e for e in ends}


def _forms() -> dict[str, tuple[str, bool]]:
    out: dict[str, tuple[str, bool]] = {}
    for base in (*_NOUNS, "кәсіпорын"):
        for form in _case_forms(base) | {base}:
            out.setdefault(form, (base, False))
        poss = _possessive(base)
        for form in _poss_forms(poss) | {poss}:
            out[form] = (poss, True)
    return out


_FORMS = _forms()


def nominative_noun(surface: str) -> str:
    """The facility noun ``surface`` (one word or a compound) in the nominative: a possessive
    form keeps its possessive ("зауытының" -> "зауыты", "электр станциясын" -> "электр
    станциясы"), a bare one loses its case ("зауытта" -> "зауыт")."""
    words = surface.split()
    last = words[-1]
    found = _FORMS.get(last.lower())
    if found is None:
        return surface
    nom = found[0]
    if last[:1].isupper():
        nom = nom[:1].upper() + nom[1:]
    return " ".join([*words[:-1], nom])


def _is_possessive(word: str) -> bool:
    found = _FORMS.get(word.lower())
    return found is not None and found[1]


def noun_phrase(text: str, s_start: int, f_start: int, f_end: int) -> tuple[str, int]:
    """The label of the facility noun at ``[f_start, f_end)`` and where its modifiers start.

    Up to four words before the noun (not before ``s_start``) are kept as modifiers when they
    are attributes (see the module docstring)."""
    surface = text[f_start:f_end]
    noun = nominative_noun(surface)
    before = list(_WORD_RE.finditer(text, s_start, f_start))
    mods: list[str] = []
    start = f_start
    single = " " not in surface.strip()
    possessive = _is_possessive(surface.split()[-1])
    for m in reversed(before):
        raw = m.group()
        word = raw.strip("«»\"“”()")
        low = word.lower()
        if raw != word and raw[-1] in "»\"”)":
            break  # a name in quotes
        if not word or word[-1] in ",.;:!?" or word[0].isdigit() or low in _STOP_WORDS:
            break
        if word[0].isupper() and (m.start() != s_start or word.isupper()):
            break  # a name (a capital at the start of the sentence is not one)
        if low in _LEFT_OUT:
            if mods or start == f_start:
                continue
            break
        if _is_stop_form(low):
            break
        mods.insert(0, word)
        start = m.start()
        if len(mods) == _MAX_MODIFIERS:
            break
        # "цемент зауыты", "су тұщыту зауыты": a compound has one or two nouns before its
        # possessive (more only through a participle: "... шығаратын зауыты")
        if single and possessive and len(mods) == 2 and not _is_participle(low):
            break
    if single and possessive and not mods:
        # a possessive without its compound word ("зауыты 2027 жылы ...") is the bare noun
        noun = _FORMS.get(_strip_possessive(noun).lower(), (_strip_possessive(noun), False))[0]
    label = " ".join([*mods, noun])
    if start == s_start and label[:1].isupper() and not label.split()[0].isupper():
        label = label[:1].lower() + label[1:]  # the capital of the sentence start
    return label, start


def _is_participle(low: str) -> bool:
    return low.endswith(("атын", "етін", "йтын", "йтін", "ған", "ген", "қан", "кен"))


def _is_stop_form(low: str) -> bool:
    if low.endswith(_ATTRIBUTE_ENDINGS):
        return False
    return len(low) > 4 and low.endswith(_STOP_ENDINGS)


def _strip_possessive(noun: str) -> str:
    low = noun.lower()
    for end in ("сы", "сі", "ы", "і"):
        if low.endswith(end) and len(low) - len(end) >= 4:
            return noun[:-len(end)]
    return noun


# a plural noun in the nominative, accusative or possessive ("мектептер", "мектептерді",
# "облыс мектептері"): a subject or object, not a possessor, a place or a source
_PLURAL_SUBJECT = re.compile(r"(?:лар|лер|тар|тер|дар|дер)(?:ы|і|ды|ді|ын|ін)?$")


def plural_subject(word: str) -> bool:
    """Whether the Kazakh plural ``word`` (lower case) is a subject or an object, not a
    possessor ("зауыттардың бірі"), a place or a source."""
    return _PLURAL_SUBJECT.search(word) is not None


def skip_case_suffix(tokens: Sequence[Token], i: int) -> int:
    """Index past a case ending written after a hyphen at ``tokens[i]`` ("кВт·сағ-қа",
    "МВт-қа"), so that a qualifier after it ("жуық", "дейін") is read; ``i`` when none."""
    if i + 1 < len(tokens) and tokens[i].text in DASHES and tokens[i + 1].norm in KK_CASE_ENDINGS:
        return i + 2
    return i


"""Kazakh unit words of the normaliser that ``units.py`` adds to its tables for Kazakh only
(``units.unit_table``): some are Russian words too ("ферма", "станция").

Kept apart because they are one language's vocabulary and ``units.py`` is long already. Keys
follow ``units.py``: lower-case phrases, the nominative (``units.strip_kk_ending`` reads case
endings); forms it cannot strip (possessives, derived adjectives) are listed as written.
"""

from __future__ import annotations

# places: "600 төсектік аурухана" (a 600-bed hospital), "1 200 оқушылық мектеп" (a school for
# 1,200 pupils), "200 төсек-орындық", "300 балалық балабақша": the derived adjective "-лық/-лік"
# is how Kazakh sizes social facilities
KK_PLACE_WORDS: dict[str, tuple[str, float]] = {
    "төсек": ("places", 1), "төсектік": ("places", 1), "төсек-орын": ("places", 1),
    "төсек-орындық": ("places", 1), "оқушылық": ("places", 1), "балалық": ("places", 1),
}

# facilities counted as a programme of works ("41 мектеп салынып жатыр", "3 зауытты іске
# қосу"): a count of projects only with a verb of building or launching after it (figures.py)
KK_FACILITY_COUNT_WORDS: dict[str, tuple[str, float]] = {
    word: ("projects", 1) for word in (
        "мектеп", "аурухана", "емхана", "балабақша", "зауыт", "фабрика", "кәсіпорын",
        "ферма", "жылыжай", "диірмен", "комбинат", "кешен", "станция", "қазандық")
}

# headcounts in the possessive of a compound ("медицина қызметкері", "білікті мамандары"):
# jobs with an employment cue, as "қызметкер" (flag "people")
KK_PEOPLE_WORDS: dict[str, tuple[str, float]] = {
    word: ("jobs", 1) for word in (
        "қызметкері", "қызметкерлері", "маманы", "мамандары", "жұмысшысы", "жұмысшылары",
        "құрылысшысы", "құрылысшылары", "еңбеккерлер", "еңбеккерлері")
}

# pieces counted as capacity that the Russian-and-Kazakh table of ``units.py`` lacks ("жылына 500
# мың контейнер өңдейді": containers a terminal handles); case forms are read by strip_kk_ending
KK_PIECE_WORDS: dict[str, tuple[str, float]] = {
    word: ("units", 1) for word in ("контейнер",)
}

# what ``units.py`` adds to its table of unit words in Kazakh
KK_UNIT_WORDS: dict[str, tuple[str, float]] = KK_PLACE_WORDS | KK_FACILITY_COUNT_WORDS | KK_PIECE_WORDS

"""What the project label readers of every language share: ``Candidate`` (a phrase of a release
that names a project, with its resolved label) and ``antecedent``, the earlier candidate a bare
noun ("the plant", "Завод", "the project") refers back to: the latest with the same head noun,
else of the same kind of facility ("the plant" after "copper smelter", never a unit for "the
plant"), any candidate for a generic noun ("enterprise", "facility", "предприятие", "проект").
"""

from __future__ import annotations

from typing import NamedTuple

# head nouns that can refer back to any project of the release
HYPERNYMS = frozenset({"enterprise", "facility", "project", "site", "object",
                      "предприятие", "производство", "объект", "проект"})
# facility types (gazetteer keys) one generic noun can stand for: "the plant" after "smelter"
_INDUSTRIAL = frozenset({"plant", "smelter", "mill", "complex", "refinery"})
# nouns of a part of a power plant that is numbered and belongs to a named plant
UNIT_HEADS = frozenset({"unit", "block"})
# what a generic noun may stand for besides a candidate with the same noun: "the plant" after a
# smelter or a GRES, "the station" after a hydropower plant (never a unit of one)
_REFERS_TO = {"plant": _INDUSTRIAL | {"power plant"}, "station": frozenset({"power plant"}),
              "электростанция": frozenset({"power plant"})}


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


def start_of(c: Candidate) -> int:
    """Where ``c`` starts (the sort key of a sentence's candidates)."""
    return c.start


def antecedent(earlier: list[Candidate], head: str, kind: str) -> Candidate | None:
    """The latest earlier candidate with the same head noun, else of the same kind of
    facility ("the plant" after "dairy enterprise"); for a generic noun, the latest."""
    base = [c for c in earlier if not c.phase]
    for c in reversed(base):
        if c.head == head or head in c.nouns:
            return c
    if head in HYPERNYMS:
        for c in reversed(base):
            if not c.programme or head in ("project", "проект"):
                return c
        return None
    kinds = _REFERS_TO.get(head) or (_INDUSTRIAL if kind in _INDUSTRIAL else None)
    if kinds:
        for c in reversed(base):
            if c.kind in kinds and c.head not in UNIT_HEADS:
                return c
    return None

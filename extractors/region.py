"""Region of a figure: the ISO 3166-2:KZ code of the place the text puts its project in.

The nearest region named before the figure in its sentence, else a place named right after it
as a location ("a solar plant near Shymkent", "in the industrial park of Almaty"), else one
named earlier in its paragraph, else the region of the lead paragraph (where the event takes
place) or the one every earlier paragraph agrees on, else one named later in the sentence. A
portfolio total that its sentence (or the paragraph before it) calls national ("the joint list
of Kazakh-Chinese projects", "across the country": the language's ``national`` cues), or that
names several places after it ("11 projects, including plants in Turkistan and Kyzylorda
regions"), lies in no one region. A city maps to its region (the gazetteer's keys).

All positions are character offsets into the release text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extractors.attribution import DocContext
    from extractors.pipeline import Mention


def resolve_region(ctx: DocContext, i: int, pos: int, portfolio: bool = False) -> str | None:
    """Region code for a figure at ``pos`` in sentence ``i`` (see module docstring); a
    ``portfolio`` total the sentence calls national, or whose places after it are several
    ("11 projects, including plants in Turkistan and Kyzylorda regions"), lies in none."""
    regions = ctx.mentions_of(i, "region")
    before = [m for m in regions if m.end <= pos]
    if before:
        return None if _joint_regions(ctx, before) else before[-1].key
    if portfolio and (_national(ctx, i) or len({m.key for m in regions}) > 1):
        return None
    # "a 100 MW solar plant near Shymkent": a place after the figure, introduced as a location
    for m in regions:
        if m.start >= pos and _LOCATIVE.search(ctx.text, max(0, m.start - 40), m.start):
            return m.key
    para_start = ctx.para_sentences(i).start
    for j in range(i - 1, para_start - 1, -1):
        found = ctx.mentions_of(j, "region")
        if found:
            return None if _joint_regions(ctx, found) else found[-1].key
        if portfolio and _national(ctx, j):  # "Of these, 24 projects ..." continues a total
            return None
    carried = _carried_region(ctx, para_start)
    if carried:
        return carried
    after = [m for m in regions if m.start >= pos]
    return after[0].key if after else None


# "In Karaganda and Ulytau regions, construction of the line ...": two regions named as one place
_JOINT_AND = re.compile(r"\s*(?:,|and|,\s*and)\s*$")
_JOINT_PLURAL = re.compile(r"\s+(?:regions|oblasts)\b")


def _joint_regions(ctx: DocContext, found: list[Mention]) -> bool:
    """Whether the last two region mentions of ``found`` name one place together ("in Karaganda
    and Ulytau regions"): a line or project across both lies in no one region."""
    if len(found) < 2:
        return False
    a, b = found[-2], found[-1]
    return a.key != b.key and b.start - a.end <= 8 \
        and _JOINT_AND.fullmatch(ctx.text, a.end, b.start) is not None \
        and _JOINT_PLURAL.match(ctx.text, b.end) is not None


def _national(ctx: DocContext, i: int) -> bool:
    """Sentence ``i`` speaks of the whole country ("the joint list of Kazakh-Chinese projects",
    "across the country"): the ``national`` cues of the language."""
    s = ctx.sentences[i]
    return ctx.has_cue(i, s.start, s.end, "national")


_LOCATIVE = re.compile(r"(?:\b(?:in|near|at|outside|around)\s+(?:the\s+)?"
                       r"(?:(?:city|town|village|(?:industrial|technology)\s+(?:park|zone)|"
                       r"(?:special|free)\s+economic\s+zone|suburbs|outskirts)\s+of\s+)?"
                       r"|(?:^|\s)(?:в|во|под|около|вблизи)\s+(?:городе\s+|поселке\s+|районе\s+)?)$", re.I)


def _carried_region(ctx: DocContext, para_start: int) -> str | None:
    """Region a paragraph without one inherits: the lead paragraph's (where the event takes
    place), else the one region every earlier paragraph agrees on. A list of places ("plants
    in Astana, Aktobe, Shymkent...") locates nothing."""
    earlier: list[str] = []
    lead: list[str] = []
    for j in range(0, para_start):
        found = [m.key for m in ctx.mentions_of(j, "region")]
        if len(set(found)) >= 3:
            continue
        earlier += found
        if ctx.sentences[j].para == ctx.sentences[0].para:
            lead += found
    if lead:
        return lead[0]
    if earlier and len(set(earlier)) == 1:
        return earlier[0]
    return None

"""Project labels: a short name for what a project figure is about, as the release words it.

The warehouse's resolver (warehouse/projects.py) reads labels for facility types, phases and
proper names, and treats two labels of one release as two projects, so a label must be the
same for every figure about one project of a release and must keep what tells projects apart.

A *candidate* is a phrase of the release that names a project: a facility noun with its
modifiers, a programme noun ("modernisation programme", "its modernisation"), or a phase of
one ("first phase of the plant"). Candidates are read once per release, in text order, as far
as the latest sentence asked about (a label looks only at its sentence and earlier ones):

- English (``labels_en``, with the words around a noun in ``labels_en_modifiers``): a facility
  noun with its pre- and post-modifiers, the number that names one of several twins, a unit and
  its plant, programme nouns that take their company, phases and what they are phases of;
- Russian (``labels_ru``): nominative noun phrases with what the facility makes, its company, a
  proper name or a place;
- Kazakh (``labels_kk``): nominative noun phrases, numbered power plants and units, phases;
- in every language a bare noun refers back to the latest fuller candidate (``labels_common``).

A figure takes, in order: the candidate it modifies ("a 48 MW wind farm") or its clause says it
is for ("$3 billion in its modernisation"); the nearest candidate before it in its clause (two
coordinated facilities each keep their figures); the first in its clause; the first facility of
its sentence; that of the nearest earlier sentence that has one, across paragraphs (a paragraph
of figures continues the project before it); else the company, else "project".
"""

from __future__ import annotations

import re

from extractors.attribution import DocContext
from extractors.labels_common import Candidate
from extractors.labels_en import (
    PHASE_ANAPHOR_RE,
    PHASE_RE,
    PROGRAMME_RE,
    en_sentence_candidates,
    en_units_and_anaphors,
)
from extractors.labels_kk import kk_phases, kk_sentence_candidates
from extractors.labels_ru import RU_PROGRAMME_BEFORE_RE, RU_PROGRAMME_RE, ru_sentence_candidates

# the words between a figure and the project it is spent on: "$3 billion in its modernisation",
# "$1.3 billion is to be allocated for the first stage of ..."
_OBJECT_GAP_RE = re.compile(r"\s+(?:[\w-]+\s+){0,4}?(?:in|into|for|on)\s+"
                            r"(?:the\s+)?(?:(?:construction|implementation|creation)\s+of\s+)?$")


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
            before = RU_PROGRAMME_BEFORE_RE.search(text, max(s.start, start - 14), start)
            m = RU_PROGRAMME_RE.match(text, before.start() if before else start, s.end)
        else:
            m = PROGRAMME_RE.match(text, start, s.end)
        if m is not None:
            out.setdefault("programme", []).append(m)
    last = -1
    for cue in phase or ():
        m = PHASE_RE.search(text, max(s.start, cue.start - 10), s.end)
        if m is not None and m.start() <= cue.start < m.end() and m.start() >= last:
            out.setdefault("phase", []).append(m)
            last = m.end()
        m = PHASE_ANAPHOR_RE.search(text, max(s.start, cue.start - 10), cue.end)
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
        return ru_sentence_candidates(ctx, j, seen, facilities, matches.get("programme", ()))
    if ctx.lang == "kk":
        out = kk_sentence_candidates(ctx, j, seen, facilities) if facilities else []
        return kk_phases(ctx, j, seen, out)
    return en_units_and_anaphors(ctx, j, seen, en_sentence_candidates(ctx, j, seen, facilities,
                                                                       matches))

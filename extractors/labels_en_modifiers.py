"""The words around an English facility noun that belong to its project label.

- pre-modifiers: up to four words right before the noun, stopping at articles, prepositions,
  verbs, numbers, punctuation and size or novelty adjectives ("a large copper smelting plant" ->
  "copper smelting plant"); "and" joins two modifiers ("ammonia and urea complex"); the
  determiner before them tells a definite noun ("the plant") from an indefinite one;
- post-modifiers: a route ("railway line from Bakhty to Ayagoz"), a place that is not a region
  ("sugar plant in the town of Shu" -> "sugar plant in Shu"), a product the facility makes, moved
  in front ("plant for hot-briquetted iron" -> "hot-briquetted iron plant");
- the product an indefinite noun's clause says it makes ("a plant that will turn out 2 million
  tonnes of hot-briquetted iron").
"""

from __future__ import annotations

import re

from extractors.attribution import DocContext

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
DEFINITE = frozenset({"the", "this", "that", "its", "their", "these"})
_BETWEEN_DET_AND_NOUN = frozenset({"new", "same", "future", "whole", "above", "said", "entire"})
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


def pre_modifiers(text: str, s_start: int, n_start: int, stop: frozenset[str] = _PRE_STOP,
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


_DETERMINERS = DEFINITE | {"a", "an"}
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


def post_modifiers(ctx: DocContext, j: int, n_end: int) -> tuple[str, int, list[str]]:
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


def product_in_clause(ctx: DocContext, j: int, pos: int) -> str | None:
    """The first product named after ``pos`` in its clause ("a plant that will turn out 2
    million tonnes of hot-briquetted iron")."""
    _, c_end = ctx.sentences[j].clause_span(pos)
    for m in ctx.mentions_of(j, "product"):
        if pos <= m.start < c_end:
            return m.key
    return None

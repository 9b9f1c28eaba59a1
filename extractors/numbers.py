"""Numbers in press-release text: the tokenizer shared by the normalisers, and ``parse_decimal``.

Everything here is a pure function of its arguments; the regular expressions are compiled once
at import. The token stream is deliberately simple (number, word, symbol) so that vocabulary
phrases in ``extractors.units`` can be tokenized with the same function and matched as tuples.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "COMMA_DECIMAL_LANGS",
    "NUMBER_WORDS",
    "Token",
    "parse_decimal",
    "tokenize",
]

# Languages whose decimal mark is "," (en and any other: ".").
COMMA_DECIMAL_LANGS = frozenset({"ru", "kk", "kz"})
# Group separators inside a number: space, no-break space, narrow no-break space, thin space.
_SPACES = " \u00a0\u202f\u2009"

# A number token. The first branch takes "300 000" / "1 234,5" (groups of exactly three digits
# after a 1-3 digit head), so that "In 2021 128 projects" stays two numbers.
_NUM = rf"[0-9]{{1,3}}(?:[{_SPACES}][0-9]{{3}})+(?:[.,][0-9]+)*(?![0-9])|[0-9]+(?:[.,][0-9]+)*"
_TOKEN_RE = re.compile(
    rf"(?P<num>{_NUM})"
    r"|(?P<word>[^\W\d_]+(?:['\u2019][^\W\d_]+)?\.?)"
    r"|(?P<sym>\S)"
)
_SPACE_GROUPS_RE = re.compile(rf"^[0-9]{{1,3}}(?:[{_SPACES}][0-9]{{3}})+")
_DIGITS_RE = re.compile(r"^[0-9]+(?:[.,][0-9]+)*$")
_WORD_SPLIT_RE = re.compile(r"[\s\-]+")

# Words that are numbers on their own, in en, ru and kk (ordinals are deliberately absent).
NUMBER_WORDS: dict[str, float] = {
    # en
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
    # ru
    "один": 1, "одна": 1, "одно": 1, "одного": 1, "одной": 1, "два": 2, "две": 2, "двух": 2,
    "три": 3, "трех": 3, "четыре": 4, "четырех": 4, "пять": 5, "пяти": 5, "шесть": 6,
    "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9,
    "десять": 10, "десяти": 10, "двадцать": 20, "тридцать": 30, "сорок": 40,
    "пятьдесят": 50, "сто": 100, "полтора": 1.5, "полторы": 1.5,
    # kk
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8,
    "тоғыз": 9, "он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "жүз": 100,
}
# Multiplies what precedes it inside a spelled-out number ("two hundred").
_HUNDRED_WORDS = frozenset({"hundred", "сотни"})
_JOINERS = frozenset({"and"})
_ARTICLES = frozenset({"a", "an"})


class Token(NamedTuple):
    """One token: ``kind`` is "num", "word" or "sym"; ``norm`` is lower-cased, "ё"->"е",
    without a trailing dot; ``start``/``end`` are offsets in the tokenized text."""

    kind: str
    text: str
    norm: str
    start: int
    end: int


def _norm(text: str) -> str:
    out = text.lower().replace("ё", "е").replace("\u2019", "'")
    return out[:-1] if len(out) > 1 and out.endswith(".") else out


# Unit abbreviations written with a digit ("m3", "м2", "km2"): merged into one word token.
_DIGIT_SUFFIXED = frozenset({"m", "м", "km", "км", "sq m", "cu m"})


@lru_cache(maxsize=2048)
def tokenize(text: str) -> tuple[Token, ...]:
    """Split ``text`` into number, word and symbol tokens (never raises). Cached: the extractor
    reads the same span as a figure and as a date."""
    tokens: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "sym"
        raw = m.group(0)
        if (
            kind == "num"
            and raw in ("2", "3")
            and tokens
            and tokens[-1].kind == "word"
            and tokens[-1].end == m.start()
            and tokens[-1].norm in _DIGIT_SUFFIXED
        ):
            prev = tokens.pop()
            merged = prev.text + raw
            tokens.append(Token("word", merged, _norm(merged), prev.start, m.end()))
            continue
        tokens.append(Token(kind, raw, _norm(raw) if kind == "word" else raw, m.start(), m.end()))
    return tuple(tokens)


def _split_marks(body: str, lang: str) -> tuple[str, str] | None:
    """Return (integer digits, fraction digits) of a digits-and-marks string, or None."""
    if not _DIGITS_RE.match(body):
        return None
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        decimal_mark = "." if body.rfind(".") > body.rfind(",") else ","
        group_mark = "," if decimal_mark == "." else "."
        if body.count(decimal_mark) != 1:
            return None
        head, frac = body.split(decimal_mark)
        return (_ungroup(head, group_mark), frac) if _ungroup(head, group_mark) else None
    mark = "." if dots else "," if commas else ""
    if not mark:
        return body, ""
    parts = body.split(mark)
    if len(parts) > 2:  # "1,000,000" / "1.000.000": grouping only
        ungrouped = _ungroup(body, mark)
        return (ungrouped, "") if ungrouped else None
    own_decimal = "," if lang in COMMA_DECIMAL_LANGS else "."
    if mark != own_decimal and len(parts[1]) == 3 and len(parts[0]) <= 3 and parts[0] != "0":
        return parts[0] + parts[1], ""  # "300,000" in en, "12.000" in ru
    return parts[0], parts[1]  # the decimal mark (also "3,5" in an en text: lenient)


def _ungroup(body: str, mark: str) -> str:
    """Digits of ``body`` if every group after the first has exactly three digits, else ""."""
    parts = body.split(mark)
    if not 1 <= len(parts[0]) <= 3 or any(len(p) != 3 for p in parts[1:]):
        return ""
    return "".join(parts)


def parse_decimal(text: str, lang: str = "en") -> Decimal | None:
    """Exact value of a number written with digits or cardinal words, or None.

    en: "," groups thousands, "." is the decimal mark; ru/kk: a space, no-break space or narrow
    no-break space groups thousands, "," is the decimal mark. A lone foreign mark followed by
    exactly three digits groups thousands ("12.000" in ru); otherwise it is a decimal mark.
    Scale words are not read here (see ``normalize.parse_number``).
    """
    body = text.strip()
    if not body:
        return None
    if body[0].isdigit():
        grouped = _SPACE_GROUPS_RE.match(body)
        if grouped:
            head = re.sub(f"[{_SPACES}]", "", grouped.group(0))
            rest = body[grouped.end() :]
            if rest and not (rest[0] in ".," and rest[1:].isdigit()):
                return None
            return Decimal(head + ("." + rest[1:] if rest else ""))
        split = _split_marks(body, lang)
        if split is None:
            return None
        whole, frac = split
        try:
            return Decimal(whole + ("." + frac if frac else ""))
        except InvalidOperation:
            return None
    return _parse_words(body)


def _parse_words(body: str) -> Decimal | None:
    words = [_norm(w) for w in _WORD_SPLIT_RE.split(body) if w]
    if not words:
        return None
    total = Decimal(0)
    seen = False
    for i, word in enumerate(words):
        if word in _HUNDRED_WORDS:
            total = (total if seen else Decimal(1)) * 100
            seen = True
        elif word in NUMBER_WORDS:
            total += Decimal(str(NUMBER_WORDS[word]))
            seen = True
        elif (word in _JOINERS and seen) or (
            word in _ARTICLES and i + 1 < len(words) and words[i + 1] in _HUNDRED_WORDS
        ):
            continue
        else:
            return None
    return total if seen else None

"""From the scanner's gazetteer matches to ``Mention``s: overlaps resolved, bare place names
inside proper names dropped, companies named with a legal form read token by token.

All positions are character offsets into the release text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import chain

from spacy.tokens import Doc

from extractors.pipeline import Mention, Scan, Scanner, get_nlp

# a token as the rules below see it: a run of letters/digits or one other visible character
_TOKEN_RE = re.compile(r"\w+|\S")
_ROUTE_DASHES = "-–"
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "of", "в", "во", "на", "под", "около"})
_PLACE_NOUNS = frozenset({"region", "oblast", "city", "область", "области"})


def collect_mentions(scanner: Scanner, scan: Scan) -> list[Mention]:
    """Gazetteer and cue matches as ``Mention``s sorted by start; overlapping gazetteer matches
    of one kind keep the longest, cues are all kept."""
    text = scan.text
    sent_starts: set[int] | None = None
    out: list[Mention] = []
    append = out.append
    best: dict[str, list[tuple[int, int, str, str]]] = {}
    legal_forms: list[tuple[int, int]] = []
    kk_name_parts: set[int] = set()  # starts of bare Kazakh names that modify a noun
    cues_of, others_of = scanner.cues_of, scanner.others_of
    for start, phrase in scan.hits:
        for length, key in cues_of[phrase]:
            append(_new(Mention, ("cue", key, "", start, start + length)))
        for length, pl in others_of[phrase]:
            kind = pl.kind
            end = start + length
            if pl.label == "REGION_BARE":
                if sent_starts is None:
                    sent_starts = {s for s, _ in scan.sentences}
                if _inside_proper_name(text, start, end, sent_starts):
                    continue
                if scanner.lang == "kk":
                    if _KK_SEVERAL_REGIONS.match(scan.low, end):
                        continue  # "Қарағанды және Ұлытау облыстары арқылы": no single place
                    if phrase == _kk_nominatives(scanner).get(pl.key) and \
                            _KK_MODIFIED_NOUN.match(text, end):
                        kk_name_parts.add(start)
            if kind == "legal_form":
                legal_forms.append((start, end))
            best.setdefault(kind, []).append((start, end, pl.key, pl.extra))
    for kind, spans in best.items():
        # phrases come in text order: take them all unless two overlap
        if any(spans[k][0] < spans[k - 1][1] for k in range(1, len(spans))):
            spans = _longest_first(spans)
        for start, end, key, extra in spans:
            if kind == "company":
                key = text[start:end]  # as written, not the id's slug
            append(_new(Mention, (kind, key, extra, start, end)))
    if legal_forms and scanner.lang == "kk":
        out.extend(_kk_company_mentions(scan, sorted(set(legal_forms))))
    elif legal_forms:
        out.extend(_company_mentions(scan, scanner.lang, sorted(set(legal_forms))))
    if scanner.lang == "en":
        out.extend(_introduced_companies(text, [m for m in out if m.kind == "company"]))
        out = _with_builders(text, out)
    out.sort(key=_start_of)
    if kk_name_parts:
        out = _kk_drop_name_parts(scan, out, kk_name_parts)
    return out


# Kazakh: a city name in the nominative right before a lower-case noun names something after the
# city ("Алматы айналма темір жолы", "Алматы торабы"); where the sentence also names a region
# ("Алматы облысында ..."), that region places the project, not the name. Several regions
# joined before a plural place noun ("Қарағанды және Ұлытау облыстарының") place nothing alone.
_KK_MODIFIED_NOUN = re.compile(r" (?!(?:және|мен|пен|бен|де|да|та|те|ал)\b)[а-яәғқңөұүһі]")
_KK_SEVERAL_REGIONS = re.compile(
    r"(?:\s*,\s*[\w-]+|\s+(?:және|мен|пен|бен)\s+[\w-]+)+\s+(?:облыстар|аудандар|қалалар)")


def _kk_nominatives(scanner: Scanner) -> dict[str, str]:
    """Each region's shortest bare name (its nominative: "алматы", not "алматыда")."""
    cached: dict[str, str] | None = getattr(scanner, "_kk_nominatives", None)
    if cached is None:
        cached = {}
        for phrase, found in scanner.others_of.items():
            for _, pl in found:
                if pl.label == "REGION_BARE" and len(phrase) < len(cached.get(pl.key, phrase + " ")):
                    cached[pl.key] = phrase
        scanner._kk_nominatives = cached  # type: ignore[attr-defined]
    return cached


def _kk_drop_name_parts(scan: Scan, out: list[Mention], parts: set[int]) -> list[Mention]:
    """``out`` without the name parts (``parts``: starts) whose paragraph names another region."""
    text = scan.text
    keep: list[Mention] = []
    for m in out:
        if m.kind == "region" and m.start in parts:
            p_start = text.rfind("\n", 0, m.start) + 1
            p_end = text.find("\n", m.end)
            p_end = len(text) if p_end < 0 else p_end
            if any(o.kind == "region" and o.start not in parts and o.key != m.key
                   and p_start <= o.start < p_end for o in out):
                continue
        keep.append(m)
    return keep


# "the Turkish company Konya", "the German company HMS Bergbau": a name the text introduces as
# a company (one to four capitalised words right after "company"). The expression starts with
# the literal "the" (its word boundary checked behind it), so that ``re`` finds candidates with
# a fast substring search instead of trying the pattern at every position
_INTRODUCED_COMPANY_RE = re.compile(
    r"the(?<!\wthe)\s+(?:[A-Z][a-z]+\s+)?company\s+((?:[A-Z][\w&'-]*)(?:\s+[A-Z][\w&'-]*){0,3})")


def _introduced_companies(text: str, known: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in _INTRODUCED_COMPANY_RE.finditer(text):
        a, b = m.span(1)
        if not any(k.start < b and a < k.end for k in known):
            out.append(Mention("company", text[a:b], "", a, b))
    return out


# "is being built by KTZ Express", "was constructed by Stadler Kazakhstan", "SaryarkaAvtoProm
# opened a bus assembly line", "Kaustik is expanding its plant": the agent of a building verb
# (after "by") or the name that opens a clause and builds, opens or runs something is its
# builder or owner. The name: one to four capitalised words; a word with inner capitals
# ("AgromashHolding KZ") is a company name wherever it stands.
_BUILD_VERBS = ("built", "constructed", "implemented", "developed", "operated", "owned", "run",
                "erected", "launched", "opened", "commissioned", "modernised", "modernized",
                "expanded")
_NAME = r"[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,3}"
# "by" and the name after it; the building verb before "by" is checked in Python
# (``_built_by_names``): an expression starting with the verb's ``\b`` has no literal or
# character-set prefix, so ``re`` would try it at every position of the text
_BY_NAME_RE = re.compile(r"by\s+(" + _NAME + r")")
# the name and what follows it; that the name opens a clause (at a line start, after a full stop,
# or after a comma and a space) is checked in Python (``_opens_clause``): a zero-width
# alternation in front would make ``re`` try the expression at every position
_SUBJECT_RE = re.compile(
    r"(" + _NAME + r")\s+(?:(?:is|are|has|have|will|was|were)\s+)?"
    r"(?:(?:now|also|currently|already)\s+)?"
    r"(?:building|constructing|expanding|modernising|modernizing|opened|launched|built|"
    r"put\s+into\s+(?:operation|service)|commissioned|plans\s+to|intends\s+to|"
    r"is\s+planning\s+to|operates|started\s+(?:building|construction)|invested|invests|"
    r"implementing)\b")
# the word boundary before the first capital is written as a lookbehind after it, so that the
# expression starts with a character set ``re`` can scan for
_CAMEL_RE = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]+(?:[A-Z][a-z]+)+\b(?:\s+[A-Z]{2,3}\b)?")
# capitalised words that open a clause or follow "by" without naming a company (a name may end
# with a country: "Stadler Kazakhstan", "NFC Kazakhstan")
_NOT_NAME_WORDS = """
The A An This That These Those It Its They Their He She We In At On By For From With And But
Prime Minister Ministry Ministers Government President Akim Akimat Head Deputy State Parliament
Kazakhstan Kazakh Russia China Chinese Russian Turkey Turkish Astana Almaty Shymkent
January February March April May June July August September October November December
Mr Mrs Ms Next Also Today Later Since During After Before Some Each All
"""
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())
_NAME_END_STOP = _NOT_NAMES - {"Kazakhstan", "Kazakh", "Russia", "China", "Turkey", "Astana",
                                "Almaty", "Shymkent"}


_LEGAL_TAILS = frozenset({"JSC", "LLP", "LLC", "CO", "Co", "Ltd", "Inc", "PLC", "GmbH", "AG", "SA",
                          "Corp"})
# a person who opens or launches something: "Smailov opened", "Prime Minister Askar Mamin
# launched" (a title before the name, or a Kazakh or Russian surname ending)
_TITLE_BEFORE = re.compile(r"\b(?:Minister|President|Akim|Chairman|Head|Director|Governor|CEO|"
                           r"Mr|Mrs|Ms|Deputy|Secretary|Speaker)\.?\s+$")
_SURNAME_END = re.compile(r"(?:ov|ev|ova|eva|yev|yeva|uly|kyzy|in|ina|ko|sky)$")


def _is_person(text: str, a: int, last: str) -> bool:
    if _TITLE_BEFORE.search(text, max(0, a - 20), a):
        return True
    return bool(_SURNAME_END.search(last)) and not _CAMEL_RE.fullmatch(last)


def _is_word_char(c: str) -> bool:
    r"""Whether ``c`` is a character ``re``'s ``\w`` matches."""
    return c.isalnum() or c == "_"


def _built_by_names(text: str) -> Iterator[tuple[int, int]]:
    r"""Spans of the names after "<building verb> by", as ``\b(?:verbs)\s+by\s+(NAME)`` would
    find them with ``finditer`` (non-overlapping, left to right)."""
    last_end = 0
    pos = 0
    while (m := _BY_NAME_RE.search(text, pos)) is not None:
        by = m.start()
        pos = by + 1
        k = by
        while k > last_end and text[k - 1].isspace():
            k -= 1
        if k == by:
            continue  # "by" must follow a space
        for verb in _BUILD_VERBS:
            v = k - len(verb)
            if v >= last_end and text.startswith(verb, v) and \
                    (v == 0 or not _is_word_char(text[v - 1])):
                yield m.span(1)
                last_end = pos = m.end()
                break


def _opens_clause(text: str, p: int) -> bool:
    r"""Whether position ``p`` opens a clause as ``(?:^|(?<=[.\n])\s*|,\s+)`` (multi-line) ending
    there requires: at a line start, after a full stop and any spaces, after any spaces holding
    a line break, or after a comma and at least one space."""
    w = p
    while w > 0 and text[w - 1].isspace():
        w -= 1
    if w == 0:
        return p == 0 or "\n" in text[w:p]
    before = text[w - 1]
    return before == "." or "\n" in text[w:p] or (before == "," and w < p)


def _subject_names(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the names that open a clause and build, open or run something, as ``finditer``
    of ``_SUBJECT_RE`` with the clause start in front would find them (every start the longer
    expression could match at is tried: a rejected start resumes the search one further)."""
    pos = 0
    while (m := _SUBJECT_RE.search(text, pos)) is not None:
        if _opens_clause(text, m.start()):
            yield m.span(1)
            pos = m.end()
        else:
            pos = m.start() + 1


def _builder_companies(text: str) -> list[Mention]:
    out: list[Mention] = []
    spans = chain(_built_by_names(text), _subject_names(text),
                  (m.span() for m in _CAMEL_RE.finditer(text)))
    for a, b in spans:
        words = [(w.start(), w.end(), w.group()) for w in _NON_SPACE_RE.finditer(text[a:b])]
        while words and words[-1][2] in _NAME_END_STOP:
            words.pop()  # "opened by Qarmet In ...": the name ends before
        while words and words[-1][2].rstrip(".") in _LEGAL_TAILS:
            words.pop()  # "SSGPO JSC plans to build": the name without its legal form
        if not words or words[0][2] in _NOT_NAMES or _is_person(text, a, words[-1][2]):
            continue
        out.append(Mention("company", text[a:a + words[-1][1]], "", a, a + words[-1][1]))
    return out


_NON_SPACE_RE = re.compile(r"\S+")


def _with_builders(text: str, out: list[Mention]) -> list[Mention]:
    """``out`` with the builders of ``_builder_companies``; a name found there replaces a shorter
    company mention inside it ("KTZ" in "KTZ Express"), one already there is kept."""
    builders = _builder_companies(text)
    if not builders:
        return out
    comps = [m for m in out if m.kind == "company"]
    added: list[Mention] = []
    for bm in builders:
        if any(c.start <= bm.start and bm.end <= c.end for c in comps + added):
            continue  # already known, as long or longer
        if any(c.start < bm.end and bm.start < c.end and not (bm.start <= c.start and
                                                             c.end <= bm.end)
               for c in comps + added):
            continue  # crosses a known name: not this one
        added.append(bm)
    if not added:
        return out
    inside = {(c.start, c.end) for c in comps
              if any(bm.start <= c.start and c.end <= bm.end for bm in added)}
    return [m for m in out if m.kind != "company" or (m.start, m.end) not in inside] + added


_new = tuple.__new__  # a NamedTuple without the Python-level __new__ (hot loop)


def _start_of(m: Mention) -> int:
    return m.start


def _longest_first(spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Overlapping spans resolved longest first (then leftmost)."""
    taken: list[tuple[int, int, str, str]] = []
    for span in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if not any(span[0] < t[1] and t[0] < span[1] for t in taken):
            taken.append(span)
    return taken


def _prev_token(text: str, pos: int) -> tuple[int, str] | None:
    """``(start, text)`` of the token ending before ``pos`` (spaces skipped), or None."""
    j = pos
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == 0 or text[j - 1] == "\n":
        return None
    k = j - 1
    if text[k].isalnum() or text[k] == "_":
        while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "_"):
            k -= 1
    return k, text[k:j]


def _next_token(text: str, pos: int) -> str | None:
    """Text of the token starting after ``pos`` (spaces skipped) on the same line, or None."""
    n = len(text)
    while pos < n and text[pos] in " \t":
        pos += 1
    m = _TOKEN_RE.match(text, pos)
    return None if m is None else m.group(0)


def _inside_proper_name(text: str, start: int, end: int, sent_starts: set[int]) -> bool:
    """A bare place name flanked by capitalised words is part of a name ("Big Almaty Ring Road")."""
    prev = _prev_token(text, start)
    nxt = _next_token(text, end)
    if (prev is not None and prev[1] in _ROUTE_DASHES) or (nxt is not None and nxt in _ROUTE_DASHES):
        return True  # "Bakhty-Ayagoz railway", "Karaganda-Almaty road": a route, not a place
    if prev is not None:
        p_start, p_text = prev
        if p_text.istitle() and p_start not in sent_starts and \
                p_text.lower() not in _PLACE_PREPOSITIONS:
            return True
    return nxt is not None and nxt.istitle() and nxt.lower() not in _PLACE_NOUNS


_OPEN_QUOTES = frozenset({"«", "\"", "“", "„"})
_CLOSE_QUOTES = frozenset({"»", "\"", "”", "“"})
_NAME_STOP = frozenset({"the", "a", "an", "in", "at", "on", "by", "for", "and", "with", "from",
                        "of", "to", "company", "companies", "its", "this", "that"})


def _chars(doc: Doc, base: int, a: int, b: int) -> tuple[int, int]:
    """Text offsets of tokens ``[a, b)`` of ``doc``, a sentence starting at ``base``."""
    return base + doc[a].idx, base + doc[b - 1].idx + len(doc[b - 1])


def _name_token(doc: Doc, k: int) -> bool:
    tok = doc[k]
    if tok.lower_ in _NAME_STOP:
        return False
    # "Hot-dip": a lower-case part joined by a hyphen stays in the name
    return tok.is_title or tok.is_upper or tok.text == "-" or (k > 0 and doc[k - 1].text == "-")


_WINDOW = 120  # characters around a legal form that hold the company's name


def _sentence_at(scan: Scan, starts: list[int], pos: int) -> tuple[int, int] | None:
    """(start, end) of the sentence of ``scan`` that holds ``pos``; ``starts`` are the
    sentence starts (computed once by the caller)."""
    i = bisect_right(starts, pos) - 1
    return scan.sentences[i] if i >= 0 else None


def _company_mentions(scan: Scan, lang: str, legal_forms: list[tuple[int, int]]) -> list[Mention]:
    """Companies written with a legal form: "Qarmet JSC", "KazAzot Prime LLP", "JSC Kazakhtelecom".

    Read on spaCy tokens of the sentence around the legal form (only those sentences are
    tokenised)."""
    text = scan.text
    starts = [s for s, _ in scan.sentences]
    nlp = get_nlp(lang)
    out: list[Mention] = []
    for lf_start, lf_end in legal_forms:
        sentence = _sentence_at(scan, starts, lf_start)
        if sentence is None:
            continue
        s_start, s_end = sentence
        # the name lies within a few tokens of the legal form: tokenise that stretch of the
        # sentence only, from a space on (or from the sentence start, which ends a name)
        base = max(s_start, lf_start - _WINDOW)
        if base > s_start:
            space = text.find(" ", base, lf_start)
            base = space + 1 if space >= 0 else lf_start
        doc = nlp.make_doc(text[base:min(s_end, lf_end + _WINDOW)])
        span = doc.char_span(lf_start - base, lf_end - base)
        if span is None:
            continue  # the legal form does not start and end on tokens here
        start, end = span.start, span.end
        s_start = base
        if _NATIVE_FORM.search(text, lf_start, lf_end):
            # "АО «Qarmet»", "Руководство АО «НК «КазМунайГаз»": a Russian legal form comes
            # before the name; the capitalised word before it is an ordinary one
            # ("Руководство", "Компания") or a place ("В Павлодаре"), never the name
            found = _name_after(doc, end)
            if found is not None:
                a, b = _chars(doc, s_start, *found)
                out.append(Mention("company", text[a:b], "", a, b))
            continue

        i_tok = start - 1
        while i_tok >= 0 and start - i_tok <= 6 and _name_token(doc, i_tok):
            if i_tok == 0:
                i_tok -= 1
                break
            i_tok -= 1
        first = i_tok + 1
        if first < start and doc[first].text != "-":
            a, b = _chars(doc, s_start, first, start)
            out.append(Mention("company", text[a:b], "", a, b))
            continue
        j = end
        if j < len(doc) and doc[j].text in _OPEN_QUOTES:
            # 'LLP "Jambyl Cement"': the name is what the quotes hold
            quoted = _quoted_after(doc, j)
            if quoted is not None:
                a, b = _chars(doc, s_start, *quoted)
                out.append(Mention("company", text[a:b], "", a, b))
            continue
        while j < len(doc) and j - end < 4 and _name_token(doc, j):
            j += 1
        if j > end and doc[start].text == "JSC":
            a, b = _chars(doc, s_start, end, j)
            out.append(Mention("company", text[a:b], "", a, b))
    return out


# a legal form written in Cyrillic (АО, ТОО, ООО ...): Russian word order, the name follows it
_NATIVE_FORM = re.compile(r"[А-ЯЁа-яё]")


def _quoted_after(doc: Doc, j: int) -> tuple[int, int] | None:
    """Tokens ``[a, b)`` of the name in the quotes opening at token ``j``. Nested quotes name
    the company inside a longer official name and share one closing quote: in '«НК
    «КазМунайГаз»' and '«ТНК «Казхром»' the name is the inner one ("КазМунайГаз")."""
    k = j + 1
    a = k
    while k < len(doc) and k - j <= 10 and doc[k].text not in _CLOSE_QUOTES:
        if doc[k].text == "«":
            a = k + 1  # an inner quote: the name starts after it
        k += 1
    if k < len(doc) and doc[k].text in _CLOSE_QUOTES and k > a:
        return a, k
    return None


def _name_after(doc: Doc, end: int) -> tuple[int, int] | None:
    """The name right after a legal form ending at token ``end``: quoted ("АО «Qarmet»"), else
    up to four capitalised tokens ("ТОО KAZ Minerals Smelting")."""
    if end < len(doc) and doc[end].text in _OPEN_QUOTES:
        return _quoted_after(doc, end)
    j = end
    while j < len(doc) and j - end < 4 and _name_token(doc, j):
        j += 1
    return (end, j) if j > end and doc[end].text != "-" else None


# Kazakh puts the legal form after the name: "«Jambyl Cement» ЖШС", "Qarmet АҚ" (spaCy has no
# Kazakh tokeniser; the name is read with expressions: a quoted name, else up to three
# capitalised words right before the legal form)
_KK_QUOTED_BEFORE = re.compile(r"[«\"“]([^«»\"“”\n]{1,60})[»\"”]\s*$")
_KK_CAPS_BEFORE = re.compile(r"(?<![\w-])((?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]*\s+){0,2}[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]*)\s+$")
_KK_QUOTED_AFTER = re.compile(r"\s*[«\"“]([^«»\"“”\n]{1,60})[»\"”]")


def _kk_company_mentions(scan: Scan, legal_forms: list[tuple[int, int]]) -> list[Mention]:
    text = scan.text
    starts = [s for s, _ in scan.sentences]
    out: list[Mention] = []
    for lf_start, lf_end in legal_forms:
        sentence = _sentence_at(scan, starts, lf_start)
        if sentence is None:
            continue
        s_start, s_end = sentence
        lo = max(s_start, lf_start - _WINDOW)
        m = _KK_QUOTED_BEFORE.search(text, lo, lf_start)
        if m is not None:
            out.append(Mention("company", m.group(1), "", m.start(1), m.end(1)))
            continue
        m = _KK_CAPS_BEFORE.search(text, lo, lf_start)
        if m is not None and m.start(1) != s_start:
            out.append(Mention("company", m.group(1), "", m.start(1), m.end(1)))
            continue
        m = _KK_QUOTED_AFTER.match(text, lf_end, s_end)
        if m is not None:
            out.append(Mention("company", m.group(1), "", m.start(1), m.end(1)))
    return out

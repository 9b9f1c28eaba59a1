"""What a figure is about: project or portfolio, region, company, product and a project label.

A release reports several projects, usually one paragraph each, sometimes several in one
sentence, and totals for a set of projects ("5 major initiatives ... about $10 billion", "61
projects worth ..."). ``DocContext`` indexes the matcher's output of one release by sentence,
clause and paragraph; the ``resolve_*`` functions answer, for a figure at a position:

- scope: ``portfolio`` when the figure's clause counts projects, when the sentence continues a
  total ("They will create ..."), or when a collective cue precedes it ("the programme", "new
  capacity", "of these"); otherwise ``project``.
- region: ``region.resolve_region`` (the nearest region named before the figure, else around
  it in its paragraph, else the release's; a national total lies in none). A bare name inside
  a proper name ("Big Almaty Ring Road") is not a place (``mentions``).
- company: named in the sentence, else earlier in the paragraph, else carried from the previous
  paragraph when this one introduces nothing new.
- product (``products``, which reads this module's ``DocContext``): the commodity right after
  a capacity ("tonnes of copper cathode"), else that of the project (the capacities of its
  clause or paragraph when they agree, a facility that implies one, "sugar plant", "ammonia and
  urea complex"), else a product the sentence names.

All positions are character offsets into the release text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from extractors import kk_phrases, ru_phrases
from extractors.pipeline import Mention

# Clause boundaries inside a sentence: coordination that usually starts a new statement.
# Clause boundaries inside a sentence, per language.
_CLAUSE_RE = {
    "en": re.compile(r",\s+(?:and|while|but|whereas)\s+|;\s+"),
    "ru": re.compile(r",\s+(?:а также|а|но|и|тогда как)\s+|;\s+"),
    "kk": re.compile(r",\s+(?:ал|бірақ|алайда|сондай-ақ)\s+|;\s+"),
}
# A sentence that continues a total: "They will create ...", "Их реализация позволит ..."
_PRONOUN_START = {
    "en": ("they ", "their ", "these ", "of these", "all of them", "together they"),
    "ru": ("они ", "их ", "эти ", "из них"),
    "kk": ("олар ", "олардың ", "бұл жобалар", "осы жобалар", "оларды "),
}


_NO_MENTIONS: list[Mention] = []


@dataclass
class Sentence:
    """A sentence with its paragraph index and the mentions inside it (in text order), also
    indexed by kind and, for cues, by cue name; clause starts are found on first use."""

    start: int
    end: int
    para: int
    text: str
    clause_re: re.Pattern[str]
    mentions: list[Mention] = field(default_factory=list)
    by_kind: dict[str, list[Mention]] = field(default_factory=dict)
    cues: dict[str, list[Mention]] = field(default_factory=dict)
    _clause_starts: list[int] | None = None

    @property
    def clause_starts(self) -> list[int]:
        if self._clause_starts is None:
            self._clause_starts = [self.start] + [
                m.end() for m in self.clause_re.finditer(self.text, self.start, self.end)]
        return self._clause_starts

    def clause_of(self, pos: int) -> int:
        """Index of the clause holding character ``pos``."""
        return bisect_right(self.clause_starts, pos) - 1

    def clause_span(self, pos: int) -> tuple[int, int]:
        """``(start, end)`` of the clause holding ``pos``."""
        starts = self.clause_starts
        if len(starts) == 1:
            return self.start, self.end
        i = bisect_right(starts, pos) - 1
        return starts[i], starts[i + 1] if i + 1 < len(starts) else self.end


class DocContext:
    """Mentions of one release indexed by sentence; built once per ``extract`` call."""

    def __init__(self, text: str, sents: list[tuple[int, int]], mentions: list[Mention],
                 lang: str = "en", low: str | None = None) -> None:
        self.text = text
        self.low = text.lower() if low is None else low  # same length as ``text``
        self.lang = lang if lang in _CLAUSE_RE else "en"
        clause_re = _CLAUSE_RE[self.lang]
        self.sentences: list[Sentence] = []
        para = 0
        prev_end = 0
        self._para_first: dict[int, int] = {}
        for s, e in sents:
            if "\n" in text[prev_end:s]:
                para += 1
            self._para_first.setdefault(para, len(self.sentences))
            self.sentences.append(Sentence(s, e, para, text, clause_re))
            prev_end = e
        self._starts = [s for s, _ in sents]
        # ``owner_companies`` and ``_introduces_project`` of each sentence asked about, computed
        # once: resolving the company and product of every figure asks about the same
        # sentences again and again
        self.owners: dict[int, list[Mention]] = {}
        self.introduces: dict[int, bool] = {}
        sentences = self.sentences
        starts = self._starts
        for m in mentions:  # sorted by start
            i = bisect_right(starts, m.start) - 1
            if i >= 0:
                sent = sentences[i]
                sent.mentions.append(m)
                if m.kind == "cue":
                    sent.cues.setdefault(m.key, []).append(m)
                else:
                    sent.by_kind.setdefault(m.kind, []).append(m)

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence holding ``pos`` (-1 before the first)."""
        return bisect_right(self._starts, pos) - 1

    def sentence_text(self, i: int) -> str:
        s = self.sentences[i]
        return self.text[s.start:s.end]

    def para_sentences(self, i: int) -> range:
        """Indices of the sentences of the paragraph of sentence ``i`` up to and including ``i``."""
        return range(self._para_first[self.sentences[i].para], i + 1)

    def paragraph_range(self, i: int) -> range:
        """Indices of all sentences of the paragraph of sentence ``i``."""
        para = self.sentences[i].para
        first = self._para_first[para]
        nxt = self._para_first.get(para + 1, len(self.sentences))
        return range(first, nxt)

    # --- cues --------------------------------------------------------------------------------
    def cues_in(self, i: int, start: int, end: int, names: frozenset[str]) -> list[Mention]:
        """Cue mentions of sentence ``i`` named in ``names`` lying within ``[start, end)``, in
        text order."""
        cues = self.sentences[i].cues
        if not cues:
            return []
        found: list[Mention] = []
        lists = 0
        for name in names:
            ms = cues.get(name)
            if ms:
                lists += 1
                found += [m for m in ms if m.start >= start and m.end <= end]
        if lists > 1:
            found.sort(key=_start_of)
        return found

    def has_cue(self, i: int, start: int, end: int, name: str) -> bool:
        return any(m.start >= start and m.end <= end
                   for m in self.sentences[i].cues.get(name, _NO_MENTIONS))

    def mentions_of(self, i: int, kind: str) -> list[Mention]:
        """Mentions of ``kind`` in sentence ``i`` (not cues), in text order (do not modify)."""
        return self.sentences[i].by_kind.get(kind, _NO_MENTIONS)

    def starts_with_pronoun(self, i: int) -> bool:
        s = self.sentences[i]
        return self.text[s.start:s.start + 16].lower().startswith(_PRONOUN_START[self.lang])


def _start_of(m: Mention) -> int:
    return m.start


# --- company -------------------------------------------------------------------------------------
def resolve_company(ctx: DocContext, i: int, pos: int, scope: str) -> str | None:
    """Company for a figure: in the sentence (before, then after), else earlier in the paragraph;
    for a project figure, else carried from an earlier paragraph that introduced nothing else.

    Only owners and builders count (``owner_companies``): a customer ("its order", "for KTZ"),
    a buyer or a lender named near the project is not its company. Of two companies named
    together ("KTZ and the Swiss company Stadler plan to build ...") the sentence's lead one
    stands for both (``_lead``), whichever figure of the project asks."""
    comps = owner_companies(ctx, i)
    before = [m for m in comps if m.end <= pos]
    if before:
        return _lead(ctx, before, len(before) - 1).key
    for j in range(i - 1, ctx.para_sentences(i).start - 1, -1):
        found = owner_companies(ctx, j)
        if found:
            return _lead(ctx, found, 0).key
    if comps:
        return _lead(ctx, comps, 0).key
    if scope == "project":
        para_start = ctx.para_sentences(i).start
        if not _introduces_project(ctx, ctx.paragraph_range(i)):
            for j in range(para_start - 1, -1, -1):
                found = owner_companies(ctx, j)
                if found:
                    return _lead(ctx, found, 0).key
                if _introduces_project(ctx, range(j, j + 1)):
                    break
    return None


# A company named as the customer, buyer or lender of a project is not its owner: what stands
# right before the name ("for KTZ", "ordered by", "orders of", "a loan ... from", "по заказу",
# "для") or what its own clause goes on to say ("KTZ has enlarged its order", "intends to
# purchase 500 cars", "заказал", "закупит"). Not "for X's modernisation": a possessive owns.
_CUSTOMER_BEFORE = {
    "en": re.compile(r"(?:\b(?:for|to|ordered\s+by|by\s+order\s+of|on\s+behalf\s+of|orders?\s+of|"
                     r"supplied\s+to|sold\s+to|delivered\s+to)"
                     r"|\b(?:loans?|credits?|financing|funds)\b[^.;]{0,40}\bfrom)\s+(?:the\s+)?"
                     r"(?:national\s+|state\s+)?(?:company\s+|operator\s+|bank\s+)?$", re.I),
    "ru": re.compile(r"(?:\b(?:для|по\s+заказу|заказчик\w*|в\s+интересах|поставк\w+\s+для)"
                     r"|\b(?:кредит\w*|заём\w*|займ\w*|финансировани\w*)\b[^.;]{0,40}\b(?:от|у))"
                     r"\s+(?:(?:АО|ТОО|компани\w+|национальн\w+\s+компани\w+)\s+)?[«\"]?$", re.I),
    "kk": re.compile(r"(?!)"),
}
_POSSESSIVE_AFTER = re.compile(r"[’']s\b")
_CUSTOMER_AFTER = {
    "en": re.compile(r"[^,;.]{0,50}?\b(?:orders?|ordered|ordering|purchas\w*|buys?|bought|"
                     r"procur\w*)\b"),
    "ru": re.compile(r"[^,;.]{0,50}?(?:\bзаказ\w*|\bзакуп\w*|\bприобрет\w*|\bприобрести\b|"
                     r"\bкупит\w*)", re.I),
    "kk": re.compile(r"[^,;.]{0,50}?(?:\bтапсырыс\w*|\bсатып\s+ал\w*)", re.I),
}
# ... unless that clause builds, invests or launches too ("Qarmet will build and order ...")
_OWNER_VERB = re.compile(r"\b(?:buil\w*|construct\w*|invest\w*|launch\w*|moderni[sz]\w*|expand\w*|"
                         r"строит\w*|постро\w*|инвест\w*|реализ\w*|модерниз\w*|сал\w*|сала\w*)",
                         re.I)


def owner_companies(ctx: DocContext, i: int) -> list[Mention]:
    """Company mentions of sentence ``i`` that can own or build a project (not its customer,
    buyer, lender or the brand of its technology), in text order (do not modify)."""
    found = ctx.owners.get(i)
    if found is None:
        comps = ctx.mentions_of(i, "company")
        found = [m for m in comps if not _is_customer(ctx, i, m)] if comps else comps
        ctx.owners[i] = found
    return found


# a company's name as the brand of a technology ("the MIDREX Flex technology"): its licensor
_TECHNOLOGY_AFTER = re.compile(r"(?:\s+[A-Z][\w-]*)?\s+(?:technology|technologies|process|"
                               r"licen[cs]e|технологи\w*|технологиясы\w*)\b")


def _is_customer(ctx: DocContext, i: int, m: Mention) -> bool:
    text = ctx.text
    s = ctx.sentences[i]
    lang = ctx.lang
    if _TECHNOLOGY_AFTER.match(text, m.end, s.end):
        return True
    if _CUSTOMER_BEFORE[lang].search(text, max(s.start, m.start - 60), m.start) and \
            not _POSSESSIVE_AFTER.match(text, m.end):
        return True
    after = _CUSTOMER_AFTER[lang].match(text, m.end, s.end)
    return after is not None and not _OWNER_VERB.search(text, m.end, after.end())


# "KTZ and the Swiss company Stadler", "QazaqGaz and Shandong Energy": two companies joined as
# the subject of one project; "X совместно с Y", "X together with Y": a partner after the lead
_JOINED = re.compile(r"\s*(?:,|and|и|және|мен|бен|пен|together\s+with|jointly\s+with|"
                     r"совместно\s+с|вместе\s+с)\s+(?:the\s+)?[^\s,;.]*\s*[^\s,;.]*\s*$")
# a company the text introduces by what it is ("the Swiss company Stadler", "китайская компания
# NFC"): the investor the release is about; the other, named bare, is a partner already known
_INTRODUCED = re.compile(r"(?:\bcompany|\bкомпани[яиейю]|компаниясы)\s+[«\"]?$", re.I)


def _lead(ctx: DocContext, comps: list[Mention], k: int) -> Mention:
    """The company of ``comps[k]``'s pair: when it is joined with the company before or after
    it ("X and the Swiss company Y"), the one introduced as a company, else the first of them."""
    text = ctx.text
    pair: list[Mention] = []
    if k > 0 and _joined(text, comps[k - 1], comps[k]):
        pair = [comps[k - 1], comps[k]]
    elif k + 1 < len(comps) and _joined(text, comps[k], comps[k + 1]):
        pair = [comps[k], comps[k + 1]]
    if not pair:
        return comps[k]
    if len(comps) > 2 and any(m is not pair[0] and m is not pair[1] and
                              (_joined(text, m, pair[0]) or _joined(text, pair[1], m))
                              for m in comps):
        return pair[0]  # a list of signatories ("X, the Chinese company Y and Z"): the first
    introduced = [m for m in pair if _INTRODUCED.search(text, max(0, m.start - 30), m.start)]
    return introduced[0] if len(introduced) == 1 else pair[0]


def _joined(text: str, a: Mention, b: Mention) -> bool:
    """Whether company ``b`` follows ``a`` as its coordinate (not the same name twice)."""
    return a.end <= b.start and a.key != b.key and b.start - a.end <= 40 and \
        bool(_JOINED.fullmatch(text, a.end, b.start))


_ANAPHORIC = re.compile(r"(?:\b(?:the|this|its|that)\s+(?:new\s+|same\s+|future\s+)?)$", re.I)


def names_new_facility(ctx: DocContext, sents: range) -> bool:
    """Whether these sentences introduce a facility ("a gas chemical complex"), not one that
    refers back or belongs to a company already there ("the plant", "its plant")."""
    for j in sents:
        for m in ctx.mentions_of(j, "facility"):
            if m.key != "project" and not _ANAPHORIC.search(
                    ctx.text[max(0, m.start - 20):m.start]):
                return True
    return False


def _introduces_project(ctx: DocContext, sents: range) -> bool:
    """Whether these sentences name a facility or company of their own ("the plant",
    "the new enterprise" refer back and introduce nothing)."""
    known = ctx.introduces
    for j in sents:
        found = known.get(j)
        if found is None:
            found = known[j] = _sentence_introduces_project(ctx, j)
        if found:
            return True
    return False


def _sentence_introduces_project(ctx: DocContext, j: int) -> bool:
    if owner_companies(ctx, j):
        return True  # a customer or a technology's brand introduces no project of its own
    for m in ctx.sentences[j].mentions:
        if m.kind == "facility" and m.key != "project":
            if ctx.lang == "kk":
                # no articles: a bare facility noun ("Зауытта ...") refers back, one with
                # attributes ("цемент зауыты") introduces a project
                label = kk_phrases.noun_phrase(ctx.text, ctx.sentences[j].start, m.start,
                                               m.end)[0]
                if " " in label:
                    return True
                continue
            before = ctx.text[max(0, m.start - 20):m.start]
            if not _ANAPHORIC.search(before):
                return True
    return False


# --- project label ------------------------------------------------------------------------------
_LABEL_STOP = frozenset({"a", "an", "the", "of", "in", "at", "for", "to", "and", "with", "new",
                         "large", "its", "their", "this", "that", "is", "will", "build", "on",
                         "mw", "gw", "kw", "km", "ha", "bed", "seat", "tonne", "tonnes", "by"})


def facility_label(ctx: DocContext, i: int) -> str | None:
    """Short noun phrase naming the facility of sentence ``i``: modifiers + facility noun."""
    for f in ctx.mentions_of(i, "facility"):
        if f.key == "project":
            continue
        return label_of(ctx, i, f)
    return None


def label_of(ctx: DocContext, i: int, f: Mention) -> str:
    """The facility ``f`` of sentence ``i`` with up to four modifiers before it (Russian: its
    adjectives, both in the nominative)."""
    if ctx.lang == "ru":
        return ru_phrases.noun_phrase(ctx.text, ctx.sentences[i].start, f.start, f.end)
    if ctx.lang == "kk":
        return kk_phrases.noun_phrase(ctx.text, ctx.sentences[i].start, f.start, f.end)[0]
    words = ctx.text[max(ctx.sentences[i].start, f.start - 60):f.start].split()
    mods: list[str] = []
    for w in reversed(words):
        bare = w.strip(",.;:()\"'")
        if bare != w or bare.lower() in _LABEL_STOP or not bare or bare[0].isdigit():
            break
        mods.insert(0, bare)
        if len(mods) == 4:
            break
    return " ".join([*mods, ctx.text[f.start:f.end]])


def coordinated_facilities(ctx: DocContext, i: int, start: int, end: int) -> list[Mention]:
    """Facilities named as a list in ``[start, end)`` of sentence ``i`` ("a poultry farm ..., a
    glass plant ... and a wind farm"), or [] when fewer than two are."""
    found = [m for m in ctx.mentions_of(i, "facility")
             if start <= m.start and m.end <= end and m.key != "project"]
    if len(found) < 2:
        return []
    gaps = [ctx.text[a.end:b.start] for a, b in zip(found, found[1:], strict=False)]
    # a list ends with "and" ("X, Y and Z"); "the complex, a polyethylene plant" is one project
    if not any(w in gaps[-1] for w in _AND) or \
            not all("," in g or any(w in g for w in _AND) for g in gaps[:-1]):
        return []
    return found


_AND = (" and ", " и ", " және ")

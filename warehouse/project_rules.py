"""Matching rules of the project resolver (warehouse/projects.py): what a label, a company, a
product and a region say about a project, and whether a mention fits a cluster of mentions.

* blockers, never overridden by evidence: regions that differ (a region created in 2022 and the
  region it was carved from are compatible), companies that differ (after aliasing), phases
  that differ, numbered names that differ ("GRES-3" and "GRES-2", "unit No. 1" and "unit No.
  3"), facility types that differ, product families that differ (unless the company is
  the same), proper names that differ, routes that differ ("Dostyk-Moiynty" and
  "Moiynty-Kyzylzhar" share a town but are two lines);
* evidence, at least one needed: the same company; a shared proper name (a route written
  "Bakhty-Ayagoz" or "from Bakhty to Ayagoz" gives the same names); or the same product family
  and facility type in compatible regions (one side may name no company);
* a score ranks the clusters that pass: evidence first, then the share of label words, read
  against the cluster's labels in the mention's language when it has some (a project's
  Russian labels would otherwise dilute how well an English label fits its English ones);
* translations: two facts of one release id in two languages state the same figure when metric,
  unit and value agree (within 0.5 %; jobs of the same kind, status the same word,
  commissioning the same year): see :func:`same_figure` and ``warehouse/projects.py``.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the resolver's own types; imported for annotations only
    from warehouse.projects import Cluster, Mention

# --- normalisation tables (en / ru / kk) ------------------------------------------------------
_CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
                ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o",
                 "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "sh", "", "y", "", "e",
                 "yu", "ya", "a", "g", "q", "n", "o", "u", "u", "h", "i"], strict=True))
_TRANSLIT = str.maketrans(_CYR)

# Facility types, in priority order: the first that matches a label is its type. "plant"
# includes complexes and mills; "programme" (modernisation, enterprise...) is compatible with all.
_FACILITIES: list[tuple[str, str]] = [
    ("railway", r"railway|railroad|железн\w*\s+дорог\w*|железнодорож\w*|теміржол\w*|темір\s+жол\w*"),
    ("power", r"wind|solar|hydro\w*|power\s+(?:plant|station|unit)|электростанц\w*|\bвэс\b|"
              r"\bсэс\b|\bгэс\b|\bтэц\b|\b[гм]рэс\b|\bтэс\b|ветр\w*|солнечн\w*|"
              r"энергоблок\w*|электр\s+стансас\w*|"
              # state district, thermal, hydro, combined heat and power, combined-cycle plants
              r"\b(?:gres|sdpp|tpp|hpp|chp|ccgt|ccpp)\b"),
    ("road", r"\broads?\b|highway|автодорог\w*|автомобильн\w*\s+дорог\w*"),
    ("greenhouse", r"greenhouse\w*|теплиц\w*|жылыжай\w*"),
    ("farm", r"\bfarms?\b|feedlot\w*|ферм\w*|откорм\w*|бордақыла\w*"),
    ("line", r"production\s+line|\bline\b|\bлини\w*"),
    ("plant", r"plant|factory|smelter|smelting|\bmill\b|\bworks\b|refinery|complex|завод\w*|"
              r"фабрик\w*|комбинат\w*|комплекс\w*|зауыт\w*|кешен\w*|\bцех\w*"),
    ("deposit", r"deposit\w*|\bmines?\b|mining|месторожд\w*|рудник\w*|кен\s+орн\w*|освоени\w*"),
    ("programme", r"programme|program|moderni[sz]ation|expansion|development|enterprise|"
                  r"программ\w*|модерниз\w*|развити\w*|предприяти\w*|расширени\w*|бағдарлам\w*|"
                  r"жаңғырт\w*|кәсіпорн\w*"),
]
_WEAK_FACILITIES = {"programme"}
# a "line" is a production line of a plant, or the short name of a railway ("the Bakhty-Ayagoz line")
_COMPATIBLE_FACILITIES = {frozenset({"plant", "line"}), frozenset({"railway", "line"})}

# Product families: what "copper cathode", "copper" and "медеплавильный" have in common.
_FAMILIES: list[tuple[str, str]] = [
    ("copper", r"copper|медеплав\w*|медн\w*|\bмед[ьи]\b"),
    ("iron", r"\biron\b|briquetted|горячебрикет\w*|желез\w*|темір\w*"),
    ("steel", r"steel|\bстал[ьи]\b|болат\w*"),
    ("sugar", r"sugar|сахар\w*|қант\w*"),
    ("glass", r"glass|стекол\w*|стекл\w*|шыны\w*"),
    ("electricity", r"electricity|электроэнерг\w*"),
    ("potash", r"potash|potassium|kalium|кали[йя]\w*"),
    ("fertilizer", r"fertili[sz]er\w*|ammonia|urea|nitrogen|аммиа\w*|карбамид\w*|удобрен\w*|"
                   r"тыңайтқыш\w*|азот\w*"),
    ("gas", r"\bgas\b|gasification|\bгаз\w*"),
    ("coal", r"\bcoal\b|\bугол\w*|\bугл[яеи]\w*|көмір\w*"),
    ("dairy", r"dairy|\bmilk\b|молоч\w*|молок\w*|\bсүт\w*"),
    ("oil", r"\boil\b|petrochem\w*|polyethylene|polypropylene|нефт\w*|мұнай\w*|полиэтилен\w*"),
    ("cement", r"cement|цемент\w*"),
    ("lithium", r"lithium|лити[йя]\w*"),
    ("gold", r"\bgold\b|золот\w*|алтын\w*"),
    ("aluminium", r"alumin\w*|алюмин\w*"),
]
_PHASES = [(1, r"\bfirst\s+(?:phase|stage)|(?:phase|stage)\s+(?:1|i)\b|перв\w*\s+(?:этап|очеред)\w*|"
               r"бірінші\s+кезең\w*"),
           (2, r"\bsecond\s+(?:phase|stage)|(?:phase|stage)\s+(?:2|ii)\b|втор\w*\s+(?:этап|очеред)\w*|"
               r"екінші\s+кезең\w*"),
           (3, r"\bthird\s+(?:phase|stage)|(?:phase|stage)\s+(?:3|iii)\b|трет\w*\s+(?:этап|очеред)\w*|"
               r"үшінші\s+кезең\w*")]
_STOP_WORDS = ("the of a an in on at for and to by with near new its project projects region oblast "
            "district village city town area park zone industrial agro construction building no "
            "production producing plant's в на по и с для у под район района поселка поселок села "
            "область области город города строительство производству производства проект "
            "облысы облысында ауданы қаласы және құрылысы жобасы")
_STOP = frozenset(_STOP_WORDS.split())
# Region words are not project names ("Abay" in "copper plant in Abay region").
_PLACE_PREFIXES = ("abay", "abai", "akmol", "aktob", "almat", "atyra", "zhamb", "zheti", "zhety",
                   "karag", "qarag", "kosta", "kyzyl", "mangy", "mangi", "pavlo", "turki", "ulyta",
                   "astan", "shymk", "kazak", "qazaq", "east", "west", "north", "south", "vosto",
                   "zapad", "sever", "yuzhn", "shygy", "batys", "soltu", "ontus")
_LEGAL = {"jsc", "llp", "llc", "ltd", "plc", "inc", "ao", "too", "pao", "oao", "zao", "gmbh",
          "ag", "sa", "nc", "nk", "company", "co"}
_COMPANY_ALIASES = {"ssgpo": "erg", "sokolovsko sarbayskoe": "erg", "eurasian resources group": "erg",
                    "kaz minerals smelting": "kaz minerals", "kazminerals": "kaz minerals",
                    "arcelormittal temirtau": "qarmet", "karmet": "qarmet"}
# Regions created in 2022 out of older ones: a 2021 release and a 2025 one name different codes.
_REGION_PARENT = {"KZ-10": "KZ-63", "KZ-33": "KZ-19", "KZ-62": "KZ-35"}


def translit(text: str) -> str:
    """Lower-case Latin transliteration of Cyrillic (ru and kk letters)."""
    return text.lower().translate(_TRANSLIT)


@functools.lru_cache(maxsize=16384)
def company_group(name: str | None) -> str | None:
    """A company's comparison key: transliterated, without legal form, aliased to its group."""
    if not name:
        return None
    words = [w for w in re.split(r"[^0-9a-z]+", translit(name)) if w and w not in _LEGAL]
    key = " ".join(words)
    return _COMPANY_ALIASES.get(key, key) or None


@functools.lru_cache(maxsize=16384)
def product_family(product: str | None) -> str | None:
    """The family of a product ("copper cathode" -> "copper"); unknown products stay themselves."""
    if not product:
        return None
    text = product.lower()
    for family, pattern in _FAMILIES:
        if re.search(pattern, text):
            return family
    return " ".join(text.split())


def companies_compatible(a: str, b: str) -> bool:
    """Same company key, or one a leading part of the other ("kazazot" ~ "kazazot prime")."""
    short, long = sorted((a.split(), b.split()), key=len)
    return long[:len(short)] == short


def regions_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b or _REGION_PARENT.get(a) == b or _REGION_PARENT.get(b) == a


@dataclass(frozen=True)
class Signature:
    """What a label says about its project, in language-independent terms."""

    facility: str | None
    families: frozenset[str]
    phase: int | None
    names: frozenset[str]
    route: frozenset[str] | None = None  # the two ends of a route, as name keys
    # numbered names: {"gres": 3} for "GRES-3", {"unit": 1} for "power unit No. 1"
    numbers: tuple[tuple[str, int], ...] = ()


# "Bakhty-Ayagoz", "Bakhty–Ayagoz", "from Bakhty to Ayagoz" (Latin or Cyrillic capitals)
_ROUTE_RES = (re.compile(r"\b([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_]+)\s*[-–—]\s*([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_]+)"),
              re.compile(r"\bfrom\s+([A-Z][^\W\d_]+)\s+to\s+([A-Z][^\W\d_]+)"))


# "GRES-3", "ТЭЦ-2", "unit No. 3", "блок № 3": a word and the number that tells its twins apart
# (phases and stages are read by _PHASES; "500 kV" puts its number first and is not a name)
_NUMBERED_RE = re.compile(r"([^\W\d_]+)(?:\s*[-–‑]\s*|\s+(?:no\.?|№)\s*|\s*№\s*)(\d{1,2})(?!\d|[.,]\d)",
                          re.IGNORECASE)
# a unit numbered without "No." ("power unit 2", "блок 3", "энергоблок 4")
_UNIT_NUMBER_RE = re.compile(r"\b(unit|блок\w*|энергоблок\w*)\s+(\d{1,2})(?!\d|[.,]\d)",
                             re.IGNORECASE)


# the same numbered thing named in Russian or Kazakh: "энергоблок № 3" is "unit No. 3", "ТЭЦ-2"
# is "CHP-2", "ГЭС-1" "HPP-1"
# (any case of "энергоблок" and "блок"; the abbreviations exactly)
_NUMBERED_STEMS = (("energoblok", "unit"), ("blok", "unit"))
_NUMBERED_ABBREVIATIONS = {"tets": "chp", "tes": "tpp", "ges": "hpp"}
_PHASE_WORD_RE = re.compile(r"phase|stage|этап\w*|очеред\w*|кезең\w*")


def _number_key(word: str) -> str:
    key = translit(word)
    stem = next((alias for stem, alias in _NUMBERED_STEMS if key.startswith(stem)), None)
    return stem or _NUMBERED_ABBREVIATIONS.get(key, key[:5])


def _numbers(label: str) -> tuple[tuple[str, int], ...]:
    """Every (word, number) pair that names a numbered thing; a word may carry several
    numbers ("Line-1 and Line-2": both)."""
    pairs = _NUMBERED_RE.findall(label) + _UNIT_NUMBER_RE.findall(label)
    found = {(_number_key(word), int(n)) for word, n in pairs
             if not _PHASE_WORD_RE.fullmatch(word.lower())}
    return tuple(sorted(found))


def numbers_conflict(a: tuple[tuple[str, int], ...], b: tuple[tuple[str, int], ...]) -> bool:
    """Whether two labels number the same kind of thing differently ("GRES-2" and "GRES-3"):
    a word numbered on both sides with no number in common."""
    mine: dict[str, set[int]] = {}
    theirs: dict[str, set[int]] = {}
    for word, n in a:
        mine.setdefault(word, set()).add(n)
    for word, n in b:
        theirs.setdefault(word, set()).add(n)
    return any(word in theirs and not numbers & theirs[word] for word, numbers in mine.items())


def _route(label: str) -> frozenset[str] | None:
    for pattern in _ROUTE_RES:
        m = pattern.search(label)
        if m:
            return frozenset(translit(x)[:5] for x in m.groups())
    return None


@functools.lru_cache(maxsize=65536)  # labels repeat across releases and resolutions
def label_signature(label: str, company: str | None) -> Signature:
    """Facility type, product families, phase and proper names of a project label."""
    text = label.lower()
    phase = next((n for n, p in _PHASES if re.search(p, text)), None)
    for _, pattern in _PHASES:
        text = re.sub(pattern, " ", text)
    facility = None
    for name, pattern in _FACILITIES:
        if re.search(pattern, text):
            facility = facility or name
            text = re.sub(pattern, " ", text)
    families = set()
    for name, pattern in _FAMILIES:
        if re.search(pattern, text):
            families.add(name)
            text = re.sub(pattern, " ", text)
    if facility == "power":
        families.add("electricity")
    company_words = set(re.split(r"[^0-9a-z]+", translit(company or "")))
    names = set()
    for word in re.findall(r"[^\W\d_]+", label):
        low = word.lower()
        key = translit(word)
        # Proper names are the capitalised words left after removing what the rules already read.
        if (not word[0].isupper() or low in _STOP or key in company_words or key in _LEGAL
                or key.startswith(_PLACE_PREFIXES)
                or not re.search(rf"(?<!\w){re.escape(low)}(?!\w)", text)):
            continue
        names.add(key[:5])
    return Signature(facility, frozenset(families), phase, frozenset(names), _route(label),
                     _numbers(label))


def label_words(label: str) -> set[str]:
    return {translit(w)[:5] for w in re.findall(r"[^\W\d_]+", label.lower()) if w not in _STOP}


def compatible_regions(region: str) -> set[str]:
    return {region} | {r for r, parent in _REGION_PARENT.items() if parent == region} | (
        {_REGION_PARENT[region]} if region in _REGION_PARENT else set())


def _strong(facilities: set[str]) -> set[str]:
    return facilities - _WEAK_FACILITIES


def score(m: Mention, c: Cluster) -> tuple[int, float] | None:
    """How well ``m`` fits ``c`` as (evidence, rank); None when a blocker forbids it or no
    evidence supports it. Reads ``c.basis`` (mentions that joined by their figures do not
    count)."""
    if any(not regions_compatible(m.region, r) for r in c.attr("region")):
        return None
    companies = c.attr("company_key")
    if m.company_key and any(not companies_compatible(m.company_key, k) for k in companies):
        return None
    if m.sig.phase != c.basis[0].sig.phase:
        return None
    mine = _strong({m.sig.facility} if m.sig.facility else set())
    theirs = _strong({x.sig.facility for x in c.basis if x.sig.facility})
    same_facility = bool(mine & theirs) or any(
        frozenset({a, b}) in _COMPATIBLE_FACILITIES for a in mine for b in theirs)
    if mine and theirs and not same_facility:
        return None
    same_company = m.company_key is not None and bool(companies)
    families = c.union("families")
    if m.families and families and not m.families & families and not same_company:
        return None
    names: set[str] = set().union(*(x.sig.names for x in c.basis))
    if m.sig.names and names and not m.sig.names & names:
        return None
    if m.sig.route and any(x.sig.route and x.sig.route != m.sig.route for x in c.basis):
        return None
    if m.sig.numbers and any(numbers_conflict(m.sig.numbers, x.sig.numbers) for x in c.basis):
        return None
    shared_name = bool(m.sig.names & names)
    in_region = m.region is not None and bool(c.attr("region"))
    if not (same_company or shared_name or (m.families & families and same_facility and in_region)):
        return None
    words = c.words_in(m.lang)  # within the mention's language: see Cluster.words_in
    overlap = len(m.words & words) / max(1, len(m.words | words))
    # Weak types count here (two "programmes" of one company are likelier one than a programme
    # and a furnace conversion); the label's words break the remaining ties.
    any_facility = m.sig.facility is not None and any(
        x.sig.facility == m.sig.facility for x in c.basis)
    evidence = (10 * same_company + 6 * shared_name + 4 * bool(m.families & families)
                + 2 * (same_facility or any_facility))
    return evidence, evidence + 4 * overlap


# Rank lead (4 x label-word overlap) that settles a tie of evidence between two companies'
# projects: the best cluster's labels share at least half more of the mention's words.
CLEAR_LEAD = 2.0


# --- translations: the same figure in two language versions of one release --------------------
@dataclass(frozen=True)
class Figure:
    """What one fact states, in the terms compared across the language versions of a release."""

    metric: str
    kind: str | None
    unit: str | None
    value: float | None
    value_max: float | None
    text: str | None  # the status word


# Relative tolerance on values: "1.2 million t" and "1 200 000 t" agree exactly, rounding in a
# translation ("about 800" against "807") may not; 0.5 % keeps apart figures that merely look
# alike (450 and 460 billion tenge).
FIGURE_TOLERANCE = 0.005


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=FIGURE_TOLERANCE)


def same_figure(a: Figure, b: Figure) -> bool:
    """Whether two facts state the same figure: same metric and unit, and for jobs the same kind;
    status the same word; commissioning the same year; other values within 0.5 % (upper ends
    of ranges too, when both give one)."""
    if a.metric != b.metric or a.unit != b.unit:
        return False
    if a.metric == "status":
        return a.text is not None and a.text == b.text
    if a.value is None or b.value is None or (a.metric == "jobs" and a.kind != b.kind):
        return False
    if a.metric == "commissioning":
        return int(a.value) == int(b.value) and (
            a.value_max is None or b.value_max is None or int(a.value_max) == int(b.value_max))
    return _close(a.value, b.value) and (
        a.value_max is None or b.value_max is None or _close(a.value_max, b.value_max))


def translation_conflicts(m: Mention, c: Cluster) -> bool:
    """Whether ``m`` names a region or company that ``c`` cannot have (the blockers that do not
    depend on how a label is worded: a translation's labels differ, its region and company
    should not)."""
    if any(not regions_compatible(m.region, r) for r in c.attr("region")):
        return True
    return m.company_key is not None and any(
        not companies_compatible(m.company_key, k) for k in c.attr("company_key"))

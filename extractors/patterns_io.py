"""Load and validate the pattern and gazetteer files in ``extractors/patterns/*.jsonl``.

Every line of every file is one JSON object ``{"label", "pattern", "id"}``:

- ``label``: what the entry marks (``REGION``, ``PRODUCT``, ``FIGURE``, ``CUE`` ...); each file
  allows its own labels (``FILE_LABELS``).
- ``pattern``: in the gazetteer files a phrase (a string, matched case-insensitively on whole
  words); in ``figures`` and ``years`` a regular expression (``FIGURE``, ``YEAR``, ``REGEX``),
  matched on the lower-cased text, or a word list (``WORDS``). A figure or year expression may
  use the macros ``{name}``, where ``name`` is the id of a ``WORDS`` or ``REGEX`` entry of
  either file (``{words.scale}``, ``{re.digits}``), and ``{num}``, a number in digits or in
  words; see ``expand``. ``FIGURE`` and ``YEAR`` entries are tried in file order (the first
  that matches at a position wins, so longer shapes come first); a ``YEAR`` that is just a
  word list (``{words.this_year}``) is matched as a phrase.
- ``id``: stable and unique over all files; in the gazetteer files ``<kind>:<key>[:<variant>]``,
  in the figure and year files a dotted name (``num.word``, ``year.single``, ``words.scale``).
  The key carries the normalised value the extractor needs: the ISO 3166-2:KZ code of a region
  (``region:KZ-10:abai``), the canonical product with ``_`` for spaces
  (``product:copper_cathode:0``), the status word (``status:planned:3``), the cue name
  (``cue:macro:2``).

English rules live in ``<name>.jsonl``, the rules of another language in ``<name>.<lang>.jsonl``
(``figures.ru.jsonl``); each language has the same set of files. ``load_patterns`` raises
``PatternError`` naming the file and the id (or line) of the first malformed entry. Loading is
cached: the files are read once per process and language.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from extractors.errors import PatternError

PATTERN_DIR = Path(__file__).parent / "patterns"

# file stem -> labels allowed in it; phrase files hold strings, the figure and year files
# regular expressions and word lists
FILE_LABELS: dict[str, frozenset[str]] = {
    "regions": frozenset({"REGION", "REGION_BARE", "REGION_NAME"}),
    "companies": frozenset({"COMPANY", "LEGAL_FORM"}),
    "products": frozenset({"PRODUCT"}),
    "facilities": frozenset({"FACILITY", "FACILITY_PLURAL"}),
    "status": frozenset({"STATUS"}),
    "cues": frozenset({"CUE"}),
    "figures": frozenset({"FIGURE", "WORDS", "REGEX"}),
    "years": frozenset({"YEAR", "WORDS", "REGEX"}),
}
# Files of regular expressions (compiled by ``extractors.pipeline``); the others hold phrases.
REGEX_PATTERN_FILES = frozenset({"figures", "years"})
# Macro names: ids of WORDS / REGEX entries ("words.scale", "re.digits") and the built-in "num".
_MACRO_RE = re.compile(r"\{([a-z][a-z0-9_.]*)\}")
_ID_KINDS = {
    "regions": "region", "companies": ("company", "legal_form"), "products": "product",
    "facilities": "facility", "status": "status", "cues": "cue", "figures": None, "years": None,
}


@dataclass(frozen=True)
class PatternEntry:
    """One validated line of a pattern file."""

    label: str
    pattern: str | tuple[str, ...]
    id: str
    file: str

    @property
    def key(self) -> str:
        """The normalised value carried by the id (``KZ-10``, ``copper cathode``, ``planned``)."""
        parts = self.id.split(":")
        if len(parts) < 2:
            return self.id
        return parts[1] if self.file == "regions" else parts[1].replace("_", " ")


def _fail(path: Path, where: str, message: str) -> PatternError:
    return PatternError(f"{path.name}: {where}: {message}")


def _check_regex_entry(path: Path, pid: str, label: str, pattern: Any) -> str | tuple[str, ...]:
    """A ``WORDS`` entry holds a non-empty list of non-empty strings, the others a regex string
    (compiled, with its macros, in ``_check_macros`` once the whole file is read)."""
    if label == "WORDS":
        if not isinstance(pattern, list) or not pattern or \
                not all(isinstance(w, str) and w.strip() for w in pattern):
            raise _fail(path, f"id {pid!r}", "a WORDS pattern must be a non-empty list of words")
        return tuple(pattern)
    if not isinstance(pattern, str) or not pattern.strip():
        raise _fail(path, f"id {pid!r}", "a regular expression must be a non-empty string")
    return pattern


def trie_regex(phrases: list[str]) -> str:
    """One alternation of ``phrases`` shaped as a character trie (greedy: the longest phrase
    first); a space matches one space. ``re`` tries one branch per character instead of one
    per phrase."""
    trie: dict[str, Any] = {}
    for p in phrases:
        node = trie
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        kids = sorted(ch for ch in node if ch)
        if not kids:
            return ""
        alts = [("[ ]" if ch == " " else re.escape(ch)) + emit(node[ch]) for ch in kids]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def words_regex(words: tuple[str, ...]) -> str:
    """Alternation of ``words`` (lower case, longest first, a space matching one space) that
    does not end inside a word."""
    phrases = sorted({" ".join(w.lower().split()) for w in words})
    return "(?:" + trie_regex(phrases) + r")(?:(?<!\w)|(?!\w))"


def expand(pattern: str, macros: dict[str, PatternEntry], digits_only: bool = False,
           _depth: int = 0) -> str:
    """``pattern`` with its macros replaced: ``{id}`` of a ``WORDS`` entry by the alternation of
    its words, of a ``REGEX`` entry by its (expanded) expression; ``{num}`` by a number in digits
    (``{re.digits}``) or in words (``{words.number}``), or, with ``digits_only``, in digits only
    (the fast scan: number words are found by the gazetteer scan). Raises ``KeyError`` naming an
    unknown macro."""
    if _depth > 8:
        raise KeyError("macros nested too deeply")

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name == "num":
            digits = expand("{re.digits}", macros, digits_only, _depth + 1)
            if digits_only:
                return digits
            return f"(?:{digits}|{expand('{words.number}', macros, digits_only, _depth + 1)})"
        if name not in macros:
            raise KeyError(f"unknown macro {{{name}}}")
        e = macros[name]
        if e.label == "WORDS":
            assert isinstance(e.pattern, tuple)
            return words_regex(e.pattern)
        assert isinstance(e.pattern, str)
        return "(?:" + expand(e.pattern, macros, digits_only, _depth + 1) + ")"

    return _MACRO_RE.sub(sub, pattern)


def _check_macros(entries_by_file: dict[Path, list[PatternEntry]]) -> None:
    """Every regex entry of the figure and year files expands and compiles (PatternError with
    file and id otherwise)."""
    macros = {e.id: e for entries in entries_by_file.values() for e in entries
              if e.label in ("WORDS", "REGEX")}
    for path, entries in entries_by_file.items():
        for e in entries:
            if e.label == "WORDS":
                continue
            assert isinstance(e.pattern, str)
            try:
                for digits_only in (False, True):
                    re.compile(expand(e.pattern, macros, digits_only))
            except (KeyError, re.error, RecursionError) as exc:
                msg = exc.args[0] if isinstance(exc, KeyError) else str(exc)
                raise _fail(path, f"id {e.id!r}", f"bad regular expression: {msg}") from exc


def load_pattern_file(path: Path) -> list[PatternEntry]:
    """Read one ``.jsonl`` file; raise ``PatternError`` (file and id) on the first bad line."""
    stem = path.name.split(".")[0]
    if stem not in FILE_LABELS:
        raise PatternError(f"{path.name}: unknown pattern file (expected one of {sorted(FILE_LABELS)})")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise PatternError(f"{path.name}: cannot be read: {exc}") from exc
    entries: list[PatternEntry] = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise _fail(path, f"line {lineno}", f"invalid JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise _fail(path, f"line {lineno}", "not a JSON object")
        pid = obj.get("id")
        where = f"id {pid!r}" if isinstance(pid, str) and pid else f"line {lineno}"
        if set(obj) != {"label", "pattern", "id"}:
            raise _fail(path, where, f"keys must be label, pattern, id (got {sorted(obj)})")
        if not isinstance(pid, str) or not pid.strip():
            raise _fail(path, where, "id must be a non-empty string")
        label = obj["label"]
        if label not in FILE_LABELS[stem]:
            raise _fail(path, where, f"label {label!r} not allowed here")
        pattern: str | tuple[str, ...]
        if stem in REGEX_PATTERN_FILES:
            pattern = _check_regex_entry(path, pid, label, obj["pattern"])
        else:
            if not isinstance(obj["pattern"], str) or not obj["pattern"].strip():
                raise _fail(path, where, "pattern must be a non-empty string")
            pattern = obj["pattern"]
            kinds = _ID_KINDS[stem]
            kind = pid.split(":")[0]
            if (kind not in kinds) if isinstance(kinds, tuple) else kind != kinds:
                raise _fail(path, where, f"id must start with {kinds!r}")
            if len(pid.split(":")) < 2:
                raise _fail(path, where, "id must be <kind>:<key>[:<variant>]")
        entries.append(PatternEntry(label=label, pattern=pattern, id=pid, file=stem))
    return entries


def load_patterns(directory: Path | None = None, lang: str = "en") -> dict[str, list[PatternEntry]]:
    """The pattern files of ``lang`` in ``directory`` (default: the package's), keyed by name.

    Ids must be unique over the files of a language; a duplicate raises ``PatternError``
    naming both files.
    """
    if directory is None:
        return _load_default(lang)
    return _load(directory, lang)


@lru_cache(maxsize=4)
def _load_default(lang: str) -> dict[str, list[PatternEntry]]:
    return _load(PATTERN_DIR, lang)


def _files_of(directory: Path, lang: str) -> list[Path]:
    suffix = ".jsonl" if lang == "en" else f".{lang}.jsonl"
    return sorted(p for p in directory.glob("*.jsonl")
                  if p.name.endswith(suffix) and p.name.count(".") == suffix.count("."))


def _load(directory: Path, lang: str) -> dict[str, list[PatternEntry]]:
    out: dict[str, list[PatternEntry]] = {}
    seen: dict[str, str] = {}
    regex_files: dict[Path, list[PatternEntry]] = {}
    for path in _files_of(directory, lang):
        entries = load_pattern_file(path)
        if path.name.split(".")[0] in REGEX_PATTERN_FILES:
            regex_files[path] = entries
        for e in entries:
            if e.id in seen:
                raise PatternError(f"{path.name}: id {e.id!r}: duplicate (also in {seen[e.id]})")
            seen[e.id] = path.name
        out[path.name.split(".")[0]] = entries
    missing = set(FILE_LABELS) - set(out)
    if missing:
        raise PatternError(f"{directory}: missing {lang} pattern file(s) {sorted(missing)}")
    _check_macros(regex_files)
    return out

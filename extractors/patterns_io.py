"""Load and validate the pattern and gazetteer files in ``extractors/patterns/*.jsonl``.

Every line of every file is one JSON object ``{"label", "pattern", "id"}``:

- ``label``: what the entry marks (``REGION``, ``PRODUCT``, ``FIGURE``, ``CUE`` ...); each file
  allows its own labels (``FILE_LABELS``).
- ``pattern``: a phrase (a string, matched on lower-cased tokens by a ``PhraseMatcher``) or a
  spaCy ``Matcher`` token pattern (a list of dicts using only attributes a blank pipeline sets).
- ``id``: stable and unique over all files, ``<kind>:<key>[:<variant>]``. The key carries the
  normalised value the extractor needs: the ISO 3166-2:KZ code of a region (``region:KZ-10:abai``),
  the canonical product with ``_`` for spaces (``product:copper_cathode:0``), the status word
  (``status:planned:3``), the cue name (``cue:macro:2``).

English rules live in ``<name>.jsonl``, the rules of another language in ``<name>.<lang>.jsonl``
(``figures.ru.jsonl``); each language has the same set of files. ``load_patterns`` raises
``PatternError`` naming the file and the id (or line) of the first malformed entry. Loading is
cached: the files are read once per process and language.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from extractors.errors import PatternError

PATTERN_DIR = Path(__file__).parent / "patterns"

# file stem -> labels allowed in it; phrase files hold strings, token files hold token lists
FILE_LABELS: dict[str, frozenset[str]] = {
    "regions": frozenset({"REGION", "REGION_BARE", "REGION_NAME"}),
    "companies": frozenset({"COMPANY", "LEGAL_FORM"}),
    "products": frozenset({"PRODUCT"}),
    "facilities": frozenset({"FACILITY", "FACILITY_PLURAL"}),
    "status": frozenset({"STATUS"}),
    "cues": frozenset({"CUE"}),
    "figures": frozenset({"FIGURE"}),
    "years": frozenset({"YEAR"}),
}
TOKEN_PATTERN_FILES = frozenset({"figures", "years"})

# Token attributes a blank pipeline (tokenizer only) sets, plus the operator key.
ALLOWED_TOKEN_KEYS = frozenset({
    "ORTH", "TEXT", "LOWER", "NORM", "LENGTH", "SHAPE", "PREFIX", "SUFFIX",
    "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT",
    "IS_SPACE", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY",
    "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL", "OP",
})
_ID_KINDS = {
    "regions": "region", "companies": ("company", "legal_form"), "products": "product",
    "facilities": "facility", "status": "status", "cues": "cue", "figures": None, "years": None,
}


@dataclass(frozen=True)
class PatternEntry:
    """One validated line of a pattern file."""

    label: str
    pattern: str | tuple[dict[str, Any], ...]
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


def _check_token_pattern(path: Path, pid: str, pattern: Any) -> tuple[dict[str, Any], ...]:
    if not isinstance(pattern, list) or not pattern:
        raise _fail(path, f"id {pid!r}", "a token pattern must be a non-empty list of objects")
    for tok in pattern:
        if not isinstance(tok, dict) or not tok:
            raise _fail(path, f"id {pid!r}", f"token {tok!r} is not a non-empty object")
        bad = set(tok) - ALLOWED_TOKEN_KEYS
        if bad:
            raise _fail(path, f"id {pid!r}",
                        f"attribute(s) {sorted(bad)} are not set by a blank pipeline")
    return tuple(pattern)


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
        pattern: str | tuple[dict[str, Any], ...]
        if stem in TOKEN_PATTERN_FILES:
            pattern = _check_token_pattern(path, pid, obj["pattern"])
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
    for path in _files_of(directory, lang):
        entries = load_pattern_file(path)
        for e in entries:
            if e.id in seen:
                raise PatternError(f"{path.name}: id {e.id!r}: duplicate (also in {seen[e.id]})")
            seen[e.id] = path.name
        out[path.name.split(".")[0]] = entries
    missing = set(FILE_LABELS) - set(out)
    if missing:
        raise PatternError(f"{directory}: missing {lang} pattern file(s) {sorted(missing)}")
    return out

"""``kzfacts extract PATH...``: run the extractor over local files, without the warehouse.

``extract_command(paths, lang, fmt)`` is a plain function (the typer app in ``flows/cli.py``
registers it). A PATH is

- ``.txt``: the body text of a release;
- ``.html``: a release page, parsed with ``extractors.site.parse_release`` when the page names
  its release URL (canonical link), else its ``<p>`` texts joined by blank lines;
- ``.json``: a release as in ``tests/eval/dev`` (its ``text``, ``lang`` and ``published``).

Language: ``lang`` (``--lang``), when given, applies to every file, .json included; without
it a .json release uses its own ``lang``, an .html release page the language of its URL, and
anything else is read as ``en``. A language other than en, ru or kk is an error (a bad
``lang``: code 2; a file naming one: that file fails).

Output on stdout: JSON Lines, one fact a line (the FACTS.md fields plus ``source``, ``text``,
``start``, ``end``, ``sentence``), or a rich table with ``fmt="table"``. A file that cannot be
read or has an unknown suffix gets a message on stderr naming it; the other files are still
processed and the return code is 1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from extractors.extract import extract

SUFFIXES = (".txt", ".html", ".htm", ".json")
FORMATS = ("jsonl", "table")


class _InputError(Exception):
    """A file the command cannot use; the message names it."""


def extract_command(paths: list[Path], lang: str | None, fmt: str) -> int:
    """Extract facts from ``paths`` and print them; return the exit code (0 ok, 1 a file failed,
    2 a bad option). ``lang``, when given, applies to every file; else a .json release (or a
    release page) carries its own and other files are read as en."""
    from extractors.release import LANGS

    err = Console(stderr=True, soft_wrap=True)
    if fmt not in FORMATS:
        err.print(f"error: unknown format {fmt!r} (use jsonl or table)")
        return 2
    if lang is not None and lang not in LANGS:
        err.print(f"error: unknown language {lang!r} (use {', '.join(LANGS)})",
                  markup=False, highlight=False)
        return 2
    failed = False
    rows: list[dict[str, Any]] = []
    for path in paths:
        try:
            text, file_lang, published = _read(path)
            use_lang = lang or file_lang or "en"
            if use_lang not in LANGS:
                raise _InputError(f"{path}: unknown language {use_lang!r} "
                                  f"(expected {', '.join(LANGS)}; or give --lang)")
        except _InputError as exc:
            err.print(f"error: {exc}", markup=False, highlight=False)
            failed = True
            continue
        for fact in extract(text, use_lang, published):
            row = {"source": str(path), **fact.to_dict()}
            if fmt == "jsonl":
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                rows.append(row)
    if fmt == "table":
        _print_table(rows)
    sys.stdout.flush()
    return 1 if failed else 0


def _read(path: Path) -> tuple[str, str | None, str | None]:
    """``(text, lang, published)`` of one input file; raises ``_InputError`` naming it."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise _InputError(f"{path}: unknown file type {suffix or '(none)'!r} "
                          f"(expected {', '.join(SUFFIXES)})")
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _InputError(f"{path}: cannot be read ({exc.__class__.__name__}: {exc})") from exc
    if suffix == ".txt":
        return raw, None, None
    if suffix == ".json":
        try:
            doc = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise _InputError(f"{path}: invalid JSON ({exc.msg} at line {exc.lineno})") from exc
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
            raise _InputError(f"{path}: a release .json needs a string 'text'")
        published = doc.get("published")
        return doc["text"], doc.get("lang"), published if isinstance(published, str) else None
    return _html_text(raw, path)


def _html_text(html: str, path: Path) -> tuple[str, str | None, str | None]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    link = soup.find("link", rel="canonical")
    url = link.get("href") if link is not None else None
    if isinstance(url, str):
        try:
            from extractors.site import parse_release

            release = parse_release(html, url)
            published = release.published_at.isoformat() if release.published_at else None
            return release.text, release.lang, published
        except Exception:  # noqa: BLE001 - any parser failure falls back to plain paragraphs
            pass
    paragraphs = [p.get_text(" ", strip=True) for p in soup.find_all("p")]
    text = "\n\n".join(p for p in paragraphs if p)
    if not text:
        raise _InputError(f"{path}: no paragraph text found in the HTML")
    return text, None, None


def _print_table(rows: list[dict[str, Any]]) -> None:
    table = Table(show_lines=False)
    for col in ("source", "metric", "value", "unit", "qualifier", "scope", "region", "product",
                "project", "text"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(Path(r["source"]).name, r["metric"], _fmt(r["value"], r.get("value_max")),
                      r["unit"] or "", r["qualifier"], r["scope"], r["region"] or "",
                      r["product"] or "", r["project"], r["text"])
    Console().print(table)


def _fmt(value: Any, value_max: Any) -> str:
    def one(v: Any) -> str:
        if isinstance(v, float) and v.is_integer():
            return f"{int(v):,}"
        return f"{v:,}" if isinstance(v, float | int) else str(v)

    return one(value) if value_max is None else f"{one(value)}–{one(value_max)}"

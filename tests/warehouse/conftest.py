"""Fixtures for warehouse tests: an in-memory warehouse and helpers that load releases/facts."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest

from extractors.fact import Fact
from extractors.release import Release
from warehouse.db import connect, transaction
from warehouse.facts import store_facts
from warehouse.releases import store_release_version

DEV = Path(__file__).parents[1] / "eval" / "dev"
FACT_FIELDS = ("metric", "value", "value_max", "unit", "period", "qualifier", "kind", "scope",
               "project", "product", "region", "company", "target_year", "when", "evidence",
               "start", "end")


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    c = connect(":memory:")
    yield c
    c.close()


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around [start, end) (good enough for tests)."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right = min([i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0] or [len(text)])
    return text[left + 1:right + 1].strip()


def gold_fact(d: dict[str, Any], text: str = "") -> Fact:
    kwargs: dict[str, Any] = {k: d.get(k) for k in FACT_FIELDS
                              if d.get(k) is not None or k == "unit"}
    kwargs.setdefault("start", 0)
    kwargs.setdefault("end", 0)
    if kwargs["metric"] != "status":
        kwargs["value"] = float(kwargs["value"])
    sentence = sentence_of(text, kwargs["start"], kwargs["end"]) if text else d.get("evidence", "")
    return Fact(sentence=sentence, **kwargs)


def gold_docs() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*/*.json"))]


def release_of(doc: dict[str, Any], text: str | None = None) -> Release:
    match = re.search(r"-(\d+)$", doc["url"])
    assert match
    body = text if text is not None else doc["text"]
    return Release(lang=doc["lang"], release_id=int(match.group(1)), url=doc["url"],
                   title=doc["title"], published_at=datetime.fromisoformat(doc["published"]),
                   paragraphs=tuple(body.split("\n\n")))


def load_doc(con: duckdb.DuckDBPyConnection, doc: dict[str, Any], *, run_id: str = "run-1",
             extractor_version: str = "1.0", facts: list[Fact] | None = None,
             text: str | None = None, fetched_at: datetime | None = None) -> tuple[Release, int]:
    """Store one release (version) and its facts in one transaction; return (release, version)."""
    release = release_of(doc, text)
    when = fetched_at or datetime(2026, 1, 1, tzinfo=UTC)
    with transaction(con):
        stored = store_release_version(con, release, None, run_id, when)
        found = facts if facts is not None else [gold_fact(f, release.text) for f in doc["facts"]]
        store_facts(con, found, lang=release.lang, release_id=release.release_id,
                    version=stored.version, run_id=run_id, extractor_version=extractor_version)
    return release, stored.version


def make_doc(release_id: int, published: str, *, lang: str = "en", text: str = "",
             facts: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A synthetic release document shaped like the dev-set files."""
    return {"lang": lang, "url": f"https://primeminister.kz/{lang}/news/test-{release_id}",
            "published": published, "title": f"Release {release_id}",
            "text": text or f"Text of release {release_id}.", "facts": facts or []}


def fd(metric: str, value: float | str, unit: str | None, **extra: Any) -> dict[str, Any]:
    """A fact dict for a copper smelter in Abay region unless ``extra`` says otherwise."""
    base: dict[str, Any] = {
        "metric": metric, "value": value, "unit": unit, "qualifier": "eq", "scope": "project",
        "project": "copper smelter", "product": "copper", "region": "KZ-10",
        "company": "KAZ Minerals", "evidence": f"{metric} {value} {unit}", "start": 0, "end": 0,
    }
    base.update(extra)
    return base


def report(con: duckdb.DuckDBPyConnection, release_id: int, published: str,
           facts: list[dict[str, Any]], *, run_id: str = "run-1", lang: str = "en",
           text: str | None = None, extractor_version: str = "1.0",
           fetched_at: datetime | None = None) -> int:
    """Store a synthetic release (or a new version of it when ``text`` differs); return version."""
    doc = make_doc(release_id, published, lang=lang, text=text or f"Release {release_id}.",
                   facts=facts)
    found = [gold_fact(f) for f in facts]
    for fact, f in zip(found, facts, strict=True):
        fact.sentence = f.get("sentence", f"The {f['project']} reports {f['evidence']}.")
        fact.flags = list(f.get("flags", []))
    _, version = load_doc(con, doc, run_id=run_id, extractor_version=extractor_version,
                          facts=found, fetched_at=fetched_at)
    return version

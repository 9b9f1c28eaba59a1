"""Evaluation gate: scores on every annotated set of tests/eval (dev, extra, extra2...) must not
drop below tests/eval/pinned_scores.json.

The pins are keyed by set: ``en``, ``ru`` and ``kk`` are ``dev/en``, ``dev/ru`` and ``dev/kk``; a
key with a slash names its folder under tests/eval (``extra/en``, ``extra2/ru``..., see their
READMEs).
Raising a pin is a deliberate edit of the JSON file (with the commit that earns it). The
harness's matching is also checked against the reference scorer tests/eval/score.py.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from extractors.evaluate import Report, evaluate, load_releases, matches, score_releases
from extractors.extract import extract

EVAL_DIR = Path(__file__).resolve().parents[1] / "eval"
PINS = json.loads((EVAL_DIR / "pinned_scores.json").read_text(encoding="utf-8"))
TOLERANCE = 0.001


REPORTS: dict[str, Report] = {}


def folder_of(key: str) -> Path:
    """The annotated set a pin key names: "en" -> dev/en, "extra/en" -> extra/en."""
    return EVAL_DIR / (key if "/" in key else f"dev/{key}")


def report_of(key: str) -> Report:
    """The harness's report on the set of pin ``key``, computed once per test session."""
    if key not in REPORTS:
        REPORTS[key] = evaluate(folder_of(key))
    return REPORTS[key]


def test_every_annotated_set_is_pinned() -> None:
    sets = {f"{p.parent.name}/{p.name}" for p in EVAL_DIR.glob("*/*") if p.is_dir()
            and any(p.glob("*.json"))}
    pinned = {k if "/" in k else f"dev/{k}" for k in PINS}
    assert sets <= pinned


def _score_py() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_score", EVAL_DIR / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("lang", "key", "field"), [
    (lang, key, field) for lang, pins in PINS.items()
    for key, fields in pins["scores"].items() for field in fields])
def test_score_not_below_pin(lang: str, key: str, field: str) -> None:
    pinned = PINS[lang]["scores"][key][field]
    actual = report_of(lang).scores[key][field]
    assert actual >= pinned - TOLERANCE, f"{lang} {key} {field} dropped: {actual} < {pinned}"


@pytest.mark.parametrize(("lang", "field"), [
    (lang, field) for lang in PINS for field in ("region", "scope", "product")])
def test_attribution_not_below_pin(lang: str, field: str) -> None:
    pinned = PINS[lang]["attribution"][field]
    actual = report_of(lang).attribution[field]
    assert actual is not None and actual >= pinned - TOLERANCE, f"{lang} {field} dropped"


@pytest.mark.parametrize("key", sorted(PINS))
def test_harness_agrees_with_reference_scorer(tmp_path: Path, key: str) -> None:
    reference = _score_py()
    gold_dir = folder_of(key)
    pred_path = tmp_path / "pred.jsonl"
    pairs = []
    with open(pred_path, "w", encoding="utf-8") as out:
        for doc in load_releases(gold_dir):
            facts = [f.to_dict() for f in extract(doc["text"], doc["lang"], doc.get("published"))]
            pairs.append((doc, facts))
            for f in facts:
                out.write(json.dumps({"source": doc["id"], **f}) + "\n")
    ours = score_releases(pairs)
    theirs = reference.score(gold_dir, pred_path)
    assert ours.scores == theirs["scores"]
    assert ours.attribution == theirs["attribution"]


def test_matching_rule_agrees_on_perturbed_predictions() -> None:
    reference = _score_py()
    for doc in load_releases(EVAL_DIR / "dev" / "en"):
        for gold in doc["facts"]:
            variants = [dict(gold), {**gold, "value": _bump(gold["value"])},
                        {**gold, "qualifier": "approx"}, {**gold, "kind": "temporary"},
                        {**gold, "unit": None}]
            for pred in variants:
                assert matches(pred, gold) == reference.matches(pred, gold)


def _bump(value: object) -> object:
    return value * 1.01 if isinstance(value, int | float) else value

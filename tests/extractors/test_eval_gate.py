"""Evaluation gate: scores on tests/eval/dev must not drop below tests/eval/pinned_scores.json.

Raising a pin is a deliberate edit of the JSON file (with the commit that earns it). The
harness's matching is also checked against the reference scorer tests/eval/score.py.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from extractors.evaluate import evaluate, load_releases, matches, score_releases
from extractors.extract import extract

EVAL_DIR = Path(__file__).resolve().parents[1] / "eval"
PINS = json.loads((EVAL_DIR / "pinned_scores.json").read_text(encoding="utf-8"))
TOLERANCE = 0.001


@pytest.fixture(scope="module")
def report_en():  # type: ignore[no-untyped-def]
    return evaluate(EVAL_DIR / "dev" / "en")


def _score_py() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_score", EVAL_DIR / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("key", "field"), [
    (key, field) for key, fields in PINS["en"]["scores"].items() for field in fields])
def test_score_not_below_pin(report_en, key: str, field: str) -> None:  # type: ignore[no-untyped-def]
    pinned = PINS["en"]["scores"][key][field]
    assert report_en.scores[key][field] >= pinned - TOLERANCE, f"{key} {field} dropped"


@pytest.mark.parametrize("field", ["region", "scope", "product"])
def test_attribution_not_below_pin(report_en, field: str) -> None:  # type: ignore[no-untyped-def]
    assert report_en.attribution[field] >= PINS["en"]["attribution"][field] - TOLERANCE


def test_harness_agrees_with_reference_scorer(tmp_path: Path) -> None:
    reference = _score_py()
    gold_dir = EVAL_DIR / "dev" / "en"
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

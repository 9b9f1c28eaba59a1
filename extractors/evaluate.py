"""Scoring harness: run the extractor on annotated releases and score it like ``score.py``.

    python -m extractors.evaluate tests/eval/dev/en [--json] [--misses]

Matching follows tests/eval/README (and ``tests/eval/score.py``, which tests check this module
agrees with): a prediction matches a gold fact of the same release when ``metric``, ``unit``
and ``qualifier`` are equal, ``value`` is within 0.5 % (``value_max`` likewise where gold gives
one) and, for jobs, ``kind`` is equal; a status matches on its value alone. Each gold fact
matches at most one prediction, taken in order. Reported: precision, recall, F1 overall, per
metric and per language, and attribution rates (region, scope, product) over matched pairs.

This module is the command-line harness: it prints its report (the one place besides the CLI
where the package prints).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.extract import extract

TOLERANCE = 0.005
ATTRIBUTION_FIELDS = ("region", "scope", "product")


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) or isinstance(b, str):
        return str(a).strip().lower() == str(b).strip().lower()
    return abs(float(a) - float(b)) <= TOLERANCE * max(abs(float(a)), abs(float(b)), 1e-9)


def matches(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Whether predicted fact ``pred`` matches gold fact ``gold`` (README's rule)."""
    if pred.get("metric") != gold["metric"]:
        return False
    if gold["metric"] == "status":
        return _close(pred.get("value"), gold["value"])
    if pred.get("unit") != gold.get("unit") or pred.get("qualifier") != gold.get("qualifier"):
        return False
    if not _close(pred.get("value"), gold["value"]):
        return False
    if gold.get("value_max") is not None and not _close(pred.get("value_max"), gold["value_max"]):
        return False
    return not (gold["metric"] == "jobs" and pred.get("kind") != gold.get("kind"))


@dataclass
class Report:
    """Scores of a run: ``scores[key] = {precision, recall, f1, tp, predicted, gold}`` for keys
    ``all``, ``metric:<m>``, ``lang:<l>``; ``attribution[field]`` = share of equal values."""

    scores: dict[str, dict[str, float]] = field(default_factory=dict)
    attribution: dict[str, float | None] = field(default_factory=dict)
    releases: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    extras: list[tuple[str, str, str]] = field(default_factory=list)
    wrong_attribution: list[tuple[str, str, str, Any, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"scores": self.scores, "attribution": self.attribution, "releases": self.releases,
                "misses": self.misses, "extras": self.extras}


def score_releases(pairs: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]]) -> Report:
    """Score ``(gold release, predicted facts)`` pairs; the release holds ``id``, ``lang``, ``facts``."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, predicted, gold
    agree: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    report = Report()
    for doc, preds in pairs:
        report.releases += 1
        lang = doc["lang"]
        free = list(preds)
        for g in doc["facts"]:
            keys = ("all", f"metric:{g['metric']}", f"lang:{lang}")
            hit = next((x for x in free if matches(x, g)), None)
            for k in keys:
                tally[k][2] += 1
            if hit is None:
                report.misses.append((doc["id"], g["metric"], g["evidence"]))
                continue
            free.remove(hit)
            for k in keys:
                tally[k][0] += 1
            for fld in ATTRIBUTION_FIELDS:
                a, b = hit.get(fld), g.get(fld)
                if fld == "product":
                    a, b = (a or "").lower() or None, (b or "").lower() or None
                agree[fld][0] += a == b
                agree[fld][1] += 1
                if a != b:
                    report.wrong_attribution.append((doc["id"], fld, g["evidence"], a, b))
        for x in preds:
            for k in ("all", f"metric:{x.get('metric')}", f"lang:{lang}"):
                tally[k][1] += 1
        report.extras += [(doc["id"], str(x.get("metric")), str(x.get("text") or x.get("evidence")))
                          for x in free]
    for key, (tp, npred, ngold) in sorted(tally.items()):
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        report.scores[key] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
                              "tp": tp, "predicted": npred, "gold": ngold}
    report.attribution = {k: round(a / n, 4) if n else None for k, (a, n) in agree.items()}
    return report


def load_releases(folder: Path) -> list[dict[str, Any]]:
    """Annotated releases (``*.json`` with ``text`` and ``facts``) under ``folder``, sorted by path."""
    out = []
    for path in sorted(folder.rglob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        if "facts" in doc and "text" in doc:
            out.append(doc)
    return out


def evaluate(folder: Path) -> Report:
    """Run ``extract`` on every release of ``folder`` and score the result."""
    pairs = []
    for doc in load_releases(folder):
        facts = extract(doc["text"], doc.get("lang", "en"), doc.get("published"))
        pairs.append((doc, [f.to_dict() for f in facts]))
    return score_releases(pairs)


def _say(*parts: object) -> None:
    """The harness's report on stdout (this module is also a command-line tool)."""
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")


def _print_report(report: Report, misses: bool) -> None:
    _say(f"{'':24}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'pred':>6}{'gold':>6}")
    for key, r in report.scores.items():
        _say(f"{key:24}{r['precision']:8.3f}{r['recall']:8.3f}{r['f1']:8.3f}"
              f"{r['tp']:6}{r['predicted']:6}{r['gold']:6}")
    _say("attribution:", report.attribution, "| releases:", report.releases)
    if misses:
        _say("\nmissed gold facts:")
        for m in report.misses:
            _say("  ", *m)
        _say("\nextra predictions:")
        for x in report.extras:
            _say("  ", *x)
        _say("\nwrong attribution (release, field, evidence, predicted, gold):")
        for w in report.wrong_attribution:
            _say("  ", *w)


def main(argv: list[str]) -> int:
    """Entry point of ``python -m extractors.evaluate FOLDER [--json] [--misses]``."""
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 1:
        _say(__doc__)
        return 2
    report = evaluate(Path(args[0]))
    if "--json" in argv:
        _say(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        _print_report(report, "--misses" in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The ``Fact``: one figure a release reports, with what it is about and where it stands.

Field names and meanings follow FACTS.md (copied in README's data dictionary); this dataclass is
the contract between the extractor, the warehouse and the evaluation harness.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

METRICS = ("investment", "capacity", "jobs", "commissioning", "count", "size", "status")
QUALIFIERS = ("eq", "approx", "max", "min", "range")
SCOPES = ("project", "portfolio")
STATUSES = ("planned", "under_construction", "commissioned", "suspended", "cancelled")
JOB_KINDS = ("permanent", "temporary", "construction")


@dataclass
class Fact:
    metric: str
    value: float | str  # a number in base units, or a status word for metric "status"
    unit: str | None
    qualifier: str = "eq"
    value_max: float | None = None
    period: str | None = None
    kind: str | None = None
    scope: str = "project"
    project: str = ""
    product: str | None = None
    region: str | None = None  # ISO 3166-2:KZ code
    company: str | None = None
    target_year: int | None = None
    when: str | None = None
    evidence: str = ""  # exact characters of the text that state the figure
    start: int = 0  # offsets of ``evidence`` in the release text
    end: int = 0
    sentence: str = ""
    flags: list[str] = field(default_factory=list)  # e.g. "two_currencies": suspicious, not guessed

    def to_dict(self) -> dict[str, Any]:
        """The FACTS.md fields plus ``text`` (= evidence), ``sentence`` and ``flags``."""
        out = asdict(self)
        out["text"] = self.evidence
        return out

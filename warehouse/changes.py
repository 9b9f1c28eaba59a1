"""Changes: a report that states a project's figure differently from the report before it.

Rules (the data dictionary repeats them):

* A *report* is one release version, read through its latest extraction (``latest_facts``).
  Re-extraction therefore never compares one extractor with another: both sides of every
  comparison come from the latest extraction of their own version.
* Figures are compared per key: project, metric, ``kind`` (jobs), product family and period
  (capacity; within a project a more precise product counts as the broader one named in another
  report, see ``_broader_products``), dimension (size); and like with like within a key: same currency/unit against
  same currency/unit. A report stating two different values for one key and unit is ambiguous
  there and skipped; when two reports share no unit and each has one, it is ``restated``.
* Reports of one calendar day (Astana time) are one report date: an English and a Russian
  release of the same day are not compared with each other; their agreed values are compared
  with the previous report date (a unit on which they disagree is skipped). The older side of a
  comparison is the previous date's latest versions; the newer side is each release's first
  statement, represented by the release stored first, so a late translation changes nothing
  (among releases first stored in one run, the one published first: what a reader would name).
* A new version of a release is compared with its previous version (``is_edit``).
* Jobs flagged ``current_headcount`` ("1,800 construction workers are currently employed at the
  site") are a snapshot of a site, not a planned figure: never compared.
* Values equal, qualifier different ("about $1.5 bn" -> "$1.5 bn"): not a change, not stored.
* Types: ``revised`` (delta of midpoints, delta_pct), ``delayed`` / ``brought_forward``
  (commissioning year, upper end of a range first), ``status``, ``restated`` (unit/currency).

``change_events`` holds the current set of changes: every detection recomputes it, inserts new
ones, retracts those that no longer hold (merge, split, re-extraction) and revives those that do
again. Alerts are queued in the same transaction, once, for material changes new to the table
whose newer report was first extracted by a nightly run (this one, or one that stopped before its
diff): re-extraction, merges, backfills and re-runs never alert.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import duckdb

from warehouse.facts import bulk_insert
from warehouse.outbox import PAYLOAD_FIELDS, atomic, queue_alerts
from warehouse.projects import product_family, resolve_all
from warehouse.queries import plain

log = logging.getLogger(__name__)

_SIZE_DIMENSION = {"km": "length", "m2": "area", "ha": "area"}
_PCT_METRICS = {"capacity", "size", "jobs", "count"}


@dataclass(frozen=True)
class Thresholds:
    """When a change is material enough to alert (flows.settings alert_* mirror these)."""

    money_pct: float = 5.0  # investment moved by more than this many percent
    capacity_pct: float = 5.0  # capacity, size, jobs, count moved by more than this
    commissioning: bool = True  # any shift of a launch year
    status: bool = True  # any status transition
    restated: bool = False  # other currency or unit

    @classmethod
    def from_settings(cls, settings: Any) -> Thresholds:
        return cls(settings.alert_money_pct, settings.alert_capacity_pct,
                   settings.alert_commissioning, settings.alert_status, settings.alert_restated)


@dataclass(frozen=True)
class Obs:
    """One value a report states for one key and unit."""

    fact_id: int
    lang: str
    release_id: int
    version: int
    value: float | None
    value_max: float | None
    value_text: str | None
    unit: str | None
    qualifier: str
    first_run_id: str
    first_extracted_at: datetime

    @property
    def figure(self) -> tuple[Any, ...]:
        return (self.value, self.value_max, self.value_text)

    @property
    def point(self) -> float:
        assert self.value is not None
        return (self.value + self.value_max) / 2 if self.value_max is not None else self.value


@dataclass(frozen=True)
class Change:
    """One change between two reports of one project's figure."""

    change_id: str
    project_id: str
    metric: str
    kind: str | None
    family: str | None
    change: str
    old: Obs
    new: Obs
    delta: float | None
    delta_pct: float | None

    @property
    def is_edit(self) -> bool:
        return self.new.version > 1


State = dict[str, Obs]  # unit -> the one value a report states in it


def _same(a: Obs, b: Obs) -> bool:
    if a.value_text != b.value_text:
        return False
    return all((x is None and y is None) or (x is not None and y is not None
                                             and math.isclose(x, y, rel_tol=1e-9))
               for x, y in ((a.value, b.value), (a.value_max, b.value_max)))


def _classify(metric: str, old: Obs, new: Obs) -> tuple[str, float | None, float | None] | None:
    """(type, delta, delta_pct) of a move between two values in the same unit, or None."""
    if _same(old, new):
        return None  # equal figures; a qualifier-only difference is not a change
    if metric == "status" or old.value is None or new.value is None:
        return ("status", None, None) if old.value_text != new.value_text else None
    if metric == "commissioning":
        for o, n in ((old.value_max or old.value, new.value_max or new.value),
                     (old.value, new.value)):
            if n != o:
                return ("delayed" if n > o else "brought_forward", n - o, None)
        return None
    delta = new.point - old.point
    return "revised", delta, (100.0 * delta / old.point if old.point else None)


def _compare(metric: str, old: State, new: State) -> list[tuple[str, Obs, Obs, float | None,
                                                                float | None]]:
    common = sorted(set(old) & set(new))
    if not common:
        if len(old) == 1 and len(new) == 1:
            (o,), (n,) = old.values(), new.values()
            return [("restated", o, n, None, None)]
        return []  # several units on a side and none shared: not comparable, skipped
    out = []
    for unit in common:
        found = _classify(metric, old[unit], new[unit])
        if found:
            out.append((found[0], old[unit], new[unit], found[1], found[2]))
    return out


def _consensus(states: list[State]) -> State:
    """Values the given reports agree on, unit by unit; the first report represents them."""
    out: State = {}
    for unit in sorted({u for s in states for u in s}):
        obs = [s[unit] for s in states if unit in s]
        if all(_same(obs[0], o) for o in obs[1:]):
            out[unit] = obs[0]
    return out


# --- reading reports --------------------------------------------------------------------------
@dataclass
class _Release:
    """What one release (one language) states for one key, version by version."""

    day: date
    latest_version: int  # latest extracted version, whether or not it states this key
    first_at: datetime
    versions: dict[int, State]
    # which report of a day represents it: the run that first stored it (by the run's first
    # extraction), then the publication time
    order: tuple[Any, ...] = ()

    def first_state(self) -> State:
        return self.versions[min(self.versions)] if self.versions else {}

    def current_state(self) -> State:
        return self.versions.get(self.latest_version, {})


Key = tuple[str, str, str | None, str | None]  # project_id, metric, kind, family

_REPORTS_SQL = """
WITH fe AS (
    SELECT lang, release_id, version, min(extracted_at) AS first_at,
           arg_min(run_id, extracted_at) AS first_run
    FROM extractions GROUP BY ALL),
lv AS (SELECT lang, release_id, max(version) AS latest_version FROM extractions GROUP BY ALL)
SELECT lf.fact_id, lf.project_id, lf.metric, lf.kind, lf.product, lf.period, lf.unit, lf.value,
       lf.value_max, lf.value_text, lf.qualifier, lf.lang, lf.release_id, lf.version,
       lf.report_date, fe.first_at, fe.first_run, lv.latest_version, lf.published_at
FROM latest_facts AS lf JOIN fe USING (lang, release_id, version) JOIN lv USING (lang, release_id)
WHERE lf.project_id IS NOT NULL
  -- people at work on a site on the day of the report: a snapshot, not a figure of the project
  AND NOT list_contains(coalesce(lf.flags, []), 'current_headcount')
ORDER BY lf.fact_id
"""


def _family(metric: str, product: str | None, period: str | None, unit: str | None) -> str | None:
    if metric == "capacity":  # coal and steel capacity of one programme are different figures
        return f"{product_family(product) or ''}/{period or ''}"
    if metric == "size":
        return _SIZE_DIMENSION.get(unit or "", unit or "")
    return None


_JOINED = re.compile(r"\s(?:and|и|және|&)\s")


def _broader_products(products: set[str]) -> dict[str, str]:
    """Within one project, a product named more precisely in one report than in another ("200
    passenger cars" against "150 sleeping and compartment cars", read as "car") is the broader
    one: the product whose words end the others' ("car" for "passenger car"). Two precise names
    without a broader one seen ("sulphuric acid", "nitric acid") stay apart."""
    # products joined by "and" name two things ("tomatoes and cucumbers"): never narrowed
    family = {p: product_family(p) or p for p in products if not _JOINED.search(p)}
    out: dict[str, str] = {}
    for p, f in family.items():
        broader = [q for q, g in family.items() if g != f and f.endswith(" " + g)]
        if broader:
            out[p] = min(broader, key=lambda q: (len(family[q]), q))
    return out


def load_reports(con: duckdb.DuckDBPyConnection) -> dict[Key, dict[tuple[str, int], _Release]]:
    """Every key's reports: per release, per version, the unambiguous value in each unit."""
    raw: dict[Key, dict[tuple[str, int], dict[int, dict[str, list[Obs]]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(lambda: defaultdict(list))))
    meta: dict[tuple[str, int], tuple[date, int, datetime]] = {}
    runs: dict[tuple[str, int], tuple[datetime, str]] = {}  # release -> its first run
    published: dict[tuple[str, int], datetime | None] = {}
    rows = con.execute(_REPORTS_SQL).fetchall()
    products_of: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row[2] == "capacity" and row[4]:
            products_of[row[1]].add(row[4])
    same_as = {project: _broader_products(products) for project, products in products_of.items()}
    for (fact_id, project_id, metric, kind, product, period, unit, value, value_max, text,
         qualifier, lang, rid, version, day, first_at, first_run, latest,
         published_at) in rows:
        if product:
            product = same_as.get(project_id, {}).get(product, product)
        key = (project_id, metric, kind if metric == "jobs" else None,
               _family(metric, product, period, unit))
        obs = Obs(fact_id, lang, rid, version, value, value_max, text, unit, qualifier,
                  first_run, first_at)
        raw[key][(lang, rid)][version][unit or ""].append(obs)
        old = meta.get((lang, rid))
        meta[(lang, rid)] = (min(day, old[0]) if old else day, latest,
                             min(first_at, old[2]) if old else first_at)
        if (lang, rid) not in runs or first_at < runs[(lang, rid)][0]:
            runs[(lang, rid)] = (first_at, first_run)
        published[(lang, rid)] = min(filter(None, (published_at, published.get((lang, rid)))),
                                     default=None)
    run_started: dict[str, datetime] = {}
    for at, run in runs.values():
        run_started[run] = min(at, run_started.get(run, at))
    out: dict[Key, dict[tuple[str, int], _Release]] = {}
    for key, releases in raw.items():
        out[key] = {}
        for rel, versions in releases.items():
            states = {v: {u: obs[0] for u, obs in units.items()
                          if all(_same(obs[0], o) for o in obs[1:])}
                      for v, units in versions.items()}
            day, latest, first_at = meta[rel]
            order = (run_started[runs[rel][1]], published[rel] or first_at, first_at, rel)
            out[key][rel] = _Release(day, latest, first_at, {v: s for v, s in states.items() if s},
                                     order)
    return out


def _change(key: Key, kind_: str, old: Obs, new: Obs, delta: float | None,
            pct: float | None) -> Change:
    identity = [*key, kind_, [old.lang, old.release_id, old.version], list(old.figure), old.unit,
                [new.lang, new.release_id, new.version], list(new.figure), new.unit]
    digest = hashlib.sha256(json.dumps(identity, default=str).encode()).hexdigest()
    return Change(digest, key[0], key[1], key[2], key[3], kind_, old, new, delta, pct)


def compute_changes(con: duckdb.DuckDBPyConnection) -> list[Change]:
    """All changes the current facts and project assignment imply (rules in the docstring)."""
    found: dict[str, Change] = {}
    for key, releases in load_reports(con).items():
        metric = key[1]
        previous: State = {}
        for day in sorted({r.day for r in releases.values()}):
            today = sorted((rel for rel, r in releases.items() if r.day == day),
                           key=lambda rel: releases[rel].order)
            firsts = [releases[rel].first_state() for rel in today if releases[rel].versions]
            for kind_, o, n, d, p in _compare(metric, previous, _consensus(firsts)):
                c = _change(key, kind_, o, n, d, p)
                found[c.change_id] = c
            for rel in today:  # edits: each version against the release's previous one
                versions = sorted(releases[rel].versions)
                for a, b in zip(versions, versions[1:], strict=False):
                    states = releases[rel].versions
                    for kind_, o, n, d, p in _compare(metric, states[a], states[b]):
                        c = _change(key, kind_, o, n, d, p)
                        found[c.change_id] = c
            current = _consensus([releases[rel].current_state() for rel in today
                                  if releases[rel].current_state()])
            previous = current or previous
    return sorted(found.values(), key=lambda c: (c.project_id, c.metric, c.new.first_extracted_at,
                                                 c.change_id))


# --- materiality, storing, alerting -----------------------------------------------------------
def is_material(change: Change, thresholds: Thresholds) -> bool:
    """Whether ``change`` passes the alert thresholds."""
    if change.change == "revised":
        limit = thresholds.money_pct if change.metric == "investment" else thresholds.capacity_pct
        return change.delta_pct is None or abs(change.delta_pct) > limit
    if change.change in ("delayed", "brought_forward"):
        return thresholds.commissioning
    if change.change == "status":
        return thresholds.status
    return thresholds.restated


def _payloads(con: duckdb.DuckDBPyConnection, change_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Alert payloads (PAYLOAD_FIELDS) of the given changes, read from the ``changes`` view."""
    cur = con.execute("SELECT * FROM changes WHERE list_contains(?, change_id)", [change_ids])
    names = [d[0] for d in cur.description or []]
    out = {}
    for values in cur.fetchall():
        row = dict(zip(names, values, strict=True))
        if row["change"] == "status":  # the status words are the values here
            row["old_value"], row["new_value"] = row["old_value_text"], row["new_value_text"]
        out[row["change_id"]] = {k: plain(row[k]) for k in PAYLOAD_FIELDS}
    return out


_CHANGE_COLUMNS = tuple(zip(
    ("change_id", "project_id", "metric", "kind", "family", "change", "old_fact_id",
     "new_fact_id", "old_lang", "old_release_id", "old_version", "new_lang", "new_release_id",
     "new_version", "old_value", "new_value", "old_value_max", "new_value_max", "old_value_text",
     "new_value_text", "old_unit", "new_unit", "old_qualifier", "new_qualifier", "delta",
     "delta_pct", "is_edit", "is_material", "detected_at", "run_id"),
    ("VARCHAR",) * 6 + ("BIGINT", "BIGINT", "VARCHAR", "BIGINT", "INTEGER", "VARCHAR", "BIGINT",
                        "INTEGER") + ("DOUBLE",) * 4 + ("VARCHAR",) * 6
    + ("DOUBLE", "DOUBLE", "BOOLEAN", "BOOLEAN", "TIMESTAMPTZ", "VARCHAR"), strict=True))


def _row(c: Change, material: bool, now: datetime, run_id: str | None) -> list[Any]:
    o, n = c.old, c.new
    return [c.change_id, c.project_id, c.metric, c.kind, c.family, c.change, o.fact_id, n.fact_id,
            o.lang, o.release_id, o.version, n.lang, n.release_id, n.version, o.value, n.value,
            o.value_max, n.value_max, o.value_text, n.value_text, o.unit, n.unit, o.qualifier,
            n.qualifier, c.delta, c.delta_pct, c.is_edit, material, now, run_id]


def _store(con: duckdb.DuckDBPyConnection, changes: list[Change], run_id: str | None,
           thresholds: Thresholds, alert: bool) -> list[Change]:
    now = datetime.now(UTC)
    existing = dict(con.execute("SELECT change_id, retracted_at FROM change_events").fetchall())
    current = {c.change_id for c in changes}
    new = [c for c in changes if c.change_id not in existing]
    bulk_insert(con, "change_events", _CHANGE_COLUMNS,
                [_row(c, is_material(c, thresholds), now, run_id) for c in new])
    revived = [cid for cid in current if existing.get(cid) is not None]
    retracted = [cid for cid, at in existing.items() if at is None and cid not in current]
    if revived:
        con.execute("UPDATE change_events SET retracted_at = NULL, retracted_run_id = NULL"
                    " WHERE list_contains(?, change_id)", [revived])
    if retracted:
        con.execute("UPDATE change_events SET retracted_at = ?, retracted_run_id = ?"
                    " WHERE list_contains(?, change_id)", [now, run_id, retracted])
    queued = 0
    if alert and run_id is not None:
        # A change alerts once, when first detected, if its newer report was first extracted by
        # this run or by an earlier nightly run that stopped before its diff. Re-extraction and
        # curation store their changes at once without alerting (refresh_changes), and backfill
        # runs never alert, so neither can queue an alert later.
        nightly_runs = {r[0] for r in con.execute(
            "SELECT run_id FROM runs WHERE command IN ('run', 'demo')").fetchall()}
        due = [c.change_id for c in new if is_material(c, thresholds)
               and (c.new.first_run_id == run_id or c.new.first_run_id in nightly_runs)]
        if due:
            queued = queue_alerts(con, run_id, _payloads(con, due))
    log.info("changes: %d new, %d retracted, %d revived, %d alerts queued", len(new),
             len(retracted), len(revived), queued)
    return new


def detect_changes(
    con: duckdb.DuckDBPyConnection, run_id: str, thresholds: Thresholds | None = None,
    *, alert: bool = True,
) -> list[Change]:
    """Bring ``change_events`` up to date and queue alerts for the material changes that nightly
    runs brought (see the module docstring), all in one transaction (the caller's, if any). Returns the changes new to the table.
    ``alert=False`` (e.g. a backfill) records changes without queueing alerts."""
    with atomic(con):
        unresolved = con.execute(
            "SELECT count(*) FROM latest_facts WHERE project_id IS NULL").fetchone()
        if unresolved and unresolved[0]:
            resolve_all(con)
        return _store(con, compute_changes(con), run_id, thresholds or Thresholds(), alert)


def refresh_changes(con: duckdb.DuckDBPyConnection) -> list[Change]:
    """Recompute changes after a curation (merge, split, resolve): never alerts."""
    with atomic(con):
        return _store(con, compute_changes(con), None, Thresholds(), alert=False)


def change_dict(change: Change) -> dict[str, Any]:
    """A flat, JSON-friendly dict of a Change (for logs and run artifacts)."""
    o, n = change.old, change.new
    return {
        "change_id": change.change_id, "project_id": change.project_id, "metric": change.metric,
        "kind": change.kind, "family": change.family, "change": change.change,
        "old_value": o.value_text if o.value is None else o.value,
        "new_value": n.value_text if n.value is None else n.value,
        "old_unit": o.unit, "new_unit": n.unit, "old_qualifier": o.qualifier,
        "new_qualifier": n.qualifier, "delta": change.delta, "delta_pct": change.delta_pct,
        "old_report": f"{o.lang}/{o.release_id} v{o.version}",
        "new_report": f"{n.lang}/{n.release_id} v{n.version}", "is_edit": change.is_edit,
    }

"""Project identity: give every fact a ``project_id`` that is stable across releases and languages.

Rules first (DESIGN step 5). A *mention* is one label of one release version in one language
(scope, lang, release, label, region, company); mentions are clustered release by release in
published order, the language versions of one release id together (SITE.md: one id is one
release translated), English first. Whether a mention fits a cluster is decided by the
matching rules of ``warehouse/project_rules.py`` (blockers: regions, companies, phases, facility
types, product families, proper names and routes that differ; evidence: the same company, a
shared proper name, or the same product family and facility type in compatible regions). Here:

* translations align: a mention of a later language version (Russian, Kazakh) whose figures
  match those of mentions already placed for the same release id (``same_figure``: metric,
  unit, value within 0.5 %, jobs kind, status word, commissioning year) joins the project
  that most of its figures match, whatever its label ("Завод", "предприятии"); on a tie
  between projects it starts its own; a region or company that contradicts the project
  sends it to the label rules instead. Such a mention *follows* the project: it is not part of
  the ``basis`` the rules read, so translations never change which mentions a project
  attracts, and since clusters are never merged, two projects of the English version stay two;
* otherwise two labels of one release version are never one project;
* the best-scoring cluster wins; a tie of evidence between clusters of different companies is
  ambiguous and the mention starts its own project (an analyst can merge it), unless the
  label's words clearly point to one of them (compared with the project's labels in the
  mention's language, when it has some: its Russian labels do not blur an English match).

Portfolio-scope facts never join projects: they are keyed by region, company and label.
Candidates are found through an index (company, proper name, region + product family), so a
full resolution stays fast (15,000 facts in about a second). Then the curation table (merges
and splits) is applied in order, so analysts' decisions survive every re-resolution. Ids are
``p-``/``pf-`` plus a hash of the cluster's seed mention (the one first seen), so they stay
stable as new releases arrive.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb

from extractors.errors import CurationError
from warehouse.facts import bulk_insert
from warehouse.outbox import atomic
from warehouse.project_rules import (
    CLEAR_LEAD,
    Figure,
    Signature,
    company_group,
    compatible_regions,
    label_signature,
    label_words,
    product_family,
    regions_compatible,
    same_figure,
    score,
    translation_conflicts,
    translit,
)

# Re-exported: the warehouse's other modules and the tests read them from here.
__all__ = ["Cluster", "Mention", "ResolveResult", "cluster_mentions", "company_group",
           "label_signature", "load_mentions", "merge_projects", "product_family",
           "regions_compatible", "resolve_all", "resolve_version", "split_project", "translit"]

log = logging.getLogger(__name__)

# --- mentions and clusters --------------------------------------------------------------------
@dataclass
class Mention:
    """One label of one release: the unit the resolver assigns to a project."""

    key: str
    scope: str
    lang: str
    release_id: int
    label: str
    region: str | None
    company: str | None
    products: list[str]
    published_at: datetime | None
    first_seen_at: datetime
    fact_ids: list[int]
    figures: frozenset[Figure] = frozenset()  # what its facts state (all versions, deduplicated)
    company_key: str | None = None
    sig: Signature = field(default_factory=lambda: Signature(None, frozenset(), None, frozenset()))
    families: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.company_key = company_group(self.company)
        self.sig = label_signature(self.label, self.company)
        self.families = set(self.sig.families) | {
            f for f in (product_family(p) for p in self.products) if f}
        self.words = label_words(self.label)

    @property
    def seed_order(self) -> tuple[Any, ...]:
        return (self.first_seen_at, self.published_at or self.first_seen_at, self.lang,
                self.release_id, self.key)


@dataclass
class Cluster:
    """Mentions judged to be one project, with the union of what they say about it.

    ``basis`` holds the mentions the matching rules read: all but those that joined because
    their figures match a translation (their labels are often too weak to describe the project,
    "Завод", "предприятии", so they follow the project without changing what it matches)."""

    index: int
    mentions: list[Mention] = field(default_factory=list)
    label_override: str | None = None
    project_id: str | None = None
    basis: list[Mention] = field(default_factory=list)

    def attr(self, name: str) -> set[Any]:
        return {getattr(m, name) for m in self.basis if getattr(m, name) is not None}

    def union(self, name: str) -> set[str]:
        return set().union(*(getattr(m, name) for m in self.basis)) if self.basis else set()

    def words_in(self, lang: str) -> set[str]:
        """The label words of the project's ``lang`` labels, or of all its labels when it has
        none in ``lang``: words are compared within a language, so a project's Russian labels
        ("медеплавильный завод") do not dilute how well an English label matches its English
        ones (and the reverse)."""
        same = [m.words for m in self.basis if m.lang == lang]
        return set().union(*same) if same else self.union("words")


# Portfolio labels that name no set of projects (the extractor's placeholder)
_UNNAMED_PORTFOLIOS = frozenset({"portfolio", "projects", "project", "programme", "program"})


def _hash_id(prefix: str, key: str) -> str:
    return prefix + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def _lookup_keys(m: Mention) -> set[str]:
    """Index keys under which every cluster ``m`` could have evidence for is registered."""
    keys = {f"c:{m.company_key.split()[0]}"} if m.company_key else set()
    keys |= {f"n:{n}" for n in m.sig.names}
    if m.region:
        keys |= {f"rf:{r}|{f}" for r in compatible_regions(m.region) for f in m.families}
    return keys


def _cluster_keys(c: Cluster) -> set[str]:
    keys = {f"c:{k.split()[0]}" for k in c.attr("company_key")}
    keys |= {f"n:{n}" for m in c.basis for n in m.sig.names}
    keys |= {f"rf:{r}|{f}" for r in c.attr("region") for f in c.union("families")}
    return keys


# Order in which the language versions of one release are placed: English first, so that its
# labels (the extractor reads English best) decide and the translations follow by their figures.
_LANG_ORDER = ("en", "ru", "kk")

_Translated = dict[tuple[str, str | None], list[tuple[Figure, Cluster]]]


def _lang_rank(lang: str) -> tuple[int, str]:
    return (_LANG_ORDER.index(lang) if lang in _LANG_ORDER else len(_LANG_ORDER), lang)


def _translation_votes(m: Mention, translated: _Translated) -> list[Cluster]:
    """The projects of a translation that ``m``'s figures match most often (one vote per
    figure and project; ``translated`` holds the figures of the release's mentions placed in
    other languages): none when no figure matches, several on a tie."""
    votes: Counter[int] = Counter()
    by_index: dict[int, Cluster] = {}
    for f in m.figures:
        hits = {c.index: c for g, c in translated.get((f.metric, f.unit), ()) if same_figure(f, g)}
        votes.update(hits.keys())
        by_index.update(hits)
    top = max(votes.values(), default=0)
    return [by_index[i] for i, n in votes.items() if n == top and top]


def _portfolio_key(m: Mention) -> str:
    label = " ".join(m.label.lower().split())
    pkey = "|".join(["portfolio", m.region or "", m.company_key or "", label])
    if label in _UNNAMED_PORTFOLIOS:
        # "portfolio" names nothing: a road programme of 2018 and the roads of a 2024 report
        # are not one portfolio; such a label is one release's own
        pkey += f"|{m.lang}|{m.release_id}"
    return pkey


def cluster_mentions(mentions: list[Mention]) -> list[Cluster]:
    """Group mentions into projects by the rules of the module docstring (no curation)."""
    clusters: list[Cluster] = []
    # Blocking: evidence needs a shared company, name, or region and family, so only clusters
    # indexed under one of those can match; this keeps resolution linear in practice.
    index: dict[str, set[int]] = defaultdict(set)
    by_index: dict[int, Cluster] = {}
    home: dict[str, Cluster] = {}

    def place(m: Mention, c: Cluster | None = None, *, follows: bool = False) -> Cluster:
        if c is None:
            c = Cluster(next(counter))
            clusters.append(c)
        c.mentions.append(m)
        home[m.key] = c
        if follows:  # joined by its figures: the rules keep reading the project's own labels
            return c
        c.basis.append(m)
        by_index[c.index] = c
        for key in _cluster_keys(c):
            index[key].add(c.index)
        return c

    portfolios: dict[str, Cluster] = {}
    counter = itertools.count()  # creation order: older clusters win ties
    # Release by release in published order; the language versions of one release id (one
    # release translated, SITE.md) together, English first.
    by_release: dict[int, dict[str, list[Mention]]] = {}
    for m in sorted(mentions, key=lambda m: (m.published_at or m.first_seen_at, m.first_seen_at,
                                             m.lang, m.release_id, m.key)):
        by_release.setdefault(m.release_id, {}).setdefault(m.lang, []).append(m)
    for versions in by_release.values():
        translated: _Translated = defaultdict(list)
        for lang in sorted(versions, key=_lang_rank):
            release_mentions = versions[lang]
            taken: set[int] = set()
            placed: set[str] = set()
            for m in release_mentions if translated else ():
                if m.scope == "portfolio":
                    continue
                # Translations align: the figures this mention shares with the versions placed
                # before decide its project, whatever its label says ("Завод" is the copper
                # smelter when it states the smelter's capacity). Several mentions of this
                # version may join one project; two projects are never merged.
                found = _translation_votes(m, translated)
                if len(found) == 1 and not translation_conflicts(m, found[0]):
                    taken.add(place(m, found[0], follows=True).index)
                    placed.add(m.key)
                elif len(found) > 1:
                    log.info("mention %r matches several projects of its translation equally;"
                             " kept apart", m.label)
                    taken.add(place(m).index)  # its own, and no other label of this version's
                    placed.add(m.key)
            pairs: list[tuple[float, int, Mention, Cluster]] = []
            for m in release_mentions:
                if m.key in placed:
                    continue
                if m.scope == "portfolio":
                    pkey = _portfolio_key(m)
                    if pkey not in portfolios:
                        portfolios[pkey] = Cluster(next(counter), project_id=_hash_id("pf-", pkey))
                    portfolios[pkey].mentions.append(m)
                    continue
                candidates = sorted({i for key in _lookup_keys(m) for i in index.get(key, ())})
                scored = sorted(((s, c) for c in map(by_index.__getitem__, candidates)
                                 if (s := score(m, c)) is not None),
                                key=lambda sc: (-sc[0][1], sc[1].index))
                if (len(scored) > 1 and scored[0][0][0] == scored[1][0][0]
                        and scored[0][0][1] - scored[1][0][1] < CLEAR_LEAD
                        and scored[0][1].attr("company_key") != scored[1][1].attr("company_key")):
                    # Equal evidence for projects of two companies: guessing could merge two
                    # different projects, so the mention starts its own (an analyst can merge
                    # it), unless the label's words clearly point to one of them ("copper
                    # smelting plant" against "copper smelting plant" and "copper mill near
                    # Aktogai").
                    log.info("mention %r fits several projects equally; kept apart", m.label)
                    continue
                pairs += [(s[1], c.index, m, c) for s, c in scored]
            # Best pairs first; a cluster takes one label per release version: two labels of
            # one release are two projects (unless their figures align them with a translation).
            for _, _, m, c in sorted(pairs, key=lambda p: (-p[0], p[1], p[2].key)):
                if m.key in placed or c.index in taken:
                    continue
                taken.add(place(m, c).index)
                placed.add(m.key)
            for m in release_mentions:
                if m.scope != "portfolio" and m.key not in placed:
                    place(m)
                    placed.add(m.key)
            for m in release_mentions:
                if m.scope != "portfolio":
                    for f in m.figures:
                        translated[(f.metric, f.unit)].append((f, home[m.key]))
    for c in clusters:
        seed = min(c.mentions, key=lambda m: m.seed_order)
        c.project_id = _hash_id("p-", seed.key)
    return clusters + list(portfolios.values())


# --- curation ---------------------------------------------------------------------------------
def apply_curation(clusters: list[Cluster], curation: list[dict[str, Any]]) -> list[Cluster]:
    """Apply analysts' merges and splits in the order they were made. A request whose mentions
    no longer exist (e.g. a re-extraction renamed a label) is skipped with a warning."""
    by_id = {c.project_id: c for c in clusters}
    home = {m.key: c.project_id for c in clusters for m in c.mentions}
    for row in curation:
        source = by_id.get(home.get(row["source_key"], ""))
        if row["action"] == "merge":
            target = by_id.get(home.get(row["target_key"] or "", ""))
            if source is None or target is None:
                log.warning("curation %s (merge %s into %s) no longer applies", row["curation_id"],
                            row["project_id"], row["target_project_id"])
                continue
            if source is target:
                continue
            target.mentions += source.mentions
            for m in source.mentions:
                home[m.key] = target.project_id
            del by_id[source.project_id]
        else:
            moved = [m for m in source.mentions if _split_matches(m, row)] if source else []
            if source is None or not moved or len(moved) == len(source.mentions):
                log.warning("curation %s (split of %s) no longer applies", row["curation_id"],
                            row["project_id"])
                continue
            source.mentions = [m for m in source.mentions if m not in moved]
            new = Cluster(-int(row["curation_id"]), moved, row["new_label"],
                          row["target_project_id"])
            by_id[new.project_id] = new
            for m in moved:
                home[m.key] = new.project_id
    return list(by_id.values())


def _split_matches(m: Mention, row: dict[str, Any]) -> bool:
    if row["release_ids"] and m.release_id in row["release_ids"]:
        return True
    return bool(row["label_pattern"]) and re.search(row["label_pattern"], m.label, re.I) is not None


# --- reading and writing ----------------------------------------------------------------------
def mention_key(scope: str, lang: str, release_id: int, label: str, region: str | None,
                company: str | None) -> str:
    """Identity of a mention; stable across versions and extractions of a release."""
    return "|".join([scope, lang, str(release_id), " ".join(label.lower().split()),
                     region or "", company_group(company) or ""])


def load_mentions(
    con: duckdb.DuckDBPyConnection, *, lang: str | None = None, release_id: int | None = None,
    version: int | None = None,
) -> list[Mention]:
    """The mentions of the facts of the latest extractions (all versions of all releases, or
    of one release / one version)."""
    rows = con.execute(
        "SELECT lf.scope, lf.lang, lf.release_id, lf.project, lf.region, lf.company,"
        " list(DISTINCT lf.product) FILTER (WHERE lf.product IS NOT NULL),"
        " min(lf.published_at), min(r.first_seen_at), list(lf.fact_id ORDER BY lf.fact_id),"
        " list(DISTINCT (lf.metric, lf.kind, lf.unit, lf.value, lf.value_max, lf.value_text))"
        " FROM latest_facts AS lf JOIN releases AS r USING (lang, release_id)"
        " WHERE (?::VARCHAR IS NULL OR lf.lang = ?) AND (?::BIGINT IS NULL OR lf.release_id = ?)"
        " AND (?::INTEGER IS NULL OR lf.version = ?)"
        " GROUP BY ALL", [lang, lang, release_id, release_id, version, version]
    ).fetchall()
    out = []
    for scope, lang, rid, label, region, company, products, published, seen, ids, figs in rows:
        key = mention_key(scope, lang, rid, label, region, company)
        out.append(Mention(key, scope, lang, rid, label, region, company, sorted(products or []),
                           published, seen, ids, frozenset(Figure(*f) for f in figs)))
    # One mention per key: the same label with a differently written company is one mention.
    merged: dict[str, Mention] = {}
    for m in sorted(out, key=lambda m: (m.key, m.company or "", m.fact_ids)):
        if m.key in merged:
            merged[m.key].fact_ids += m.fact_ids
            merged[m.key].figures |= m.figures
        else:
            merged[m.key] = m
    return list(merged.values())


def _most_common(values: list[Any]) -> Any:
    values = [v for v in values if v]
    return Counter(values).most_common(1)[0][0] if values else None


def _project_row(c: Cluster) -> dict[str, Any]:
    # English labels first: they are what most readers of alerts and the README expect, and
    # the English version's label is the extractor's most reliable; a project with an English
    # mention takes its most frequent English label, however often its translations repeat
    # theirs ("Завод" three times against "copper smelting plant" once).
    ordered = sorted(c.mentions, key=lambda m: (_lang_rank(m.lang), m.seed_order))
    labels = [m.label for m in ordered]
    seed = min(c.mentions, key=lambda m: m.seed_order)
    label = _most_common([m.label for m in ordered if m.lang == ordered[0].lang])
    return {
        "project_id": c.project_id, "scope": seed.scope,
        "label": c.label_override or label or _most_common(labels),
        "region": _most_common([m.region for m in ordered]),
        "company": _most_common([m.company for m in ordered]),
        "product": _most_common([p for m in ordered for p in m.products]),
        "facility": _most_common([m.sig.facility for m in ordered]),
        "aliases": sorted(set(labels)), "seed_key": seed.key,
    }


@dataclass(frozen=True)
class ResolveResult:
    """What one :func:`resolve_all` did."""

    facts: int
    projects: int
    facts_updated: int
    projects_added: int
    projects_removed: int


_PROJECT_COLS = ("scope", "label", "region", "company", "product", "facility", "aliases",
                 "seed_key")
_PROJECT_TYPES = (("project_id", "VARCHAR"), ("scope", "VARCHAR"), ("label", "VARCHAR"),
                  ("region", "VARCHAR"), ("company", "VARCHAR"), ("product", "VARCHAR"),
                  ("facility", "VARCHAR"), ("aliases", "VARCHAR[]"), ("seed_key", "VARCHAR"),
                  ("created_at", "TIMESTAMPTZ"), ("updated_at", "TIMESTAMPTZ"))


def resolve_all(con: duckdb.DuckDBPyConnection) -> ResolveResult:
    """(Re)assign a project to every current fact and rewrite ``projects``, obeying curation.

    Deterministic: a second call over the same facts changes nothing. Runs in the caller's
    transaction if there is one, else in its own.
    """
    curation = [dict(zip(("curation_id", "action", "project_id", "target_project_id",
                          "source_key", "target_key", "release_ids", "label_pattern",
                          "new_label"), r, strict=True))
                for r in con.execute(
                    "SELECT curation_id, action, project_id, target_project_id, source_key,"
                    " target_key, release_ids, label_pattern, new_label FROM project_curation"
                    " ORDER BY curation_id").fetchall()]
    clusters = apply_curation(cluster_mentions(load_mentions(con)), curation)
    mapping = [{"fact_id": i, "project_id": c.project_id}
               for c in clusters for m in c.mentions for i in m.fact_ids]
    rows = {r["project_id"]: r for r in (_project_row(c) for c in clusters)}
    now = datetime.now(UTC)
    # The mapping travels as one JSON document (binding long Python lists is slow in DuckDB).
    moved_sql = ("FROM (SELECT unnest(from_json(?, '[{\"fact_id\": \"BIGINT\","
                 " \"project_id\": \"VARCHAR\"}]'), recursive := true)) AS m")
    document = json.dumps(mapping)
    with atomic(con):
        (updated,) = con.execute(
            f"SELECT count(*) {moved_sql} JOIN facts AS f USING (fact_id)"
            " WHERE f.project_id IS DISTINCT FROM m.project_id", [document]).fetchone() or (0,)
        if updated:
            con.execute(f"UPDATE facts SET project_id = m.project_id {moved_sql}"
                        " WHERE facts.fact_id = m.fact_id"
                        " AND facts.project_id IS DISTINCT FROM m.project_id", [document])
        existing = {r[0]: r[1:] for r in con.execute(
            "SELECT project_id, " + ", ".join(_PROJECT_COLS) + " FROM projects").fetchall()}
        gone = [pid for pid in existing if pid not in rows]
        for pid in gone:
            con.execute("DELETE FROM projects WHERE project_id = ?", [pid])
        fresh = [[pid, *(row[c] for c in _PROJECT_COLS), now, now]
                 for pid, row in rows.items() if pid not in existing]
        bulk_insert(con, "projects", _PROJECT_TYPES, fresh)
        added = len(fresh)
        for pid, row in rows.items():
            values = [row[c] for c in _PROJECT_COLS]
            if pid in existing and tuple(existing[pid]) != tuple(values):
                con.execute("UPDATE projects SET " + ", ".join(f"{c} = ?" for c in _PROJECT_COLS)
                            + ", updated_at = ? WHERE project_id = ?", [*values, now, pid])
        _write_product_families(con)
    log.info("resolved %d facts into %d projects (%d facts moved, %d new, %d removed)",
             len(mapping), len(rows), updated, added, len(gone))
    return ResolveResult(len(mapping), len(rows), int(updated), added, len(gone))


def _write_product_families(con: duckdb.DuckDBPyConnection) -> None:
    """Keep ``product_families`` equal to the rules for every product seen (views group by it)."""
    wanted = {p: product_family(p) for (p,) in con.execute(
        "SELECT DISTINCT product FROM facts WHERE product IS NOT NULL").fetchall()}
    stored = dict(con.execute("SELECT product, family FROM product_families").fetchall())
    if stored == wanted:
        return
    stale = [p for p, f in stored.items() if wanted.get(p) != f]
    if stale:
        con.execute("DELETE FROM product_families WHERE list_contains(?, product)", [stale])
    bulk_insert(con, "product_families", (("product", "VARCHAR"), ("family", "VARCHAR")),
                [[p, f] for p, f in sorted(wanted.items()) if stored.get(p) != f])


def resolve_version(con: duckdb.DuckDBPyConnection, lang: str, release_id: int, version: int) -> int:
    """Cheap, incremental resolution of one just-stored version (caller's transaction): its
    facts whose mention (release, label, region, company) already has a project, from another
    version or an earlier extraction, get that project. Other facts keep ``project_id`` NULL
    until the run's :func:`resolve_all`, which :func:`warehouse.changes.detect_changes` runs
    whenever NULLs remain. Returns the number of facts assigned. (A full resolution per version
    would make a backfill quadratic.)"""
    known: dict[str, str] = {}
    for scope, label, region, company, project_id, _ in con.execute(
            "SELECT scope, project, region, company, project_id, max(extracted_at) AS last_at"
            " FROM facts WHERE lang = ? AND release_id = ? AND project_id IS NOT NULL"
            " GROUP BY ALL ORDER BY last_at", [lang, release_id]).fetchall():
        known[mention_key(scope, lang, release_id, label, region, company)] = project_id
    assigned = 0
    for m in load_mentions(con, lang=lang, release_id=release_id, version=version):
        if m.key not in known:
            continue
        (n,) = con.execute(
            "SELECT count(*) FROM facts WHERE project_id IS NULL AND list_contains(?, fact_id)",
            [m.fact_ids]).fetchone() or (0,)
        con.execute("UPDATE facts SET project_id = ? WHERE project_id IS NULL"
                    " AND list_contains(?, fact_id)", [known[m.key], m.fact_ids])
        assigned += n
    return assigned


def _project(con: duckdb.DuckDBPyConnection, project_id: str) -> tuple[str, str]:
    row = con.execute("SELECT seed_key, scope FROM projects WHERE project_id = ?",
                      [project_id]).fetchone()
    if row is None:
        raise CurationError(f"unknown project {project_id!r} (see `kzfacts projects list`)")
    return row[0], row[1]


def merge_projects(
    con: duckdb.DuckDBPyConnection, keep_id: str, merge_id: str, note: str = "",
    curated_by: str | None = None,
) -> ResolveResult:
    """Record that ``merge_id`` is the same project as ``keep_id``, then re-resolve and refresh
    the changes, all in one transaction. Raises CurationError for unknown or equal ids and for
    a portfolio merged with a project."""
    if keep_id == merge_id:
        raise CurationError(f"cannot merge project {keep_id!r} with itself")
    keep_key, keep_scope = _project(con, keep_id)
    merge_key, merge_scope = _project(con, merge_id)
    if keep_scope != merge_scope:
        raise CurationError(f"cannot merge {merge_scope} {merge_id!r} into {keep_scope} {keep_id!r}")
    with atomic(con):
        con.execute(
            "INSERT INTO project_curation (action, project_id, target_project_id, source_key,"
            " target_key, note, curated_by, curated_at) VALUES ('merge', ?, ?, ?, ?, ?, ?, ?)",
            [merge_id, keep_id, merge_key, keep_key, note, curated_by, datetime.now(UTC)])
        return _after_curation(con)


def split_project(
    con: duckdb.DuckDBPyConnection, project_id: str, selector: Sequence[int] | str,
    new_label: str, note: str = "", *, curated_by: str | None = None,
) -> str:
    """Move the facts of ``project_id`` that come from the releases ``selector`` (a list of
    release ids) or whose label matches ``selector`` (a str: a case-insensitive regular
    expression) to a new project labelled ``new_label``; return its id. Re-resolves and
    refreshes changes in one transaction. Raises CurationError when the project is unknown, the
    pattern is invalid, or the split would move no fact or every fact."""
    seed_key, _ = _project(con, project_id)
    release_ids = None if isinstance(selector, str) else [int(r) for r in selector]
    label_pattern = selector if isinstance(selector, str) else None
    if not release_ids and not label_pattern:
        raise CurationError("a split needs release ids or a label pattern")
    try:
        pattern = re.compile(label_pattern, re.I) if label_pattern else None
    except re.error as exc:
        raise CurationError(f"invalid label pattern {label_pattern!r}: {exc}") from exc
    rows = con.execute("SELECT DISTINCT release_id, project FROM latest_facts WHERE project_id = ?",
                       [project_id]).fetchall()
    moved = [r for r in rows if (release_ids and r[0] in release_ids)
             or (pattern is not None and pattern.search(r[1]))]
    if not moved or len(moved) == len(rows):
        what = "no" if not moved else "every"
        raise CurationError(f"split of {project_id!r} would move {what} fact; nothing recorded")
    with atomic(con):
        (curation_id,) = con.execute("SELECT nextval('project_curation_seq')").fetchone() or (0,)
        new_id = _hash_id("p-", f"split|{curation_id}")
        con.execute(
            "INSERT INTO project_curation (curation_id, action, project_id, target_project_id,"
            " source_key, release_ids, label_pattern, new_label, note, curated_by, curated_at)"
            " VALUES (?, 'split', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [curation_id, project_id, new_id, seed_key, release_ids, label_pattern, new_label,
             note, curated_by, datetime.now(UTC)])
        _after_curation(con)
    return new_id


def _after_curation(con: duckdb.DuckDBPyConnection) -> ResolveResult:
    # Imported here: changes reads projects' output, and curation must refresh changes so that
    # the ``changes`` view reflects the merge or split at once (without alerting).
    from warehouse.changes import refresh_changes

    result = resolve_all(con)
    refresh_changes(con)
    return result

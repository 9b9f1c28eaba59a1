"""Project identity: one id per project across releases and languages, never two merged."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import duckdb
import pytest

from tests.warehouse.conftest import fd, gold_docs, load_doc, report
from warehouse.project_rules import Figure, numbers_conflict, same_figure
from warehouse.projects import (
    company_group,
    label_signature,
    product_family,
    regions_compatible,
    resolve_all,
    resolve_version,
    split_project,
)


@pytest.fixture(scope="module")
def dev() -> duckdb.DuckDBPyConnection:
    """The whole dev set (en, ru, kk) stored and resolved once for this module."""
    from warehouse.db import connect

    con = connect(":memory:")
    for doc in gold_docs():
        load_doc(con, doc)
    resolve_all(con)
    return con


def ids(con: duckdb.DuckDBPyConnection, doc_id: str, label: str) -> set[str]:
    """Project ids of the facts of one dev document with one label."""
    release = next(d for d in gold_docs() if d["id"] == doc_id)
    rid = int(release["url"].rsplit("-", 1)[1])
    rows = con.execute("SELECT DISTINCT project_id FROM latest_facts WHERE lang = ?"
                       " AND release_id = ? AND project = ?", [release["lang"], rid, label])
    found = {r[0] for r in rows.fetchall()}
    assert found, f"no facts for {doc_id} {label}"
    return found


SERIES = {
    "copper-smelter-abay": [
        ("dev-en-008", "copper smelting plant"), ("dev-en-005", "copper smelter"),
        ("dev-ru-005", "медеплавильный завод в районе поселка Актогай"),
        ("dev-en-010", "copper mill"), ("dev-ru-008", "медеплавильный завод KAZ Minerals Smelting"),
        ("dev-en-000", "copper smelting plant"), ("dev-ru-000", "медеплавильный завод"),
        ("dev-en-023", "copper smelting plant")],
    "ssgpo-hbi": [
        ("dev-en-000", "hot-briquetted iron plant"), ("dev-en-006", "hot-briquetted iron plant"),
        ("dev-ru-000", "завод по производству горячебрикетированного железа"),
        ("dev-kk-001", "темір рудасын терең өңдейтін зауыт")],
    "zhetisu-wind-acwa": [
        ("dev-en-002", "wind farm"), ("dev-en-012", "wind power plant"),
        ("dev-en-026", "wind power plant"), ("dev-en-038", "wind power plant")],
    "qarmet-modernisation": [
        ("dev-en-003", "Qarmet modernisation"), ("dev-ru-002", "модернизация Qarmet"),
        ("dev-en-000", "Qarmet modernisation programme"),
        ("dev-ru-000", "программа модернизации Qarmet")],
    "bakhty-ayagoz": [
        ("dev-en-019", "Bakhty-Ayagoz railway"), ("dev-en-037", "Bakhty-Ayagoz railway line")],
    "kazazot": [
        ("dev-en-000", "ammonia and urea complex"),
        ("dev-ru-000", "аммиачно-карбамидный комплекс KazAzot Prime")],
}


@pytest.mark.parametrize("series", sorted(SERIES))
def test_one_project_across_releases_and_languages(dev: duckdb.DuckDBPyConnection,
                                                   series: str) -> None:
    found = set().union(*(ids(dev, doc, label) for doc, label in SERIES[series]))
    assert len(found) == 1


def test_different_projects_of_one_release_stay_apart(dev: duckdb.DuckDBPyConnection) -> None:
    labels = ["copper smelting plant", "Qarmet modernisation programme",
              "hot-briquetted iron plant", "potassium chloride enrichment and production complex",
              "ammonia and urea complex"]
    found = [ids(dev, "dev-en-000", label) for label in labels]
    assert len(set().union(*found)) == len(labels)


def test_sugar_plants_of_different_companies_and_names_stay_apart(
        dev: duckdb.DuckDBPyConnection) -> None:
    found = [ids(dev, "dev-en-030", "Merke sugar plant"), ids(dev, "dev-en-030", "Koksu sugar plant"),
             ids(dev, "dev-en-030", "Qazsugar sugar mill in Shu"),
             ids(dev, "dev-en-017", "sugar plant in Shu"),
             ids(dev, "dev-ru-006", "сахарный завод K-Agro Holding")]
    assert len(set().union(*found)) == 5


def test_a_deposit_in_the_same_region_is_not_the_copper_smelter(
        dev: duckdb.DuckDBPyConnection) -> None:
    assert ids(dev, "dev-ru-008", "освоение месторождения Айдарлы") != ids(
        dev, "dev-ru-008", "медеплавильный завод KAZ Minerals Smelting")


def test_phases_are_their_own_projects(dev: duckdb.DuckDBPyConnection) -> None:
    first = ids(dev, "dev-en-001", "first phase of the hot-briquetted iron plant")
    second = ids(dev, "dev-en-001", "second phase of the hot-briquetted iron plant")
    plant = ids(dev, "dev-en-006", "hot-briquetted iron plant")
    assert len(first | second | plant) == 3


def test_portfolios_never_merge_with_projects(dev: duckdb.DuckDBPyConnection) -> None:
    portfolio = ids(dev, "dev-ru-008", "23 проекта до 2028 года")
    assert portfolio.pop().startswith("pf-")
    # The same portfolio label in two releases is one portfolio; a project never joins it.
    assert ids(dev, "dev-en-000", "5 major initiatives") == ids(dev, "dev-en-023",
                                                               "5 major initiatives")
    scopes = dev.execute("SELECT project_id, count(DISTINCT scope) FROM latest_facts"
                         " GROUP BY project_id HAVING count(DISTINCT scope) > 1").fetchall()
    assert scopes == []


def test_two_fertiliser_plants_in_mangystau_by_different_companies_stay_two(
        con: duckdb.DuckDBPyConnection) -> None:
    plant = {"project": "fertiliser plant", "product": "mineral fertilizer", "region": "KZ-47"}
    report(con, 1, "2024-03-01T10:00:00+05:00",
           [fd("investment", 1.5e9, "USD", company="KazAzot Prime", **plant)])
    report(con, 2, "2024-09-01T10:00:00+05:00",
           [fd("investment", 1.0e9, "USD", company="Mangystau Fertilizer", **plant)])
    report(con, 3, "2025-02-01T10:00:00+05:00",
           [fd("jobs", 700.0, "jobs", company="KazAzot", **plant)])
    report(con, 4, "2025-03-01T10:00:00+05:00", [fd("jobs", 900.0, "jobs", company=None, **plant)])
    resolve_all(con)
    rows = dict(con.execute("SELECT release_id, project_id FROM facts").fetchall())
    assert rows[1] != rows[2]
    assert rows[3] == rows[1]  # "KazAzot" is a short name of "KazAzot Prime"
    assert rows[4] not in (rows[1], rows[2])  # no company: fits both equally, kept apart


def test_resolving_again_changes_nothing(dev: duckdb.DuckDBPyConnection) -> None:
    before = dev.execute("SELECT * FROM projects ORDER BY project_id").fetchall()
    result = resolve_all(dev)
    assert (result.facts_updated, result.projects_added, result.projects_removed) == (0, 0, 0)
    assert dev.execute("SELECT * FROM projects ORDER BY project_id").fetchall() == before


def test_ids_stay_stable_when_an_older_release_arrives_later(
        con: duckdb.DuckDBPyConnection) -> None:
    report(con, 2, "2025-06-01T10:00:00+05:00", [fd("investment", 1.5e9, "USD")])
    resolve_all(con)
    (first,) = con.execute("SELECT DISTINCT project_id FROM facts").fetchone() or ("",)
    # A backfill stores a 2023 release about the same smelter: the id must not move.
    report(con, 1, "2023-01-01T10:00:00+05:00", [fd("jobs", 1000.0, "jobs")], run_id="run-2",
           fetched_at=datetime(2026, 2, 1, tzinfo=UTC))
    resolve_all(con)
    assert con.execute("SELECT DISTINCT project_id FROM facts").fetchall() == [(first,)]


@pytest.mark.parametrize(("name", "key"), [
    ("SSGPO JSC", "erg"), ("ССГПО", "erg"), ("ERG", "erg"), ("KAZ Minerals Smelting LLP", "kaz minerals"),
    ("ТОО «Qazaq Kalium»", "qazaq kalium"), (None, None),
])
def test_company_group(name: str | None, key: str | None) -> None:
    assert company_group(name) == key


@pytest.mark.parametrize(("product", "family"), [
    ("copper cathode", "copper"), ("copper", "copper"), ("hot-briquetted iron", "iron"),
    ("iron ore concentrate", "iron"), ("sugar beet", "sugar"), ("potassium chloride", "potash"),
    ("ammonia and urea", "fertilizer"), ("galvanized metal structure", "galvanized metal structure"),
])
def test_product_family(product: str, family: str) -> None:
    assert product_family(product) == family


@pytest.mark.parametrize(("label", "facility", "phase", "names"), [
    ("copper smelting plant", "plant", None, set()),
    ("медеплавильный завод в районе поселка Актогай", "plant", None, {"aktog"}),
    ("wind farm", "power", None, set()),
    ("Bakhty-Ayagoz railway line", "railway", None, {"bakht", "ayago"}),
    ("first phase of the hot-briquetted iron plant", "plant", 1, set()),
    ("зауыттың бірінші кезеңі", "plant", 1, set()),
    ("Merke sugar plant", "plant", None, {"merke"}),
    ("copper smelter in Abay region", "plant", None, set()),
    ("railway line from Saryagash to Kentau", "railway", None, {"sarya", "kenta"}),
    ("Ekibastuz GRES-3", "power", None, {"ekiba"}),
    ("power unit No. 3 of Ekibastuz GRES-2", "power", None, {"ekiba"}),
    ("Shymkent CHP-3", "power", None, set()),
])
def test_label_signature(label: str, facility: str, phase: int | None, names: set[str]) -> None:
    sig = label_signature(label, None)
    assert (sig.facility, sig.phase, sig.names) == (facility, phase, names)


def test_regions_carved_out_in_2022_are_compatible_with_their_parent() -> None:
    assert regions_compatible("KZ-10", "KZ-63") and regions_compatible("KZ-63", "KZ-10")
    assert not regions_compatible("KZ-10", "KZ-47")


def test_resolve_version_reuses_the_project_of_a_known_mention(
        con: duckdb.DuckDBPyConnection) -> None:
    report(con, 1, "2025-06-01T10:00:00+05:00", [fd("investment", 1.5e9, "USD")], text="v1")
    resolve_all(con)
    (pid,) = con.execute("SELECT DISTINCT project_id FROM facts").fetchone() or ("",)
    # An edit (version 2) and a re-extraction of it: same label, so the same project at once.
    report(con, 1, "2025-06-01T10:00:00+05:00", [fd("investment", 1.7e9, "USD")], text="v2")
    assert resolve_version(con, "en", 1, 2) == 1
    report(con, 1, "2025-06-01T10:00:00+05:00", [fd("investment", 1.7e9, "USD")], text="v2",
           extractor_version="2.0")
    assert resolve_version(con, "en", 1, 2) == 1
    assert con.execute("SELECT DISTINCT project_id FROM facts").fetchall() == [(pid,)]


def test_resolve_version_leaves_new_mentions_for_resolve_all(
        con: duckdb.DuckDBPyConnection) -> None:
    report(con, 1, "2025-06-01T10:00:00+05:00", [fd("investment", 1.5e9, "USD")])
    assert resolve_version(con, "en", 1, 1) == 0
    assert con.execute("SELECT project_id FROM facts").fetchall() == [(None,)]


# --- routes, ties between companies, phases (synthetic reports) --------------------------------
def _rail(label: str, **extra: object) -> dict[str, object]:
    return {"project": label, "product": None, "company": None, **extra}


def _projects_by_release(con: duckdb.DuckDBPyConnection) -> dict[int, str]:
    return dict(con.execute("SELECT release_id, project_id FROM facts").fetchall())


def test_a_route_written_two_ways_is_one_railway(con: duckdb.DuckDBPyConnection) -> None:
    report(con, 1, "2024-02-01T10:00:00+05:00",
           [fd("size", 160.0, "km", **_rail("railway line from Saryagash to Kentau",
                                            region="KZ-61"))])
    report(con, 2, "2025-07-01T10:00:00+05:00",
           [fd("size", 175.0, "km", **_rail("Saryagash-Kentau railway line", region=None))])
    report(con, 3, "2025-09-01T10:00:00+05:00",
           [fd("size", 175.0, "km", **_rail("Saryagash–Kentau line", region=None))])
    resolve_all(con)
    rows = _projects_by_release(con)
    assert rows[1] == rows[2] == rows[3]


def test_two_routes_that_share_a_town_stay_two(con: duckdb.DuckDBPyConnection) -> None:
    report(con, 1, "2024-02-01T10:00:00+05:00",
           [fd("size", 160.0, "km", **_rail("Saryagash-Kentau railway line", region="KZ-61"))])
    report(con, 2, "2025-07-01T10:00:00+05:00",
           [fd("size", 90.0, "km", **_rail("Kentau-Turkestan railway line", region="KZ-61"))])
    resolve_all(con)
    rows = _projects_by_release(con)
    assert rows[1] != rows[2]


@pytest.mark.parametrize(("label", "numbers"), [
    ("Ekibastuz GRES-3", (("gres", 3),)),
    ("power unit No. 3 of Ekibastuz GRES-2", (("gres", 2), ("unit", 3))),
    ("энергоблок № 3 Экибастузской ГРЭС-2", (("gres", 2), ("unit", 3))),
    ("Карагандинская ТЭЦ-3", (("chp", 3),)),
    ("second stage of the plant", ()),  # a phase, read as such
    ("phase 2 of the complex", ()),
    ("500 kV transmission line", ()),  # the number comes first: not a name
    ("power unit 2 of Ekibastuz GRES-1", (("gres", 1), ("unit", 2))),  # a unit without "No."
    ("блока № 2", (("unit", 2),)),  # any case of "блок"
    ("Line-1 and Line-2", (("line", 1), ("line", 2))),  # both numbers of a word
])
def test_numbered_names(label: str, numbers: tuple[tuple[str, int], ...]) -> None:
    assert label_signature(label, None).numbers == numbers


@pytest.mark.parametrize(("a", "b", "conflict"), [
    ("power unit 2 of Ekibastuz GRES-1", "power unit 3 of Ekibastuz GRES-1", True),
    ("Ekibastuz GRES-3", "Ekibastuz GRES-2", True),
    ("Line-1 and Line-2", "Line-2", False),  # they share line 2
    ("Ekibastuz GRES-3", "power unit No. 3", False),  # nothing numbered on both sides
])
def test_numbers_conflict(a: str, b: str, conflict: bool) -> None:
    assert numbers_conflict(label_signature(a, None).numbers,
                            label_signature(b, None).numbers) is conflict


def _power(label: str, **extra: object) -> dict[str, object]:
    return {"project": label, "product": "electricity", "company": None, "region": "KZ-55",
            **extra}


def test_numbered_twins_stay_apart_and_each_joins_its_own_reports(
        con: duckdb.DuckDBPyConnection) -> None:
    # two power plants of one town, and a unit of one of them, reported twice
    report(con, 1, "2023-11-28T10:00:00+06:00",
           [fd("capacity", 1320.0, "MW", **_power("Ekibastuz GRES-3"))])
    report(con, 2, "2023-11-29T10:00:00+06:00",
           [fd("capacity", 636.0, "MW", **_power("power unit No. 3 of Ekibastuz GRES-2"))])
    report(con, 3, "2025-10-08T10:00:00+05:00",
           [fd("capacity", 1320.0, "MW", **_power("Ekibastuz GRES-3 of Samruk-Energy"))])
    report(con, 4, "2025-10-09T10:00:00+05:00",
           [fd("capacity", 500.0, "MW", **_power("power unit No. 1 of Ekibastuz GRES-1"))])
    report(con, 5, "2025-10-10T10:00:00+05:00",
           [fd("capacity", 636.0, "MW", **_power("Power unit No. 3 of Ekibastuz GRES-2"))])
    resolve_all(con)
    rows = _projects_by_release(con)
    assert rows[1] == rows[3]
    assert rows[2] == rows[5]
    assert len({rows[1], rows[2], rows[4]}) == 3


def test_a_mention_without_company_joins_the_project_its_label_names(
        con: duckdb.DuckDBPyConnection) -> None:
    nickel = {"product": "nickel", "region": "KZ-10"}
    report(con, 1, "2024-01-10T10:00:00+05:00",
           [fd("status", "planned", None, project="nickel smelting plant", company=None,
               **{**nickel, "region": "KZ-63"})])
    report(con, 2, "2024-05-10T10:00:00+05:00",
           [fd("investment", 9.0e8, "USD", project="nickel smelter", company="Altai Nickel",
               **nickel)])
    report(con, 3, "2024-05-10T12:00:00+05:00",
           [fd("investment", 9.0e8, "USD", project="nickel mill near Zaysan",
               company="Sino Builders", **nickel)])
    # no company: the evidence (product, facility, region) ties between the two companies'
    # projects, the label's words do not
    report(con, 4, "2025-03-01T10:00:00+05:00",
           [fd("status", "under_construction", None, project="nickel smelting plant",
               company=None, **nickel)])
    resolve_all(con)
    rows = _projects_by_release(con)
    assert rows[1] == rows[2] == rows[4]
    assert rows[3] != rows[1]


def test_the_label_words_of_other_languages_do_not_blur_which_project_a_label_names(
        con: duckdb.DuckDBPyConnection) -> None:
    """As above, but the smelter's project also has Russian releases of its own (other release
    ids): their words ("никелеплавильный завод") must not dilute how well "nickel smelting
    plant" matches the project's English labels, or the tie-break loses it."""
    nickel = {"product": "nickel", "region": "KZ-10"}
    report(con, 1, "2024-01-10T10:00:00+05:00",
           [fd("status", "planned", None, project="nickel smelting plant", company=None,
               **{**nickel, "region": "KZ-63"})])
    report(con, 2, "2024-05-10T10:00:00+05:00",
           [fd("investment", 9.0e8, "USD", project="nickel smelter", company="Altai Nickel",
               **nickel)])
    report(con, 12, "2024-05-10T10:00:00+05:00", lang="ru",
           facts=[fd("status", "planned", None, project="никелеплавильный завод",
                     company="Altai Nickel", **nickel)])
    report(con, 13, "2024-08-10T10:00:00+05:00", lang="ru",
           facts=[fd("investment", 9.0e8, "USD", project="никелеплавильный завод Altai Nickel LLP",
                     company="Altai Nickel LLP", **nickel)])
    report(con, 3, "2024-05-10T12:00:00+05:00",
           [fd("investment", 9.0e8, "USD", project="nickel mill near Zaysan",
               company="Sino Builders", **nickel)])
    report(con, 4, "2025-03-01T10:00:00+05:00",
           [fd("status", "under_construction", None, project="nickel smelting plant",
               company=None, **nickel)])
    resolve_all(con)
    rows = _projects_by_release(con)
    assert rows[1] == rows[2] == rows[12] == rows[13] == rows[4]
    assert rows[3] != rows[1]


def test_a_phase_and_its_whole_stay_apart_even_for_one_company(
        con: duckdb.DuckDBPyConnection) -> None:
    hbi = {"product": "hot-briquetted iron", "region": "KZ-39", "company": "ERG"}
    report(con, 1, "2023-06-01T10:00:00+05:00",
           [fd("investment", 1.0e9, "USD", project="first phase of the hot-briquetted iron plant",
               **hbi)])
    report(con, 2, "2025-05-01T10:00:00+05:00",
           [fd("investment", 1.2e9, "USD", project="hot-briquetted iron plant", **hbi)])
    resolve_all(con)
    rows = _projects_by_release(con)
    assert rows[1] != rows[2]


def test_unnamed_portfolios_of_two_releases_stay_apart(con: duckdb.DuckDBPyConnection) -> None:
    roads = {"scope": "portfolio", "project": "portfolio", "product": None, "company": None,
             "region": None}
    report(con, 1, "2018-10-01T10:00:00+06:00", [fd("commissioning", 2020.0, "year", **roads)])
    report(con, 2, "2024-07-01T10:00:00+05:00", [fd("commissioning", 2024.0, "year", **roads)])
    resolve_all(con)
    rows = _projects_by_release(con)
    assert rows[1] != rows[2]


# --- translations: the language versions of one release id align by their figures ----------
MAY = "2025-05-16T16:40:00+05:00"
# A Russian version whose labels say little ("Завод", "предприятии"): no company, no product.
WEAK = {"product": None, "company": None}


def _projects_of(con: duckdb.DuckDBPyConnection, lang: str, label: str) -> set[str]:
    return {r[0] for r in con.execute("SELECT DISTINCT project_id FROM latest_facts"
                                      " WHERE lang = ? AND project = ?", [lang, label]).fetchall()}


def test_the_russian_version_of_a_release_joins_the_english_projects_by_its_figures(
        con: duckdb.DuckDBPyConnection) -> None:
    plant = {"project": "copper smelting plant near Aktogay"}
    report(con, 7, MAY, [fd("investment", 1.5e9, "USD", **plant),
                         fd("capacity", 300000.0, "t", **plant),
                         fd("jobs", 3000.0, "jobs", kind="construction", qualifier="approx", **plant)])
    resolve_all(con)
    (english,) = _projects_of(con, "en", plant["project"])
    report(con, 7, MAY, lang="ru", facts=[
        fd("investment", 1.5e9, "USD", project="медеплавильный завод"),
        fd("capacity", 300000.0, "t", project="Завод", **WEAK),
        # "about 3 000" read as 3 010 by another rule: within 0.5 %
        fd("jobs", 3010.0, "jobs", kind="construction", project="предприятии", **WEAK)])
    resolve_all(con)
    assert {r[0] for r in con.execute("SELECT DISTINCT project_id FROM facts").fetchall()} == {
        english}
    assert con.execute("SELECT label FROM projects").fetchall() == [(plant["project"],)]


def test_two_plants_of_one_release_stay_two_and_each_takes_its_translated_facts(
        con: duckdb.DuckDBPyConnection) -> None:
    gas = {"project": "gas chemical complex", "product": "urea", "company": None, "region": "KZ-31"}
    sugar = {"project": "sugar plant", "product": "sugar", "company": None, "region": "KZ-31"}
    report(con, 8, MAY, [fd("investment", 450e9, "KZT", **gas), fd("capacity", 1.2e6, "t", **gas),
                         fd("status", "planned", None, **gas),
                         fd("investment", 200e9, "KZT", **sugar), fd("jobs", 700.0, "jobs", **sugar),
                         fd("status", "planned", None, **sugar)])
    ru = {"region": "KZ-31", **WEAK}
    report(con, 8, MAY, lang="ru", facts=[
        # "project": both of its figures are the gas complex's
        fd("investment", 450e9, "KZT", project="project", **ru),
        fd("capacity", 1.2e6, "t", project="project", **ru),
        # "Завод": "planned" fits both plants, 700 jobs only the sugar plant: the majority wins
        fd("status", "planned", None, project="Завод", **ru),
        fd("jobs", 700.0, "jobs", project="Завод", **ru),
        fd("investment", 200e9, "KZT", project="сахарный завод", **{**ru, "product": "сахар"})])
    resolve_all(con)
    (gas_id,) = _projects_of(con, "en", "gas chemical complex")
    (sugar_id,) = _projects_of(con, "en", "sugar plant")
    assert gas_id != sugar_id
    assert _projects_of(con, "ru", "project") == {gas_id}
    assert _projects_of(con, "ru", "Завод") == _projects_of(con, "ru", "сахарный завод") == {
        sugar_id}


def test_a_translated_mention_matching_two_plants_equally_stays_alone(
        con: duckdb.DuckDBPyConnection) -> None:
    gas = {"project": "gas chemical complex", "product": "urea", "company": None, "region": "KZ-31"}
    sugar = {"project": "sugar plant", "product": "sugar", "company": None, "region": "KZ-31"}
    report(con, 8, MAY, [fd("status", "planned", None, **gas), fd("capacity", 1.2e6, "t", **gas),
                         fd("status", "planned", None, **sugar), fd("jobs", 700.0, "jobs", **sugar)])
    report(con, 8, MAY, lang="ru", facts=[
        fd("status", "planned", None, project="Предприятие", region="KZ-31", **WEAK)])
    resolve_all(con)
    alone = _projects_of(con, "ru", "Предприятие")
    assert alone.isdisjoint(_projects_of(con, "en", "gas chemical complex")
                            | _projects_of(con, "en", "sugar plant"))


def test_a_translated_mention_whose_figures_match_nothing_is_placed_by_its_label(
        con: duckdb.DuckDBPyConnection) -> None:
    report(con, 7, MAY, [fd("investment", 1.5e9, "USD", project="copper smelting plant")])
    # Figures the English version does not state: the label rules place them, as without a
    # translation ("медеплавильный завод" of KAZ Minerals is the smelter; "заводе" names nothing).
    report(con, 7, MAY, lang="ru", facts=[
        fd("commissioning", 2028.0, "year", project="медеплавильный завод"),
        fd("jobs", 1000.0, "jobs", project="заводе", **WEAK)])
    resolve_all(con)
    (smelter,) = _projects_of(con, "en", "copper smelting plant")
    assert _projects_of(con, "ru", "медеплавильный завод") == {smelter}
    assert smelter not in _projects_of(con, "ru", "заводе")


def test_figures_never_join_versions_of_different_releases(con: duckdb.DuckDBPyConnection) -> None:
    report(con, 7, MAY, [fd("capacity", 300000.0, "t", project="copper smelting plant")])
    report(con, 9, MAY, lang="ru", facts=[fd("capacity", 300000.0, "t", project="Завод", **WEAK)])
    resolve_all(con)
    assert _projects_of(con, "ru", "Завод") != _projects_of(con, "en", "copper smelting plant")


def test_without_an_english_version_the_kazakh_one_follows_the_russian(
        con: duckdb.DuckDBPyConnection) -> None:
    report(con, 7, MAY, lang="ru", facts=[
        fd("capacity", 300000.0, "t", project="медеплавильный завод")])
    report(con, 7, MAY, lang="kk", facts=[fd("capacity", 300000.0, "t", project="зауыт", **WEAK)])
    resolve_all(con)
    assert _projects_of(con, "kk", "зауыт") == _projects_of(con, "ru", "медеплавильный завод")


def test_curation_overrides_the_alignment_of_translations(con: duckdb.DuckDBPyConnection) -> None:
    report(con, 7, MAY, [fd("capacity", 300000.0, "t", project="copper smelting plant"),
                         fd("jobs", 1000.0, "jobs", project="copper smelting plant")])
    report(con, 7, MAY, lang="ru", facts=[fd("capacity", 300000.0, "t", project="Завод", **WEAK),
                                          fd("jobs", 1000.0, "jobs", project="Завод", **WEAK)])
    resolve_all(con)
    (smelter,) = _projects_of(con, "en", "copper smelting plant")
    assert _projects_of(con, "ru", "Завод") == {smelter}
    apart = split_project(con, smelter, r"^завод$", "the Russian version's plant", "analyst")
    resolve_all(con)
    assert _projects_of(con, "ru", "Завод") == {apart}
    assert _projects_of(con, "en", "copper smelting plant") == {smelter}


def test_the_label_of_a_project_is_english_when_it_has_an_english_mention(
        con: duckdb.DuckDBPyConnection) -> None:
    report(con, 7, "2025-05-16T10:00:00+05:00", [fd("capacity", 300000.0, "t")])
    report(con, 7, "2025-05-16T10:00:00+05:00", lang="ru",
           facts=[fd("capacity", 300000.0, "t", project="медеплавильный завод")])
    report(con, 12, "2025-09-01T10:00:00+05:00", lang="ru",
           facts=[fd("jobs", 1000.0, "jobs", project="медеплавильный завод")])
    resolve_all(con)
    # one English label against the same Russian label twice
    assert con.execute("SELECT label FROM projects").fetchall() == [("copper smelter",)]


DEV_TRANSLATIONS = [  # dev-en-000 and dev-ru-000 are one release (40000) in two languages
    ("copper smelting plant", "медеплавильный завод"),
    ("Qarmet modernisation programme", "программа модернизации Qarmet"),
    ("hot-briquetted iron plant", "завод по производству горячебрикетированного железа"),
    ("potassium chloride enrichment and production complex",
     "горно-обогатительный комплекс на базе месторождения Сатимола"),
    ("ammonia and urea complex", "аммиачно-карбамидный комплекс KazAzot Prime"),
]


@pytest.mark.parametrize(("english", "russian"), DEV_TRANSLATIONS)
def test_dev_release_in_two_languages_has_one_project_per_plant(
        dev: duckdb.DuckDBPyConnection, english: str, russian: str) -> None:
    assert ids(dev, "dev-ru-000", russian) == ids(dev, "dev-en-000", english)


@pytest.mark.parametrize(("a", "b", "same"), [
    (("investment", None, "KZT", 450e9, None, None), ("investment", None, "KZT", 450e9, None, None),
     True),
    (("jobs", "permanent", "jobs", 800.0, None, None), ("jobs", "permanent", "jobs", 803.0, None, None),
     True),
    (("investment", None, "KZT", 450e9, None, None), ("investment", None, "KZT", 460e9, None, None),
     False),
    (("investment", None, "KZT", 450e9, None, None), ("investment", None, "USD", 450e9, None, None),
     False),
    (("capacity", None, "t", 5e5, None, None), ("investment", None, "t", 5e5, None, None), False),
    (("jobs", "construction", "jobs", 1000.0, None, None), ("jobs", None, "jobs", 1000.0, None, None),
     False),
    (("status", None, None, None, None, "planned"), ("status", None, None, None, None, "planned"),
     True),
    (("status", None, None, None, None, "planned"),
     ("status", None, None, None, None, "under_construction"), False),
    (("commissioning", None, "year", 2029.0, None, None),
     ("commissioning", None, "year", 2029.0, None, None), True),
    (("commissioning", None, "year", 2029.0, None, None),
     ("commissioning", None, "year", 2030.0, None, None), False),  # within 0.5 %, not one year
    (("capacity", None, "t", 1e6, 2e6, None), ("capacity", None, "t", 1e6, 3e6, None), False),
    (("capacity", None, "t", 1e6, 2e6, None), ("capacity", None, "t", 1e6, None, None), True),
])
def test_same_figure(a: tuple[Any, ...], b: tuple[Any, ...], same: bool) -> None:
    assert same_figure(Figure(*a), Figure(*b)) is same
    assert same_figure(Figure(*b), Figure(*a)) is same

"""End to end: the Prefect flow against a local copy of the site, asserting rows in DuckDB and
messages received by local alert channels."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest
from apprise import NotifyBase

from flows import alerts
from flows.localsite import LocalSite, load_demo_releases
from flows.nightly import nightly
from tests.receivers import SmtpReceiver, WebhookReceiver

pytestmark = pytest.mark.usefixtures("prefect_harness")

# The site shows minutes; demo releases dated "yesterday" stay in the re-fetch window.
NEWEST = (datetime.now(UTC) - timedelta(days=1)).replace(second=0, microsecond=0)
TABLES = ("releases", "release_versions", "facts", "change_events", "alert_outbox",
          "fetch_failures")


@pytest.fixture(autouse=True)
def no_apprise_throttle(monkeypatch: pytest.MonkeyPatch) -> None:
    # Apprise waits 5.5 s between two e-mails to one channel: polite live, slow in tests.
    monkeypatch.setattr(NotifyBase, "request_rate_per_sec", 0)


@pytest.fixture
def site() -> Iterator[LocalSite]:
    with LocalSite(load_demo_releases(newest_at=NEWEST), per_page=3) as local:
        yield local


def _run(db: Path, site: LocalSite, **kw: Any) -> dict[str, Any]:
    kw.setdefault("refetch_days", 90)  # the demo releases span a few weeks
    return nightly(db_path=str(db), base_url=site.base_url, request_delay=0.0, **kw)


def _counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def _query(db: Path, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _latest_artifact(key: str) -> list[dict[str, Any]]:
    """Rows of the newest table artifact with ``key`` on the test's Prefect server."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
    from prefect.client.schemas.sorting import ArtifactSort

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])),
            sort=ArtifactSort.CREATED_DESC, limit=1)
    data = found[0].data
    return json.loads(data) if isinstance(data, str) else data


def test_flow_loads_every_release_in_every_language_then_adds_nothing(
    tmp_path: Path, site: LocalSite
) -> None:
    db = tmp_path / "kz.duckdb"
    served = load_demo_releases(newest_at=NEWEST)

    first = _run(db, site)

    rows = _query(db, "SELECT r.lang, r.url, r.title, r.published_at, v.body_text"
                      " FROM releases r JOIN release_versions v USING (lang, release_id)")
    assert first["releases_new"] == len(served) == len(rows)
    by_url = {r[1]: r for r in rows}
    for release in served:
        lang, url, title, published_at, body = by_url[release["url"].replace(
            "https://primeminister.kz", site.base_url)]
        assert (lang, title, body) == (release["lang"], release["title"], release["text"])
        assert published_at == datetime.fromisoformat(release["published"])
    assert {r[0] for r in rows} == {"en", "ru", "kk"}
    assert _counts(db)["facts"] > 0
    before = _counts(db)

    second = _run(db, site)

    assert _counts(db) == before
    assert (second["releases_new"], second["versions_new"], second["facts_new"]) == (0, 0, 0)
    statuses = _query(db, "SELECT status FROM runs ORDER BY started_at")
    assert statuses == [("completed",), ("completed",)]


def test_edited_release_gives_one_version_changes_and_alerts_delivered_once(
    tmp_path: Path, site: LocalSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "kz.duckdb"
    with WebhookReceiver(fail_first=1) as hook, SmtpReceiver() as smtp:
        monkeypatch.setenv("KZFACTS_ALERT_URLS", json.dumps([hook.apprise_url(),
                                                               smtp.apprise_url()]))
        _run(db, site)
        assert hook.bodies == [] and smtp.messages == []  # first sight: nothing changed yet

        site.set_releases(load_demo_releases(edited=True, newest_at=NEWEST))
        edited = _run(db, site)

        assert edited["versions_new"] == 1 and edited["releases_new"] == 0
        found = {(c[0], c[1], c[2], c[3], c[4]) for c in _query(
            db, "SELECT metric, change, old_value, new_value, is_edit FROM changes")}
        assert ("investment", "revised", 1.5e9, 1.8e9, True) in found
        assert ("commissioning", "delayed", 2028.0, 2029.0, True) in found
        table = _latest_artifact("kzfacts-run-changes")
        assert {(row["metric"], row["change"]) for row in table} >= {
            ("investment", "revised"), ("commissioning", "delayed")}
        # The webhook refused its first delivery: that alert stays pending; e-mail got both.
        assert len(smtp.messages) == 2 and len(hook.bodies) == 1
        assert _query(db, "SELECT count(*) FROM alert_outbox WHERE status = 'pending'")[0][0] == 1

        _run(db, site)  # next night: the webhook gets them, e-mail is not sent again
        _run(db, site)

        assert len(hook.bodies) == 2 and len(smtp.messages) == 2
        text = " ".join(b["message"] for b in hook.bodies)
        assert "$1.5 billion" in text and "$1.8 billion" in text
        assert "2028" in text and "2029" in text
        assert _query(db, "SELECT count(*) FROM alert_outbox WHERE status = 'sent'")[0][0] == 2


def _first_night_then_an_edit(
    db: Path, site: LocalSite, hook: WebhookReceiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Alerts go to ``hook``; a first night loads the demo site, which then edits a release."""
    monkeypatch.setenv("KZFACTS_ALERT_URLS", json.dumps([hook.apprise_url()]))
    _run(db, site)
    site.set_releases(load_demo_releases(edited=True, newest_at=NEWEST))


def test_crash_between_changes_and_alerts_loses_nothing_and_sends_once(
    tmp_path: Path, site: LocalSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "kz.duckdb"
    with WebhookReceiver() as hook:
        _first_night_then_an_edit(db, site, hook, monkeypatch)

        def crash(*args: Any, **kwargs: Any) -> None:
            raise RuntimeError("power cut after the diff")

        monkeypatch.setattr(alerts, "deliver_pending", crash)
        with pytest.raises(RuntimeError):
            _run(db, site)
        assert _query(db, "SELECT status FROM runs ORDER BY started_at")[-1] == ("failed",)
        assert _query(db, "SELECT count(*) FROM alert_outbox WHERE status = 'pending'")[0][0] == 2
        assert hook.bodies == []

        monkeypatch.undo()
        monkeypatch.setenv("KZFACTS_ALERT_URLS", json.dumps([hook.apprise_url()]))
        _run(db, site)
        _run(db, site)

        assert len(hook.bodies) == 2


def test_transient_errors_are_retried_then_recorded_without_losing_the_run(
    tmp_path: Path, site: LocalSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.localsite import Reply

    monkeypatch.setenv("KZFACTS_MAX_RETRIES", "1")  # one back-off per attempt is enough here
    db = tmp_path / "kz.duckdb"
    broken = site.url_of(load_demo_releases(newest_at=NEWEST)[0]).replace(site.base_url, "")
    site.override(broken, Reply(status=503, headers={"Retry-After": "0"}))

    summary = _run(db, site)

    # fetcher: 2 attempts; the task's retry: 2 more; then recorded, and the night goes on
    assert site.hits(broken) == 4
    assert summary["failures"] == 1
    assert summary["releases_new"] == len(load_demo_releases()) - 1
    reasons = _query(db, "SELECT reason, url FROM fetch_failures")
    assert [r[0] for r in reasons] == ["transient"] and reasons[0][1].endswith(broken)

    site.override(broken, Reply())  # the site recovers: the next run picks the release up
    again = _run(db, site)
    assert again["releases_new"] == 1


def test_a_release_whose_extraction_fails_is_kept_and_reextracted_later(
    tmp_path: Path, site: LocalSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extractors.errors import ExtractionError
    from flows import nightly as nightly_module
    from flows.reextract import reextract_all
    from warehouse.db import connect

    def broken_rules(*args: Any, **kwargs: Any) -> list[Any]:
        raise ExtractionError("en extraction failed: IndexError: a bug in a rule")

    monkeypatch.setattr(nightly_module, "extract_or_raise", broken_rules)
    db = tmp_path / "kz.duckdb"

    summary = _run(db, site)

    assert summary["releases_new"] == len(load_demo_releases())
    assert _counts(db)["facts"] == 0
    assert _query(db, "SELECT count(*) FROM extractions")[0][0] == 0

    monkeypatch.undo()  # the rule is fixed
    con = connect(db)
    versions, added = reextract_all(con)
    con.close()

    assert versions == len(load_demo_releases()) and added > 0
    assert _counts(db)["facts"] == added


def test_a_listing_that_cannot_be_read_skips_its_language_not_the_night(
    tmp_path: Path, site: LocalSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.localsite import Reply

    monkeypatch.setenv("KZFACTS_MAX_RETRIES", "0")
    site.override("/ru/news", Reply(status=500))
    db = tmp_path / "kz.duckdb"

    summary = _run(db, site)

    assert summary["failures"] == 1
    langs = _query(db, "SELECT DISTINCT lang FROM releases ORDER BY lang")
    assert langs == [("en",), ("kk",)]
    assert _query(db, "SELECT reason, url FROM fetch_failures") == [
        ("transient", site.base_url + "/ru/news")]
    assert _query(db, "SELECT status FROM runs") == [("completed",)]


def test_a_run_that_stops_before_its_diff_has_its_alerts_sent_by_the_next(
    tmp_path: Path, site: LocalSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows import nightly as nightly_module

    db = tmp_path / "kz.duckdb"
    with WebhookReceiver() as hook:
        _first_night_then_an_edit(db, site, hook, monkeypatch)

        def power_cut(*args: Any, **kwargs: Any) -> None:
            raise RuntimeError("power cut before the diff")

        with monkeypatch.context() as patch:
            patch.setattr(nightly_module, "diff_task", power_cut)
            with pytest.raises(RuntimeError):
                _run(db, site)
        assert _query(db, "SELECT count(*) FROM release_versions")[0][0] == 10  # edit stored
        assert _query(db, "SELECT count(*) FROM change_events")[0][0] == 0

        _run(db, site)  # the next night diffs what the stopped one stored, and alerts once
        _run(db, site)

        assert len(hook.bodies) == 2
        assert _query(db, "SELECT count(*) FROM alert_outbox WHERE status = 'sent'")[0][0] == 2

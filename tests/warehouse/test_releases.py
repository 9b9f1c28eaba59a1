"""Release versions: an edit adds one version; the same content adds none; A -> B -> A is
three versions, so that a figure restored by the Government is seen as reported again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from extractors.release import Release
from warehouse.db import connect, transaction
from warehouse.releases import store_release_version

PUBLISHED = datetime(2025, 6, 2, 11, 0, tzinfo=UTC)


def _release(investment: str) -> Release:
    return Release(
        lang="en", release_id=31001, url="https://primeminister.kz/en/news/plant-31001",
        title="Plant in Abai region", published_at=PUBLISHED,
        paragraphs=(f"The copper plant will cost {investment}.",),
    )


def test_same_content_adds_nothing_and_an_edit_that_comes_back_is_a_version() -> None:
    con = connect(":memory:")
    fetched = [datetime(2025, 6, 2, tzinfo=UTC) + timedelta(days=d) for d in range(4)]
    outcomes = []
    for when, text in zip(fetched, ("$1.5 billion", "$1.5 billion", "$1.8 billion",
                                    "$1.5 billion"), strict=True):
        with transaction(con):
            outcomes.append(store_release_version(con, _release(text), b"<html/>", "run", when))

    assert [(o.status, o.version) for o in outcomes] == [
        ("new", 1), ("unchanged", 1), ("edited", 2), ("edited", 3)]
    assert con.execute("SELECT current_version, last_fetched_at FROM releases").fetchone() == (
        3, fetched[3])
    bodies = con.execute("SELECT body_text FROM release_versions ORDER BY version").fetchall()
    assert [b[0][-13:] for b in bodies] == ["$1.5 billion.", "$1.8 billion.", "$1.5 billion."]


def test_failed_releases_are_retried_for_a_window_counted_from_the_first_failure() -> None:
    from warehouse.releases import failed_release_urls, record_failure

    con = connect(":memory:")
    url = "https://primeminister.kz/en/news/plant-31009"
    day0 = datetime(2025, 6, 1, tzinfo=UTC)
    for day in (0, 10, 20):  # fails every night it is tried
        record_failure(con, run_id=f"r{day}", url=url, reason="captcha", lang="en",
                       release_id=31009, failed_at=day0 + timedelta(days=day))
    record_failure(con, run_id="r0", url="https://primeminister.kz/en/news/gone-31010",
                   reason="not_found", lang="en", release_id=31010, failed_at=day0)

    assert failed_release_urls(con, "en", day0 + timedelta(days=13), 14) == [url]
    assert failed_release_urls(con, "en", day0 + timedelta(days=21), 14) == []

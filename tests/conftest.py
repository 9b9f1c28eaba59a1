"""Shared test set-up: Prefect runs against one temporary server per session, offline."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

# Set before Prefect is imported anywhere: no analytics call to the network, quiet logs.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
# The flow's task retry waits a minute live; tests don't.
os.environ.setdefault("KZFACTS_TASK_RETRY_DELAY", "0")


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One temporary Prefect server for every test that runs a flow."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield

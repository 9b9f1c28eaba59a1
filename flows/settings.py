"""The one typed settings object. Every setting has a default and a one-line help.

Values come from ``KZFACTS_*`` environment variables or a ``.env`` file in the working folder;
command-line options override both. Alert URLs are secrets (``SecretStr``): keep them in the
environment or a ``.env`` file readable only by the operator; they are never logged or stored.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KZFACTS_", env_file=".env", extra="ignore")

    db_path: Path = Field(Path("kzfacts.duckdb"), description="DuckDB warehouse file.")
    base_url: str = Field("https://primeminister.kz", description="Site to crawl (no trailing slash).")
    langs: list[str] = Field(["en", "ru", "kk"], description="Languages to crawl: en, ru, kk.")
    request_delay: float = Field(3.0, description="Seconds between two requests to the site.")
    timeout: float = Field(30.0, description="Seconds to wait for a response before giving up.")
    max_retries: int = Field(3, description="Retries of one request on 429, 5xx or a timeout.")
    max_backoff: float = Field(120.0, description="Longest wait (s) for Retry-After or back-off.")
    task_retry_delay: float = Field(
        60.0, description="Seconds before the flow retries a release that failed transiently."
    )
    max_body_bytes: int = Field(5_000_000, description="Refuse response bodies larger than this.")
    user_agent: str = Field(
        "kzfacts/0.1 (press-release figures monitor; +https://github.com/kzfacts/kzfacts)",
        description="User-Agent sent with every request.",
    )
    max_pages: int = Field(
        5, description="Listing pages read per language at most by `run` (backfill: --max-pages)."
    )
    refetch_days: int = Field(14, description="Re-fetch releases published in the last N days.")
    alert_urls: list[SecretStr] = Field(
        [], description="Apprise URLs to send change alerts to (environment only, secret)."
    )
    alert_money_pct: float = Field(
        5.0, description="Alert when investment moves by more than this many percent."
    )
    alert_capacity_pct: float = Field(
        5.0, description="Alert when capacity, size or jobs move by more than this many percent."
    )
    alert_commissioning: bool = Field(True, description="Alert on any shift of a launch date.")
    alert_status: bool = Field(True, description="Alert on status transitions.")
    alert_restated: bool = Field(
        False, description="Alert on restated figures (other currency or unit)."
    )


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with non-None ``overrides`` (from the CLI) on top."""
    clean = {k: v for k, v in overrides.items() if v is not None}
    return Settings(**clean)  # type: ignore[arg-type]

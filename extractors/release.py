"""The ``Release``: one press release in one language, as parsed from its page."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime

# The site writes Kazakh as ``kz`` in its URLs; everywhere else we use ISO 639-1 ``kk``.
SITE_LANG = {"en": "en", "ru": "ru", "kk": "kz"}
LANG_FROM_SITE = {v: k for k, v in SITE_LANG.items()}
LANGS = ("en", "ru", "kk")


@dataclass(frozen=True)
class Release:
    """A parsed release. ``text`` (paragraphs joined by blank lines) is what facts point into."""

    lang: str  # ISO 639-1: en, ru, kk
    release_id: int  # the trailing number of the URL
    url: str
    title: str
    published_at: datetime | None  # Astana time, with its UTC offset
    paragraphs: tuple[str, ...]
    section: str | None = None
    alternates: dict[str, str] = field(default_factory=dict)  # lang -> URL of that version
    parse_status: str = "ok"  # "ok", or "fallback" when the usual markup was missing
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    def content_hash(self) -> str:
        """Hash of what the Government said (title, time, body), not of the raw page,
        which carries cookies and tokens that change on every fetch."""
        payload = json.dumps(
            [self.title, self.published_at.isoformat() if self.published_at else None,
             list(self.paragraphs)],
            ensure_ascii=False,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

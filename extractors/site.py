"""Everything kzfacts knows about primeminister.kz markup, in one module (see SITE.md).

URL pattern, listing pagination, date formats and month names, release-page selectors and the
fallbacks used when the markup differs. Pure functions: strings in, values out; never fetches.
When the usual markup is missing the parser degrades (``parse_status="fallback"`` plus a
warning) instead of failing; a captcha or a page that is not a release raises
``NotAReleaseError`` so that it is never stored as a release.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Tag

from extractors.errors import NotAReleaseError
from extractors.release import LANG_FROM_SITE, SITE_LANG, Release

log = logging.getLogger(__name__)

# --- URLs ----------------------------------------------------------------------------------
# /{en|ru|kz}/news[/{section}]/{slug}-{id}: 5-digit ids since 2023, 6-digit (unordered) before.
RELEASE_PATH = re.compile(
    r"^/(?P<lang>en|ru|kz)/news/(?:(?P<section>[a-z][a-z0-9_]*)/)?"
    r"(?P<slug>[^/?#]+?)-(?P<id>\d{5,})/?$"
)
PAGINATION_STYLES = ("path", "query")  # /{lang}/news/page/N  |  /{lang}/news?page=N


def release_key(url: str) -> tuple[str, int, str | None] | None:
    """``(lang, release_id, section)`` of a release URL (ISO lang: kz -> kk), else None."""
    match = RELEASE_PATH.match(urlsplit(url).path)
    if match is None:
        return None
    return LANG_FROM_SITE[match["lang"]], int(match["id"]), match["section"]


def canonical_release_url(url: str) -> str:
    """The URL without query, fragment or trailing slash: one spelling per release link."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))


def listing_url(base_url: str, lang: str, page: int, style: str = "path") -> str:
    """URL of listing page ``page`` (1 = newest) of ``lang`` (ISO) in pagination ``style``."""
    root = f"{base_url.rstrip('/')}/{SITE_LANG[lang]}/news"
    if page <= 1:
        return root
    if style == "path":
        return f"{root}/page/{page}"
    if style == "query":
        return f"{root}?page={page}"
    raise ValueError(f"unknown pagination style {style!r}; expected one of {PAGINATION_STYLES}")


def _bare_host(netloc: str) -> str:
    return netloc.lower().removeprefix("www.")


def find_release_links(html: str, base_url: str, lang: str) -> list[str]:
    """Absolute release URLs of language ``lang`` (ISO) on the page, on the host of
    ``base_url`` (links to its ``www.`` twin are moved onto it), in page order, without
    duplicates (same lang and id = same release)."""
    soup = BeautifulSoup(html, "html.parser")
    base = urlsplit(base_url)
    seen: set[int] = set()
    links: list[str] = []
    for anchor in soup.find_all("a", href=True):
        parts = urlsplit(urljoin(base_url + "/", str(anchor["href"]).strip()))
        if _bare_host(parts.netloc) != _bare_host(base.netloc):
            continue
        url = canonical_release_url(urlunsplit((base.scheme, base.netloc, parts.path, "", "")))
        key = release_key(url)
        if key is None or key[0] != lang or key[1] in seen:
            continue
        seen.add(key[1])
        links.append(url)
    return links


# --- dates ---------------------------------------------------------------------------------
MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "ru": ("Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август",
           "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"),
    "kk": ("Қаңтар", "Ақпан", "Наурыз", "Сәуір", "Мамыр", "Маусым", "Шілде", "Тамыз",
           "Қыркүйек", "Қазан", "Қараша", "Желтоқсан"),
}
# Also accepted when parsing: Russian genitive ("4 сентября") and English abbreviations.
_EXTRA_MONTHS: dict[str, tuple[str, ...]] = {
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def _month_table(lang: str) -> dict[str, int]:
    table: dict[str, int] = {}
    for names in (MONTHS.get(lang, ()), _EXTRA_MONTHS.get(lang, ())):
        for number, name in enumerate(names, start=1):
            table[name.casefold()] = number
    return table


_MONTH_NUMBER = {lang: _month_table(lang) for lang in MONTHS}
_ANY_MONTH = {name: n for table in _MONTH_NUMBER.values() for name, n in table.items()}
_DATE_TEXT = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})\s+(?P<month>[^\W\d_]+)\.?\s+(?P<year>\d{4})"
    r"(?:\s*(?:,|г\.|ж\.)?\s*(?P<hour>\d{1,2}):(?P<minute>\d{2}))?"
)
# Astana moved from UTC+6 to UTC+5 at local midnight of 1 March 2024.
_ASTANA_SWITCH_LOCAL = datetime(2024, 3, 1)
_ASTANA_SWITCH_UTC = datetime(2024, 2, 29, 18, 0, tzinfo=UTC)
_UTC6 = timezone(timedelta(hours=6))
_UTC5 = timezone(timedelta(hours=5))


def astana_offset(local: datetime) -> timezone:
    """Astana's UTC offset for a naive local wall-clock time."""
    return _UTC6 if local.replace(tzinfo=None) < _ASTANA_SWITCH_LOCAL else _UTC5


def to_astana(moment: datetime) -> datetime:
    """An aware datetime shown in Astana time (naive input is taken as Astana wall time)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=astana_offset(moment))
    return moment.astimezone(_UTC6 if moment < _ASTANA_SWITCH_UTC else _UTC5)


def parse_published(text: str, lang: str) -> datetime:
    """Parse a site date such as ``04 September 2025, 19:42`` (en), ``04 Сентябрь 2025, 19:42``
    or ``4 сентября 2025`` (ru), ``04 Қыркүйек 2025, 19:42`` (kk) into Astana time with its
    offset. Month names are case-insensitive. Raises ValueError when there is no such date."""
    table = _MONTH_NUMBER.get(lang, _ANY_MONTH)
    for match in _DATE_TEXT.finditer(text):
        month = table.get(match["month"].casefold())
        if month is None:
            continue
        hour, minute = int(match["hour"] or 0), int(match["minute"] or 0)
        try:
            local = datetime(int(match["year"]), month, int(match["day"]), hour, minute)
        except ValueError:  # 31 February, 25:00: not a date, look further
            continue
        return local.replace(tzinfo=astana_offset(local))
    raise ValueError(f"no {lang} date in {text[:80]!r}")


def format_published(moment: datetime, lang: str) -> str:
    """The site's own rendering of a publication time: ``04 September 2025, 19:42``."""
    local = to_astana(moment)
    month = MONTHS[lang][local.month - 1]
    return f"{local.day:02d} {month} {local.year}, {local.hour:02d}:{local.minute:02d}"


def _parse_iso(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return to_astana(moment)


# --- release pages -------------------------------------------------------------------------
_CAPTCHA_ATTR = re.compile(r"captcha|cf-challenge|turnstile|challenge-form", re.IGNORECASE)
_CAPTCHA_TEXT = re.compile(
    r"captcha|not a robot|are you a robot|вы не робот|вы робот|робот емес", re.IGNORECASE
)
# Phrases of error pages only: a release title may well start with "500 new jobs".
_ERROR_TITLE = re.compile(
    r"\b40[34]\b|page not found|not found|server error|access denied|^\s*error\b"
    r"|не найдена|ошибка сервера|^\s*ошибка\b|табылмады|^\s*қате\b",
    re.IGNORECASE,
)
_SHORT_PAGE_CHARS = 3000
# A page without release markup whose best text block is this short while it links to this
# many releases is a listing (one teaser won the "largest block" contest), not a release.
# A redesigned release page with a "related news" block has a long body and still passes.
_LISTING_LINKS = 5
_LISTING_BODY_CHARS = 300
_BLOCK_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "form")


def _clean(text: str) -> str:
    return " ".join(text.split())


def _text_of(tag: Tag) -> str:
    for br in tag.find_all("br"):
        br.replace_with("\n")
    return _clean(tag.get_text())


def _meta(soup: BeautifulSoup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    content = tag.get("content") if isinstance(tag, Tag) else None
    return _clean(str(content)) if content else None


def is_captcha(soup: BeautifulSoup) -> bool:
    """True for a bot challenge: "captcha"/"robot" in the page title, or a short page (a
    challenge has little text) carrying a captcha widget, form or script, or those words.
    A long page with a reCAPTCHA script for some feedback form, or a release about robots,
    is not a challenge."""
    title = soup.title.get_text() if soup.title else ""
    if _CAPTCHA_TEXT.search(title):
        return True
    text = _clean(soup.get_text(" "))
    if len(text) >= _SHORT_PAGE_CHARS:
        return False
    if _CAPTCHA_TEXT.search(text):
        return True
    for tag in soup.find_all(True):
        for attr in ("class", "id", "src", "action", "name"):
            value = tag.get(attr)
            joined = " ".join(value) if isinstance(value, list) else str(value or "")
            if _CAPTCHA_ATTR.search(joined):
                return True
    return False


def _release_link_count(soup: BeautifulSoup, url: str, lang: str) -> int:
    keys = {release_key(urljoin(url, str(a["href"]).strip())) for a in soup.find_all("a", href=True)}
    return sum(1 for key in keys if key is not None and key[0] == lang)


def _title(soup: BeautifulSoup, warnings: list[str]) -> str | None:
    tag = soup.select_one("h1.articles__title")
    if tag is not None and _text_of(tag):
        return _text_of(tag)
    og = _meta(soup, "og:title")
    if og:
        warnings.append("title from og:title (no h1.articles__title)")
        return og
    if soup.title and _clean(soup.title.get_text()):
        warnings.append("title from <title> (no h1.articles__title)")
        # "Release title | Site name": keep the release's part
        return _clean(soup.title.get_text()).rsplit(" | ", 1)[0]
    h1 = soup.find("h1")
    if isinstance(h1, Tag) and _text_of(h1):
        warnings.append("title from the first h1 (no h1.articles__title)")
        return _text_of(h1)
    return None


def _published(soup: BeautifulSoup, lang: str, warnings: list[str]) -> datetime | None:
    tag = soup.select_one("p.article__date")
    if tag is not None:
        try:
            return parse_published(tag.get_text(" "), lang)
        except ValueError:
            warnings.append(f"unparsable p.article__date {_clean(tag.get_text())[:60]!r}")
    meta = _meta(soup, "article:published_time")
    if meta and (moment := _parse_iso(meta)) is not None:
        warnings.append("date from article:published_time (no p.article__date)")
        return moment
    for tag in soup.select("time[datetime]"):
        if (moment := _parse_iso(str(tag.get("datetime")))) is not None:
            warnings.append("date from <time datetime> (no p.article__date)")
            return moment
    try:
        moment = parse_published(soup.get_text(" "), lang)
    except ValueError:
        warnings.append("no publication date found")
        return None
    warnings.append("date from the first date-looking text (no p.article__date)")
    return moment


def _own_text(p: Tag) -> str:
    """Text of ``p`` without that of ``<p>`` nested in it (unclosed <p> in broken HTML)."""
    for br in p.find_all("br"):
        br.replace_with("\n")
    return _clean("".join(s for s in p.find_all(string=True) if s.find_parent("p") is p))


def _paragraphs(block: Tag) -> list[str]:
    paragraphs = [_own_text(p) for p in block.find_all("p")]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:  # text straight in the container, one paragraph per line
        paragraphs = [_clean(line) for line in block.get_text("\n").split("\n")]
        paragraphs = [p for p in paragraphs if p]
    return paragraphs


def _largest_text_block(soup: BeautifulSoup) -> Tag | None:
    """The element whose direct <p> children hold the most text: the article body on most
    news pages, whatever their class names."""
    scores: dict[int, tuple[int, Tag]] = {}
    for p in soup.find_all("p"):
        parent = p.parent
        if not isinstance(parent, Tag):
            continue
        length = len(_clean(p.get_text()))
        total, _ = scores.get(id(parent), (0, parent))
        scores[id(parent)] = (total + length, parent)
    if not scores:
        return None
    total, best = max(scores.values(), key=lambda item: item[0])
    return best if total > 0 else None


def _body(soup: BeautifulSoup, warnings: list[str]) -> list[str]:
    containers = soup.select("div.articles__container")
    if len(containers) >= 2:
        body = containers[1]
        for bottom in body.select("div.articles__container-bottom"):
            bottom.decompose()  # the "subscribe to our Telegram channel" block
        paragraphs = _paragraphs(body)
        if paragraphs:
            return paragraphs
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.decompose()
    for tag in soup.select("div.articles__container-bottom, p.article__date, h1"):
        tag.decompose()  # not body text, wherever the layout put them
    block = _largest_text_block(soup)
    if block is None:
        return []
    warnings.append("body from the largest text block (no second div.articles__container)")
    return _paragraphs(block)


def _alternates(soup: BeautifulSoup, url: str, lang: str, release_id: int) -> dict[str, str]:
    found: dict[str, str] = {}
    links = soup.select("link[rel~=alternate][hreflang][href]") + soup.find_all("a", href=True)
    for tag in links:
        other = canonical_release_url(urljoin(url, str(tag["href"]).strip()))
        key = release_key(other)
        if key is not None and key[1] == release_id and key[0] != lang:
            found.setdefault(key[0], other)
    return dict(sorted(found.items()))


def parse_release(html: str, url: str) -> Release:
    """Parse one release page fetched from ``url`` (a release URL) into a ``Release``.

    Raises ``NotAReleaseError`` with reason ``captcha`` for a bot challenge and
    ``not_release`` for anything else without a title and a body (an error page, a listing).
    Never raises on malformed HTML: missing markup means fallbacks and warnings."""
    key = release_key(url)
    if key is None:
        raise NotAReleaseError(f"{url} is not a release URL", url, "not_release")
    lang, release_id, section = key
    soup = BeautifulSoup(html, "html.parser")
    has_markup = soup.select_one("h1.articles__title") is not None
    if is_captcha(soup) and not (has_markup and len(soup.select("div.articles__container")) >= 2):
        raise NotAReleaseError(f"{url} answered with a captcha page", url, "captcha")
    warnings: list[str] = []
    title = _title(soup, warnings)
    if not has_markup and title and _ERROR_TITLE.search(title):
        raise NotAReleaseError(f"{url} is an error page: {title[:80]!r}", url, "not_release")
    published = _published(soup, lang, warnings)
    alternates = _alternates(soup, url, lang, release_id)
    release_links = _release_link_count(soup, url, lang)
    paragraphs = _body(soup, warnings)  # (removes nav, header, footer... from soup)
    if not title or not paragraphs:
        missing = "title" if not title else "body"
        raise NotAReleaseError(f"{url} has no release {missing}", url, "not_release")
    if (not has_markup and release_links >= _LISTING_LINKS
            and sum(map(len, paragraphs)) < _LISTING_BODY_CHARS):
        raise NotAReleaseError(f"{url} is a listing page, not a release", url, "not_release")
    if warnings:
        log.warning("release %s parsed with fallbacks: %s", url, "; ".join(warnings))
    return Release(
        lang=lang,
        release_id=release_id,
        url=canonical_release_url(url),
        title=title,
        published_at=published,
        paragraphs=tuple(paragraphs),
        section=section,
        alternates=alternates,
        parse_status="fallback" if warnings else "ok",
        warnings=tuple(warnings),
    )


def listing_dates(html: str, lang: str) -> list[datetime]:
    """Publication dates shown on a listing page (empty when it shows none)."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.decompose()
    dates = []
    for text in soup.find_all(string=True):
        try:
            dates.append(parse_published(str(text), lang))
        except ValueError:
            continue
    return dates

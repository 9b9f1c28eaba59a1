"""Site knowledge: URL pattern, dates, release-page parsing and its fallbacks."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta, timezone

import pytest

from extractors.errors import NotAReleaseError
from extractors.site import (
    find_release_links,
    format_published,
    listing_dates,
    listing_url,
    parse_published,
    parse_release,
    release_key,
    to_astana,
)
from flows.localsite import render_release

UTC5 = timezone(timedelta(hours=5))
UTC6 = timezone(timedelta(hours=6))
BASE = "https://primeminister.kz"
URL = f"{BASE}/en/news/copper-plant-to-be-built-31620"


# --- dates ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("04 September 2025, 19:42", "en", datetime(2025, 9, 4, 19, 42, tzinfo=UTC5)),
        ("4 september 2025, 9:05", "en", datetime(2025, 9, 4, 9, 5, tzinfo=UTC5)),
        ("12 Sep 2023, 10:00", "en", datetime(2023, 9, 12, 10, 0, tzinfo=UTC6)),
        ("04 Сентябрь 2025, 19:42", "ru", datetime(2025, 9, 4, 19, 42, tzinfo=UTC5)),
        ("04 сентября 2025, 19:42", "ru", datetime(2025, 9, 4, 19, 42, tzinfo=UTC5)),
        ("1 МАЯ 2023", "ru", datetime(2023, 5, 1, 0, 0, tzinfo=UTC6)),
        ("15 Январь 2024, 08:00", "ru", datetime(2024, 1, 15, 8, 0, tzinfo=UTC6)),
        ("04 Қыркүйек 2025, 19:42", "kk", datetime(2025, 9, 4, 19, 42, tzinfo=UTC5)),
        ("10 қаңтар 2023, 11:30", "kk", datetime(2023, 1, 10, 11, 30, tzinfo=UTC6)),
        ("28 Ақпан 2024, 12:00", "kk", datetime(2024, 2, 28, 12, 0, tzinfo=UTC6)),
        ("02 Сәуір 2025, 16:10", "kk", datetime(2025, 4, 2, 16, 10, tzinfo=UTC5)),
        ("31 ЖЕЛТОҚСАН 2025, 23:59", "kk", datetime(2025, 12, 31, 23, 59, tzinfo=UTC5)),
        # the clock change: UTC+6 up to the end of 29 February 2024, UTC+5 from 1 March
        ("29 February 2024, 23:00", "en", datetime(2024, 2, 29, 23, 0, tzinfo=UTC6)),
        ("01 March 2024, 00:00", "en", datetime(2024, 3, 1, 0, 0, tzinfo=UTC5)),
        ("01 Наурыз 2024, 09:00", "kk", datetime(2024, 3, 1, 9, 0, tzinfo=UTC5)),
        ("Published: 16 May 2025, 16:40 | 1200 views", "en",
         datetime(2025, 5, 16, 16, 40, tzinfo=UTC5)),
    ],
)
def test_parse_published(text: str, lang: str, expected: datetime) -> None:
    parsed = parse_published(text, lang)
    assert parsed == expected
    assert parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("", "en"),
        ("no date here", "en"),
        ("04 Сентябрь 2025", "en"),  # a Russian month is not an English date
        ("31 February 2025, 10:00", "en"),
        ("2025-09-04", "ru"),
    ],
)
def test_parse_published_rejects(text: str, lang: str) -> None:
    with pytest.raises(ValueError):
        parse_published(text, lang)


def test_format_published_round_trips_in_every_language() -> None:
    moment = datetime(2023, 11, 5, 7, 3, tzinfo=UTC6)
    assert format_published(moment, "en") == "05 November 2023, 07:03"
    assert format_published(moment, "kk") == "05 Қараша 2023, 07:03"
    for lang in ("en", "ru", "kk"):
        assert parse_published(format_published(moment, lang), lang) == moment


def test_to_astana_uses_the_offset_of_the_instant() -> None:
    before = to_astana(datetime(2024, 2, 29, 17, 59, tzinfo=UTC))
    after = to_astana(datetime(2024, 2, 29, 18, 0, tzinfo=UTC))
    assert (before.hour, before.utcoffset()) == (23, timedelta(hours=6))
    assert (after.hour, after.utcoffset()) == (23, timedelta(hours=5))


# --- URLs ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (URL, ("en", 31620, None)),
        (f"{BASE}/ru/news/k-stroitelstvu-aeroportov-29599", ("ru", 29599, None)),
        (f"{BASE}/kz/news/zauyt-salynady-42009", ("kk", 42009, None)),
        (f"{BASE}/en/news/reviews/record-housing-30371", ("en", 30371, "reviews")),
        (f"{BASE}/ru/news/digital_office/tsifrovoy-ofis-31002/", ("ru", 31002, "digital_office")),
        (f"{BASE}/en/news/old-release-from-2019-209483", ("en", 209483, None)),
        ("/en/news/relative-path-31418?utm=x#top", ("en", 31418, None)),
        (f"{BASE}/en/news/page/2", None),
        (f"{BASE}/en/news", None),
        (f"{BASE}/ru/decisions/19012024-20", None),
        (f"{BASE}/assets/media/photo-31418.jpg", None),
        (f"{BASE}/de/news/some-release-31418", None),
        (f"{BASE}/en/news/short-id-1234", None),
    ],
)
def test_release_key(url: str, expected: tuple[str, int, str | None] | None) -> None:
    assert release_key(url) == expected


def test_listing_urls_in_both_pagination_styles() -> None:
    assert listing_url(BASE, "kk", 1, "path") == f"{BASE}/kz/news"
    assert listing_url(BASE, "en", 3, "path") == f"{BASE}/en/news/page/3"
    assert listing_url(BASE + "/", "ru", 2, "query") == f"{BASE}/ru/news?page=2"
    with pytest.raises(ValueError):
        listing_url(BASE, "en", 2, "cursor")


def test_find_release_links_absolute_in_order_deduplicated_same_lang_same_host() -> None:
    html = """<html><body>
      <a href="/en/news/second-31002">b</a>
      <a href="https://primeminister.kz/en/news/reviews/first-31001?utm_source=x">a</a>
      <a href="/en/news/second-31002/">b again</a>
      <a href="/ru/news/vtoroy-31002">ru version</a>
      <a href="https://kazinform.kz/en/news/copy-31003">elsewhere</a>
      <a href="/en/news/page/2">next</a>
      <a href="/en/news/old-one-582018">old</a>
      <a href="http://www.primeminister.kz/en/news/www-twin-31005">www</a>
      <a>no href</a><a href="/en/news/unclosed-31004"
    </body></html>"""
    assert find_release_links(html, BASE, "en") == [
        f"{BASE}/en/news/second-31002",
        f"{BASE}/en/news/reviews/first-31001",
        f"{BASE}/en/news/old-one-582018",
        f"{BASE}/en/news/www-twin-31005",  # moved onto the crawled host
        f"{BASE}/en/news/unclosed-31004",  # html.parser recovers the unclosed tag
    ]
    assert find_release_links(html, BASE, "ru") == [f"{BASE}/ru/news/vtoroy-31002"]
    assert find_release_links("", BASE, "en") == []


def test_listing_dates_reads_the_dates_shown() -> None:
    html = ("<div><a href='/kz/news/a-31001'>A</a><span>04 Қыркүйек 2025, 19:42</span></div>"
            "<div><a href='/kz/news/b-31000'>B</a><span>03 Қыркүйек 2025, 09:00</span></div>")
    assert listing_dates(html, "kk") == [datetime(2025, 9, 4, 19, 42, tzinfo=UTC5),
                                         datetime(2025, 9, 3, 9, 0, tzinfo=UTC5)]
    assert listing_dates("<p>no dates</p>", "kk") == []


# --- release pages -------------------------------------------------------------------------
def _release(lang: str, path: str, text: str, title: str = "Copper plant to be built") -> dict:
    return {"lang": lang, "url": BASE + path, "published": "2025-09-04T19:42:00+05:00",
            "title": title, "text": text}


def test_parse_release_of_the_site_markup() -> None:
    en = _release("en", "/en/news/reviews/copper-plant-31620",
                  "The plant costs $1.5 billion.\n\n  \n\nIt opens in <2028> & employs 1,000.")
    ru = _release("ru", "/ru/news/mednyy-zavod-31620", "Завод.")
    kk = _release("kk", "/kz/news/mys-zauyty-31620", "Зауыт.")
    other = _release("ru", "/ru/news/another-31621", "Другой.")
    html = render_release(BASE, en, [en, ru, kk, other])
    release = parse_release(html, BASE + "/en/news/reviews/copper-plant-31620")
    assert release.lang == "en"
    assert release.release_id == 31620
    assert release.section == "reviews"
    assert release.title == "Copper plant to be built"
    assert release.published_at == datetime(2025, 9, 4, 19, 42, tzinfo=UTC5)
    # the Telegram block is not part of the release; the empty paragraph is skipped
    assert release.paragraphs == ("The plant costs $1.5 billion.",
                                  "It opens in <2028> & employs 1,000.")
    assert release.alternates == {"kk": BASE + "/kz/news/mys-zauyty-31620",
                                  "ru": BASE + "/ru/news/mednyy-zavod-31620"}
    assert (release.parse_status, release.warnings) == ("ok", ())


def test_parse_release_kazakh_page_uses_iso_lang_and_kazakh_date() -> None:
    kk = _release("kk", "/kz/news/zauyt-salynady-42009", "Зауыт 2027 жылы іске қосылады.",
                  title="Жаңа зауыт")
    release = parse_release(render_release(BASE, kk, [kk]), BASE + "/kz/news/zauyt-salynady-42009")
    assert (release.lang, release.release_id) == ("kk", 42009)
    assert release.published_at == datetime(2025, 9, 4, 19, 42, tzinfo=UTC5)
    assert release.paragraphs == ("Зауыт 2027 жылы іске қосылады.",)


def test_parse_release_falls_back_and_says_so(caplog: pytest.LogCaptureFixture) -> None:
    html = """<html><head><title>Copper plant | PM</title>
      <meta property="og:title" content="Copper plant to be built">
      <meta property="article:published_time" content="2025-09-04T14:42:00Z"></head>
      <body><nav><p>Home</p><p>News</p></nav>
      <div class="new-layout"><p>Short teaser.</p></div>
      <article class="story"><p>The plant costs <b>$1.5</b> billion.</p><p>It opens in 2028.<br>
      Jobs: 1,000.</p></article><footer><p>Contacts and a long footer text here</p></footer>
      </body></html>"""
    with caplog.at_level(logging.WARNING, logger="extractors.site"):
        release = parse_release(html, URL)
    assert release.title == "Copper plant to be built"
    assert release.published_at == datetime(2025, 9, 4, 19, 42, tzinfo=UTC5)
    assert release.paragraphs == ("The plant costs $1.5 billion.", "It opens in 2028. Jobs: 1,000.")
    assert release.parse_status == "fallback"
    assert any("og:title" in w for w in release.warnings)
    assert any("largest text block" in w for w in release.warnings)
    assert URL in caplog.text


def test_parse_release_finds_a_date_in_any_text_when_the_markup_moved() -> None:
    html = ("<h1 class='articles__title'>Title</h1><div class='meta'>Published 03 Сентябрь 2025,"
            " 10:15</div><div class='articles__container'></div>"
            "<div class='articles__container'><p>Body.</p></div>")
    release = parse_release(html, BASE + "/ru/news/zagolovok-31620")
    assert release.published_at == datetime(2025, 9, 3, 10, 15, tzinfo=UTC5)
    assert release.paragraphs == ("Body.",)
    assert release.parse_status == "fallback"


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Проверка: вы не робот?</title></head><body>"
        "<form action='/check'><p>Введите символы</p></form></body></html>",
        "<html><body><div class='g-recaptcha' data-sitekey='x'></div>"
        "<p>Please complete the security check to access the site. Lorem ipsum.</p></body></html>",
        "<html><body><h1>Are you a robot?</h1><p>Confirm you are human.</p></body></html>",
    ],
)
def test_captcha_pages_are_not_releases(html: str) -> None:
    with pytest.raises(NotAReleaseError) as info:
        parse_release(html, URL)
    assert info.value.reason == "captcha"
    assert info.value.url == URL


def test_a_release_about_robots_is_not_a_captcha() -> None:
    page = _release("en", "/en/news/robots-31620",
                    "A robot factory opens. No captcha was needed to read this.",
                    title="Robot factory opens")
    release = parse_release(render_release(BASE, page, [page]), BASE + "/en/news/robots-31620")
    assert release.title == "Robot factory opens"


@pytest.mark.parametrize(
    ("html", "url"),
    [
        ("<html><head><title>404 Page not found</title></head><body><h1>Page not found</h1>"
         "<p>The page you requested does not exist.</p></body></html>", URL),
        ("<html><body><p>Internal Server Error</p></body></html>", URL),
        ("<div class='news__list'><a href='/en/news/a-31001'>A</a></div>", URL),
        ("<h1 class='articles__title'>Title</h1><p>Body</p>", f"{BASE}/en/news/page/2"),
        ("", URL),
    ],
)
def test_pages_without_release_are_not_releases(html: str, url: str) -> None:
    with pytest.raises(NotAReleaseError) as info:
        parse_release(html, url)
    assert info.value.reason == "not_release"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<html><body><h1 class='articles__title'>Broken", "not_release"),
        ("<div class='articles__container'><div class='articles__container'><p>x</div></p>",
         "not_release"),
        ("<<<>>><p>Some text<p>More text</b></i></html></html><h1>Title",
         ("Title", ("Some text", "More text"))),
        ("\x00\x01<html><p>\ufffd\ufffd</p>", "not_release"),
        ("<html><body><h1 class='articles__title'>T</h1><p class='article__date'>99 Foo 2025</p>"
         "<div class='articles__container'><p>Body text.</p></div></body>", ("T", ("Body text.",))),
    ],
)
def test_malformed_html_degrades_or_is_refused_never_crashes(
    html: str, expected: str | tuple[str, tuple[str, ...]]
) -> None:
    if expected == "not_release":
        with pytest.raises(NotAReleaseError) as info:
            parse_release(html, URL)
        assert info.value.reason == "not_release"
        return
    release = parse_release(html, URL)
    assert (release.title, release.paragraphs) == expected
    assert release.parse_status == "fallback"
    assert release.published_at is None


def test_a_long_page_with_a_recaptcha_script_is_still_a_release() -> None:
    body = "".join(f"<p>Paragraph {n} about the new plant and its 1,000 jobs.</p>"
                   for n in range(80))
    html = ("<html><head><meta property='og:title' content='Plant opens'>"
            "<script src='https://www.google.com/recaptcha/api.js'></script></head>"
            f"<body><article>{body}</article><form class='g-recaptcha'></form></body></html>")
    release = parse_release(html, URL)
    assert release.title == "Plant opens"
    assert len(release.paragraphs) == 80


def test_a_listing_page_at_a_release_url_is_not_a_release() -> None:
    items = "".join(f"<div><a href='/en/news/item-{31000 + n}'>Item {n}</a>"
                    f"<p>Teaser of item {n}, long enough to look like text.</p></div>"
                    for n in range(10))
    with pytest.raises(NotAReleaseError) as info:
        parse_release(f"<html><title>News</title><body>{items}</body></html>", URL)
    assert info.value.reason == "not_release"


def test_a_redesigned_release_with_related_news_links_is_still_a_release() -> None:
    related = "".join(f"<li><a href='/en/news/other-{31000 + n}'>Other {n}</a></li>"
                      for n in range(8))
    body = "".join(f"<p>Paragraph {n} says the plant will cost $1.5 billion.</p>"
                   for n in range(8))
    html = (f"<html><head><title>Plant opens | Prime Minister</title></head><body><main>"
            f"<section>{body}</section><aside><ul>{related}</ul></aside></main></body></html>")
    release = parse_release(html, URL)
    assert release.title == "Plant opens"
    assert release.paragraphs[0] == "Paragraph 0 says the plant will cost $1.5 billion."
    assert release.parse_status == "fallback"

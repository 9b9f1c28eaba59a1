-- Core crawl tables: runs, releases, their versions, and what could not be fetched or parsed.

CREATE TABLE runs (
    run_id        VARCHAR PRIMARY KEY,          -- uuid of one nightly/backfill/demo run
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    status        VARCHAR NOT NULL,             -- running | completed | failed
    command       VARCHAR,                      -- run | backfill | demo | reextract
    base_url      VARCHAR,
    langs         VARCHAR,                      -- comma-separated ISO codes crawled
    requests      INTEGER,                      -- HTTP requests made
    releases_new  INTEGER,                      -- releases seen for the first time
    versions_new  INTEGER,                      -- new versions stored (new + edited releases)
    failures      INTEGER,                      -- pages recorded in fetch_failures
    facts_new     INTEGER,
    changes_new   INTEGER,
    error         VARCHAR                       -- why a failed run failed
);

CREATE TABLE releases (
    lang            VARCHAR NOT NULL,           -- en | ru | kk
    release_id      BIGINT NOT NULL,            -- trailing number of the URL
    url             VARCHAR NOT NULL,
    section         VARCHAR,
    title           VARCHAR,
    published_at    TIMESTAMPTZ,                -- when the Government said it (Astana time)
    first_seen_at   TIMESTAMPTZ NOT NULL,       -- when we first fetched it
    last_fetched_at TIMESTAMPTZ NOT NULL,
    current_version INTEGER NOT NULL,
    PRIMARY KEY (lang, release_id)
);

CREATE TABLE release_versions (
    lang          VARCHAR NOT NULL,
    release_id    BIGINT NOT NULL,
    version       INTEGER NOT NULL,             -- 1, 2, ... per release and language
    content_hash  VARCHAR NOT NULL,             -- sha256 of title, time and body
    fetched_at    TIMESTAMPTZ NOT NULL,
    run_id        VARCHAR NOT NULL,
    url           VARCHAR NOT NULL,
    title         VARCHAR,
    published_at  TIMESTAMPTZ,
    section       VARCHAR,
    body_text     VARCHAR NOT NULL,             -- paragraphs joined by blank lines; facts point here
    alternates    JSON,                         -- {"ru": url, "kk": url} other-language versions
    raw_page      BLOB,                         -- the fetched HTML, zlib-compressed
    parse_status  VARCHAR NOT NULL,             -- ok | fallback
    parse_warnings VARCHAR[],
    PRIMARY KEY (lang, release_id, version)   -- a hash may come back: A -> B -> A is 3 versions
);

CREATE TABLE fetch_failures (
    run_id      VARCHAR NOT NULL,
    failed_at   TIMESTAMPTZ NOT NULL,
    url         VARCHAR NOT NULL,
    lang        VARCHAR,
    release_id  BIGINT,
    reason      VARCHAR NOT NULL,               -- not_found | captcha | not_release | too_large | offsite_redirect | robots | transient | http_error | parse_error
    status_code INTEGER,
    detail      VARCHAR,
    raw_page    BLOB                            -- zlib-compressed body when there was one
);

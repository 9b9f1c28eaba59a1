-- Facts (append-only observations), extractions, projects and their curation, changes, alert outbox.

CREATE SEQUENCE facts_seq START 1;
CREATE SEQUENCE project_curation_seq START 1;

-- One row per extractor run over one release version. The latest row (by extracted_at) says which
-- set of facts counts for that version, even when that set is empty.
CREATE TABLE extractions (
    lang              VARCHAR NOT NULL,
    release_id        BIGINT NOT NULL,
    version           INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL,
    run_id            VARCHAR NOT NULL,         -- run that stored this extraction
    extracted_at      TIMESTAMPTZ NOT NULL,
    facts             INTEGER NOT NULL,         -- facts stored by this extraction (0 is a valid answer)
    PRIMARY KEY (lang, release_id, version, extractor_version)
);

CREATE TABLE facts (
    fact_id           BIGINT PRIMARY KEY DEFAULT nextval('facts_seq'),
    lang              VARCHAR NOT NULL,
    release_id        BIGINT NOT NULL,
    version           INTEGER NOT NULL,
    metric            VARCHAR NOT NULL,         -- FACTS.md metric
    value             DOUBLE,                   -- number in base units; NULL for metric status
    value_text        VARCHAR,                  -- the status word for metric status, else NULL
    value_max         DOUBLE,
    unit              VARCHAR,
    period            VARCHAR,
    qualifier         VARCHAR NOT NULL,
    kind              VARCHAR,
    scope             VARCHAR NOT NULL,
    project           VARCHAR NOT NULL,         -- label as the text names it
    product           VARCHAR,
    region            VARCHAR,
    company           VARCHAR,
    target_year       INTEGER,
    "when"            VARCHAR,
    evidence          VARCHAR NOT NULL,
    start             INTEGER,
    "end"             INTEGER,
    sentence          VARCHAR,
    flags             VARCHAR[],
    project_id        VARCHAR,                  -- set by the resolver; the only column ever updated
    fact_hash         VARCHAR NOT NULL,         -- sha256 over the business columns
    extractor_version VARCHAR NOT NULL,
    run_id            VARCHAR NOT NULL,
    extracted_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (lang, release_id, version, extractor_version, fact_hash)
);

CREATE TABLE projects (
    project_id  VARCHAR PRIMARY KEY,
    scope       VARCHAR NOT NULL,               -- project | portfolio
    label       VARCHAR NOT NULL,
    region      VARCHAR,
    company     VARCHAR,
    product     VARCHAR,
    facility    VARCHAR,                        -- plant | power | railway | road | farm | ...
    aliases     VARCHAR[],                      -- every label the releases used
    seed_key    VARCHAR NOT NULL,               -- mention key the id was minted from
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE project_curation (
    curation_id       BIGINT PRIMARY KEY DEFAULT nextval('project_curation_seq'),
    action            VARCHAR NOT NULL,         -- merge | split
    project_id        VARCHAR NOT NULL,         -- merge: the project merged away; split: the project split
    target_project_id VARCHAR NOT NULL,         -- merge: the project kept; split: the new project
    source_key        VARCHAR NOT NULL,         -- seed mention key of project_id when curated
    target_key        VARCHAR,                  -- merge: seed mention key of the kept project
    release_ids       BIGINT[],                 -- split: move mentions from these releases
    label_pattern     VARCHAR,                  -- split: or whose label matches this regex
    new_label         VARCHAR,                  -- split: label of the new project
    note              VARCHAR,
    curated_by        VARCHAR,
    curated_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE change_events (
    change_id        VARCHAR PRIMARY KEY,       -- sha256 of the change identity (reports and values)
    project_id       VARCHAR NOT NULL,
    metric           VARCHAR NOT NULL,
    kind             VARCHAR,
    family           VARCHAR,                   -- capacity: product family / period; size: dimension
    change           VARCHAR NOT NULL,          -- revised | delayed | brought_forward | status | restated
    old_fact_id      BIGINT NOT NULL,
    new_fact_id      BIGINT NOT NULL,
    old_lang         VARCHAR NOT NULL,
    old_release_id   BIGINT NOT NULL,
    old_version      INTEGER NOT NULL,
    new_lang         VARCHAR NOT NULL,
    new_release_id   BIGINT NOT NULL,
    new_version      INTEGER NOT NULL,
    old_value        DOUBLE,
    new_value        DOUBLE,
    old_value_max    DOUBLE,
    new_value_max    DOUBLE,
    old_value_text   VARCHAR,
    new_value_text   VARCHAR,
    old_unit         VARCHAR,
    new_unit         VARCHAR,
    old_qualifier    VARCHAR,
    new_qualifier    VARCHAR,
    delta            DOUBLE,
    delta_pct        DOUBLE,
    is_edit          BOOLEAN NOT NULL,
    is_material      BOOLEAN NOT NULL,          -- passes the alert thresholds of the detecting run
    detected_at      TIMESTAMPTZ NOT NULL,
    run_id           VARCHAR,                   -- run that first detected it (NULL: curation refresh)
    retracted_at     TIMESTAMPTZ,               -- no longer holds (merge, split, re-extraction)
    retracted_run_id VARCHAR
);

CREATE TABLE alert_outbox (
    alert_id   VARCHAR PRIMARY KEY,             -- sha256 of the change identity: never queued twice
    change_id  VARCHAR NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    run_id     VARCHAR NOT NULL,
    project_id VARCHAR NOT NULL,
    payload    JSON NOT NULL,
    status     VARCHAR NOT NULL,                -- pending | sent
    attempts   INTEGER NOT NULL,
    last_error VARCHAR,
    sent_at    TIMESTAMPTZ
);

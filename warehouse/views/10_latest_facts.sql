-- latest_facts: the facts that count, i.e. those of the latest extraction of every release
-- version (re-extraction appends a new set; this view hides the superseded ones). Every other
-- view reads facts through this one.
CREATE OR REPLACE VIEW latest_facts AS
WITH latest AS (
    SELECT lang, release_id, version, extractor_version
    FROM extractions
    QUALIFY row_number() OVER (PARTITION BY lang, release_id, version
                               ORDER BY extracted_at DESC, extractor_version DESC) = 1
)
SELECT
    f.fact_id, f.lang, f.release_id, f.version, f.metric, f.value, f.value_text, f.value_max,
    f.unit, f.period, f.qualifier, f.kind, f.scope, f.project, f.product, f.region, f.company,
    f.target_year, f."when", f.evidence, f.start, f."end", f.sentence, f.flags, f.project_id,
    pf.family AS product_family,
    f.extractor_version, f.run_id, f.extracted_at,
    coalesce(rv.published_at, r.published_at) AS published_at,
    CAST(timezone('Asia/Almaty', coalesce(rv.published_at, r.published_at, rv.fetched_at)) AS DATE)
        AS report_date,
    rv.url, rv.title, rv.fetched_at,
    rv.version = r.current_version AS is_current_version
FROM facts AS f
JOIN latest AS l USING (lang, release_id, version, extractor_version)
JOIN release_versions AS rv USING (lang, release_id, version)
JOIN releases AS r USING (lang, release_id)
LEFT JOIN product_families AS pf ON pf.product = f.product;

COMMENT ON VIEW latest_facts IS 'Facts of the latest extraction of every release version, with their release dates.';
COMMENT ON COLUMN latest_facts.fact_id IS 'Surrogate id of the fact row.';
COMMENT ON COLUMN latest_facts.lang IS 'Language of the release: en, ru or kk.';
COMMENT ON COLUMN latest_facts.release_id IS 'Trailing number of the release URL.';
COMMENT ON COLUMN latest_facts.version IS 'Version of the release the fact was read from (1, 2, ... per edit).';
COMMENT ON COLUMN latest_facts.metric IS 'FACTS.md metric: investment, capacity, jobs, commissioning, count, size, status.';
COMMENT ON COLUMN latest_facts.value IS 'The figure in base units (NULL for metric status).';
COMMENT ON COLUMN latest_facts.value_text IS 'The status word for metric status (planned, under_construction, commissioned, suspended, cancelled).';
COMMENT ON COLUMN latest_facts.value_max IS 'Upper end of a range, else NULL.';
COMMENT ON COLUMN latest_facts.unit IS 'ISO 4217 currency, t, m3, MW, jobs, year, projects, ... (FACTS.md).';
COMMENT ON COLUMN latest_facts.period IS 'Rate period: year, day, hour, or NULL.';
COMMENT ON COLUMN latest_facts.qualifier IS 'eq, approx, max, min or range.';
COMMENT ON COLUMN latest_facts.kind IS 'Jobs only: permanent, temporary, construction or NULL.';
COMMENT ON COLUMN latest_facts.scope IS 'project (one facility) or portfolio (a set of projects).';
COMMENT ON COLUMN latest_facts.project IS 'Label of what the figure is about, as the text names it.';
COMMENT ON COLUMN latest_facts.product IS 'Commodity or output, English, lower case, singular.';
COMMENT ON COLUMN latest_facts.region IS 'ISO 3166-2:KZ code of the region.';
COMMENT ON COLUMN latest_facts.company IS 'Owner or builder as written, without the legal form.';
COMMENT ON COLUMN latest_facts.target_year IS 'Capacity only: year by which that output is planned.';
COMMENT ON COLUMN latest_facts."when" IS 'Commissioning only: the finest date given (2029, 2023-Q4, 2026-12).';
COMMENT ON COLUMN latest_facts.evidence IS 'Exact characters of the release that state the figure.';
COMMENT ON COLUMN latest_facts.start IS 'Character offset of evidence in the release text.';
COMMENT ON COLUMN latest_facts."end" IS 'Character offset just after evidence.';
COMMENT ON COLUMN latest_facts.sentence IS 'Sentence the figure stands in.';
COMMENT ON COLUMN latest_facts.flags IS 'Extractor warnings, e.g. two_currencies.';
COMMENT ON COLUMN latest_facts.project_id IS 'Resolved project (see projects).';
COMMENT ON COLUMN latest_facts.product_family IS 'Family of the product (copper cathode -> copper), from product_families.';
COMMENT ON COLUMN latest_facts.extractor_version IS 'Extractor version that produced the fact.';
COMMENT ON COLUMN latest_facts.run_id IS 'Run that stored the fact.';
COMMENT ON COLUMN latest_facts.extracted_at IS 'When the fact was stored.';
COMMENT ON COLUMN latest_facts.published_at IS 'When the Government published the release (Astana time).';
COMMENT ON COLUMN latest_facts.report_date IS 'Calendar date of published_at in Astana time: the report date history is ordered by.';
COMMENT ON COLUMN latest_facts.url IS 'URL of the release version.';
COMMENT ON COLUMN latest_facts.title IS 'Title of the release version.';
COMMENT ON COLUMN latest_facts.fetched_at IS 'When we fetched this release version.';
COMMENT ON COLUMN latest_facts.is_current_version IS 'True when this version is the release''s latest one.';

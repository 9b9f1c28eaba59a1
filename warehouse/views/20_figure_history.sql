-- figure_history: every reported value of every project, with its report date and release URL,
-- for a timeline. Edited releases contribute one row per version (is_current_version tells the
-- latest).
CREATE OR REPLACE VIEW figure_history AS
SELECT
    lf.project_id,
    coalesce(p.label, lf.project) AS project,
    lf.metric, lf.kind, lf.value, lf.value_text, lf.value_max, lf.unit, lf.period, lf.qualifier,
    lf.product, lf.product_family, coalesce(lf.region, p.region) AS region, coalesce(lf.company, p.company) AS company,
    lf.target_year, lf."when", lf.evidence, lf.sentence,
    lf.project AS label_in_text,
    lf.report_date, lf.published_at, lf.url, lf.title, lf.lang, lf.release_id, lf.version,
    lf.is_current_version, lf.fetched_at, lf.fact_id, lf.extractor_version
FROM latest_facts AS lf
LEFT JOIN projects AS p USING (project_id);

COMMENT ON VIEW figure_history IS 'Every reported value with its report date and release URL, for a timeline.';
COMMENT ON COLUMN figure_history.project_id IS 'Resolved project.';
COMMENT ON COLUMN figure_history.project IS 'Project label (projects.label).';
COMMENT ON COLUMN figure_history.metric IS 'FACTS.md metric.';
COMMENT ON COLUMN figure_history.kind IS 'Jobs only: permanent, temporary, construction or NULL.';
COMMENT ON COLUMN figure_history.value IS 'The figure in base units (NULL for status).';
COMMENT ON COLUMN figure_history.value_text IS 'Status word for metric status.';
COMMENT ON COLUMN figure_history.value_max IS 'Upper end of a range.';
COMMENT ON COLUMN figure_history.unit IS 'Currency or unit (FACTS.md).';
COMMENT ON COLUMN figure_history.period IS 'Rate period: year, day, hour.';
COMMENT ON COLUMN figure_history.qualifier IS 'eq, approx, max, min or range.';
COMMENT ON COLUMN figure_history.product IS 'Commodity or output of this figure.';
COMMENT ON COLUMN figure_history.product_family IS 'Family of the product (copper cathode -> copper).';
COMMENT ON COLUMN figure_history.region IS 'Region code from the fact, else from the project.';
COMMENT ON COLUMN figure_history.company IS 'Company from the fact, else from the project.';
COMMENT ON COLUMN figure_history.target_year IS 'Capacity: year by which the output is planned.';
COMMENT ON COLUMN figure_history."when" IS 'Commissioning: the finest date given.';
COMMENT ON COLUMN figure_history.evidence IS 'Exact characters that state the figure.';
COMMENT ON COLUMN figure_history.sentence IS 'Sentence the figure stands in.';
COMMENT ON COLUMN figure_history.label_in_text IS 'How this release named the project.';
COMMENT ON COLUMN figure_history.report_date IS 'Date of the report in Astana time (order of history).';
COMMENT ON COLUMN figure_history.published_at IS 'When the Government published the release.';
COMMENT ON COLUMN figure_history.url IS 'Release URL.';
COMMENT ON COLUMN figure_history.title IS 'Release title.';
COMMENT ON COLUMN figure_history.lang IS 'Release language.';
COMMENT ON COLUMN figure_history.release_id IS 'Release id.';
COMMENT ON COLUMN figure_history.version IS 'Release version.';
COMMENT ON COLUMN figure_history.is_current_version IS 'True when this is the release''s latest version.';
COMMENT ON COLUMN figure_history.fetched_at IS 'When we fetched this version (audit time).';
COMMENT ON COLUMN figure_history.fact_id IS 'Fact row.';
COMMENT ON COLUMN figure_history.extractor_version IS 'Extractor version that read it.';

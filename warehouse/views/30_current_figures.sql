-- current_figures: the latest value per project, metric, kind (and, for capacity, product family,
-- so that coal and steel capacity of one programme both show). Only the latest version of each
-- release counts; among reports published at the same time English is preferred, then the
-- figure stated first.
CREATE OR REPLACE VIEW current_figures AS
SELECT
    project_id, project, region, company, metric, kind, product, product_family, value,
    value_text, value_max,
    unit, period, qualifier, target_year, "when", evidence, sentence, url, published_at,
    report_date, lang, release_id, version, fact_id
FROM figure_history
WHERE is_current_version AND project_id IS NOT NULL
QUALIFY row_number() OVER (
    PARTITION BY project_id, metric, kind,
                 CASE WHEN metric = 'capacity' THEN coalesce(product_family, product) END
    ORDER BY published_at DESC NULLS LAST, lang = 'en' DESC, release_id DESC, fact_id) = 1;

COMMENT ON VIEW current_figures IS 'Latest reported value per project, metric, kind (capacity: and product family).';
COMMENT ON COLUMN current_figures.project_id IS 'Resolved project.';
COMMENT ON COLUMN current_figures.project IS 'Project label.';
COMMENT ON COLUMN current_figures.region IS 'Region code.';
COMMENT ON COLUMN current_figures.company IS 'Company.';
COMMENT ON COLUMN current_figures.metric IS 'FACTS.md metric.';
COMMENT ON COLUMN current_figures.kind IS 'Jobs only: permanent, temporary, construction or NULL.';
COMMENT ON COLUMN current_figures.product IS 'Commodity or output of the figure.';
COMMENT ON COLUMN current_figures.product_family IS 'Family of the product (copper cathode -> copper).';
COMMENT ON COLUMN current_figures.value IS 'Latest figure in base units.';
COMMENT ON COLUMN current_figures.value_text IS 'Latest status word (metric status).';
COMMENT ON COLUMN current_figures.value_max IS 'Upper end of a range.';
COMMENT ON COLUMN current_figures.unit IS 'Currency or unit.';
COMMENT ON COLUMN current_figures.period IS 'Rate period.';
COMMENT ON COLUMN current_figures.qualifier IS 'eq, approx, max, min or range.';
COMMENT ON COLUMN current_figures.target_year IS 'Capacity: year by which the output is planned.';
COMMENT ON COLUMN current_figures."when" IS 'Commissioning: finest date given.';
COMMENT ON COLUMN current_figures.evidence IS 'Exact characters that state the figure.';
COMMENT ON COLUMN current_figures.sentence IS 'Sentence the figure stands in.';
COMMENT ON COLUMN current_figures.url IS 'URL of the release that reported it.';
COMMENT ON COLUMN current_figures.published_at IS 'When that release was published.';
COMMENT ON COLUMN current_figures.report_date IS 'Report date in Astana time.';
COMMENT ON COLUMN current_figures.lang IS 'Language of that release.';
COMMENT ON COLUMN current_figures.release_id IS 'Release id.';
COMMENT ON COLUMN current_figures.version IS 'Release version.';
COMMENT ON COLUMN current_figures.fact_id IS 'Fact row.';

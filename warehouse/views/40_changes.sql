-- changes: one row per change a report made to a project's figure, both sentences side by side.
-- Retracted changes (no longer true after a merge, split or re-extraction) are hidden; they stay
-- in change_events for audit.
CREATE OR REPLACE VIEW changes AS
SELECT
    ce.change_id, ce.project_id, coalesce(p.label, nf.project) AS project,
    p.region, p.company, ce.metric, ce.kind, ce.family, ce.change,
    ce.old_value, ce.new_value, ce.old_value_max, ce.new_value_max,
    ce.old_value_text, ce.new_value_text, ce.old_unit, ce.new_unit,
    ce.old_qualifier, ce.new_qualifier, ce.delta, ce.delta_pct,
    coalesce(orv.published_at, orl.published_at) AS old_published,
    coalesce(nrv.published_at, nrl.published_at) AS new_published,
    orv.url AS old_url, nrv.url AS new_url,
    of.sentence AS old_sentence, nf.sentence AS new_sentence,
    of.evidence AS old_evidence, nf.evidence AS new_evidence,
    ce.old_lang, ce.old_release_id, ce.old_version, ce.new_lang, ce.new_release_id, ce.new_version,
    ce.is_edit, ce.is_material, ce.detected_at, ce.run_id
FROM change_events AS ce
JOIN facts AS of ON of.fact_id = ce.old_fact_id
JOIN facts AS nf ON nf.fact_id = ce.new_fact_id
LEFT JOIN projects AS p ON p.project_id = ce.project_id
LEFT JOIN release_versions AS orv
    ON orv.lang = ce.old_lang AND orv.release_id = ce.old_release_id AND orv.version = ce.old_version
LEFT JOIN release_versions AS nrv
    ON nrv.lang = ce.new_lang AND nrv.release_id = ce.new_release_id AND nrv.version = ce.new_version
LEFT JOIN releases AS orl ON orl.lang = ce.old_lang AND orl.release_id = ce.old_release_id
LEFT JOIN releases AS nrl ON nrl.lang = ce.new_lang AND nrl.release_id = ce.new_release_id
WHERE ce.retracted_at IS NULL;

COMMENT ON VIEW changes IS 'One row per change of a reported figure, with both sentences side by side.';
COMMENT ON COLUMN changes.change_id IS 'sha256 of the change identity (project, key, both reports, both values).';
COMMENT ON COLUMN changes.project_id IS 'Resolved project.';
COMMENT ON COLUMN changes.project IS 'Project label.';
COMMENT ON COLUMN changes.region IS 'Region code of the project.';
COMMENT ON COLUMN changes.company IS 'Company of the project.';
COMMENT ON COLUMN changes.metric IS 'FACTS.md metric.';
COMMENT ON COLUMN changes.kind IS 'Jobs only: permanent, temporary, construction or NULL.';
COMMENT ON COLUMN changes.family IS 'What was compared within the metric: capacity product family and period, size dimension.';
COMMENT ON COLUMN changes.change IS 'revised, delayed, brought_forward, status or restated.';
COMMENT ON COLUMN changes.old_value IS 'Previous figure in base units (commissioning: year).';
COMMENT ON COLUMN changes.new_value IS 'New figure in base units.';
COMMENT ON COLUMN changes.old_value_max IS 'Previous upper end of a range.';
COMMENT ON COLUMN changes.new_value_max IS 'New upper end of a range.';
COMMENT ON COLUMN changes.old_value_text IS 'Previous status word (change status).';
COMMENT ON COLUMN changes.new_value_text IS 'New status word (change status).';
COMMENT ON COLUMN changes.old_unit IS 'Previous currency or unit.';
COMMENT ON COLUMN changes.new_unit IS 'New currency or unit (differs from old_unit for restated).';
COMMENT ON COLUMN changes.old_qualifier IS 'Previous qualifier.';
COMMENT ON COLUMN changes.new_qualifier IS 'New qualifier.';
COMMENT ON COLUMN changes.delta IS 'new - old (midpoints of ranges; years for commissioning); NULL for status and restated.';
COMMENT ON COLUMN changes.delta_pct IS '100 * delta / old; NULL when old is 0 or not comparable.';
COMMENT ON COLUMN changes.old_published IS 'When the older report was published.';
COMMENT ON COLUMN changes.new_published IS 'When the newer report was published.';
COMMENT ON COLUMN changes.old_url IS 'URL of the older report.';
COMMENT ON COLUMN changes.new_url IS 'URL of the newer report.';
COMMENT ON COLUMN changes.old_sentence IS 'Sentence of the older report.';
COMMENT ON COLUMN changes.new_sentence IS 'Sentence of the newer report.';
COMMENT ON COLUMN changes.old_evidence IS 'Exact figure text of the older report.';
COMMENT ON COLUMN changes.new_evidence IS 'Exact figure text of the newer report.';
COMMENT ON COLUMN changes.old_lang IS 'Language of the older report.';
COMMENT ON COLUMN changes.old_release_id IS 'Release id of the older report.';
COMMENT ON COLUMN changes.old_version IS 'Version of the older report.';
COMMENT ON COLUMN changes.new_lang IS 'Language of the newer report.';
COMMENT ON COLUMN changes.new_release_id IS 'Release id of the newer report.';
COMMENT ON COLUMN changes.new_version IS 'Version of the newer report.';
COMMENT ON COLUMN changes.is_edit IS 'True when the newer report is an edited version (version > 1) of a release.';
COMMENT ON COLUMN changes.is_material IS 'True when the change passed the alert thresholds when detected.';
COMMENT ON COLUMN changes.detected_at IS 'When the change was first detected.';
COMMENT ON COLUMN changes.run_id IS 'Run that first detected it (NULL: after a curation refresh).';

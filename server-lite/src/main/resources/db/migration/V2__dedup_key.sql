-- PagerDuty acknowledge and resolve name their alert only by dedup key: find it without a scan.
-- Partial, so alerts without a dedup key (Prometheus, Alertmanager) cost nothing here.
CREATE INDEX alerts_dedup_key ON alerts(project, dedup_key) WHERE dedup_key IS NOT NULL;

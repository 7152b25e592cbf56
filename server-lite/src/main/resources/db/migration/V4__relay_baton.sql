-- The relay baton (issue 4, acting): snooze, last change, consistent service levels, a holder for every incident.

-- The snooze in force (all NULL / 0 when the incident is not snoozed); the timeline keeps past ones.
ALTER TABLE incidents ADD COLUMN snoozed_at INTEGER;
ALTER TABLE incidents ADD COLUMN snoozed_until INTEGER;
ALTER TABLE incidents ADD COLUMN snooze_forever INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN snooze_close_if_ok INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN snoozed_by TEXT;
ALTER TABLE incidents ADD COLUMN snooze_comment TEXT;
-- When the incident last changed (MQL: updated).
ALTER TABLE incidents ADD COLUMN updated_at INTEGER;

-- Service levels as configuration and MQL spell them (Platinum, not PLATINUM); every incident
-- gets a holder: those opened before the relay baton existed belong to the L1 queue.
UPDATE incidents SET
  updated_at = coalesce(closed_at, opened_at),
  service_level = CASE upper(service_level) WHEN 'PLATINUM' THEN 'Platinum' WHEN 'GOLD' THEN 'Gold'
    WHEN 'SILVER' THEN 'Silver' ELSE 'None' END,
  holder = coalesce(holder, '#l1'),
  holder_chain = CASE WHEN holder IS NULL OR holder_chain = '[]' THEN json_array(coalesce(holder, '#l1'))
    ELSE holder_chain END;

-- MQL source: the senders of an incident's alerts, one row per alert (the field is multi-valued).
CREATE VIEW incident_sources AS
  SELECT ia.incident_id AS incident_id, a.source AS source
  FROM incident_alerts ia JOIN alerts a ON a.id = ia.alert_id;

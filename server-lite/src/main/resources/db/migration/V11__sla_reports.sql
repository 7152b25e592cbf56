-- The SLA and noise report (GET /api/v1/reports/sla) and escalations that survive a restart (issue 5).

-- Each time an alert was resolved while still pending (it opened nothing): noise, counted per trigger.
CREATE TABLE pending_noise (
  id          INTEGER PRIMARY KEY,
  resolved_at INTEGER NOT NULL,
  alert_id    INTEGER NOT NULL,
  project     TEXT    NOT NULL,
  trigger     TEXT
);
CREATE INDEX pending_noise_resolved ON pending_noise(resolved_at);

-- The policy's own entries (escalations, triage rules) by incident, without a scan of the timeline.
CREATE INDEX timeline_policy ON timeline(incident_id, kind) WHERE kind IN ('escalated', 'triaged');

-- Where an untaken incident is on its holder team's escalation list (policy.Escalations): the team
-- (#name), the index of its next holder, when that move is due, and who held it when this was
-- written. All NULL when it is not escalating.
ALTER TABLE incidents ADD COLUMN escalation_team TEXT;
ALTER TABLE incidents ADD COLUMN escalation_next INTEGER;
ALTER TABLE incidents ADD COLUMN escalation_due_at INTEGER;
ALTER TABLE incidents ADD COLUMN escalation_holder TEXT;

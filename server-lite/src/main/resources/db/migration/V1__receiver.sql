-- The receiver's tables. Times are epoch milliseconds (UTC).

CREATE TABLE messages (
  id           INTEGER PRIMARY KEY,
  received_at  INTEGER NOT NULL,
  source       TEXT    NOT NULL,
  endpoint     TEXT    NOT NULL,
  client       TEXT,
  content_type TEXT,
  body         BLOB    NOT NULL
);
CREATE INDEX messages_received ON messages(received_at);

CREATE TABLE alerts (
  id                     INTEGER PRIMARY KEY,
  project                TEXT    NOT NULL,
  fingerprint            TEXT    NOT NULL,
  am_fingerprint         TEXT    NOT NULL,
  kind                   TEXT    NOT NULL,
  state                  TEXT,
  severity               INTEGER NOT NULL,
  trigger                TEXT,
  labels                 TEXT    NOT NULL,
  annotations            TEXT    NOT NULL,
  labels_hash            INTEGER NOT NULL,
  annotations_hash       INTEGER NOT NULL,
  grouping_key           TEXT    NOT NULL,
  source                 TEXT,
  dedup_key              TEXT,
  generator_url          TEXT,
  first_seen             INTEGER NOT NULL,
  last_seen              INTEGER NOT NULL,
  expires_at             INTEGER,
  pending_until          INTEGER,
  refresh_ms             INTEGER,
  period_start           INTEGER,
  fire_count             INTEGER NOT NULL DEFAULT 0,
  resolved_while_pending INTEGER NOT NULL DEFAULT 0,
  incident_id            INTEGER
);
CREATE UNIQUE INDEX alerts_identity ON alerts(project, fingerprint);
CREATE INDEX alerts_state ON alerts(state);
-- an incident's alerts: incident_alerts' primary key

-- One row per label of each alert, for MQL label queries (name = value, regex on value): a
-- single b-tree ordered by name and value. An alert's own labels are read from alerts.labels.
CREATE TABLE alert_labels (
  name     TEXT    NOT NULL,
  value    TEXT    NOT NULL,
  alert_id INTEGER NOT NULL,
  PRIMARY KEY (name, value, alert_id)
) WITHOUT ROWID;

-- Ended firing periods; the period in progress is alerts.period_start.
CREATE TABLE firing_periods (
  id         INTEGER PRIMARY KEY,
  alert_id   INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  ended_at   INTEGER NOT NULL,
  ended_by   TEXT    NOT NULL
);
CREATE INDEX firing_periods_alert ON firing_periods(alert_id, started_at);

CREATE TABLE events (
  id          INTEGER PRIMARY KEY,
  message_id  INTEGER NOT NULL,
  alert_id    INTEGER NOT NULL,
  kind        TEXT    NOT NULL,
  status      TEXT    NOT NULL,
  starts_at   INTEGER,
  ends_at     INTEGER
);
-- events are appended and kept for audit and replay; they are not looked up on the hot path

CREATE TABLE incidents (
  id                INTEGER PRIMARY KEY,
  project           TEXT    NOT NULL,
  grouping_key      TEXT    NOT NULL,
  trigger           TEXT,
  status            TEXT    NOT NULL,
  state             TEXT,
  severity          INTEGER NOT NULL,
  service_level     TEXT    NOT NULL,
  sla_class         TEXT    NOT NULL,
  response_due_at   INTEGER,
  opened_at         INTEGER NOT NULL,
  closed_at         INTEGER,
  previous_id       INTEGER,
  alert_count       INTEGER NOT NULL DEFAULT 0,
  version           INTEGER NOT NULL DEFAULT 0,
  -- the relay baton (filled by the console API and the on-call policy)
  holder            TEXT,
  holder_chain      TEXT    NOT NULL DEFAULT '[]',
  assignee          TEXT,
  taken_at          INTEGER,
  short_description TEXT,
  long_description  TEXT
);
CREATE UNIQUE INDEX incidents_open_key ON incidents(grouping_key) WHERE closed_at IS NULL;
CREATE INDEX incidents_key ON incidents(grouping_key, opened_at);
CREATE INDEX incidents_project_status ON incidents(project, status);
CREATE INDEX incidents_trigger ON incidents(trigger);

CREATE TABLE incident_alerts (
  incident_id INTEGER NOT NULL,
  alert_id    INTEGER NOT NULL,
  joined_at   INTEGER NOT NULL,
  PRIMARY KEY (incident_id, alert_id)
) WITHOUT ROWID;

CREATE TABLE timeline (
  id          INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL,
  at          INTEGER NOT NULL,
  actor       TEXT    NOT NULL,
  kind        TEXT    NOT NULL,
  detail      TEXT    NOT NULL
);
CREATE INDEX timeline_incident ON timeline(incident_id, at);

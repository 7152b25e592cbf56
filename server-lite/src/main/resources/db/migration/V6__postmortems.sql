-- Post-mortems (issue 8). Times are epoch milliseconds (UTC); lists are JSON arrays.

-- One report; its document fields are replaced together (PUT) and versioned for If-Match.
CREATE TABLE postmortems (
  id                  INTEGER PRIMARY KEY,
  title               TEXT    NOT NULL,
  status              TEXT    NOT NULL,
  owner               TEXT,
  failure_start       INTEGER,
  failure_end         INTEGER,
  investigation_start INTEGER,
  investigation_end   INTEGER,
  trigger_category    TEXT,
  detection           TEXT,
  damage_category     TEXT,
  damage_text         TEXT,
  damage_figures      TEXT    NOT NULL DEFAULT '[]',
  teams               TEXT    NOT NULL DEFAULT '[]',
  services            TEXT    NOT NULL DEFAULT '[]',
  alert_would_have    TEXT,
  alert_kind          TEXT,
  sections            TEXT    NOT NULL DEFAULT '[]',
  glossary            TEXT    NOT NULL DEFAULT '[]',
  created_at          INTEGER NOT NULL,
  created_by          TEXT    NOT NULL,
  updated_at          INTEGER NOT NULL,
  updated_by          TEXT    NOT NULL,
  version             INTEGER NOT NULL
);
CREATE INDEX postmortems_status ON postmortems(status, id);

-- An incident belongs to at most one post-mortem (its primary key), so analytics count it once.
CREATE TABLE postmortem_incidents (
  incident_id   INTEGER PRIMARY KEY,
  postmortem_id INTEGER NOT NULL
);
CREATE INDEX postmortem_incidents_postmortem ON postmortem_incidents(postmortem_id, incident_id);

-- The incidents' events copied in (incident_entry_id set) and notes; removed imported entries stay
-- as tombstones (removed = 1) so that a later import does not bring them back.
CREATE TABLE postmortem_timeline (
  id                INTEGER PRIMARY KEY,
  postmortem_id     INTEGER NOT NULL,
  at                INTEGER NOT NULL,
  author            TEXT    NOT NULL,
  text              TEXT    NOT NULL,
  kind              TEXT    NOT NULL,
  incident_id       INTEGER,
  incident_entry_id INTEGER,
  removed           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX postmortem_timeline_order ON postmortem_timeline(postmortem_id, at, id);
CREATE UNIQUE INDEX postmortem_timeline_imported ON postmortem_timeline(postmortem_id, incident_entry_id)
  WHERE incident_entry_id IS NOT NULL;

CREATE TABLE postmortem_actions (
  id            INTEGER PRIMARY KEY,
  postmortem_id INTEGER NOT NULL,
  title         TEXT    NOT NULL,
  link          TEXT,
  done          INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL
);
CREATE INDEX postmortem_actions_postmortem ON postmortem_actions(postmortem_id, id);

-- Copies of screenshots and chat logs (links rot), bounded in size by the configuration.
CREATE TABLE postmortem_artifacts (
  id            INTEGER PRIMARY KEY,
  postmortem_id INTEGER NOT NULL,
  name          TEXT    NOT NULL,
  content_type  TEXT    NOT NULL,
  size          INTEGER NOT NULL,
  sha256        TEXT    NOT NULL,
  added_at      INTEGER NOT NULL,
  added_by      TEXT    NOT NULL,
  data          BLOB    NOT NULL
);
CREATE INDEX postmortem_artifacts_postmortem ON postmortem_artifacts(postmortem_id, id);

-- Reports over a time range (GET /api/v1/reports/incidents?from=&to=) read incidents by opening time.
CREATE INDEX incidents_opened ON incidents(opened_at);

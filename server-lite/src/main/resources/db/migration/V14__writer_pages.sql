-- Fewer b-tree pages written per ingest commit (docs/benchmarks.md, "The writer's pages per commit").

-- The change log without AUTOINCREMENT: the writer allocates its ids and pruning always keeps the
-- newest row, so max(id) is the high-water mark, and sqlite_sequence was one more page every commit.
CREATE TABLE change_log_v14 (
  id        INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL,
  entity    TEXT    NOT NULL,
  entity_id INTEGER NOT NULL,
  version   INTEGER,
  change    TEXT    NOT NULL
);
INSERT INTO change_log_v14 (id, at, entity, entity_id, version, change)
  SELECT id, at, entity, entity_id, version, change FROM change_log;
DROP TABLE change_log;
ALTER TABLE change_log_v14 RENAME TO change_log;

-- Source bookkeeping without a write every commit: a message's alert count is stored with it, the
-- sources rows count the messages up to sources_counted.through_message, and source_totals adds
-- the messages stored since. The writer rewrites the rows (and moves the mark) at once when a
-- heartbeat or a missing source changes them, else at most every second, so the totals are exact
-- at any commit, after a crash too.
ALTER TABLE messages ADD COLUMN alerts INTEGER;
CREATE TABLE sources_counted (through_message INTEGER NOT NULL);
INSERT INTO sources_counted (through_message) SELECT coalesce(max(id), 0) FROM messages;

CREATE VIEW source_totals AS
  WITH recent AS (
    SELECT source AS name, max(received_at) AS last_message_at, sum(coalesce(alerts, 0)) AS alerts
    FROM messages WHERE id > (SELECT max(through_message) FROM sources_counted) GROUP BY source)
  SELECT s.name AS name,
    CASE WHEN r.last_message_at > coalesce(s.last_message_at, 0) THEN r.last_message_at ELSE s.last_message_at END
      AS last_message_at,
    s.last_heartbeat_at AS last_heartbeat_at,
    s.alerts_received + coalesce(r.alerts, 0) AS alerts_received,
    s.heartbeats_received AS heartbeats_received,
    s.missing_since AS missing_since,
    s.no_data_project AS no_data_project
  FROM sources s LEFT JOIN recent r ON r.name = s.name
  UNION ALL
  SELECT r.name, r.last_message_at, NULL, r.alerts, 0, NULL, NULL
  FROM recent r WHERE r.name NOT IN (SELECT name FROM sources);

-- A new alert's trigger count and period in progress are summed per transaction by the writer
-- (store.CardCounts: one write per incident and trigger, the periods in the incident's own row
-- write) instead of two statements per alert by these triggers. An alert inserted by hand with an
-- incident now has to count itself, as its label values already did.
DROP TRIGGER card_alert_created;
DROP TRIGGER card_incident_opened;

-- Monitoring of monitoring: one row per source heard of (configured, or a client and endpoint),
-- written by the writer with the messages and incidents it concerns. Times are epoch
-- milliseconds; NULL means never. missing_since: the source's heartbeat is missing since then and
-- its no-data-for alert (in project no_data_project) fires; NULL while heartbeats arrive.
CREATE TABLE sources (
  name                TEXT    PRIMARY KEY,
  last_message_at     INTEGER,
  last_heartbeat_at   INTEGER,
  alerts_received     INTEGER NOT NULL DEFAULT 0,
  heartbeats_received INTEGER NOT NULL DEFAULT 0,
  missing_since       INTEGER,
  no_data_project     TEXT
) WITHOUT ROWID;

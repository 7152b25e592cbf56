-- Smart ignore rules (maintenance windows): incidents matching the MQL are snoozed until the rule
-- ends. Ended rules are kept for the record (ended_at: when it ran out or was ended by hand).
CREATE TABLE snooze_rules (
  id         INTEGER PRIMARY KEY,
  mql        TEXT    NOT NULL,
  until      INTEGER NOT NULL,
  comment    TEXT    NOT NULL,
  author     TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  ended_at   INTEGER
);
CREATE INDEX snooze_rules_active ON snooze_rules(until) WHERE ended_at IS NULL;

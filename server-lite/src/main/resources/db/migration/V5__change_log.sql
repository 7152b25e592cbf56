-- The change log behind GET /api/v1/stream (issue 4): one row per incident or alert a commit
-- changed, written in that same commit, so a crash never loses or invents an event. Ids are
-- allocated by the writer; AUTOINCREMENT keeps the high-water mark in sqlite_sequence, so ids
-- of pruned rows are never handed out again and a client's Last-Event-ID always means one change.
CREATE TABLE change_log (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  at        INTEGER NOT NULL,
  entity    TEXT    NOT NULL,
  entity_id INTEGER NOT NULL,
  version   INTEGER,
  change    TEXT    NOT NULL
);

-- What an incident's card shows of its alerts (issue 4, live stream latency): kept up to date in
-- the writer's own transaction (the triggers below; label values by store.CardLabelCounts), so
-- a card (query.IncidentQueries: lists, details and every stream event) reads a few rows whatever
-- the incident's size instead of aggregating all its alerts. An alert counts for the incident it belongs to (alerts.incident_id): it adds
-- its trigger and labels when it joins and keeps them there when it later moves on to a new
-- incident (the closed one keeps what it had); its period in progress counts where it is now;
-- an ended period counts for the incident the alert was in when the period ended.

-- How many of the incident's alerts carry each label value (rows at 0 are deleted).
CREATE TABLE incident_card_labels (
  incident_id INTEGER NOT NULL,
  name        TEXT    NOT NULL,
  value       TEXT    NOT NULL,
  alerts      INTEGER NOT NULL,
  PRIMARY KEY (incident_id, name, value)
) WITHOUT ROWID;

-- How many of the incident's alerts have each trigger (alertname).
CREATE TABLE incident_card_triggers (
  incident_id INTEGER NOT NULL,
  trigger     TEXT    NOT NULL,
  alerts      INTEGER NOT NULL,
  PRIMARY KEY (incident_id, trigger)
) WITHOUT ROWID;

-- Firing periods: alerts with one in progress, and the ended ones (count, earliest and latest
-- start with their end). The starts in progress are read from alerts_incident_period.
ALTER TABLE incidents ADD COLUMN periods_in_progress INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN periods_ended INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN first_ended_start INTEGER;
ALTER TABLE incidents ADD COLUMN first_ended_end INTEGER;
ALTER TABLE incidents ADD COLUMN last_ended_start INTEGER;
ALTER TABLE incidents ADD COLUMN last_ended_end INTEGER;
CREATE INDEX alerts_incident_period ON alerts(incident_id, period_start) WHERE period_start IS NOT NULL;

-- Existing incidents: aggregated once from their alerts as cards were built before.
INSERT INTO incident_card_labels (incident_id, name, value, alerts)
  SELECT ia.incident_id, l.name, l.value, count(*) FROM incident_alerts ia JOIN alert_labels l ON l.alert_id = ia.alert_id
  GROUP BY ia.incident_id, l.name, l.value;
INSERT INTO incident_card_triggers (incident_id, trigger, alerts)
  SELECT ia.incident_id, a.trigger, count(*) FROM incident_alerts ia JOIN alerts a ON a.id = ia.alert_id
  WHERE a.trigger IS NOT NULL GROUP BY ia.incident_id, a.trigger;
UPDATE incidents SET periods_in_progress = (SELECT count(*) FROM alerts a
  WHERE a.incident_id = incidents.id AND a.period_start IS NOT NULL);
UPDATE incidents SET
  periods_ended = (SELECT count(*) FROM incident_alerts ia JOIN firing_periods fp ON fp.alert_id = ia.alert_id
    WHERE ia.incident_id = incidents.id AND fp.ended_at >= incidents.opened_at),
  first_ended_start = (SELECT fp.started_at FROM incident_alerts ia JOIN firing_periods fp ON fp.alert_id = ia.alert_id
    WHERE ia.incident_id = incidents.id AND fp.ended_at >= incidents.opened_at ORDER BY fp.started_at, fp.id LIMIT 1),
  first_ended_end = (SELECT fp.ended_at FROM incident_alerts ia JOIN firing_periods fp ON fp.alert_id = ia.alert_id
    WHERE ia.incident_id = incidents.id AND fp.ended_at >= incidents.opened_at ORDER BY fp.started_at, fp.id LIMIT 1),
  last_ended_start = (SELECT fp.started_at FROM incident_alerts ia JOIN firing_periods fp ON fp.alert_id = ia.alert_id
    WHERE ia.incident_id = incidents.id AND fp.ended_at >= incidents.opened_at
    ORDER BY fp.started_at DESC, fp.id DESC LIMIT 1),
  last_ended_end = (SELECT fp.ended_at FROM incident_alerts ia JOIN firing_periods fp ON fp.alert_id = ia.alert_id
    WHERE ia.incident_id = incidents.id AND fp.ended_at >= incidents.opened_at
    ORDER BY fp.started_at DESC, fp.id DESC LIMIT 1);

-- A new alert that already has its incident (the writer counts its labels: store.CardLabelCounts,
-- as it counts label changes). The incident's row may come later in the same transaction:
-- card_incident_opened counts it then.
CREATE TRIGGER card_alert_created AFTER INSERT ON alerts WHEN NEW.incident_id IS NOT NULL
BEGIN
  INSERT INTO incident_card_triggers (incident_id, trigger, alerts)
    SELECT NEW.incident_id, NEW.trigger, 1 WHERE NEW.trigger IS NOT NULL
    ON CONFLICT (incident_id, trigger) DO UPDATE SET alerts = alerts + 1;
  UPDATE incidents SET periods_in_progress = periods_in_progress + 1
    WHERE id = NEW.incident_id AND NEW.period_start IS NOT NULL;
END;

CREATE TRIGGER card_incident_opened AFTER INSERT ON incidents
BEGIN
  UPDATE incidents SET periods_in_progress = (SELECT count(*) FROM alerts
    WHERE incident_id = NEW.id AND period_start IS NOT NULL) WHERE id = NEW.id;
END;

-- An alert joins an incident (after none, or after a closed one, which keeps its trigger and labels).
CREATE TRIGGER card_alert_joined AFTER UPDATE OF incident_id ON alerts WHEN OLD.incident_id IS NOT NEW.incident_id
BEGIN
  UPDATE incidents SET periods_in_progress = periods_in_progress - 1
    WHERE id = OLD.incident_id AND OLD.period_start IS NOT NULL;
  UPDATE incidents SET periods_in_progress = periods_in_progress + 1
    WHERE id = NEW.incident_id AND NEW.period_start IS NOT NULL;
  INSERT INTO incident_card_triggers (incident_id, trigger, alerts)
    SELECT NEW.incident_id, NEW.trigger, 1 WHERE NEW.incident_id IS NOT NULL AND NEW.trigger IS NOT NULL
    ON CONFLICT (incident_id, trigger) DO UPDATE SET alerts = alerts + 1;
  INSERT INTO incident_card_labels (incident_id, name, value, alerts)
    SELECT NEW.incident_id, l.name, l.value, 1 FROM alert_labels l WHERE l.alert_id = NEW.id AND NEW.incident_id IS NOT NULL
    ON CONFLICT (incident_id, name, value) DO UPDATE SET alerts = alerts + 1;
END;

-- An alert of an incident gets another trigger (its alertname label changed).
CREATE TRIGGER card_alert_retriggered AFTER UPDATE OF trigger ON alerts
  WHEN OLD.incident_id IS NEW.incident_id AND NEW.incident_id IS NOT NULL AND OLD.trigger IS NOT NEW.trigger
BEGIN
  UPDATE incident_card_triggers SET alerts = alerts - 1 WHERE incident_id = NEW.incident_id AND trigger = OLD.trigger;
  DELETE FROM incident_card_triggers WHERE incident_id = NEW.incident_id AND trigger = OLD.trigger AND alerts <= 0;
  INSERT INTO incident_card_triggers (incident_id, trigger, alerts)
    SELECT NEW.incident_id, NEW.trigger, 1 WHERE NEW.trigger IS NOT NULL
    ON CONFLICT (incident_id, trigger) DO UPDATE SET alerts = alerts + 1;
END;

-- An alert of an incident starts or ends its period in progress.
CREATE TRIGGER card_alert_period AFTER UPDATE OF period_start ON alerts
  WHEN OLD.incident_id IS NEW.incident_id AND NEW.incident_id IS NOT NULL
    AND (OLD.period_start IS NULL) <> (NEW.period_start IS NULL)
BEGIN
  UPDATE incidents SET periods_in_progress = periods_in_progress + (CASE WHEN NEW.period_start IS NULL THEN -1 ELSE 1 END)
    WHERE id = NEW.incident_id;
END;

-- An ended period, for the incident its alert is in, unless it ended before that incident opened.
CREATE TRIGGER card_period_ended AFTER INSERT ON firing_periods
BEGIN
  UPDATE incidents SET
    periods_ended = periods_ended + 1,
    first_ended_start = CASE WHEN first_ended_start IS NULL OR NEW.started_at < first_ended_start
      THEN NEW.started_at ELSE first_ended_start END,
    first_ended_end = CASE WHEN first_ended_start IS NULL OR NEW.started_at < first_ended_start
      THEN NEW.ended_at ELSE first_ended_end END,
    last_ended_start = CASE WHEN last_ended_start IS NULL OR NEW.started_at >= last_ended_start
      THEN NEW.started_at ELSE last_ended_start END,
    last_ended_end = CASE WHEN last_ended_start IS NULL OR NEW.started_at >= last_ended_start
      THEN NEW.ended_at ELSE last_ended_end END
  WHERE id = (SELECT incident_id FROM alerts WHERE id = NEW.alert_id) AND opened_at <= NEW.ended_at;
END;

-- Console API reads (issue 4).

-- MQL label matches (~name = value) ask, for each alert of an incident, whether it carries the
-- label: a lookup by alert. The primary key is ordered by name and value, for completion.
CREATE INDEX alert_labels_alert ON alert_labels(alert_id, name, value);

-- Lists of active incidents read the few open ones, not the whole history.
CREATE INDEX incidents_open ON incidents(response_due_at) WHERE closed_at IS NULL;

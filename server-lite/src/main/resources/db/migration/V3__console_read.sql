-- Console API reads (issue 4).

-- MQL label matches (~name = value) ask, for each alert of an incident, whether it carries the
-- label: a lookup by alert. The primary key is ordered by name and value, for completion.
CREATE INDEX alert_labels_alert ON alert_labels(alert_id, name, value);

-- Lists of active incidents in urgency order (query.IncidentOrder.URGENCY, the same expression):
-- only the open incidents, already sorted, so a page stops after its rows instead of sorting all.
CREATE INDEX incidents_open_urgency ON incidents(
  (CASE WHEN status = 'open' AND response_due_at IS NOT NULL THEN response_due_at ELSE 9223372036854775807 END),
  severity, id) WHERE closed_at IS NULL;

-- "Similar" on a card (query.IncidentQueries.similar): the latest incidents of a trigger, in all
-- projects and in the card's project, newest first. With these two indexes a page stops after its
-- rows instead of sorting every incident of the trigger, and the per-project count reads only that
-- project's incidents. (trigger, opened_at) also serves every lookup incidents_trigger served.
CREATE INDEX incidents_trigger_opened ON incidents(trigger, opened_at);
CREATE INDEX incidents_trigger_project_opened ON incidents(trigger, project, opened_at);
DROP INDEX incidents_trigger;

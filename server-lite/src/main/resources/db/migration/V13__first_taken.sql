-- When an incident was first taken: the SLA report counts the first take, which a later handover
-- (clearing incidents.taken_at) must not undo. Few rows, one per take.
CREATE INDEX timeline_taken ON timeline(incident_id, at) WHERE kind = 'taken';

-- Not every operator notification is one of the specification's error codes: an overdue HITL review,
-- for instance, is an escalation. Incidents get a kind; the code stays for those that have one.
ALTER TABLE incidents ALTER COLUMN code DROP NOT NULL;
ALTER TABLE incidents ADD COLUMN kind VARCHAR(30) NOT NULL DEFAULT 'error'
    CHECK (kind IN ('error', 'review_overdue', 'budget', 'funds', 'injection', 'safety'));
CREATE UNIQUE INDEX uq_incidents_overdue_review ON incidents(task_id) WHERE kind = 'review_overdue';

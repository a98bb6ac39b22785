-- When the priority lists are full the dispatcher claims only high-priority tasks: their own partial index, so
-- that claim never walks a backlog of the others.
CREATE INDEX idx_tasks_due_high ON tasks(scheduled_at) WHERE status = 'pending' AND priority = 'high';

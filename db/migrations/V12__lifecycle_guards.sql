-- Two more kinds of incident, each raised at most once per task:
--   payment_withdrawn  an invalidated payment (E1004) that is not planned again because the campaign's
--                      current goals no longer ask for it;
--   task_stuck         a task the sweeper found in progress or in review past its deadline plus grace.
ALTER TABLE incidents DROP CONSTRAINT incidents_kind_check;
ALTER TABLE incidents ADD CONSTRAINT incidents_kind_check
    CHECK (kind IN ('error', 'review_overdue', 'budget', 'funds', 'injection', 'safety', 'payment_withdrawn', 'task_stuck'));
CREATE UNIQUE INDEX uq_incidents_once_per_task ON incidents(task_id, kind) WHERE kind IN ('payment_withdrawn', 'task_stuck');
-- The sweeper looks for open tasks by deadline.
CREATE INDEX idx_tasks_open_deadline ON tasks(deadline) WHERE status IN ('in_progress', 'review');

-- post_content records that it is calling the platform before it does ('publishing', with the time of the
-- attempt): a retry after a timeout or a crash then looks the post up on the platform before posting again.
ALTER TABLE post_claims DROP CONSTRAINT post_claims_status_check;
ALTER TABLE post_claims ADD CONSTRAINT post_claims_status_check
    CHECK (status IN ('reserved', 'publishing', 'published', 'failed'));
ALTER TABLE post_claims ADD COLUMN attempted_at TIMESTAMP WITH TIME ZONE;
-- A two-step platform's container (Threads), recorded before it is published: a retry publishes it
-- instead of creating another.
ALTER TABLE post_claims ADD COLUMN platform_request VARCHAR(100);

-- Once-only planning of work that has neither a schedule slot nor a mention behind it (e.g. a payment
-- the goals ask for): the planner derives a stable key from what is planned.
ALTER TABLE tasks ADD COLUMN plan_key VARCHAR(200);
CREATE UNIQUE INDEX uq_tasks_campaign_plan_key ON tasks(campaign_id, plan_key) WHERE plan_key IS NOT NULL;
-- The dispatcher claims due work in scheduled order; replacements of invalidated tasks are looked up by origin.
CREATE INDEX idx_tasks_replan_of ON tasks(replan_of) WHERE replan_of IS NOT NULL;

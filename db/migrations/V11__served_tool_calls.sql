-- Every tool call mcp-tools served for a task, written by mcp-tools itself: the judge checks a result's
-- claimed tool_calls against this record, never against the worker's own message alone.
CREATE TABLE served_tool_calls (
    id BIGSERIAL PRIMARY KEY,
    task_id UUID NOT NULL,
    tool VARCHAR(40) NOT NULL,
    caller VARCHAR(40) NOT NULL,
    arguments_sha256 CHAR(64) NOT NULL,
    outcome VARCHAR(40) NOT NULL, -- 'ok' or the tool error's reason
    result_ref TEXT,              -- what it produced: a media URL, a post id, a transaction hash
    duration_ms INT NOT NULL,
    served_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW()
);

CREATE INDEX idx_served_tool_calls_task ON served_tool_calls(task_id);

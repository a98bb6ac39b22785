-- Chimera core schema: SPEC §2.1 plus what it implies (ARCHITECTURE §2, §4):
-- tenants and users, campaigns.state_version and goals_revision for OCC, tenant ownership on every
-- row the API reaches, the publication outbox, task trace events, incidents and the spend ledger.

CREATE TABLE tenants (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name VARCHAR(255) NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW()
);

CREATE TABLE users (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    email VARCHAR(320) NOT NULL UNIQUE,
    display_name VARCHAR(255),
    password_hash TEXT,
    role VARCHAR(20) NOT NULL CHECK (role IN ('admin', 'operator', 'reviewer')),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    disabled_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX idx_users_tenant ON users(tenant_id);

CREATE TABLE agents (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    name VARCHAR(255) NOT NULL,
    persona_file_path TEXT NOT NULL, -- Logical path of the SOUL.md: soul://{agent_id}/SOUL.md
    persona_source TEXT NOT NULL, -- The SOUL.md itself
    persona JSONB NOT NULL, -- The parsed persona
    wallet_address VARCHAR(64) CHECK (wallet_address IS NULL OR wallet_address ~ '^0x[a-fA-F0-9]{40}$'),
    social_accounts JSONB NOT NULL DEFAULT '{}'::jsonb,
    budget_daily_usd DECIMAL(10, 2) CHECK (budget_daily_usd IS NULL OR budget_daily_usd >= 0),
    budget_total_usd DECIMAL(12, 2) CHECK (budget_total_usd IS NULL OR budget_total_usd >= 0),
    financial_paused BOOLEAN NOT NULL DEFAULT FALSE, -- E1005: financial tasks paused until funds arrive
    status VARCHAR(20) NOT NULL CHECK (status IN ('active', 'paused', 'error', 'deleted')),
    status_reason TEXT,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    metadata JSONB DEFAULT '{}'::jsonb,
    UNIQUE (tenant_id, name)
);

CREATE INDEX idx_agents_tenant ON agents(tenant_id);
CREATE INDEX idx_agents_status ON agents(status);

CREATE TABLE campaigns (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    agent_id UUID NOT NULL REFERENCES agents(id),
    name VARCHAR(255) NOT NULL,
    description TEXT,
    goals JSONB NOT NULL, -- Natural language goals + parsed tasks
    budget_daily_usd DECIMAL(10, 2) CHECK (budget_daily_usd IS NULL OR budget_daily_usd >= 0),
    budget_total_usd DECIMAL(10, 2) CHECK (budget_total_usd IS NULL OR budget_total_usd >= 0),
    status VARCHAR(20) NOT NULL CHECK (status IN ('active', 'paused', 'completed', 'cancelled')),
    status_reason TEXT,
    started_at TIMESTAMP WITH TIME ZONE,
    ended_at TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    -- OCC (SPEC §4.3): every commit bumps state_version; goals_revision changes only when goals change,
    -- so the judge can tell another task's commit from a change that invalidates a result.
    state_version BIGINT NOT NULL DEFAULT 0,
    goals_revision INT NOT NULL DEFAULT 1,
    duration_days INT NOT NULL CHECK (duration_days BETWEEN 1 AND 365),
    posts_per_day INT NOT NULL CHECK (posts_per_day BETWEEN 1 AND 48),
    estimated_posts INT NOT NULL CHECK (estimated_posts >= 0),
    -- Planning cursor: slots below next_slot are planned; the planner claims campaigns whose next_plan_at is due.
    next_slot INT NOT NULL DEFAULT 0,
    next_plan_at TIMESTAMP WITH TIME ZONE,
    spent_usd DECIMAL(12, 6) NOT NULL DEFAULT 0 CHECK (spent_usd >= 0)
);

CREATE INDEX idx_campaigns_agent ON campaigns(agent_id);
CREATE INDEX idx_campaigns_status ON campaigns(status);
CREATE INDEX idx_campaigns_tenant ON campaigns(tenant_id);
CREATE INDEX idx_campaigns_plan_due ON campaigns(next_plan_at) WHERE status = 'active';

CREATE TABLE tasks (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    campaign_id UUID NOT NULL REFERENCES campaigns(id),
    agent_id UUID NOT NULL REFERENCES agents(id),
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    task_type VARCHAR(50) NOT NULL CHECK (task_type IN ('content_generation', 'reply_comment', 'execute_transaction')),
    priority VARCHAR(10) NOT NULL CHECK (priority IN ('high', 'medium', 'low')),
    status VARCHAR(20) NOT NULL CHECK (status IN ('pending', 'in_progress', 'review', 'complete', 'failed')),
    context JSONB NOT NULL, -- Goal, persona constraints, required resources
    result JSONB, -- Worker output
    confidence_score DECIMAL(3, 2) CHECK (confidence_score IS NULL OR (confidence_score >= 0 AND confidence_score <= 1)),
    assigned_worker_id VARCHAR(100),
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    completed_at TIMESTAMP WITH TIME ZONE,
    retries INT DEFAULT 0,
    error_message TEXT,
    -- What the task was planned against (OCC) and where it came from (once-only planning).
    state_version BIGINT NOT NULL,
    goals_revision INT NOT NULL,
    slot INT, -- position in the campaign's schedule, for campaign-planned tasks
    source_mention_id VARCHAR(100), -- the mention a reply answers
    replan_of UUID UNIQUE REFERENCES tasks(id), -- the invalidated task this one replaces
    scheduled_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline TIMESTAMP WITH TIME ZONE,
    queued_at TIMESTAMP WITH TIME ZONE,
    picked_at TIMESTAMP WITH TIME ZONE,
    judged_at TIMESTAMP WITH TIME ZONE,
    error_code VARCHAR(5) CHECK (error_code IS NULL OR error_code IN ('E1001', 'E1002', 'E1003', 'E1004', 'E1005', 'E1006', 'E2001', 'E2002')),
    approved_by VARCHAR(10) CHECK (approved_by IS NULL OR approved_by IN ('judge', 'human')),
    approved_at TIMESTAMP WITH TIME ZONE,
    published_ref TEXT, -- the platform's post id or the chain's transaction hash
    UNIQUE (campaign_id, slot),
    UNIQUE (agent_id, source_mention_id)
);

CREATE INDEX idx_tasks_campaign ON tasks(campaign_id);
CREATE INDEX idx_tasks_status ON tasks(status);
CREATE INDEX idx_tasks_created ON tasks(created_at DESC);
CREATE INDEX idx_tasks_tenant ON tasks(tenant_id);
CREATE INDEX idx_tasks_agent_created ON tasks(agent_id, created_at DESC);
CREATE INDEX idx_tasks_due ON tasks(scheduled_at) WHERE status = 'pending';
CREATE INDEX idx_tasks_invalidated ON tasks(campaign_id) WHERE error_code = 'E1004';

CREATE TABLE hitl_reviews (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    task_id UUID NOT NULL UNIQUE REFERENCES tasks(id),
    content JSONB NOT NULL, -- The content awaiting review
    confidence_score DECIMAL(3, 2) NOT NULL CHECK (confidence_score >= 0 AND confidence_score <= 1),
    reasoning_trace TEXT, -- Why escalated
    reviewer_id UUID REFERENCES users(id),
    decision VARCHAR(20) CHECK (decision IN ('approved', 'rejected', 'edited')),
    edited_content JSONB,
    reviewed_at TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    agent_id UUID NOT NULL REFERENCES agents(id),
    reason_code VARCHAR(5), -- E1006 when escalated for content safety, etc.
    reviewed_by TEXT, -- who decided: a user's email or an API key's name
    review_deadline TIMESTAMP WITH TIME ZONE NOT NULL,
    escalated_at TIMESTAMP WITH TIME ZONE,
    CHECK ((decision IS NULL) = (reviewed_at IS NULL)),
    CHECK (decision <> 'edited' OR edited_content IS NOT NULL)
);

CREATE INDEX idx_hitl_pending ON hitl_reviews(created_at) WHERE decision IS NULL;
CREATE INDEX idx_hitl_tenant_pending ON hitl_reviews(tenant_id, created_at) WHERE decision IS NULL;

CREATE TABLE transactions (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id UUID NOT NULL REFERENCES agents(id),
    transaction_hash VARCHAR(128) UNIQUE NOT NULL, -- Blockchain tx hash
    from_address VARCHAR(64) NOT NULL,
    to_address VARCHAR(64) NOT NULL,
    amount_usdc DECIMAL(20, 6) NOT NULL CHECK (amount_usdc > 0),
    network VARCHAR(20) NOT NULL, -- 'base', 'ethereum', 'solana'
    status VARCHAR(20) NOT NULL CHECK (status IN ('pending', 'confirmed', 'failed')),
    purpose TEXT, -- e.g., 'paid graphic designer', 'received sponsorship'
    created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    confirmed_at TIMESTAMP WITH TIME ZONE,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    task_id UUID UNIQUE REFERENCES tasks(id), -- idempotency: one payment per task
    block_number BIGINT,
    error_message TEXT
);

CREATE INDEX idx_transactions_agent ON transactions(agent_id);
CREATE INDEX idx_transactions_hash ON transactions(transaction_hash);
CREATE INDEX idx_transactions_pending ON transactions(created_at) WHERE status = 'pending';

-- Outbox: an approved action, written in the same transaction as the approval; the publisher drains it
-- and performs the action exactly once per task (idempotency key = task id).
CREATE TABLE publications (
    task_id UUID PRIMARY KEY REFERENCES tasks(id),
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    agent_id UUID NOT NULL REFERENCES agents(id),
    action VARCHAR(10) NOT NULL CHECK (action IN ('post', 'pay')),
    payload JSONB NOT NULL,
    status VARCHAR(10) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
    attempts INT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    last_error TEXT,
    external_ref TEXT,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    done_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX idx_publications_due ON publications(next_attempt_at) WHERE status = 'pending';

-- A task's history across services: planned, queued, picked, tool calls, judged, reviewed, published.
CREATE TABLE task_events (
    id BIGSERIAL PRIMARY KEY,
    task_id UUID NOT NULL REFERENCES tasks(id),
    at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    event VARCHAR(30) NOT NULL,
    actor VARCHAR(100),
    detail JSONB
);

CREATE INDEX idx_task_events_task ON task_events(task_id, id);

-- What operators must see: injection attempts (E1003), budget pauses (E1001), funds (E1005), escalations.
CREATE TABLE incidents (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    agent_id UUID REFERENCES agents(id),
    campaign_id UUID REFERENCES campaigns(id),
    task_id UUID REFERENCES tasks(id),
    code VARCHAR(5) NOT NULL CHECK (code IN ('E1001', 'E1002', 'E1003', 'E1004', 'E1005', 'E1006', 'E2001', 'E2002')),
    message TEXT NOT NULL,
    detail JSONB,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    acknowledged_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX idx_incidents_tenant ON incidents(tenant_id, created_at DESC);

-- Every cost (model calls, payments) per agent and day; the Redis spend tracker is reconciled from it.
CREATE TABLE spend_ledger (
    id BIGSERIAL PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    agent_id UUID NOT NULL REFERENCES agents(id),
    campaign_id UUID REFERENCES campaigns(id),
    task_id UUID REFERENCES tasks(id),
    kind VARCHAR(10) NOT NULL CHECK (kind IN ('model', 'payment', 'tool')),
    amount_usd DECIMAL(14, 6) NOT NULL CHECK (amount_usd >= 0),
    day DATE NOT NULL,
    at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    detail JSONB,
    ref VARCHAR(200) NOT NULL UNIQUE -- idempotency: e.g. model:{task_id}:worker, pay:{task_id}
);

CREATE INDEX idx_spend_agent_day ON spend_ledger(agent_id, day);

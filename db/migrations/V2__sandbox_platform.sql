-- mcp-tools: the sandbox social platform (the default adapter of post_content and the mentions
-- resources) and the post claims that make post_content idempotent and paced on every platform.
--
-- Who writes and reads what:
--   post_claims       written by mcp-tools only (one row per post_content task); read by anyone.
--   sandbox_posts     written by mcp-tools (posts, and simulated engagement every tick); the
--                     orchestrator reads it for timelines and metrics.
--   sandbox_accounts  written by mcp-tools (created on first post or mention, followers every tick);
--                     the orchestrator reads followers for metrics.
--   sandbox_mentions  written by mcp-tools (seeded feed, when enabled) AND by the orchestrator
--                     (injected mentions: insert with source = 'injected', a unique external_id and
--                     created_at from the shared scaled clock); read by the mentions resources.
-- All times come from the services' shared (possibly scaled) clock, never from NOW(): the columns
-- have no defaults on purpose.

-- One row per post_content call that got past validation, keyed by the caller's task id. It reserves a
-- pacing slot for the account, remembers the post the platform returned (so a repeated call answers
-- with the same post) and the text hash (so an account never posts the same text twice).
CREATE TABLE post_claims (
    idempotency_key VARCHAR(100) PRIMARY KEY, -- the task id from _meta chimera/task_id
    agent_id UUID NOT NULL REFERENCES agents(id),
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    platform VARCHAR(20) NOT NULL CHECK (platform IN ('twitter', 'instagram', 'threads')),
    account VARCHAR(100) NOT NULL, -- the username on the platform, without '@'
    adapter VARCHAR(20) NOT NULL CHECK (adapter IN ('sandbox', 'live')),
    text_sha256 CHAR(64) NOT NULL, -- of the trimmed text_content, before the disclosure label
    posted_text TEXT NOT NULL, -- text_content with the disclosure label, as the platform gets it
    media_urls JSONB NOT NULL DEFAULT '[]'::jsonb,
    disclosure VARCHAR(10) NOT NULL CHECK (disclosure IN ('automated', 'assisted', 'none')),
    in_reply_to VARCHAR(100),
    status VARCHAR(10) NOT NULL CHECK (status IN ('reserved', 'published', 'failed')),
    slot_at TIMESTAMP WITH TIME ZONE NOT NULL, -- earliest time the pacing governor lets it go out
    post_id VARCHAR(100), -- the platform's id once published
    error TEXT,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE,
    CHECK ((status = 'published') = (post_id IS NOT NULL))
);

CREATE INDEX idx_post_claims_account_slot ON post_claims(platform, account, slot_at) WHERE status <> 'failed';
-- An account never posts the same text twice (failed attempts do not count).
CREATE UNIQUE INDEX uq_post_claims_account_text ON post_claims(platform, account, text_sha256) WHERE status <> 'failed';

-- Accounts on the sandbox platform. followers = base_followers + followers gained from simulated
-- engagement (see sandbox_posts); recomputed by mcp-tools every engagement tick.
CREATE TABLE sandbox_accounts (
    platform VARCHAR(20) NOT NULL CHECK (platform IN ('twitter', 'instagram', 'threads')),
    account VARCHAR(100) NOT NULL, -- username without '@'
    agent_id UUID NOT NULL REFERENCES agents(id),
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    base_followers BIGINT NOT NULL CHECK (base_followers >= 0), -- deterministic from the account name
    followers BIGINT NOT NULL CHECK (followers >= 0),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (platform, account)
);

CREATE INDEX idx_sandbox_accounts_agent ON sandbox_accounts(agent_id);

-- Posts published on the sandbox platform. Engagement columns are simulated deterministically from
-- the post id, the text length and the hours since posting (mcp-tools README, "Engagement model") and
-- only ever grow; engagement_updated_at says when they were last computed.
CREATE TABLE sandbox_posts (
    id UUID PRIMARY KEY, -- the post id post_content returns (name-based from the idempotency key)
    agent_id UUID NOT NULL REFERENCES agents(id),
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    platform VARCHAR(20) NOT NULL CHECK (platform IN ('twitter', 'instagram', 'threads')),
    account VARCHAR(100) NOT NULL,
    text TEXT NOT NULL, -- as published, disclosure label included
    media_urls JSONB NOT NULL DEFAULT '[]'::jsonb,
    disclosure VARCHAR(10) NOT NULL CHECK (disclosure IN ('automated', 'assisted', 'none')),
    ai_generated BOOLEAN NOT NULL, -- the platform-side AI flag (true unless disclosure is none)
    idempotency_key VARCHAR(100) NOT NULL UNIQUE, -- the task id
    in_reply_to VARCHAR(100), -- the mention (sandbox_mentions.external_id) this post answers
    posted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    likes BIGINT NOT NULL DEFAULT 0,
    reposts BIGINT NOT NULL DEFAULT 0,
    replies BIGINT NOT NULL DEFAULT 0,
    impressions BIGINT NOT NULL DEFAULT 0,
    engagement_updated_at TIMESTAMP WITH TIME ZONE,
    FOREIGN KEY (platform, account) REFERENCES sandbox_accounts(platform, account)
);

CREATE INDEX idx_sandbox_posts_agent_time ON sandbox_posts(agent_id, posted_at DESC);
CREATE INDEX idx_sandbox_posts_tenant_time ON sandbox_posts(tenant_id, posted_at DESC);

-- Mentions of an agent's account on the sandbox platform; the mentions resources return those of the
-- last hour (by created_at) for the calling agent.
CREATE TABLE sandbox_mentions (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id UUID NOT NULL REFERENCES agents(id),
    platform VARCHAR(20) NOT NULL CHECK (platform IN ('twitter', 'instagram', 'threads')),
    account VARCHAR(100) NOT NULL, -- the mentioned account (username without '@')
    external_id VARCHAR(100) NOT NULL, -- the mention's id as the resource reports it
    author VARCHAR(100) NOT NULL, -- username of who wrote it, without '@'
    text TEXT NOT NULL, -- untrusted third-party text
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    likes BIGINT NOT NULL DEFAULT 0 CHECK (likes >= 0),
    retweets BIGINT NOT NULL DEFAULT 0 CHECK (retweets >= 0),
    in_reply_to_post UUID REFERENCES sandbox_posts(id), -- when the mention replies to one of our posts
    source VARCHAR(10) NOT NULL CHECK (source IN ('seeded', 'injected')),
    UNIQUE (platform, external_id)
);

CREATE INDEX idx_sandbox_mentions_recent ON sandbox_mentions(agent_id, platform, created_at DESC);

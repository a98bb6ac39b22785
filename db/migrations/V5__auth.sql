-- Machine credentials (docs/security.md): per-tenant API keys. Only a SHA-256 hash of the key and a short
-- lookup prefix are stored; the key itself is shown once, at creation. Revoked keys stay for the audit trail.
CREATE TABLE api_keys (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    name VARCHAR(100) NOT NULL,
    role VARCHAR(20) NOT NULL CHECK (role IN ('admin', 'operator', 'reviewer')),
    prefix VARCHAR(16) NOT NULL UNIQUE, -- the key's first characters after "chm_", to find its row
    key_hash CHAR(64) NOT NULL, -- hex SHA-256 of the whole key
    created_by VARCHAR(100),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX idx_api_keys_tenant ON api_keys(tenant_id, created_at);

-- Dashboard users log in by e-mail regardless of case.
CREATE UNIQUE INDEX uq_users_email_lower ON users(lower(email));

-- Agent wallets and payments (issue #5): where each agent's key lives, whom it may pay without a human,
-- and what a payment needs to be re-broadcast after a crash.

-- One wallet per agent. provider 'keystore': the private key is in `keystore`, a standard Ethereum V3
-- keystore JSON (scrypt + AES-128-CTR) encrypted with CHIMERA_WALLET_PASSPHRASE; the passphrase is never
-- stored. provider 'cdp': a custodial wallet held by Coinbase CDP, no key material here.
CREATE TABLE agent_wallets (
    agent_id UUID PRIMARY KEY REFERENCES agents(id),
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    address VARCHAR(42) NOT NULL UNIQUE CHECK (address ~ '^0x[a-fA-F0-9]{40}$'), -- EIP-55 checksummed
    provider VARCHAR(10) NOT NULL CHECK (provider IN ('keystore', 'cdp')),
    keystore TEXT,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    CHECK (provider <> 'keystore' OR keystore IS NOT NULL)
);

CREATE INDEX idx_agent_wallets_tenant ON agent_wallets(tenant_id);

-- Recipients an agent may pay without human review (besides the wallets of its own tenant's agents).
CREATE TABLE payment_allowlist (
    agent_id UUID NOT NULL REFERENCES agents(id),
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    address VARCHAR(42) NOT NULL CHECK (address ~ '^0x[a-f0-9]{40}$'), -- lower-case, compared as such
    label TEXT,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    PRIMARY KEY (agent_id, address)
);

-- A payment is signed and recorded before it is broadcast: the signed transaction is kept so that a
-- restarted follower can broadcast it again when the chain never saw it.
ALTER TABLE transactions
    ADD COLUMN chain_id BIGINT,
    ADD COLUMN nonce BIGINT,
    ADD COLUMN signed_transaction TEXT;

-- The spend guard rebuilds a campaign's trackers from the ledger.
CREATE INDEX idx_spend_campaign_day ON spend_ledger(campaign_id, day) WHERE campaign_id IS NOT NULL;

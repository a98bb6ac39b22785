package tech.aiqem.chimera.orchestrator;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows the other services write (tasks, reviews, sandbox posts, spend, incidents), inserted directly so
 * the dashboard's read endpoints can be checked against known figures.
 */
final class DashboardSeed {

	static final String OFFLINE_POST = """
			{"content_type":"text_image","text":"Habesha kemis for summer","media_url":"http://localhost/media/a.png",
			 "platform":"twitter","disclosure_level":"automated","model":"offline/chimera-offline","offline":true}
			""";

	private final JdbcClient jdbc;

	DashboardSeed(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	UUID tenant(String name) {
		this.jdbc.sql("INSERT INTO tenants (name) VALUES (:name) ON CONFLICT (name) DO NOTHING").param("name", name).update();
		return this.jdbc.sql("SELECT id FROM tenants WHERE name = :name").param("name", name).query(UUID.class).single();
	}

	UUID agent(UUID tenant, String name, String wallet) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO agents (id, tenant_id, name, persona_file_path, persona_source, persona, wallet_address, status)
				VALUES (:id, :tenant, :name, 'soul://x/SOUL.md', '# x', CAST('{"name":"x"}' AS jsonb), :wallet, 'active')
				""").param("id", id).param("tenant", tenant).param("name", name).param("wallet", wallet).update();
		return id;
	}

	UUID campaign(UUID tenant, UUID agent) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO campaigns (id, tenant_id, agent_id, name, goals, status, duration_days, posts_per_day, estimated_posts)
				VALUES (:id, :tenant, :agent, 'Summer', CAST('{"text":"summer"}' AS jsonb), 'active', 14, 3, 42)
				""").param("id", id).param("tenant", tenant).param("agent", agent).update();
		return id;
	}

	/** A content task; approvedBy and completedAt may be null. */
	UUID task(UUID tenant, UUID agent, UUID campaign, String status, String approvedBy, Instant at) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO tasks (id, campaign_id, agent_id, tenant_id, task_type, priority, status, context, result,
				                   state_version, goals_revision, scheduled_at, created_at, completed_at, approved_by, approved_at)
				VALUES (:id, :campaign, :agent, :tenant, 'content_generation', 'medium', :status, CAST('{}' AS jsonb),
				        CAST(:result AS jsonb), 0, 1, :at, :at, :completed, :approvedBy, :approvedAt)
				""")
			.param("id", id).param("campaign", campaign).param("agent", agent).param("tenant", tenant)
			.param("status", status).param("result", OFFLINE_POST).param("at", Timestamp.from(at))
			.param("completed", "complete".equals(status) ? Timestamp.from(at) : null)
			.param("approvedBy", approvedBy).param("approvedAt", approvedBy == null ? null : Timestamp.from(at))
			.update();
		return id;
	}

	UUID review(UUID tenant, UUID agent, UUID task, Instant createdAt) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO hitl_reviews (id, task_id, tenant_id, agent_id, content, confidence_score, reasoning_trace,
				                          review_deadline, created_at)
				VALUES (:id, :task, :tenant, :agent, CAST('{"text":"Habesha kemis for summer"}' AS jsonb), 0.72,
				        'tone is borderline', :deadline, :created)
				""")
			.param("id", id).param("task", task).param("tenant", tenant).param("agent", agent)
			.param("deadline", Timestamp.from(createdAt.plusSeconds(14400))).param("created", Timestamp.from(createdAt))
			.update();
		return id;
	}

	void post(UUID tenant, UUID agent, String idempotencyKey, String text, Instant postedAt, long likes, long impressions) {
		this.jdbc.sql("""
				INSERT INTO sandbox_accounts (platform, account, agent_id, tenant_id, base_followers, followers, created_at, updated_at)
				VALUES ('twitter', :account, :agent, :tenant, 100, 100, :at, :at) ON CONFLICT DO NOTHING
				""").param("account", "acct_" + agent.toString().substring(0, 8)).param("agent", agent).param("tenant", tenant)
			.param("at", Timestamp.from(postedAt)).update();
		this.jdbc.sql("""
				INSERT INTO sandbox_posts (id, agent_id, tenant_id, platform, account, text, media_urls, disclosure, ai_generated,
				                           idempotency_key, posted_at, likes, reposts, replies, impressions)
				VALUES (:id, :agent, :tenant, 'twitter', :account, :text, CAST('["http://localhost/media/a.png"]' AS jsonb),
				        'automated', true, :key, :at, :likes, 1, 1, :impressions)
				""")
			.param("id", UUID.randomUUID()).param("agent", agent).param("tenant", tenant)
			.param("account", "acct_" + agent.toString().substring(0, 8)).param("text", text).param("key", idempotencyKey)
			.param("at", Timestamp.from(postedAt)).param("likes", likes).param("impressions", impressions)
			.update();
	}

	void spend(UUID tenant, UUID agent, String amount, Instant at) {
		this.jdbc.sql("""
				INSERT INTO spend_ledger (tenant_id, agent_id, kind, amount_usd, day, at, ref)
				VALUES (:tenant, :agent, 'model', :amount, :day, :at, :ref)
				""").param("tenant", tenant).param("agent", agent).param("amount", new BigDecimal(amount))
			.param("day", Date.valueOf(LocalDate.ofInstant(at, ZoneOffset.UTC))).param("at", Timestamp.from(at))
			.param("ref", "test:" + UUID.randomUUID()).update();
	}

	void incoming(UUID tenant, UUID agent, String to, String amount, Instant at) {
		this.jdbc.sql("""
				INSERT INTO transactions (agent_id, transaction_hash, from_address, to_address, amount_usdc, network, status,
				                          created_at, tenant_id)
				VALUES (:agent, :hash, '0x0000000000000000000000000000000000000001', :to, :amount, 'base', 'confirmed', :at, :tenant)
				""").param("agent", agent).param("hash", "0x" + UUID.randomUUID().toString().replace("-", ""))
			.param("to", to).param("amount", new BigDecimal(amount)).param("at", Timestamp.from(at)).param("tenant", tenant)
			.update();
	}

	void incident(UUID tenant, UUID agent, String code, String message, Instant at) {
		this.jdbc.sql("""
				INSERT INTO incidents (tenant_id, agent_id, code, message, detail, created_at)
				VALUES (:tenant, :agent, :code, :message, CAST('{"source":"test"}' AS jsonb), :at)
				""").param("tenant", tenant).param("agent", agent).param("code", code).param("message", message)
			.param("at", Timestamp.from(at)).update();
	}

	/** An incident without an error code, as the review escalation writes one (kind review_overdue). */
	void overdueReview(UUID tenant, UUID agent, String message, Instant at) {
		this.jdbc.sql("""
				INSERT INTO incidents (tenant_id, agent_id, kind, message, created_at)
				VALUES (:tenant, :agent, 'review_overdue', :message, :at)
				""").param("tenant", tenant).param("agent", agent).param("message", message)
			.param("at", Timestamp.from(at)).update();
	}
}

package tech.aiqem.chimera.orchestrator.hitl;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import tech.aiqem.chimera.ledger.Ledger;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.Publication;
import tech.aiqem.chimera.orchestrator.judge.FindingView;

/** HITL reviews in PostgreSQL (the truth; Redis only notifies), scoped by tenant. */
@Repository
class HitlReviews {

	private final JdbcClient jdbc;

	private final Ledger ledger;

	HitlReviews(JdbcClient jdbc, Ledger ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
	}

	long pendingCount(TenantId tenant, UUID agent) {
		return this.jdbc.sql("SELECT COUNT(*) FROM hitl_reviews WHERE tenant_id = :tenant AND decision IS NULL"
				+ " AND (CAST(:agent AS uuid) IS NULL OR agent_id = :agent)")
			.param("tenant", tenant.value())
			.param("agent", agent)
			.query(Long.class)
			.single();
	}

	List<PendingReview> pending(TenantId tenant, UUID agent, int limit, Instant now) {
		return this.jdbc.sql("""
				SELECT h.id, h.task_id, h.agent_id, a.name AS agent_name, t.task_type, h.content, h.confidence_score,
				       h.reasoning_trace, h.reason_code, h.findings, h.created_at, h.review_deadline, h.escalated_at, c.name AS campaign_name,
				       t.result->>'model' AS model, COALESCE(CAST(t.result->>'offline' AS boolean), false) AS offline
				  FROM hitl_reviews h
				  JOIN tasks t ON t.id = h.task_id
				  JOIN agents a ON a.id = h.agent_id
				  JOIN campaigns c ON c.id = t.campaign_id
				 WHERE h.tenant_id = :tenant AND h.decision IS NULL AND (CAST(:agent AS uuid) IS NULL OR h.agent_id = :agent)
				 ORDER BY h.created_at, h.id
				 LIMIT :limit
				""")
			.param("tenant", tenant.value())
			.param("agent", agent)
			.param("limit", limit)
			.query((rs, row) -> {
				Instant deadline = rs.getTimestamp("review_deadline").toInstant();
				return new PendingReview(rs.getObject("id", UUID.class), rs.getObject("task_id", UUID.class),
						rs.getObject("agent_id", UUID.class), rs.getString("agent_name"), rs.getString("campaign_name"),
						rs.getString("task_type"),
						ChimeraJson.mapper().readValue(rs.getString("content"), new TypeReference<Map<String, Object>>() {
						}), rs.getBigDecimal("confidence_score"), rs.getString("reasoning_trace"), rs.getString("reason_code"),
						ChimeraJson.mapper().readValue(rs.getString("findings"), new TypeReference<List<Map<String, Object>>>() {
						}), rs.getString("model"), rs.getBoolean("offline"), rs.getTimestamp("created_at").toInstant(),
						deadline, rs.getTimestamp("escalated_at") != null || deadline.isBefore(now));
			})
			.list();
	}

	/** The review with what a decision needs; empty when it does not exist for this tenant. */
	Optional<Review> find(TenantId tenant, UUID reviewId) {
		return this.jdbc.sql("""
				SELECT h.id, h.task_id, h.agent_id, h.decision, t.campaign_id, t.task_type, t.result, a.persona_source
				  FROM hitl_reviews h JOIN tasks t ON t.id = h.task_id JOIN agents a ON a.id = h.agent_id
				 WHERE h.tenant_id = :tenant AND h.id = :id
				""")
			.param("tenant", tenant.value())
			.param("id", reviewId)
			.query((rs, row) -> new Review(rs.getObject("id", UUID.class), rs.getObject("task_id", UUID.class),
					rs.getObject("agent_id", UUID.class), rs.getObject("campaign_id", UUID.class), rs.getString("decision"),
					rs.getString("task_type"), rs.getString("result"), rs.getString("persona_source")))
			.optional();
	}

	/** Records the decision once; false when another reviewer decided first. */
	boolean decide(TenantId tenant, UUID reviewId, String decision, String editedText, String reviewer, Instant now) {
		return this.jdbc.sql("""
				UPDATE hitl_reviews SET decision = :decision, reviewed_at = :now, reviewed_by = :reviewer,
				       edited_content = CASE WHEN CAST(:edited AS text) IS NULL THEN NULL
				                             ELSE jsonb_build_object('text', CAST(:edited AS text)) END
				 WHERE tenant_id = :tenant AND id = :id AND decision IS NULL
				""")
			.param("decision", decision)
			.param("now", Timestamp.from(now))
			.param("reviewer", reviewer)
			.param("edited", editedText)
			.param("tenant", tenant.value())
			.param("id", reviewId)
			.update() == 1;
	}

	boolean approveTask(Review review, Publication publication, TenantId tenant, Instant now) {
		return this.ledger.tasks().approvedByHuman(review.taskId(), tenant.value(), review.agentId(), publication, now);
	}

	boolean rejectTask(Review review, String reviewer, Instant now) {
		return this.ledger.tasks().rejectedByHuman(review.taskId(), reviewer, now);
	}

	/** A decision changes the campaign's state: results validated before it no longer commit. */
	void bumpCampaign(UUID campaign, Instant now) {
		this.ledger.campaigns().advance(campaign, now);
	}

	void event(UUID task, String event, String actor, Map<String, Object> detail, Instant now) {
		this.ledger.events().record(task, event, actor, detail, now);
	}

	/**
	 * A review waiting for a human, as the queue lists it.
	 *
	 * @param content the proposed result as the worker wrote it (text, media, payment...)
	 * @param findings the judge's findings as stored, each {@code {code, severity, detail, span, error_code?}}
	 * @param overdue the review passed its deadline (or was escalated)
	 */
	record PendingReview(UUID reviewId, UUID taskId, UUID agentId, String agentName, String campaignName, String taskType,
			Map<String, Object> content, BigDecimal confidenceScore, String reasoning, String reasonCode,
			@ArraySchema(schema = @Schema(implementation = FindingView.class)) List<Map<String, Object>> findings,
			String model, boolean offline, Instant createdAt, Instant reviewDeadline, boolean overdue) {
	}

	record Review(UUID id, UUID taskId, UUID agentId, UUID campaignId, String decision, String taskType,
			String resultJson, String personaSource) {
	}

}

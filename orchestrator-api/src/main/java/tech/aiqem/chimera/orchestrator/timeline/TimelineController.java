package tech.aiqem.chimera.orchestrator.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;

import io.swagger.v3.oas.annotations.Operation;

import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.orchestrator.system.ApiException;
import tech.aiqem.chimera.orchestrator.system.CurrentTenant;

@RestController
class TimelineController {

	// The post's idempotency key is the task id; the CASE keeps a foreign key that is no UUID from failing the cast.
	private static final String POSTS = """
			SELECT p.id, p.platform, p.account, p.text, p.media_urls, p.disclosure, p.ai_generated, p.in_reply_to,
			       p.posted_at, p.likes, p.reposts, p.replies, p.impressions, p.engagement_updated_at,
			       t.id AS task_id, t.campaign_id, t.approved_by, t.result->>'model' AS model,
			       COALESCE(CAST(t.result->>'offline' AS boolean), false) AS offline
			  FROM sandbox_posts p
			  LEFT JOIN tasks t ON t.id = CASE WHEN p.idempotency_key ~ '^[0-9a-fA-F-]{36}$'
			                                   THEN CAST(p.idempotency_key AS uuid) END
			 WHERE p.tenant_id = :tenant AND p.agent_id = :agent
			   AND (CAST(:before AS timestamptz) IS NULL OR p.posted_at < :before)
			 ORDER BY p.posted_at DESC, p.id
			 LIMIT :limit
			""";

	private final JdbcClient jdbc;

	TimelineController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Operation(summary = "What the agent published on the sandbox platform, newest first",
			description = "Each post with its media URLs, simulated engagement, the task that produced it, who approved it"
					+ " (judge or human) and whether the offline model wrote it. Page back with before=<posted_at of the last item>.")
	@GetMapping("/v1/agents/{agentId}/timeline")
	Timeline timeline(CurrentTenant tenant, @PathVariable UUID agentId,
			@RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) Instant before) {
		if (limit < 1 || limit > 200) {
			throw ApiException.invalid("limit", "must be between 1 and 200");
		}
		boolean exists = this.jdbc.sql("SELECT COUNT(*) FROM agents WHERE tenant_id = :tenant AND id = :id AND status <> 'deleted'")
			.param("tenant", tenant.id().value())
			.param("id", agentId)
			.query(Long.class)
			.single() > 0;
		if (!exists) {
			throw ApiException.notFound("agent", agentId);
		}
		List<Post> items = this.jdbc.sql(POSTS)
			.param("tenant", tenant.id().value())
			.param("agent", agentId)
			.param("before", before == null ? null : Timestamp.from(before))
			.param("limit", limit)
			.query(TimelineController::post)
			.list();
		long total = this.jdbc.sql("SELECT COUNT(*) FROM sandbox_posts WHERE tenant_id = :tenant AND agent_id = :agent")
			.param("tenant", tenant.id().value())
			.param("agent", agentId)
			.query(Long.class)
			.single();
		return new Timeline(agentId, total, items);
	}

	/** @param total all the agent's posts, of which items is a page */
	record Timeline(UUID agentId, long total, List<Post> items) {
	}

	/**
	 * @param approvedBy judge or human; null (like task_id) when no task of ours is behind the post
	 * @param offline whether the offline model wrote it
	 */
	record Post(UUID postId, UUID taskId, UUID campaignId, String platform, String account, String text,
			List<String> mediaUrls, String disclosure, boolean aiGenerated, String inReplyTo, Instant postedAt,
			Engagement engagement, String approvedBy, String model, boolean offline) {
	}

	/** Simulated engagement, as of updated_at (null until first simulated). */
	record Engagement(long likes, long reposts, long replies, long impressions, Instant updatedAt) {
	}

	private static Post post(ResultSet rs, int row) throws SQLException {
		Timestamp updated = rs.getTimestamp("engagement_updated_at");
		Engagement engagement = new Engagement(rs.getLong("likes"), rs.getLong("reposts"), rs.getLong("replies"),
				rs.getLong("impressions"), updated == null ? null : updated.toInstant());
		return new Post(rs.getObject("id", UUID.class), rs.getObject("task_id", UUID.class),
				rs.getObject("campaign_id", UUID.class), rs.getString("platform"), rs.getString("account"),
				rs.getString("text"),
				ChimeraJson.mapper().readValue(rs.getString("media_urls"), new TypeReference<List<String>>() {
				}), rs.getString("disclosure"), rs.getBoolean("ai_generated"), rs.getString("in_reply_to"),
				rs.getTimestamp("posted_at").toInstant(), engagement, rs.getString("approved_by"), rs.getString("model"),
				rs.getBoolean("offline"));
	}
}

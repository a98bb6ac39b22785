package tech.aiqem.chimera.orchestrator.hitl;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestConstructor;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.infra.time.RealTime;
import tech.aiqem.chimera.model.TenantId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At the launcher's default time scale (campaign time 1440 times faster than real time) a human review is
 * not overdue before its real-time SLA: the deadline the judge writes is real time + 4 h, and the
 * orchestrator compares it with real time, not with the scaled clock (which here is days ahead).
 */
@SpringBootTest
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class ReviewDeadlineRealTimeIntegrationTests {

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", TestServices::freshPostgresDatabase);
		registry.add("chimera.redis-url", TestServices::freshRedisUrl);
		registry.add("chimera.time.scale", () -> "1440");
		// Ten real minutes since the demo started: the scaled clock is ten days ahead.
		registry.add("chimera.time.origin", () -> Instant.now().minus(Duration.ofMinutes(10)).toString());
	}

	private final ReviewEscalation escalation;

	private final HitlReviews reviews;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final RealTime realTime;

	ReviewDeadlineRealTimeIntegrationTests(org.springframework.context.ApplicationContext context) {
		this.escalation = context.getBean(ReviewEscalation.class);
		this.reviews = context.getBean(HitlReviews.class);
		this.jdbc = context.getBean(JdbcClient.class);
		this.clock = context.getBean(Clock.class);
		this.realTime = context.getBean(RealTime.class);
	}

	@Test
	void aReviewWithinItsRealTimeSlaIsNotOverdueWhileCampaignTimeRunsAhead() {
		assertThat(Duration.between(this.realTime.now(), this.clock.instant())).isGreaterThan(Duration.ofDays(9));
		UUID tenant = insert("INSERT INTO tenants (name) VALUES ('t-' || gen_random_uuid()) RETURNING id");
		UUID agent = insert("INSERT INTO agents (tenant_id, name, persona_file_path, persona_source, persona, status) VALUES ('"
				+ tenant + "', 'A', 'p', '# A', '{}', 'active') RETURNING id");
		UUID campaign = insert("INSERT INTO campaigns (tenant_id, agent_id, name, goals, status, duration_days, posts_per_day, estimated_posts) VALUES ('"
				+ tenant + "', '" + agent + "', 'C', '{}', 'active', 1, 1, 1) RETURNING id");
		// As the judge writes them: created in campaign time, due 4 h of real time later.
		UUID fresh = review(tenant, agent, campaign, this.realTime.now().plus(Duration.ofHours(4)));
		UUID late = review(tenant, agent, campaign, this.realTime.now().minus(Duration.ofMinutes(1)));

		List<HitlReviews.PendingReview> pending = this.reviews.pending(new TenantId(tenant), null, 50, this.realTime.now());
		assertThat(pending).filteredOn(item -> item.reviewId().equals(fresh)).singleElement()
			.satisfies(item -> assertThat(item.overdue()).isFalse());
		assertThat(this.escalation.escalateOverdue()).isTrue();
		assertThat(escalated(fresh)).isFalse();
		assertThat(escalated(late)).isTrue();
	}

	private boolean escalated(UUID review) {
		return this.jdbc.sql("SELECT escalated_at IS NOT NULL FROM hitl_reviews WHERE id = :id").param("id", review)
			.query(Boolean.class).single();
	}

	private UUID review(UUID tenant, UUID agent, UUID campaign, Instant deadline) {
		UUID task = insert("INSERT INTO tasks (campaign_id, agent_id, tenant_id, task_type, priority, status, context, state_version, goals_revision, scheduled_at) VALUES ('"
				+ campaign + "', '" + agent + "', '" + tenant + "', 'content_generation', 'medium', 'review', '{}', 0, 1, now()) RETURNING id");
		return this.jdbc.sql("INSERT INTO hitl_reviews (task_id, tenant_id, agent_id, content, confidence_score, review_deadline, created_at) VALUES (:task, :tenant, :agent, '{}', 0.5, :deadline, :created) RETURNING id")
			.param("task", task).param("tenant", tenant).param("agent", agent).param("deadline", Timestamp.from(deadline))
			.param("created", Timestamp.from(this.clock.instant()))
			.query(UUID.class).single();
	}

	private UUID insert(String sql) {
		return this.jdbc.sql(sql).query(UUID.class).single();
	}
}

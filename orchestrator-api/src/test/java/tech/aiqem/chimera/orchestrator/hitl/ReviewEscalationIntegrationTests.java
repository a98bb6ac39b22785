package tech.aiqem.chimera.orchestrator.hitl;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestConstructor;

import tech.aiqem.chimera.embedded.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/** A HITL item past its deadline is escalated once, with an incident for operators; others are left alone. */
@SpringBootTest
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class ReviewEscalationIntegrationTests {

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", TestServices::freshPostgresDatabase);
		registry.add("chimera.redis-url", TestServices::freshRedisUrl);
	}

	private final ReviewEscalation escalation;

	private final JdbcClient jdbc;

	ReviewEscalationIntegrationTests(org.springframework.context.ApplicationContext context) {
		this.escalation = context.getBean(ReviewEscalation.class);
		this.jdbc = context.getBean(JdbcClient.class);
	}

	@Test
	void overdueReviewsEscalateOnce() {
		UUID tenant = insert("INSERT INTO tenants (name) VALUES ('t-' || gen_random_uuid()) RETURNING id");
		UUID agent = insert("INSERT INTO agents (tenant_id, name, persona_file_path, persona_source, persona, status) VALUES ('"
				+ tenant + "', 'A', 'p', '# A', '{}', 'active') RETURNING id");
		UUID campaign = insert("INSERT INTO campaigns (tenant_id, agent_id, name, goals, status, duration_days, posts_per_day, estimated_posts) VALUES ('"
				+ tenant + "', '" + agent + "', 'C', '{}', 'active', 1, 1, 1) RETURNING id");
		Instant past = Instant.now().minus(1, ChronoUnit.DAYS);
		UUID overdue = review(tenant, agent, campaign, past);
		UUID current = review(tenant, agent, campaign, Instant.now().plus(1, ChronoUnit.DAYS));

		assertThat(this.escalation.escalateOverdue()).isTrue();
		assertThat(this.escalation.escalateOverdue()).isFalse();
		assertThat(this.jdbc.sql("SELECT escalated_at IS NOT NULL FROM hitl_reviews WHERE id = :id").param("id", overdue).query(Boolean.class).single()).isTrue();
		assertThat(this.jdbc.sql("SELECT escalated_at IS NULL FROM hitl_reviews WHERE id = :id").param("id", current).query(Boolean.class).single()).isTrue();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM incidents WHERE agent_id = :agent AND kind = 'review_overdue'")
			.param("agent", agent).query(Long.class).single()).isEqualTo(1);
	}

	private UUID review(UUID tenant, UUID agent, UUID campaign, Instant deadline) {
		UUID task = insert("INSERT INTO tasks (campaign_id, agent_id, tenant_id, task_type, priority, status, context, state_version, goals_revision, scheduled_at) VALUES ('"
				+ campaign + "', '" + agent + "', '" + tenant + "', 'content_generation', 'medium', 'review', '{}', 0, 1, now()) RETURNING id");
		return this.jdbc.sql("INSERT INTO hitl_reviews (task_id, tenant_id, agent_id, content, confidence_score, review_deadline) VALUES (:task, :tenant, :agent, '{}', 0.5, :deadline) RETURNING id")
			.param("task", task).param("tenant", tenant).param("agent", agent).param("deadline", Timestamp.from(deadline))
			.query(UUID.class).single();
	}

	private UUID insert(String sql) {
		return this.jdbc.sql(sql).query(UUID.class).single();
	}
}

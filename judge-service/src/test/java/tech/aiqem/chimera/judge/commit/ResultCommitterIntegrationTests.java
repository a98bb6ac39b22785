package tech.aiqem.chimera.judge.commit;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.aiqem.chimera.ledger.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.judge.review.Judged;
import tech.aiqem.chimera.judge.review.TaskState;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.message.ResultMessage;
import tech.aiqem.chimera.model.message.TaskOutput;
import tech.aiqem.chimera.queue.Delivery;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch of judged results is written in JDBC batches: every row and event of each outcome, each once. */
class ResultCommitterIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

	private JdbcClient jdbc;

	private ResultCommitter committer;

	private UUID tenant;

	private UUID agent;

	private UUID campaign;

	@BeforeEach
	void database() throws Exception {
		DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), TestServices.freshPostgresDatabase());
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migrations").load().migrate();
		this.jdbc = JdbcClient.create(dataSource);
		this.committer = new ResultCommitter(this.jdbc, Ledger.on(dataSource),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Clock.fixed(NOW, ZoneOffset.UTC),
				new SimpleMeterRegistry(), Duration.ofHours(4), 3);
		this.tenant = UUID.randomUUID();
		this.agent = UUID.randomUUID();
		this.campaign = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO tenants (id, name) VALUES (?, 'acme')").param(this.tenant).update();
		this.jdbc.sql("""
				INSERT INTO agents (id, tenant_id, name, persona_file_path, persona_source, persona, status)
				VALUES (?, ?, 'Selam', 'soul://selam/SOUL.md', '# Selam', '{}'::jsonb, 'active')
				""").params(this.agent, this.tenant).update();
		this.jdbc.sql("""
				INSERT INTO campaigns (id, tenant_id, agent_id, name, goals, status, started_at, duration_days, posts_per_day,
				                       estimated_posts)
				VALUES (?, ?, ?, 'Kemis week', '{"text":"Grow"}'::jsonb, 'active', ?, 1, 3, 3)
				""").params(this.campaign, this.tenant, this.agent, Timestamp.from(NOW)).update();
	}

	@Test
	void eachOutcomeWritesItsRowsOnceAndTheCampaignVersionCountsTheBatch() {
		List<Judged> batch = new ArrayList<>();
		batch.add(judged(Judged.Kind.APPROVED, null));
		batch.add(judged(Judged.Kind.APPROVED, null));
		batch.add(judged(Judged.Kind.HUMAN_REVIEW, ErrorCode.E1003));
		batch.add(judged(Judged.Kind.REJECTED, ErrorCode.E1003));
		batch.add(judged(Judged.Kind.FAILED, null));

		List<Judged> committed = this.committer.commit(batch);

		assertThat(committed).hasSize(5);
		assertThat(count("SELECT COUNT(*) FROM publications")).isEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM hitl_reviews")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM incidents")).isEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM task_events WHERE event = 'judged'")).isEqualTo(5);
		assertThat(count("SELECT COUNT(*) FROM task_events WHERE event = 'picked'")).isEqualTo(5);
		assertThat(count("SELECT COUNT(*) FROM tasks WHERE status = 'review' AND approved_by = 'judge'")).isEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM tasks WHERE status = 'failed' AND completed_at IS NOT NULL")).isEqualTo(2);
		assertThat(count("SELECT state_version FROM campaigns")).isEqualTo(5);
	}

	@Test
	void aReviewDeadlineIsRealTimePlusTheSlaWhateverTheCampaignClockSays() {
		// The committer's campaign clock says 2026-03-01 (as a scaled demo clock would say any other day).
		Instant before = Instant.now();
		this.committer.commit(List.of(judged(Judged.Kind.HUMAN_REVIEW, ErrorCode.E1003)));
		Instant deadline = this.jdbc.sql("SELECT review_deadline FROM hitl_reviews").query(Timestamp.class).single().toInstant();
		assertThat(deadline).isBetween(before.plus(Duration.ofHours(4)), Instant.now().plus(Duration.ofHours(4)));
	}

	@Test
	void aTaskJudgedAlreadyGetsNoSecondEventsOrPublication() {
		Judged first = judged(Judged.Kind.APPROVED, null);
		this.committer.commit(List.of(first));
		TaskState again = first.task().withCampaign("active", 1, 1, null, null);

		this.committer.commit(List.of(first.against(again)));

		assertThat(count("SELECT COUNT(*) FROM publications")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM task_events WHERE event = 'judged'")).isEqualTo(1);
	}

	@Test
	void campaignsOfOneBatchCommitTogetherAndOneThatMovedOnIsRetriedWithoutTheOthers() {
		UUID other = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO campaigns (id, tenant_id, agent_id, name, goals, status, started_at, duration_days, posts_per_day,
				                       estimated_posts)
				VALUES (?, ?, ?, 'Coffee week', '{"text":"Grow"}'::jsonb, 'active', ?, 1, 3, 3)
				""").params(other, this.tenant, this.agent, Timestamp.from(NOW)).update();
		List<Judged> batch = List.of(judged(Judged.Kind.APPROVED, null), judged(Judged.Kind.APPROVED, null, other),
				judged(Judged.Kind.APPROVED, null));
		// The other campaign moves on after its result was judged (an operator's edit, another judge's commit).
		this.jdbc.sql("UPDATE campaigns SET state_version = state_version + 1 WHERE id = ?").param(other).update();

		List<Judged> committed = this.committer.commit(batch);

		assertThat(committed).hasSize(3);
		assertThat(count("SELECT COUNT(*) FROM task_events WHERE event = 'judged'")).isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM publications p JOIN tasks t ON t.id = p.task_id WHERE t.campaign_id = '"
				+ this.campaign + "'")).isEqualTo(2);
		assertThat(count("SELECT state_version FROM campaigns WHERE id = '" + this.campaign + "'")).isEqualTo(2);
		assertThat(count("SELECT state_version FROM campaigns WHERE id = '" + other + "'"))
			.as("moved once by the edit, once by the retried commit").isEqualTo(2);
	}

	private Judged judged(Judged.Kind kind, ErrorCode code) {
		return judged(kind, code, this.campaign);
	}

	private Judged judged(Judged.Kind kind, ErrorCode code, UUID campaign) {
		UUID task = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO tasks (id, campaign_id, agent_id, tenant_id, task_type, priority, status, context, state_version,
				                   goals_revision, scheduled_at)
				VALUES (?, ?, ?, ?, 'content_generation', 'medium', 'in_progress', '{"goal_description":"Grow"}'::jsonb, 0, 1, ?)
				""").params(task, campaign, this.agent, this.tenant, Timestamp.from(NOW)).update();
		TaskState state = this.jdbc.sql(TaskState.SELECT + " WHERE t.id = ?").param(task).query(TaskState::map).single();
		ResultMessage result = new ResultMessage(new TaskId(task), new AgentId(this.agent),
				TaskOutput.post("text", "Green kemis for Timkat", null, Platform.TWITTER, DisclosureLevel.AUTOMATED, "m", true),
				new BigDecimal("0.80"), "fine", List.of(), NOW, "worker-1", NOW, null, null, null);
		return new Judged(new Delivery("chimera:review:" + this.agent, "payload-" + task, "processing"), result, state, kind,
				new BigDecimal("0.80"), code, "because", BigDecimal.ZERO);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}
}

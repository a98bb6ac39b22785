package tech.aiqem.chimera.planner.dispatch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import tech.aiqem.chimera.db.NotificationListener;
import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.infra.loop.BackgroundLoop;
import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.ledger.Ledger;
import tech.aiqem.chimera.ledger.PlannedTask;
import tech.aiqem.chimera.ledger.TaskLedger;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.Priority;
import tech.aiqem.chimera.model.RedisKeys;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.message.TaskContext;
import tech.aiqem.chimera.planner.config.PlannerProperties;
import tech.aiqem.chimera.queue.ReliableQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dispatcher on real PostgreSQL and Redis: due tasks into the priority lists, never deeper than the bound. */
class DispatcherIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

	private DataSource dataSource;

	private JdbcClient jdbc;

	private Redis redis;

	private Dispatcher dispatcher;

	private UUID tenant;

	private UUID agent;

	private UUID campaign;

	@BeforeEach
	void servers() throws Exception {
		DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), TestServices.freshPostgresDatabase());
		this.dataSource = dataSource;
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migrations").load().migrate();
		this.jdbc = JdbcClient.create(dataSource);
		this.redis = new Redis(TestServices.freshRedisUrl());
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		// Batches of 4, at most 5 waiting in the lists.
		PlannerProperties properties = new PlannerProperties(Duration.ofHours(24), Duration.ofHours(2), 24, 4, 1, 5,
				Duration.ofMillis(500), Duration.ofMinutes(5), 0.75);
		this.dispatcher = new Dispatcher(this.jdbc, Ledger.on(dataSource).tasks(),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
				new ReliableQueue(this.redis, "dispatcher-test", Duration.ofSeconds(30), clock), properties, clock,
				new SimpleMeterRegistry());
		this.tenant = UUID.randomUUID();
		this.agent = UUID.randomUUID();
		this.campaign = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO tenants (id, name) VALUES (?, 'acme')").param(this.tenant).update();
		this.jdbc.sql("""
				INSERT INTO agents (id, tenant_id, name, persona_file_path, persona_source, persona, social_accounts, status)
				VALUES (?, ?, 'Selam', 'soul://selam/SOUL.md', '# Selam', '{}'::jsonb, '{"twitter":{"username":"selam"}}'::jsonb,
				        'active')
				""").params(this.agent, this.tenant).update();
		this.jdbc.sql("""
				INSERT INTO campaigns (id, tenant_id, agent_id, name, goals, status, started_at, duration_days, posts_per_day,
				                       estimated_posts, next_plan_at)
				VALUES (?, ?, ?, 'Kemis week', '{"text":"Grow the kemis audience"}'::jsonb, 'active', ?, 1, 3, 3, ?)
				""").params(this.campaign, this.tenant, this.agent, Timestamp.from(NOW), Timestamp.from(NOW)).update();
	}

	@AfterEach
	void close() {
		this.redis.close();
	}

	private UUID pending(String priority, Instant scheduledAt) {
		UUID id = UUID.randomUUID();
		TaskContext context = new TaskContext("Styling tip", List.of(), List.of(), null, null, null, null, null);
		this.jdbc.sql("""
				INSERT INTO tasks (id, campaign_id, agent_id, tenant_id, task_type, priority, status, context, state_version,
				                   goals_revision, scheduled_at, deadline, created_at)
				VALUES (?, ?, ?, ?, 'content_generation', ?, 'pending', CAST(? AS jsonb), 0, 1, ?, ?, ?)
				""").params(id, this.campaign, this.agent, this.tenant, priority, ChimeraJson.write(context),
				Timestamp.from(scheduledAt), Timestamp.from(scheduledAt.plusSeconds(7200)), Timestamp.from(scheduledAt))
			.update();
		return id;
	}

	private long waiting(Priority priority) {
		return this.redis.shared().sync().llen(RedisKeys.tasks(priority));
	}

	private long withStatus(String status) {
		return this.jdbc.sql("SELECT COUNT(*) FROM tasks WHERE status = ?").param(status).query(Long.class).single();
	}

	@Test
	void aBacklogWaitsInPostgresOnceTheListsHoldTheBound() {
		for (int i = 0; i < 12; i++) {
			pending("medium", NOW.minusSeconds(60 - i));
		}

		assertThat(this.dispatcher.dispatchDue()).isTrue();
		assertThat(this.dispatcher.dispatchDue()).as("room for 1, less than the refill chunk (half the bound): nothing")
			.isFalse();
		assertThat(waiting(Priority.MEDIUM)).isEqualTo(4);
		assertThat(withStatus("pending")).isEqualTo(8);
		assertThat(withStatus("in_progress")).isEqualTo(4);

		// A worker takes three: the lists are filled up to the bound again, the oldest first.
		for (int i = 0; i < 3; i++) {
			this.redis.shared().sync().rpop(RedisKeys.tasks(Priority.MEDIUM));
		}
		assertThat(this.dispatcher.dispatchDue()).isTrue();
		assertThat(waiting(Priority.MEDIUM)).isEqualTo(5);
		assertThat(withStatus("pending")).isEqualTo(4);
		assertThat(this.dispatcher.dispatchDue()).as("the lists hold 5: nothing more").isFalse();
	}

	@Test
	void aHighPriorityTaskIsPushedEvenWhenTheListsAreFull() {
		for (int i = 0; i < 9; i++) {
			pending("low", NOW.minusSeconds(120 - i));
		}
		while (this.dispatcher.dispatchDue()) {
			// fill the lists to within a refill chunk of the bound
		}
		assertThat(waiting(Priority.LOW)).isEqualTo(4);
		UUID urgent = pending("high", NOW.minusSeconds(1));

		assertThat(this.dispatcher.dispatchDue()).isTrue();

		assertThat(waiting(Priority.HIGH)).isEqualTo(1);
		assertThat(this.redis.shared().sync().lindex(RedisKeys.tasks(Priority.HIGH), 0)).contains(urgent.toString());
		assertThat(waiting(Priority.LOW)).as("the older low-priority backlog still waits").isEqualTo(4);
		assertThat(withStatus("pending")).isEqualTo(5);
	}

	@Test
	void aDueTaskPlannedWakesTheIdleDispatcherAtOnce() {
		// The loop looks only once an hour on its own: the ledger's notification is what wakes it.
		BackgroundLoop loop = new BackgroundLoop("dispatcher", Duration.ofHours(1), this.dispatcher::dispatchDue);
		NotificationListener listener = new NotificationListener(this.dataSource, TaskLedger.TASKS_DUE_CHANNEL, loop::wake);
		loop.start();
		listener.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(
					() -> this.jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = current_database()")
						.query(Integer.class)
						.single() == 1);
			TaskLedger ledger = Ledger.on(this.dataSource).tasks();
			UUID later = UUID.randomUUID();
			ledger.planned(planned(later, NOW.plusSeconds(3600)));
			UUID due = UUID.randomUUID();

			ledger.planned(planned(due, NOW));

			await().atMost(Duration.ofSeconds(10)).until(() -> waiting(Priority.MEDIUM) == 1);
			assertThat(this.redis.shared().sync().lindex(RedisKeys.tasks(Priority.MEDIUM), 0)).contains(due.toString());
			assertThat(withStatus("pending")).as("the task planned for later still waits").isEqualTo(1);
		}
		finally {
			listener.stop();
			loop.stop();
		}
	}

	private PlannedTask planned(UUID id, Instant scheduledAt) {
		return new PlannedTask(id, this.campaign, this.agent, this.tenant, TaskType.CONTENT_GENERATION, Priority.MEDIUM,
				new TaskContext("Styling tip", List.of(), List.of()), 0, 1, null, null, null, id.toString(), scheduledAt,
				scheduledAt.plusSeconds(7200), NOW);
	}
}

package tech.aiqem.chimera.judge.publish;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.infra.time.ScaledClock;
import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.MemoryType;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.ToolFailure;
import tech.aiqem.chimera.model.message.Publication;
import tech.aiqem.chimera.toolclient.McpClientProperties;
import tech.aiqem.chimera.toolclient.ToolCallContext;
import tech.aiqem.chimera.toolclient.ToolErrorException;
import tech.aiqem.chimera.toolclient.ToolResults;
import tech.aiqem.chimera.toolclient.ToolsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * After publishing a post the publisher remembers what the agent said; forgetting never fails the post. A
 * platform's deferral and a tool outage put the action back, due when they say. A batch's calls run at once,
 * each outcome is written as its own would be, and one that cannot be written loses none of the others.
 */
class PublisherMemoryIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

	private DataSource dataSource;

	private JdbcClient jdbc;

	private Publisher publisher;

	private final RecordingTools tools = new RecordingTools();

	private final ExecutorService calls = Executors.newFixedThreadPool(8);

	private final UUID task = UUID.randomUUID();

	private UUID tenant;

	private UUID agent;

	private UUID campaign;

	/**
	 * post_content answers a receipt (or fails, for all tasks or one); with {@code together} set, each call
	 * waits until that many are in flight at once, and fails after a few seconds if they never are. remember
	 * records its call (or fails, when told to).
	 */
	static final class RecordingTools extends ToolsClient {

		record Remembered(ToolCallContext context, String content, MemoryType type, double importance,
				Map<String, Object> memoryContext) {
		}

		final List<Remembered> remembered = Collections.synchronizedList(new ArrayList<>());

		final Map<UUID, RuntimeException> postFailures = new ConcurrentHashMap<>();

		final AtomicInteger inFlight = new AtomicInteger();

		final AtomicInteger mostInFlight = new AtomicInteger();

		volatile CountDownLatch together;

		volatile RuntimeException rememberFailure;

		volatile RuntimeException postFailure;

		volatile Runnable onPost = () -> { };

		RecordingTools() {
			super(new McpClientProperties(URI.create("http://127.0.0.1:1/mcp"), Duration.ofSeconds(1), Duration.ofSeconds(1), 1,
					Duration.ofMillis(1), Duration.ofMillis(1)));
		}

		@Override
		public ToolResults.PostReceipt postContent(ToolCallContext context, Platform platform, String text, List<String> mediaUrls,
				DisclosureLevel disclosure) {
			this.onPost.run();
			this.mostInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
			try {
				awaitTogether();
			}
			finally {
				this.inFlight.decrementAndGet();
			}
			if (this.postFailure != null) {
				throw this.postFailure;
			}
			RuntimeException failure = this.postFailures.get(context.task().value());
			if (failure != null) {
				throw failure;
			}
			return new ToolResults.PostReceipt("post-" + context.task(), platform, "selam", text + "\n\n🤖 AI-generated #AI",
					mediaUrls, DisclosureLevel.AUTOMATED, NOW, false);
		}

		private void awaitTogether() {
			CountDownLatch together = this.together;
			if (together == null) {
				return;
			}
			together.countDown();
			try {
				if (!together.await(5, TimeUnit.SECONDS)) {
					throw new IllegalStateException("only " + this.inFlight.get() + " calls in flight, never " + together.getCount());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public String remember(ToolCallContext context, String content, MemoryType type, double importance,
				Map<String, Object> memoryContext) {
			this.remembered.add(new Remembered(context, content, type, importance, memoryContext));
			if (this.rememberFailure != null) {
				throw this.rememberFailure;
			}
			return "memory-1";
		}
	}

	@BeforeEach
	void database() throws Exception {
		DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), TestServices.freshPostgresDatabase());
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migrations").load().migrate();
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.publisher = publisher(Clock.fixed(NOW, ZoneOffset.UTC), 64);
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
		approved(this.task, "Green kemis for Timkat ✨", 1);
	}

	@AfterEach
	void stopCalls() {
		this.calls.shutdownNow();
	}

	/** A task in review with its post in the outbox, due now, planned against goals revision {@code revision}. */
	private void approved(UUID task, String text, int revision) {
		this.jdbc.sql("""
				INSERT INTO tasks (id, campaign_id, agent_id, tenant_id, task_type, priority, status, context, state_version,
				                   goals_revision, scheduled_at)
				VALUES (?, ?, ?, ?, 'content_generation', 'medium', 'review', '{"goal_description":"Grow"}'::jsonb, 0, ?, ?)
				""").params(task, this.campaign, this.agent, this.tenant, revision, Timestamp.from(NOW)).update();
		Publication post = new Publication(Publication.POST, Platform.TWITTER, text, List.of(), DisclosureLevel.AUTOMATED, null,
				null);
		this.jdbc.sql("""
				INSERT INTO publications (task_id, tenant_id, agent_id, action, payload, next_attempt_at)
				VALUES (?, ?, ?, 'post', CAST(? AS jsonb), ?)
				""").params(task, this.tenant, this.agent, ChimeraJson.write(post), Timestamp.from(NOW)).update();
	}

	private List<UUID> approved(int count) {
		List<UUID> tasks = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			UUID task = UUID.randomUUID();
			approved(task, "Kemis look " + i, 1);
			tasks.add(task);
		}
		return tasks;
	}

	private Publisher publisher(Clock clock, int batch) {
		return new Publisher(tech.aiqem.chimera.ledger.Ledger.on(this.dataSource),
				new TransactionTemplate(new DataSourceTransactionManager(this.dataSource)), this.tools, clock,
				new SimpleMeterRegistry(), 5, Duration.ofMinutes(3), batch, this.calls);
	}

	private String status(String table, String column, String key) {
		return status(table, column, key, this.task);
	}

	private String status(String table, String column, String key, UUID task) {
		return this.jdbc.sql("SELECT " + column + " FROM " + table + " WHERE " + key + " = ?").param(task).query(String.class).single();
	}

	private Instant due(UUID task) {
		return this.jdbc.sql("SELECT next_attempt_at FROM publications WHERE task_id = ?").param(task).query(Timestamp.class)
			.single().toInstant();
	}

	@Test
	void aPublishedPostIsRememberedAsConversationKeyedByItsTask() throws Exception {
		assertThat(this.publisher.publishBatch()).isTrue();

		assertThat(status("publications", "status", "task_id")).isEqualTo("done");
		assertThat(this.tools.remembered).singleElement().satisfies(call -> {
			assertThat(call.context().task()).isEqualTo(new TaskId(this.task));
			assertThat(call.context().tenant()).isNotNull();
			assertThat(call.content()).isEqualTo("Green kemis for Timkat ✨");
			assertThat(call.type()).isEqualTo(MemoryType.CONVERSATION);
			assertThat(call.importance()).isEqualTo(0.6);
			assertThat(call.memoryContext()).containsEntry("platform", Platform.TWITTER)
				.containsEntry("post_id", "post-" + this.task)
				.containsEntry("task_id", new TaskId(this.task))
				.containsEntry("source", "published");
		});
	}

	@Test
	void failingToRememberDoesNotFailThePublication() throws Exception {
		this.tools.rememberFailure = ChimeraException.toolsUnavailable("MCP server unavailable after 5 attempts", null);

		assertThat(this.publisher.publishBatch()).isTrue();

		assertThat(this.tools.remembered).hasSize(1);
		assertThat(status("publications", "status", "task_id")).isEqualTo("done");
		assertThat(status("tasks", "status", "id")).isEqualTo("complete");
		assertThat(status("publications", "external_ref", "task_id")).isEqualTo("post-" + this.task);
	}

	@Test
	void aPostThePlatformDefersIsPublishedWhenItSaysNotFailed() throws Exception {
		Instant later = NOW.plus(Duration.ofHours(5));
		this.tools.postFailure = new ToolErrorException("post_content", new ToolFailure(ToolFailure.Reason.RETRY_LATER, null,
				"post_content: not posted yet, the account's posting quota or spacing puts this post at " + later, later));

		assertThat(this.publisher.publishBatch()).isTrue();

		assertThat(status("publications", "status", "task_id")).isEqualTo("pending");
		assertThat(status("tasks", "status", "id")).isEqualTo("review");
		assertThat(this.jdbc.sql("SELECT next_attempt_at FROM publications WHERE task_id = ?").param(this.task)
			.query(Timestamp.class).single().toInstant()).isEqualTo(later);
	}

	@Test
	void aToolOutageIsRetriedAfterRealSecondsEvenOnADemoClock() throws Exception {
		// at x2400 the first backoff's 4 s would be 1.7 ms of real time: a Redis restart would spend every attempt
		Clock demo = new ScaledClock(Clock.fixed(NOW, ZoneOffset.UTC), NOW, 2400);
		Publisher onDemoClock = publisher(demo, 64);
		this.tools.postFailure = ChimeraException.toolsUnavailable("MCP server unavailable after 5 attempts", null);

		assertThat(onDemoClock.publishBatch()).isTrue();

		assertThat(status("publications", "status", "task_id")).isEqualTo("pending");
		assertThat(status("publications", "attempts", "task_id")).isEqualTo("1");
		assertThat(this.jdbc.sql("SELECT next_attempt_at FROM publications WHERE task_id = ?").param(this.task)
			.query(Timestamp.class).single().toInstant()).isEqualTo(NOW.plus(Duration.ofSeconds(4 * 2400)));
		assertThat(onDemoClock.publishBatch()).as("nothing due before the backoff has passed").isFalse();
	}

	@Test
	void aBatchWritesEachOutcomeAsItsOwnCallEnded() throws Exception {
		UUID refused = UUID.randomUUID();
		UUID unavailable = UUID.randomUUID();
		UUID outage = UUID.randomUUID();
		UUID deferred = UUID.randomUUID();
		UUID stale = UUID.randomUUID();
		approved(refused, "Same kemis again", 1);
		approved(unavailable, "Kemis while X is down", 1);
		approved(outage, "Kemis while mcp-tools is down", 1);
		approved(deferred, "Kemis over the quota", 1);
		approved(stale, "Kemis for last week's goals", 0);
		Instant later = NOW.plus(Duration.ofHours(5));
		this.tools.postFailures.put(refused, new ToolErrorException("post_content",
				new ToolFailure(ToolFailure.Reason.DUPLICATE_CONTENT, null, "post_content: posted already", null)));
		this.tools.postFailures.put(unavailable, new ToolErrorException("post_content",
				new ToolFailure(ToolFailure.Reason.PLATFORM_UNAVAILABLE, null, "post_content: twitter is unavailable", null)));
		this.tools.postFailures.put(outage, ChimeraException.toolsUnavailable("MCP server unavailable after 5 attempts", null));
		this.tools.postFailures.put(deferred, new ToolErrorException("post_content",
				new ToolFailure(ToolFailure.Reason.RETRY_LATER, null, "post_content: not posted yet", later)));

		assertThat(this.publisher.publishBatch()).isTrue();

		assertThat(status("publications", "status", "task_id")).isEqualTo("done");
		assertThat(status("tasks", "status", "id")).isEqualTo("complete");
		assertThat(this.tools.remembered).as("only the post that went out").singleElement()
			.satisfies(call -> assertThat(call.context().task()).isEqualTo(new TaskId(this.task)));
		assertThat(status("tasks", "status || ' ' || error_message", "id", refused))
			.isEqualTo("failed tool refused: post_content: posted already");
		assertThat(status("publications", "status", "task_id", refused)).isEqualTo("failed");
		for (UUID retried : List.of(unavailable, outage)) {
			assertThat(status("publications", "status || ' ' || attempts", "task_id", retried)).isEqualTo("pending 1");
			assertThat(status("tasks", "status", "id", retried)).isEqualTo("review");
			assertThat(due(retried)).isEqualTo(NOW.plus(Duration.ofSeconds(4)));
		}
		assertThat(status("publications", "status || ' ' || attempts", "task_id", deferred)).isEqualTo("pending 0");
		assertThat(due(deferred)).isEqualTo(later);
		assertThat(status("tasks", "status || ' ' || error_code", "id", stale)).isEqualTo("failed E1004");
		assertThat(status("publications", "status", "task_id", stale)).isEqualTo("failed");
	}

	@Test
	void aBatchTakesAtMostItsSizeAndTheRestInTheNext() throws Exception {
		List<UUID> more = approved(4);
		Publisher byTwo = publisher(Clock.fixed(NOW, ZoneOffset.UTC), 2);

		assertThat(byTwo.publishBatch()).isTrue();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM publications WHERE status = 'done'").query(Integer.class).single()).isEqualTo(2);
		assertThat(byTwo.publishBatch()).isTrue();
		assertThat(byTwo.publishBatch()).isTrue();
		assertThat(byTwo.publishBatch()).isFalse();
		for (UUID task : more) {
			assertThat(status("publications", "status", "task_id", task)).isEqualTo("done");
		}
		assertThat(status("publications", "status", "task_id")).isEqualTo("done");
	}

	@Test
	void theCallsOfABatchAreInFlightAtOnce() throws Exception {
		List<UUID> more = approved(5);
		// each post_content waits until all six are in flight: one at a time, the first would give up after 5 s
		this.tools.together = new CountDownLatch(6);

		assertThat(this.publisher.publishBatch()).isTrue();

		assertThat(this.tools.mostInFlight).hasValue(6);
		for (UUID task : more) {
			assertThat(status("tasks", "status", "id", task)).isEqualTo("complete");
		}
		assertThat(this.tools.remembered).hasSize(6);
	}

	@Test
	void anOutcomeThatCannotBeWrittenLosesNoneOfTheOthers() throws Exception {
		List<UUID> others = approved(2);
		this.jdbc.sql("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$")
			.update();
		this.jdbc.sql("CREATE TRIGGER refuse BEFORE UPDATE ON tasks FOR EACH ROW WHEN (OLD.id = '" + this.task
				+ "') EXECUTE FUNCTION refuse()").update();

		assertThat(this.publisher.publishBatch()).isTrue();

		for (UUID task : others) {
			assertThat(status("tasks", "status", "id", task)).isEqualTo("complete");
			assertThat(status("publications", "status", "task_id", task)).isEqualTo("done");
		}
		assertThat(status("publications", "status", "task_id")).as("written with its task or not at all").isEqualTo("pending");
		assertThat(status("tasks", "status", "id")).isEqualTo("review");
		assertThat(due(this.task)).as("called again, with the same task id, when its lease ends")
			.isEqualTo(NOW.plus(Duration.ofMinutes(3)));
		assertThat(this.tools.remembered).as("only what was written").extracting(call -> call.context().task().value())
			.containsExactlyInAnyOrderElementsOf(others);
	}

	@Test
	void withoutAConnectionTheOutcomesAreNotTriedOneByOne() throws Exception {
		approved(5);
		AtomicBoolean down = new AtomicBoolean();
		AtomicInteger asked = new AtomicInteger();
		DataSource failing = new DelegatingDataSource(this.dataSource) {

			@Override
			public Connection getConnection() throws SQLException {
				if (down.get()) {
					asked.incrementAndGet();
					throw new SQLException("Connection refused", "08001");
				}
				return super.getConnection();
			}
		};
		// the database goes away while the calls are in flight
		this.tools.onPost = () -> down.set(true);
		Publisher publisher = new Publisher(tech.aiqem.chimera.ledger.Ledger.on(failing),
				new TransactionTemplate(new DataSourceTransactionManager(failing)), this.tools, Clock.fixed(NOW, ZoneOffset.UTC),
				new SimpleMeterRegistry(), 5, Duration.ofMinutes(3), 64, this.calls);

		assertThatExceptionOfType(CannotCreateTransactionException.class).isThrownBy(publisher::publishBatch);

		assertThat(asked).as("the batch's transaction and the first of the six on its own, not the other five").hasValue(2);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM publications WHERE status = 'pending' AND next_attempt_at = ?")
			.param(Timestamp.from(NOW.plus(Duration.ofMinutes(3)))).query(Integer.class).single())
			.as("all due again when their lease ends").isEqualTo(6);
		assertThat(this.tools.remembered).isEmpty();
	}

	@Test
	void aCallWhoseLeaseEndedWhileItWaitedForAThreadIsNotMade() throws Exception {
		UUID waiting = UUID.randomUUID();
		approved(waiting, "Kemis at the back of the queue", 1);
		AtomicReference<Instant> time = new AtomicReference<>(NOW);
		Clock clock = new Clock() {

			@Override
			public Instant instant() {
				return time.get();
			}

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}
		};
		// the first call takes longer than the 3 min lease; on one thread, the second waits for it
		this.tools.onPost = () -> time.set(NOW.plus(Duration.ofMinutes(4)));
		ExecutorService oneThread = Executors.newSingleThreadExecutor();
		try {
			Publisher slow = new Publisher(tech.aiqem.chimera.ledger.Ledger.on(this.dataSource),
					new TransactionTemplate(new DataSourceTransactionManager(this.dataSource)), this.tools, clock,
					new SimpleMeterRegistry(), 5, Duration.ofMinutes(3), 64, oneThread);

			assertThat(slow.publishBatch()).isTrue();
		}
		finally {
			oneThread.shutdownNow();
		}

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM publications WHERE status = 'done'").query(Integer.class).single())
			.as("the first call's outcome").isOne();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM publications WHERE status = 'pending' AND next_attempt_at = ?")
			.param(Timestamp.from(NOW.plus(Duration.ofMinutes(3)))).query(Integer.class).single())
			.as("the other not called, due again since its lease ended").isOne();
		assertThat(this.tools.remembered).hasSize(1);
	}

	@Test
	void aLongCaptionIsCutToWhatTheToolTakesWithoutSplittingACharacter() {
		String caption = "✨".repeat(1999) + "👗👗";
		String kept = Performer.memoryText(caption);
		assertThat(kept.codePointCount(0, kept.length())).isEqualTo(2000);
		assertThat(kept).endsWith("✨👗");
		assertThat(Performer.memoryText("  short  ")).isEqualTo("short");
	}
}

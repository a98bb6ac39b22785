package tech.aiqem.chimera.judge.publish;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
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

/**
 * After publishing a post the publisher remembers what the agent said; forgetting never fails the post. A
 * platform's deferral and a tool outage put the action back, due when they say.
 */
class PublisherMemoryIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

	private DataSource dataSource;

	private JdbcClient jdbc;

	private Publisher publisher;

	private final RecordingTools tools = new RecordingTools();

	private final UUID task = UUID.randomUUID();

	/** post_content answers a receipt; remember records its call (or fails, when told to). */
	static final class RecordingTools extends ToolsClient {

		record Remembered(ToolCallContext context, String content, MemoryType type, double importance,
				Map<String, Object> memoryContext) {
		}

		final List<Remembered> remembered = new ArrayList<>();

		RuntimeException rememberFailure;

		RuntimeException postFailure;

		RecordingTools() {
			super(new McpClientProperties(URI.create("http://127.0.0.1:1/mcp"), Duration.ofSeconds(1), Duration.ofSeconds(1), 1,
					Duration.ofMillis(1), Duration.ofMillis(1)));
		}

		@Override
		public ToolResults.PostReceipt postContent(ToolCallContext context, Platform platform, String text, List<String> mediaUrls,
				DisclosureLevel disclosure) {
			if (this.postFailure != null) {
				throw this.postFailure;
			}
			return new ToolResults.PostReceipt("post-" + context.task(), platform, "selam", text + "\n\n🤖 AI-generated #AI",
					mediaUrls, DisclosureLevel.AUTOMATED, NOW, false);
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
		this.publisher = publisher(Clock.fixed(NOW, ZoneOffset.UTC));
		UUID tenant = UUID.randomUUID();
		UUID agent = UUID.randomUUID();
		UUID campaign = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO tenants (id, name) VALUES (?, 'acme')").param(tenant).update();
		this.jdbc.sql("""
				INSERT INTO agents (id, tenant_id, name, persona_file_path, persona_source, persona, status)
				VALUES (?, ?, 'Selam', 'soul://selam/SOUL.md', '# Selam', '{}'::jsonb, 'active')
				""").params(agent, tenant).update();
		this.jdbc.sql("""
				INSERT INTO campaigns (id, tenant_id, agent_id, name, goals, status, started_at, duration_days, posts_per_day,
				                       estimated_posts)
				VALUES (?, ?, ?, 'Kemis week', '{"text":"Grow"}'::jsonb, 'active', ?, 1, 3, 3)
				""").params(campaign, tenant, agent, Timestamp.from(NOW)).update();
		this.jdbc.sql("""
				INSERT INTO tasks (id, campaign_id, agent_id, tenant_id, task_type, priority, status, context, state_version,
				                   goals_revision, scheduled_at)
				VALUES (?, ?, ?, ?, 'content_generation', 'medium', 'review', '{"goal_description":"Grow"}'::jsonb, 0, 1, ?)
				""").params(this.task, campaign, agent, tenant, Timestamp.from(NOW)).update();
		Publication post = new Publication(Publication.POST, Platform.TWITTER, "Green kemis for Timkat ✨", List.of(),
				DisclosureLevel.AUTOMATED, null, null);
		this.jdbc.sql("""
				INSERT INTO publications (task_id, tenant_id, agent_id, action, payload, next_attempt_at)
				VALUES (?, ?, ?, 'post', CAST(? AS jsonb), ?)
				""").params(this.task, tenant, agent, ChimeraJson.write(post), Timestamp.from(NOW)).update();
	}

	private Publisher publisher(Clock clock) {
		return new Publisher(tech.aiqem.chimera.ledger.Ledger.on(this.dataSource),
				new TransactionTemplate(new DataSourceTransactionManager(this.dataSource)), this.tools, clock,
				new SimpleMeterRegistry(), 5, Duration.ofMinutes(3));
	}

		private String status(String table, String column, String key) {
		return this.jdbc.sql("SELECT " + column + " FROM " + table + " WHERE " + key + " = ?").param(this.task).query(String.class).single();
	}

	@Test
	void aPublishedPostIsRememberedAsConversationKeyedByItsTask() {
		assertThat(this.publisher.publishNext()).isTrue();

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
	void failingToRememberDoesNotFailThePublication() {
		this.tools.rememberFailure = ChimeraException.toolsUnavailable("MCP server unavailable after 5 attempts", null);

		assertThat(this.publisher.publishNext()).isTrue();

		assertThat(this.tools.remembered).hasSize(1);
		assertThat(status("publications", "status", "task_id")).isEqualTo("done");
		assertThat(status("tasks", "status", "id")).isEqualTo("complete");
		assertThat(status("publications", "external_ref", "task_id")).isEqualTo("post-" + this.task);
	}

	@Test
	void aPostThePlatformDefersIsPublishedWhenItSaysNotFailed() {
		Instant later = NOW.plus(Duration.ofHours(5));
		this.tools.postFailure = new ToolErrorException("post_content", new ToolFailure(ToolFailure.Reason.RETRY_LATER, null,
				"post_content: not posted yet, the account's posting quota or spacing puts this post at " + later, later));

		assertThat(this.publisher.publishNext()).isTrue();

		assertThat(status("publications", "status", "task_id")).isEqualTo("pending");
		assertThat(status("tasks", "status", "id")).isEqualTo("review");
		assertThat(this.jdbc.sql("SELECT next_attempt_at FROM publications WHERE task_id = ?").param(this.task)
			.query(Timestamp.class).single().toInstant()).isEqualTo(later);
	}

	@Test
	void aToolOutageIsRetriedAfterRealSecondsEvenOnADemoClock() {
		// at x2400 the first backoff's 4 s would be 1.7 ms of real time: a Redis restart would spend every attempt
		Clock demo = new ScaledClock(Clock.fixed(NOW, ZoneOffset.UTC), NOW, 2400);
		Publisher onDemoClock = publisher(demo);
		this.tools.postFailure = ChimeraException.toolsUnavailable("MCP server unavailable after 5 attempts", null);

		assertThat(onDemoClock.publishNext()).isTrue();

		assertThat(status("publications", "status", "task_id")).isEqualTo("pending");
		assertThat(status("publications", "attempts", "task_id")).isEqualTo("1");
		assertThat(this.jdbc.sql("SELECT next_attempt_at FROM publications WHERE task_id = ?").param(this.task)
			.query(Timestamp.class).single().toInstant()).isEqualTo(NOW.plus(Duration.ofSeconds(4 * 2400)));
		assertThat(onDemoClock.publishNext()).as("nothing due before the backoff has passed").isFalse();
	}

	@Test
	void aLongCaptionIsCutToWhatTheToolTakesWithoutSplittingACharacter() {
		String caption = "✨".repeat(1999) + "👗👗";
		String kept = Publisher.memoryText(caption);
		assertThat(kept.codePointCount(0, kept.length())).isEqualTo(2000);
		assertThat(kept).endsWith("✨👗");
		assertThat(Publisher.memoryText("  short  ")).isEqualTo("short");
	}
}

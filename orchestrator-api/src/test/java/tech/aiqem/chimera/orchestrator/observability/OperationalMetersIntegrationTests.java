package tech.aiqem.chimera.orchestrator.observability;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.Priority;
import tech.aiqem.chimera.model.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The orchestrator's operational meters against real PostgreSQL and Redis: the HITL queue gauge and the
 * review-time timer follow a human decision, spend gauges follow the ledger, queue depths follow Redis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "chimera.observability.refresh-interval=100ms", "chimera.observability.top-agents=1" })
class OperationalMetersIntegrationTests {

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", TestServices::freshPostgresDatabase);
		registry.add("chimera.redis-url", TestServices::freshRedisUrl);
	}

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Redis redis;

	@Autowired
	Clock clock;

	@Test
	void hitlSpendAndQueueMetersFollowTheDatabaseAndRedis() {
		UUID agent = agent("Selam Style");
		UUID other = agent("Abebe Threads");
		UUID campaign = campaign(agent);
		UUID tenant = this.jdbc.sql("SELECT tenant_id FROM agents WHERE id = :id").param("id", agent).query(UUID.class).single();
		Instant now = this.clock.instant();
		UUID review = escalate(task(campaign, agent, tenant, 0), agent, tenant, now.minusSeconds(90));
		escalate(task(campaign, agent, tenant, 1), agent, tenant, now.minusSeconds(30));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(gauge("chimera.hitl.queue.size")).isEqualTo(2);
			assertThat(gauge("chimera.hitl.queue.oldest")).isBetween(85.0, 600.0);
		});
		assertThat(this.meters.find("chimera.hitl.review.time").timer()).isNull();

		JsonNode decided = post("/v1/hitl/" + review + "/decision", Map.of("decision", "rejected"));
		assertThat(decided.get("decision").asString()).isEqualTo("rejected");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			var timer = this.meters.find("chimera.hitl.review.time").tag("decision", "rejected").timer();
			assertThat(timer).isNotNull();
			assertThat(timer.count()).isEqualTo(1);
			assertThat(timer.totalTime(java.util.concurrent.TimeUnit.SECONDS)).isBetween(85.0, 600.0);
			assertThat(gauge("chimera.hitl.queue.size")).isEqualTo(1);
		});

		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		spend(tenant, agent, "1.250000", today, "model:a");
		spend(tenant, other, "0.500000", today, "model:b");
		spend(tenant, other, "9.000000", today.minusDays(1), "model:c");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(gauge("chimera.spend.tenant.usd", "tenant_id", tenant.toString())).isEqualTo(1.75);
			// top-agents=1: only today's biggest spender has a series
			assertThat(this.meters.find("chimera.spend.agent.usd").gauges()).singleElement()
				.satisfies(g -> assertThat(g.getId().getTag("agent_id")).isEqualTo(agent.toString()))
				.satisfies(g -> assertThat(g.value()).isEqualTo(1.25));
		});
		spend(tenant, other, "2.000000", today, "model:d");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(this.meters.find("chimera.spend.agent.usd").gauges())
			.singleElement()
			.satisfies(g -> assertThat(g.getId().getTag("agent_id")).isEqualTo(other.toString())));

		this.redis.shared().sync().lpush(RedisKeys.tasks(Priority.HIGH), "{}", "{}");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(
				() -> assertThat(gauge("chimera.queue.depth", "queue", "high")).isEqualTo(2));
	}

	private double gauge(String name) {
		io.micrometer.core.instrument.Gauge gauge = this.meters.find(name).gauge();
		assertThat(gauge).as(name).isNotNull();
		return gauge.value();
	}

	/**
	 * A series' value; an assertion error (which the awaits retry) while it is missing, as it is for a moment
	 * whenever the refresh re-registers the spend series (MultiGauge with overwrite).
	 */
	private double gauge(String name, String tag, String value) {
		io.micrometer.core.instrument.Gauge gauge = this.meters.find(name).tag(tag, value).gauge();
		assertThat(gauge).as(name + "{" + tag + "=" + value + "}").isNotNull();
		return gauge.value();
	}

	private UUID agent(String name) {
		String soul = "# " + name + "\n## Voice\n- Warm\n## Topics\n- Fashion\n## Disclosure\nautomated\n";
		return UUID.fromString(post("/v1/agents", Map.of("name", name, "persona_file",
				Base64.getEncoder().encodeToString(soul.getBytes(StandardCharsets.UTF_8)), "social_accounts",
				Map.of("twitter", Map.of("username", name.toLowerCase().replace(' ', '_')))))
			.get("agent_id").asString());
	}

	private UUID campaign(UUID agent) {
		return UUID.fromString(post("/v1/campaigns", Map.of("agent_id", agent.toString(), "name", "Launch", "goals",
				"Two posts a day", "duration_days", 3)).get("campaign_id").asString());
	}

	private UUID task(UUID campaign, UUID agent, UUID tenant, int slot) {
		return this.jdbc.sql("""
				INSERT INTO tasks (campaign_id, agent_id, tenant_id, task_type, priority, status, context, state_version,
				                   goals_revision, slot, scheduled_at)
				VALUES (:campaign, :agent, :tenant, 'content_generation', 'medium', 'review', '{}'::jsonb, 1, 1, :slot, now())
				RETURNING id
				""")
			.param("campaign", campaign).param("agent", agent).param("tenant", tenant).param("slot", 100 + slot)
			.query(UUID.class).single();
	}

	private UUID escalate(UUID task, UUID agent, UUID tenant, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO hitl_reviews (task_id, tenant_id, agent_id, content, confidence_score, review_deadline, created_at)
				VALUES (:task, :tenant, :agent, '{"text":"hello"}'::jsonb, 0.5, :deadline, :at) RETURNING id
				""")
			.param("task", task).param("tenant", tenant).param("agent", agent)
			.param("deadline", Timestamp.from(at.plus(Duration.ofHours(4)))).param("at", Timestamp.from(at))
			.query(UUID.class).single();
	}

	private void spend(UUID tenant, UUID agent, String usd, LocalDate day, String ref) {
		this.jdbc.sql("""
				INSERT INTO spend_ledger (tenant_id, agent_id, kind, amount_usd, day, ref)
				VALUES (:tenant, :agent, 'model', CAST(:usd AS numeric), :day, :ref)
				""")
			.param("tenant", tenant).param("agent", agent).param("usd", usd).param("day", day).param("ref", ref)
			.update();
	}

	private String key;

	private JsonNode post(String path, Object body) {
		if (this.key == null) {
			this.key = tech.aiqem.chimera.orchestrator.TestKeys.apiKey(this.jdbc, "default", "admin");
		}
		String response = RestClient.create("http://localhost:" + this.port).post().uri(path)
			.header("Authorization", "Bearer " + this.key)
			.contentType(MediaType.APPLICATION_JSON).body(ChimeraJson.write(body)).retrieve().body(String.class);
		return ChimeraJson.tree(response);
	}
}

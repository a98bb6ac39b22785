package tech.aiqem.chimera.orchestrator;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestConstructor;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.orchestrator.agent.WalletIssuer;
import tech.aiqem.chimera.orchestrator.wallet.WalletBalances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The endpoints the dashboard added — timeline, daily metrics, incidents, wallet, the review stream —
 * over HTTP against real PostgreSQL and Redis, with rows seeded as the other services write them, and
 * another tenant's rows present to show they never leak.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class DashboardApiIntegrationTests {

	static final String RICH = "0x52908400098527886E0F7030069857D2E4169EE7";

	static final String BROKEN = "0x8617E340B3D01FA5F11F306F4090FD50E238070D";

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", TestServices::freshPostgresDatabase);
		registry.add("chimera.redis-url", TestServices::freshRedisUrl);
	}

	@TestConfiguration
	static class Wallets {

		@Bean
		@Primary
		WalletIssuer testIssuer() {
			return (tenant, agent) -> RICH;
		}

		@Bean
		@Primary
		WalletBalances testBalances() {
			return address -> {
				if (address.equals(BROKEN)) {
					throw new IllegalStateException("connection refused");
				}
				return new WalletBalances.Balance(address, "base", new BigDecimal("12.500000"), new BigDecimal("0.01"));
			};
		}
	}

	private final JdbcClient jdbc;

	private final DashboardSeed seed;

	private final Clock clock;

	@Value("${local.server.port}")
	int port;

	DashboardApiIntegrationTests(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.seed = new DashboardSeed(jdbc);
		this.clock = clock;
	}

	private String key;

	/** An admin API key of the default tenant, written straight into the database. */
	private String bearer() {
		if (this.key == null) {
			this.key = TestKeys.apiKey(this.jdbc, "default", "admin");
		}
		return "Bearer " + this.key;
	}

	private JsonNode get(String path, int expectedStatus) {
		return RestClient.create("http://localhost:" + this.port).method(HttpMethod.GET).uri(path)
			.header("Authorization", bearer())
			.exchange((request, response) -> {
				assertThat(response.getStatusCode().value()).as(path).isEqualTo(expectedStatus);
				return ChimeraJson.tree(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
			});
	}

	private UUID defaultTenant() {
		get("/v1/agents", 200); // the default tenant exists once a request has resolved it
		return this.seed.tenant("default");
	}

	@Test
	void timelineShowsTheAgentsPostsNewestFirstWithEngagementAndTheOfflineMark() {
		UUID tenant = defaultTenant();
		UUID agent = this.seed.agent(tenant, "Timeline " + UUID.randomUUID(), null);
		UUID campaign = this.seed.campaign(tenant, agent);
		Instant now = this.clock.instant();
		UUID task = this.seed.task(tenant, agent, campaign, "complete", "human", now.minusSeconds(60));
		this.seed.post(tenant, agent, task.toString(), "Newest post", now.minusSeconds(10), 7, 100);
		this.seed.post(tenant, agent, "not-a-task-id", "Older post", now.minusSeconds(3600), 2, 50);
		UUID other = this.seed.tenant("other-" + UUID.randomUUID());
		UUID stranger = this.seed.agent(other, "Stranger", null);
		this.seed.post(other, stranger, UUID.randomUUID().toString(), "Not yours", now, 1, 1);

		JsonNode timeline = get("/v1/agents/" + agent + "/timeline", 200);
		assertThat(timeline.get("total").asLong()).isEqualTo(2);
		JsonNode newest = timeline.get("items").get(0);
		assertThat(newest.get("text").asString()).isEqualTo("Newest post");
		assertThat(newest.get("media_urls").get(0).asString()).isEqualTo("http://localhost/media/a.png");
		assertThat(newest.get("engagement").get("likes").asLong()).isEqualTo(7);
		assertThat(newest.get("engagement").get("impressions").asLong()).isEqualTo(100);
		assertThat(newest.get("task_id").asString()).isEqualTo(task.toString());
		assertThat(newest.get("approved_by").asString()).isEqualTo("human");
		assertThat(newest.get("offline").asBoolean()).isTrue();
		JsonNode older = timeline.get("items").get(1);
		assertThat(older.get("text").asString()).isEqualTo("Older post");
		assertThat(older.get("task_id").isNull()).isTrue();
		assertThat(older.get("offline").asBoolean()).isFalse();

		assertThat(get("/v1/agents/" + agent + "/timeline?limit=1", 200).get("items").size()).isEqualTo(1);
		assertThat(get("/v1/agents/" + stranger + "/timeline", 404).get("code").asString()).isEqualTo("not_found");
		assertThat(get("/v1/agents/" + agent + "/timeline?limit=0", 422).get("errors").get(0).get("field").asString())
			.isEqualTo("limit");
	}

	@Test
	void dailySeriesCountsPostsEngagementSpendRevenueAndAutonomyPerDay() {
		UUID tenant = defaultTenant();
		String wallet = "0x" + "ab".repeat(20);
		UUID agent = this.seed.agent(tenant, "Series " + UUID.randomUUID(), wallet);
		UUID campaign = this.seed.campaign(tenant, agent);
		Instant now = this.clock.instant();
		Instant yesterday = now.minus(1, ChronoUnit.DAYS);
		this.seed.task(tenant, agent, campaign, "complete", "judge", now);
		UUID reviewed = this.seed.task(tenant, agent, campaign, "complete", "human", now);
		this.seed.review(tenant, agent, reviewed, now);
		this.jdbc.sql("UPDATE hitl_reviews SET decision = 'approved', reviewed_at = :now, reviewed_by = 'test' WHERE task_id = :task")
			.param("now", java.sql.Timestamp.from(now)).param("task", reviewed).update();
		this.seed.task(tenant, agent, campaign, "complete", "judge", yesterday);
		this.seed.post(tenant, agent, UUID.randomUUID().toString(), "today", now, 8, 200);
		this.seed.spend(tenant, agent, "0.40", now);
		this.seed.spend(tenant, agent, "0.10", now);
		this.seed.incoming(tenant, agent, wallet.toUpperCase().replace("0X", "0x"), "1.00", now);

		JsonNode body = get("/v1/agents/" + agent + "/metrics/series?days=3", 200);
		JsonNode series = body.get("series");
		assertThat(series.size()).isEqualTo(3);
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		assertThat(body.get("to").asString()).isEqualTo(today.toString());
		JsonNode last = series.get(2);
		assertThat(last.get("day").asString()).isEqualTo(today.toString());
		assertThat(last.get("posts").asLong()).isEqualTo(2);
		assertThat(last.get("engagement").asLong()).isEqualTo(10); // 8 likes + 1 repost + 1 reply
		assertThat(last.get("impressions").asLong()).isEqualTo(200);
		assertThat(last.get("engagement_rate").decimalValue()).isEqualByComparingTo("0.05");
		assertThat(last.get("spend_usd").decimalValue()).isEqualByComparingTo("0.50");
		assertThat(last.get("revenue_usd").decimalValue()).isEqualByComparingTo("1.00");
		assertThat(last.get("roi").decimalValue()).isEqualByComparingTo("2.00");
		assertThat(last.get("autonomy_rate").decimalValue()).isEqualByComparingTo("0.50");
		JsonNode before = series.get(1);
		assertThat(before.get("posts").asLong()).isEqualTo(1);
		assertThat(before.get("autonomy_rate").decimalValue()).isEqualByComparingTo("1.00");
		assertThat(before.get("roi").isNull()).isTrue();
		assertThat(series.get(0).get("posts").asLong()).isZero();
		assertThat(series.get(0).get("autonomy_rate").isNull()).isTrue();

		assertThat(get("/v1/agents/" + agent + "/metrics/series", 200).get("series").size()).isEqualTo(14);
		get("/v1/agents/" + agent + "/metrics/series?days=0", 422);
		get("/v1/agents/" + UUID.randomUUID() + "/metrics/series", 404);
	}

	@Test
	void incidentsAreTheTenantsOwnNewestFirstAndFilterable() {
		UUID tenant = defaultTenant();
		UUID agent = this.seed.agent(tenant, "Incidents " + UUID.randomUUID(), null);
		Instant now = this.clock.instant();
		this.seed.incident(tenant, agent, "E1003", "prompt injection in a mention", now.minusSeconds(30));
		this.seed.incident(tenant, agent, "E1001", "daily budget spent", now);
		UUID other = this.seed.tenant("other-" + UUID.randomUUID());
		this.seed.incident(other, this.seed.agent(other, "Other", null), "E1005", "not yours", now.plusSeconds(5));

		JsonNode items = get("/v1/incidents?limit=200", 200).get("items");
		List<String> messages = Stream.iterate(0, i -> i < items.size(), i -> i + 1).map(i -> items.get(i).get("message").asString()).toList();
		assertThat(messages).doesNotContain("not yours");
		assertThat(messages.indexOf("daily budget spent")).isLessThan(messages.indexOf("prompt injection in a mention"));
		JsonNode budget = items.get(messages.indexOf("daily budget spent"));
		assertThat(budget.get("title").asString()).isEqualTo("Budget exceeded");
		assertThat(budget.get("agent_id").asString()).isEqualTo(agent.toString());
		assertThat(budget.get("detail").get("source").asString()).isEqualTo("test");

		JsonNode injections = get("/v1/incidents?code=E1003&agent_id=" + agent, 200);
		assertThat(injections.get("count").asInt()).isEqualTo(1);
		assertThat(get("/v1/incidents?limit=1", 200).get("items").size()).isEqualTo(1);
		assertThat(get("/v1/incidents?code=E9999", 422).get("errors").get(0).get("field").asString()).isEqualTo("code");
	}

	/** An overdue review is an incident without an error code: listed with its kind, and the pipeline still counts. */
	@Test
	void incidentsWithoutAnErrorCodeAreListedByKind() {
		UUID tenant = defaultTenant();
		UUID agent = this.seed.agent(tenant, "Overdue " + UUID.randomUUID(), null);
		this.seed.overdueReview(tenant, agent, "a review is past its deadline", this.clock.instant().plusSeconds(60));

		JsonNode newest = get("/v1/incidents?limit=1", 200).get("items").get(0);
		assertThat(newest.get("kind").asString()).isEqualTo("review_overdue");
		assertThat(newest.get("code").isNull()).isTrue();
		assertThat(newest.get("title").asString()).isEqualTo("Human review overdue");
		assertThat(newest.get("agent_id").asString()).isEqualTo(agent.toString());
		JsonNode errors = get("/v1/pipeline", 200).get("errors_last_24h");
		assertThat(errors.has("E1001")).isTrue();
		assertThat(errors.size()).as("only the specification's codes").isEqualTo(8);
	}

	/** Tasks nothing finished by their deadline show on the pipeline, open ones and those the sweeper failed. */
	@Test
	void thePipelineShowsTasksStuckPastTheirDeadline() {
		UUID tenant = defaultTenant();
		UUID agent = this.seed.agent(tenant, "Stuck " + UUID.randomUUID(), null);
		UUID campaign = this.seed.campaign(tenant, agent);
		JsonNode before = get("/v1/pipeline", 200).get("stuck");
		UUID task = this.seed.task(tenant, agent, campaign, "in_progress", null, this.clock.instant().minusSeconds(7200));
		this.jdbc.sql("UPDATE tasks SET deadline = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(this.clock.instant().minusSeconds(60)), task)
			.update();
		this.jdbc.sql("""
				INSERT INTO incidents (tenant_id, agent_id, task_id, code, kind, message, created_at)
				VALUES (?, ?, ?, 'E2001', 'task_stuck', 'still in progress past its deadline plus grace', ?)
				""").params(tenant, agent, task, java.sql.Timestamp.from(this.clock.instant()))
			.update();

		JsonNode after = get("/v1/pipeline", 200).get("stuck");
		assertThat(after.get("past_deadline").asLong()).isEqualTo(before.get("past_deadline").asLong() + 1);
		assertThat(after.get("swept_last_24h").asLong()).isEqualTo(before.get("swept_last_24h").asLong() + 1);
		assertThat(get("/v1/incidents?agent_id=" + agent, 200).get("items").get(0).get("title").asString())
			.isEqualTo("Task stuck past its deadline");
	}

	@Test
	void walletShowsTheAddressAndWhatTheBalancesPortReads() {
		UUID tenant = defaultTenant();
		UUID rich = this.seed.agent(tenant, "Rich " + UUID.randomUUID(), RICH);
		JsonNode wallet = get("/v1/agents/" + rich + "/wallet", 200);
		assertThat(wallet.get("address").asString()).isEqualTo(RICH);
		assertThat(wallet.get("usdc").decimalValue()).isEqualByComparingTo("12.5");
		assertThat(wallet.get("eth").decimalValue()).isEqualByComparingTo("0.01");
		assertThat(wallet.get("network").asString()).isEqualTo("base");

		UUID broken = this.seed.agent(tenant, "Broken " + UUID.randomUUID(), BROKEN);
		JsonNode unreadable = get("/v1/agents/" + broken + "/wallet", 200);
		assertThat(unreadable.get("address").asString()).isEqualTo(BROKEN);
		assertThat(unreadable.get("usdc").isNull()).isTrue();
		assertThat(unreadable.get("balance_error").asString()).contains("connection refused");

		UUID none = this.seed.agent(tenant, "None " + UUID.randomUUID(), null);
		JsonNode noWallet = get("/v1/agents/" + none + "/wallet", 200);
		assertThat(noWallet.get("address").isNull()).isTrue();
		assertThat(noWallet.get("usdc").isNull()).isTrue();
		get("/v1/agents/" + UUID.randomUUID() + "/wallet", 404);

		assertThat(WalletBalances.UNKNOWN.balance(RICH)).isEqualTo(new WalletBalances.Balance(RICH, null, null, null));
	}

	@Test
	void reviewStreamTellsTheTenantItsQueueChangedAndNothingAboutOtherTenants() throws Exception {
		UUID tenant = defaultTenant();
		UUID agent = this.seed.agent(tenant, "Stream " + UUID.randomUUID(), null);
		UUID campaign = this.seed.campaign(tenant, agent);
		UUID other = this.seed.tenant("other-" + UUID.randomUUID());
		UUID stranger = this.seed.agent(other, "Stranger", null);
		UUID strangerCampaign = this.seed.campaign(other, stranger);

		List<JsonNode> events = new CopyOnWriteArrayList<>();
		HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v1/hitl/stream"))
					.header("Authorization", bearer()).build(),
				HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
		Thread reader = new Thread(() -> {
			try {
				response.body()
					.filter(line -> line.startsWith("data:"))
					.forEach(line -> events.add(ChimeraJson.tree(line.substring(5))));
			}
			catch (java.io.UncheckedIOException ex) {
				// the test closed the stream
			}
		}, "sse-reader");
		reader.setDaemon(true);
		reader.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
			long before = events.get(0).get("total").asLong();
			String decidedBefore = events.get(0).get("last_decided_at").toString();

			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			// Another tenant's newer review first: were it to leak, total and newest_created_at would show it.
			this.seed.review(other, stranger, this.seed.task(other, stranger, strangerCampaign, "review", null, now),
					now.plusSeconds(60));
			UUID mine = this.seed.review(tenant, agent, this.seed.task(tenant, agent, campaign, "review", null, now), now);
			await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(e -> e.get("total").asLong() == before + 1));
			for (JsonNode event : events) {
				assertThat(event.get("total").asLong()).as("never counts the other tenant's review").isLessThanOrEqualTo(before + 1);
				assertThat(event.get("newest_created_at").asString()).isNotEqualTo(now.plusSeconds(60).toString());
			}
			JsonNode arrived = events.stream().filter(e -> e.get("total").asLong() == before + 1).findFirst().orElseThrow();
			assertThat(Instant.parse(arrived.get("newest_created_at").asString())).isEqualTo(now);

			JsonNode queue = get("/v1/hitl/queue", 200);
			JsonNode item = Stream.iterate(0, i -> i < queue.get("items").size(), i -> i + 1)
				.map(i -> queue.get("items").get(i))
				.filter(i -> i.get("review_id").asString().equals(mine.toString()))
				.findFirst()
				.orElseThrow();
			assertThat(item.get("offline").asBoolean()).isTrue();
			assertThat(item.get("model").asString()).isEqualTo("offline/chimera-offline");

			RestClient.create("http://localhost:" + this.port).post().uri("/v1/hitl/" + mine + "/decision")
				.header("Authorization", bearer())
				.contentType(MediaType.APPLICATION_JSON).body("{\"decision\":\"rejected\"}").retrieve().toBodilessEntity();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> events.stream().anyMatch(e -> e.get("total").asLong() == before
						&& !e.get("last_decided_at").toString().equals(decidedBefore)));
		}
		finally {
			response.body().close();
		}
	}


	@Test
	void clockAndTheDashboardAreServedAndTheNewEndpointsDocumented() {
		JsonNode clock = get("/v1/clock", 200);
		assertThat(Instant.parse(clock.get("now").asString())).isCloseTo(this.clock.instant(), within(Duration.ofMinutes(1)));
		assertThat(clock.get("time_scale").asDouble()).isEqualTo(1.0);

		JsonNode paths = get("/v3/api-docs", 200).get("paths");
		for (String path : List.of("/v1/agents/{agentId}/timeline", "/v1/agents/{agentId}/metrics/series",
				"/v1/agents/{agentId}/wallet", "/v1/incidents", "/v1/hitl/stream", "/v1/clock")) {
			assertThat(paths.has(path)).as(path).isTrue();
		}

		String index = RestClient.create("http://localhost:" + this.port).get().uri("/").retrieve().body(String.class);
		assertThat(index).contains("<script type=\"module\" src=\"js/app.js\"></script>");
		// Everything the page loads is served here: no CDN, no build step, only the /v1 API.
		String api = RestClient.create("http://localhost:" + this.port).get().uri("/js/api.js").retrieve().body(String.class);
		assertThat(api).contains("'/v1/auth/me'").doesNotContain("http://", "https://");
	}
}

package tech.aiqem.chimera.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.aiqem.chimera.memory.Memory;
import tech.aiqem.chimera.memory.MemoryQuery;
import tech.aiqem.chimera.memory.Relevance;
import tech.aiqem.chimera.memory.ScoredMemory;
import tech.aiqem.chimera.memory.weaviate.VectorSource;
import tech.aiqem.chimera.memory.weaviate.WeaviateMemoryStore;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.MemoryType;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.tools.config.ToolsProperties;
import tech.aiqem.chimera.tools.image.AspectRatio;
import tech.aiqem.chimera.tools.image.GeneratedImage;
import tech.aiqem.chimera.tools.image.IdeogramImageGenerator;
import tech.aiqem.chimera.tools.image.ImageRequest;
import tech.aiqem.chimera.tools.image.ImageStyle;
import tech.aiqem.chimera.tools.media.FileSystemMediaStore;
import tech.aiqem.chimera.tools.pacing.RateLimitBlocks;
import tech.aiqem.chimera.tools.platform.AccountRef;
import tech.aiqem.chimera.tools.platform.OutgoingPost;
import tech.aiqem.chimera.tools.platform.PublishedPost;
import tech.aiqem.chimera.tools.platform.x.XApiPlatform;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-ins driven by mcp-tools' and agent-memory's real live adapters, configured as
 * {@link HostedTools#environment} configures them: each adapter's calls must succeed and read what the hosted
 * API would answer, after the configured latency, and many calls wait at once without a thread each.
 */
class HostedStandInsTests {

	private static final Duration LATENCY = Duration.ofMillis(200);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private HostedStandIns standIns;

	@BeforeEach
	void start() {
		this.standIns = HostedStandIns.start(LATENCY);
	}

	@AfterEach
	void stop() {
		this.standIns.close();
	}

	@Test
	void xAdapterPostsAndReadsMentionsAfterTheLatency() {
		var api = new ToolsProperties.Api(ToolsProperties.Mode.LIVE, URI.create(this.standIns.url()), "placeholder", Map.of());
		XApiPlatform x = new XApiPlatform(api, this.http, Duration.ofSeconds(5), new RateLimitBlocks(), Clock.systemUTC());
		AccountRef account = new AccountRef(AgentId.random(), TenantId.random(), Platform.TWITTER, "bench_agent_0", "1000000001");
		long started = System.nanoTime();
		PublishedPost first = x.publish(new OutgoingPost(account, "Summer \"kemis\" drop \u2728", List.of("http://localhost/media/a.png"),
				DisclosureLevel.AUTOMATED, true, null, "task-1"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(LATENCY.multipliedBy(3).dividedBy(4));
		PublishedPost second = x.publish(new OutgoingPost(account, "Reply", List.of(), DisclosureLevel.AUTOMATED, true, first.postId(), "t-2"));
		assertThat(first.postId()).matches("[0-9]{19}");
		assertThat(second.postId()).isNotEqualTo(first.postId());
		assertThat(x.mentions(account, Instant.now().minus(1, ChronoUnit.HOURS), Instant.now())).isEmpty();
		assertThat(x.find(new OutgoingPost(account, "Reply", List.of(), DisclosureLevel.AUTOMATED, true, null, "t-2"),
				Instant.now().minusSeconds(60))).isEmpty();
		assertThat(this.standIns.calls()).containsEntry("POST /2/tweets 201", 2L)
			.containsEntry("GET /2/users/:id/mentions 200", 1L)
			.containsEntry("GET /2/users/:id/tweets 200", 1L);
	}

	@Test
	void xAnswersTheTextItWasSentAndRefusesACallWithoutAToken() throws Exception {
		HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(this.standIns.url() + "/2/tweets"))
			.header("Authorization", "Bearer placeholder")
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"a \\\"quoted\\\" line\\n\\u00e9\",\"reply\":{\"in_reply_to_tweet_id\":\"1\"}}")));
		assertThat(posted.statusCode()).isEqualTo(201);
		assertThat(posted.body()).contains("\"text\":\"a \\\"quoted\\\" line\\n\\u00e9\"}");
		assertThat(posted.headers().firstValue("x-rate-limit-remaining")).hasValue("999999");
		HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(this.standIns.url() + "/2/tweets"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"x\"}")));
		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

	@Test
	void ideogramAdapterGetsAnImageItDownloads(@TempDir Path media) throws Exception {
		FileSystemMediaStore store = new FileSystemMediaStore(media);
		Files.createDirectories(media.resolve("characters"));
		store.put("characters/agent-1.png", StandInBodies.PNG, "image/png");
		IdeogramImageGenerator ideogram = new IdeogramImageGenerator(URI.create(this.standIns.url()), "placeholder", this.http,
				Duration.ofSeconds(5), store, Clock.systemUTC());
		GeneratedImage image = ideogram.generate(new ImageRequest("A ceramic mug, soft light", "agent-1", ImageStyle.REALISTIC,
				AspectRatio.PORTRAIT));
		assertThat(image.content()).isEqualTo(StandInBodies.PNG);
		assertThat(image.width()).isEqualTo(64);
		assertThat(image.height()).isEqualTo(80);
		assertThat(image.seed()).isNotNull();
		assertThat(this.standIns.calls()).containsEntry("POST " + HostedAnswers.IDEOGRAM_PATH + " 200", 1L)
			.containsEntry("GET " + HostedAnswers.IMAGE_PATH + "*.png 200", 1L);
	}

	@Test
	void weaviateStoreWithServerVectorsWritesAndFindsTheAgentsMemoriesWithoutAnEmbedder() {
		WeaviateMemoryStore store = new WeaviateMemoryStore(WeaviateMemoryStore.client(URI.create(this.standIns.url()), "placeholder", 5),
				VectorSource.SERVER, null, "text2vec-openai", new Relevance(Duration.ofDays(30), Clock.systemUTC()));
		TenantId tenant = TenantId.random();
		AgentId agent = AgentId.random();
		store.write(tenant, List.of(Memory.of(tenant, agent, MemoryType.CONVERSATION, "posted about linen", Map.of("platform", "twitter"), 0.6,
				Instant.now())));
		List<ScoredMemory> found = store.search(tenant, MemoryQuery.about("linen").withAgent(agent).withType(MemoryType.CONVERSATION)
			.withSince(Instant.now().minus(7, ChronoUnit.DAYS)).withLimit(5));
		assertThat(found).hasSize(2);
		assertThat(found).allSatisfy(m -> {
			assertThat(m.memory().agentId()).isEqualTo(agent);
			assertThat(m.memory().type()).isEqualTo(MemoryType.CONVERSATION);
			assertThat(m.similarity()).isBetween(0.5, 1.0);
		});
		assertThat(this.standIns.calls()).containsEntry("POST /v1/schema 200", 1L)
			.containsEntry("POST /v1/schema/:class/tenants 200", 1L)
			.containsEntry("POST /v1/batch/objects 200", 1L)
			.containsEntry("POST /v1/graphql 200", 1L)
			.doesNotContainKeys("unknown");
		assertThat(this.standIns.calls().keySet()).noneMatch(route -> route.endsWith(" 404") && !route.startsWith("GET /v1/schema/"));
	}

	@Test
	void manyCallsWaitAtOnceWithoutAThreadEach() {
		long started = System.nanoTime();
		List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 400)
			.mapToObj(i -> this.http.sendAsync(HttpRequest.newBuilder(URI.create(this.standIns.url() + "/2/tweets"))
				.header("Authorization", "Bearer placeholder")
				.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"post " + i + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString()))
			.toList();
		assertThat(calls).allSatisfy(call -> assertThat(call.join().statusCode()).isEqualTo(201));
		// 400 calls of 200 ms on six threads would take over 13 s if each held a thread while it waited
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}

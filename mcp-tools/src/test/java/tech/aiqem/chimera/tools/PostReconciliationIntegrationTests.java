package tech.aiqem.chimera.tools;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static tech.aiqem.chimera.tools.McpToolsTestSupport.call;

/**
 * A post whose platform call succeeded but whose answer never arrived (X took the tweet, then the call
 * timed out) is not posted again: the retry finds it on the platform and records it. X is a recorded-
 * response server here, shaped as {@code POST /2/tweets} and {@code GET /2/users/:id/tweets} answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostReconciliationIntegrationTests {

	static final MockWebServer x = new MockWebServer();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		McpToolsTestSupport.properties(registry);
		x.start();
		registry.add("chimera.tools.platforms.twitter.mode", () -> "live");
		registry.add("chimera.tools.platforms.twitter.base-url", () -> x.url("/").toString());
		registry.add("chimera.tools.platforms.twitter.access-token", () -> "x-test-token-not-secret");
		registry.add("chimera.tools.platforms.request-timeout", () -> "1s");
		registry.add("chimera.tools.pacing.min-spacing", () -> "0s");
		registry.add("chimera.tools.pacing.posts-per-hour", () -> "1000");
		registry.add("chimera.tools.pacing.posts-per-day", () -> "1000");
		registry.add("chimera.tools.pacing.jitter", () -> "0s");
	}

	@AfterAll
	static void stop() throws Exception {
		x.shutdown();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aPostThatWentOutBeforeItsAnswerWasLostIsFoundNotPostedAgain() throws Exception {
		String text = "Kemis fitting notes from the Merkato atelier";
		ApprovedTweet approved = approveTweet(text);
		UUID task = approved.task();
		Map<String, Object> args = approved.args();
		Map<String, Object> meta = approved.meta();
		// X creates the tweet, but its answer comes after the adapter's 1 s timeout
		x.enqueue(new MockResponse().setResponseCode(201)
			.setBody("{\"data\":{\"id\":\"1870000000000000001\",\"text\":\"" + text + "\"}}")
			.setHeadersDelay(3, TimeUnit.SECONDS));
		// the user's timeline, as GET /2/users/:id/tweets lists it: the tweet is there
		x.enqueue(new MockResponse().setResponseCode(200)
			.setBody("{\"data\":[{\"id\":\"1870000000000000001\",\"text\":\"" + text + "\",\"created_at\":\""
					+ Instant.now().toString() + "\",\"edit_history_tweet_ids\":[\"1870000000000000001\"]}],"
					+ "\"meta\":{\"result_count\":1,\"newest_id\":\"1870000000000000001\",\"oldest_id\":\"1870000000000000001\"}}"));

		int before = x.getRequestCount();
		McpSyncClient client = McpToolsTestSupport.client(this.port);
		try {
			McpSchema.CallToolResult first = call(client, "post_content", args, meta);
			assertThat(first.isError()).isTrue();
			assertThat(((Map<?, ?>) first.structuredContent()).get("error")).isEqualTo("platform_unavailable");
			assertThat(this.jdbc.queryForObject("SELECT status FROM post_claims WHERE idempotency_key = ?", String.class,
					task.toString())).as("recorded before the platform call, outcome unknown").isEqualTo("publishing");

			McpSchema.CallToolResult retry = call(client, "post_content", args, meta);
			assertThat(retry.isError()).as(McpToolsTestSupport.text(retry)).isFalse();
			Map<?, ?> result = (Map<?, ?>) retry.structuredContent();
			assertThat(result.get("post_id")).isEqualTo("1870000000000000001");
			assertThat(result.get("replayed")).isEqualTo(true);
		}
		finally {
			client.closeGracefully();
		}
		RecordedRequest post = x.takeRequest(5, TimeUnit.SECONDS);
		assertThat(post.getMethod() + " " + post.getPath()).isEqualTo("POST /2/tweets");
		RecordedRequest lookUp = x.takeRequest(5, TimeUnit.SECONDS);
		assertThat(lookUp.getMethod()).isEqualTo("GET");
		assertThat(lookUp.getPath()).startsWith("/2/users/1234567890/tweets?");
		assertThat(x.takeRequest(2, TimeUnit.SECONDS)).as("no second POST /2/tweets").isNull();
		assertThat(x.getRequestCount() - before).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT status || ' ' || post_id FROM post_claims WHERE idempotency_key = ?",
				String.class, task.toString())).isEqualTo("published 1870000000000000001");
	}

	@Test
	void aSecondCallWhileTheFirstIsStillTalkingToThePlatformWaitsInsteadOfPostingTwice() throws Exception {
		String text = "Netela colours for the Timket collection";
		ApprovedTweet approved = approveTweet(text);
		UUID task = approved.task();
		Map<String, Object> args = approved.args();
		Map<String, Object> meta = approved.meta();
		// X takes the tweet and answers within the adapter's 1 s timeout, but not at once
		x.enqueue(new MockResponse().setResponseCode(201)
			.setBody("{\"data\":{\"id\":\"1870000000000000002\",\"text\":\"" + text + "\"}}")
			.setHeadersDelay(700, TimeUnit.MILLISECONDS));
		int before = x.getRequestCount();
		McpSyncClient first = McpToolsTestSupport.client(this.port);
		McpSyncClient second = McpToolsTestSupport.client(this.port);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<McpSchema.CallToolResult> firstCall = executor.submit(() -> call(first, "post_content", args, meta));
			// the first call holds the attempt: its POST is at X
			RecordedRequest post = x.takeRequest(5, TimeUnit.SECONDS);
			assertThat(post.getMethod() + " " + post.getPath()).isEqualTo("POST /2/tweets");

			// a caller that gave up waiting and calls again (or a second publisher) does not post
			McpSchema.CallToolResult retry = call(second, "post_content", args, meta);
			assertThat(retry.isError()).as(McpToolsTestSupport.text(retry)).isTrue();
			Map<?, ?> refusal = (Map<?, ?>) retry.structuredContent();
			assertThat(refusal.get("error")).isEqualTo("retry_later");
			assertThat(McpToolsTestSupport.text(retry)).contains("another call for this task");

			McpSchema.CallToolResult done = firstCall.get(10, TimeUnit.SECONDS);
			assertThat(done.isError()).as(McpToolsTestSupport.text(done)).isFalse();
			assertThat(((Map<?, ?>) done.structuredContent()).get("post_id")).isEqualTo("1870000000000000002");

			// called again once the first is over: the same post, replayed
			McpSchema.CallToolResult later = call(second, "post_content", args, meta);
			assertThat(later.isError()).as(McpToolsTestSupport.text(later)).isFalse();
			assertThat(((Map<?, ?>) later.structuredContent()).get("post_id")).isEqualTo("1870000000000000002");
			assertThat(((Map<?, ?>) later.structuredContent()).get("replayed")).isEqualTo(true);
		}
		finally {
			executor.shutdownNow();
			first.closeGracefully();
			second.closeGracefully();
		}
		assertThat(x.getRequestCount() - before).as("one POST /2/tweets, nothing else").isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT status || ' ' || post_id || ' ' || (attempt_until IS NULL) FROM post_claims"
				+ " WHERE idempotency_key = ?", String.class, task.toString())).isEqualTo("published 1870000000000000002 true");
	}

	/** A tweet the judge approved for a new agent, and the post_content call's arguments and metadata. */
	private record ApprovedTweet(UUID task, Map<String, Object> args, Map<String, Object> meta) {
	}

	private ApprovedTweet approveTweet(String text) {
		TestAgents.Created agent = TestAgents.create(this.jdbc, "none");
		UUID task = TestAgents.approvePost(this.jdbc, agent, "twitter", text, List.of());
		return new ApprovedTweet(task, Map.of("platform", "twitter", "text_content", text, "disclosure_level", "none"),
				Map.of("chimera/agent_id", agent.agent().toString(), "chimera/tenant_id", agent.tenant().toString(),
						"chimera/task_id", task.toString()));
	}
}

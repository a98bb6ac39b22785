package tech.aiqem.chimera.tools.platform.x;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.tools.Fixtures;
import tech.aiqem.chimera.tools.config.ToolsProperties;
import tech.aiqem.chimera.tools.pacing.RateLimitBlocks;
import tech.aiqem.chimera.tools.platform.AccountRef;
import tech.aiqem.chimera.tools.platform.OutgoingPost;
import tech.aiqem.chimera.tools.platform.PlatformException;
import tech.aiqem.chimera.tools.platform.PublishedPost;
import tech.aiqem.chimera.tools.platform.RecentMention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The X API v2 adapter against recorded responses on a local HTTP server. */
class XApiPlatformTests {

	static final Instant NOW = Instant.parse("2024-01-15T11:00:00Z");

	MockWebServer server;

	RateLimitBlocks blocks;

	XApiPlatform x;

	AccountRef account = new AccountRef(AgentId.random(), TenantId.random(), Platform.TWITTER, "fashionnova_ai", "2244994945");

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start();
		this.blocks = new RateLimitBlocks();
		var api = new ToolsProperties.Api(ToolsProperties.Mode.LIVE, this.server.url("/").uri(), "x-secret-token", Map.of());
		this.x = new XApiPlatform(api, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
				Duration.ofSeconds(5), this.blocks, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@AfterEach
	void stop() throws IOException {
		this.server.shutdown();
	}

	OutgoingPost post(String inReplyTo) {
		return new OutgoingPost(this.account, "Hello from the X API!", List.of("http://localhost:8084/media/images/a.png"),
				DisclosureLevel.AUTOMATED, true, inReplyTo, "task-1");
	}

	@Test
	void postsATweetWithTheBearerTokenAndReturnsItsId() throws Exception {
		this.server.enqueue(new MockResponse().setResponseCode(201).setBody(Fixtures.read("x/post_tweets_201.json"))
			.addHeader("x-rate-limit-limit", "200").addHeader("x-rate-limit-remaining", "199")
			.addHeader("x-rate-limit-reset", "1705420800"));
		PublishedPost published = this.x.publish(post("1301573587187331074"));
		assertThat(published.postId()).isEqualTo("1445880548472328192");
		assertThat(published.postedAt()).isEqualTo(NOW);
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getPath()).isEqualTo("/2/tweets");
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer x-secret-token");
		var body = ChimeraJson.tree(request.getBody().readUtf8());
		assertThat(body.path("text").asString()).isEqualTo("Hello from the X API!\nhttp://localhost:8084/media/images/a.png");
		assertThat(body.path("reply").path("in_reply_to_tweet_id").asString()).isEqualTo("1301573587187331074");
		assertThat(this.blocks.blockedUntil(this.account.key(), NOW)).isNull();
	}

	@Test
	void a429BlocksTheAccountUntilTheWindowResets() {
		long reset = NOW.getEpochSecond() + 600;
		this.server.enqueue(new MockResponse().setResponseCode(429).setBody(Fixtures.read("x/error_429_rate_limit.json"))
			.addHeader("x-rate-limit-limit", "200").addHeader("x-rate-limit-remaining", "0")
			.addHeader("x-rate-limit-reset", Long.toString(reset)));
		assertThatThrownBy(() -> this.x.publish(post(null))).isInstanceOfSatisfying(PlatformException.class, ex -> {
			assertThat(ex.kind()).isEqualTo(PlatformException.Kind.RATE_LIMITED);
			assertThat(ex.retryAt()).isEqualTo(Instant.ofEpochSecond(reset));
		});
		assertThat(this.blocks.blockedUntil(this.account.key(), NOW)).isEqualTo(Instant.ofEpochSecond(reset));
	}

	@Test
	void anExhaustedWindowOnSuccessAlsoBlocksTheAccount() {
		long reset = NOW.getEpochSecond() + 120;
		this.server.enqueue(new MockResponse().setResponseCode(201).setBody(Fixtures.read("x/post_tweets_201.json"))
			.addHeader("x-rate-limit-remaining", "0").addHeader("x-rate-limit-reset", Long.toString(reset)));
		this.x.publish(post(null));
		assertThat(this.blocks.blockedUntil(this.account.key(), NOW)).isEqualTo(Instant.ofEpochSecond(reset));
	}

	@Test
	void anAuthFailureSaysSoWithoutTheToken() {
		this.server.enqueue(new MockResponse().setResponseCode(401).setBody(Fixtures.read("x/error_401_unauthorized.json")));
		assertThatThrownBy(() -> this.x.publish(post(null))).isInstanceOfSatisfying(PlatformException.class, ex -> {
			assertThat(ex.kind()).isEqualTo(PlatformException.Kind.AUTH);
			assertThat(ex.getMessage()).contains("@fashionnova_ai").doesNotContain("x-secret-token");
		});
	}

	@Test
	void duplicateContentIsRecognised() {
		this.server.enqueue(new MockResponse().setResponseCode(403).addHeader("Content-Type", "application/problem+json")
			.setBody(Fixtures.read("x/error_403_duplicate_content.json")));
		assertThatThrownBy(() -> this.x.publish(post(null))).isInstanceOfSatisfying(PlatformException.class, ex -> {
			assertThat(ex.kind()).isEqualTo(PlatformException.Kind.DUPLICATE);
			assertThat(ex.getMessage()).contains("duplicate content");
		});
	}

	@Test
	void readsMentionsWithTheirAuthorsAndMetrics() throws Exception {
		this.server.enqueue(new MockResponse().setBody(Fixtures.read("x/get_users_mentions_200.json"))
			.addHeader("x-rate-limit-remaining", "179").addHeader("x-rate-limit-reset", "1705420800"));
		List<RecentMention> mentions = this.x.mentions(this.account, NOW.minusSeconds(3600), NOW);
		assertThat(mentions).containsExactly(new RecentMention("1301573587187331074", "Hey @XDevelopers, love the new API!",
				"developer", Instant.parse("2024-01-15T10:30:00Z"), 42, 5));
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getPath()).startsWith("/2/users/2244994945/mentions?start_time=2024-01-15T10%3A00%3A00Z")
			.contains("expansions=author_id");
	}

	@Test
	void anAccountCreatedWithItsUsernameOnlyIsLookedUpOnceByUsername() throws Exception {
		// POST /v1/agents takes a username; the timeline and mention endpoints take the numeric id
		AccountRef byName = new AccountRef(this.account.agent(), this.account.tenant(), Platform.TWITTER, "FashionNova_AI", null);
		this.server.enqueue(new MockResponse().setBody("{\"data\":{\"id\":\"2244994945\",\"name\":\"FashionNova AI\",\"username\":\"fashionnova_ai\"}}"));
		this.server.enqueue(new MockResponse().setBody(Fixtures.read("x/get_users_mentions_200.json")));
		this.server.enqueue(new MockResponse().setBody(Fixtures.read("x/get_users_mentions_200.json")));
		assertThat(this.x.mentions(byName, NOW.minusSeconds(3600), NOW)).hasSize(1);
		assertThat(this.x.mentions(new AccountRef(byName.agent(), byName.tenant(), Platform.TWITTER, "fashionnova_ai", null),
				NOW.minusSeconds(3600), NOW)).hasSize(1);
		RecordedRequest lookup = this.server.takeRequest();
		assertThat(lookup.getPath()).isEqualTo("/2/users/by/username/FashionNova_AI");
		assertThat(lookup.getHeader("Authorization")).isEqualTo("Bearer x-secret-token");
		assertThat(this.server.takeRequest().getPath()).startsWith("/2/users/2244994945/mentions?");
		assertThat(this.server.takeRequest().getPath()).startsWith("/2/users/2244994945/mentions?");
		assertThat(this.server.getRequestCount()).isEqualTo(3);
	}

	@Test
	void aUsernameXDoesNotKnowIsRefusedWithoutReadingMentions() throws Exception {
		AccountRef unknown = new AccountRef(this.account.agent(), this.account.tenant(), Platform.TWITTER, "nobody_here_123", null);
		this.server.enqueue(new MockResponse().setBody("{\"errors\":[{\"value\":\"nobody_here_123\",\"detail\":\"Could not find user "
				+ "with username: [nobody_here_123].\",\"title\":\"Not Found Error\",\"resource_type\":\"user\",\"parameter\":\"username\","
				+ "\"type\":\"https://api.twitter.com/2/problems/resource-not-found\"}]}"));
		assertThatThrownBy(() -> this.x.mentions(unknown, NOW.minusSeconds(3600), NOW)).isInstanceOf(PlatformException.class)
			.hasMessageContaining("X has no user @nobody_here_123");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}
}

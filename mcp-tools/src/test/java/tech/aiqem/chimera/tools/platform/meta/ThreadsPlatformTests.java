package tech.aiqem.chimera.tools.platform.meta;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.tools.Fixtures;
import tech.aiqem.chimera.tools.pacing.RateLimitBlocks;
import tech.aiqem.chimera.tools.platform.AccountRef;
import tech.aiqem.chimera.tools.platform.OutgoingPost;
import tech.aiqem.chimera.tools.platform.PlatformException;
import tech.aiqem.chimera.tools.platform.RecentMention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Threads API adapter against recorded responses on a local HTTP server. */
class ThreadsPlatformTests {

	static final Instant NOW = Instant.parse("2024-01-01T18:30:00Z");

	MockWebServer server;

	ThreadsPlatform threads;

	AccountRef account = new AccountRef(AgentId.random(), TenantId.random(), Platform.THREADS, "threadsapitestuser", "98765");

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start();
		this.threads = new ThreadsPlatform(this.server.url("/v1.0").uri(), username -> "threads-secret",
				HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), Duration.ofSeconds(5), new RateLimitBlocks(),
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@AfterEach
	void stop() throws IOException {
		this.server.shutdown();
	}

	@Test
	void createsATextContainerAndPublishesItAsAReply() throws Exception {
		this.server.enqueue(new MockResponse().setBody(Fixtures.read("threads/post_threads_container_200.json")));
		this.server.enqueue(new MockResponse().setBody(Fixtures.read("threads/post_threads_publish_200.json")));
		var published = this.threads.publish(new OutgoingPost(this.account, "Thanks! #AIassisted", List.of(),
				DisclosureLevel.ASSISTED, true, "1234567890", "task-1"));
		assertThat(published.postId()).isEqualTo("1234567");
		String form = URLDecoder.decode(this.server.takeRequest().getBody().readUtf8(), StandardCharsets.UTF_8);
		assertThat(form).contains("media_type=TEXT", "text=Thanks! #AIassisted", "reply_to_id=1234567890");
		RecordedRequest publish = this.server.takeRequest();
		assertThat(publish.getPath()).isEqualTo("/v1.0/98765/threads_publish");
		assertThat(publish.getBody().readUtf8()).contains("creation_id=1234567");
	}

	@Test
	void theContainerIsRecordedBeforePublishingAndARetryPublishesItInsteadOfCreatingAnother() throws Exception {
		OutgoingPost post = new OutgoingPost(this.account, "Kemis fitting notes", List.of(), DisclosureLevel.NONE, false, null,
				"task-2");
		java.util.List<String> recorded = new java.util.ArrayList<>();
		this.server.enqueue(new MockResponse().setBody(Fixtures.read("threads/post_threads_container_200.json")));
		this.server.enqueue(new MockResponse().setResponseCode(503).setBody("{}"));
		assertThatThrownBy(() -> this.threads.publish(post, new tech.aiqem.chimera.tools.platform.PublishAttempt(null, recorded::add)))
			.isInstanceOf(PlatformException.class);
		assertThat(recorded).as("the container, recorded before threads_publish was called").containsExactly("1234567");
		assertThat(this.server.takeRequest().getPath()).isEqualTo("/v1.0/98765/threads");
		assertThat(this.server.takeRequest().getPath()).isEqualTo("/v1.0/98765/threads_publish");

		this.server.enqueue(new MockResponse().setBody(Fixtures.read("threads/post_threads_publish_200.json")));
		var published = this.threads.publish(post, new tech.aiqem.chimera.tools.platform.PublishAttempt("1234567", recorded::add));
		assertThat(published.postId()).isEqualTo("1234567");
		RecordedRequest retry = this.server.takeRequest();
		assertThat(retry.getPath()).as("no second container").isEqualTo("/v1.0/98765/threads_publish");
		assertThat(retry.getBody().readUtf8()).contains("creation_id=1234567");
		assertThat(this.server.getRequestCount()).isEqualTo(3);
		assertThat(recorded).hasSize(1);
	}

	@Test
	void readsMentions() throws Exception {
		this.server.enqueue(new MockResponse().setBody(Fixtures.read("threads/get_user_mentions_200.json")));
		List<RecentMention> mentions = this.threads.mentions(this.account, NOW.minusSeconds(3600), NOW);
		assertThat(mentions).containsExactly(new RecentMention("1234567890", "@threadsapitestuser hello", "someotheruser",
				Instant.parse("2024-01-01T18:20:00Z"), 0, 0));
		assertThat(this.server.takeRequest().getPath()).startsWith("/v1.0/98765/mentions?").contains("fields=");
	}

	@Test
	void anExpiredTokenIsAnAuthFailure() {
		this.server.enqueue(new MockResponse().setResponseCode(400).setBody(Fixtures.read("threads/error_expired_token.json")));
		assertThatThrownBy(() -> this.threads.mentions(this.account, NOW.minusSeconds(3600), NOW))
			.isInstanceOfSatisfying(PlatformException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(PlatformException.Kind.AUTH);
				assertThat(ex.getMessage()).contains("190/463").doesNotContain("threads-secret");
			});
	}
}

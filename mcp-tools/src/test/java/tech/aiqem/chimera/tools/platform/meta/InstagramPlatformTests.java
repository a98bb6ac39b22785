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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Instagram Graph API adapter against recorded responses on a local HTTP server. */
class InstagramPlatformTests {

	static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

	MockWebServer server;

	RateLimitBlocks blocks = new RateLimitBlocks();

	InstagramPlatform instagram;

	AccountRef account = new AccountRef(AgentId.random(), TenantId.random(), Platform.INSTAGRAM, "fashionnova.ai", "17841400008460056");

	@BeforeEach
	void start() throws IOException {
		this.server = new MockWebServer();
		this.server.start();
		this.instagram = new InstagramPlatform(this.server.url("/v21.0").uri(), username -> "ig-secret-token",
				HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), Duration.ofSeconds(5), this.blocks,
				Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(1), 3);
	}

	@AfterEach
	void stop() throws IOException {
		this.server.shutdown();
	}

	OutgoingPost post() {
		return new OutgoingPost(this.account, "Summer collection\n\n🤖 AI-generated #AI", List.of("https://cdn.example.com/a.png"),
				DisclosureLevel.AUTOMATED, true, null, "task-1");
	}

	@Test
	void createsAContainerWaitsForItAndPublishes() throws Exception {
		this.server.enqueue(new MockResponse().setBody(Fixtures.read("instagram/post_media_container_200.json"))
			.addHeader("x-app-usage", "{\"call_count\": 28, \"total_time\": 25, \"total_cputime\": 25}"));
		this.server.enqueue(new MockResponse().setBody("{\"status_code\": \"IN_PROGRESS\", \"id\": \"17889455560051444\"}"));
		this.server.enqueue(new MockResponse().setBody(Fixtures.read("instagram/get_container_status_200.json")));
		this.server.enqueue(new MockResponse().setBody(Fixtures.read("instagram/post_media_publish_200.json")));

		assertThat(this.instagram.publish(post()).postId()).isEqualTo("17920238422030506");

		RecordedRequest create = this.server.takeRequest();
		assertThat(create.getPath()).isEqualTo("/v21.0/17841400008460056/media");
		String form = URLDecoder.decode(create.getBody().readUtf8(), StandardCharsets.UTF_8);
		assertThat(form).contains("image_url=https://cdn.example.com/a.png", "caption=Summer collection\n\n🤖 AI-generated #AI",
				"access_token=ig-secret-token");
		assertThat(this.server.takeRequest().getPath()).startsWith("/v21.0/17889455560051444?fields=status_code");
		this.server.takeRequest();
		RecordedRequest publish = this.server.takeRequest();
		assertThat(publish.getPath()).isEqualTo("/v21.0/17841400008460056/media_publish");
		assertThat(publish.getBody().readUtf8()).contains("creation_id=17889455560051444");
		assertThat(this.blocks.blockedUntil(this.account.key(), NOW)).isNull();
	}

	@Test
	void anExpiredTokenIsAnAuthFailureWithoutTheToken() {
		this.server.enqueue(new MockResponse().setResponseCode(400).setBody(Fixtures.read("instagram/error_graph_api_oauthexception.json")));
		assertThatThrownBy(() -> this.instagram.publish(post())).isInstanceOfSatisfying(PlatformException.class, ex -> {
			assertThat(ex.kind()).isEqualTo(PlatformException.Kind.AUTH);
			assertThat(ex.getMessage()).contains("code 190/460").doesNotContain("ig-secret-token");
		});
	}

	@Test
	void throttlingBlocksTheAccountForTheEstimatedTime() {
		this.server.enqueue(new MockResponse().setResponseCode(400).setBody(Fixtures.read("instagram/error_throttled_code4.json"))
			.addHeader("x-business-use-case-usage", "{\"17841400008460056\": [{\"type\": \"instagram\", \"call_count\": 100, "
					+ "\"total_cputime\": 25, \"total_time\": 25, \"estimated_time_to_regain_access\": 19}]}"));
		assertThatThrownBy(() -> this.instagram.publish(post())).isInstanceOfSatisfying(PlatformException.class, ex -> {
			assertThat(ex.kind()).isEqualTo(PlatformException.Kind.RATE_LIMITED);
			assertThat(ex.retryAt()).isEqualTo(NOW.plus(Duration.ofMinutes(19)));
		});
	}

	@Test
	void refusesAPostWithoutMedia() {
		OutgoingPost textOnly = new OutgoingPost(this.account, "text", List.of(), DisclosureLevel.AUTOMATED, true, null, "t");
		assertThatThrownBy(() -> this.instagram.publish(textOnly)).hasMessageContaining("at least one image");
		assertThat(this.server.getRequestCount()).isZero();
	}
}

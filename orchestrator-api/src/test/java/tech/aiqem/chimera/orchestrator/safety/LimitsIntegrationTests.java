package tech.aiqem.chimera.orchestrator.safety;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.orchestrator.TestKeys;
import tech.aiqem.chimera.orchestrator.auth.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/** Body size (413) and rate limits (429 + Retry-After), each refusing before anything changes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"chimera.orchestrator.limits.max-body=64KB", "chimera.orchestrator.limits.rate-limit.requests-per-minute=6",
		"chimera.orchestrator.limits.rate-limit.burst=3", "chimera.orchestrator.limits.rate-limit.logins-per-minute=2" })
class LimitsIntegrationTests {

	static final String SOUL = "# Limited\n## Voice\n- Brief\n## Topics\n- fashion\n";

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", TestServices::freshPostgresDatabase);
		registry.add("chimera.redis-url", TestServices::freshRedisUrl);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private long agents() {
		return this.jdbc.sql("SELECT COUNT(*) FROM agents").query(Long.class).single();
	}

	private static Map<String, Object> agent(String name, int padding) {
		return Map.of("name", name, "persona_file", Base64.getEncoder().encodeToString(SOUL.getBytes(StandardCharsets.UTF_8)),
				"padding", "x".repeat(padding));
	}

	@Test
	void oversizedBodiesAreRefusedWith413() throws Exception {
		String key = TestKeys.apiKey(this.jdbc, "size-tenant", "operator");
		long before = agents();
		Browser.Reply tooBig = Browser.withKey(this.port, key).send("POST", "/v1/agents", agent("Too Big", 70_000));
		assertThat(tooBig.status()).isEqualTo(413);
		assertThat(tooBig.contentType()).startsWith("application/problem+json");
		assertThat(tooBig.code()).isEqualTo("payload_too_large");
		assertThat(tooBig.json().get("detail").asString()).contains("the limit is 65536 bytes");

		// Chunked, so no Content-Length to go by: the filter counts.
		byte[] body = ChimeraJson.write(agent("Chunked", 70_000)).getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v1/agents"))
			.header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(chunked.statusCode()).isEqualTo(413);
		assertThat(agents()).isEqualTo(before);

		byte[] small = ChimeraJson.write(agent("Chunked Small", 10)).getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> fits = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v1/agents"))
			.header("Authorization", "Bearer " + TestKeys.apiKey(this.jdbc, "size-tenant", "operator")).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(fits.statusCode()).as(fits.body()).isEqualTo(201);
	}

	@Test
	void eachApiKeyHasItsOwnBucketAndExcessGets429WithRetryAfter() {
		Browser first = Browser.withKey(this.port, TestKeys.apiKey(this.jdbc, "rate-tenant", "operator"));
		for (int i = 0; i < 3; i++) {
			assertThat(first.get("/v1/agents").status()).as("request " + (i + 1) + " of the burst").isEqualTo(200);
		}
		long before = agents();
		Browser.Reply limited = first.send("POST", "/v1/agents", agent("Over The Limit", 0));
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.code()).isEqualTo("rate_limited");
		assertThat(limited.header("retry-after")).singleElement().satisfies(s -> assertThat(Long.parseLong(s)).isBetween(1L, 10L));
		assertThat(limited.json().get("detail").asString()).startsWith("too many requests with this API key: the limit is 6 per minute");
		assertThat(agents()).as("a refused request changes nothing").isEqualTo(before);

		Browser second = Browser.withKey(this.port, TestKeys.apiKey(this.jdbc, "rate-tenant", "operator"));
		assertThat(second.get("/v1/agents").status()).as("another key is not affected").isEqualTo(200);
		assertThat(new Browser(this.port).get("/actuator/health").status()).as("health is never limited").isEqualTo(200);
	}

	@Test
	void logInAttemptsAreLimitedPerAddress() {
		Browser guesser = new Browser(this.port);
		guesser.get("/v1/auth/me");
		for (int i = 0; i < 2; i++) {
			assertThat(guesser.sendWithCsrf("POST", "/v1/auth/login", Map.of("email", "admin@chimera.local", "password",
					"guess number " + i)).status()).isEqualTo(401);
		}
		Browser.Reply limited = guesser.sendWithCsrf("POST", "/v1/auth/login", Map.of("email", "admin@chimera.local",
				"password", "guess number 3"));
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.json().get("detail").asString()).startsWith("too many log-in attempts from this address");
	}
}

package tech.aiqem.chimera.gateway;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import tech.aiqem.chimera.gateway.ModelException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every hosted provider adapter must do against its API's recorded answers, served by
 * MockWebServer: answer with text, tokens and cost; retry a 429 with the backoff the provider asked
 * for; fall back to the next provider on a server error or timeout; report a malformed answer clearly;
 * send the capped max tokens. The planner role's chain is [provider under test, fallback provider].
 */
abstract class HostedProviderContractTests {

	static final String KEY = "test-key-3f9c2b7e";

	static final String FALLBACK_KEY = "fallback-key-77d1e0aa";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	MockWebServer primary;

	MockWebServer fallback;

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	final RecordingSleeper sleeper = new RecordingSleeper();

	/** The provider under test. */
	abstract String provider();

	/** The next provider of the chain. */
	abstract String fallbackProvider();

	abstract MockResponse ok();

	abstract String expectedText();

	abstract long expectedInputTokens();

	abstract long expectedOutputTokens();

	/** Cost at the default price of the planner's model of this provider. */
	abstract BigDecimal expectedCost();

	abstract MockResponse rateLimited();

	/** The backoffs of two retries, given the provider's hints, 100 ms initial backoff and no jitter. */
	abstract List<Duration> expectedBackoffs();

	abstract MockResponse serverError();

	abstract MockResponse truncated();

	/** The request's path, e.g. {@code /v1/chat/completions}. */
	abstract String expectedPath();

	/** Asserts the key went where the provider wants it. */
	abstract void assertAuthenticated(RecordedRequest request);

	/** The max-tokens field of the request body. */
	abstract int maxTokensOf(JsonNode body);

	/** Asserts how the request body asks for the JSON answer of a {@code write_post} prompt. */
	abstract void assertAsksForJson(JsonNode body);

	@BeforeEach
	void startServers() throws IOException {
		this.primary = new MockWebServer();
		this.primary.start();
		this.fallback = new MockWebServer();
		this.fallback.start();
	}

	@AfterEach
	void stopServers() throws IOException {
		this.primary.shutdown();
		this.fallback.shutdown();
	}

	TestSettings settings() {
		return new TestSettings().provider(provider(), KEY, Recorded.baseUrl(provider(), this.primary))
			.provider(fallbackProvider(), FALLBACK_KEY, Recorded.baseUrl(fallbackProvider(), this.fallback))
			.chain(ModelRole.PLANNER, provider(), fallbackProvider());
	}

	ModelGateway gateway() {
		return settings().gateway(null, this.registry, this.sleeper);
	}

	static ModelPrompt prompt(Integer maxTokens, boolean expectJson) {
		return new ModelPrompt("You plan content for an influencer.", "Plan one post about hiking.",
				Map.of("goal", "hiking"), "agent-1", "task-1", maxTokens, expectJson);
	}

	@Test
	void answersWithTextTokensAndCost() throws InterruptedException {
		this.primary.enqueue(ok());

		ModelReply reply = gateway().chat(ModelRole.PLANNER, prompt(null, false));

		assertThat(reply.text()).isEqualTo(expectedText());
		assertThat(reply.provider()).isEqualTo(provider());
		assertThat(reply.model()).isEqualTo(ProviderChains.DEFAULT_MODELS.get(ModelRole.PLANNER).get(provider()));
		assertThat(reply.inputTokens()).isEqualTo(expectedInputTokens());
		assertThat(reply.outputTokens()).isEqualTo(expectedOutputTokens());
		assertThat(reply.costUsd()).isEqualTo(expectedCost());
		assertThat(reply.offline()).isFalse();
		RecordedRequest request = this.primary.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getPath()).isEqualTo(expectedPath());
		assertAuthenticated(request);
		String body = request.getBody().readUtf8();
		assertThat(body).contains("Plan one post about hiking.").contains("You plan content for an influencer.");
		assertThat(this.fallback.getRequestCount()).isZero();
	}

	@Test
	void recordsMetricsOfAnAnsweredCall() {
		this.primary.enqueue(ok());

		ModelReply reply = gateway().chat(ModelRole.PLANNER, prompt(null, false));

		String[] tags = { "provider", provider(), "role", "planner" };
		assertThat(this.registry.get("chimera.model.calls").tags(tags).tag("outcome", "success").counter().count())
			.isEqualTo(1.0);
		assertThat(this.registry.get("chimera.model.latency").tags(tags).timer().count()).isEqualTo(1);
		assertThat(this.registry.get("chimera.model.tokens").tags(tags).tag("direction", "input").counter().count())
			.isEqualTo(expectedInputTokens());
		assertThat(this.registry.get("chimera.model.tokens").tags(tags).tag("direction", "output").counter().count())
			.isEqualTo(expectedOutputTokens());
		assertThat(this.registry.get("chimera.model.cost.usd").tags(tags).counter().count())
			.isEqualTo(reply.costUsd().doubleValue());
	}

	@Test
	void retriesARateLimitWithTheBackoffTheProviderAskedFor() {
		this.primary.enqueue(rateLimited());
		this.primary.enqueue(rateLimited());
		this.primary.enqueue(ok());

		ModelReply reply = gateway().chat(ModelRole.PLANNER, prompt(null, false));

		assertThat(reply.provider()).isEqualTo(provider());
		assertThat(reply.text()).isEqualTo(expectedText());
		assertThat(this.primary.getRequestCount()).isEqualTo(3);
		assertThat(this.sleeper.sleeps).containsExactlyElementsOf(expectedBackoffs());
		assertThat(this.fallback.getRequestCount()).isZero();
		assertThat(this.registry.get("chimera.model.calls")
			.tags("provider", provider(), "outcome", "rate_limited")
			.counter()
			.count()).isEqualTo(2.0);
	}

	@Test
	void fallsBackWhenRateLimitsOutlastTheRetries() {
		for (int i = 0; i < 4; i++) {
			this.primary.enqueue(rateLimited());
		}
		this.fallback.enqueue(Recorded.ok(fallbackProvider()));

		ModelReply reply = gateway().chat(ModelRole.PLANNER, prompt(null, false));

		assertThat(reply.provider()).isEqualTo(fallbackProvider());
		assertThat(this.primary.getRequestCount()).isEqualTo(4);
		assertThat(this.sleeper.sleeps).hasSize(3);
	}

	@Test
	void fallsBackToTheNextProviderOnAServerError() {
		this.primary.enqueue(serverError());
		this.fallback.enqueue(Recorded.ok(fallbackProvider()));

		ModelReply reply = gateway().chat(ModelRole.PLANNER, prompt(null, false));

		assertThat(reply.provider()).isEqualTo(fallbackProvider());
		assertThat(this.primary.getRequestCount()).isEqualTo(1);
		assertThat(this.sleeper.sleeps).isEmpty();
		assertThat(this.registry.get("chimera.model.calls")
			.tags("provider", provider(), "outcome", "server_error")
			.counter()
			.count()).isEqualTo(1.0);
	}

	@Test
	void fallsBackToTheNextProviderOnATimeout() {
		this.primary.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
		this.fallback.enqueue(Recorded.ok(fallbackProvider()));

		ModelReply reply = settings().timeout(Duration.ofMillis(300))
			.gateway(null, this.registry, this.sleeper)
			.chat(ModelRole.PLANNER, prompt(null, false));

		assertThat(reply.provider()).isEqualTo(fallbackProvider());
		assertThat(this.registry.get("chimera.model.calls")
			.tags("provider", provider(), "outcome", "timeout")
			.counter()
			.count()).isEqualTo(1.0);
	}

	@Test
	void reportsATruncatedAnswerAsMalformed() {
		this.primary.enqueue(truncated());
		ModelGateway alone = new TestSettings().provider(provider(), KEY, Recorded.baseUrl(provider(), this.primary))
			.chain(ModelRole.PLANNER, provider())
			.gateway(null, this.registry, this.sleeper);

		assertThatExceptionOfType(ModelException.class)
			.isThrownBy(() -> alone.chat(ModelRole.PLANNER, prompt(null, false)))
			.satisfies(ex -> {
				assertThat(ex.provider()).isEqualTo(provider());
				assertThat(ex.status()).isEqualTo(200);
				assertThat(ex.reason()).isEqualTo(Reason.MALFORMED);
				assertThat(ex.getMessage()).contains(provider()).contains("HTTP 200").contains("could not be read");
			});
	}

	@Test
	void fallsBackOnAMalformedAnswer() {
		this.primary.enqueue(truncated());
		this.fallback.enqueue(Recorded.ok(fallbackProvider()));

		ModelReply reply = gateway().chat(ModelRole.PLANNER, prompt(null, false));

		assertThat(reply.provider()).isEqualTo(fallbackProvider());
	}

	@Test
	void rejectsProseWhenJsonWasAskedFor() {
		this.primary.enqueue(ok());
		ModelGateway alone = new TestSettings().provider(provider(), KEY, Recorded.baseUrl(provider(), this.primary))
			.chain(ModelRole.PLANNER, provider())
			.gateway(null, this.registry, this.sleeper);

		assertThatExceptionOfType(ModelException.class)
			.isThrownBy(() -> alone.chat(ModelRole.PLANNER, prompt(null, true)))
			.satisfies(ex -> {
				assertThat(ex.reason()).isEqualTo(Reason.MALFORMED);
				assertThat(ex.getMessage()).contains("not a JSON object or array");
			});
	}

	@Test
	void capsMaxTokensInTheRequestBody() throws InterruptedException {
		this.primary.enqueue(ok());
		this.primary.enqueue(ok());
		ModelGateway capped = settings().maxTokens(512).gateway(null, this.registry, this.sleeper);

		capped.chat(ModelRole.PLANNER, prompt(100_000, false));
		capped.chat(ModelRole.PLANNER, prompt(100, false));

		assertThat(maxTokensOf(JSON.readTree(this.primary.takeRequest().getBody().readUtf8()))).isEqualTo(512);
		assertThat(maxTokensOf(JSON.readTree(this.primary.takeRequest().getBody().readUtf8()))).isEqualTo(100);
	}

	@Test
	void sendsTheCapWhenThePromptSetsNoLimit() throws InterruptedException {
		this.primary.enqueue(ok());

		settings().maxTokens(777).gateway(null, this.registry, this.sleeper).chat(ModelRole.PLANNER, prompt(null, false));

		assertThat(maxTokensOf(JSON.readTree(this.primary.takeRequest().getBody().readUtf8()))).isEqualTo(777);
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS) // guards against a hang only; the limit under test is 500 ms
	void fallsBackWithinTheTimeLimitWhenAProviderStallsMidAnswer() {
		// the headers arrive at once, then a byte a second
		this.primary.enqueue(ok().throttleBody(1, 1, TimeUnit.SECONDS));
		this.fallback.enqueue(Recorded.ok(fallbackProvider()));

		ModelReply reply = settings().timeout(Duration.ofMillis(500))
			.gateway(null, this.registry, this.sleeper)
			.chat(ModelRole.PLANNER, prompt(null, false));

		assertThat(reply.provider()).isEqualTo(fallbackProvider());
		assertThat(this.registry.get("chimera.model.calls")
			.tags("provider", provider(), "outcome", "timeout")
			.counter()
			.count()).isEqualTo(1.0);
	}

	@Test
	void skipsAProviderWhoseCircuitBreakerIsOpen() {
		this.primary.enqueue(serverError());
		this.primary.enqueue(serverError());
		for (int i = 0; i < 3; i++) {
			this.fallback.enqueue(Recorded.ok(fallbackProvider()));
		}
		ModelGateway gateway = settings().breakerAfter(2).gateway(null, this.registry, this.sleeper);

		gateway.chat(ModelRole.PLANNER, prompt(null, false));
		gateway.chat(ModelRole.PLANNER, prompt(null, false));
		ModelReply third = gateway.chat(ModelRole.PLANNER, prompt(null, false));

		assertThat(third.provider()).isEqualTo(fallbackProvider());
		assertThat(this.primary.getRequestCount()).as("an open breaker makes no call").isEqualTo(2);
		assertThat(this.registry.get("chimera.model.calls")
			.tags("provider", provider(), "outcome", "circuit_open")
			.counter()
			.count()).isEqualTo(1.0);
		assertThat(this.registry.get("resilience4j.circuitbreaker.state")
			.tags("name", provider(), "state", "open")
			.gauge()
			.value()).isEqualTo(1.0);
	}

	@Test
	void rateLimitsDoNotOpenTheCircuitBreaker() {
		for (int i = 0; i < 4; i++) {
			this.primary.enqueue(rateLimited());
		}
		this.primary.enqueue(ok());
		this.fallback.enqueue(Recorded.ok(fallbackProvider()));
		ModelGateway gateway = settings().breakerAfter(2).gateway(null, this.registry, this.sleeper);

		gateway.chat(ModelRole.PLANNER, prompt(null, false));
		ModelReply second = gateway.chat(ModelRole.PLANNER, prompt(null, false));

		assertThat(second.provider()).isEqualTo(provider());
	}

	@Test
	void asksForTheJsonAnswerOfThePurpose() throws InterruptedException {
		this.primary.enqueue(ok());
		ModelGateway alone = new TestSettings().provider(provider(), KEY, Recorded.baseUrl(provider(), this.primary))
			.chain(ModelRole.PLANNER, provider())
			.gateway(null, this.registry, this.sleeper);
		ModelPrompt writePost = new ModelPrompt("You write posts.", "Write one post. Answer with JSON only.",
				Map.of(Purpose.KEY, Purpose.WRITE_POST.key()), "agent-1", "task-1", null, true);

		// the recorded answer is prose, so the call fails; what matters here is what was asked
		assertThatExceptionOfType(ModelException.class).isThrownBy(() -> alone.chat(ModelRole.PLANNER, writePost));

		assertAsksForJson(JSON.readTree(this.primary.takeRequest().getBody().readUtf8()));
	}
}

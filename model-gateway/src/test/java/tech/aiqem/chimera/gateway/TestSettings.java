package tech.aiqem.chimera.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

/** Builds {@link ModelProperties} for tests: tiny backoffs and timeouts, servers as base URLs. */
final class TestSettings {

	private final Map<String, ModelProperties.Hosted> hosted = new HashMap<>();

	private final Map<ModelRole, List<String>> chains = new HashMap<>();

	private int maxTokens = 4096;

	private Duration timeout = Duration.ofSeconds(5);

	private ModelProperties.Retry retry = new ModelProperties.Retry(3, Duration.ofMillis(100), Duration.ofSeconds(30));

	private ModelProperties.Breaker breaker = new ModelProperties.Breaker(10, 5, 50, Duration.ofSeconds(30));

	TestSettings provider(String name, String apiKey, String baseUrl) {
		this.hosted.put(name, new ModelProperties.Hosted(apiKey, baseUrl, null));
		return this;
	}

	TestSettings chain(ModelRole role, String... providers) {
		this.chains.put(role, List.of(providers));
		return this;
	}

	TestSettings maxTokens(int tokens) {
		this.maxTokens = tokens;
		return this;
	}

	TestSettings timeout(Duration duration) {
		this.timeout = duration;
		return this;
	}

	/** A breaker that opens once {@code calls} calls were made and half of them failed, and stays open. */
	TestSettings breakerAfter(int calls) {
		this.breaker = new ModelProperties.Breaker(calls, calls, 50, Duration.ofHours(1));
		return this;
	}

	TestSettings retry(int maxRetries) {
		this.retry = new ModelProperties.Retry(maxRetries, this.retry.initialBackoff(), this.retry.maxBackoff());
		return this;
	}

	ModelProperties properties() {
		ModelProperties.Hosted none = new ModelProperties.Hosted(null, null, null);
		return new ModelProperties(this.maxTokens, this.timeout, this.retry, this.breaker, this.hosted.getOrDefault("gemini", none),
				this.hosted.getOrDefault("anthropic", none), this.hosted.getOrDefault("openai", none),
				role(ModelRole.PLANNER), role(ModelRole.WORKER), role(ModelRole.JUDGE), Map.of());
	}

	private ModelProperties.RoleSettings role(ModelRole role) {
		return new ModelProperties.RoleSettings(this.chains.getOrDefault(role, List.of()), Map.of());
	}

	/** A gateway whose retries record their backoff instead of sleeping; jitter is 0. */
	RoutingModelGateway gateway(ChatProvider offline, MeterRegistry registry, RecordingSleeper sleeper) {
		return ModelGateways.create(properties(), offline, registry, sleeper, () -> 0.0, Clock.systemUTC());
	}
}

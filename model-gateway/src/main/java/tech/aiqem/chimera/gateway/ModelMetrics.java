package tech.aiqem.chimera.gateway;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The gateway's meters. {@code chimera.model.calls} and {@code chimera.model.latency} count every
 * attempt at a provider (a retried 429 is one {@code rate_limited} call, its retry another);
 * tokens and cost count what answered calls consumed.
 */
final class ModelMetrics {

	static final String SUCCESS = "success";

	private final MeterRegistry registry;

	ModelMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void attempt(String provider, ModelRole role, String outcome, Duration took) {
		Counter.builder("chimera.model.calls")
			.description("Model calls per provider attempt")
			.tags("provider", provider, "role", role.key(), "outcome", outcome)
			.register(this.registry)
			.increment();
		Timer.builder("chimera.model.latency")
			.description("Latency of one provider attempt")
			.tags("provider", provider, "role", role.key())
			.publishPercentiles(0.5, 0.95, 0.99)
			.register(this.registry)
			.record(took);
	}

	void answered(ModelReply reply, ModelRole role) {
		tokens(reply.provider(), role, "input", reply.inputTokens());
		tokens(reply.provider(), role, "output", reply.outputTokens());
		Counter.builder("chimera.model.cost.usd")
			.description("Spend on model calls in USD")
			.tags("provider", reply.provider(), "role", role.key())
			.register(this.registry)
			.increment(reply.costUsd().doubleValue());
	}

	private void tokens(String provider, ModelRole role, String direction, long count) {
		Counter.builder("chimera.model.tokens")
			.description("Tokens consumed by model calls")
			.tags("provider", provider, "role", role.key(), "direction", direction)
			.register(this.registry)
			.increment(count);
	}
}

package tech.aiqem.chimera.gateway;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Configuration of the model gateway ({@code chimera.models.*}); API keys come from
 * {@code GOOGLE_API_KEY}, {@code ANTHROPIC_API_KEY} and {@code OPENAI_API_KEY}, the cap from
 * {@code MAX_TOKENS_PER_REQUEST} (docs/architecture.md §13). {@code toString()} never shows a key.
 *
 * @param maxTokensPerRequest the most output tokens any request may ask for
 * @param timeout the most one call of a hosted provider may take (its time limiter and HTTP timeout); well under
 * the worker's task timeout (E2001, 60 s) so that a provider that hangs leaves time for the next one
 * @param retry backoff of rate-limited calls
 * @param breaker the circuit breaker of each hosted provider
 * @param gemini Google AI Gemini endpoint and key
 * @param anthropic Anthropic endpoint and key
 * @param openai OpenAI endpoint and key
 * @param planner provider chain and models of the planner
 * @param worker provider chain and models of the workers
 * @param judge provider chain and models of the judge
 * @param prices extra or corrected prices, keyed {@code provider/model} (in properties files:
 * {@code chimera.models.prices[openai/gpt-5].input-per-million=1.25})
 */
@Validated
@ConfigurationProperties("chimera.models")
public record ModelProperties(@Min(1) @DefaultValue("4096") int maxTokensPerRequest,
		@NotNull @DefaultValue("25s") Duration timeout, @Valid @NotNull @DefaultValue Retry retry,
		@Valid @NotNull @DefaultValue Breaker breaker,
		@Valid @NotNull @DefaultValue Hosted gemini, @Valid @NotNull @DefaultValue Hosted anthropic,
		@Valid @NotNull @DefaultValue Hosted openai, @Valid @NotNull @DefaultValue RoleSettings planner,
		@Valid @NotNull @DefaultValue RoleSettings worker, @Valid @NotNull @DefaultValue RoleSettings judge,
		Map<String, @Valid Price> prices) {

	public ModelProperties {
		if (timeout != null && (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0)) {
			throw new IllegalArgumentException("chimera.models.timeout must be positive and at most " + MAX_TIMEOUT.toSeconds()
					+ " s, was " + timeout + " (keep it well under chimera.worker.task-timeout so a fallback fits)");
		}
		prices = (prices != null) ? Map.copyOf(prices) : Map.of();
	}

	/** Longer than any sensible model call; a larger value is a unit mistake ({@code 60000} read as seconds). */
	static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

	/** Whether a hosted provider is configured (an API key, or an OpenAI-compatible server of one's own). */
	public boolean anyHosted() {
		return this.gemini.configured() || this.anthropic.configured() || this.openai.configured() || this.openai.keyless();
	}

	RoleSettings role(ModelRole role) {
		return switch (role) {
			case PLANNER -> this.planner;
			case WORKER -> this.worker;
			case JUDGE -> this.judge;
		};
	}

	/**
	 * @param maxRetries retries of a rate-limited call before falling back to the next provider
	 * @param initialBackoff first backoff step; each retry doubles it
	 * @param maxBackoff longest wait, even when a provider asks for more
	 */
	public record Retry(@Min(0) @Max(10) @DefaultValue("3") int maxRetries,
			@NotNull @DefaultValue("500ms") Duration initialBackoff,
			@NotNull @DefaultValue("20s") Duration maxBackoff) {
	}

	/**
	 * The circuit breaker of each hosted provider, over its last {@code window} calls: once at least
	 * {@code minimumCalls} were made and {@code failureRate} percent of them failed (timeout, server error,
	 * unreachable), the provider is skipped for {@code openFor}, then tried again with a few calls. Rate limits,
	 * malformed and rejected answers do not count: the provider is up.
	 *
	 * @param window how many of the last calls are counted
	 * @param minimumCalls calls needed before the failure rate is judged
	 * @param failureRate percentage of failed calls that opens the breaker
	 * @param openFor how long an open breaker skips the provider
	 */
	public record Breaker(@Min(1) @Max(1000) @DefaultValue("10") int window,
			@Min(1) @Max(1000) @DefaultValue("5") int minimumCalls,
			@Min(1) @Max(100) @DefaultValue("50") int failureRate,
			@NotNull @DefaultValue("30s") Duration openFor) {

		public Breaker {
			if (openFor != null && (openFor.isNegative() || openFor.isZero())) {
				throw new IllegalArgumentException("chimera.models.breaker.open-for must be positive, was " + openFor);
			}
		}
	}

	/**
	 * A hosted provider. A blank key means "not configured", except for an OpenAI-compatible local server
	 * (Ollama, llama.cpp server, vLLM, LM Studio): a base URL without a key selects it.
	 *
	 * @param apiKey the provider's API key
	 * @param baseUrl the API's base URL (blank: the provider's public endpoint); tests point it at a
	 * local server; for OpenAI, a local OpenAI-compatible server ({@code OPENAI_BASE_URL})
	 * @param model the model every role uses on this provider unless a role names its own
	 * ({@code OPENAI_MODEL}, e.g. {@code llama3.1:8b})
	 */
	public record Hosted(String apiKey, String baseUrl, String model) {

		boolean configured() {
			return this.apiKey != null && !this.apiKey.isBlank();
		}

		/** A server of the operator's own, without a key: its models cost nothing and need no price. */
		boolean keyless() {
			return !configured() && this.baseUrl != null && !this.baseUrl.isBlank();
		}

		@Override
		public String toString() {
			return "Hosted[apiKey=" + Secrets.describe(this.apiKey) + ", baseUrl=" + this.baseUrl + ", model=" + this.model + "]";
		}
	}

	/**
	 * @param providers the chain, first choice first (empty: chosen by which keys are set)
	 * @param models model name per provider (missing entries: the defaults of the role)
	 */
	public record RoleSettings(List<String> providers, Map<String, String> models) {

		public RoleSettings {
			providers = (providers != null) ? List.copyOf(providers) : List.of();
			models = (models != null) ? Map.copyOf(models) : Map.of();
		}
	}

	/** USD per million tokens. */
	public record Price(@NotNull @DecimalMin("0") BigDecimal inputPerMillion,
			@NotNull @DecimalMin("0") BigDecimal outputPerMillion) {

		public Price {
			if (inputPerMillion == null || outputPerMillion == null || inputPerMillion.signum() < 0
					|| outputPerMillion.signum() < 0) {
				throw new IllegalArgumentException("input-per-million and output-per-million must be set, >= 0");
			}
		}

		static Price of(String input, String output) {
			return new Price(new BigDecimal(input), new BigDecimal(output));
		}
	}
}

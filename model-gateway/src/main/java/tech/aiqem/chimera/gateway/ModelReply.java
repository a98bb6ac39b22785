package tech.aiqem.chimera.gateway;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The answer to one {@link ModelPrompt} and what it cost.
 *
 * @param text the answer (for {@code expectJson} prompts: the JSON without code fences)
 * @param provider the provider that answered ({@code gemini}, {@code anthropic}, {@code openai},
 * {@code offline}, ...)
 * @param model the model that was asked (the name the price table knows it by)
 * @param inputTokens prompt tokens as the provider counted them
 * @param outputTokens answer tokens as the provider counted them
 * @param costUsd price of the call in USD from the configured price table (zero offline), scale 6 like
 * {@code spend_ledger.amount_usd}
 * @param latency wall time of the gateway call, retries and fallbacks included
 * @param offline true when the answer came from the offline model, not a hosted one
 */
public record ModelReply(String text, String provider, String model, long inputTokens, long outputTokens,
		BigDecimal costUsd, Duration latency, boolean offline) {

	public ModelReply {
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(provider, "provider");
		Objects.requireNonNull(model, "model");
		if (inputTokens < 0 || outputTokens < 0) {
			throw new IllegalArgumentException("token counts must not be negative");
		}
		costUsd = (costUsd != null) ? costUsd : BigDecimal.ZERO;
		latency = (latency != null) ? latency : Duration.ZERO;
	}

	ModelReply withAccounting(String answer, BigDecimal cost, Duration took) {
		return new ModelReply(answer, this.provider, this.model, this.inputTokens, this.outputTokens, cost, took,
				this.offline);
	}
}

package tech.aiqem.chimera.gateway;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import tech.aiqem.chimera.gateway.ModelProperties.Price;

/**
 * USD per million input and output tokens, per provider and model. The defaults are the providers'
 * published standard (non-batch, uncached, prompts up to 200k tokens) prices as read on 2026-11-25;
 * {@code chimera.models.prices[provider/model].*} adds or overrides entries. Offline answers cost 0.
 */
final class PriceTable {

	static final Map<String, Price> DEFAULTS = Map.of(
			"gemini/gemini-2.5-pro", Price.of("1.25", "10.00"),
			"gemini/gemini-2.5-flash", Price.of("0.30", "2.50"),
			"anthropic/claude-opus-4-6", Price.of("5.00", "25.00"),
			"anthropic/claude-sonnet-4-6", Price.of("3.00", "15.00"),
			"anthropic/claude-haiku-4-5", Price.of("1.00", "5.00"),
			"openai/gpt-5", Price.of("1.25", "10.00"),
			"openai/gpt-5-mini", Price.of("0.25", "2.00"));

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	private final Map<String, Price> prices;

	PriceTable(Map<String, Price> overrides) {
		Map<String, Price> merged = new HashMap<>(DEFAULTS);
		merged.putAll(overrides);
		this.prices = Map.copyOf(merged);
	}

	static String key(String provider, String model) {
		return provider + "/" + model;
	}

	Optional<Price> price(String provider, String model) {
		return Optional.ofNullable(this.prices.get(key(provider, model)));
	}

	/** Cost in USD at scale 6, the precision of {@code spend_ledger.amount_usd}. */
	BigDecimal cost(String provider, String model, long inputTokens, long outputTokens) {
		Price price = price(provider, model).orElseThrow(() -> new IllegalStateException(
				"no price for " + key(provider, model) + " (set chimera.models.prices[" + key(provider, model)
						+ "].input-per-million and .output-per-million)"));
		return price.inputPerMillion()
			.multiply(BigDecimal.valueOf(inputTokens))
			.add(price.outputPerMillion().multiply(BigDecimal.valueOf(outputTokens)))
			.divide(MILLION, 6, RoundingMode.HALF_UP);
	}
}

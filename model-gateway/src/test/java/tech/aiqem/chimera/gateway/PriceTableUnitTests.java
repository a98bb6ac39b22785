package tech.aiqem.chimera.gateway;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PriceTableUnitTests {

	@Test
	void costIsTokensTimesPricePerMillionAtScaleSix() {
		PriceTable table = new PriceTable(Map.of());

		assertThat(table.cost("gemini", "gemini-2.5-flash", 1_000_000, 1_000_000)).isEqualTo(new BigDecimal("2.800000"));
		assertThat(table.cost("anthropic", "claude-opus-4-6", 1000, 100)).isEqualTo(new BigDecimal("0.007500"));
		assertThat(table.cost("openai", "gpt-5-mini", 0, 0)).isEqualTo(new BigDecimal("0.000000"));
	}

	@Test
	void configuredPricesAddToAndOverrideTheDefaults() {
		PriceTable table = new PriceTable(Map.of("openai/gpt-5", ModelProperties.Price.of("2", "20"),
				"gemini/gemini-3-pro-preview", ModelProperties.Price.of("2.00", "12.00")));

		assertThat(table.cost("openai", "gpt-5", 1_000_000, 0)).isEqualTo(new BigDecimal("2.000000"));
		assertThat(table.cost("gemini", "gemini-3-pro-preview", 0, 1_000_000)).isEqualTo(new BigDecimal("12.000000"));
		assertThat(table.cost("gemini", "gemini-2.5-pro", 1_000_000, 0)).isEqualTo(new BigDecimal("1.250000"));
	}

	@Test
	void anUnknownModelNamesThePropertyToSet() {
		assertThatIllegalStateException().isThrownBy(() -> new PriceTable(Map.of()).cost("openai", "gpt-9", 1, 1))
			.withMessageContaining("chimera.models.prices[openai/gpt-9].input-per-million");
	}

	@Test
	void everyDefaultModelHasAPrice() {
		PriceTable table = new PriceTable(Map.of());
		ProviderChains.DEFAULT_MODELS.values()
			.forEach(models -> models.forEach((provider, model) -> {
				if (!provider.equals("offline")) {
					assertThat(table.price(provider, model)).as(provider + "/" + model).isPresent();
				}
			}));
	}
}

package tech.aiqem.chimera.gateway;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tech.aiqem.chimera.gateway.RoutingModelGateway.Route;

/**
 * Assembles the gateway from configuration: hosted providers for the keys that are set, the offline
 * model if there is one, the chains of {@link ProviderChains}, and a price for every hosted model a
 * chain uses (checked here, so a missing price stops start-up instead of a call).
 */
final class ModelGateways {

	private static final Logger log = LoggerFactory.getLogger(ModelGateways.class);

	private ModelGateways() {
	}

	/**
	 * @param offline the bean named {@code offline}, or null
	 * @param realClock wall-clock time for providers' reset instants (not the scaled clock of the demo)
	 */
	static RoutingModelGateway create(ModelProperties properties, ChatProvider offline, MeterRegistry registry,
			Sleeper sleeper, DoubleSupplier random, Clock realClock) {
		Secrets secrets = new Secrets(java.util.Arrays.stream(HostedApi.values())
			.map(api -> settings(properties, api).apiKey())
			.toList());
		Map<String, ChatProvider> available = new LinkedHashMap<>();
		ProviderGuards guards = new ProviderGuards(properties, registry);
		for (HostedApi api : HostedApi.values()) {
			ModelProperties.Hosted settings = settings(properties, api);
			if (settings.configured() || api == HostedApi.OPENAI && settings.keyless()) {
				available.put(api.providerName(),
						guards.guard(new HostedChatProvider(api, settings, properties.timeout(), secrets, realClock)));
			}
		}
		Map<ModelRole, List<String>> overrides = new EnumMap<>(ModelRole.class);
		for (ModelRole role : ModelRole.values()) {
			overrides.put(role, properties.role(role).providers());
		}
		Map<ModelRole, List<String>> names = ProviderChains.select(available.keySet(), offline != null, overrides);
		if (offline != null) {
			available.put(ProviderChains.OFFLINE, offline);
		}
		Map<String, ModelProperties.Price> priced = new LinkedHashMap<>();
		Map<ModelRole, List<Route>> chains = new EnumMap<>(ModelRole.class);
		Map<ModelRole, Map<String, String>> models = new EnumMap<>(ModelRole.class);
		for (ModelRole role : ModelRole.values()) {
			Map<String, String> roleModels = new LinkedHashMap<>();
			for (HostedApi api : HostedApi.values()) {
				ModelProperties.Hosted settings = settings(properties, api);
				if (settings.model() != null && !settings.model().isBlank()) {
					roleModels.put(api.providerName(), settings.model().trim());
				}
				if (api == HostedApi.OPENAI && settings.keyless()) {
					// A local OpenAI-compatible server costs nothing per token (unless a price is configured).
					String model = ProviderChains.model(role, api.providerName(), merged(roleModels, properties.role(role).models()));
					priced.put(PriceTable.key(api.providerName(), model), new ModelProperties.Price(java.math.BigDecimal.ZERO,
							java.math.BigDecimal.ZERO));
				}
			}
			models.put(role, merged(roleModels, properties.role(role).models()));
		}
		priced.putAll(properties.prices());
		PriceTable prices = new PriceTable(priced);
		names.forEach((role, providers) -> {
			List<Route> chain = new ArrayList<>();
			for (String name : providers) {
				ChatProvider provider = available.get(name);
				String model = ProviderChains.model(role, name, models.get(role));
				if (!provider.offline() && prices.price(name, model).isEmpty()) {
					throw new IllegalStateException("No price for " + PriceTable.key(name, model) + " (used by the "
							+ role.key() + " role): set chimera.models.prices[" + PriceTable.key(name, model)
							+ "].input-per-million and .output-per-million");
				}
				chain.add(new Route(provider, model));
			}
			chains.put(role, List.copyOf(chain));
			log.info("Model chain of the {} role: {}", role.key(), chain);
		});
		RetryPolicy retry = new RetryPolicy(properties.retry().maxRetries(), properties.retry().initialBackoff(),
				properties.retry().maxBackoff());
		return new RoutingModelGateway(chains, properties.maxTokensPerRequest(), retry, prices,
				new ModelMetrics(registry), sleeper, random);
	}

	/** A role's own model names win over a provider-wide {@code model}. */
	private static Map<String, String> merged(Map<String, String> providerWide, Map<String, String> roleOwn) {
		Map<String, String> merged = new LinkedHashMap<>(providerWide);
		if (roleOwn != null) {
			roleOwn.forEach((provider, model) -> {
				if (model != null && !model.isBlank()) {
					merged.put(provider, model);
				}
			});
		}
		return merged;
	}

	private static ModelProperties.Hosted settings(ModelProperties properties, HostedApi api) {
		return switch (api) {
			case GEMINI -> properties.gemini();
			case ANTHROPIC -> properties.anthropic();
			case OPENAI -> properties.openai();
		};
	}
}

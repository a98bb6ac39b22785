package tech.aiqem.chimera.gateway;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which providers answer which role, in order. Pure: decided from the set of providers that have a key,
 * whether the offline model exists, and the configured overrides.
 * <ul>
 * <li>An override ({@code chimera.models.judge.providers=anthropic,openai}) is taken as written; naming a
 * provider without a key (or {@code offline} without an offline model) is a configuration error.</li>
 * <li>Otherwise the role's default order, keeping the providers that have a key.</li>
 * <li>With no key at all, the offline model alone. The offline model is never appended to a chain of
 * hosted providers on its own: a production outage must fail loudly, not publish offline text. Name it
 * in an override to get that.</li>
 * </ul>
 */
final class ProviderChains {

	static final String GEMINI = "gemini";

	static final String ANTHROPIC = "anthropic";

	static final String OPENAI = "openai";

	static final String OFFLINE = "offline";

	static final Map<ModelRole, List<String>> DEFAULT_ORDER = Map.of(
			ModelRole.PLANNER, List.of(GEMINI, ANTHROPIC, OPENAI),
			ModelRole.WORKER, List.of(GEMINI, ANTHROPIC, OPENAI),
			ModelRole.JUDGE, List.of(ANTHROPIC, GEMINI, OPENAI));

	/** Current models of each class; prices in {@link PriceTable#DEFAULTS}. */
	static final Map<ModelRole, Map<String, String>> DEFAULT_MODELS = Map.of(
			ModelRole.PLANNER, Map.of(GEMINI, "gemini-2.5-pro", ANTHROPIC, "claude-sonnet-4-6", OPENAI, "gpt-5",
					OFFLINE, OFFLINE),
			ModelRole.WORKER, Map.of(GEMINI, "gemini-2.5-flash", ANTHROPIC, "claude-haiku-4-5", OPENAI,
					"gpt-5-mini", OFFLINE, OFFLINE),
			ModelRole.JUDGE, Map.of(ANTHROPIC, "claude-opus-4-6", GEMINI, "gemini-2.5-pro", OPENAI, "gpt-5",
					OFFLINE, OFFLINE));

	private static final Map<String, String> KEY_VARIABLES = Map.of(GEMINI, "GOOGLE_API_KEY", ANTHROPIC,
			"ANTHROPIC_API_KEY", OPENAI, "OPENAI_API_KEY");

	private ProviderChains() {
	}

	/**
	 * @param keyed hosted providers whose API key is set
	 * @param offlineAvailable whether a {@code ChatProvider} bean named {@code offline} exists
	 * @param overrides configured chains (an empty list: no override)
	 * @throws IllegalStateException when a role would have no provider or an override names an unusable one
	 */
	static Map<ModelRole, List<String>> select(Set<String> keyed, boolean offlineAvailable,
			Map<ModelRole, List<String>> overrides) {
		Map<ModelRole, List<String>> chains = new EnumMap<>(ModelRole.class);
		for (ModelRole role : ModelRole.values()) {
			List<String> override = overrides.getOrDefault(role, List.of());
			chains.put(role, override.isEmpty() ? byKeys(role, keyed, offlineAvailable)
					: checked(role, override, keyed, offlineAvailable));
		}
		return chains;
	}

	private static List<String> byKeys(ModelRole role, Set<String> keyed, boolean offlineAvailable) {
		List<String> chain = DEFAULT_ORDER.get(role).stream().filter(keyed::contains).toList();
		if (!chain.isEmpty()) {
			return chain;
		}
		if (offlineAvailable) {
			return List.of(OFFLINE);
		}
		throw new IllegalStateException("No model provider for the " + role.key()
				+ " role: set GOOGLE_API_KEY, ANTHROPIC_API_KEY or OPENAI_API_KEY, or provide the offline model"
				+ " (a ChatProvider bean named 'offline')");
	}

	private static List<String> checked(ModelRole role, List<String> override, Set<String> keyed,
			boolean offlineAvailable) {
		List<String> chain = new ArrayList<>();
		for (String raw : override) {
			String name = raw.trim().toLowerCase(java.util.Locale.ROOT);
			String property = "chimera.models." + role.key() + ".providers";
			if (name.equals(OFFLINE)) {
				if (!offlineAvailable) {
					throw new IllegalStateException(property + " names 'offline' but there is no offline model"
							+ " (a ChatProvider bean named 'offline')");
				}
			}
			else if (!KEY_VARIABLES.containsKey(name)) {
				throw new IllegalStateException(property + " names unknown provider '" + raw
						+ "' (known: gemini, anthropic, openai, offline)");
			}
			else if (!keyed.contains(name)) {
				throw new IllegalStateException(property + " names '" + name + "' but " + KEY_VARIABLES.get(name)
						+ " is not set");
			}
			if (!chain.contains(name)) {
				chain.add(name);
			}
		}
		return List.copyOf(chain);
	}

	/** The configured model of a provider for a role, else the role's default. */
	static String model(ModelRole role, String provider, Map<String, String> configured) {
		String model = configured.get(provider);
		if (model != null && !model.isBlank()) {
			return model.trim();
		}
		String fallback = DEFAULT_MODELS.get(role).get(provider);
		if (fallback == null) {
			throw new IllegalStateException("no model configured for " + provider + " in the " + role.key()
					+ " role (chimera.models." + role.key() + ".models." + provider + ")");
		}
		return fallback;
	}
}

package tech.aiqem.chimera.gateway;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProviderChainsUnitTests {

	private static final Map<ModelRole, List<String>> NO_OVERRIDES = Map.of();

	@Test
	void allKeysGiveEachRoleItsDefaultOrder() {
		var chains = ProviderChains.select(Set.of("gemini", "anthropic", "openai"), true, NO_OVERRIDES);

		assertThat(chains.get(ModelRole.PLANNER)).containsExactly("gemini", "anthropic", "openai");
		assertThat(chains.get(ModelRole.WORKER)).containsExactly("gemini", "anthropic", "openai");
		assertThat(chains.get(ModelRole.JUDGE)).containsExactly("anthropic", "gemini", "openai");
	}

	@Test
	void providersWithoutAKeyAreLeftOut() {
		var chains = ProviderChains.select(Set.of("openai", "anthropic"), false, NO_OVERRIDES);

		assertThat(chains.get(ModelRole.PLANNER)).containsExactly("anthropic", "openai");
		assertThat(chains.get(ModelRole.JUDGE)).containsExactly("anthropic", "openai");
	}

	@Test
	void onlyTheOpenAiKeyMakesOpenAiTheWholeChain() {
		var chains = ProviderChains.select(Set.of("openai"), true, NO_OVERRIDES);

		assertThat(chains.values()).allSatisfy(chain -> assertThat(chain).containsExactly("openai"));
	}

	@Test
	void offlineIsNotAppendedToHostedChains() {
		var chains = ProviderChains.select(Set.of("gemini"), true, NO_OVERRIDES);

		assertThat(chains.get(ModelRole.JUDGE)).containsExactly("gemini");
	}

	@Test
	void noKeyMeansTheOfflineModelAlone() {
		var chains = ProviderChains.select(Set.of(), true, NO_OVERRIDES);

		assertThat(chains.values()).allSatisfy(chain -> assertThat(chain).containsExactly("offline"));
	}

	@Test
	void noKeyAndNoOfflineModelIsAClearError() {
		assertThatIllegalStateException().isThrownBy(() -> ProviderChains.select(Set.of(), false, NO_OVERRIDES))
			.withMessageContaining("No model provider for the planner role")
			.withMessageContaining("GOOGLE_API_KEY, ANTHROPIC_API_KEY or OPENAI_API_KEY")
			.withMessageContaining("ChatProvider bean named 'offline'");
	}

	@Test
	void anOverrideIsTakenAsWritten() {
		var chains = ProviderChains.select(Set.of("gemini", "anthropic", "openai"), true,
				Map.of(ModelRole.PLANNER, List.of("Anthropic", " openai"), ModelRole.WORKER, List.of("openai", "offline")));

		assertThat(chains.get(ModelRole.PLANNER)).containsExactly("anthropic", "openai");
		assertThat(chains.get(ModelRole.WORKER)).containsExactly("openai", "offline");
		assertThat(chains.get(ModelRole.JUDGE)).containsExactly("anthropic", "gemini", "openai");
	}

	@Test
	void anOverrideNamingAProviderWithoutKeyFailsStartUp() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ProviderChains.select(Set.of("gemini"), false,
					Map.of(ModelRole.JUDGE, List.of("anthropic"))))
			.withMessage("chimera.models.judge.providers names 'anthropic' but ANTHROPIC_API_KEY is not set");
	}

	@Test
	void anOverrideNamingAnUnknownProviderFailsStartUp() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ProviderChains.select(Set.of("gemini"), false, Map.of(ModelRole.WORKER, List.of("mistral"))))
			.withMessageContaining("unknown provider 'mistral'");
	}

	@Test
	void anOverrideNamingAMissingOfflineModelFailsStartUp() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ProviderChains.select(Set.of("gemini"), false, Map.of(ModelRole.WORKER, List.of("offline"))))
			.withMessageContaining("no offline model");
	}

	@Test
	void modelsComeFromConfigurationElseTheRoleDefault() {
		assertThat(ProviderChains.model(ModelRole.WORKER, "gemini", Map.of())).isEqualTo("gemini-2.5-flash");
		assertThat(ProviderChains.model(ModelRole.JUDGE, "anthropic", Map.of())).isEqualTo("claude-opus-4-6");
		assertThat(ProviderChains.model(ModelRole.PLANNER, "gemini", Map.of("gemini", "gemini-3-pro-preview")))
			.isEqualTo("gemini-3-pro-preview");
	}
}

package tech.aiqem.chimera.orchestrator.auth;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyTokensUnitTests {

	@Test
	void keysAreRandomPrefixedAndStoredOnlyAsPrefixAndHash() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			ApiKeyTokens.NewKey key = ApiKeyTokens.generate();
			assertThat(key.key()).startsWith("chm_").hasSize(47);
			assertThat(ApiKeyTokens.wellFormed(key.key())).isTrue();
			assertThat(key.prefix()).isEqualTo(key.key().substring(4, 16));
			assertThat(key.hash()).hasSize(64).doesNotContain(key.key().substring(16));
			assertThat(ApiKeyTokens.matches(key.key(), key.hash())).isTrue();
			assertThat(key.toString()).doesNotContain(key.key());
			assertThat(seen.add(key.key())).isTrue();
		}
	}

	@Test
	void aDifferentKeyWithTheSamePrefixDoesNotMatch() {
		ApiKeyTokens.NewKey key = ApiKeyTokens.generate();
		String forged = key.key().substring(0, 46) + (key.key().endsWith("A") ? "B" : "A");
		assertThat(ApiKeyTokens.prefixOf(forged)).isEqualTo(key.prefix());
		assertThat(ApiKeyTokens.matches(forged, key.hash())).isFalse();
		assertThat(ApiKeyTokens.wellFormed("chm_short")).isFalse();
		assertThat(ApiKeyTokens.wellFormed("Bearer chm_" + "A".repeat(43))).isFalse();
	}
}

package tech.aiqem.chimera.gateway;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ModelPromptUnitTests {

	@Test
	void aBlankUserPromptOrNonPositiveLimitIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ModelPrompt.of("system", " "))
			.withMessageContaining("user prompt");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ModelPrompt(null, "hi", null, null, null, 0, false))
			.withMessageContaining("maxTokens");
	}

	@Test
	void factsAreAnOrderedReadOnlyCopyThatMayHoldNulls() {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("z", 1);
		facts.put("a", null);
		ModelPrompt prompt = new ModelPrompt(null, "hi", facts, null, null, null, false);
		facts.put("later", 2);

		assertThat(prompt.facts().keySet()).containsExactly("z", "a");
		assertThat(prompt.withMaxTokens(5).facts()).isEqualTo(prompt.facts());
		assertThat(new ModelPrompt(null, "hi", null, null, null, null, false).facts()).isEmpty();
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> prompt.facts().put("x", 1));
		assertThat(new HashMap<>(prompt.facts())).containsEntry("a", null);
	}
}

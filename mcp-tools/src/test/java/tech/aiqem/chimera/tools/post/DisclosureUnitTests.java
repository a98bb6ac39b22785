package tech.aiqem.chimera.tools.post;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.tools.mcp.ToolError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DisclosureUnitTests {

	@Test
	void thePersonasLevelIsTheDefault() {
		assertThat(Disclosure.decide(null, DisclosureLevel.ASSISTED)).isEqualTo(DisclosureLevel.ASSISTED);
	}

	@Test
	void aStrongerDisclosureIsAllowedAWeakerOneIsNot() {
		assertThat(Disclosure.decide(DisclosureLevel.AUTOMATED, DisclosureLevel.ASSISTED)).isEqualTo(DisclosureLevel.AUTOMATED);
		assertThat(Disclosure.decide(DisclosureLevel.NONE, DisclosureLevel.NONE)).isEqualTo(DisclosureLevel.NONE);
		assertThatThrownBy(() -> Disclosure.decide(DisclosureLevel.NONE, DisclosureLevel.AUTOMATED)).isInstanceOf(ToolError.class)
			.hasMessageContaining("requires \"automated\"");
		assertThatThrownBy(() -> Disclosure.decide(DisclosureLevel.NONE, DisclosureLevel.ASSISTED))
			.hasMessageContaining("requires \"assisted\" or stronger");
	}

	@Test
	void labelsAreAppendedOnce() {
		String labelled = Disclosure.label("Hello  ", DisclosureLevel.AUTOMATED);
		assertThat(labelled).isEqualTo("Hello\n\n🤖 AI-generated #AI");
		assertThat(Disclosure.label(labelled, DisclosureLevel.AUTOMATED)).isEqualTo(labelled);
		assertThat(Disclosure.label("Hello", DisclosureLevel.ASSISTED)).isEqualTo("Hello\n\n#AIassisted");
		assertThat(Disclosure.label("Hello", DisclosureLevel.NONE)).isEqualTo("Hello");
	}
}

package tech.aiqem.chimera.model.persona;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.model.DisclosureLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SoulMarkdownUnitTests {

	static final String SOUL = """
			# FashionNova AI

			## Identity
			A warm, curious fashion insider from Addis Ababa who champions Ethiopian designers.

			## Voice
			- Friendly tone
			- Use emoji sparingly

			## Topics
			- Ethiopian fashion
			- Habesha kemis

			## Forbidden topics
			- politics
			- crypto speculation

			## Approved brands
			- Yefikir Design
			- Mafi Mafi

			## Disclosure
			automated

			## Languages
			- en
			- am
			""";

	@Test
	void parsesEverySection() {
		Persona persona = SoulMarkdown.parse(SOUL);
		assertThat(persona.name()).isEqualTo("FashionNova AI");
		assertThat(persona.identity()).startsWith("A warm, curious fashion insider");
		assertThat(persona.voice()).containsExactly("Friendly tone", "Use emoji sparingly");
		assertThat(persona.topics()).containsExactly("Ethiopian fashion", "Habesha kemis");
		assertThat(persona.forbiddenTopics()).containsExactly("politics", "crypto speculation");
		assertThat(persona.approvedBrands()).containsExactly("Yefikir Design", "Mafi Mafi");
		assertThat(persona.disclosure()).isEqualTo(DisclosureLevel.AUTOMATED);
		assertThat(persona.languages()).containsExactly("en", "am");
	}

	@Test
	void rulesBecomeTaskConstraints() {
		assertThat(SoulMarkdown.parse(SOUL).constraints()).contains("Friendly tone", "Never discuss: politics",
				"Only endorse approved brands: Yefikir Design, Mafi Mafi", "Disclosure: automated");
	}

	@Test
	void forbiddenTopicsMatchWholeWords() {
		Persona persona = SoulMarkdown.parse(SOUL);
		assertThat(persona.forbiddenTopicIn("Thoughts on POLITICS today?")).isEqualTo("politics");
		assertThat(persona.forbiddenTopicIn("Crypto speculation is wild")).isEqualTo("crypto speculation");
		assertThat(persona.forbiddenTopicIn("Apolitical colours")).isNull();
	}

	@Test
	void unknownSectionNamesItsLine() {
		String bad = SOUL.replace("## Topics", "## Hobbies");
		assertThatThrownBy(() -> SoulMarkdown.parse(bad)).isInstanceOfSatisfying(SoulFormatException.class, ex -> {
			assertThat(ex.line()).isEqualTo(10);
			assertThat(ex.reason()).startsWith("unknown section 'Hobbies'");
		});
	}

	@Test
	void badDisclosureNamesItsLine() {
		String bad = SOUL.replace("automated", "sometimes");
		assertThatThrownBy(() -> SoulMarkdown.parse(bad)).isInstanceOfSatisfying(SoulFormatException.class, ex -> {
			assertThat(ex.line()).isEqualTo(23);
			assertThat(ex.getMessage()).isEqualTo("SOUL.md line 23: disclosure must be automated, assisted or none, got 'sometimes'");
		});
	}

	@Test
	void missingTitleAndRequiredSectionsAreReported() {
		assertThatThrownBy(() -> SoulMarkdown.parse("## Voice\n- hi\n")).isInstanceOfSatisfying(SoulFormatException.class,
				ex -> assertThat(ex.line()).isEqualTo(1));
		assertThatThrownBy(() -> SoulMarkdown.parse("# X\n## Topics\n- a\n")).hasMessageContaining("'## Voice' section is required");
		assertThatThrownBy(() -> SoulMarkdown.parse("# X\n## Voice\n## Topics\n- a\n"))
			.hasMessage("SOUL.md line 2: the 'Voice' section has no items");
		assertThatThrownBy(() -> SoulMarkdown.parse("")).hasMessageContaining("empty");
	}

	@Test
	void proseInAListSectionIsRejected() {
		assertThatThrownBy(() -> SoulMarkdown.parse("# X\n## Voice\nfriendly\n## Topics\n- a\n"))
			.hasMessage("SOUL.md line 3: section 'Voice' takes a bullet list; start the line with '- '");
	}
}

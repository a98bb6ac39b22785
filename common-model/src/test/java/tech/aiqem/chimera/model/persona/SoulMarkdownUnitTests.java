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
	void theCanonicalFileHasNoWarningsButTheUsefulOnes() {
		assertThat(SoulMarkdown.parse(SOUL).warnings()).isEmpty();
		assertThat(SoulMarkdown.parse(SOUL.replace("## Approved brands\n- Yefikir Design\n- Mafi Mafi\n", "")).warnings())
			.containsExactly("no approved brands: every brand mention will be escalated to a human");
	}

	@Test
	void aPersonaWrittenTheWayPeopleWriteThemIsAccepted() {
		Persona persona = SoulMarkdown.parse("""
				# FashionNova AI

				## Who she is
				A warm, curious fashion insider from Addis Ababa. She grew up in her aunt's tailoring shop.

				## How she talks
				Warm and playful, never snobbish. She uses one or two emoji at most ✨ and ends with #HabeshaStyle.

				## What she posts about
				- Ethiopian designers and their new collections
				- Habesha kemis styling
				- Sustainable fabrics

				## Things she stays away from
				- politics
				- crypto speculation

				## Brands she works with
				Yefikir Design, Mafi Mafi and Sabahar.

				## Being honest about sponsorship and AI
				She always says she is an AI and labels every paid post #ad.

				## Her favourite places
				The Merkato fabric stalls and the Addis fashion week.
				""");
		assertThat(persona.name()).isEqualTo("FashionNova AI");
		assertThat(persona.identity()).startsWith("A warm, curious fashion insider");
		assertThat(persona.voice()).hasSize(2).first().asString().startsWith("Warm and playful");
		assertThat(persona.topics()).containsExactly("Ethiopian designers and their new collections", "Habesha kemis styling",
				"Sustainable fabrics");
		assertThat(persona.forbiddenTopics()).containsExactly("politics", "crypto speculation");
		assertThat(persona.approvedBrands()).containsExactly("Yefikir Design", "Mafi Mafi", "Sabahar");
		assertThat(persona.disclosure()).isEqualTo(DisclosureLevel.AUTOMATED);
		assertThat(persona.prose()).contains("## Her favourite places", "Merkato fabric stalls");
		assertThat(persona.warnings()).isEmpty();
	}

	@Test
	void aFirstPersonPersonaWithNeverIsAccepted() {
		Persona persona = SoulMarkdown.parse("""
				# Selam Runs

				## Who I am
				I'm Selam, a marathoner from Bekoji who posts about training at altitude.

				## My voice
				- Short sentences, upbeat
				- 🏃‍♀️ in most posts

				## Topics
				- altitude training
				- race-day nutrition

				## Never
				- doping rumours
				- betting

				## Languages
				English and Amharic
				""");
		assertThat(persona.name()).isEqualTo("Selam Runs");
		assertThat(persona.identity()).startsWith("I'm Selam");
		assertThat(persona.voice()).containsExactly("Short sentences, upbeat", "🏃‍♀️ in most posts");
		assertThat(persona.forbiddenTopics()).containsExactly("doping rumours", "betting");
		assertThat(persona.languages()).containsExactly("en", "am");
		assertThat(persona.warnings()).containsExactly("no approved brands: every brand mention will be escalated to a human");
	}

	@Test
	void aTitleIsANameEvenWhenItSoundsLikeASection() {
		assertThat(SoulMarkdown.parse("# Selam Style\n## Voice\n- warm\n").name()).isEqualTo("Selam Style");
		assertThat(SoulMarkdown.parse("# Voice\n- warm\n", "Agent").voice()).containsExactly("warm");
	}

	@Test
	void missingPartsAreWarningsNotErrors() {
		Persona persona = SoulMarkdown.parse("# Abebe\n\nA coffee roaster.\n\n## Hobbies\n- cycling\n");
		assertThat(persona.topics()).containsExactly("cycling");
		assertThat(persona.warnings()).anyMatch(w -> w.startsWith("no voice"))
			.anyMatch(w -> w.startsWith("no approved brands"));
	}

	@Test
	void anUnderstoodDisclosureMapsToTheLevels() {
		assertThat(SoulMarkdown.parse(SOUL.replace("automated", "assisted")).disclosure()).isEqualTo(DisclosureLevel.ASSISTED);
		assertThat(SoulMarkdown.parse(SOUL.replace("automated", "none")).disclosure()).isEqualTo(DisclosureLevel.NONE);
		Persona vague = SoulMarkdown.parse(SOUL.replace("automated", "sometimes"));
		assertThat(vague.disclosure()).isEqualTo(DisclosureLevel.AUTOMATED);
		assertThat(vague.warnings()).anyMatch(w -> w.startsWith("disclosure not understood ('sometimes')"));
	}

	@Test
	void elizaCharacterJsonIsReadAsItIs() {
		Persona persona = SoulMarkdown.parse("""
				{"name": "Tana", "clients": [], "bio": ["Runs a cafe in Bahir Dar.", "Knows every boat on the lake."],
				 "lore": ["Once rowed to Dek island at night."], "topics": ["coffee", "Lake Tana"],
				 "adjectives": ["cheerful", "nosy"], "style": {"all": ["short sentences"], "chat": ["asks questions"],
				 "post": ["ends with a question"]},
				 "messageExamples": [[{"user": "{{user1}}", "content": {"text": "hi"}},
				                      {"user": "Tana", "content": {"text": "Buna is ready!"}}]],
				 "postExamples": ["Morning fog on the lake, first buna of the day ☕"]}
				""");
		assertThat(persona.name()).isEqualTo("Tana");
		assertThat(persona.identity()).isEqualTo("Runs a cafe in Bahir Dar. Knows every boat on the lake.");
		assertThat(persona.topics()).containsExactly("coffee", "Lake Tana");
		assertThat(persona.voice()).contains("short sentences", "In posts: ends with a question", "Comes across as cheerful, nosy");
		assertThat(persona.examples()).containsExactly("Buna is ready!", "Morning fog on the lake, first buna of the day ☕");
		assertThat(persona.prose()).contains("Once rowed to Dek island at night.", "In conversation: asks questions");
	}

	@Test
	void aSystemPromptPersonaIsRead() {
		Persona persona = SoulMarkdown.parse("You are a fictional character whose name is Lulit. You love jazz, "
				+ "old cameras and street food. You are witty and a little sarcastic. Never discuss religion.");
		assertThat(persona.name()).isEqualTo("Lulit");
		assertThat(persona.topics()).containsExactly("jazz", "old cameras", "street food");
		assertThat(persona.voice()).containsExactly("You are witty and a little sarcastic.");
		assertThat(persona.forbiddenTopics()).containsExactly("religion");
	}

	@Test
	void onlyWhatCannotBeAPersonaIsRefused() {
		assertThatThrownBy(() -> SoulMarkdown.parse("")).hasMessageContaining("empty");
		assertThatThrownBy(() -> SoulMarkdown.parse("a".repeat(SoulMarkdown.MAX_BYTES + 1))).hasMessageContaining("larger than 256 KiB");
		assertThatThrownBy(() -> SoulMarkdown.parse("PK\u0003\u0004\u0000\u0000binary")).hasMessageContaining("not text");
		assertThatThrownBy(() -> SoulMarkdown.parse("## Voice\n- friendly\n## Topics\n- jazz\n"))
			.isInstanceOfSatisfying(SoulFormatException.class, ex -> assertThat(ex.reason()).startsWith("no name anywhere"));
		assertThatThrownBy(() -> SoulMarkdown.parse("{\"name\": ")).hasMessageContaining("not valid JSON");
	}

	@Test
	void aFileWithoutANameTakesTheAgentsNameWithAWarning() {
		Persona persona = SoulMarkdown.parse("# SOUL.md\n\n## Tone\n- concise\n", "Linky");
		assertThat(persona.name()).isEqualTo("Linky");
		assertThat(persona.voice()).containsExactly("concise");
		assertThat(persona.warnings()).contains("no name in the file: the agent's name 'Linky' is used");
	}

	@Test
	void templatePlaceholdersAreLeftOutWithAWarning() {
		Persona persona = SoulMarkdown.parse("# {{BOT_NAME}} — Soul File\n\n## Communication Style\n- **Tone**: {{STYLE}}\n- warm\n", "Bot");
		assertThat(persona.name()).isEqualTo("Bot");
		assertThat(persona.voice()).containsExactly("warm");
		assertThat(persona.warnings()).anyMatch(w -> w.contains("{{BOT_NAME}}") && w.contains("{{STYLE}}"));
	}
}

package tech.aiqem.chimera.gateway.offline;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineWriterUnitTests {

	static final String GOAL = "Create a twitter post on Ethiopian fashion — designer spotlight that serves the campaign goal: "
			+ "Promote Ethiopian fashion designers and summer collection";

	static final OfflineWriter.Voice FRIENDLY = OfflineWriter.Voice.of(List.of("Friendly tone", "Use emoji sparingly"));

	@Test
	void postsNeverPasteTheGoalSentence() {
		for (long seed = 0; seed < 200; seed++) {
			String post = OfflineWriter.post(FRIENDLY, "Ethiopian fashion — designer spotlight", GOAL, "twitter", seed * 7919);
			assertThat(post).doesNotContainIgnoringCase("Promote Ethiopian fashion designers")
				.doesNotContainIgnoringCase("serves the campaign goal")
				.doesNotContain("designer spotlight that")
				.containsIgnoringCase("Ethiopian fashion")
				.hasSizeLessThanOrEqualTo(250);
		}
	}

	@Test
	void openingsVary() {
		Set<String> openings = new HashSet<>();
		for (long seed = 0; seed < 60; seed++) {
			String post = OfflineWriter.post(FRIENDLY, "Habesha kemis — styling tips", GOAL, "instagram", seed * 104729);
			openings.add(post.split("\\s+")[0] + " " + post.split("\\s+")[1]);
		}
		assertThat(openings).hasSizeGreaterThanOrEqualTo(6);
	}

	@Test
	void aPhraseOfTheGoalIsUsedInItsOwnSentence() {
		assertThat(GoalPhrases.phrase(GOAL, "Ethiopian fashion designer spotlight", 0)).isEqualTo("summer collection");
		assertThat(GoalPhrases.phrase("Two posts a day on Habesha kemis", "Habesha kemis styling", 0)).isEmpty();
	}

	@Test
	void aPersonaWithoutTopicsTakesTheGoalsSubjects() {
		assertThat(GoalPhrases.topics("Promote Ethiopian fashion designers and the summer collection, 12 posts a day"))
			.containsExactly("Ethiopian fashion designers", "summer collection");
	}

	@Test
	void thePersonasOwnEmojiAndHashtagsAreUsed() {
		OfflineWriter.Voice voice = OfflineWriter.Voice.of(List.of("Warm and playful", "One or two emoji at most ✨",
				"Ends with #HabeshaStyle"));
		assertThat(voice.ownEmoji()).containsExactly("✨");
		assertThat(voice.ownTags()).containsExactly("#HabeshaStyle");
		String post = OfflineWriter.post(voice, "Habesha kemis — styling tips", GOAL, "instagram", 42);
		assertThat(post).contains("✨", "#HabeshaStyle").doesNotContain("🌿", "💛", "🧵", "☕", "🌞");
	}

	@Test
	void noEmojiAndNoHashtagsAreRespected() {
		OfflineWriter.Voice voice = OfflineWriter.Voice.of(List.of("Calm and understated", "No emoji", "No hashtags"));
		for (long seed = 0; seed < 50; seed++) {
			String post = OfflineWriter.post(voice, "Coffee ceremony — morning ritual", GOAL, "twitter", seed);
			assertThat(post).doesNotContain("#", "!", "✨", "🌿", "💛", "🧵", "☕", "🌞");
		}
	}

	@Test
	void theSameInputsWriteTheSameText() {
		assertThat(OfflineWriter.post(FRIENDLY, "Ethiopian fashion — designer spotlight", GOAL, "twitter", 99))
			.isEqualTo(OfflineWriter.post(FRIENDLY, "Ethiopian fashion — designer spotlight", GOAL, "twitter", 99));
	}
}

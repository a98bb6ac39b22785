package tech.aiqem.chimera.tools.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostMatchUnitTests {

	@Test
	void theSameTextMatchesWhateverThePlatformDidToItsLinksAndSpacing() {
		String sent = "Kemis fitting notes 🧵\nhttps://cdn.example.com/media/images/task-1.png";
		assertThat(PostMatch.sameText(sent, "Kemis fitting notes 🧵 https://t.co/AbC123")).isTrue();
		assertThat(PostMatch.sameText(sent, "  Kemis   fitting notes 🧵")).isTrue();
		assertThat(PostMatch.sameText("Cafe\u0301 opening", "Café opening")).as("Unicode composition").isTrue();
	}

	@Test
	void anotherTextOrNoTextIsNotTheSamePost() {
		assertThat(PostMatch.sameText("Kemis fitting notes", "Kemis fitting notes, part 2")).isFalse();
		assertThat(PostMatch.sameText("Kemis fitting notes", "kemis fitting notes")).as("case is the author's").isFalse();
		assertThat(PostMatch.sameText("Kemis fitting notes", null)).isFalse();
	}
}

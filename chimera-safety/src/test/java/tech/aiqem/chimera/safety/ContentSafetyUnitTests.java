package tech.aiqem.chimera.safety;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped content-safety head on hand-written cases; the measured figures come from EvaluateContentSafety. */
class ContentSafetyUnitTests {

	private final ContentSafety safety = ContentSafety.shared();

	@Test
	void blankTextIsClean() {
		assertThat(this.safety.score(null)).isEqualTo(new ContentScore(0, 0, 0, false, "clean", List.of()));
	}

	@Test
	void insultsAreFlagged() {
		for (String text : new String[] { "shut up you stupid bitch", "You are a worthless idiot and everyone hates you" }) {
			ContentScore score = this.safety.score(text);
			assertThat(score.flagged()).as(text + " " + score).isTrue();
			assertThat(score.label()).isIn("insult", "hate");
			assertThat(score.reasons()).singleElement().asString().startsWith("classifier toxic");
		}
		assertThat(this.safety.score("shut up you stupid bitch").label()).isEqualTo("insult");
	}

	@Test
	void hateAgainstAGroupIsFlaggedAsHate() {
		for (String text : new String[] { "All immigrants are criminals and should be thrown out of the country",
				"Go back to your own country, you people are animals" }) {
			ContentScore score = this.safety.score(text);
			assertThat(score.flagged()).as(text + " " + score).isTrue();
			assertThat(score.label()).isEqualTo("hate");
			assertThat(score.hate()).isGreaterThan(score.insult());
		}
	}

	@Test
	void leetspeakIsReadBackBeforeScoring() {
		assertThat(ContentSafety.readings("Y0u are a w0rthless piece of sh1t")).containsExactly("y0u are a w0rthless piece of sh1t",
				"you are a worthless piece of shit");
		assertThat(ContentSafety.readings("Top 10 looks of 2026")).containsExactly("top 10 looks of 2026");
		assertThat(ContentSafety.readings("@laceeybugg b@stard")).containsExactly("@laceeybugg b@stard", "@laceeybugg bastard");
		ContentScore plain = this.safety.score("you are a worthless piece of shit");
		ContentScore disguised = this.safety.score("Y0u are a w0rthless piece of sh1t");
		assertThat(disguised.flagged()).as(disguised.toString()).isTrue();
		assertThat(disguised.toxic()).isEqualTo(plain.toxic());
	}

	@Test
	void ordinaryPostsAreClean() {
		for (String text : new String[] { "Loving the new autumn collection, the colours are gorgeous!",
				"Thanks for the quick delivery, the dress fits perfectly", "Our new scarf is hand-woven by weavers in Dorze",
				"What a lovely day at the market" }) {
			ContentScore score = this.safety.score(text);
			assertThat(score.flagged()).as(text + " " + score).isFalse();
			assertThat(score.label()).isEqualTo("clean");
			assertThat(List.of(score.hate(), score.insult(), score.toxic())).allMatch(p -> p >= 0 && p <= 1);
		}
	}
}

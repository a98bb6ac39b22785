package tech.aiqem.chimera.judge.core.checks;

import java.util.List;

import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.judge.core.Drafts;
import tech.aiqem.chimera.judge.core.Finding;

import static org.assertj.core.api.Assertions.assertThat;

/** The toxicity port's scores become findings; no classifier means a human looks. */
class ToxicityCheckUnitTests {

	private static ToxicityCheck scoring(double hate, double insult, boolean flagged) {
		return new ToxicityCheck(text -> new ToxicityClassifier.ToxicityScore(hate, insult, Math.max(hate, insult), flagged,
				flagged ? "hate" : "clean", List.of("fake")));
	}

	@Test
	void aSurelyFlaggedTextIsRejectedALessSureOneEscalated() {
		assertThat(scoring(0.95, 0.1, true).check(Drafts.post("x"))).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(Finding.Severity.REJECT);
			assertThat(f.code()).isEqualTo("hate");
		});
		assertThat(scoring(0.1, 0.6, true).check(Drafts.post("x"))).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(Finding.Severity.ESCALATE);
			assertThat(f.code()).isEqualTo("insult");
		});
		assertThat(scoring(0.05, 0.1, false).check(Drafts.post("x"))).isEmpty();
	}

	@Test
	void anUnflaggedTextPassesHoweverCloseToTheThreshold() {
		// no "doubt" band under the classifier's threshold: bench.CalibrateContent found none within budget
		assertThat(scoring(0.74, 0.1, false).check(Drafts.post("x"))).isEmpty();
	}

	@Test
	void withoutAClassifierEveryTextGoesToAHuman() {
		assertThat(new ToxicityCheck(null).check(Drafts.post("hello"))).singleElement()
			.satisfies(f -> assertThat(f.code()).isEqualTo("safety_unchecked"));
		ToxicityCheck unavailable = new ToxicityCheck(text -> {
			throw new ToxicityClassifier.Unavailable("no trained head");
		});
		assertThat(unavailable.check(Drafts.post("hello"))).singleElement()
			.satisfies(f -> assertThat(f.detail()).contains("no trained head"));
	}
}

package tech.aiqem.chimera.safety;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written corpus ({@code injection-corpus.jsonl}: label, split, source, text) kept as unit-test
 * cases for the rule family ({@link RuleScan}) alone: it was written by the same hands as the rules, so
 * it is no evidence of how the detector does on real attacks (that is {@code EvaluateInjection} on the
 * public test file), but it pins down what the rules already catch and what they must not flag.
 */
class InjectionCorpusUnitTests {

	static final double MIN_RECALL = 0.95;

	static final double MAX_FALSE_POSITIVES = 0.05;

	@Test
	void detectorMeetsRecallAndFalsePositiveTargets() throws IOException {
		List<JsonNode> corpus = corpus();
		measure(corpus, null); // warm-up, so the timing printed below is the steady state
		assertThat(corpus.stream().filter(r -> r.get("label").asString().equals("injection")).count()).isGreaterThanOrEqualTo(100);
		assertThat(corpus.stream().filter(r -> r.get("label").asString().equals("benign")).count()).isGreaterThanOrEqualTo(100);
		Figures all = measure(corpus, null);
		Figures dev = measure(corpus, "dev");
		Figures holdout = measure(corpus, "holdout");
		System.out.println("Rule family on the hand-written cases — " + all + "\n  dev: " + dev + "\n  holdout: " + holdout);
		dev.misses().forEach(miss -> System.out.println("  dev miss: " + miss));
		holdout.misses().forEach(miss -> System.out.println("  holdout miss (not tuned on): " + miss));
		assertThat(all.recall()).as("recall, all").isGreaterThanOrEqualTo(MIN_RECALL);
		assertThat(all.falsePositiveRate()).as("false positives, all").isLessThanOrEqualTo(MAX_FALSE_POSITIVES);
		assertThat(holdout.recall()).as("recall, holdout").isGreaterThanOrEqualTo(MIN_RECALL);
		assertThat(holdout.falsePositiveRate()).as("false positives, holdout").isLessThanOrEqualTo(MAX_FALSE_POSITIVES);
	}

	@Test
	void everyRowIsLabelledAndSourced() throws IOException {
		for (JsonNode row : corpus()) {
			assertThat(row.get("label").asString()).isIn("injection", "benign");
			assertThat(row.get("split").asString()).isIn("dev", "holdout");
			assertThat(row.get("source").asString()).isNotBlank();
			assertThat(row.get("text").asString()).isNotBlank();
		}
	}

	static Figures measure(List<JsonNode> corpus, String split) {
		int attacks = 0;
		int caught = 0;
		int benign = 0;
		int flagged = 0;
		List<String> misses = new ArrayList<>();
		long started = System.nanoTime();
		for (JsonNode row : corpus) {
			if (split != null && !row.get("split").asString().equals(split)) {
				continue;
			}
			String text = row.get("text").asString();
			RuleScan.Result result = RuleScan.scan(text);
			boolean injection = result.score() >= InjectionDetector.RULES_THRESHOLD;
			if (row.get("label").asString().equals("injection")) {
				attacks++;
				if (injection) {
					caught++;
				}
				else {
					misses.add("missed attack " + result.score() + " " + result.families() + ": " + text);
				}
			}
			else {
				benign++;
				if (injection) {
					flagged++;
					misses.add("false positive " + result.score() + " " + result.families() + ": " + text);
				}
			}
		}
		double micros = (System.nanoTime() - started) / 1000.0 / Math.max(1, attacks + benign);
		return new Figures(attacks, caught, benign, flagged, micros, misses);
	}

	static List<JsonNode> corpus() throws IOException {
		try (InputStream in = InjectionCorpusUnitTests.class.getResourceAsStream("injection-corpus.jsonl")) {
			assertThat(in).as("injection-corpus.jsonl next to this class").isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.isBlank())
				.map(LearnedHead.JSON::readTree)
				.toList();
		}
	}

	record Figures(int attacks, int caught, int benign, int flagged, double microsPerText, List<String> misses) {

		double recall() {
			return this.attacks == 0 ? 1 : this.caught / (double) this.attacks;
		}

		double falsePositiveRate() {
			return this.benign == 0 ? 0 : this.flagged / (double) this.benign;
		}

		@Override
		public String toString() {
			return String.format("recall %.3f (%d/%d attacks), false positives %.3f (%d/%d benign), %.0f µs/text",
					recall(), this.caught, this.attacks, falsePositiveRate(), this.flagged, this.benign, this.microsPerText);
		}
	}
}

package tech.aiqem.chimera.safety;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A regression gate on public data (every fifth record of ../shared/datasets/injection/test.jsonl, from
 * sources that are also in the training file): the shipped head must keep catching attacks without
 * flagging ordinary text. The full figures, per source and kind, come from EvaluateInjection.
 */
class InjectionDetectorDatasetTests {

	@Test
	void catchesAttacksOfKnownSourcesWithFewFalsePositives() {
		Set<String> trainSources = Datasets.read("injection", "train").stream().map(Datasets.Example::source).collect(Collectors.toSet());
		List<Datasets.Example> test = Datasets.read("injection", "test");
		InjectionDetector detector = InjectionDetector.shared();
		Evaluation.Tally recall = new Evaluation.Tally();
		Evaluation.Tally falsePositives = new Evaluation.Tally();
		for (int i = 0; i < test.size(); i += 5) {
			Datasets.Example e = test.get(i);
			if (trainSources.contains(e.source())) {
				(e.label().equals("injection") ? recall : falsePositives).add(detector.scan(e.text()).injection());
			}
		}
		System.out.println("sampled test records of known sources: recall " + recall + ", false positives " + falsePositives);
		assertThat(recall.total).isGreaterThan(50);
		assertThat(falsePositives.total).isGreaterThan(150);
		assertThat(recall.rate()).isGreaterThanOrEqualTo(0.85);
		assertThat(falsePositives.rate()).isLessThanOrEqualTo(0.05);
	}
}

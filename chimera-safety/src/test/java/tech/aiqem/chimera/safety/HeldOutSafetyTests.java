package tech.aiqem.chimera.safety;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The held-out records the judge calibrates on: a fifth of every label and source of the capped training
 * set, all from the train file, none from the test file.
 */
class HeldOutSafetyTests {

	@Test
	void aFifthOfEveryTrainingStratumAndNothingOfTheTestFile() {
		List<HeldOutSafety.Text> held = HeldOutSafety.validation();
		List<Datasets.Example> capped = Datasets.capPerStratum(Datasets.read("safety", "train"), TrainContentSafety.STRATUM_CAP, Training.SEED);
		Map<String, Long> strata = capped.stream().collect(Collectors.groupingBy(e -> e.source() + "|" + e.label(), Collectors.counting()));
		Map<String, Long> heldStrata = held.stream().collect(Collectors.groupingBy(t -> t.source() + "|" + t.label(), Collectors.counting()));
		assertThat(heldStrata.keySet()).isEqualTo(strata.keySet());
		strata.forEach((stratum, n) -> assertThat(heldStrata.get(stratum)).as(stratum).isEqualTo(Math.round(n * Training.VALIDATION_FRACTION)));
		Set<String> train = capped.stream().map(Datasets.Example::text).collect(Collectors.toSet());
		Set<String> test = Datasets.read("safety", "test").stream().map(Datasets.Example::text).collect(Collectors.toSet());
		assertThat(held).allSatisfy(t -> assertThat(train).contains(t.text()));
		assertThat(held.stream().filter(t -> test.contains(t.text()))).isEmpty();
	}
}

package tech.aiqem.chimera.safety;

import java.util.ArrayList;
import java.util.List;

/**
 * The records of {@code safety/train.jsonl} that the shipped content-safety head never saw: the validation
 * split {@link TrainContentSafety} carves from the capped training set (same cap, split and seed). What is
 * calibrated on top of the head (the judge's thresholds) is calibrated on these, never on the test file.
 */
public final class HeldOutSafety {

	/** One held-out record; {@code source} is the collection ("t-davidson/hate-speech-and-offensive-language"). */
	public record Text(String text, String label, String source) {
	}

	private HeldOutSafety() {
	}

	public static List<Text> validation() {
		List<Datasets.Example> train = Datasets.capPerStratum(Datasets.read("safety", "train"), TrainContentSafety.STRATUM_CAP, Training.SEED);
		boolean[] validation = Datasets.validationSplit(train, Training.VALIDATION_FRACTION, Training.SEED);
		List<Text> texts = new ArrayList<>();
		for (int i = 0; i < train.size(); i++) {
			if (validation[i]) {
				Datasets.Example example = train.get(i);
				texts.add(new Text(example.text(), example.label(), example.source()));
			}
		}
		return texts;
	}
}

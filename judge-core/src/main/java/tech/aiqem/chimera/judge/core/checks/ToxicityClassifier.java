package tech.aiqem.chimera.judge.core.checks;

import java.util.List;

/**
 * The judge's port to a content-safety classifier (hate, insults, toxicity). The trained model lives in
 * chimera-safety; the adapter maps its scores to {@link ToxicityScore}.
 */
public interface ToxicityClassifier {

	/** @throws Unavailable when the classifier cannot score (no trained model): the judge escalates */
	ToxicityScore score(String text);

	/** The classifier cannot judge this text. */
	final class Unavailable extends RuntimeException {

		public Unavailable(String why) {
			super(why);
		}
	}

	/**
	 * Scores in 0..1, and the classifier's own flag and reasons.
	 *
	 * @param flagged whether the classifier itself considers the text unsafe at its calibrated threshold
	 */
	record ToxicityScore(double hate, double insult, double toxic, boolean flagged, String label, List<String> reasons) {

		public ToxicityScore {
			reasons = reasons == null ? List.of() : List.copyOf(reasons);
		}

		public double worst() {
			return Math.max(this.hate, Math.max(this.insult, this.toxic));
		}
	}
}

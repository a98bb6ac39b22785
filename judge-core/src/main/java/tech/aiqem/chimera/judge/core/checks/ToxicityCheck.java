package tech.aiqem.chimera.judge.core.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tech.aiqem.chimera.judge.core.Draft;
import tech.aiqem.chimera.judge.core.Finding;
import tech.aiqem.chimera.model.ErrorCode;

/**
 * Hate, harassment and insults, through the {@link ToxicityClassifier} port. A text the classifier flags
 * and puts in a class with a high probability is rejected; one it flags less surely goes to a human. An
 * unflagged text passes this check whatever its score: sending texts scored just under the classifier's
 * threshold to a human too (a "doubt" band from 0.40 up) was measured on the held-out part of the safety
 * train file ({@code bench.CalibrateContent}) and no band kept every source's clean texts within 5 %
 * flagged; from 0.60 it flagged 0.139 of Davidson's clean tweets against 0.088 without, for hate recall 0.938
 * against 0.925 and insults 0.974 against 0.966. Without a classifier the judge cannot tell, so every text
 * goes to a human.
 */
public final class ToxicityCheck implements Check {

	/** A flagged text whose hate or insult probability reaches this is rejected rather than escalated. */
	static final double REJECT_AT = 0.80;

	private final ToxicityClassifier classifier;

	/** @param classifier the classifier, or null when none is available */
	public ToxicityCheck(ToxicityClassifier classifier) {
		this.classifier = classifier;
	}

	@Override
	public List<Finding> check(Draft draft) {
		String text = draft.text();
		List<Finding> findings = new ArrayList<>();
		if (text.isBlank()) {
			return findings;
		}
		if (this.classifier == null) {
			findings.add(Finding.escalate("safety_unchecked", ErrorCode.E1006, "no content-safety classifier is available to check the text", null));
			return findings;
		}
		ToxicityClassifier.ToxicityScore score;
		try {
			score = this.classifier.score(text);
		}
		catch (ToxicityClassifier.Unavailable ex) {
			findings.add(Finding.escalate("safety_unchecked", ErrorCode.E1006, "the content-safety classifier cannot score it: " + ex.getMessage(), null));
			return findings;
		}
		String kind = score.hate() >= Math.max(score.insult(), score.toxic()) ? "hate" : score.insult() >= score.toxic() ? "insult" : "toxic";
		String detail = "the safety classifier scores it " + kind + " " + String.format(Locale.ROOT, "%.2f", score.worst())
				+ (score.reasons().isEmpty() ? "" : " (" + String.join(", ", score.reasons()) + ")");
		if (score.flagged() && Math.max(score.hate(), score.insult()) >= REJECT_AT) {
			findings.add(Finding.reject(kind, ErrorCode.E1006, detail, null));
		}
		else if (score.flagged()) {
			findings.add(Finding.escalate(kind, ErrorCode.E1006, detail, null));
		}
		return findings;
	}
}

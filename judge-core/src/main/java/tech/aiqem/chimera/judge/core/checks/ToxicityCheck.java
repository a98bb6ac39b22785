package tech.aiqem.chimera.judge.core.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tech.aiqem.chimera.judge.core.Draft;
import tech.aiqem.chimera.judge.core.Finding;
import tech.aiqem.chimera.model.ErrorCode;

/**
 * Hate, harassment and insults, through the {@link ToxicityClassifier} port. A text the classifier flags
 * and puts in a class with a high probability is rejected; one it flags less surely, or whose toxic score
 * comes near its threshold, goes to a human. Without a classifier the judge cannot tell, so every text goes
 * to a human.
 */
public final class ToxicityCheck implements Check {

	/** A flagged text whose hate or insult probability reaches this is rejected rather than escalated. */
	static final double REJECT_AT = 0.80;

	/**
	 * Unflagged texts whose calibrated toxic score reaches this are still shown to a human (chimera-safety's
	 * classifier flags from 0.77, fitted on its validation split).
	 */
	static final double DOUBT_AT = 0.60;

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
		else if (score.flagged() || score.toxic() >= DOUBT_AT) {
			findings.add(Finding.escalate(kind, ErrorCode.E1006, detail, null));
		}
		return findings;
	}
}

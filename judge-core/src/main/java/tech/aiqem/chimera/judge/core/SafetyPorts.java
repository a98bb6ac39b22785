package tech.aiqem.chimera.judge.core;

import tech.aiqem.chimera.judge.core.checks.SentenceEncoder;
import tech.aiqem.chimera.judge.core.checks.ToolCallVerifier;
import tech.aiqem.chimera.judge.core.checks.ToxicityClassifier;
import tech.aiqem.chimera.safety.ContentSafety;
import tech.aiqem.chimera.safety.ContentScore;
import tech.aiqem.chimera.safety.SentenceEmbeddings;

/**
 * The judge's ports wired to chimera-safety: MiniLM sentence embeddings for topics and the trained
 * content-safety classifier for hate and insults (both one per JVM, loaded on first use).
 */
public final class SafetyPorts {

	private SafetyPorts() {
	}

	/**
	 * The judge without the tools server's record (the preview endpoint): chimera-safety's models and the
	 * worker's declared tool calls.
	 */
	public static JudgeCore judgeCore() {
		return judgeCore(ToolCallVerifier.DECLARED);
	}

	/** The judge as the judge service runs it: tool calls checked by {@code verifier}. */
	public static JudgeCore judgeCore(ToolCallVerifier verifier) {
		return new JudgeCore(encoder(), toxicity(), verifier);
	}

	public static SentenceEncoder encoder() {
		return text -> SentenceEmbeddings.shared().embedAsRead(text);
	}

	/**
	 * The content-safety classifier. While chimera-safety ships no trained head it scores everything 0 and
	 * says so; the judge must not read that as "clean", so such an answer is reported as no classifier.
	 */
	public static ToxicityClassifier toxicity() {
		return text -> {
			ContentScore score = ContentSafety.shared().score(text);
			if (score.reasons().stream().anyMatch(reason -> reason.startsWith("interim"))) {
				throw new ToxicityClassifier.Unavailable(String.join("; ", score.reasons()));
			}
			return new ToxicityClassifier.ToxicityScore(score.hate(), score.insult(), score.toxic(), score.flagged(), score.label(),
					score.reasons());
		};
	}
}

package tech.aiqem.chimera.safety;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Scores text an agent is about to publish for hate, insults and other toxicity: a softmax head over
 * clean / hate / insult ({@link LearnedHead}, trained by {@code TrainContentSafety} on the public
 * training set) over sentence embeddings and hashed n-grams; {@code toxic} is the calibrated probability
 * of "not clean", flagged above the threshold fitted on a validation split. One instance per JVM,
 * thread-safe.
 * <p>
 * INTERIM until the trained resource {@code content-head.json} exists: without it every text scores 0
 * and says so in its reasons.
 */
public final class ContentSafety {

	static final String HEAD_RESOURCE = "content-head.json";

	private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}\\p{N}])@");

	/** The readings of the text read last: the judge's checks of one post (classifier, word lists) read the same text in turn. */
	private static final AtomicReference<Read> LAST = new AtomicReference<>();

	private record Read(String text, List<String> readings) {
	}

	private static volatile ContentSafety shared;

	private final LearnedHead head;

	ContentSafety(LearnedHead head) {
		this.head = head;
	}

	public static ContentSafety shared() {
		ContentSafety instance = shared;
		if (instance == null) {
			synchronized (ContentSafety.class) {
				instance = shared;
				if (instance == null) {
					instance = new ContentSafety(LearnedHead.load(HEAD_RESOURCE));
					shared = instance;
				}
			}
		}
		return instance;
	}

	public ContentScore score(String text) {
		if (text == null || text.isBlank()) {
			return new ContentScore(0, 0, 0, false, "clean", List.of());
		}
		if (this.head == null) {
			return new ContentScore(0, 0, 0, false, "clean", List.of("interim: no trained content-safety classifier on the class path"));
		}
		List<String> outputs = this.head.parameters().outputs();
		// a text written in leetspeak ("w0rthless piece of sh1t") is also read with it undone; the worse reading counts
		double[] p = null;
		for (String reading : readings(text)) {
			double[] q = this.head.probabilities(this.head.logitsOfReading(reading));
			p = p == null || q[outputs.indexOf("clean")] < p[outputs.indexOf("clean")] ? q : p;
		}
		double clean = p[outputs.indexOf("clean")];
		double hate = p[outputs.indexOf("hate")];
		double insult = p[outputs.indexOf("insult")];
		double notClean = Math.min(1 - 1e-9, Math.max(1e-9, 1 - clean));
		double toxic = this.head.calibrated(Math.log(notClean / (1 - notClean)));
		boolean flagged = toxic >= this.head.threshold();
		String label = !flagged ? "clean" : Math.max(hate, insult) < 0.5 * notClean ? "toxic" : hate >= insult ? "hate" : "insult";
		String reasons = String.format(Locale.ROOT, "classifier toxic %.2f (hate %.2f, insult %.2f)", toxic, hate, insult);
		return new ContentScore(round(hate), round(insult), round(toxic), flagged, label, List.of(reasons));
	}

	/**
	 * The forms a reader sees in a text: look-alike letters, invisible characters and spaced-apart letters
	 * undone ({@code Normaliser.reading}), then, if the text has digits or symbols inside words, the same
	 * with leetspeak read back ('1' as 'i'; an @ starting a word stays a handle). Lower case.
	 */
	public static List<String> readings(String text) {
		Read last = LAST.get();
		if (last != null && last.text().equals(text)) {
			return last.readings();
		}
		String reading = Normaliser.reading(text);
		// an @ that starts a word is a handle (@laceeybugg), not an "a"
		String leet = Normaliser.leet(HANDLE.matcher(reading).replaceAll("\u0001"), 'i').replace('\u0001', '@');
		List<String> readings = leet.equals(reading) ? List.of(reading) : List.of(reading, leet);
		LAST.set(new Read(text, readings));
		return readings;
	}

	private static double round(double p) {
		return Math.round(p * 1000) / 1000.0;
	}
}

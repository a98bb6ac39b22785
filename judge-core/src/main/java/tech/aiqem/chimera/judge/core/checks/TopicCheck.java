package tech.aiqem.chimera.judge.core.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import tech.aiqem.chimera.judge.core.Draft;
import tech.aiqem.chimera.judge.core.Finding;
import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.persona.Persona;

/**
 * Topics by meaning. A forbidden topic is found by any word of its expansion (stemmed, with related terms:
 * "politics" finds "election" and "senators") or, with an encoder, by the post reading close to the topic.
 * The same machinery measures how well a post keeps to the persona's own topics ({@link #match}).
 */
public final class TopicCheck implements Check {

	/**
	 * Cosine similarity at which a post reads as being about a forbidden topic without naming it: far above
	 * clean train tweets against "religion" (p95 0.16), where only the closest tenth of TOXIGEN's train
	 * statements about religious groups are (p90 0.29; 0.31 on the int8 model); the words catch the rest.
	 * A lower value (0.22 was tried) sends abstract, high-minded posts to humans. See CalibrateTopics (test
	 * sources) for the run.
	 */
	static final double FORBIDDEN_SIMILARITY = 0.30;

	/**
	 * Cosine similarity at which a post reads as on-persona: the 95th percentile of clean train tweets placed
	 * in personas outside the benchmark suite (0.27 on the int8 MiniLM; it was 0.25 on the float32 model),
	 * where about three quarters of those personas' own posts are (their p25 is 0.25).
	 */
	static final double ON_TOPIC_SIMILARITY = 0.27;

	/**
	 * With example posts of its own in the persona, the on-persona score is the better of that similarity and
	 * the similarity to the closest own example, and this is its threshold: the 95th percentile of clean train
	 * tweets placed in the benchmark's personas (0.322), where 38 of those personas' 51 message-example lines
	 * are (29 by topics and identity alone at their own 95th percentile). See CalibrateExamples (test sources).
	 */
	static final double ON_PERSONA_WITH_EXAMPLES = 0.32;

	/** At most this many of the persona's examples are compared. */
	static final int EXAMPLES_READ = 64;

	/** At most this many phrase vectors are kept (about 12 MB of 384-dimension vectors). */
	static final int CACHED_VECTORS = 8192;

	private static final int LONGEST_TERM = 3;

	private final SentenceEncoder encoder;

	private final Map<String, float[]> topicVectors = new ConcurrentHashMap<>();

	/** @param encoder sentence embeddings, or null to match by words only */
	public TopicCheck(SentenceEncoder encoder) {
		this.encoder = encoder;
	}

	/**
	 * How well a text keeps to a persona: the closest topic (or the identity, or an own example), its
	 * similarity, whether a word of a topic occurs, and the similarity that counts as on-persona.
	 */
	public record TopicMatch(String topic, double similarity, boolean named, double threshold) {

		public TopicMatch(String topic, double similarity, boolean named) {
			this(topic, similarity, named, ON_TOPIC_SIMILARITY);
		}

		public boolean onTopic() {
			return this.named || this.similarity >= this.threshold;
		}
	}

	@Override
	public List<Finding> check(Draft draft) {
		String text = draft.text();
		List<Finding> findings = new ArrayList<>();
		if (text.isBlank()) {
			return findings;
		}
		List<Stems.Stem> stems = Stems.allWords(text);
		float[] vector = null;
		for (String topic : draft.persona().forbiddenTopics()) {
			Finding.Span span = firstMention(text, stems, TopicLexicon.expand(topic));
			if (span != null) {
				findings.add(Finding.escalate("forbidden_topic", ErrorCode.E1006,
						"touches the persona's forbidden topic '" + topic + "' (\"" + span.text() + "\")", span));
				continue;
			}
			if (this.encoder != null) {
				vector = vector == null ? this.encoder.embed(text) : vector;
				double similarity = SentenceEncoder.cosine(vector, topicVector(topic));
				if (similarity >= FORBIDDEN_SIMILARITY) {
					findings.add(Finding.escalate("forbidden_topic", ErrorCode.E1006, "reads as being about the persona's forbidden topic '"
							+ topic + "' (similarity " + String.format(Locale.ROOT, "%.2f", similarity) + ")", null));
				}
			}
		}
		return findings;
	}

	/**
	 * The persona topic (or the persona's identity as a whole) the text is closest to; when the persona has
	 * example posts of its own, the closest of those too, with the threshold calibrated for that.
	 */
	public TopicMatch match(String text, Persona persona) {
		if (text == null || text.isBlank() || persona.topics().isEmpty()) {
			return new TopicMatch(null, 0, false);
		}
		List<Stems.Stem> stems = Stems.allWords(text);
		float[] vector = this.encoder == null ? null : this.encoder.embed(text);
		TopicMatch best = new TopicMatch(null, 0, false);
		if (vector != null && !persona.identity().isBlank()) {
			// the persona as a whole: a post can be in character without naming one of the listed topics
			best = new TopicMatch("the persona's identity", SentenceEncoder.cosine(vector, topicVector(persona.identity())), false);
		}
		for (String topic : persona.topics()) {
			boolean named = firstMention(text, stems, TopicLexicon.expand(topic)) != null;
			double similarity = vector == null ? 0 : SentenceEncoder.cosine(vector, topicVector(topic));
			if ((named && !best.named()) || (named == best.named() && similarity > best.similarity()) || best.topic() == null) {
				best = new TopicMatch(topic, similarity, named);
			}
		}
		if (vector == null || persona.examples().isEmpty()) {
			return best;
		}
		String closest = null;
		double own = -1;
		for (String example : persona.examples().subList(0, Math.min(EXAMPLES_READ, persona.examples().size()))) {
			double similarity = example.isBlank() ? -1 : SentenceEncoder.cosine(vector, topicVector(example));
			if (similarity > own) {
				own = similarity;
				closest = example;
			}
		}
		if (closest == null || own <= best.similarity()) {
			return new TopicMatch(best.topic(), best.similarity(), best.named(), ON_PERSONA_WITH_EXAMPLES);
		}
		String shown = closest.length() > 40 ? closest.substring(0, 40) + "…" : closest;
		return new TopicMatch("its own example \"" + shown.replaceAll("\\s+", " ") + "\"", own, best.named(), ON_PERSONA_WITH_EXAMPLES);
	}

	/** How many phrase vectors are kept now. */
	int cachedVectors() {
		return this.topicVectors.size();
	}

	private float[] topicVector(String topic) {
		if (this.topicVectors.size() >= CACHED_VECTORS) {
			// topics, identities and examples of every persona judged: bounded, recomputed on demand
			this.topicVectors.clear();
		}
		return this.topicVectors.computeIfAbsent(topic.toLowerCase(Locale.ROOT), this.encoder::embed);
	}

	/** The first run of one to three words whose stems form one of the keys. */
	static Finding.Span firstMention(String text, List<Stems.Stem> stems, Set<String> keys) {
		for (int i = 0; i < stems.size(); i++) {
			StringBuilder key = new StringBuilder();
			for (int n = 0; n < LONGEST_TERM && i + n < stems.size(); n++) {
				if (n > 0) {
					key.append(' ');
				}
				key.append(stems.get(i + n).stem());
				if (keys.contains(key.toString())) {
					return Finding.Span.of(text, stems.get(i).start(), stems.get(i + n).end());
				}
			}
		}
		return null;
	}
}

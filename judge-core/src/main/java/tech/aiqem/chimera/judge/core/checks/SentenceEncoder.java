package tech.aiqem.chimera.judge.core.checks;

/**
 * The judge's port to a sentence-embedding model (all-MiniLM-L6-v2 in production), used to match
 * topics by meaning. Vectors need not be normalised.
 */
public interface SentenceEncoder {

	float[] embed(String text);

	static double cosine(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < Math.min(a.length, b.length); i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
	}
}

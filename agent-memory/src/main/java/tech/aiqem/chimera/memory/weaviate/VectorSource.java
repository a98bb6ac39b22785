package tech.aiqem.chimera.memory.weaviate;

/** Who turns memory text into vectors when the Weaviate store is used. */
public enum VectorSource {

	/**
	 * Weaviate's own vectorizer module ({@code text2vec-openai} by default, see agent-memory/README.md; it needs
	 * the provider's key configured on the Weaviate server): objects are sent without vectors and queries use {@code nearText}.
	 */
	SERVER,

	/**
	 * Bring your own vector: the class has {@code vectorizer: none}, Chimera embeds content and queries with
	 * its in-process model and queries use {@code nearVector}. Works with any Weaviate, no provider key.
	 */
	CLIENT
}

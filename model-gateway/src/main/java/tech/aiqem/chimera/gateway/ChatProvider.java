package tech.aiqem.chimera.gateway;

/**
 * A provider of chat answers; the gateway picks providers per role. The hosted providers (Gemini,
 * Anthropic, OpenAI) live in this package; a bean named {@code offline} (the deterministic offline
 * model) implements it too and answers when no API key is set.
 * <p>
 * The gateway fills in {@link ModelReply#costUsd()} and {@link ModelReply#latency()}; a provider may
 * leave them zero. A provider signals failure with a {@link ModelException}; the gateway retries rate
 * limits and falls back to the next provider on anything else.
 */
public interface ChatProvider {

	/** The name used in configuration, metrics and the price table ({@code gemini}, {@code offline}). */
	String name();

	/** True for a provider that calls no hosted model (its answers cost nothing). */
	boolean offline();

	ModelReply chat(ModelRole role, ModelPrompt prompt, String model);
}

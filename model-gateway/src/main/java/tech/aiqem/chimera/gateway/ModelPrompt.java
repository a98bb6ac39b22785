package tech.aiqem.chimera.gateway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One chat request.
 *
 * @param system instructions for the model (optional)
 * @param user the prompt text
 * @param facts the structured data the caller also rendered into the text; hosted providers ignore it,
 * the offline model reads it instead of parsing prose
 * @param agentId the agent the call is made for, for logs (optional)
 * @param taskId the task the call is made for, for logs (optional)
 * @param maxTokens the most output tokens wanted (optional; never more than
 * {@code MAX_TOKENS_PER_REQUEST})
 * @param expectJson true when the answer must be a JSON object or array; the gateway strips code fences,
 * checks it parses, and treats anything else as a malformed answer
 */
public record ModelPrompt(String system, String user, Map<String, Object> facts, String agentId, String taskId,
		Integer maxTokens, boolean expectJson) {

	public ModelPrompt {
		if (user == null || user.isBlank()) {
			throw new IllegalArgumentException("user prompt must not be blank");
		}
		if (maxTokens != null && maxTokens < 1) {
			throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
		}
		// keeps the caller's order (the offline model renders facts deterministically) and allows null values
		facts = (facts != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(facts)) : Map.of();
	}

	/** A plain-text prompt without facts, ids or limits. */
	public static ModelPrompt of(String system, String user) {
		return new ModelPrompt(system, user, Map.of(), null, null, null, false);
	}

	ModelPrompt withMaxTokens(int tokens) {
		return new ModelPrompt(this.system, this.user, this.facts, this.agentId, this.taskId, tokens,
				this.expectJson);
	}
}

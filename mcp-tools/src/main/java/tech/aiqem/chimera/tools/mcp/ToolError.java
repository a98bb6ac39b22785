package tech.aiqem.chimera.tools.mcp;

import java.time.Instant;
import java.util.Map;

/**
 * A tool call that cannot (yet) do what was asked. Its message is what the caller reads; it must
 * never carry a credential. {@code retryAt} set means "not dropped, call again with the same task id
 * at that time" (pacing and platform rate limits).
 */
public class ToolError extends RuntimeException {

	private final String reason;

	private final Instant retryAt;

	private final Map<String, Object> details;

	public ToolError(String reason, String message) {
		this(reason, message, null, Map.of());
	}

	public ToolError(String reason, String message, Instant retryAt, Map<String, Object> details) {
		super(message);
		this.reason = reason;
		this.retryAt = retryAt;
		this.details = Map.copyOf(details);
	}

	public static ToolError invalidArgument(String message) {
		return new ToolError("invalid_argument", message);
	}

	/** A short machine-readable reason: invalid_argument, duplicate_content, retry_later, ... */
	public String reason() {
		return this.reason;
	}

	public Instant retryAt() {
		return this.retryAt;
	}

	public Map<String, Object> details() {
		return this.details;
	}
}

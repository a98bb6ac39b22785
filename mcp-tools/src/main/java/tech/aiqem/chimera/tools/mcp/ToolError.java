package tech.aiqem.chimera.tools.mcp;

import java.time.Instant;
import java.util.Map;

import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.ToolFailure.Reason;
import tech.aiqem.chimera.model.ToolFailure;

/**
 * A tool call that cannot (yet) do what was asked. It reaches the caller as a {@link ToolFailure} in the
 * result's structured content; its message must never carry a credential. {@code retryAt} set means "not
 * dropped, call again with the same task id at that time" (pacing and platform rate limits).
 */
public class ToolError extends RuntimeException {

	private final ToolFailure failure;

	private final Map<String, Object> details;

	public ToolError(Reason reason, String message) {
		this(reason, message, null, Map.of());
	}

	public ToolError(Reason reason, String message, Instant retryAt, Map<String, Object> details) {
		this(new ToolFailure(reason, null, message, retryAt), details);
	}

	private ToolError(ToolFailure failure, Map<String, Object> details) {
		super(failure.message());
		this.failure = failure;
		this.details = Map.copyOf(details);
	}

	public static ToolError invalidArgument(String message) {
		return new ToolError(Reason.INVALID_ARGUMENT, message);
	}

	/** A refusal that carries a Chimera error code (budget, funds, an unavailable store). */
	public static ToolError of(ErrorCode code, String message) {
		return new ToolError(ToolFailure.of(code, message), Map.of());
	}

	public ToolFailure failure() {
		return this.failure;
	}

	/** A short machine-readable reason: invalid_argument, duplicate_content, retry_later, ... */
	public String reason() {
		return this.failure.reason().wire();
	}

	public Instant retryAt() {
		return this.failure.retryAt();
	}

	/** Extra fields for the structured content (e.g. the existing post of a duplicate). */
	public Map<String, Object> details() {
		return this.details;
	}
}

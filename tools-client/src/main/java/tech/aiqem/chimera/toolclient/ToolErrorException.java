package tech.aiqem.chimera.toolclient;

import java.time.Instant;

import tech.aiqem.chimera.model.ErrorCode;
import tech.aiqem.chimera.model.ToolFailure;

/**
 * mcp-tools answered, and the answer is "no": invalid arguments, a disclosure the persona forbids,
 * duplicate content, a refused payment, or {@code retry_later} (then {@link #retryAt()} says when to call
 * again with the same task id; the call is queued, not dropped). What went wrong is data
 * ({@link #failure()}: a reason and, where one applies, a Chimera error code); switch on it, not on the
 * message. Not a connectivity problem: retrying without changing anything gives the same answer, except
 * for retry_later and the {@linkplain ToolFailure#transientFailure() transient} reasons.
 */
public class ToolErrorException extends RuntimeException {

	private final String tool;

	private final ToolFailure failure;

	public ToolErrorException(String tool, ToolFailure failure) {
		super(failure.message());
		this.tool = tool;
		this.failure = failure;
	}

	public String tool() {
		return this.tool;
	}

	public ToolFailure failure() {
		return this.failure;
	}

	/** The reason's wire form: invalid_argument, disclosure_not_allowed, duplicate_content, retry_later, ... */
	public String reason() {
		return this.failure.reason().wire();
	}

	/** The Chimera error code of the failure (E1001 budget, E1005 funds, E2002 store), or null. */
	public ErrorCode code() {
		return this.failure.code();
	}

	public Instant retryAt() {
		return this.failure.retryAt();
	}

	public boolean isRetryLater() {
		return this.failure.retryAt() != null;
	}
}

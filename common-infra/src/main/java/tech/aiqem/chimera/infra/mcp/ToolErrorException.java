package tech.aiqem.chimera.infra.mcp;

import java.time.Instant;

/**
 * mcp-tools answered, and the answer is "no": invalid arguments, a disclosure the persona forbids,
 * duplicate content, payments not configured, or {@code retry_later} (then {@link #retryAt()} says when
 * to call again with the same task id; the call is queued, not dropped). Not a connectivity problem:
 * retrying without changing anything gives the same answer, except for retry_later.
 */
public class ToolErrorException extends RuntimeException {

	private final String tool;

	private final String reason;

	private final Instant retryAt;

	public ToolErrorException(String tool, String reason, String message, Instant retryAt) {
		super(message);
		this.tool = tool;
		this.reason = reason;
		this.retryAt = retryAt;
	}

	public String tool() {
		return this.tool;
	}

	/** invalid_argument, disclosure_not_allowed, duplicate_content, retry_later, payment_refused, ... */
	public String reason() {
		return this.reason;
	}

	public Instant retryAt() {
		return this.retryAt;
	}

	public boolean isRetryLater() {
		return this.retryAt != null;
	}
}

package tech.aiqem.chimera.tools.platform;

import java.time.Instant;

/**
 * A platform refused or could not take a call. The message is safe to show to the caller: it never
 * carries a credential or a URL with a token in it.
 */
public class PlatformException extends RuntimeException {

	public enum Kind {
		/** Over the platform's rate limit: try again at {@link #retryAt()}. */
		RATE_LIMITED,
		/** The account already posted this text. */
		DUPLICATE,
		/** The credentials were refused (expired or missing token). */
		AUTH,
		/** The request was refused as invalid. */
		REJECTED,
		/** The platform did not answer usefully (5xx, timeout, unreadable body). */
		UNAVAILABLE
	}

	private final Kind kind;

	private final Instant retryAt;

	public PlatformException(Kind kind, String message, Instant retryAt) {
		super(message);
		this.kind = kind;
		this.retryAt = retryAt;
	}

	public PlatformException(Kind kind, String message) {
		this(kind, message, null);
	}

	public Kind kind() {
		return this.kind;
	}

	public Instant retryAt() {
		return this.retryAt;
	}
}

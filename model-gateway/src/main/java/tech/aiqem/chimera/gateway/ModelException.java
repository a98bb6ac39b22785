package tech.aiqem.chimera.gateway;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A model call failed: which provider, the HTTP status when there was one, and why. Messages never
 * contain API keys (provider texts are redacted before they get here).
 */
public class ModelException extends RuntimeException {

	/** Why a call failed; also the {@code outcome} tag of {@code chimera.model.calls}. */
	public enum Reason {

		/** HTTP 429: retried with backoff, then the next provider. */
		RATE_LIMITED,
		/** HTTP 5xx or 529 overloaded. */
		SERVER_ERROR,
		/** No answer within the per-request timeout. */
		TIMEOUT,
		/** The provider could not be reached (connection refused, DNS, reset). */
		UNREACHABLE,
		/** An answer arrived but was unusable: unparseable body, empty text, or not the JSON asked for. */
		MALFORMED,
		/** HTTP 4xx other than 429: bad key, unknown model, request refused. */
		REJECTED,
		/** The provider's circuit breaker is open after repeated failures: skipped without a call. */
		CIRCUIT_OPEN,
		/** The calling thread was interrupted while waiting for an answer or to retry. */
		INTERRUPTED,
		/** Anything else that went wrong before an answer arrived. */
		FAILED;

		/** Lower-case name for metric tags. */
		public String tag() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	private final String provider;

	private final int status;

	private final Reason reason;

	private final transient Duration retryHint;

	public ModelException(String provider, int status, Reason reason, String message) {
		this(provider, status, reason, message, null, null);
	}

	ModelException(String provider, int status, Reason reason, String message, Duration retryHint, Throwable cause) {
		super(describe(provider, status, reason, message), cause);
		this.provider = provider;
		this.status = status;
		this.reason = reason;
		this.retryHint = retryHint;
	}

	private static String describe(String provider, int status, Reason reason, String message) {
		return "model provider " + provider + " failed (" + ((status > 0) ? "HTTP " + status + ", " : "")
				+ reason.tag() + "): " + message;
	}

	public String provider() {
		return this.provider;
	}

	/** The HTTP status, or 0 when the failure had none (timeout, unreachable, offline model). */
	public int status() {
		return this.status;
	}

	public Reason reason() {
		return this.reason;
	}

	/** How long the provider asked us to wait before retrying (retry-after and reset headers). */
	Optional<Duration> retryHint() {
		return Optional.ofNullable(this.retryHint);
	}
}

package tech.aiqem.chimera.gateway;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

import tech.aiqem.chimera.gateway.ModelException.Reason;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what a langchain4j call threw into a {@link ModelException}: HTTP status and the provider's own
 * error text for error answers (429 with the wait it asked for), timeouts, unreachable hosts, and
 * answers that arrived but could not be read. Error bodies are summarised and redacted, never attached
 * whole: some providers echo the API key in them.
 */
final class ProviderFailures {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_DETAIL = 300;

	private final String provider;

	private final Secrets secrets;

	private final Clock realClock;

	ProviderFailures(String provider, Secrets secrets, Clock realClock) {
		this.provider = provider;
		this.secrets = secrets;
		this.realClock = realClock;
	}

	/**
	 * @param answeredStatus the status of a 2xx answer that arrived before the failure, or 0
	 */
	ModelException classify(RuntimeException failure, int answeredStatus) {
		ProviderHttpException http = find(failure, ProviderHttpException.class);
		if (http != null) {
			return fromHttp(http);
		}
		if (find(failure, dev.langchain4j.exception.TimeoutException.class) != null
				|| find(failure, HttpTimeoutException.class) != null) {
			return new ModelException(this.provider, 0, Reason.TIMEOUT, "no answer within the request timeout",
					null, null);
		}
		if (answeredStatus > 0) {
			return new ModelException(this.provider, answeredStatus, Reason.MALFORMED,
					"the answer could not be read: " + describe(root(failure)), null, failure);
		}
		IOException io = find(failure, IOException.class);
		if (io != null) {
			return new ModelException(this.provider, 0, Reason.UNREACHABLE, describe(io), null, failure);
		}
		return new ModelException(this.provider, 0, Reason.FAILED, describe(root(failure)), null, failure);
	}

	private ModelException fromHttp(ProviderHttpException http) {
		int status = http.statusCode();
		Reason reason;
		if (status == 429) {
			reason = Reason.RATE_LIMITED;
		}
		else if (status >= 500) {
			reason = Reason.SERVER_ERROR;
		}
		else if (status == 408) {
			reason = Reason.TIMEOUT;
		}
		else {
			reason = Reason.REJECTED;
		}
		Duration hint = (reason == Reason.RATE_LIMITED)
				? RetryHints.from(http.headers(), http.body(), this.realClock.instant()).orElse(null) : null;
		return new ModelException(this.provider, status, reason, this.secrets.redact(errorText(http.body())), hint,
				null);
	}

	/** {@code error.type/status: error.message} of the three providers' error bodies, else the body's start. */
	static String errorText(String body) {
		if (body == null || body.isBlank()) {
			return "(empty error body)";
		}
		try {
			JsonNode error = JSON.readTree(body).path("error");
			String message = error.path("message").asString("");
			if (!message.isEmpty()) {
				String kind = error.path("type").asString(error.path("status").asString(""));
				return truncate(kind.isEmpty() ? message : kind + ": " + message);
			}
		}
		catch (JacksonException ex) {
			// not JSON: fall through to the raw text
		}
		return truncate(body.strip());
	}

	private String describe(Throwable failure) {
		return this.secrets.redact(truncate(failure.getClass().getSimpleName() + ": " + failure.getMessage()));
	}

	private static String truncate(String text) {
		return (text.length() <= MAX_DETAIL) ? text : text.substring(0, MAX_DETAIL) + "...";
	}

	private static Throwable root(Throwable failure) {
		Throwable current = failure;
		while (current.getCause() != null && current.getCause() != current) {
			current = current.getCause();
		}
		return current;
	}

	private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return null;
	}
}

package tech.aiqem.chimera.memory.weaviate;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import io.weaviate.client.base.Result;
import io.weaviate.client.base.WeaviateError;
import io.weaviate.client.base.WeaviateErrorMessage;

import tech.aiqem.chimera.model.ChimeraException;

/**
 * Turns the client's error results into our exceptions: unreachable, overloaded or failing servers
 * (no HTTP status, 429, 5xx) into {@code E2002} so callers retry behind their circuit breaker; a request
 * Weaviate rejects (other 4xx) into {@link IllegalStateException}, since retrying it cannot help.
 */
final class WeaviateFailures {

	private WeaviateFailures() {
	}

	static boolean says(Result<?> result, String fragment) {
		return result.hasErrors() && messages(result.getError()).toLowerCase(Locale.ROOT).contains(fragment);
	}

	static RuntimeException of(String action, Result<?> result) {
		WeaviateError error = result.getError();
		int status = error.getStatusCode();
		String detail = "Weaviate could not " + action + " (HTTP " + status + "): " + messages(error);
		if (status < 400 || status == 429 || status >= 500) {
			Throwable cause = error.getMessages()
				.stream()
				.map(WeaviateErrorMessage::getThrowable)
				.filter(Objects::nonNull)
				.findFirst()
				.orElse(null);
			return ChimeraException.databaseUnavailable(detail, cause);
		}
		return new IllegalStateException(detail);
	}

	static RuntimeException rejected(String action, List<String> messages) {
		return new IllegalStateException("Weaviate could not " + action + ": " + String.join("; ", messages));
	}

	private static String messages(WeaviateError error) {
		if (error.getMessages() == null || error.getMessages().isEmpty()) {
			return "no message";
		}
		return error.getMessages()
			.stream()
			.map(m -> m.getMessage() != null ? m.getMessage() : String.valueOf(m.getThrowable()))
			.collect(Collectors.joining("; "));
	}
}

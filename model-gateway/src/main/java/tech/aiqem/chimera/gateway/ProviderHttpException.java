package tech.aiqem.chimera.gateway;

import java.util.List;
import java.util.Map;

import dev.langchain4j.exception.HttpException;

/**
 * A non-2xx answer with its headers, which langchain4j's own {@link HttpException} drops: the gateway
 * needs {@code retry-after} and the providers' rate-limit reset headers to back off as they ask.
 */
class ProviderHttpException extends HttpException {

	private final transient Map<String, List<String>> headers;

	ProviderHttpException(int statusCode, String body, Map<String, List<String>> headers) {
		super(statusCode, body);
		this.headers = headers;
	}

	/** Response headers, names in lower case. */
	Map<String, List<String>> headers() {
		return this.headers;
	}

	String body() {
		return getMessage();
	}
}

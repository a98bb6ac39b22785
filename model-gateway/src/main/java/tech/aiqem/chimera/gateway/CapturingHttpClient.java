package tech.aiqem.chimera.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

/**
 * The langchain4j HTTP client of the hosted providers, on {@code java.net.http}. Unlike langchain4j's
 * JDK client it keeps the headers of error answers ({@link ProviderHttpException}) and remembers, per
 * thread, that a 2xx answer arrived, so that a parse failure afterwards is told apart from a failure to
 * send.
 */
final class CapturingHttpClient implements HttpClient {

	private static final ThreadLocal<Integer> lastSuccess = new ThreadLocal<>();

	private final java.net.http.HttpClient delegate;

	private final Duration readTimeout;

	private CapturingHttpClient(Builder builder) {
		java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder();
		if (builder.connectTimeout != null) {
			jdk.connectTimeout(builder.connectTimeout);
		}
		this.delegate = jdk.build();
		this.readTimeout = builder.readTimeout;
	}

	static Builder builder() {
		return new Builder();
	}

	/** Forgets the status of this thread's last 2xx answer; call before a model call. */
	static void resetLastSuccess() {
		lastSuccess.remove();
	}

	/** The status of this thread's last 2xx answer since {@link #resetLastSuccess()}, or 0. */
	static int lastSuccess() {
		Integer status = lastSuccess.get();
		return (status != null) ? status : 0;
	}

	@Override
	public SuccessfulHttpResponse execute(HttpRequest request) {
		java.net.http.HttpRequest.Builder jdk = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
		request.headers().forEach((name, values) -> values.forEach(value -> jdk.header(name, value)));
		jdk.method(request.method().name(), (request.body() != null)
				? java.net.http.HttpRequest.BodyPublishers.ofString(request.body())
				: java.net.http.HttpRequest.BodyPublishers.noBody());
		if (this.readTimeout != null) {
			jdk.timeout(this.readTimeout);
		}
		java.net.http.HttpResponse<byte[]> response;
		try {
			response = this.delegate.send(jdk.build(), BodyHandlers.ofByteArray());
		}
		catch (HttpTimeoutException ex) {
			throw new TimeoutException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the model", ex);
		}
		Map<String, List<String>> headers = new TreeMap<>();
		response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
		int status = response.statusCode();
		if (status < 200 || status > 299) {
			throw new ProviderHttpException(status, new String(response.body(), StandardCharsets.UTF_8), headers);
		}
		lastSuccess.set(status);
		return SuccessfulHttpResponse.builder().statusCode(status).headers(headers).body(response.body()).build();
	}

	@Override
	public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
		// The gateway makes blocking calls only; streaming would bypass its retry and accounting.
		throw new UnsupportedOperationException("streaming is not used by the model gateway");
	}

	static final class Builder implements HttpClientBuilder {

		private Duration connectTimeout;

		private Duration readTimeout;

		@Override
		public Duration connectTimeout() {
			return this.connectTimeout;
		}

		@Override
		public Builder connectTimeout(Duration timeout) {
			this.connectTimeout = timeout;
			return this;
		}

		@Override
		public Duration readTimeout() {
			return this.readTimeout;
		}

		@Override
		public Builder readTimeout(Duration timeout) {
			this.readTimeout = timeout;
			return this;
		}

		@Override
		public CapturingHttpClient build() {
			return new CapturingHttpClient(this);
		}
	}
}

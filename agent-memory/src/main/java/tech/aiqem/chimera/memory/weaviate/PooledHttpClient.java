package tech.aiqem.chimera.memory.weaviate;

import java.io.IOException;
import java.util.Map;

import io.weaviate.client.base.http.HttpClient;
import io.weaviate.client.base.http.impl.CommonsHttpClientImpl;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The Weaviate client's HTTP with one connection pool for the store's life. The client (4.9) builds an Apache
 * HTTP client for every request and closes it after the answer, so every call opened a new connection (and, on
 * HTTPS, a TLS handshake) and loaded classes again: a fifth of mcp-tools' CPU in the benchmark's hosted mode.
 * Here the client it builds is a view of one pooled client whose {@code close} leaves the pool open. Timeouts
 * are the library's own (connect, pool wait and response, each {@code timeoutSeconds}).
 */
final class PooledHttpClient {

	/** Connections kept to the Weaviate host: as many calls in flight as the tools server runs at once. */
	static final int MAX_CONNECTIONS = 64;

	private PooledHttpClient() {
	}

	static HttpClient create(Map<String, String> headers, int timeoutSeconds) {
		Timeout timeout = Timeout.ofSeconds(timeoutSeconds);
		CloseableHttpClient pooled = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setMaxConnTotal(MAX_CONNECTIONS)
				.setMaxConnPerRoute(MAX_CONNECTIONS)
				.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout).build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(timeout).setResponseTimeout(timeout).build())
			.build();
		KeptOpen view = new KeptOpen(pooled);
		return new CommonsHttpClientImpl(headers, () -> view);
	}

	/** The pooled client as the library sees it: its close after each request returns the connection, no more. */
	private static final class KeptOpen extends CloseableHttpClient {

		private final CloseableHttpClient pooled;

		KeptOpen(CloseableHttpClient pooled) {
			this.pooled = pooled;
		}

		@Override
		protected CloseableHttpResponse doExecute(HttpHost target, ClassicHttpRequest request, HttpContext context)
				throws IOException {
			return CloseableHttpResponse.adapt(this.pooled.executeOpen(target, request, context));
		}

		@Override
		public void close() {
			// the library closes its client after every request; the pool lives as long as the store
		}

		@Override
		public void close(CloseMode mode) {
			// as close()
		}
	}
}

package tech.aiqem.chimera.toolclient;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpTransportSessionClosedException;

import tech.aiqem.chimera.model.ChimeraException;

/**
 * The connection to mcp-tools behind {@link ToolsClient}: opened on first use with this service's bearer
 * token; a call that cannot reach the server is retried with exponential backoff and, after
 * {@code attempts} failures, fails with {@link ChimeraException} E1002. A refused credential fails at once
 * (configuration, not an outage); a {@link ToolErrorException} passes through untouched. One client is shared
 * by every call in flight; a failed call replaces it only when its transport is closed. A circuit breaker
 * counts the attempts that could not reach the server; while it is open, calls fail with E1002 at once.
 */
final class McpConnection implements AutoCloseable {

	// under the client's name, where operators and the fault suite's logs look for it
	private static final Logger log = LoggerFactory.getLogger(ToolsClient.class);

	/** Waits between attempts; tests replace it to observe the backoff without waiting. */
	interface Sleeper {

		void sleep(Duration duration) throws InterruptedException;
	}

	private final McpClientProperties properties;

	private final Sleeper sleeper;

	private final CircuitBreaker breaker;

	private McpSyncClient client;

	McpConnection(McpClientProperties properties, Sleeper sleeper) {
		this.properties = properties;
		this.sleeper = sleeper;
		McpClientProperties.Breaker settings = properties.breaker();
		this.breaker = CircuitBreaker.of("mcp-tools", CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(settings.window())
			.minimumNumberOfCalls(settings.minimumCalls())
			.failureRateThreshold(settings.failureRate())
			.waitDurationInOpenState(settings.openFor())
			.build());
		this.breaker.getEventPublisher().onStateTransition(event -> {
			switch (event.getStateTransition().getToState()) {
				case OPEN -> log.warn("MCP server {}: circuit breaker open after repeated failures; calls fail at once for {} ms",
						properties.url(), settings.openFor().toMillis());
				case CLOSED -> log.info("MCP server {}: circuit breaker closed, calls go through again", properties.url());
				default -> log.debug("MCP server {}: circuit breaker {}", properties.url(), event.getStateTransition().getToState());
			}
		});
	}

	<T> T withRetry(String what, Function<McpSyncClient, T> call) {
		RuntimeException last = null;
		for (int attempt = 1; attempt <= this.properties.attempts(); attempt++) {
			if (!this.breaker.tryAcquirePermission()) {
				// the server is known to be down: this attempt does not reach for it (no connect timeout to wait
				// out), but the caller still waits through the backoff before E1002, so a worker does not fail
				// its whole queue in the seconds an outage lasts, nor a publisher use up its attempts
				if (last == null) {
					last = new IllegalStateException("its circuit breaker is open after repeated failures");
				}
				if (attempt == this.properties.attempts()) {
					break;
				}
				if (!backOff(what, attempt, last)) {
					throw ChimeraException.toolsUnavailable("interrupted while waiting to retry " + what, last);
				}
				continue;
			}
			McpSyncClient used = null;
			long start = System.nanoTime();
			try {
				used = connected();
				T result = call.apply(used);
				this.breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
				return result;
			}
			catch (ToolErrorException ex) {
				// the server answered: it is up
				this.breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
				throw ex;
			}
			catch (RuntimeException ex) {
				if (refusedCredential(ex)) {
					// a wrong or missing token is configuration, not an outage: retrying cannot help, and the
					// breaker does not count it
					this.breaker.releasePermission();
					discard(used);
					throw ChimeraException.toolsUnavailable("mcp-tools at " + this.properties.url() + " refused this service's "
							+ "credential for " + what + " (MCP_TOOLS_TOKEN " + (this.properties.token() == null ? "unset" : "not accepted")
							+ ")", ex);
				}
				this.breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
				last = ex;
				if (sessionLost(ex)) {
					discard(used);
				}
				if (attempt == this.properties.attempts()) {
					break;
				}
				if (!backOff(what, attempt, ex)) {
					throw ChimeraException.toolsUnavailable("interrupted while waiting to retry " + what, ex);
				}
			}
		}
		throw ChimeraException.toolsUnavailable("MCP server " + this.properties.url() + " unavailable for " + what + " after "
				+ this.properties.attempts() + " attempts: " + rootMessage(last), last);
	}

	/** Waits before attempt {@code attempt + 1}; false when interrupted. */
	private boolean backOff(String what, int attempt, RuntimeException cause) {
		Duration wait = this.properties.backoff(attempt);
		log.warn("MCP server {} unavailable for {} (attempt {} of {}): {}; retrying in {} ms", this.properties.url(), what,
				attempt, this.properties.attempts(), rootMessage(cause), wait.toMillis());
		try {
			this.sleeper.sleep(wait);
			return true;
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static boolean refusedCredential(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof McpHttpClientTransportAuthorizationException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the failure says the client itself is unusable: its transport is closed. Anything else (a refused
	 * connection, a 5xx, a timeout) failed this call only, and the same client serves the retry: closing it
	 * would fail every other call in flight on it. A session the server forgot (404) is not ours to replace
	 * either: the SDK opens a new one in the same client, which other calls may already be using.
	 */
	private static boolean sessionLost(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof McpTransportSessionClosedException) {
				return true;
			}
		}
		return false;
	}

	private synchronized McpSyncClient connected() {
		if (this.client == null) {
			String url = this.properties.url().toString();
			String base = url.substring(0, url.length() - this.properties.url().getRawPath().length());
			HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base)
				.endpoint(this.properties.url().getRawPath().isEmpty() ? "/mcp" : this.properties.url().getRawPath())
				.connectTimeout(this.properties.connectTimeout())
				.httpRequestCustomizer((request, method, endpoint, body, context) -> {
					if (this.properties.token() != null) {
						request.header("Authorization", "Bearer " + this.properties.token());
					}
				})
				.build();
			McpSyncClient created = McpClient.sync(transport)
				.clientInfo(new McpSchema.Implementation("chimera-tools-client", "0.1.0"))
				.requestTimeout(this.properties.requestTimeout())
				.initializationTimeout(this.properties.requestTimeout())
				.build();
			try {
				created.initialize();
			}
			catch (RuntimeException ex) {
				created.close();
				throw ex;
			}
			this.client = created;
		}
		return this.client;
	}

	/**
	 * Closes the client a failed call used, if it is still the current one: a client another thread has
	 * already replaced is left to the calls still using it, and the replacement is never closed by a call
	 * that failed on its predecessor.
	 */
	private synchronized void discard(McpSyncClient used) {
		if (used != null && used == this.client) {
			disconnect();
		}
	}

	private synchronized void disconnect() {
		if (this.client != null) {
			try {
				this.client.close();
			}
			catch (RuntimeException ex) {
				log.debug("closing the MCP client failed: {}", ex.getMessage());
			}
			this.client = null;
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
	}

	@Override
	public void close() {
		disconnect();
	}
}

package tech.aiqem.chimera.infra.redis;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;

/**
 * One Lettuce client per service and one shared, thread-safe connection for non-blocking commands
 * (Lettuce pipelines concurrent commands on it). Blocking waits get their own connection.
 */
public final class Redis implements AutoCloseable {

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> shared;

	private final ClientResources resources;

	public Redis(String url) {
		this(url, null);
	}

	/**
	 * @param latencyRecorder times every command (e.g. Lettuce's Micrometer recorder), or null for
	 * Lettuce's defaults
	 */
	public Redis(String url, CommandLatencyRecorder latencyRecorder) {
		this.resources = latencyRecorder == null ? null
				: DefaultClientResources.builder().commandLatencyRecorder(latencyRecorder).build();
		this.client = this.resources == null ? RedisClient.create(RedisURI.create(url))
				: RedisClient.create(this.resources, RedisURI.create(url));
		this.client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
			.timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(5)))
			.build());
		this.shared = this.client.connect();
	}

	public StatefulRedisConnection<String, String> shared() {
		return this.shared;
	}

	/** A new connection of its own, for a blocking command; the caller closes it. */
	public StatefulRedisConnection<String, String> dedicated() {
		return this.client.connect();
	}

	@Override
	public void close() {
		this.shared.close();
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		if (this.resources != null) {
			// resources passed in are not shut down by the client
			this.resources.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
		}
	}
}

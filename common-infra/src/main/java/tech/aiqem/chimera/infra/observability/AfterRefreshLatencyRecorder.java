package tech.aiqem.chimera.infra.observability;

import java.net.SocketAddress;

import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.protocol.ProtocolKeyword;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * Times Redis commands only once the application context is refreshed. Lettuce records on its event loop;
 * the first recording of a command registers a meter, and registering can look up beans (Boot's Prometheus
 * exemplar sampler asks for the tracer lazily). During start-up the main thread holds the bean factory's
 * lock while it waits for a Redis reply from that same event loop, so recording then would deadlock. The
 * commands sent during start-up (a handful of pings and script loads) are not timed; every later one is.
 */
final class AfterRefreshLatencyRecorder implements CommandLatencyRecorder, ApplicationListener<ContextRefreshedEvent> {

	private final CommandLatencyRecorder delegate;

	private volatile boolean refreshed;

	AfterRefreshLatencyRecorder(CommandLatencyRecorder delegate) {
		this.delegate = delegate;
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		this.refreshed = true;
	}

	@Override
	public void recordCommandLatency(SocketAddress local, SocketAddress remote, ProtocolKeyword commandType,
			long firstResponseLatency, long completionLatency) {
		if (this.refreshed) {
			this.delegate.recordCommandLatency(local, remote, commandType, firstResponseLatency, completionLatency);
		}
	}

	@Override
	public boolean isEnabled() {
		return true;
	}

	boolean recording() {
		return this.refreshed;
	}
}

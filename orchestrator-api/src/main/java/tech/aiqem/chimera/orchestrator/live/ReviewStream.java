package tech.aiqem.chimera.orchestrator.live;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import tech.aiqem.chimera.infra.loop.BackgroundLoop;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.orchestrator.system.ApiException;

/**
 * The open review streams, by tenant. One loop reads each watched tenant's {@link QueueState} every
 * second (one small indexed query per tenant, however many pages are open) and sends it to that
 * tenant's streams when it changed; a comment every 15 s finds streams whose browser has gone.
 * Streams end after a few minutes and the browser's EventSource reconnects, so none outlives its session long.
 */
@Component
class ReviewStream implements SmartLifecycle {

	static final Duration TICK = Duration.ofSeconds(1);

	static final Duration STREAM_LIFETIME = Duration.ofMinutes(5);

	private static final int HEARTBEAT_TICKS = 15;

	private static final int MAX_STREAMS_PER_TENANT = 100;

	private static final String STATE = """
			SELECT COUNT(*) FILTER (WHERE decision IS NULL) AS total,
			       MAX(created_at) FILTER (WHERE decision IS NULL) AS newest,
			       MAX(reviewed_at) AS last_decided
			  FROM hitl_reviews WHERE tenant_id = :tenant
			""";

	private final JdbcClient jdbc;

	private final BackgroundLoop loop;

	private final Map<TenantId, Set<SseEmitter>> streams = new ConcurrentHashMap<>();

	private final Map<TenantId, QueueState> sent = new ConcurrentHashMap<>();

	private long ticks;

	ReviewStream(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.loop = new BackgroundLoop("hitl-stream", TICK, this::tick);
	}

	/** A new stream for the tenant; its first event is the queue's state now. */
	SseEmitter open(TenantId tenant) {
		Set<SseEmitter> open = this.streams.computeIfAbsent(tenant, t -> ConcurrentHashMap.newKeySet());
		if (open.size() >= MAX_STREAMS_PER_TENANT) {
			throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_streams",
					"this tenant has " + MAX_STREAMS_PER_TENANT + " open review streams; close some pages", null);
		}
		SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
		emitter.onCompletion(() -> open.remove(emitter));
		emitter.onTimeout(emitter::complete);
		emitter.onError(error -> open.remove(emitter));
		open.add(emitter);
		QueueState now = state(tenant);
		// Where no stream of this tenant was watched yet, the next pass must not send the same state again.
		this.sent.putIfAbsent(tenant, now);
		send(open, emitter, now, true);
		return emitter;
	}

	/** One pass over the watched tenants; never "finds work", so the loop waits a tick between passes. */
	boolean tick() {
		boolean heartbeat = ++this.ticks % HEARTBEAT_TICKS == 0;
		for (Map.Entry<TenantId, Set<SseEmitter>> entry : this.streams.entrySet()) {
			TenantId tenant = entry.getKey();
			Set<SseEmitter> open = entry.getValue();
			if (open.isEmpty()) {
				this.sent.remove(tenant);
				continue;
			}
			QueueState now = state(tenant);
			boolean changed = !now.equals(this.sent.put(tenant, now));
			for (SseEmitter emitter : open) {
				if (changed) {
					send(open, emitter, now, false);
				}
				else if (heartbeat) {
					comment(open, emitter);
				}
			}
		}
		return false;
	}

	int openStreams(TenantId tenant) {
		Set<SseEmitter> open = this.streams.get(tenant);
		return open == null ? 0 : open.size();
	}

	private QueueState state(TenantId tenant) {
		return this.jdbc.sql(STATE).param("tenant", tenant.value()).query((rs, row) -> new QueueState(rs.getLong("total"),
				instant(rs.getTimestamp("newest")), instant(rs.getTimestamp("last_decided")))).single();
	}

	private static void send(Set<SseEmitter> open, SseEmitter emitter, QueueState state, boolean first) {
		try {
			SseEmitter.SseEventBuilder event = SseEmitter.event().name("queue").data(state.event(), MediaType.APPLICATION_JSON);
			if (first) {
				event.reconnectTime(2000);
			}
			emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			// The browser went away (or the stream already ended): forget it.
			open.remove(emitter);
		}
	}

	private static void comment(Set<SseEmitter> open, SseEmitter emitter) {
		try {
			emitter.send(SseEmitter.event().comment("keep-alive"));
		}
		catch (IOException | IllegalStateException ex) {
			open.remove(emitter);
		}
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}

	@Override
	public void start() {
		this.loop.start();
	}

	/** Ends every stream first, so open dashboards do not hold up a graceful shutdown. */
	@Override
	public void stop() {
		this.loop.stop();
		this.streams.values().forEach(open -> open.forEach(SseEmitter::complete));
		this.streams.clear();
	}

	@Override
	public boolean isRunning() {
		return this.loop.isRunning();
	}
}

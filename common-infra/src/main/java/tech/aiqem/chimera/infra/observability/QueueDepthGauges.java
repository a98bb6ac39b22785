package tech.aiqem.chimera.infra.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.model.Priority;
import tech.aiqem.chimera.model.RedisKeys;

/**
 * {@code chimera.queue.depth{queue=high|medium|low|review|review_ready|dead}}: messages waiting in each task
 * list, results waiting for the judges (the count they publish for the workers' hold-back, 0 when none is
 * current), agents with results waiting, and messages parked in all dead-letter lists. Read
 * from Redis by {@link #refresh()} (one service calls it periodically, so a scrape never waits on
 * Redis); the gauges show the last values read. KEDA scales the workers on the same task lists.
 */
public final class QueueDepthGauges {

	public static final String METER = "chimera.queue.depth";

	private final Redis redis;

	private final Map<String, AtomicLong> depths = new LinkedHashMap<>();

	public QueueDepthGauges(Redis redis, MeterRegistry meters) {
		this.redis = redis;
		for (Priority priority : Priority.values()) {
			register(meters, priority.wire(), "Tasks waiting in " + RedisKeys.tasks(priority));
		}
		register(meters, "review", "Results waiting for the judges, as they last counted them (" + RedisKeys.REVIEW_BACKLOG + ")");
		register(meters, "review_ready", "Agents with results waiting for the judge (" + RedisKeys.REVIEW_READY + ")");
		register(meters, "dead", "Messages parked in the dead-letter lists " + RedisKeys.dead("*"));
	}

	private void register(MeterRegistry meters, String queue, String description) {
		AtomicLong depth = new AtomicLong();
		this.depths.put(queue, depth);
		Gauge.builder(METER, depth, AtomicLong::get).description(description).tag("queue", queue).register(meters);
	}

	/** Reads every depth once; returns false so a background loop waits its interval before the next read. */
	public boolean refresh() {
		RedisCommands<String, String> commands = this.redis.shared().sync();
		for (Priority priority : Priority.values()) {
			this.depths.get(priority.wire()).set(commands.llen(RedisKeys.tasks(priority)));
		}
		String backlog = commands.get(RedisKeys.REVIEW_BACKLOG);
		this.depths.get("review").set(backlog == null ? 0 : Long.parseLong(backlog));
		this.depths.get("review_ready").set(commands.scard(RedisKeys.REVIEW_READY));
		this.depths.get("dead").set(deadLetters(commands));
		return false;
	}

	/** The dead-letter lists are one per source queue: found with SCAN (never KEYS, which blocks Redis). */
	private static long deadLetters(RedisCommands<String, String> commands) {
		long total = 0;
		ScanArgs match = ScanArgs.Builder.matches(RedisKeys.dead("*")).limit(500);
		ScanCursor cursor = ScanCursor.INITIAL;
		do {
			KeyScanCursor<String> page = commands.scan(cursor, match);
			for (String key : page.getKeys()) {
				total += commands.llen(key);
			}
			cursor = page;
		}
		while (!cursor.isFinished());
		return total;
	}

	/** The last depth read for one queue label; for tests and logs. */
	public long depth(String queue) {
		AtomicLong depth = this.depths.get(queue);
		if (depth == null) {
			throw new IllegalArgumentException("unknown queue label '" + queue + "', expected one of " + this.depths.keySet());
		}
		return depth.get();
	}
}

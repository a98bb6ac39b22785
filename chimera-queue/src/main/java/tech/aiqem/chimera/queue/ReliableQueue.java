package tech.aiqem.chimera.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.infra.redis.ScriptRunner;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.MessageFormatException;
import tech.aiqem.chimera.model.RedisKeys;

/**
 * The Redis lists of docs/architecture.md §4 with at-least-once delivery: push; pop that moves a message
 * atomically into this consumer's processing list, with a lease; ack after the output is durably written;
 * heartbeat; a reaper that returns the messages of consumers whose heartbeat expired and of leases that
 * ended; dead-letter lists for
 * malformed messages. Review lists ({@code chimera:review:{agent_id}}) are found through a ready set,
 * so consumers never poll every agent's key.
 */
public final class ReliableQueue {

	private static final Logger log = LoggerFactory.getLogger(ReliableQueue.class);

	static final String REVIEW_PREFIX = RedisKeys.PREFIX + "review:";

	private final Redis redis;

	private final String consumerId;

	private final Clock clock;

	private final ScriptRunner scripts = new ScriptRunner();

	private final ConsumerLiveness liveness;

	private final AtomicLong pops = new AtomicLong();

	private final Leases leases;

	/** Leases of {@link QueueProperties#DEFAULT_LEASE}. */
	public ReliableQueue(Redis redis, String consumerId, Duration heartbeatTtl, Clock clock) {
		this(redis, consumerId, heartbeatTtl, QueueProperties.DEFAULT_LEASE, clock);
	}

	/** @param lease how long a popped message may stay unacknowledged */
	public ReliableQueue(Redis redis, String consumerId, Duration heartbeatTtl, Duration lease, Clock clock) {
		this.redis = redis;
		this.consumerId = consumerId;
		this.clock = clock;
		this.liveness = new ConsumerLiveness(redis, this.scripts, consumerId, heartbeatTtl);
		this.leases = new Leases(redis, this.scripts, lease);
	}

	public String consumerId() {
		return this.consumerId;
	}

	/** Pushes messages to a queue, and wakes its consumers. */
	public void push(String queue, Collection<String> payloads) {
		if (payloads.isEmpty()) {
			return;
		}
		String ready = isReviewList(queue) ? RedisKeys.REVIEW_READY : "";
		eval(commands(), Scripts.PUSH, ScriptOutputType.INTEGER, new String[] { queue, signalKey(queue), ready },
				payloads.toArray(String[]::new));
	}

	public void push(String queue, String payload) {
		push(queue, List.of(payload));
	}

	/** Messages waiting in these queues (not popped yet), in one round trip. */
	public long waiting(Collection<String> queues) {
		var async = this.redis.shared().async();
		return queues.stream().map(async::llen).toList().stream().mapToLong(Replies::await).sum();
	}

	/**
	 * Pushes notifications to a capped list (e.g. {@code chimera:hitl}): a hint for listeners, not a
	 * queue; the newest {@code cap} entries are kept.
	 */
	public void notify(String key, Collection<String> values, int cap) {
		if (values.isEmpty()) {
			return;
		}
		var async = this.redis.shared().async();
		async.lpush(key, values.toArray(String[]::new));
		async.ltrim(key, 0, cap - 1);
	}

	/** A consumer with its own connection for blocking waits; one per consuming thread. */
	public Consumer consumer() {
		return new Consumer(this.redis.dedicated());
	}

	/** Removes a message whose output is durably written. */
	public void ack(Delivery delivery) {
		commands().lrem(delivery.processingKey(), 1, delivery.payload());
		this.leases.release(List.of(delivery));
	}

	/** Acknowledges many messages in one round trip. */
	public void ackAll(Collection<Delivery> deliveries) {
		if (deliveries.isEmpty()) {
			return;
		}
		var async = this.redis.shared().async();
		deliveries.stream().map(d -> async.lrem(d.processingKey(), 1, d.payload())).toList().forEach(Replies::await);
		this.leases.release(deliveries);
	}

	/** Parks a message that cannot be processed in {@code chimera:dead:{queue}} with the reason. */
	public void deadLetter(Delivery delivery, String reason) {
		String envelope = ChimeraJson.write(Map.of("queue", delivery.queue(), "reason", reason, "payload",
				delivery.payload(), "consumer", this.consumerId, "at", this.clock.instant().toString()));
		eval(commands(), Scripts.DEAD_LETTER, ScriptOutputType.INTEGER,
				new String[] { delivery.processingKey(), RedisKeys.dead(delivery.queue()) }, delivery.payload(), envelope);
		this.leases.release(List.of(delivery));
		log.warn("Dead-lettered a message from {}: {}", delivery.queue(), reason);
	}

	/**
	 * Reads a held message as a contract record; a malformed one is parked in the dead-letter list with
	 * its reason and null is returned, so that one bad message never blocks a queue.
	 */
	public <T> T decodeOrDeadLetter(Delivery delivery, Class<T> type) {
		try {
			return ChimeraJson.read(delivery.payload(), type);
		}
		catch (MessageFormatException ex) {
			deadLetter(delivery, ex.getMessage());
			return null;
		}
	}

	/** Returns a held message to its queue to be served next, e.g. when shutting down mid-task. */
	public void requeue(Delivery delivery) {
		String ready = isReviewList(delivery.queue()) ? RedisKeys.REVIEW_READY : "";
		eval(commands(), Scripts.REQUEUE, ScriptOutputType.INTEGER,
				new String[] { delivery.processingKey(), delivery.queue(), signalKey(delivery.queue()), ready },
				delivery.payload());
		this.leases.release(List.of(delivery));
	}

	/** Replaces a held message by a new version of it (e.g. the next attempt), atomically enough to lose nothing. */
	public void replace(Delivery delivery, String queue, String newPayload) {
		push(queue, newPayload);
		ack(delivery);
	}

	/** Marks this consumer alive for one heartbeat TTL. */
	public void heartbeat() {
		this.liveness.heartbeat();
	}

	/** Returns the messages of every consumer whose heartbeat expired; the number of messages returned. */
	public int reapDeadConsumers() {
		return this.liveness.reapDeadConsumers();
	}

	/** Returns messages held past their lease by any consumer; how many. */
	public int returnExpiredLeases() {
		return this.leases.returnExpired();
	}

	/** Messages held by this consumer, e.g. to return them on shutdown. */
	public long held() {
		return this.liveness.held();
	}

	private RedisCommands<String, String> commands() {
		return this.redis.shared().sync();
	}

	static String processingPrefix(String consumer) {
		return RedisKeys.processing(consumer, RedisKeys.PREFIX);
	}

	static boolean isReviewList(String queue) {
		return queue.startsWith(REVIEW_PREFIX) && !queue.equals(RedisKeys.REVIEW_READY);
	}

	static String signalKey(String queue) {
		String rest = queue.startsWith(RedisKeys.PREFIX) ? queue.substring(RedisKeys.PREFIX.length()) : queue;
		int colon = rest.indexOf(':');
		return RedisKeys.signal(colon < 0 ? rest : rest.substring(0, colon));
	}

	private <T> T eval(RedisCommands<String, String> commands, String script, ScriptOutputType type, String[] keys,
			String... args) {
		return this.scripts.eval(commands, script, type, keys, args);
	}

	/** Pops for one thread, waiting on its own connection when the queues are empty. */
	public final class Consumer implements AutoCloseable {

		private final StatefulRedisConnection<String, String> blocking;

		private Consumer(StatefulRedisConnection<String, String> blocking) {
			this.blocking = blocking;
		}

		/**
		 * Pops the next message from lists given highest priority first, in {@link PriorityOrder},
		 * waiting up to {@code wait}; null when none came.
		 */
		public Delivery popByPriority(List<String> byPriority, Duration wait) {
			long deadline = System.nanoTime() + wait.toNanos();
			while (true) {
				List<String> order = PriorityOrder.forPop(pops.getAndIncrement(), byPriority);
				List<Object> popped = eval(commands(), Scripts.POP_ORDERED, ScriptOutputType.MULTI,
						order.toArray(String[]::new), processingPrefix(consumerId), RedisKeys.consumerSources(consumerId),
						RedisKeys.PREFIX, leases.millis(), RedisKeys.LEASES);
				if (popped != null && popped.size() >= 3) {
					return new Delivery((String) popped.get(0), (String) popped.get(1), (String) popped.get(2));
				}
				if (!awaitSignal(signalKey(byPriority.get(0)), deadline)) {
					return null;
				}
			}
		}

		/**
		 * Pops up to {@code max} messages from the review lists in the ready set, waiting up to
		 * {@code wait} for the first; empty when none came.
		 */
		public List<Delivery> popReady(int max, Duration wait) {
			long deadline = System.nanoTime() + wait.toNanos();
			while (true) {
				List<Object> popped = eval(commands(), Scripts.POP_READY, ScriptOutputType.MULTI,
						new String[] { RedisKeys.REVIEW_READY }, processingPrefix(consumerId),
						RedisKeys.consumerSources(consumerId), RedisKeys.PREFIX, String.valueOf(max), leases.millis(),
						RedisKeys.LEASES);
				if (popped != null && !popped.isEmpty()) {
					List<Delivery> deliveries = new ArrayList<>(popped.size() / 3);
					for (int i = 0; i + 2 < popped.size(); i += 3) {
						deliveries.add(new Delivery((String) popped.get(i), (String) popped.get(i + 1),
								(String) popped.get(i + 2)));
					}
					return deliveries;
				}
				if (!awaitSignal(RedisKeys.signal("review"), deadline)) {
					return List.of();
				}
			}
		}

		private boolean awaitSignal(String signal, long deadline) {
			long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
			if (remainingMillis <= 0) {
				return false;
			}
			double seconds = Math.min(remainingMillis, 1000) / 1000.0;
			this.blocking.sync().blpop(Math.max(seconds, 0.01), signal);
			return true;
		}

		@Override
		public void close() {
			this.blocking.close();
		}
	}
}

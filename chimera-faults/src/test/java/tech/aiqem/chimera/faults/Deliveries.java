package tech.aiqem.chimera.faults;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Delivers messages twice on purpose, straight into Redis as a redelivery would: a copy of a task
 * message that is queued or being worked goes back on its queue; a copy of a result waiting for the
 * judge goes back on its review list. Also lists every task id any Redis list still holds.
 */
final class Deliveries implements AutoCloseable {

	static final Pattern TASK_ID = Pattern.compile("\"task_id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

	private static final Pattern PRIORITY = Pattern.compile("\"priority\"\\s*:\\s*\"(high|medium|low)\"");

	private final RedisClient client;

	Deliveries(String redisUrl) {
		this.client = RedisClient.create(redisUrl);
		this.client.setDefaultTimeout(Duration.ofSeconds(5));
	}

	/** Duplicates a task message; returns its task id, or null when no task message was found this time. */
	String duplicateTask() {
		try (StatefulRedisConnection<String, String> connection = this.client.connect()) {
			RedisCommands<String, String> redis = connection.sync();
			for (String pattern : List.of("chimera:processing:*", "chimera:tasks:*")) {
				for (String key : lists(redis, pattern)) {
					if (pattern.startsWith("chimera:processing") && key.contains(":review")) {
						continue;
					}
					String message = redis.lindex(key, -1);
					if (message == null || !message.contains("\"task_type\"")) {
						continue;
					}
					Matcher priority = PRIORITY.matcher(message);
					String queue = "chimera:tasks:" + (priority.find() ? priority.group(1) : "medium");
					redis.lpush(queue, message);
					return taskId(message);
				}
			}
			return null;
		}
	}

	/** A worker consumer whose heartbeat is alive, or null. */
	String liveWorker() {
		try (StatefulRedisConnection<String, String> connection = this.client.connect()) {
			RedisCommands<String, String> redis = connection.sync();
			for (String consumer : redis.smembers("chimera:consumers")) {
				if (consumer.startsWith("worker") && redis.exists("chimera:consumer:" + consumer + ":alive") == 1) {
					return consumer;
				}
			}
			return null;
		}
	}

	/** Whether the list holds the message. */
	boolean holds(String list, String payload) {
		try (StatefulRedisConnection<String, String> connection = this.client.connect()) {
			return connection.sync().lpos(list, payload) != null;
		}
	}

	/**
	 * Removes a queued task message (one nobody took yet), as a Redis that lost its data would; returns its
	 * task id, or null when no task was queued this time. Its task stays in progress in the database with
	 * nothing left to finish it. Tasks in {@code keep} (delivered twice on purpose, so another copy is queued) are
	 * left alone.
	 */
	String dropTask(Set<String> keep) {
		try (StatefulRedisConnection<String, String> connection = this.client.connect()) {
			RedisCommands<String, String> redis = connection.sync();
			for (String key : lists(redis, "chimera:tasks:*")) {
				List<String> next = redis.lrange(key, -20, -1);
				for (int i = next.size() - 1; i >= 0; i--) {
					String message = next.get(i);
					String taskId = taskId(message);
					// a task delivered twice on purpose has another copy queued: losing one copy loses nothing
					if (taskId != null && !keep.contains(taskId) && redis.lrem(key, 1, message) == 1) {
						return taskId;
					}
				}
			}
			return null;
		}
	}

	/**
	 * Duplicates a result waiting for the judge or being judged right now (a copy goes back on its review
	 * list, as a redelivery would put it); returns its task id, or null when none was found this time.
	 */
	String duplicateResult() {
		try (StatefulRedisConnection<String, String> connection = this.client.connect()) {
			RedisCommands<String, String> redis = connection.sync();
			for (String pattern : List.of("chimera:review:*", "chimera:processing:*")) {
				for (String key : lists(redis, pattern)) {
					int review = key.indexOf(":review:");
					if (review < 0) {
						continue;
					}
					String message = redis.lindex(key, -1);
					if (message == null || taskId(message) == null) {
						continue;
					}
					String reviewList = "chimera" + key.substring(review);
					redis.lpush(reviewList, message);
					redis.sadd("chimera:review:ready", reviewList);
					return taskId(message);
				}
			}
			return null;
		}
	}

	/** How many messages the workers' processing lists hold: tasks being worked right now. */
	long inFlight() {
		try (StatefulRedisConnection<String, String> connection = this.client.connect()) {
			RedisCommands<String, String> redis = connection.sync();
			long total = 0;
			for (String key : lists(redis, "chimera:processing:*")) {
				if (key.contains(":tasks")) {
					total += redis.llen(key);
				}
			}
			return total;
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	/** Every task id that some Redis list (queues, processing lists, review lists, dead letters) still holds. */
	java.util.Set<String> taskIdsHeld() {
		java.util.Set<String> ids = new java.util.HashSet<>();
		try (StatefulRedisConnection<String, String> connection = this.client.connect()) {
			RedisCommands<String, String> redis = connection.sync();
			for (String key : lists(redis, "chimera:*")) {
				for (String message : redis.lrange(key, 0, -1)) {
					Matcher matcher = TASK_ID.matcher(message);
					while (matcher.find()) {
						ids.add(matcher.group(1).toLowerCase(java.util.Locale.ROOT));
					}
				}
			}
		}
		return ids;
	}

	private static List<String> lists(RedisCommands<String, String> redis, String pattern) {
		List<String> keys = new java.util.ArrayList<>();
		ScanIterator<String> scan = ScanIterator.scan(redis, KeyScanArgs.Builder.matches(pattern).limit(500));
		while (scan.hasNext()) {
			String key = scan.next();
			if ("list".equals(redis.type(key))) {
				keys.add(key);
			}
		}
		return keys;
	}

	static String taskId(String message) {
		Matcher matcher = TASK_ID.matcher(message);
		return matcher.find() ? matcher.group(1) : null;
	}

	@Override
	public void close() {
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}
}

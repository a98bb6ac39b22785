package tech.aiqem.chimera.queue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.RedisKeys;
import tech.aiqem.chimera.model.message.TaskMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReliableQueueIntegrationTests {

	private static final List<String> TASKS = RedisKeys.taskQueues();

	private String redisUrl;

	private Redis redis;

	@BeforeEach
	void connect() {
		this.redisUrl = TestServices.freshRedisUrl();
		this.redis = new Redis(this.redisUrl);
	}

	@AfterEach
	void disconnect() {
		this.redis.close();
	}

	private ReliableQueue queue(String consumerId, Duration ttl) {
		return new ReliableQueue(this.redis, consumerId, ttl, Clock.systemUTC());
	}

	@Test
	void messageOfAConsumerKilledMidMessageIsRedeliveredExactlyOnceToAnother() throws Exception {
		ReliableQueue producer = queue("producer", Duration.ofSeconds(2));
		producer.push(RedisKeys.tasks(tech.aiqem.chimera.model.Priority.MEDIUM), "task-1");

		Process victim = startConsumerProcess("victim");
		try {
			BufferedReader out = new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8));
			String line;
			do {
				line = out.readLine();
			}
			while (line != null && !line.startsWith("HOLDING"));
			assertThat(line).isEqualTo("HOLDING task-1");
			assertThat(this.redis.shared().sync().llen(RedisKeys.processing("victim", "chimera:tasks:medium"))).isEqualTo(1);
		}
		finally {
			victim.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}

		ReliableQueue survivor = queue("survivor", Duration.ofSeconds(2));
		survivor.heartbeat();
		// The victim's heartbeat expires (TTL 2 s); the reaper then returns what it held.
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
			.until(() -> survivor.reapDeadConsumers() == 1);
		assertThat(survivor.reapDeadConsumers()).isZero();

		try (ReliableQueue.Consumer consumer = survivor.consumer()) {
			Delivery redelivered = consumer.popByPriority(TASKS, Duration.ofMillis(500));
			assertThat(redelivered.payload()).isEqualTo("task-1");
			assertThat(consumer.popByPriority(TASKS, Duration.ofMillis(300))).isNull();
			survivor.ack(redelivered);
		}
		assertThat(this.redis.shared().sync().keys("chimera:processing:*")).isEmpty();
		assertThat(this.redis.shared().sync().smembers(RedisKeys.CONSUMERS)).doesNotContain("victim");
	}

	@Test
	void aliveConsumersAreNotReaped() {
		ReliableQueue alive = queue("alive", Duration.ofSeconds(30));
		alive.heartbeat();
		alive.push("chimera:tasks:high", "x");
		try (ReliableQueue.Consumer consumer = alive.consumer()) {
			assertThat(consumer.popByPriority(TASKS, Duration.ofMillis(200))).isNotNull();
		}
		assertThat(queue("other", Duration.ofSeconds(30)).reapDeadConsumers()).isZero();
		assertThat(alive.held()).isEqualTo(1);
	}

	@Test
	void aMessageHeldPastItsLeaseByALiveConsumerGoesBackAndAnAcknowledgedOneDoesNot() {
		String medium = RedisKeys.tasks(tech.aiqem.chimera.model.Priority.MEDIUM);
		ReliableQueue producer = queue("producer", Duration.ofSeconds(2));
		producer.push(medium, "task-held");
		producer.push(medium, "task-acked");
		// a consumer whose heartbeat stays fresh: only the lease can bring back what it holds
		ReliableQueue wedged = new ReliableQueue(this.redis, "wedged", Duration.ofSeconds(30), Duration.ofMillis(400),
				Clock.systemUTC());
		wedged.heartbeat();
		try (ReliableQueue.Consumer consumer = wedged.consumer()) {
			assertThat(consumer.popByPriority(TASKS, Duration.ofSeconds(1)).payload()).isEqualTo("task-held");
			Delivery acked = consumer.popByPriority(TASKS, Duration.ofSeconds(1));
			wedged.ack(acked);
		}
		var redis = this.redis.shared().sync();
		assertThat(wedged.returnExpiredLeases()).as("not before the lease ends").isZero();
		assertThat(redis.llen(medium)).isZero();

		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
			.until(() -> wedged.returnExpiredLeases() > 0 || redis.llen(medium) > 0);
		assertThat(redis.lrange(medium, 0, -1)).containsExactly("task-held");
		assertThat(redis.llen(RedisKeys.processing("wedged", medium))).isZero();
		assertThat(redis.zcard(RedisKeys.LEASES)).as("no lease left behind").isZero();
		assertThat(redis.exists(RedisKeys.heartbeat("wedged"))).as("its consumer is alive all along").isOne();
		assertThat(producer.reapDeadConsumers()).isZero();
	}

	@Test
	void malformedMessagesLandInTheDeadLetterListWithTheReason() {
		ReliableQueue queue = queue("judge-1", Duration.ofSeconds(30));
		queue.push("chimera:tasks:high", "{\"task_id\": \"not json");
		try (ReliableQueue.Consumer consumer = queue.consumer()) {
			Delivery delivery = consumer.popByPriority(TASKS, Duration.ofMillis(200));
			assertThat(queue.decodeOrDeadLetter(delivery, TaskMessage.class)).isNull();
		}
		List<String> dead = this.redis.shared().sync().lrange("chimera:dead:tasks:high", 0, -1);
		assertThat(dead).hasSize(1);
		var envelope = ChimeraJson.tree(dead.get(0));
		assertThat(envelope.get("reason").asString()).startsWith("malformed TaskMessage");
		assertThat(envelope.get("payload").asString()).isEqualTo("{\"task_id\": \"not json");
		assertThat(envelope.get("queue").asString()).isEqualTo("chimera:tasks:high");
		assertThat(queue.held()).isZero();
	}

	@Test
	void prioritiesAreServedHighThenMediumThenLowWithoutStarvingLow() {
		ReliableQueue queue = queue("c", Duration.ofSeconds(30));
		for (int i = 0; i < 3; i++) {
			queue.push("chimera:tasks:low", "low-" + i);
			queue.push("chimera:tasks:medium", "medium-" + i);
			queue.push("chimera:tasks:high", "high-" + i);
		}
		List<String> served = new ArrayList<>();
		try (ReliableQueue.Consumer consumer = queue.consumer()) {
			Delivery delivery;
			while ((delivery = consumer.popByPriority(TASKS, Duration.ofMillis(100))) != null) {
				served.add(delivery.payload());
			}
		}
		assertThat(served).hasSize(9);
		assertThat(served.subList(0, 2)).containsExactly("high-0", "high-1");
		assertThat(served.indexOf("high-2")).isLessThan(served.indexOf("medium-2"));
		assertThat(served.indexOf("medium-0")).isLessThan(served.indexOf("low-0"));
		// FIFO within a priority.
		assertThat(served.stream().filter(s -> s.startsWith("low"))).containsExactly("low-0", "low-1", "low-2");

		// A steady backlog of high tasks does not starve low ones.
		for (int i = 0; i < 100; i++) {
			queue.push("chimera:tasks:high", "h" + i);
		}
		queue.push("chimera:tasks:low", "starved?");
		try (ReliableQueue.Consumer consumer = queue.consumer()) {
			int position = 0;
			String payload;
			do {
				payload = consumer.popByPriority(TASKS, Duration.ofMillis(100)).payload();
				position++;
			}
			while (!payload.equals("starved?"));
			assertThat(position).isLessThanOrEqualTo(7);
		}
	}

	@Test
	void tenThousandMessagesFromFourProducersReachFourConsumersAllOnceAfterAcks() throws Exception {
		int perProducer = 2500;
		ExecutorService pool = Executors.newFixedThreadPool(8);
		Set<String> received = ConcurrentHashMap.newKeySet();
		AtomicInteger duplicates = new AtomicInteger();
		try {
			List<Future<?>> producers = new ArrayList<>();
			for (int p = 0; p < 4; p++) {
				int producer = p;
				producers.add(pool.submit(() -> {
					ReliableQueue queue = queue("producer-" + producer, Duration.ofSeconds(30));
					List<String> batch = new ArrayList<>();
					for (int i = 0; i < perProducer; i++) {
						batch.add(producer + ":" + i);
						if (batch.size() == 50) {
							queue.push(RedisKeys.taskQueues().get(i % 3), batch);
							batch.clear();
						}
					}
					queue.push("chimera:tasks:low", batch);
				}));
			}
			List<Future<?>> consumers = new ArrayList<>();
			for (int c = 0; c < 4; c++) {
				int consumerNumber = c;
				consumers.add(pool.submit(() -> {
					ReliableQueue queue = queue("consumer-" + consumerNumber, Duration.ofSeconds(30));
					try (ReliableQueue.Consumer consumer = queue.consumer()) {
						Delivery delivery;
						while ((delivery = consumer.popByPriority(TASKS, Duration.ofSeconds(2))) != null) {
							if (!received.add(delivery.payload())) {
								duplicates.incrementAndGet();
							}
							queue.ack(delivery);
						}
					}
				}));
			}
			for (Future<?> future : producers) {
				future.get(60, TimeUnit.SECONDS);
			}
			for (Future<?> future : consumers) {
				future.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(duplicates.get()).isZero();
		assertThat(received).hasSize(4 * perProducer);
		Set<String> expected = new HashSet<>();
		for (int p = 0; p < 4; p++) {
			for (int i = 0; i < perProducer; i++) {
				expected.add(p + ":" + i);
			}
		}
		assertThat(received).isEqualTo(expected);
		assertThat(this.redis.shared().sync().keys("chimera:processing:*")).isEmpty();
		for (String key : TASKS) {
			assertThat(this.redis.shared().sync().llen(key)).isZero();
		}
	}

	@Test
	void reviewListsAreFoundThroughTheReadySetWithoutPolling() {
		ReliableQueue queue = queue("judge", Duration.ofSeconds(30));
		AgentId a = AgentId.random();
		AgentId b = AgentId.random();
		queue.push(RedisKeys.review(a), List.of("a1", "a2"));
		queue.push(RedisKeys.review(b), "b1");
		assertThat(this.redis.shared().sync().smembers(RedisKeys.REVIEW_READY))
			.containsExactlyInAnyOrder(RedisKeys.review(a), RedisKeys.review(b));

		List<String> got = new ArrayList<>();
		try (ReliableQueue.Consumer consumer = queue.consumer()) {
			List<Delivery> batch;
			while (!(batch = consumer.popReady(10, Duration.ofMillis(200))).isEmpty()) {
				batch.forEach(d -> got.add(d.payload()));
				queue.ackAll(batch);
			}
		}
		Collections.sort(got);
		assertThat(got).containsExactly("a1", "a2", "b1");
		assertThat(this.redis.shared().sync().smembers(RedisKeys.REVIEW_READY)).isEmpty();
	}

	@Test
	void requeueReturnsAHeldMessageToBeServedNext() {
		ReliableQueue queue = queue("w", Duration.ofSeconds(30));
		queue.push("chimera:tasks:high", List.of("first", "second"));
		try (ReliableQueue.Consumer consumer = queue.consumer()) {
			Delivery first = consumer.popByPriority(TASKS, Duration.ofMillis(100));
			assertThat(first.payload()).isEqualTo("first");
			queue.requeue(first);
			assertThat(queue.held()).isZero();
			assertThat(consumer.popByPriority(TASKS, Duration.ofMillis(100)).payload()).isEqualTo("first");
		}
	}

	private Process startConsumerProcess(String consumerId) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), QueueConsumerProcess.class.getName(),
				this.redisUrl, consumerId, String.join(",", TASKS))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.redirectErrorStream(false)
			.start();
	}

}

package tech.aiqem.chimera.worker.task;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.aiqem.chimera.embedded.FreePorts;
import tech.aiqem.chimera.embedded.RedisServer;
import tech.aiqem.chimera.gateway.ModelReply;
import tech.aiqem.chimera.infra.memory.ShortTermMemory;
import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.CampaignId;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.DisclosureLevel;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.Priority;
import tech.aiqem.chimera.model.RedisKeys;
import tech.aiqem.chimera.model.TaskId;
import tech.aiqem.chimera.model.TaskType;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.message.TaskContext;
import tech.aiqem.chimera.model.message.TaskMessage;
import tech.aiqem.chimera.queue.ReliableQueue;
import tech.aiqem.chimera.worker.config.WorkerProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis goes away while a task is being worked (E2002): the finished task's result is delivered and the
 * task acknowledged once Redis is back, instead of staying in this live worker's processing list, where
 * no reaper would ever look (the fault suite found it stranded so).
 */
class TaskRunnerRedisOutageIntegrationTests {

	@Test
	void aResultFinishedWhileRedisIsAwayIsDeliveredWhenItIsBack(@TempDir Path data) throws Exception {
		int port = FreePorts.next();
		RedisServer server = RedisServer.start(data, port);
		Redis redis = new Redis(server.url());
		ReliableQueue queue = new ReliableQueue(redis, "worker-outage-test", Duration.ofSeconds(15), Clock.systemUTC());
		CountDownLatch working = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch answered = new CountDownLatch(1);
		TaskWork work = new TaskWork((role, prompt) -> {
			working.countDown();
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			answered.countDown();
			return new ModelReply("{\"text\":\"Kemis season ✨\",\"image_prompt\":\"kemis\",\"confidence\":0.9,\"reasoning\":\"fits\"}",
					"test", "test-model", 10, 10, BigDecimal.ZERO, Duration.ZERO, false);
		}, new TaskWorkIntegrationTests.FakeTools(), Clock.systemUTC(), "worker-outage-test",
				new ShortTermMemory(redis, Clock.systemUTC(), Duration.ofHours(1), 100));
		TaskRunner runner = new TaskRunner(queue, work,
				new WorkerProperties(1, 1, Duration.ofSeconds(30), 3, Duration.ofMillis(200), Duration.ofSeconds(5), 0), Clock.systemUTC(),
				new SimpleMeterRegistry());
		AgentId agent = AgentId.random();
		TaskMessage task = new TaskMessage(TaskId.random(), agent, CampaignId.random(), TenantId.random(),
				TaskType.CONTENT_GENERATION, Priority.MEDIUM,
				new TaskContext("Promote the kemis collection", List.of(), List.of(), Platform.TWITTER, "Habesha kemis",
						DisclosureLevel.AUTOMATED, null, null),
				null, Instant.now(), Instant.now().plusSeconds(3600), 1L, 1, 0);
		try {
			runner.start();
			queue.push(RedisKeys.tasks(Priority.MEDIUM), ChimeraJson.write(task));
			assertThat(working.await(30, TimeUnit.SECONDS)).isTrue();

			server.close();
			release.countDown();
			assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
			// Redis stays away for a second: the runner writes the result while it is gone.
			await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
			server = RedisServer.start(data, port);

			await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
				.until(() -> redis.shared().sync().llen(RedisKeys.review(agent)) == 1 && queue.held() == 0);
			assertThat(redis.shared().sync().lindex(RedisKeys.review(agent), 0)).contains(task.taskId().toString());
		}
		finally {
			runner.stop();
			redis.close();
			server.close();
		}
	}
}

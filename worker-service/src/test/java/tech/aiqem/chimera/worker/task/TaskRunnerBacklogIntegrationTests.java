package tech.aiqem.chimera.worker.task;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
import tech.aiqem.chimera.queue.ReviewBacklog;
import tech.aiqem.chimera.worker.config.WorkerProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While the judges publish a backlog at the worker's limit, its tasks stay in their queue; when the judges
 * catch up (or stop publishing), the worker takes them.
 */
class TaskRunnerBacklogIntegrationTests {

	@Test
	void tasksWaitInTheirQueueWhileTheJudgesAreBehind(@TempDir Path data) throws Exception {
		RedisServer server = RedisServer.start(data, FreePorts.next());
		Redis redis = new Redis(server.url());
		ReliableQueue queue = new ReliableQueue(redis, "worker-backlog-test", Duration.ofSeconds(15), Clock.systemUTC());
		ReviewBacklog backlog = new ReviewBacklog(redis);
		TaskWork work = new TaskWork((role, prompt) -> new ModelReply(
				"{\"text\":\"Kemis season ✨\",\"image_prompt\":\"kemis\",\"confidence\":0.9,\"reasoning\":\"fits\"}", "test",
				"test-model", 10, 10, BigDecimal.ZERO, Duration.ZERO, false), new TaskWorkIntegrationTests.FakeTools(),
				Clock.systemUTC(), "worker-backlog-test", new ShortTermMemory(redis, Clock.systemUTC(), Duration.ofHours(1), 100));
		WorkerProperties properties = new WorkerProperties(4, 2, Duration.ofSeconds(30), 3, Duration.ofMillis(200),
				Duration.ofSeconds(5), 10);
		TaskRunner runner = new TaskRunner(queue, work, properties, Clock.systemUTC(), new SimpleMeterRegistry(),
				TaskRunner.named("task"), new ReviewBacklogGate(backlog::published, properties.maxReviewBacklog(), Duration.ofMillis(50)));
		AgentId agent = AgentId.random();
		String tasks = RedisKeys.tasks(Priority.MEDIUM);
		try {
			backlog.publish(10, Duration.ofMinutes(1));
			runner.start();
			queue.push(tasks, List.of(task(agent), task(agent)));
			// held back: for two seconds nothing is popped, worked or pushed for review
			await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
			assertThat(redis.shared().sync().llen(tasks)).isEqualTo(2);
			assertThat(redis.shared().sync().llen(RedisKeys.review(agent))).isZero();

			backlog.publish(9, Duration.ofMinutes(1));
			await().atMost(Duration.ofSeconds(20)).until(() -> redis.shared().sync().llen(RedisKeys.review(agent)) == 2);
			assertThat(redis.shared().sync().llen(tasks)).isZero();
		}
		finally {
			runner.stop();
			redis.close();
			server.close();
		}
	}

	private static String task(AgentId agent) {
		return ChimeraJson.write(new TaskMessage(TaskId.random(), agent, CampaignId.random(), TenantId.random(),
				TaskType.CONTENT_GENERATION, Priority.MEDIUM,
				new TaskContext("Promote the kemis collection", List.of(), List.of(), Platform.TWITTER, "Habesha kemis",
						DisclosureLevel.AUTOMATED, null, null),
				null, Instant.now(), Instant.now().plusSeconds(3600), 1L, 1, 0));
	}
}

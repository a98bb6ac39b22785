package tech.aiqem.chimera.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReviewBacklogIntegrationTests {

	private Redis redis;

	private ReliableQueue queue;

	private ReviewBacklog backlog;

	@BeforeEach
	void connect() {
		this.redis = new Redis(TestServices.freshRedisUrl());
		this.queue = new ReliableQueue(this.redis, "judge-1", Duration.ofSeconds(15), Clock.systemUTC());
		this.backlog = new ReviewBacklog(this.redis);
	}

	@AfterEach
	void disconnect() {
		this.redis.close();
	}

	@Test
	void countsTheResultsWaitingInEveryAgentsReviewListButNotThosePopped() {
		assertThat(this.backlog.count()).isZero();
		this.queue.push(RedisKeys.review(AgentId.random()), List.of("r1", "r2", "r3"));
		this.queue.push(RedisKeys.review(AgentId.random()), List.of("r4", "r5"));
		// a task list is not a review list: its messages wait for workers, not judges
		this.queue.push(RedisKeys.taskQueues().get(0), List.of("t1"));
		assertThat(this.backlog.count()).isEqualTo(5);

		try (ReliableQueue.Consumer judge = this.queue.consumer()) {
			assertThat(judge.popReady(2, Duration.ofMillis(100))).hasSize(2);
		}
		assertThat(this.backlog.count()).isEqualTo(3);
	}

	@Test
	void aPublishedCountIsReadUntilItLapses() {
		assertThat(this.backlog.published()).as("nothing published: nothing holds workers back").isZero();
		this.queue.push(RedisKeys.review(AgentId.random()), List.of("r1", "r2"));
		this.backlog.countAndPublish(Duration.ofMillis(600));
		assertThat(this.backlog.published()).isEqualTo(2);
		// no judge renews it (all judges stopped): it lapses, and workers are not held back by a stale count
		await().atMost(Duration.ofSeconds(5)).until(() -> this.backlog.published() == 0);
		assertThat(this.backlog.count()).isEqualTo(2);
	}
}

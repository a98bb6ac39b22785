package tech.aiqem.chimera.infra.observability;

import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.lettuce.core.metrics.CommandLatencyRecorder;

import tech.aiqem.chimera.embedded.TestServices;
import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.model.Priority;
import tech.aiqem.chimera.model.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

/** Queue-depth gauges and Redis command timing against a real Redis. */
class RedisMetersIntegrationTests {

	@Test
	void queueDepthGaugesShowWhatWaitsInRedis() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		try (Redis redis = new Redis(TestServices.freshRedisUrl())) {
			QueueDepthGauges gauges = new QueueDepthGauges(redis, meters);
			RedisCommands<String, String> commands = redis.shared().sync();
			commands.lpush(RedisKeys.tasks(Priority.HIGH), "a", "b", "c");
			commands.lpush(RedisKeys.tasks(Priority.LOW), "d");
			commands.sadd(RedisKeys.REVIEW_READY, "chimera:review:agent-1", "chimera:review:agent-2");
			commands.lpush(RedisKeys.dead(RedisKeys.tasks(Priority.MEDIUM)), "bad-1", "bad-2");
			commands.lpush(RedisKeys.dead("chimera:review:agent-9"), "bad-3");
			commands.set(RedisKeys.REVIEW_BACKLOG, "1150");

			assertThat(meters.get(QueueDepthGauges.METER).tag("queue", "high").gauge().value()).isZero();
			gauges.refresh();

			assertThat(meters.get(QueueDepthGauges.METER).tag("queue", "high").gauge().value()).isEqualTo(3);
			assertThat(meters.get(QueueDepthGauges.METER).tag("queue", "medium").gauge().value()).isZero();
			assertThat(meters.get(QueueDepthGauges.METER).tag("queue", "low").gauge().value()).isEqualTo(1);
			assertThat(meters.get(QueueDepthGauges.METER).tag("queue", "review").gauge().value()).isEqualTo(1150);
			assertThat(meters.get(QueueDepthGauges.METER).tag("queue", "review_ready").gauge().value()).isEqualTo(2);
			assertThat(meters.get(QueueDepthGauges.METER).tag("queue", "dead").gauge().value()).isEqualTo(3);

			commands.rpop(RedisKeys.tasks(Priority.HIGH));
			commands.del(RedisKeys.REVIEW_BACKLOG); // no judge renewed it: nothing reads as waiting
			gauges.refresh();
			assertThat(gauges.depth("high")).isEqualTo(2);
			assertThat(gauges.depth("review")).isZero();
		}
	}

	@Test
	void everyRedisCommandIsTimedWhenTheRecorderIsConfigured() {
		new ApplicationContextRunner().withBean(SimpleMeterRegistry.class)
			.withPropertyValues("chimera.observability.redis-latency=true")
			.withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class))
			.run(context -> {
				SimpleMeterRegistry meters = context.getBean(SimpleMeterRegistry.class);
				try (Redis redis = new Redis(TestServices.freshRedisUrl(), context.getBean(CommandLatencyRecorder.class))) {
					for (int i = 0; i < 20; i++) {
						redis.shared().sync().set("chimera:test:key", "v" + i);
					}
					redis.shared().sync().get("chimera:test:key");
				}
				Timer set = meters.get("lettuce.command.completion").tag("command", "SET").timer();
				assertThat(set.count()).isEqualTo(20);
				assertThat(set.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
				assertThat(meters.get("lettuce.command.completion").tag("command", "GET").timer().count()).isEqualTo(1);
			});
	}

	@Test
	void theRecorderIsThereWhenBootConfiguresTheMeterRegistry() {
		new ApplicationContextRunner()
			.withPropertyValues("chimera.observability.redis-latency=true")
			.withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
					org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration.class,
					org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration.class))
			.run(context -> assertThat(context).hasSingleBean(CommandLatencyRecorder.class));
	}

	@Test
	void redisTimingCanBeSwitchedOff() {
		new ApplicationContextRunner().withBean(SimpleMeterRegistry.class)
			.withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class))
			.withPropertyValues("chimera.observability.redis-latency=false")
			.run(context -> assertThat(context).doesNotHaveBean(CommandLatencyRecorder.class));
	}

	@Test
	void redisTimingIsOnByDefault() {
		new ApplicationContextRunner().withBean(SimpleMeterRegistry.class)
			.withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class))
			.run(context -> assertThat(context).hasSingleBean(CommandLatencyRecorder.class));
	}

	/** Commands sent while the context starts are not timed: recording then could deadlock start-up. */
	@Test
	void commandsAreTimedOnlyOnceTheContextIsRefreshed() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		AfterRefreshLatencyRecorder recorder = new AfterRefreshLatencyRecorder(
				new io.lettuce.core.metrics.MicrometerCommandLatencyRecorder(meters,
						io.lettuce.core.metrics.MicrometerOptions.create()));
		try (Redis redis = new Redis(TestServices.freshRedisUrl(), recorder)) {
			redis.shared().sync().set("chimera:test:early", "v");
			assertThat(meters.find("lettuce.command.completion").timers()).isEmpty();

			recorder.onApplicationEvent(new org.springframework.context.event.ContextRefreshedEvent(
					new org.springframework.context.support.GenericApplicationContext()));
			redis.shared().sync().set("chimera:test:late", "v");
		}
		assertThat(recorder.recording()).isTrue();
		assertThat(meters.get("lettuce.command.completion").tag("command", "SET").timer().count()).isEqualTo(1);
	}
}

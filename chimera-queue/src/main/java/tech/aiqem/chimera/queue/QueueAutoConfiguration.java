package tech.aiqem.chimera.queue;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import tech.aiqem.chimera.infra.ChimeraInfraAutoConfiguration;
import tech.aiqem.chimera.infra.config.InfraProperties;
import tech.aiqem.chimera.infra.redis.Redis;

/**
 * The reliable queue for the services that push or pop (planner, worker, judge), with this process's consumer
 * id, and its heartbeat and reaper ({@link QueueMaintenance}).
 */
@AutoConfiguration(after = ChimeraInfraAutoConfiguration.class)
@EnableConfigurationProperties(QueueProperties.class)
public class QueueAutoConfiguration {

	@Bean
	ReliableQueue reliableQueue(Redis redis, InfraProperties infra, QueueProperties properties, Clock clock) {
		return new ReliableQueue(redis, infra.instanceId(), properties.heartbeatTtl(), properties.lease(), clock);
	}

	@Bean
	ReviewBacklog reviewBacklog(Redis redis) {
		return new ReviewBacklog(redis);
	}

	@Bean
	QueueMaintenance queueMaintenance(ReliableQueue queue, QueueProperties properties) {
		return new QueueMaintenance(queue, properties.heartbeatTtl(), properties.reapInterval());
	}
}

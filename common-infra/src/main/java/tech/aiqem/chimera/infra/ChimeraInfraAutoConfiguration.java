package tech.aiqem.chimera.infra;

import java.time.Clock;
import java.time.Instant;

import io.lettuce.core.metrics.CommandLatencyRecorder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import tech.aiqem.chimera.infra.config.InfraProperties;
import tech.aiqem.chimera.infra.redis.Redis;
import tech.aiqem.chimera.infra.redis.RedisHealthIndicator;
import tech.aiqem.chimera.infra.time.RealTime;
import tech.aiqem.chimera.infra.time.ScaledClock;

@AutoConfiguration
@EnableConfigurationProperties(InfraProperties.class)
public class ChimeraInfraAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock(InfraProperties properties) {
		InfraProperties.Time time = properties.time();
		Instant origin = time.origin() != null ? time.origin() : Instant.now();
		return new ScaledClock(Clock.systemUTC(), origin, time.scale());
	}

	/** Wall-clock time for human deadlines, audit and security timestamps (see {@link RealTime}). */
	@Bean
	@ConditionalOnMissingBean
	RealTime realTime() {
		return RealTime.system();
	}

	@Bean(destroyMethod = "close")
	Redis redis(InfraProperties properties, ObjectProvider<CommandLatencyRecorder> latencyRecorder) {
		return new Redis(properties.redisUrl(), latencyRecorder.getIfAvailable());
	}

	@Bean
	RedisHealthIndicator redisHealthIndicator(Redis redis) {
		return new RedisHealthIndicator(redis);
	}
}

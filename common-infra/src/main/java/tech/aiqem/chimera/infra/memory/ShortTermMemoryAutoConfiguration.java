package tech.aiqem.chimera.infra.memory;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import tech.aiqem.chimera.infra.ChimeraInfraAutoConfiguration;
import tech.aiqem.chimera.infra.redis.Redis;

/**
 * {@link ShortTermMemory} for every service: it needs only the shared Redis, so workers and the planner
 * get it without the semantic store (which lives in mcp-tools, behind the memory tools).
 */
@AutoConfiguration(after = ChimeraInfraAutoConfiguration.class)
@EnableConfigurationProperties(ShortTermMemoryProperties.class)
public class ShortTermMemoryAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ShortTermMemory shortTermMemory(Redis redis, Clock clock, ShortTermMemoryProperties properties) {
		return new ShortTermMemory(redis, clock, properties.ttl(), properties.capacity());
	}
}

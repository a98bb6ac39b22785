package tech.aiqem.chimera.infra.model.offline;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;

import tech.aiqem.chimera.infra.model.ChatProvider;
import tech.aiqem.chimera.infra.model.ModelGatewayAutoConfiguration;

/** Registers the offline model under the bean name the gateway looks for. */
@AutoConfiguration(before = ModelGatewayAutoConfiguration.class)
@EnableConfigurationProperties(OfflineModelAutoConfiguration.OfflineModelProperties.class)
public class OfflineModelAutoConfiguration {

	@Bean(name = ModelGatewayAutoConfiguration.OFFLINE_PROVIDER_BEAN)
	@ConditionalOnMissingBean(name = ModelGatewayAutoConfiguration.OFFLINE_PROVIDER_BEAN)
	ChatProvider offline(OfflineModelProperties properties) {
		return new OfflineModel(properties.latency(), properties.jitter(), properties.slowShare(), properties.slowLatency());
	}

	/**
	 * @param latency how long each answer takes (0 by default; benchmarks set e.g. 2s for workers)
	 * @param jitter plus or minus this much, uniformly
	 * @param slowShare fault knob (the fault suite sets it; 0, off, by default): the share of calls working a
	 * task (a post or a reply) that take {@code slowLatency}, to exercise the worker's task timeout (E2001)
	 * @param slowLatency how long such a slow call takes
	 */
	@ConfigurationProperties("chimera.models.offline")
	public record OfflineModelProperties(@DefaultValue("0ms") Duration latency, @DefaultValue("0ms") Duration jitter,
			@DefaultValue("0") double slowShare, @DefaultValue("0ms") Duration slowLatency) {
	}
}

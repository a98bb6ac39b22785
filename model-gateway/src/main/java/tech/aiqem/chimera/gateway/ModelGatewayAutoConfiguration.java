package tech.aiqem.chimera.gateway;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * The {@link ModelGateway} of every service. With no API key set it needs a {@link ChatProvider} bean
 * named {@code offline}; with neither, start-up fails naming the variables to set. The bean is lazy so
 * that services which never call a model (orchestrator, MCP tools) do not need keys or the offline
 * model; a service that injects the gateway still fails at start-up, when it is injected.
 */
@AutoConfiguration
@EnableConfigurationProperties(ModelProperties.class)
public class ModelGatewayAutoConfiguration {

	/** The bean name the offline model must have. */
	public static final String OFFLINE_PROVIDER_BEAN = "offline";

	@Bean
	@Lazy
	@ConditionalOnMissingBean(ModelGateway.class)
	ModelGateway modelGateway(ModelProperties properties, BeanFactory beanFactory,
			ObjectProvider<MeterRegistry> registry) {
		ChatProvider offline = beanFactory.containsBean(OFFLINE_PROVIDER_BEAN)
				? beanFactory.getBean(OFFLINE_PROVIDER_BEAN, ChatProvider.class) : null;
		return ModelGateways.create(properties, offline, registry.getIfAvailable(() -> Metrics.globalRegistry),
				Sleeper.THREAD, () -> ThreadLocalRandom.current().nextDouble(), Clock.systemUTC());
	}
}

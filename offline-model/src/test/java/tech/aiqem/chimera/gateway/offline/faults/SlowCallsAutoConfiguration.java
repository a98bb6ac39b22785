package tech.aiqem.chimera.gateway.offline.faults;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import tech.aiqem.chimera.gateway.ChatProvider;
import tech.aiqem.chimera.gateway.ModelGatewayAutoConfiguration;

/**
 * The fault knob, for the fault suite only: this class is in offline-model's test jar, which chimera-local puts
 * on the services' class path when asked to ({@code CHIMERA_EXTRA_CLASSPATH}); no service jar holds it. With
 * {@code chimera.models.offline.slow-share} above 0 the offline model bean is wrapped in {@link SlowTaskCalls}.
 * Services without the offline model (the orchestrator, mcp-tools) skip it.
 */
@AutoConfiguration(afterName = "tech.aiqem.chimera.gateway.offline.OfflineModelAutoConfiguration")
@ConditionalOnClass(name = "tech.aiqem.chimera.gateway.offline.OfflineModel")
public class SlowCallsAutoConfiguration {

	@Bean
	static BeanPostProcessor slowTaskCalls(Environment environment) {
		SlowCalls knob = Binder.get(environment).bindOrCreate("chimera.models.offline", SlowCalls.class);
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (knob.slowShare() > 0 && ModelGatewayAutoConfiguration.OFFLINE_PROVIDER_BEAN.equals(name)
						&& bean instanceof ChatProvider model) {
					return new SlowTaskCalls(model, knob.slowShare(), knob.slowLatency());
				}
				return bean;
			}
		};
	}

	/**
	 * @param slowShare the share of calls working a task (a post or a reply) that take {@code slowLatency}; 0, off,
	 * by default
	 * @param slowLatency how long such a slow call takes
	 */
	record SlowCalls(@DefaultValue("0") double slowShare, @DefaultValue("0ms") Duration slowLatency) {
	}
}
